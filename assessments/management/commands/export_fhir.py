"""``manage.py export_fhir [--since DATE] [--output FILE]``: assessments as FHIR NDJSON.

One Bundle (QuestionnaireResponse + DocumentReference with the summary PDF) per line, the
FHIR bulk-data format, oldest first. Streams: memory stays flat however many rows there
are. Progress goes to stderr (every ``PROGRESS_EVERY`` rows, and at the end), so stdout
can be piped. A summary PDF that was never made is rendered and stored on the way.

Exit 0 when every assessment was written; 1 when some were left out because their PDF
could not be made (their reference codes are listed; run again to retry); 2 for bad
arguments.
"""

import argparse
import os
from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.audit import audit_record
from assessments.fhir import export
from assessments.models import AuditEvent

PROGRESS_EVERY = 1000
SKIPPED_NAMED = 20  # a broken PDF renderer must not print 100,000 codes
EARLIEST_YEAR, LATEST_YEAR = 2000, 9998


def since_argument(text: str) -> datetime:
    """YYYY-MM-DD (the start of that day, local time) or an ISO 8601 date and time."""
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), time.min)
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date. Use YYYY-MM-DD, for example 2026-11-01."
        ) from None
    # Far-off years overflow when the time zone is applied; no assessment is that old.
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text!r} is out of range. Use a date between {EARLIEST_YEAR} and {LATEST_YEAR}."
        )
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Write assessments as FHIR Bundles, one per line (NDJSON), to FILE or stdout; "
        "progress on stderr."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=since_argument, metavar="DATE",
            help="only assessments submitted on or after DATE (YYYY-MM-DD, local time)",
        )
        parser.add_argument(
            "--output", metavar="FILE",
            help="write to FILE (replaced only when the export is complete); default stdout",
        )

    def handle(self, *args, since, output, verbosity, **options):
        total = export.assessments_since(since).count()
        report = self._progress_reporter(total, verbosity)
        if output:
            result = self._export_to_file(output, since=since, progress=report)
        else:
            result = export.write_ndjson(self.stdout, since=since, progress=report)
        since_text = f"since {since.isoformat()}" if since else "all"
        audit_record(
            actor=None, action=AuditEvent.Action.FHIR_EXPORT, ip_address=None,
            detail=f"manage.py export_fhir, {since_text}: {result.written} bundles",
        )
        if verbosity:
            self.stderr.write(
                f"Wrote {result.written} of {total} assessments"
                + (f" to {output}." if output else ".")
            )
        if result.skipped:
            named = ", ".join(result.skipped[:SKIPPED_NAMED])
            if len(result.skipped) > SKIPPED_NAMED:
                named += f" and {len(result.skipped) - SKIPPED_NAMED} more"
            raise CommandError(
                f"{len(result.skipped)} assessments were left out because their summary PDF "
                f"could not be made: {named}. Run the export again to retry them.",
                returncode=1,
            )

    def _export_to_file(self, output: str, **kwargs) -> export.ExportResult:
        """Write to FILE.partial, then rename: FILE is never a half-written export."""
        partial = f"{output}.partial"
        try:
            # Health records: readable by the owner only, whatever the umask says.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(descriptor, 0o600)  # an old .partial keeps its mode otherwise
            with open(descriptor, "w", encoding="utf-8") as out:
                result = export.write_ndjson(out, **kwargs)
            os.replace(partial, output)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}.") from None
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return result

    def _progress_reporter(self, total: int, verbosity: int):
        def report(done: int) -> None:
            if verbosity and done % PROGRESS_EVERY == 0:
                self.stderr.write(f"{done} of {total} assessments exported...")
                self.stderr.flush()
        return report
