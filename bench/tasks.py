"""Django-side helpers for bench/run.py, run with the benchmark's environment.

    python bench/tasks.py bulk --total 100000     # bulk-create assessments up to a total
    python bench/tasks.py fresh --count 1010      # new assessments without a PDF (tokens)
    python bench/tasks.py staff-user              # a "Clinic staff" user
    python bench/tasks.py render-loop --count 60  # first-render time of fresh PDFs
                                                  # (+ --typical 20 of the typical one)
    python bench/tasks.py render-examples --rounds 3  # each worked example's PDF:
                                                  # render CPU, sheets, layouts

Rows are built from real answers: docs/examples/*.json go through the intake
validation and the rules engine once (the same calls as assessment_submit), and the
resulting answers/summary JSON is reused for many rows. Each command prints JSON.
"""

import argparse
import gc
import io
import json
import os
import random
import secrets
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hairtx.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.utils import timezone  # noqa: E402

from assessments import intake, pdf, rules  # noqa: E402
from assessments.models import (  # noqa: E402
    Assessment,
    AssessmentSignal,
    Draft,
    new_reference_code,
    new_token,
)
from assessments.intake_versions import read_answers  # noqa: E402
from assessments.services import assessment_signals_build, assessment_submit  # noqa: E402
from content.selectors import guide_reviewed_on  # noqa: E402

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))
TYPICAL = "early-male-pattern.json"


def example_answers() -> list[tuple[str, dict]]:
    return [(path.name, json.loads(path.read_text())) for path in EXAMPLES]


def row_templates() -> list[dict]:
    """answers/summary/leaning of each worked example, as assessment_submit stores them."""
    templates = []
    for name, data in example_answers():
        # Read as the site reads stored answers: the schema 2 example becomes schema 3.
        answers, _ = read_answers(data)
        summary = rules.assess(answers)
        templates.append({
            "example": name,
            "answers": answers.model_dump(mode="json", exclude_none=True),
            "summary": summary.model_dump(mode="json", by_alias=True),
            "ruleset_version": summary.ruleset_version,
            "leaning": summary.leaning,
            "has_red_flags": bool(summary.red_flags),
        })
    return templates


def build_rows(count: int, *, spread_days: int = 180) -> list[Assessment]:
    templates = row_templates()
    reviewed_on = guide_reviewed_on()
    now = timezone.now()
    rng = random.Random(7)
    codes: set[str] = set(Assessment.objects.values_list("reference_code", flat=True))
    rows = []
    for i in range(count):
        template = templates[i % len(templates)]
        code = new_reference_code()
        while code in codes:
            code = new_reference_code()
        codes.add(code)
        created = now - timedelta(seconds=rng.randint(60, spread_days * 86400))
        reviewed = created + timedelta(days=1) if rng.random() < 0.6 else None
        rows.append(Assessment(
            created_on=timezone.localdate(created),
            sure_score=template["summary"]["decision_readiness"]["sure_score"],
            reference_code=code,
            token=new_token(),
            answers=template["answers"],
            summary=template["summary"],
            ruleset_version=template["ruleset_version"],
            leaning=template["leaning"],
            has_red_flags=template["has_red_flags"],
            guide_reviewed_on=reviewed_on,
            created_at=created,
            reviewed_at=reviewed if reviewed and reviewed < now else None,
        ))
    return rows


def cmd_bulk(args) -> dict:
    started = time.perf_counter()
    existing = Assessment.objects.count()
    missing = max(0, args.total - existing)
    batch = 5000
    for start in range(0, missing, batch):
        created = Assessment.objects.bulk_create(
            build_rows(min(batch, missing - start)), batch_size=1000)
        AssessmentSignal.objects.bulk_create(
            [signal for row in created for signal in assessment_signals_build(row)],
            batch_size=5000)
    return {"before": existing, "after": Assessment.objects.count(),
            "seconds": round(time.perf_counter() - started, 1)}


def cmd_fresh(args) -> dict:
    """Fresh assessments (no PDF yet), recent, so they are not at the top of nothing."""
    rows = build_rows(args.count, spread_days=1)
    created = Assessment.objects.bulk_create(rows, batch_size=1000)
    return {"tokens": [row.token for row in created]}


def cmd_enqueue(args) -> dict:
    """Fresh assessments with their PDFs queued for the background worker (and nothing
    else queued: earlier submits in this benchmark already have their PDFs)."""
    from django_tasks_db.models import DBTaskResult

    from assessments.tasks import summary_pdf_enqueue

    DBTaskResult.objects.all().delete()
    created = Assessment.objects.bulk_create(build_rows(args.count, spread_days=1),
                                             batch_size=1000)
    for row in created:
        summary_pdf_enqueue(assessment_id=row.pk)
    return {"queued": len(created)}


def cmd_staff_user(args) -> dict:
    username = "bench-nurse"
    password = secrets.token_urlsafe(18)
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name="Clinic staff"))
    return {"username": username, "password": password}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _submittable(data: dict) -> bool:
    """Examples of older intake schemas (kept to test reading them) cannot be submitted
    as a draft: the render loop submits through the real path."""
    try:
        intake.IntakeAnswers.model_validate(data)
    except ValueError:
        return False
    return True


def _spread_evenly(first: list, second: list) -> list:
    """The items of both lists in one list, each list's items evenly spaced through it."""
    placed = [((i + 0.5) / len(first), item) for i, item in enumerate(first)]
    placed += [((i + 0.5) / len(second), item) for i, item in enumerate(second)]
    return [item for _, item in sorted(placed, key=lambda pair: pair[0])]


