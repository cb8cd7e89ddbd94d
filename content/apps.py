from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Guide content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content import signals
        from content.approvals import registry
        from content.models import (
            FAQ,
            Article,
            ClinicDetails,
            ComparisonRow,
            OptionProfile,
            Reference,
            Section,
        )

        # Everything patients read needs a clinical reviewer's sign-off (content/approvals).
        registry.register(Article, Section, OptionProfile, ComparisonRow, FAQ, Reference,
                          ClinicDetails)
        signals.connect()
