"""Login lock-out, rate limits, and codes that cannot be guessed or enumerated."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import CODE_ALPHABET, Assessment, Draft, new_reference_code, new_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_user(django_user_model):
    user = django_user_model.objects.create_user("nurse", password="correct horse battery")
    user.groups.add(Group.objects.get(name="Clinic staff"))
    return user


@pytest.mark.parametrize("login_url", ["/staff/login/", "/admin/login/"])
def test_repeated_failed_logins_lock_the_account_out(client, staff_user, settings, login_url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": "nurse", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    last_try = client.post(login_url, {"username": "nurse", "password": "wrong"})
    assert last_try.status_code == 429
    locked = client.post(login_url, {"username": "nurse", "password": "correct horse battery"})
    assert locked.status_code == 429
    assert "Sign-in is paused" in locked.content.decode()


def test_successful_login_is_not_locked(client, staff_user):
    client.post("/staff/login/", {"username": "nurse", "password": "wrong"})
    response = client.post("/staff/login/", {"username": "nurse", "password": "correct horse battery"})
    assert response.status_code == 302


def test_resume_code_guessing_is_rate_limited(client, settings):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "resume": (3, 900)}
    statuses = [
        client.post(reverse("assessments:resume"), {"code": f"ABCD-EFGH-JK{i:02d}"}).status_code
        for i in range(5)
    ]
    assert statuses == [400, 400, 400, 429, 429]


def test_resume_link_guessing_is_rate_limited(client, settings):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "resume": (2, 900)}
    statuses = [client.get(f"/questionnaire/resume/guess{i}/").status_code for i in range(4)]
    assert statuses == [404, 404, 429, 429]


def test_starting_drafts_is_rate_limited(client, settings):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "start": (2, 3600)}
    statuses = [client.post(reverse("assessments:start")).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Draft.objects.count() == 2


def test_rate_limits_count_per_client_address(client, settings):
    settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "start": (1, 3600)}
    assert client.post(reverse("assessments:start"), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(reverse("assessments:start"), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(reverse("assessments:start"), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_tokens_are_long_random_and_url_safe():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", token) for token in tokens)  # 256 bits


def test_reference_codes_use_an_unambiguous_alphabet():
    assert not set("01OIL") & set(CODE_ALPHABET)
    codes = {new_reference_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)


def test_summary_is_reached_only_by_its_token_not_by_id_or_code(client):
    assessment = Assessment.objects.create(
        answers={}, summary={}, ruleset_version="x", leaning="open"
    )
    for guess in (str(assessment.pk), assessment.reference_code, assessment.reference_display):
        assert client.get(f"/summary/{guess}/").status_code == 404
