"""Running manage.py as a person does: a process of its own, its exit code and output."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def manage(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, input=stdin, capture_output=True,
        timeout=60,
    )
