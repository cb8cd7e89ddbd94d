from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "worker"
    verbose_name = "Background worker"

    def ready(self):
        from worker import checks  # noqa: F401 (checks register on import)
