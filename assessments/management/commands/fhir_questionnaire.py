"""``manage.py fhir_questionnaire``: print the intake as a FHIR R4 Questionnaire (JSON)."""

from django.core.management.base import BaseCommand

from assessments.fhir.questionnaire import intake_questionnaire


class Command(BaseCommand):
    help = "Print the intake questionnaire as a FHIR Questionnaire in JSON (no patient data)."

    def handle(self, *args, **options):
        self.stdout.write(intake_questionnaire().model_dump_json(indent=2))
