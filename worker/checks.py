"""`check --deploy` warns when no background worker has reported recently: summary PDFs
are then made in patients' requests (slower, but nothing breaks)."""

from django.core.checks import Warning, register
from django.db import DatabaseError

NO_WORKER = "hairtx.W201"


@register("worker", deploy=True)
def worker_seen_check(app_configs=None, **kwargs):
    from django.conf import settings

    from worker.health import queue_in_database
    from worker.models import WorkerHeartbeat

    if not queue_in_database():
        return []
    try:
        seen = WorkerHeartbeat.objects.recent().exists()
    except DatabaseError:
        return []  # hairtx.W103 already says the database cannot be read
    if seen:
        return []
    return [Warning(
        f"No background worker has reported in the last {settings.HAIRTX_WORKER_SEEN_SECONDS} "
        "seconds, so summary PDFs are made while the patient waits.",
        hint="Start one beside the web servers: `manage.py run_worker` (README, "
             "“Running in production”).",
        id=NO_WORKER,
    )]
