"""Sent after each step of the publishing workflow.

Receivers get `change` (the ContentChange), `step` (one of `Step`), `actor` (the user,
or None for the loader) and `ip_address`. `assessments.governance.audit` writes each
one to the audit log; the content app itself never imports `assessments`.
"""

from django.dispatch import Signal

change_recorded = Signal()


class Step:
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT_BACK = "sent_back"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"
