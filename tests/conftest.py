"""Shared pytest set-up: which tests use the database (and which need a live server), the
test database itself, and fixtures every test gets (its own media folder, a clean cache)
or can ask for (``guide``)."""

import os

import pytest

from tests.guide_snapshot import load_guide

# What pytest-django reads to give a test the database: the django_db mark or one of these.
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences",
                     "django_db_serialized_rollback"}


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marks added here
def pytest_collection_modifyitems(items):
    """Mark what each test needs, so that a run can select on it (scripts/test.sh):
    ``database`` on every test that uses the test database (the PostgreSQL pass runs only
    these: a test that touches no database gives the same result on both), ``live_server``
    on every test that serves pages to a real HTTP client (they need a database file)."""
    for item in items:
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.database)
        if "live_server" in item.fixturenames:
            item.add_marker(pytest.mark.live_server)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """On SQLite the tests run on an in-memory database, unless this run has live-server
    tests: those need real SQLite locking between the server's threads and the test (WAL,
    busy timeout, as in production), so the whole run gets a file of its own under var/
    (one per process: each pytest-xdist worker has its own), removed at the end."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return
    needs_a_file = any(item.get_closest_marker("live_server") for item in request.session.items)
    database["TEST"]["NAME"] = (str(settings.VAR_DIR / f"test-hairtx-{os.getpid()}.sqlite3")
                                if needs_a_file else ":memory:")


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete_on_postgresql():
    """A test that commits (live_server, ``transaction=True``) ends with a flush of every
    table. On PostgreSQL that is one TRUNCATE of them all, which makes each table's and
    index's files anew: about 0.14 s, where deleting the few rows a test leaves takes
    0.015 s. The flush deletes instead (foreign keys checked at the end, as Django makes
    them); the tables end up as empty. A flush that resets the numbering or cascades is
    left as Django does it."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    truncate = type(connection.ops).sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences,
                            allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;",
                *(f"DELETE FROM {self.quote_name(table)};" for table in tables)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(connection.ops), "sql_flush", sql_flush)
        yield


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
def _database_as_migrated(request):
    """Every test that uses the database finds the groups the data migrations made and an
    empty cache, even after a test that flushed every table (live_server,
    ``transaction=True``) ran before it: a flush takes the groups away and leaves the
    cache table (rate-limit counts, kept pages) as that test left it."""
    if request.node.get_closest_marker("database") is None:
        return
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.cache import caches

    from tests.site_groups import SENTINEL_GROUP, restore_groups

    request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames
                            else "db")
    for alias in settings.CACHES:  # the default cache and the sessions' cache
        caches[alias].clear()
    if not Group.objects.filter(name=SENTINEL_GROUP).exists():
        restore_groups()


@pytest.fixture
def guide(db):
    """The shipped default guide, as `load_guide` leaves a fresh site (tests/guide_snapshot)."""
    load_guide()
