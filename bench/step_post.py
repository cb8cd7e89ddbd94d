"""One questionnaire step POST, in one process: SQL queries and CPU time per request.

    .venv/bin/python bench/step_post.py [-n 200] [--steady] [--profile N]

Builds a throw-away SQLite database (migrated, guide loaded) in a temporary folder,
production settings (DEBUG off, cached templates), Django's test client. For each
page posted with Next (the answers of a typical patient, as a browser without
JavaScript sends them, each time from a fresh draft that has just reached the page, as
a patient posts it once): the SQL queries of one request and the CPU time of the
request alone over ``-n`` posts (time.process_time). Used for issue 24 point 4 (the
step POST in one pass); bench/run.py has the HTTP figures.

``--steady``: the same valid step 1 posted again and again with one draft and one
session, as bench/run.py's wrk does (the funnel record does not move after the first).
``--profile N``: with --steady, also print the top N functions of a cProfile of the
posts (cumulative time).
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser()
parser.add_argument("-n", type=int, default=200)
parser.add_argument("--steady", action="store_true")
parser.add_argument("--profile", type=int, default=0, metavar="N")
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
from assessments.services import draft_start  # noqa: E402

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


def draft_at(step: intake.Step) -> Draft:
    """A patient's draft (with its funnel record) that has just reached ``step``."""
    keys = {question.key for page in intake.STEPS[: step.number - 1] for question in page.questions}
    earlier = {key: value for key, value in answers.items() if key in keys}
    draft = draft_start()
    draft.answers, draft.furthest_step = earlier, step.number
    draft.save()
    return draft


FORM_ENCODED = "application/x-www-form-urlencoded"


def steady_state() -> None:
    """Step 1 posted ``-n`` times with one draft and session (bench/run.py's step_post)."""
    client, step = Client(), intake.STEPS[0]
    draft = draft_at(step)
    session = client.session
    session["draft_token"] = draft.token
    session.save()
    # Form-encoded, as browsers and wrk send it (the test client's default is multipart).
    body = urlencode(page_data(step, draft), doseq=True)

    def post():
        return client.post("/questionnaire/step/1/", body, content_type=FORM_ENCODED)

    for _ in range(3):  # warm-up; the first post moves the funnel record on
        assert post().status_code == 302
    with CaptureQueriesContext(connection) as captured:
        post()
        queries = list(captured)
    profiler = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    for _ in range(args.n):
        post()
    if profiler:
        profiler.disable()
    cpu = time.process_time() - started
    print(f"steady state, step 1 posted {args.n} times: {cpu / args.n * 1000:.2f} CPU ms "
          f"per request, {len(queries)} queries")
    for query in queries:
        print("   ", query["sql"][:160])
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if args.steady:
    steady_state()
    sys.exit()

print(f"{'step POST (Next)':<22} {'CPU ms/request':>14} {'queries':>8}")
for step in intake.STEPS:
    client = Client()
    url = f"/questionnaire/step/{step.number}/"
    cpu, queries = 0.0, []
    for attempt in range(args.n + 1):
        # Untimed: a fresh draft at this step, in the session as after the page's GET.
        draft = draft_at(step)
        session = client.session
        session["draft_token"] = draft.token
        session.save()
        data = page_data(step, draft)
        if attempt == 0:  # the first post: its queries (and warm-up)
            with CaptureQueriesContext(connection) as captured:
                response = client.post(url, data)
            queries = list(captured)  # read now: the next request empties the log
            assert response.status_code == 302, (step.slug, response.status_code)
            continue
        started = time.process_time()
        client.post(url, data)
        cpu += time.process_time() - started
    print(f"{step.number} {step.slug:<20} {cpu / args.n * 1000:14.2f} {len(queries):8d}")
    if os.environ.get("BENCH_SHOW_SQL"):
        for query in queries:
            print("   ", query["sql"][:160])
