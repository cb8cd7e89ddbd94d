#!/usr/bin/env python3
"""How fast ``manage.py export_fhir`` runs and how much memory it takes, by row count.

    .venv/bin/python bench/fhir_export.py [--rows 2000 20000]

For each row count: a throwaway SQLite database in a temporary folder, that many
assessments (the quiet baseline answers) sharing one real summary PDF (rendered once, so
the bundles are full size but rendering is not what is timed), then ``export_fhir
--output`` in a child process. Reports the export's own time (Django start-up left
out), bundles per second, the child's peak resident memory and the file size, and writes bench/fhir_export.md. Not part of the
test run.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "bench" / "fhir_export.md"

SETUP = """
import django, sys
django.setup()
from django.core.management import call_command
from assessments import pdf
from assessments.models import Assessment, new_reference_code, new_token
from tests.assessments.factories import make_assessment

call_command("migrate", verbosity=0)
template = make_assessment()
name = pdf.summary_pdf_ensure(assessment=template)
rows = int(sys.argv[1]) - 1
batch = [
    Assessment(reference_code=new_reference_code(), token=new_token(),
               answers=template.answers, summary=template.summary,
               ruleset_version=template.ruleset_version, leaning=template.leaning,
               pdf_name=name, created_on=template.created_on)
    for _ in range(rows)
]
Assessment.objects.bulk_create(batch, batch_size=1000)
print(Assessment.objects.count())
"""

# The export in its own process, reporting that process's own peak memory.
EXPORT = """
import django, resource, sys, time
django.setup()
from django.core.management import call_command
started = time.perf_counter()
call_command("export_fhir", "--output", sys.argv[1], verbosity=0)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(rows: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="hairtx-fhir-bench-") as folder:
        env = {**os.environ, "HAIRTX_VAR_DIR": folder, "DATABASE_URL": "",
               "DJANGO_SETTINGS_MODULE": "hairtx.settings", "PYTHONPATH": str(ROOT)}
        made = subprocess.run([sys.executable, "-c", SETUP, str(rows)], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
        assert int(made.stdout.strip()) == rows, made.stdout
        output = Path(folder) / "export.ndjson"
        exported = subprocess.run([sys.executable, "-c", EXPORT, str(output)], env=env,
                                  cwd=ROOT, capture_output=True, text=True, check=True)
        seconds, peak_kib = exported.stdout.split()[-2:]
        seconds, peak_kib = float(seconds), int(peak_kib)
        lines = sum(1 for _ in output.open(encoding="utf-8"))
        return {
            "rows": rows,
            "lines": lines,
            "seconds": round(seconds, 1),
            "bundles_per_second": round(rows / seconds),
            "peak_rss_mib": round(peak_kib / 1024),
            "file_mib": round(output.stat().st_size / 2**20),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description="export_fhir time and memory by row count")
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    results = []
    for rows in sorted(args.rows):
        result = measure(rows)
        print(json.dumps(result))
        results.append(result)
    load = os.getloadavg()[0]
    table = "\n".join(
        f"| {r['rows']:,} | {r['seconds']} | {r['bundles_per_second']} | {r['peak_rss_mib']} "
        f"| {r['file_mib']} |"
        for r in results
    )
    REPORT.write_text(
        f"""# export_fhir: time and memory by row count

Made by `.venv/bin/python bench/fhir_export.py --rows {' '.join(map(str, args.rows))}` on
{dt.date.today().isoformat()} ({os.cpu_count()} cores, 1-minute load average {load:.1f} at
the end: other work was running). SQLite; every assessment shares one real summary PDF,
so the bundles are full size (the PDF is most of each line) but no PDF is rendered.

| rows | seconds | bundles/s | peak RSS of the export (MiB) | file (MiB) |
|---:|---:|---:|---:|---:|
{table}

Peak memory is the export process as a whole (Python, Django, fhir.resources): it
should not grow with the row count, because rows are read in chunks of
`assessments.fhir.export.CHUNK_SIZE` and each line is written as soon as it is made.
A PDF that was never made is rendered during the export (about 0.1-0.5 s each), which
this benchmark leaves out.
""",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
