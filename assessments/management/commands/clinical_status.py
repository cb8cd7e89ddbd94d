"""Whether a clinician has approved what patients see: `python manage.py clinical_status`.

Prints JSON: `ruleset_version`, `ruleset_approved`, `guide_pages_unapproved` (how many
published guide items lack approval), `approved_by` (the ruleset's reviewer, or null),
`unapproved_guide_items` (their names) and `patients_read` (the two sentences summaries
and page footers say about it, from ``review_status``). Exits 1 while anything is
unapproved and 0 when everything is, so a release pipeline can refuse to ship. Exits 2 (with the reason
on standard error) when the database cannot be read, e.g. before `migrate`.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from assessments.governance.services import clinical_status


class Command(BaseCommand):
    help = "Print the clinical sign-off status as JSON; exit 1 while anything is unapproved."

    def handle(self, *args, **options):
        try:
            status = clinical_status()
        except DatabaseError as error:
            raise CommandError(f"Cannot read the sign-off status ({error}). Run migrate first.",
                               returncode=2) from error
        self.stdout.write(json.dumps(status.as_json(), indent=2, ensure_ascii=False))
        if not status.all_approved:
            raise SystemExit(1)
