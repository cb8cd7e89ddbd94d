"""The publishing workflow: propose, approve, send back; and what lacks approval.

Rules it enforces (whatever screen calls it):
- a published item changes only when a clinical reviewer approves a proposal;
- a reviewer needs the `content.approve_contentchange` permission and may not decide
  on a change they proposed, nor on words they wrote: anyone who edited the item or
  proposed a change to it since its last approved version (a person in both groups
  needs a second one);
- one pending proposal per item: a newer one supersedes the older.

An item counts as approved when some approved change holds exactly its current values
(fingerprint), so reverting to approved words stays approved and any other edit does not.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from content.approvals import registry
from content.approvals.diff import FieldDiff, field_diffs
from content.approvals.models import ContentChange
from content.approvals.signals import Step, change_recorded
from content.models import Status

APPROVE_PERMISSION = "content.approve_contentchange"
APPROVAL_REASON = "Clinical review:"  # starts the history reason of an approval's save


# What approving each outcome makes of the item, written out: an outcome says what to do,
# a status what an item is (issue 27 point 4).
STATUS_ONCE_APPROVED = {
    ContentChange.Outcome.PUBLISH: Status.PUBLISHED,
    ContentChange.Outcome.UNPUBLISH: Status.DRAFT,
}


def outcome_keeping(status: str) -> str:
    """The outcome whose approval leaves an item in ``status`` (a correction that should
    not publish or unpublish anything)."""
    return next(outcome for outcome, after in STATUS_ONCE_APPROVED.items() if after == status)


def nothing_to_approve(obj, outcome: str) -> bool:
    """Whether approving ``outcome`` would leave ``obj`` as it is: it already has that
    status and, to be published, its words are approved."""
    return obj.status == STATUS_ONCE_APPROVED[outcome] and (
        outcome == ContentChange.Outcome.UNPUBLISH or is_approved(obj))


class ApprovalRefused(Exception):
    """The user may not decide on this change; the message says why, in plain words."""


def _label(obj) -> str:
    return f"{obj._meta.verbose_name} “{obj}”"[:300]


def _record(change: ContentChange, step: str, actor, ip_address) -> None:
    change_recorded.send(
        sender=ContentChange, change=change, step=step, actor=actor, ip_address=ip_address
    )


@transaction.atomic
def propose(obj, *, values: dict[str, str | None] | None = None,
            outcome: str = ContentChange.Outcome.PUBLISH, proposed_by=None, summary: str = "",
            ip_address=None) -> ContentChange:
    """Keep a proposal for `obj` (its current values unless `values` are given)."""
    if not registry.is_registered(type(obj)):
        raise ValueError(f"{type(obj).__name__} is not registered for clinical sign-off.")
    values = registry.values_of(obj) if values is None else values
    content_type = ContentType.objects.get_for_model(type(obj))
    ContentChange.objects.filter(
        content_type=content_type, object_id=obj.pk, state=ContentChange.State.PENDING
    ).update(state=ContentChange.State.SUPERSEDED)
    change = ContentChange.objects.create(
        content_type=content_type,
        object_id=obj.pk,
        item_label=_label(obj),
        values=values,
        fingerprint=registry.fingerprint(values),
        outcome=outcome,
        summary=summary[:300],
        proposed_by=proposed_by,
    )
    _record(change, Step.SUBMITTED, proposed_by, ip_address)
    return change


def withdraw_pending(obj) -> int:
    """Mark any pending proposal for `obj` superseded (its draft changed); how many."""
    return ContentChange.objects.pending().for_object(obj).update(
        state=ContentChange.State.SUPERSEDED)


def can_decide(change: ContentChange, user) -> str | None:
    """None if `user` may approve or send back `change`, else the reason why not."""
    if not user.has_perm(APPROVE_PERMISSION):
        return "Only a clinical reviewer can approve or send back guide changes."
    if not change.is_pending:
        return "This change has already been decided."
    if change.proposed_by_id is not None and change.proposed_by_id == user.pk:
        return "You proposed this change, so another clinical reviewer must decide on it."
    if user.pk in authors_of(change):
        return ("You edited this item since it was last approved, so another clinical "
                "reviewer must decide on it.")
    return None


def authors_of(change: ContentChange) -> set[int]:
    """Who wrote the words of `change`: everyone who saved the item (its history) or
    proposed a change to it since the last approved version of its words.

    Counted whether or not their words survived: proving that they did not would need
    a word-by-word history, and another reviewer is always available for the rest.
    """
    model = change.content_type.model_class()
    last = (_approved_for_patients()
            .filter(content_type=change.content_type, object_id=change.object_id)
            .exclude(pk=change.pk).order_by("-decided_at").first())
    since = {} if last is None else {"history_date__gt": last.decided_at}
    edited = set(model.history.filter(id=change.object_id, **since)
                 .exclude(history_user=None)
                 .exclude(history_change_reason__startswith=APPROVAL_REASON)  # not writing
                 .values_list("history_user_id", flat=True))
    proposals = ContentChange.objects.filter(
        content_type=change.content_type, object_id=change.object_id,
        **({} if last is None else {"proposed_at__gt": last.decided_at}),
    ).exclude(proposed_by=None)
    return edited | set(proposals.values_list("proposed_by_id", flat=True))


def _locked_for_decision(change: ContentChange, reviewer) -> ContentChange:
    """The change, locked and read again, once ``reviewer`` may decide on it."""
    change = ContentChange.objects.select_for_update().get(pk=change.pk)
    if reason := can_decide(change, reviewer):
        raise ApprovalRefused(reason)
    return change


def _close(change: ContentChange, state: str, *, reviewer, comment: str, step: str,
           ip_address) -> ContentChange:
    """Stamp the decision on the change (who, when, why) and record the step."""
    change.state = state
    change.decided_by = reviewer
    change.decided_by_name = reviewer_name(reviewer)
    change.decided_at = timezone.now()
    change.comment = comment
    change.save()
    _record(change, step, reviewer, ip_address)
    return change


def reviewer_name(user) -> str:
    return (user.get_full_name() or user.get_username())[:200]


def _lock_item(change: ContentChange):
    model = change.content_type.model_class()
    obj = model.objects.select_for_update().filter(pk=change.object_id).first()
    if obj is None:
        raise ApprovalRefused("The item this change was for has been deleted.")
    return obj


@transaction.atomic
def approve(change: ContentChange, *, reviewer, comment: str = "",
            ip_address=None) -> ContentChange:
    """Apply the proposal to the item, stamp the review, publish or unpublish it."""
    change = _locked_for_decision(change, reviewer)
    obj = _lock_item(change)
    was_published = obj.status == Status.PUBLISHED
    change.values_before = registry.values_of(obj) if was_published else {}
    registry.apply_values(obj, change.values)
    obj.status = STATUS_ONCE_APPROVED[change.outcome]
    obj.last_reviewed_on = timezone.localdate()
    obj.reviewed_by = reviewer_name(reviewer)
    obj._change_reason = (
        f"{APPROVAL_REASON} change #{change.pk} approved by {reviewer_name(reviewer)}"
    )
    obj._history_user = reviewer
    try:
        obj.full_clean(exclude=["default_content_hash"])
    except ValidationError as error:
        raise ApprovalRefused(
            f"The proposed values are no longer valid ({'; '.join(error.messages)}). "
            "Send it back so the editor can fix them."
        ) from error
    obj.save()

    _close(change, ContentChange.State.APPROVED, reviewer=reviewer, comment=comment,
           step=Step.APPROVED, ip_address=ip_address)
    if obj.status == Status.PUBLISHED:
        _record(change, Step.PUBLISHED, reviewer, ip_address)
    elif was_published:
        _record(change, Step.UNPUBLISHED, reviewer, ip_address)
    return change


@transaction.atomic
def send_back(change: ContentChange, *, reviewer, comment: str, ip_address=None) -> ContentChange:
    """Refuse the proposal with a reason for the editor; the item stays as it is."""
    if not comment.strip():
        raise ApprovalRefused("Say what the editor should change before sending it back.")
    change = _locked_for_decision(change, reviewer)
    return _close(change, ContentChange.State.SENT_BACK, reviewer=reviewer,
                  comment=comment.strip(), step=Step.SENT_BACK, ip_address=ip_address)


# ---------------------------------------------------------------------------
# Reading the state of the guide
# ---------------------------------------------------------------------------


def _approved_for_patients():
    # Approving removal from the site is not approving the words.
    return ContentChange.objects.approved().filter(outcome=ContentChange.Outcome.PUBLISH)


def _approved_keys() -> set[tuple[int, int, str]]:
    return set(_approved_for_patients().values_list("content_type_id", "object_id",
                                                     "fingerprint"))


def published_items_by_approval() -> tuple[list, list]:
    """Every published item, split into (approved as it stands now, not approved)."""
    approved_keys = _approved_keys()
    approved, unapproved = [], []
    for model in registry.registered_models():
        content_type = ContentType.objects.get_for_model(model)
        for obj in model.objects.filter(status=Status.PUBLISHED):
            key = (content_type.pk, obj.pk, registry.fingerprint(registry.values_of(obj)))
            (approved if key in approved_keys else unapproved).append(obj)
    return approved, unapproved


def unapproved_published_items() -> list:
    """Every published item whose current values no clinical reviewer has approved."""
    return published_items_by_approval()[1]


def is_approved(obj) -> bool:
    content_type = ContentType.objects.get_for_model(type(obj))
    return _approved_for_patients().filter(
        content_type=content_type, object_id=obj.pk,
        fingerprint=registry.fingerprint(registry.values_of(obj)),
    ).exists()


@transaction.atomic
def ask_review_of_unapproved(*, proposed_by=None) -> list[ContentChange]:
    """A pending proposal "approve as published" for each unapproved published item
    that has none yet (the shipped guide after load_guide, for instance)."""
    pending = set(ContentChange.objects.pending().values_list("content_type_id", "object_id"))
    made = []
    for obj in unapproved_published_items():
        content_type = ContentType.objects.get_for_model(type(obj))
        if (content_type.pk, obj.pk) in pending:
            continue
        made.append(propose(obj, proposed_by=proposed_by,
                            summary="Published without a clinician's approval: please review."))
    return made


@dataclass(frozen=True)
class ReviewView:
    """What the reviewer's screen shows for one change."""

    change: ContentChange
    compared_with: str  # words for what the diff is against
    diffs: list[FieldDiff]
    status_change: str  # "", or e.g. "This change publishes the item."


