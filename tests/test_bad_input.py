"""Random and malformed posts to every form endpoint never cause a server error."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from assessments import intake
from assessments.models import Draft

from tests.assessments.questionnaire_helpers import MALE_ANSWERS, step_post, walk_all_steps

pytestmark = pytest.mark.django_db

HYPOTHESIS = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ALL_KEYS = list(intake.QUESTIONS) + ["draft", "action", "return_to", "code", "q",
                                     "note", "username", "password", "date_from", "date_to"]
ALL_VALUES = sorted({c.value for q in intake.QUESTIONS.values() for c in q.choices})
junk_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
)
field_value = st.one_of(junk_text, st.sampled_from(ALL_VALUES + ["next", "back", "save"]))
form_data = st.dictionaries(
    st.one_of(st.sampled_from(ALL_KEYS), junk_text.filter(bool)),
    st.one_of(field_value, st.lists(field_value, max_size=15)),
    max_size=25,
)


@pytest.fixture
def patient(db):
    call_command("load_guide", verbosity=0)
    client = Client()
    draft = walk_all_steps(client, MALE_ANSWERS)
    return client, draft


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


@pytest.mark.parametrize("step", intake.STEPS, ids=lambda step: step.slug)
@HYPOTHESIS
@given(data=form_data, keep_token=st.booleans())
def test_random_posts_to_every_step(patient, step, data, keep_token):
    client, draft = patient
    if keep_token:
        data = {**data, "draft": draft.token}
    assert_no_server_error(client.post(reverse("assessments:step", args=[step.number]), data))


@HYPOTHESIS
@given(data=form_data)
def test_random_posts_to_review_resume_and_start(patient, data):
    client, _ = patient
    for name in ("assessments:review", "assessments:resume", "assessments:start"):
        assert_no_server_error(client.post(reverse(name), data))


@HYPOTHESIS
@given(token=junk_text)
def test_random_tokens_in_urls(patient, token):
    client, _ = patient
    for path in (f"/summary/{token}/", f"/summary/{token}/pdf/", f"/questionnaire/resume/{token}/"):
        assert_no_server_error(client.get(path))


def test_non_utf8_body_is_handled(patient):
    client, draft = patient
    body = b"draft=" + draft.token.encode() + b"&action=next&age_band=\xff\xfe\xfa&sex_at_birth=m\xe9le"
    response = client.generic(
        "POST", reverse("assessments:step", args=[1]), body,
        content_type="application/x-www-form-urlencoded",
    )
    assert_no_server_error(response)


def test_oversized_body_is_refused_with_a_clear_message(patient):
    client, draft = patient
    response = client.post(
        reverse("assessments:step", args=[4]),
        {"draft": draft.token, "action": "next", "allergy_other_details": "x" * 100_000},
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode().lower()


def test_huge_multi_select_is_refused(patient):
    client, draft = patient
    data = step_post(intake.STEPS[1], MALE_ANSWERS, draft)
    data["pattern"] = ["crown_thinning"] * 500
    response = client.post(reverse("assessments:step", args=[2]), data)
    assert response.status_code == 400
    assert "too large" in response.content.decode().lower() or "too many" in response.content.decode().lower()


def test_over_long_field_is_refused_next_to_the_field(patient):
    client, draft = patient
    answers = {**MALE_ANSWERS, "allergies": ["other"], "allergy_other_details": "y" * 500}
    step = next(s for s in intake.STEPS if "allergies" in {q.key for q in s.questions})
    url = reverse("assessments:step", args=[step.number])
    client.post(url, step_post(step, {**answers, "allergy_other_details": ""}, draft))
    response = client.post(url, step_post(step, answers, draft))
    assert response.status_code == 200
    assert "200 characters or fewer" in response.content.decode()
    assert Draft.objects.get(pk=draft.pk).answers.get("allergy_other_details") != "y" * 500


@pytest.fixture
def staff(patient, django_user_model):
    from tests.assessments.factories import make_assessment

    assessment = make_assessment()
    user = django_user_model.objects.create_user("nurse", password="a long test password")
    user.groups.add(Group.objects.get(name="Clinic staff"))
    client = Client()
    client.force_login(user)
    return client, assessment


@HYPOTHESIS
@given(params=form_data)
def test_random_staff_searches_and_filters(staff, params):
    client, _ = staff
    query = {key: value for key, value in params.items() if isinstance(value, str)}
    assert_no_server_error(client.get(reverse("staff:list"), query))


@HYPOTHESIS
@given(data=form_data)
def test_random_review_notes(staff, data):
    client, assessment = staff
    url = reverse("staff:review", args=[assessment.reference_code])
    assert_no_server_error(client.post(url, data))


@HYPOTHESIS
@given(data=form_data)
def test_random_logins(db, data):
    client = Client()
    for path in ("/staff/login/", "/admin/login/"):
        assert_no_server_error(client.post(path, data))


def test_nul_bytes_everywhere(staff):
    client, assessment = staff
    nul = "a\x00b"
    assert_no_server_error(client.get(reverse("staff:list"), {"q": nul}))
    assert_no_server_error(client.get(f"/summary/{nul}/"))
    assert_no_server_error(Client().post("/staff/login/", {"username": nul, "password": nul}))
    assert_no_server_error(Client().post("/questionnaire/resume/", {"code": nul}))
    assert_no_server_error(
        client.post(reverse("staff:review", args=[assessment.reference_code]), {"note": nul})
    )
