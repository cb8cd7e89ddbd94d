"""The audit log's one writer, at the bottom of the app.

Staff views, clinical sign-off (governance), the FHIR export and the patient's own
deletion all leave audit lines; each calls ``audit_record`` here (a view calls
``audit_request``, which adds who and from where). This module imports only the model,
so any part that must audit can do so without importing a part above it.
"""

from assessments.models import Assessment, AuditEvent
from hairtx.addresses import client_address


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


def audit_request(request, action: str, **kwargs) -> AuditEvent:
    """An audit line for what the signed-in user did with this request; the address is
    the client's own (not grouped by network as the limits count it)."""
    return audit_record(actor=request.user, action=action, ip_address=client_address(request),
                        **kwargs)
