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
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def setup_django(prefix: str) -> Path:
    """Point Django at a new temporary folder (database and media) and set it up.

    Call it before importing anything that needs Django's settings; returns the folder.
    """
    var_dir = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["HAIRTX_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_DEBUG"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hairtx.settings")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of these
    # scripts are ordinary blocking calls in a one-off run.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return var_dir


def load_site() -> None:
    """Migrate the temporary database and load the shipped guide."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_guide", stdout=io.StringIO())


def pdf_first_page_png(pdf: bytes, work_dir: Path, name: str) -> bytes:
    """Page 1 of a PDF as a 50 dpi PNG (pdftoppm), made in ``work_dir``."""
    if not pdf.startswith(b"%PDF"):
        raise SystemExit(f"Not a PDF: {pdf[:80]!r}")
    pdf_path = work_dir / f"{name}.pdf"
    pdf_path.write_bytes(pdf)
    prefix = work_dir / f"{name}-p1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf_path, prefix],
        check=True,
    )
    return prefix.with_suffix(".png").read_bytes()


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
