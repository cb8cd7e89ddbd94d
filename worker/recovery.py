"""What django-tasks-db leaves to us: tasks left RUNNING by a worker that died, and old
task rows. Nothing here knows about HTTP."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from worker.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# A task claimed this many times without finishing (the worker died each time: out of
# memory, killed, a crash in a C library) is marked failed instead of run again.
MAX_CLAIMS = 3
WORKER_DIED = "worker.recovery.WorkerDied"


def requeue_abandoned(*, dead_worker_ids=(), now=None) -> tuple[int, int]:
    """Put tasks whose worker died back in the queue; return (requeued, failed).

    A RUNNING task is abandoned when the worker that claimed it last is known to be dead
    (its supervisor saw it exit), or when it started more than HAIRTX_TASK_STALE_SECONDS
    ago (its whole machine went away; a PDF takes under a second). Such tasks run again
    from the start, so tasks must be safe to run twice.
    """
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.HAIRTX_TASK_STALE_SECONDS)
    dead = set(dead_worker_ids)
    requeued = failed = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for row in running:
            abandoned = (row.worker_ids and row.worker_ids[-1] in dead) or (
                row.started_at is not None and row.started_at < stale_before
            )
            if not abandoned:
                continue
            if len(row.worker_ids) >= MAX_CLAIMS:
                row.status = TaskResultStatus.FAILED
                row.finished_at = now
                row.exception_class_path = WORKER_DIED
                row.traceback = (
                    f"The worker stopped while running this task {len(row.worker_ids)} "
                    "times, so it is not tried again.\n"
                )
                row.save(update_fields=["status", "finished_at", "exception_class_path",
                                        "traceback"])
                failed += 1
            else:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                requeued += 1
    if requeued or failed:
        logger.warning("Tasks left running by a stopped worker: %d queued again, %d failed.",
                       requeued, failed)
    return requeued, failed


def prune_finished(*, now=None) -> int:
    """Delete finished task rows and old heartbeats; return how many task rows went.

    Successful tasks go after HAIRTX_TASK_RESULT_DAYS; failed ones are kept four times
    as long so staff can still read why.
    """
    now = now or timezone.now()
    days = settings.HAIRTX_TASK_RESULT_DAYS
    done = DBTaskResult.objects.successful().filter(finished_at__lt=now - timedelta(days=days))
    failed = DBTaskResult.objects.failed().filter(finished_at__lt=now - timedelta(days=4 * days))
    deleted = done.delete()[0] + failed.delete()[0]
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    return deleted
