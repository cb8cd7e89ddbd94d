"""Fixtures for the intake and rules tests, built on the shared answers (tests/answers.py)."""

import copy

import pytest

from assessments.intake import IntakeAnswers
from tests.answers import BASELINE_ANSWERS, build_answer_dict


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