def cmd_render_loop(args) -> dict:
    """Time the first PDF of N fresh assessments (summary_pdf_ensure: render + store).

    Each assessment goes through the real submit path (draft -> rules -> row). The very
    first render of the process (WeasyPrint import, font setup) is reported apart.
    """
    examples = [(name, data) for name, data in example_answers() if _submittable(data)]
    typical_data = dict(examples)[TYPICAL]
    by_example: dict[str, list[float]] = {}
    first_ms = None
    sizes = []
    typical, typical_cpu = [], []
    # --count renders cycling through the examples, and --typical more of the typical
    # summary alone (a median of one render per example says little about it). The
    # typical ones are spread evenly through the loop instead of run in one burst at its
    # end: this machine's speed changes from one half-minute to the next (the same render
    # took 250 ms, then 420 ms, in one process; bench/analysis.md), and a burst measures
    # the speed of its own half-minute more than the render.
    cycle = [(*examples[i % len(examples)], False) for i in range(args.count + 1)]
    plan = cycle[:1] + _spread_evenly(cycle[1:], [(TYPICAL, typical_data, True)] * args.typical)
    for i, (name, data, is_typical) in enumerate(plan):
        assessment = assessment_submit(draft=Draft.objects.create(answers=data))
        started, cpu_started = time.perf_counter(), time.process_time()
        stored = pdf.summary_pdf_ensure(assessment=assessment)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - cpu_started) * 1000
        if i == 0:
            first_ms = elapsed
            gc.collect()  # then, as the worker after its warm-up (task_worker), what is
            gc.freeze()   # loaded stays out of the collector's full passes
            continue
        if is_typical:
            typical.append(elapsed)
            typical_cpu.append(cpu)
            continue
        sizes.append(pdf.default_storage.size(stored))
        by_example.setdefault(name, []).append(elapsed)
    all_ms = [ms for values in by_example.values() for ms in values]
    typical = typical or by_example.get(TYPICAL, [])
    def median(values):
        return round(statistics.median(values), 1) if values else None

    return {
        "count": len(all_ms),
        "first_in_process_ms": round(first_ms, 1),
        "median_ms": median(all_ms),
        "p99_ms": round(_percentile(all_ms, 99), 1) if all_ms else None,
        "max_ms": round(max(all_ms), 1) if all_ms else None,
        "typical_example": TYPICAL,
        "typical_median_ms": median(typical),
        "typical_renders": len(typical),
        "typical_cpu_median_ms": median(typical_cpu),
        "typical_ms": [round(ms) for ms in typical],  # in the order rendered
        "per_example_median_ms": {k: median(v) for k, v in sorted(by_example.items())},
        "median_pdf_bytes": int(statistics.median(sizes)) if sizes else None,
    }


def cmd_render_examples(args) -> dict:
    """Render the PDF of every submittable worked example, --rounds times, warm.

    Per example: the median CPU of a render (``time.process_time``, no storage), its
    sheets and how many layouts it took (2 when issue 12's compact appendices were
    tried). The totals are the figures to compare before and after a change.
    """
    from unittest import mock

    from pypdf import PdfReader
    from weasyprint import HTML

    pdf.warm_up()
    examples = [(name, data) for name, data in example_answers() if _submittable(data)]
    assessments = [(name, assessment_submit(draft=Draft.objects.create(answers=data)))
                   for name, data in examples]
    cpu: dict[str, list[float]] = {name: [] for name, _ in assessments}
    sheets, layouts = {}, {}
    for _ in range(args.rounds):
        for name, assessment in assessments:
            with mock.patch.object(HTML, "render", autospec=True,
                                   side_effect=HTML.render) as spy:
                started = time.process_time()
                data = pdf.render_summary_pdf(assessment=assessment)
                cpu[name].append((time.process_time() - started) * 1000)
            sheets[name] = len(PdfReader(io.BytesIO(data)).pages)
            layouts[name] = spy.call_count
    medians = {name: statistics.median(values) for name, values in cpu.items()}
    return {
        "examples": len(assessments),
        "rounds": args.rounds,
        "total_cpu_ms": round(sum(medians.values())),
        "median_cpu_ms": round(statistics.median(medians.values()), 1),
        "sheets": sum(sheets.values()),
        "layouts": sum(layouts.values()),
        "per_example": {name: [round(medians[name]), sheets[name], layouts[name]]
                        for name in sorted(medians)},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    bulk = sub.add_parser("bulk")
    bulk.add_argument("--total", type=int, required=True)
    fresh = sub.add_parser("fresh")
    fresh.add_argument("--count", type=int, required=True)
    sub.add_parser("staff-user")
    enqueue = sub.add_parser("enqueue")
    enqueue.add_argument("--count", type=int, required=True)
    loop = sub.add_parser("render-loop")
    loop.add_argument("--count", type=int, default=60)
    loop.add_argument("--typical", type=int, default=20,
                      help="extra renders of the typical summary (its median)")
    examples = sub.add_parser("render-examples")
    examples.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    handler = {"bulk": cmd_bulk, "fresh": cmd_fresh, "staff-user": cmd_staff_user,
               "render-loop": cmd_render_loop, "enqueue": cmd_enqueue,
               "render-examples": cmd_render_examples}[args.command]
    print(json.dumps(handler(args)))


if __name__ == "__main__":
    main()
