"""Writes for the questionnaire: saving drafts, submitting and deleting assessments.

Views call these; nothing here knows about HTTP.
"""

import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments import intake, rules
from assessments.audit import audit_record
from assessments.drafts import draft_save_answers
from assessments.governance import services as governance
from assessments.intake_versions import read_answers
from assessments.models import (
    Assessment,
    AssessmentSignal,
    Draft,
    QuestionnaireProgress,
    new_reference_code,
)
from assessments.pdf import stored_pdf_delete
from assessments.tasks import summary_pdf_enqueue
from content.selectors import guide_reviewed_on

logger = logging.getLogger(__name__)

# A reference code collision is astronomically rare (31^8 codes) but must not be an
# error: try again with a fresh code a few times.
REFERENCE_CODE_ATTEMPTS = 5


@transaction.atomic
def draft_start() -> Draft:
    """A new, empty draft with its progress record (for the insights funnel)."""
    return Draft.objects.create(progress=QuestionnaireProgress.objects.create())


def _progress_reached(draft: Draft, *, step: int | None = None, review: bool = False,
                      submitted: bool = False) -> None:
    """Move the draft's funnel record forward; it never goes back.

    One UPDATE, and only when something changes. Drafts made before the record existed
    have none and are skipped.
    """
    if draft.progress_id is None:
        return
    now = timezone.now()
    progress = QuestionnaireProgress.objects.filter(pk=draft.progress_id)
    if step is not None:
        progress.filter(furthest_step__lt=step).update(furthest_step=step, last_step_at=now)
    if review:
        progress.filter(reached_review_at__isnull=True).update(reached_review_at=now)
    if submitted:
        progress.update(submitted_at=now)


def draft_save_step(*, draft: Draft, step: intake.Step, step_answers: dict, reached: int) -> dict:
    """Replace one step's answers, drop answers that stopped applying, save; return the
    answers saved."""
    answers = {key: value for key, value in draft.answers.items() if key not in step.keys}
    answers = intake.drop_inapplicable({**answers, **step_answers})
    advanced = reached > draft.furthest_step
    draft.answers = answers
    draft.furthest_step = max(draft.furthest_step, reached)
    draft.touch()
    draft_save_answers(draft)
    if advanced:
        _progress_reached(draft, step=draft.furthest_step)
    return answers


def draft_reached_review(*, draft: Draft) -> None:
    """The patient saw the review page with every answer in place (the funnel's step)."""
    _progress_reached(draft, step=len(intake.STEPS), review=True)


def summary_signals(summary: dict) -> list[tuple[str, str]]:
    """(kind, code) of each red flag, caution and readiness need in a stored summary.

    A caution is any item outside the red flags with severity "caution" or "stop"; each
    rule counts once per summary even when it writes several items.
    """
    Kind = AssessmentSignal.Kind
    signals = {(Kind.RED_FLAG.value, item["rule"]) for item in summary["red_flags"]}
    options = summary["options"]
    others = [
        *(item for option in options.values() for side in option.values() for item in side),
        *summary["also_discuss"], *summary["questions_to_ask"], *summary["to_bring"],
        *summary["expectations"],
    ]
    signals |= {(Kind.CAUTION.value, item["rule"]) for item in others
                if item["severity"] in {"caution", "stop"}}
    signals |= {(Kind.NEED.value, need) for need in summary["decision_readiness"]["needs"]}
    return sorted(signals)


def assessment_signals_build(assessment: Assessment) -> list[AssessmentSignal]:
    """The signal rows of an assessment, unsaved (bulk-created by callers)."""
    return [
        AssessmentSignal(assessment=assessment, created_on=assessment.created_on, kind=kind,
                         code=code)
        for kind, code in summary_signals(assessment.summary)
    ]


@transaction.atomic
def assessment_submit(*, draft: Draft) -> Assessment:
    """Validate the whole answer set, run the rules, store the assessment, end the draft.

    Raises pydantic.ValidationError if the answers are incomplete or invalid. Either the
    assessment is stored and the draft emptied and pointed at it, or nothing changes.
    """
    answers = intake.IntakeAnswers.model_validate(draft.answers)
    summary = rules.assess(answers)
    stored_answers = answers.model_dump(mode="json", exclude_none=True)
    stored_summary = summary.model_dump(mode="json", by_alias=True)
    for attempt in range(1, REFERENCE_CODE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    reference_code=new_reference_code(),
                    answers=stored_answers,
                    summary=stored_summary,
                    ruleset_version=summary.ruleset_version,
                    intake_schema=intake.SCHEMA_VERSION,
                    leaning=summary.leaning,
                    has_red_flags=bool(summary.red_flags),
                    guide_reviewed_on=guide_reviewed_on(),
                    ruleset_approval=governance.current_approval(),
                    sure_score=summary.decision_readiness.sure_score,
                )
            break
        except IntegrityError:
            if attempt == REFERENCE_CODE_ATTEMPTS:
                raise
            logger.warning("Reference code collision; retrying (attempt %d).", attempt)
    AssessmentSignal.objects.bulk_create(assessment_signals_build(assessment))
    # The draft's answers now live in the assessment: it keeps only a pointer to it
    # (until it expires) so that Back, a second tab or the resume code lead to the
    # summary. Its progress record stays, marked submitted, so the funnel counts it.
    _progress_reached(draft, step=len(intake.STEPS), review=True, submitted=True)
    draft.answers = {}
    draft.assessment = assessment
    draft.touch()
    draft.save(update_fields=["answers", "assessment", "expires_at", "updated_at"])
    # After commit, so the worker never looks for an assessment that is not there yet.
    # robust: the assessment is saved; if queueing fails the PDF is made on request.
    transaction.on_commit(partial(summary_pdf_enqueue, assessment_id=assessment.pk),
                          robust=True)
    return assessment


def assessment_rederive_summary(*, assessment: Assessment) -> dict:
    """The summary the current rules give for the stored answers (for audits and tests)."""
    if assessment.ruleset_version != rules.RULESET_VERSION:
        raise ValueError(
            f"Stored with rules {assessment.ruleset_version}; "
            f"these are rules {rules.RULESET_VERSION}."
        )
    answers, as_given = read_answers(assessment.answers, stored_schema=assessment.intake_schema)
    return rules.assess(answers, as_given=as_given).model_dump(mode="json", by_alias=True)


@transaction.atomic
def assessment_delete(*, assessment: Assessment, action: str, actor=None, ip_address=None) -> None:
    """Delete an assessment and its stored PDF for good; leave an audit line."""
    audit_record(actor=actor, action=action, reference_code=assessment.reference_code,
                 ip_address=ip_address)
    pdf_name = assessment.pdf_name
    assessment.delete()
    if pdf_name:
        # After commit: a rolled-back delete must not lose the file. If the store does not
        # answer, the deletion still stands and purge_expired removes the file later.
        transaction.on_commit(lambda: stored_pdf_delete(pdf_name))
