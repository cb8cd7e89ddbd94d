"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Never run `playwright install`: the launch arguments below point Playwright at the system
browser, and the host resolver rules keep Chromium off the network (only the live server
on 127.0.0.1/localhost resolves). See docs: engineering notes §6-7.
"""

import os

import pytest

# Playwright's sync API keeps an asyncio loop running in the test thread; Django refuses
# ORM calls while a loop runs unless this is set. Tests only, never in settings.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, with no DNS except for the live server (no --disable-features:
    it would replace Playwright's own list)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--disable-gpu",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ],
    }


@pytest.fixture(autouse=True)
def site(live_server, guide):
    """A fresh site for every browser test: the default guide (and, from tests/conftest.py,
    the groups the data migrations make)."""
    return live_server
