"""The guide's publishing steps in the audit log.

`content` cannot import `assessments` (the arrows point one way), so it announces each
step with the `change_recorded` signal and this receiver writes the audit line, in the
same transaction as the step itself (the signal is sent inside it). A load_guide run
that published shipped content is one line (`shipped_content_published`).
"""

from assessments.audit import audit_record
from assessments.models import AuditEvent
from content.approvals.models import ContentChange
from content.approvals.signals import Step, change_recorded, shipped_content_published

ACTIONS = {
    Step.SUBMITTED: AuditEvent.Action.CONTENT_SUBMIT,
    Step.APPROVED: AuditEvent.Action.CONTENT_APPROVE,
    Step.SENT_BACK: AuditEvent.Action.CONTENT_SEND_BACK,
    Step.PUBLISHED: AuditEvent.Action.CONTENT_PUBLISH,
    Step.UNPUBLISHED: AuditEvent.Action.CONTENT_UNPUBLISH,
}


def record_content_step(sender, *, change: ContentChange, step: str, actor, ip_address, **kwargs):
    if actor is None and step == Step.SUBMITTED:
        # load_guide's "please review the shipped content" proposals: bookkeeping of a
        # deploy, kept in the content history; a person's proposal is always recorded.
        return
    detail = f"change #{change.pk}: {change.item_label}"
    if step == Step.SENT_BACK and change.comment:
        detail += f" (comment: {change.comment})"
    audit_record(actor=actor, action=ACTIONS[step], ip_address=ip_address, detail=detail)


def record_shipped_publication(sender, *, labels: list[str], **kwargs):
    audit_record(actor=None, action=AuditEvent.Action.CONTENT_PUBLISH, ip_address=None,
                 detail=f"load_guide published {len(labels)} shipped item(s), not yet approved "
                        f"by a clinician: {', '.join(labels)}")


def connect() -> None:
    change_recorded.connect(record_content_step, sender=ContentChange,
                            dispatch_uid="assessments-audit-content-steps")
    shipped_content_published.connect(record_shipped_publication,
                                      dispatch_uid="assessments-audit-shipped-content")
