"""``manage.py intake_schema``: print the JSON Schema of IntakeAnswers (the public contract)."""

import json

from django.core.management.base import BaseCommand

from assessments.intake import IntakeAnswers


class Command(BaseCommand):
    help = "Print the JSON Schema of the intake answers (keys, values, conditions)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(IntakeAnswers.model_json_schema(), indent=2))
