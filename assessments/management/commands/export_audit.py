"""Export the audit log as CSV: `python manage.py export_audit [--since DATE] [--until DATE]`.

Every entry: staff actions on assessments and the clinical sign-off steps (ruleset
approvals, guide changes proposed, approved, sent back, published). Oldest first.
"""

import csv
from datetime import date, datetime, time

from django.core.management.base import BaseCommand
from django.utils import timezone

from assessments.models import AuditEvent

HEADER = ["when", "who", "action", "reference_code", "detail", "from_address"]


def _day(value: str) -> date:
    return date.fromisoformat(value)


class Command(BaseCommand):
    help = "Write the audit log as CSV to standard output."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=_day, help="First day, e.g. 2026-12-01.")
        parser.add_argument("--until", type=_day, help="Last day, e.g. 2026-12-31.")

    def handle(self, *args, since=None, until=None, **options):
        events = AuditEvent.objects.order_by("created_at", "id")
        zone = timezone.get_current_timezone()
        if since:
            events = events.filter(created_at__gte=datetime.combine(since, time.min, zone))
        if until:
            events = events.filter(created_at__lte=datetime.combine(until, time.max, zone))
        writer = csv.writer(self.stdout)
        writer.writerow(HEADER)
        for event in events.iterator():
            writer.writerow([event.created_at.isoformat(), event.actor_name,
                             event.get_action_display(), event.reference_code, event.detail,
                             event.ip_address or ""])
