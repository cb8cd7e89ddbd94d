#!/usr/bin/env python3
"""Insights page at scale (issue 16 item 5): `.venv/bin/python bench/insights.py`.

Makes a throwaway SQLite database (production settings: DEBUG off, cached templates),
seeds 100 assessments and 300 drafts, times GET /staff/insights/ (the default 90 days)
for a signed-in "Clinic staff" user through Django's test client in this process, then
grows the data to 100,000 assessments and 300,000 drafts with bulk_create and times it
again. Assessments are spread over 180 days, drafts' funnel records too (a third of them
submitted). Prints a Markdown table and writes bench/insights-results.json; the figures
and this command are copied into docs/performance.md by hand (bench/analysis.md).

    --small 100 --assessments 100000 --drafts 300000 -n 30   (the defaults)

Takes about two minutes on 2 cores (most of it seeding). Not part of the test run.
"""

import argparse
import json
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
parser.add_argument("--keep", action="store_true", help="keep the database folder")
parser.add_argument("-n", type=int, default=30, help="timed requests per size")
args = parser.parse_args()

var_dir = Path(tempfile.mkdtemp(prefix="hairtx-insights-bench-"))
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
from django.utils import timezone

call_command("migrate", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)

from assessments.models import Assessment, Draft
from bench.seeding import seed_assessments, seed_drafts
from bench.tasks import cmd_staff_user


def time_page(client: Client) -> dict:
    response = client.get("/staff/insights/")
    assert response.status_code == 200, response.status_code
    queries = []
    with connection.execute_wrapper(lambda ex, sql, *a: queries.append(sql) or ex(sql, *a)):
        client.get("/staff/insights/")
    times, cpu = [], []
    for _ in range(args.n):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get("/staff/insights/")
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {"assessments": Assessment.objects.count(), "drafts": Draft.objects.count(),
            # The fastest of n: the least disturbed by other work on a shared machine.
            "min_ms": round(min(times), 1),
            "median_ms": round(statistics.median(times), 1),
            "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1),
            # CPU time of this process (Django and SQLite both run in it): less moved
            # than wall time by other work on a shared machine.
            "median_cpu_ms": round(statistics.median(cpu), 1),
            "queries": len(queries), "bytes": len(response.content)}


def main() -> None:
    from django.contrib.auth.models import User

    cmd_staff_user(None)
    client = Client()
    client.force_login(User.objects.get(username="bench-nurse"))
    results = []
    seed_assessments(args.small)
    seed_drafts(3 * args.small)
    results.append(time_page(client))
    started = time.perf_counter()
    seed_assessments(args.assessments)
    seed_drafts(args.drafts)
    connection.cursor().execute("ANALYZE")
    seeded = round(time.perf_counter() - started, 1)
    results.append(time_page(client))
    ratio = round(results[1]["median_ms"] / results[0]["median_ms"], 2)
    cpu_ratio = round(results[1]["median_cpu_ms"] / results[0]["median_cpu_ms"], 2)
    min_ratio = round(results[1]["min_ms"] / results[0]["min_ms"], 2)
    report = {"measured_at": timezone.now().isoformat(timespec="minutes"),
              "load_average": os.getloadavg(), "seed_seconds": seeded, "runs": results,
              "ratio_median": ratio, "ratio_min": min_ratio, "ratio_median_cpu": cpu_ratio,
              "goal": "<= 3.0",
              "met": ratio <= 3.0}
    (ROOT / "bench" / "insights-results.json").write_text(json.dumps(report, indent=2) + "\n")
    print("| assessments | drafts | min ms | median ms | p90 ms | median CPU ms | queries | "
          "bytes |")
    print("|---|---|---|---|---|---|---|---|")
    for run in results:
        print(f"| {run['assessments']:,} | {run['drafts']:,} | {run['min_ms']} | "
              f"{run['median_ms']} | "
              f"{run['p90_ms']} | {run['median_cpu_ms']} | {run['queries']} | "
              f"{run['bytes']:,} |")
    print(f"\nratio big / small: median {ratio}, fastest {min_ratio}, median CPU {cpu_ratio} "
          f"(goal <= 3.0); seeding took "
          f"{seeded} s; load average {os.getloadavg()}")


if __name__ == "__main__":
    try:
        main()
    finally:
        if args.keep:
            print(f"database kept in {var_dir}")
        else:
            import shutil

            shutil.rmtree(var_dir, ignore_errors=True)
