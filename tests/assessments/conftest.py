"""Fixtures for the intake and rules tests, built on the shared answers (tests/answers.py)."""

import copy

import pytest

from assessments.intake import IntakeAnswers
from assessments.models import ReviewerProfile
from tests.answers import BASELINE_ANSWERS, build_answer_dict
from tests.assessments.factories import make_user


@pytest.fixture
def baseline_answers() -> dict:
    """A fresh copy of the quiet baseline answer dict (safe to change)."""
    return copy.deepcopy(BASELINE_ANSWERS)


@pytest.fixture
def answers_with():
    """Factory: ``answers_with(goal="thicker_hair")`` -> a validated IntakeAnswers."""

    def build(**overrides) -> IntakeAnswers:
        return IntakeAnswers.model_validate(build_answer_dict(**overrides))

    return build


@pytest.fixture
def reviewer():
    """A clinical reviewer with the profile patients see on an approval (Dr Amara Okafor)."""
    user = make_user("dr-okafor", group="Clinical reviewers", is_staff=True,
                     first_name="Amara", last_name="Okafor")
    ReviewerProfile.objects.create(user=user, full_name="Dr Amara Okafor",
                                   profession="Consultant dermatologist",
                                   registration_number="GMC 7654321")
    return user
