"""One questionnaire step POST, in one process: SQL queries and CPU time per request.

    .venv/bin/python bench/step_post.py [-n 200]

Builds a throw-away SQLite database (migrated, guide loaded) in a temporary folder,
production settings (DEBUG off, cached templates), Django's test client. For each
page posted with Next (the answers of a typical patient, as a browser without
JavaScript sends them): the SQL queries of one request and the CPU time per request
over ``-n`` posts (time.process_time). Used for issue 24 point 4 (the step POST in one
pass); bench/run.py has the HTTP figures.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser()
parser.add_argument("-n", type=int, default=200)
args = parser.parse_args()
var_dir = tempfile.mkdtemp(prefix="hairtx-step-bench-")
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "hairtx.settings", "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40, "DJANGO_ALLOWED_HOSTS": "testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SECURE_COOKIES": "false",
    "HAIRTX_VAR_DIR": var_dir, "DATABASE_URL": "",
    "DJANGO_STATIC_ROOT": str(Path(var_dir) / "staticfiles"), "DJANGO_LOG_LEVEL": "WARNING",
})
import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.db import connection  # noqa: E402

from assessments import intake  # noqa: E402
from assessments.models import Draft  # noqa: E402

call_command("migrate", verbosity=0)
call_command("load_guide", verbosity=0)

answers = json.loads((ROOT / "docs/examples/early-male-pattern.json").read_text())


def page_data(step: intake.Step, draft: Draft) -> dict:
    """The step as a browser posts it: applicable answers, the checklist ticked."""
    data = {"draft": draft.token, "action": "next"}
    checklist = step.checklist
    ticks = checklist.ticks_from(answers) if checklist else None
    for question in step.questions:
        item = checklist.item_for(question.key) if checklist else None
        if item is not None and (item.yes_value or question.key not in ticks):
            continue
        if question.key in answers and question.applies(answers):
            data[question.key] = answers[question.key]
    if ticks:
        data[checklist.key] = ticks
    return data


print(f"{'step POST':<22} {'CPU ms/request':>14} {'queries':>8}")
for step in intake.STEPS:
    client = Client()
    earlier = {k: v for k, v in answers.items()
               if any(q.key == k for s in intake.STEPS[: step.number - 1] for q in s.questions)}
    draft = Draft.objects.create(answers=earlier, furthest_step=step.number)
    session = client.session
    session["draft_token"] = draft.token
    session.save()
    url = f"/questionnaire/step/{step.number}/"
    data = page_data(step, draft)
    response = client.post(url, data)
    assert response.status_code == 302, (step.slug, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.post(url, data)
    queries = list(captured)  # read now: the next request empties the connection's log
    start = time.process_time()
    for _ in range(args.n):
        client.post(url, data)
    cpu = (time.process_time() - start) / args.n * 1000
    print(f"{step.number} {step.slug:<20} {cpu:14.2f} {len(queries):8d}")
    if os.environ.get("BENCH_SHOW_SQL"):
        for query in queries:
            print("   ", query["sql"][:160])
