"""Writes of decision quality: recording a decision and a follow-up. No HTTP."""

from collections.abc import Mapping, Sequence
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.models import Assessment, AuditEvent
from assessments.audit import audit_record

from . import regret, schedule
from .models import RECORDED_FIELDS, Decision, DecisionRevision, FollowUp, sure_score_of
from .options import NOT_A_CHOICE, option_label


class FollowUpClosed(Exception):
    """No follow-up is open for this assessment now (none due, or already answered)."""


def _snapshot(decision: Decision) -> DecisionRevision:
    return DecisionRevision.objects.create(
        decision=decision,
        **{name: getattr(decision, name) for name in
           (*RECORDED_FIELDS, "sure_score", "recorded_by", "recorded_by_name", "recorded_at")},
    )


@transaction.atomic
def decision_record(
    *, assessment: Assessment, recorded_by, values: Mapping[str, object],
    ip_address: str | None,
) -> Decision:
    """Record the decision of ``assessment``, or change it; keep a revision and audit it.

    ``values`` holds ``RECORDED_FIELDS``. Saving the same values again changes nothing
    and leaves no revision or audit line.
    """
    decision = Decision.objects.select_for_update().filter(assessment=assessment).first()
    before = None
    if decision is None:
        decision = Decision(assessment=assessment)
    else:
        if all(getattr(decision, name) == values[name] for name in RECORDED_FIELDS):
            return decision
        before = decision.option
    for name in RECORDED_FIELDS:
        setattr(decision, name, values[name])
    decision.sure_score = sure_score_of(decision)
    decision.recorded_by = recorded_by
    decision.recorded_by_name = getattr(recorded_by, "username", "")
    decision.recorded_at = timezone.now()
    decision.save()
    _snapshot(decision)
    if before is None:
        action, detail = AuditEvent.Action.DECISION_RECORD, option_label(decision.option)
    else:
        action = AuditEvent.Action.DECISION_CHANGE
        detail = f"from {option_label(before)} to {option_label(decision.option)}"
    audit_record(actor=recorded_by, action=action, assessment=assessment,
                 ip_address=ip_address, detail=detail)
    return decision


def follow_up_wave(assessment: Assessment, *, today: date | None = None) -> int | None:
    """The follow-up wave (months) the patient of ``assessment`` may answer today, if any.

    None without a recorded decision, for "decided later" (nothing was chosen to regret),
    before 3 months, and once the wave that is open has been answered.
    """
    decision = getattr(assessment, "decision", None)
    if decision is None or decision.option in NOT_A_CHOICE:
        return None
    answered = set(assessment.follow_ups.values_list("wave", flat=True))
    return schedule.open_wave(decided_on=decision.decided_on,
                              today=today or timezone.localdate(), answered=answered)


def follow_up_record(
    *, assessment: Assessment, responses: Sequence[int], hair_change: str,
    today: date | None = None,
) -> FollowUp:
    """Store the patient's answers for the wave open today, with the scale's score.

    Raises FollowUpClosed when no wave is open (a second post of the same form too).
    """
    wave = follow_up_wave(assessment, today=today)
    if wave is None:
        raise FollowUpClosed
    try:
        with transaction.atomic():
            return FollowUp.objects.create(
                assessment=assessment,
                wave=wave,
                option=assessment.decision.option,
                regret_score=regret.regret_score(responses),
                hair_change=hair_change,
                **dict(zip(regret.ITEM_KEYS, responses)),
            )
    except IntegrityError as exc:  # the same wave answered twice at once
        raise FollowUpClosed from exc
