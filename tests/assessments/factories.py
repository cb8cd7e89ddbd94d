"""Assessments made through the real path: answers -> Draft -> services.assessment_submit."""

from assessments.models import Assessment, Draft
from assessments.services import assessment_submit
from tests.assessments.questionnaire_helpers import MALE_ANSWERS


def valid_answers(**overrides) -> dict:
    """A complete, valid answer set (early male-pattern loss, no red flags)."""
    return {**MALE_ANSWERS, **overrides}


def make_assessment(answers: dict | None = None, **overrides) -> Assessment:
    """Submit a draft holding ``answers`` (or the baseline with ``overrides``)."""
    draft = Draft.objects.create(answers=answers if answers is not None else valid_answers(**overrides))
    return assessment_submit(draft=draft)
