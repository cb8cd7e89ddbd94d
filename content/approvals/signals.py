"""Sent after each step of the publishing workflow.

Receivers get `change` (the ContentChange), `step` (one of `Step`), `actor` (the user,
or None for the loader) and `ip_address`. `assessments.governance.audit` writes each
one to the audit log; the content app itself never imports `assessments`.
"""

from django.dispatch import Signal

change_recorded = Signal()

# Sent by load_guide when it published shipped content (created or updated rows) without
# a reviewer: `labels` (the items). One audit line per run, by nobody.
shipped_content_published = Signal()


class Step:
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT_BACK = "sent_back"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"
