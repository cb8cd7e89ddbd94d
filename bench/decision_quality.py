#!/usr/bin/env python3
"""Decision quality on the insights page at scale (issue 26):
`.venv/bin/python bench/decision_quality.py`.

Makes a throwaway SQLite database (production settings) and seeds it as
bench/insights.py does (``bench.seeding``: assessments over 180 days with their signal
rows, drafts with funnel records), plus a decision for 60% of the assessments (decided 0
to 30 days after the summary) and a 3-month follow-up for two thirds of those whose 3
months have passed. Then times ``decision_quality`` (the decision-quality blocks,
default 90 days) and the whole insights page, at a small size and at 100,000
assessments. Prints a Markdown table. Not part of the test run.

    --small 100 --assessments 100000 --drafts 300000 -n 10   (the defaults)
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser()
parser.add_argument("--small", type=int, default=100)
parser.add_argument("--assessments", type=int, default=100_000)
parser.add_argument("--drafts", type=int, default=300_000)
parser.add_argument("-n", type=int, default=10, help="timed runs per size")
args = parser.parse_args()

var_dir = Path(tempfile.mkdtemp(prefix="hairtx-decisions-bench-"))
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "hairtx.settings", "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40, "DJANGO_ALLOWED_HOSTS": "testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "false", "DJANGO_SECURE_COOKIES": "false",
    "HAIRTX_VAR_DIR": str(var_dir), "DATABASE_URL": "",
    "DJANGO_STATIC_ROOT": str(var_dir / "staticfiles"), "DJANGO_LOG_LEVEL": "WARNING",
})
import django

django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client

call_command("migrate", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)

from assessments.decisions.insights import decision_quality
from assessments.decisions.models import Decision, FollowUp
from assessments.models import Assessment, Draft
from assessments.staff.insights import Period
from bench.seeding import seed_assessments, seed_drafts
from bench.tasks import cmd_staff_user


def timed(function) -> dict:
    function()
    times = []
    for _ in range(args.n):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return {"min_ms": round(min(times), 1), "median_ms": round(statistics.median(times), 1)}


def measure(client: Client) -> dict:
    period = Period.default()
    queries = []
    with connection.execute_wrapper(lambda ex, sql, *a: queries.append(sql) or ex(sql, *a)):
        decision_quality(period)
    return {"assessments": Assessment.objects.count(), "drafts": Draft.objects.count(),
            "decisions": Decision.objects.count(),
            "follow_ups": FollowUp.objects.count(), "queries": len(queries),
            "blocks": timed(lambda: decision_quality(period)),
            "page": timed(lambda: client.get("/staff/insights/"))}


def main() -> None:
    from django.contrib.auth.models import User

    cmd_staff_user(None)
    client = Client()
    client.force_login(User.objects.get(username="bench-nurse"))
    seed_assessments(args.small, decisions=True)
    seed_drafts(3 * args.small)
    runs = [measure(client)]
    seed_assessments(args.assessments, decisions=True)
    seed_drafts(args.drafts)
    connection.cursor().execute("ANALYZE")
    runs.append(measure(client))
    print("| assessments | drafts | decisions | follow-ups | queries | blocks min / median ms "
          "| whole page min / median ms |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        print(f"| {run['assessments']:,} | {run['drafts']:,} | {run['decisions']:,} | "
              f"{run['follow_ups']:,} | "
              f"{run['queries']} | {run['blocks']['min_ms']} / {run['blocks']['median_ms']} | "
              f"{run['page']['min_ms']} / {run['page']['median_ms']} |")
    print(f"\nload average {os.getloadavg()}")


if __name__ == "__main__":
    try:
        main()
    finally:
        import shutil

        shutil.rmtree(var_dir, ignore_errors=True)
