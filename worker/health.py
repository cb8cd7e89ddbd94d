"""Is a background worker running? Asked by pages (wait for the worker, or render now?)
and by `check --deploy`. Nothing here knows about HTTP."""

import os
import socket

from django.db import DatabaseError
from django.tasks import task_backends
from django.utils import timezone

from worker.models import WorkerHeartbeat


def queue_in_database() -> bool:
    """Whether tasks go to the database queue that `run_worker` serves."""
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def worker_running() -> bool:
    """A worker reported recently, so queued work will be done without the request.

    False when the queue is not the database (tests, ImmediateBackend) or cannot be
    read: callers then do the work themselves, as they did before there was a worker.
    """
    if not queue_in_database():
        return False
    try:
        return WorkerHeartbeat.objects.recent().exists()
    except DatabaseError:
        return False


def heartbeat(worker_id: str) -> None:
    """Say this worker is alive (one UPSERT)."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now()},
        create_defaults={"host": socket.gethostname()[:200], "pid": os.getpid()},
    )


def heartbeat_stop(worker_id: str) -> None:
    """A clean exit: pages stop waiting for this worker at once."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
