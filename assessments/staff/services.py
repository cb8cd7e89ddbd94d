"""Writes of the staff area: the audit trail and marking an assessment reviewed."""

from django.db import transaction
from django.utils import timezone

from assessments.models import Assessment, AuditEvent


def audit_record(
    *,
    actor,
    action: str,
    ip_address: str | None,
    assessment: Assessment | None = None,
    reference_code: str = "",
    detail: str = "",
) -> AuditEvent:
    """Add one line to the append-only audit log."""
    return AuditEvent.objects.create(
        actor=actor,
        actor_name=getattr(actor, "username", ""),
        action=action,
        assessment=assessment,
        reference_code=assessment.reference_code if assessment else reference_code,
        detail=detail[:300],
        ip_address=ip_address or None,
    )


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
