"""Which background workers are alive: one row per running `manage.py run_worker`."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class WorkerHeartbeatQuerySet(models.QuerySet):
    def recent(self):
        """Workers that reported within HAIRTX_WORKER_SEEN_SECONDS."""
        seconds = settings.HAIRTX_WORKER_SEEN_SECONDS
        return self.filter(seen_at__gte=timezone.now() - timedelta(seconds=seconds))


class WorkerHeartbeat(models.Model):
    """A worker's "still here", written every few seconds by its supervisor.

    Kept in the database rather than the cache: the cache may evict it, and every
    application server must see the same answer to "is a worker running?".
    """

    worker_id = models.CharField("worker id", max_length=64, unique=True)
    host = models.CharField("host name", max_length=200)
    pid = models.PositiveIntegerField("process id")
    started_at = models.DateTimeField("started", default=timezone.now)
    seen_at = models.DateTimeField("last seen", default=timezone.now, db_index=True)

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = "worker heartbeat"
        verbose_name_plural = "worker heartbeats"
        ordering = ["-seen_at"]

    def __str__(self):
        return f"Worker {self.host}:{self.pid} last seen {self.seen_at:%Y-%m-%d %H:%M:%S}"
