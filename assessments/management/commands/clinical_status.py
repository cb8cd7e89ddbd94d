"""Whether a clinician has approved what patients see: `python manage.py clinical_status`.

Prints JSON: `ruleset_version`, `ruleset_approved`, `guide_pages_unapproved` (how many
published guide items lack approval), `approved_by` (the ruleset's reviewer, or null)
and `unapproved_guide_items` (their names). Exits 1 while anything is unapproved and 0
when everything is, so a release pipeline can refuse to ship.
"""

import json

from django.core.management.base import BaseCommand

from assessments.governance.services import clinical_status


class Command(BaseCommand):
    help = "Print the clinical sign-off status as JSON; exit 1 while anything is unapproved."

    def handle(self, *args, **options):
        status = clinical_status()
        self.stdout.write(json.dumps(status.as_json(), indent=2, ensure_ascii=False))
        if not status.all_approved:
            raise SystemExit(1)
