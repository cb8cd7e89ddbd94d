"""Where the time goes, per page, in one process (no HTTP, no load generator).

    .venv/bin/python bench/profile_pages.py VAR_DIR [--profile PAGE] [-n 200]

VAR_DIR is a benchmark database (bench/run.py --keep prints it). Production settings
(DEBUG off, cached templates), Django's test client. For each page: CPU ms per request
and SQL queries per request; --profile PAGE prints the top of a cProfile of that page.
Used to decide what to optimise; not part of the benchmark figures.
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser()
parser.add_argument("var_dir")
parser.add_argument("--profile")
parser.add_argument("-n", type=int, default=200)
args = parser.parse_args()
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "hairtx.settings", "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "profile-only-" + "x" * 40, "DJANGO_ALLOWED_HOSTS": "testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SECURE_COOKIES": "false",
    "HAIRTX_VAR_DIR": args.var_dir, "DJANGO_STATIC_ROOT": str(Path(args.var_dir).parent / "staticfiles"),
    "DJANGO_LOG_LEVEL": "WARNING",
})
import django  # noqa: E402

django.setup()
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from assessments.models import Assessment, Draft  # noqa: E402

answers = json.loads((ROOT / "docs/examples/early-male-pattern.json").read_text())
draft = Draft.objects.create(answers={k: answers[k] for k in (
    "sex_at_birth", "age_band", "family_plans", "pattern", "norwood_stage", "duration", "onset_speed",
    "shedding_amount", "triggers_recent", "family_history", "scalp_symptoms",
    "other_hair_loss", "nail_changes", "general_symptoms", "hair_pulling")}, furthest_step=4)
stepper = Client()
session = stepper.session
session["draft_token"] = draft.token
session.save()
poster = Client()
post_draft = Draft.objects.create()
session = poster.session
session["draft_token"] = post_draft.token
session.save()
staff = Client()
staff.force_login(User.objects.get(username="bench-nurse"))
assessment = Assessment.objects.exclude(pdf_name="").first()
anon = Client()

pages = {
    "guide": lambda: anon.get("/guide/"),
    "home": lambda: anon.get("/"),
    "compare": lambda: anon.get("/compare/"),
    "option": lambda: anon.get("/options/prp/"),
    "step_get": lambda: stepper.get("/questionnaire/step/4/"),
    "step1_get": lambda: stepper.get("/questionnaire/step/1/"),
    "step_post": lambda: poster.post("/questionnaire/step/1/", {
        "draft": post_draft.token, "action": "next", "sex_at_birth": "male",
        "age_band": "25_34", "family_plans": "no"}),
    "summary": lambda: anon.get(f"/summary/{assessment.token}/"),
    "pdf_stored": lambda: anon.get(f"/summary/{assessment.token}/pdf/"),
    "staff_list": lambda: staff.get("/staff/"),
}
for name, call in pages.items():
    if args.profile and name != args.profile:
        continue
    response = call()
    assert response.status_code in (200, 302), (name, response.status_code)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)):
        call()
    n = args.n
    start = time.process_time()
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for _ in range(n):
        response = call()
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    if profiler:
        profiler.disable()
    cpu = (time.process_time() - start) / n * 1000
    print(f"{name:<12} {cpu:7.2f} ms CPU/request  {len(queries):2d} queries  "
          f"{len(getattr(response, 'content', b'') or b'')} bytes  status {response.status_code}")
    if profiler:
        for sql in queries:
            print("   SQL", sql[:150])
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(45)
