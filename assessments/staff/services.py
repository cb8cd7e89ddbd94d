"""Writes of the staff area: marking an assessment reviewed (audited through
assessments.audit, where the audit log's writer lives)."""

from django.db import transaction
from django.utils import timezone

from assessments.audit import audit_record
from assessments.models import Assessment, AuditEvent


@transaction.atomic
def assessment_mark_reviewed(
    *, assessment: Assessment, reviewer, note: str, ip_address: str | None
) -> None:
    """Record who reviewed the assessment, when, with what note; audit it in the same commit."""
    assessment.reviewed_at = timezone.now()
    assessment.reviewed_by = reviewer
    assessment.review_note = note
    assessment.save(update_fields=["reviewed_at", "reviewed_by", "review_note"])
    audit_record(
        actor=reviewer,
        action=AuditEvent.Action.REVIEW,
        assessment=assessment,
        ip_address=ip_address,
        detail="with a note" if note else "",
    )
