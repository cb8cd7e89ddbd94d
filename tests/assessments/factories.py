"""Assessments made through the real path: answers -> Draft -> services.assessment_submit."""

from django.contrib.auth.models import Group, User

from assessments.models import Assessment, Draft
from assessments.services import assessment_submit
from tests.assessments.conftest import build_answer_dict

# Answers that raise a red flag (nail changes: R2) on top of the quiet baseline.
RED_FLAG = {"nail_changes": "yes"}


def valid_answers(**overrides) -> dict:
    """The rules colleague's quiet baseline (tests/assessments/conftest.py) with overrides."""
    return build_answer_dict(**overrides)


def make_assessment(**overrides) -> Assessment:
    """Submit a draft holding the baseline answers with ``overrides``."""
    draft = Draft.objects.create(answers=valid_answers(**overrides))
    return assessment_submit(draft=draft)


def make_user(username: str, *, group: str | None = None, **fields) -> User:
    user = User.objects.create_user(username=username, password="a long test password", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_staff(username: str = "nurse") -> User:
    return make_user(username, group="Clinic staff")
