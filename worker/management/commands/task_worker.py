"""django-tasks-db's `db_worker`, warmed up first. Started by `run_worker`; run that."""

import gc
import logging

from django.conf import settings
from django.utils.module_loading import import_string
from django_tasks_db.management.commands import db_worker


class Command(db_worker.Command):
    help = (
        "django-tasks-db's db_worker after the HAIRTX_WORKER_WARM_UP functions have run "
        "(so the first task is as fast as the rest). Use `run_worker`, which starts and "
        "restarts this."
    )

    def configure_logging(self, verbosity: int) -> None:
        """Levels only: the LOGGING setting already prints (and redacts) to the console,
        and db_worker's own extra handler would print every line twice."""
        level = {0: logging.CRITICAL, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        for name in ("django.tasks", "django_tasks_db"):
            logging.getLogger(name).setLevel(level)

    def handle(self, *args, **options):
        for path in settings.HAIRTX_WORKER_WARM_UP:
            import_string(path)()
        # What is loaded by now (Django, the apps, WeasyPrint, fonts, stylesheets) lives as
        # long as the process. Frozen, the collector's full passes skip it: one came in
        # about every tenth PDF and took ~130 ms over all of it, ~30 ms frozen
        # (bench/analysis.md, "Sources on the site").
        gc.collect()
        gc.freeze()
        super().handle(*args, **options)
