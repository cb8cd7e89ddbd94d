"""Fixtures of the decision-quality tests."""

import pytest

from tests.assessments.factories import make_assessment, make_staff


@pytest.fixture
def assessment():
    return make_assessment()


@pytest.fixture
def nurse():
    return make_staff()
