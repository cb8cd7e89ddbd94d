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


class TestPasswordSpraying:
    """One address trying a few passwords against many usernames (issue 10, finding 7)."""

    @pytest.fixture(autouse=True)
    def low_limit(self, settings):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "login": (3, 3600)}

    @pytest.mark.parametrize("login_url", ["/staff/login/", "/admin/login/"])
    def test_failures_across_usernames_are_limited_per_address(self, client, staff_user,
                                                              login_url):
        statuses = [
            client.post(login_url, {"username": f"user{i}", "password": "Summer2026!"},
                        REMOTE_ADDR="198.51.100.9").status_code
            for i in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        # Even the right password waits: the address is paused, not the account.
        refused = client.post(login_url, {"username": "nurse", "password": "correct horse battery"},
                              REMOTE_ADDR="198.51.100.9")
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0

    def test_other_addresses_can_still_sign_in(self, client, staff_user):
        for i in range(4):
            client.post("/staff/login/", {"username": f"user{i}", "password": "x"},
                        REMOTE_ADDR="198.51.100.9")
        response = client.post("/staff/login/",
                               {"username": "nurse", "password": "correct horse battery"},
                               REMOTE_ADDR="203.0.113.5")
        assert response.status_code == 302

    def test_successful_sign_ins_do_not_count(self, client, staff_user):
        for _ in range(5):
            response = client.post("/staff/login/",
                                   {"username": "nurse", "password": "correct horse battery"},
                                   REMOTE_ADDR="198.51.100.9")
            assert response.status_code == 302
            client.post("/staff/logout/")


class TestRetryAfter:
    """Every 429 says when to come back (issue 10, finding 8)."""

    def assert_retry_after(self, response, at_most: int):
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= at_most
        assert "Too many attempts" in response.content.decode() or "paused" in (
            response.content.decode()
        )

    def test_rate_limited_pages(self, client, settings):
        settings.HAIRTX_RATE_LIMITS = {scope: (0, 900) for scope in settings.HAIRTX_RATE_LIMITS}
        first = client.post(reverse("assessments:start"))
        self.assert_retry_after(first, 900)
        assert "Your saved answers are not lost" in first.content.decode()
        self.assert_retry_after(client.post(reverse("assessments:resume"), {"code": "x"}), 900)
        self.assert_retry_after(client.get("/questionnaire/resume/whatever-token-here/"), 900)

    def test_staff_code_look_ups(self, client, settings, staff_user):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "reference": (0, 3600)}
        client.force_login(staff_user)
        detail = client.get(reverse("staff:detail", args=["ABCD2345"]))
        self.assert_retry_after(detail, 3600)
        assert "answers are not lost" not in detail.content.decode()  # for patients only
        self.assert_retry_after(client.get(reverse("staff:list"), {"q": "ABCD2345"}), 3600)

    def test_login_lock_out(self, client, settings, staff_user):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post("/staff/login/", {"username": "nurse", "password": "wrong"})
        response = client.post("/staff/login/", {"username": "nurse", "password": "wrong"})
        self.assert_retry_after(response, 30 * 60)
        assert int(response["Retry-After"]) == 30 * 60


class TestReferenceCodeLookUps:
    """Every look-up by code is limited and audited, hits and misses (issue 10, finding 4)."""

    @pytest.fixture
    def staff_client(self, client, staff_user):
        client.force_login(staff_user)
        return client

    @pytest.mark.parametrize("url_name", ["staff:detail", "staff:print", "staff:pdf"])
    def test_guessing_codes_in_the_url_is_limited(self, staff_client, settings, url_name):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "reference": (3, 3600)}
        statuses = [staff_client.get(reverse(url_name, args=[f"ABCD234{i}"])).status_code
                    for i in range(5)]
        assert statuses == [404, 404, 404, 429, 429]

    def test_search_and_detail_share_one_limit_per_user(self, staff_client, settings):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "reference": (2, 3600)}
        assert staff_client.get(reverse("staff:list"), {"q": "ABCD2345"}).status_code == 200
        assert staff_client.get(reverse("staff:detail", args=["ABCD2346"])).status_code == 404
        # Another address does not get a fresh allowance: the limit follows the user.
        assert staff_client.get(reverse("staff:detail", args=["ABCD2347"]),
                                REMOTE_ADDR="203.0.113.99").status_code == 429

    @pytest.mark.parametrize(
        ("url_name", "method", "action"),
        [("staff:detail", "get", "view"), ("staff:print", "get", "print"),
         ("staff:pdf", "get", "download"), ("staff:review", "post", "review")],
    )
    def test_misses_are_audited(self, staff_client, url_name, method, action):
        from assessments.models import AuditEvent

        response = getattr(staff_client, method)(reverse(url_name, args=["abcd-2345"]))
        assert response.status_code == 404
        event = AuditEvent.objects.get()
        assert (event.action, event.reference_code, event.detail) == (
            action, "ABCD2345", "not found")
        assert event.actor_name == "nurse"
