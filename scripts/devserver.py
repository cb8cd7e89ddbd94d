"""A throwaway development server for the scripts that look at the site in a browser.

Shared by screenshots.py and measure_patient_experience.py: both build a site in a
temporary folder, then start Django's development server on a free port against it.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """Start the server with this process's environment; return once /healthz answers."""
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit("The development server did not start.") from None
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("The development server did not answer within 30 seconds.")
