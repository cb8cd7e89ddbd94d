import pytest

from worker.models import WorkerHeartbeat

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    """Tasks go to django-tasks-db's table, as in production (no worker runs them)."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def worker_alive(database_queue, db):
    """A worker reported a moment ago."""
    return WorkerHeartbeat.objects.create(worker_id="test-worker", host="test", pid=1)
