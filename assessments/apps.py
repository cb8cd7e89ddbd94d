from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self):
        from assessments.governance import audit, checks  # noqa: F401 (checks register on import)

        audit.connect()
