"""Shared pytest fixtures: every test gets its own media folder and a clean cache."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Stored PDFs go to a per-test folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """PBKDF2 with 1.5 M iterations (Django 6.1) would dominate the suite's run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_kept_in_memory(settings):
    """Queued tasks are recorded, not run: no test needs a worker (tests/worker runs one)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _fresh_public_pages():
    """Kept pages and footer values belong to one test's database (content.page_cache)."""
    from content import page_cache

    page_cache.forget_local()
    yield
    page_cache.forget_local()


@pytest.fixture(autouse=True)
def _groups_from_data_migrations(request):
    """Every test that uses the database finds the groups the data migrations made, even
    after a test that flushed every table ran before it."""
    if request.node.get_closest_marker("django_db") is None and not (
        {"db", "transactional_db"} & set(request.fixturenames)
    ):
        return
    from django.contrib.auth.models import Group

    from tests.site_groups import SENTINEL_GROUP, restore_groups

    request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames
                            else "db")
    if not Group.objects.filter(name=SENTINEL_GROUP).exists():
        restore_groups()
