"""Delete what the retention settings say is no longer needed. Safe to run from cron.

- drafts past their expiry (HAIRTX_DRAFT_DAYS after their last save);
- assessments older than HAIRTX_RETENTION_DAYS, with their stored PDFs; each deletion
  leaves an audit entry;
- audit entries older than HAIRTX_AUDIT_RETENTION_DAYS;
- questionnaire progress records (the insights funnel) started more than
  HAIRTX_RETENTION_DAYS ago, like the assessments;
- rate-limit counters older than a day;
- django-axes' sign-in records: the log of successful sign-ins older than
  HAIRTX_LOGIN_LOG_DAYS (it names who signed in from which network), and failed
  attempts whose lock-out time has passed.
- stored PDFs that no assessment names (left behind when the file store did not answer
  a deletion), once they are an hour old;
- sessions past their expiry (a patient's draft token, a staff member's sign-in), and
  their copies in the sessions' cache table (``clearsessions`` leaves those).

Each run is idempotent: running it twice, or from two machines at once, deletes each
thing once.
"""

from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from assessments import pdf, ratelimit
from assessments.models import Assessment, AuditEvent, Draft, QuestionnaireProgress
from assessments.services import assessment_delete


class Command(BaseCommand):
    help = "Delete expired drafts, and assessments and audit entries past their retention."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        drafts = Draft.objects.expired()
        old_assessments = Assessment.objects.older_than(settings.HAIRTX_RETENTION_DAYS)
        audit_cutoff = timezone.now() - timedelta(days=settings.HAIRTX_AUDIT_RETENTION_DAYS)
        old_audit = AuditEvent.objects.filter(created_at__lt=audit_cutoff)
        if dry_run:
            self.stdout.write(
                f"Would delete {drafts.count()} expired drafts, {old_assessments.count()} "
                f"assessments and {old_audit.count()} audit entries."
            )
            return

        draft_count, _ = drafts.delete()
        assessment_count = 0
        for assessment in old_assessments.iterator(chunk_size=500):
            assessment_delete(assessment=assessment, action=AuditEvent.Action.DELETE)
            assessment_count += 1
        # Audit entries are append-only for people; only retention removes them, in bulk.
        audit_count, _ = old_audit.delete()
        progress_cutoff = timezone.now() - timedelta(days=settings.HAIRTX_RETENTION_DAYS)
        QuestionnaireProgress.objects.filter(started_at__lt=progress_cutoff).delete()
        ratelimit.purge_old()
        now = timezone.now()
        AccessLog.objects.filter(
            attempt_time__lt=now - timedelta(days=settings.HAIRTX_LOGIN_LOG_DAYS)).delete()
        AccessAttempt.objects.filter(
            attempt_time__lt=now - timedelta(hours=settings.AXES_COOLOFF_TIME)).delete()
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        _expired_cache_entries_delete(settings.CACHES[settings.SESSION_CACHE_ALIAS], now)
        self.stdout.write(
            f"Deleted {draft_count} expired drafts, {assessment_count} assessments and "
            f"{audit_count} audit entries."
        )
        try:
            orphan_count = pdf.orphaned_pdfs_delete(now=timezone.now())
        except Exception as exc:  # the file store did not answer (see assessments.pdf)
            raise CommandError(
                f"The file store did not answer ({type(exc).__name__}), so stored PDFs that "
                "belong to no assessment were not removed. The next run tries again.",
                returncode=1,
            ) from exc
        if orphan_count:
            self.stdout.write(f"Deleted {orphan_count} stored PDFs that belonged to no assessment.")


def _expired_cache_entries_delete(cache: dict, now) -> None:
    """Delete a database cache's expired rows (Django's cache removes them only when the
    table is full)."""
    if cache["BACKEND"] != "django.core.cache.backends.db.DatabaseCache":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quote(cache['LOCATION'])} WHERE {quote('expires')} < %s",
                       [connection.ops.adapt_datetimefield_value(now)])
