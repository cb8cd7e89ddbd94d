"""A throwaway site in a real browser, for the scripts that look at pages (not tests).

Shared by screenshots.py and measure_patient_experience.py: each builds a site in a
temporary folder (its own HAIRTX_VAR_DIR), and this module serves it with Django's
development server on a free port and opens Debian's Chromium (env CHROMIUM) with every
host but this one unreachable, so no page can fetch anything from outside.
"""

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


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


@contextmanager
def site_in_browser(build_site: Callable[[], dict], var_dir: Path) -> Iterator[tuple]:
    """Yield (browser, base URL, what build_site made); stop everything and remove
    ``var_dir`` afterwards, whatever happens."""
    server = None
    try:
        made = build_site()
        port = free_port()
        server = start_server(port)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--disable-gpu",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
                ],
            )
            try:
                yield browser, f"http://127.0.0.1:{port}", made
            finally:
                browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(var_dir, ignore_errors=True)


def save_small_png(png: bytes, path: Path) -> Path:
    """A 256-colour PNG: text and flat colours survive, the file shrinks 3-5 times."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path
