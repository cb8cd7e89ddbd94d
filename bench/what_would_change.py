#!/usr/bin/env python3
"""How long "what would change it" takes for one summary (issue 21: under a second).

    .venv/bin/python bench/what_would_change.py [--repeat 3]

Runs ``reasoning.what_would_change`` on every worked example in docs/examples (typical
summaries of every leaning), ``--repeat`` times each, and reports per summary the number
of answer sets re-run, the changes found, the best wall-clock time and the best CPU time
of this process (on a shared, busy machine the wall clock includes waiting for a CPU;
the CPU time is what one summary costs); then the median and the slowest over all
examples. No Django database; not part of the test run.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hairtx.settings")

from assessments.intake_versions import read_answers  # noqa: E402
from assessments.reasoning.what_would_change import (  # noqa: E402
    _single_answer_changes,
    what_would_change,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    best_times, best_cpu = [], []
    print(f"{'example':42} {'re-runs':>7} {'changes':>7} {'wall s':>7} {'cpu s':>7}")
    for path in sorted((ROOT / "docs" / "examples").glob("*.json")):
        answers, _ = read_answers(json.loads(path.read_text(encoding="utf-8")))
        reruns = sum(1 for _ in _single_answer_changes(answers.as_plain_dict()))
        times, cpu = [], []
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            changes = what_would_change(answers)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        best_times.append(min(times))
        best_cpu.append(min(cpu))
        print(f"{path.name:42} {reruns:>7} {len(changes):>7} {min(times):>7.3f} "
              f"{min(cpu):>7.3f}")
    print(f"wall: median {statistics.median(best_times):.3f} s, slowest "
          f"{max(best_times):.3f} s; cpu: median {statistics.median(best_cpu):.3f} s, slowest "
          f"{max(best_cpu):.3f} s; {len(best_times)} summaries, load average "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
