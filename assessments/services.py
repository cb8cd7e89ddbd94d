"""Writes for the questionnaire: saving drafts, submitting and deleting assessments.

Views call these; nothing here knows about HTTP.
"""

import logging

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from assessments import intake, rules
from assessments.governance import services as governance
from assessments.models import Assessment, AuditEvent, Draft, new_reference_code
from content.selectors import guide_reviewed_on

logger = logging.getLogger(__name__)

# A reference code collision is astronomically rare (31^8 codes) but must not be an
# error: try again with a fresh code a few times.
REFERENCE_CODE_ATTEMPTS = 5


def draft_save_step(*, draft: Draft, step: intake.Step, step_answers: dict, reached: int) -> None:
    """Replace one step's answers, drop answers that stopped applying, save."""
    step_keys = {question.key for question in step.questions}
    answers = {key: value for key, value in draft.answers.items() if key not in step_keys}
    answers.update(step_answers)
    draft.answers = intake.drop_inapplicable(answers)
    draft.furthest_step = max(draft.furthest_step, reached)
    draft.touch()
    draft.save(update_fields=["answers", "furthest_step", "expires_at", "updated_at"])


@transaction.atomic
def assessment_submit(*, draft: Draft) -> Assessment:
    """Validate the whole answer set, run the rules, store the assessment, end the draft.

    Raises pydantic.ValidationError if the answers are incomplete or invalid. Either the
    assessment is stored and the draft deleted, or nothing changes.
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
                    leaning=summary.leaning,
                    has_red_flags=bool(summary.red_flags),
                    guide_reviewed_on=guide_reviewed_on(),
                    ruleset_approval=governance.current_approval(),
                )
            break
        except IntegrityError:
            if attempt == REFERENCE_CODE_ATTEMPTS:
                raise
            logger.warning("Reference code collision; retrying (attempt %d).", attempt)
    draft.delete()
    return assessment


def assessment_rederive_summary(*, assessment: Assessment) -> dict:
    """The summary the current rules give for the stored answers (for audits and tests)."""
    if assessment.ruleset_version != rules.RULESET_VERSION:
        raise ValueError(
            f"Stored with rules {assessment.ruleset_version}; "
            f"these are rules {rules.RULESET_VERSION}."
        )
    answers = intake.IntakeAnswers.model_validate(assessment.answers)
    return rules.assess(answers).model_dump(mode="json", by_alias=True)


@transaction.atomic
def assessment_delete(*, assessment: Assessment, action: str, actor=None, ip_address=None) -> None:
    """Delete an assessment and its stored PDF for good; leave an audit line."""
    AuditEvent.objects.create(
        actor=actor,
        actor_name=getattr(actor, "username", ""),
        action=action,
        reference_code=assessment.reference_code,
        ip_address=ip_address,
    )
    pdf_name = assessment.pdf_name
    assessment.delete()
    if pdf_name:
        # After commit: a rolled-back delete must not lose the file.
        transaction.on_commit(lambda: default_storage.delete(pdf_name))
