"""Fixtures for the content app: editors with and without rights (``guide`` is in
tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def plain_staff(django_user_model):
    return django_user_model.objects.create_user(
        username="staff-no-group", password="a-long-test-password", is_staff=True
    )


@pytest.fixture
def reviewer(django_user_model):
    """A clinical reviewer, Dr Amara Okafor (her name is the review stamp)."""
    user = django_user_model.objects.create_user(
        username="dr-okafor", password="a-long-test-password", is_staff=True,
        first_name="Amara", last_name="Okafor",
    )
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    return user
