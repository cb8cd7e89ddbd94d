"""What waits for an editor: their changes a clinical reviewer sent back."""

from django.urls import reverse

from content.approvals.models import ContentChange


def sent_back_to(user, limit: int = 20) -> list[ContentChange]:
    """The user's proposals that were sent back, on items nobody has proposed again since."""
    found = []
    sent_back = (ContentChange.objects.filter(state=ContentChange.State.SENT_BACK,
                                              proposed_by=user)
                 .select_related("content_type").order_by("-decided_at"))
    for change in sent_back:
        answered = ContentChange.objects.filter(
            content_type=change.content_type_id, object_id=change.object_id,
            proposed_at__gt=change.proposed_at).exists()
        if not answered:
            content_type = change.content_type
            change.edit_url = reverse(
                f"admin:{content_type.app_label}_{content_type.model}_change",
                args=[change.object_id])
            found.append(change)
        if len(found) == limit:
            break
    return found
