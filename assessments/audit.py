"""The audit log's one writer, at the bottom of the app.

Staff views, clinical sign-off (governance), the FHIR export and the patient's own
deletion all leave audit lines; each calls ``audit_record`` here (a view calls
``assessments.http.audit_request``, which adds who and from where). This module imports
only the models, so any part that must audit can do so without importing a part above it.
"""

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

