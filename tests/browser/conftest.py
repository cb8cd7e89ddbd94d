"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Never run `playwright install`: the launch arguments below point Playwright at the system
browser, and the host resolver rules keep Chromium off the network (only the live server
on 127.0.0.1/localhost resolves). See docs: engineering notes §6-7.
"""

import importlib
import os
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

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


def _recreate_groups() -> None:
    """The staff and editor groups come from data migrations, and live_server flushes
    every table after each test (permissions come back through post_migrate, groups do
    not): put them back with the permissions the migrations give them."""
    staff = importlib.import_module("assessments.migrations.0002_clinic_staff_group")
    editors = importlib.import_module("content.migrations.0002_content_editors_group")
    reviewers = importlib.import_module("content.migrations.0006_clinical_reviewers_group")
    ruleset = importlib.import_module("assessments.migrations.0010_clinical_reviewers_permissions")
    for name, app_label, codenames in (
        (staff.GROUP_NAME, "assessments", staff.STAFF_CODENAMES),
        (editors.GROUP_NAME, "content",
         [*editors.editor_permission_codenames(), "view_contentchange"]),
        (reviewers.REVIEWERS, "content", reviewers.reviewer_codenames()),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    Group.objects.get(name=ruleset.GROUP_NAME).permissions.add(*Permission.objects.filter(
        content_type__app_label="assessments", codename__in=ruleset.CODENAMES))
    decisions = importlib.import_module("assessments.migrations.0015_decisions_permissions")
    Group.objects.get(name=decisions.GROUP_NAME).permissions.add(*Permission.objects.filter(
        content_type__app_label="assessments", codename__in=decisions.CODENAMES))


@pytest.fixture(autouse=True)
def site(live_server):
    """A fresh site for every browser test: the default guide and the three groups."""
    call_command("load_guide", stdout=StringIO())
    _recreate_groups()
    return live_server
