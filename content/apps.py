from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Guide content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import signals

        signals.connect()