def review_view(change: ContentChange) -> ReviewView:
    """The diff against the published version; if that version was never approved, against
    the last approved one (or nothing), so the reviewer reads every unapproved word."""
    model = change.content_type.model_class()
    labels = registry.field_labels(model)
    if not change.is_pending:
        before = change.values_before or {}
        compared_with = "the version patients saw when this was decided"
        return ReviewView(change, compared_with, _diffs(model, before, change.values, labels), "")
    obj = model.objects.filter(pk=change.object_id).first()
    published = obj is not None and obj.status == Status.PUBLISHED
    if published and is_approved(obj):
        before, compared_with = registry.values_of(obj), "the published version (approved)"
    elif published and is_shipped_text(obj) and change.values != registry.values_of(obj):
        # Shipped text counts as seen: an edit shows only the editor's words, not the
        # whole item. (Approving "as published" still shows every word, below.)
        before = registry.values_of(obj)
        compared_with = ("the published version, as shipped with the site (no clinician "
                         "has approved it yet: approving this change approves the whole item)")
    else:
        last = (_approved_for_patients()
                .filter(content_type=change.content_type, object_id=change.object_id)
                .order_by("-decided_at").first())
        if last is not None:
            before = last.values
            compared_with = "the last approved version (the published one was never approved)"
        else:
            before = {}
            compared_with = (
                "nothing: no version of this item was ever approved, so all of it is new"
            )
    status_change = ""
    if change.outcome == ContentChange.Outcome.PUBLISH and not published:
        status_change = "Approving publishes this item: patients will see it."
    elif change.outcome == ContentChange.Outcome.UNPUBLISH and published:
        status_change = "Approving takes this item off the public site."
    return ReviewView(change, compared_with, _diffs(model, before, change.values, labels),
                      status_change)


def is_shipped_text(obj) -> bool:
    """Whether the item still holds the text load_guide wrote (its last history entry)."""
    from content.loading import CHANGE_REASON  # the loader imports this module

    last = obj.history.order_by("-history_date", "-history_id").first()
    return last is not None and last.history_change_reason == CHANGE_REASON


def _diffs(model, before: dict, after: dict, labels: dict[str, str]) -> list[FieldDiff]:
    return field_diffs(registry.readable_values(model, before),
                       registry.readable_values(model, after), labels)
