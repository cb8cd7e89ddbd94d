from django.conf import settings
from django.core.management.base import BaseCommand

from worker.supervisor import Supervisor


class Command(BaseCommand):
    help = (
        "Run the background worker (summary PDFs): django-tasks-db's worker as a child "
        "process, restarted after a number of tasks or when it dies; tasks it was "
        "running go back in the queue. Run one or more beside the web servers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-tasks", type=int, default=settings.HAIRTX_WORKER_MAX_TASKS,
            help="Restart the worker process after this many tasks (default: "
                 "HAIRTX_WORKER_MAX_TASKS, %(default)s).",
        )
        parser.add_argument(
            "--interval", type=float, default=0.25,
            help="Seconds between looks at an empty queue (default: %(default)s).",
        )
        parser.add_argument(
            "--batch", action="store_true",
            help="Run what is queued, then exit (for tests and one-off catch-ups).",
        )

    def handle(self, *, max_tasks, interval, batch, **options):
        Supervisor(max_tasks=max(1, max_tasks), interval=max(0.1, interval), batch=batch).run()
