"""Who wrote the words of a version of a guide item, and who approved them.

An approved change is applied by the reviewer, so the history entry's user is the
reviewer; the words came from the proposal's author (or shipped with the site). The
entry's change reason names the proposal ("change #12"), which says both.
"""

import re

from content.approvals.models import ContentChange

SHIPPED = "Shipped with the site (hairtx writers)"
_CHANGE_NUMBER = re.compile(r"change #(\d+)")


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _change_of(record) -> ContentChange | None:
    match = _CHANGE_NUMBER.search(record.history_change_reason or "")
    if match is None:
        return None
    return (ContentChange.objects.select_related("proposed_by")
            .filter(pk=int(match[1])).first())


def words_by(record) -> str:
    from content.loading import CHANGE_REASON  # the loader imports the approvals package

    if record.history_change_reason == CHANGE_REASON:
        return SHIPPED
    change = _change_of(record)
    if change is not None:
        return person(change.proposed_by) or SHIPPED
    return person(record.history_user) or "Unknown (not made in the admin)"


def approved_by(record) -> str:
    change = _change_of(record)
    if change is not None and change.state == ContentChange.State.APPROVED:
        return change.decided_by_name
    return "Not approved"
