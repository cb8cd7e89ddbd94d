"""Random and malformed posts to every form endpoint never cause a server error."""

import functools
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

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


def each_example_alone(test):
    """Hypothesis runs a test's body many times with one set of fixtures: run each example
    in a savepoint that is rolled back, with fresh clients that carry the fixtures' cookies,
    so that every example starts from the state the fixtures made (the draft, the
    assessment, the rate-limit counts, the lock-outs) and a failure replays on its own."""

    @functools.wraps(test)
    def one_example(*args, **kwargs):
        with transaction.atomic():
            test(*map(_own_client, args),
                 **{name: _own_client(value) for name, value in kwargs.items()})
            transaction.set_rollback(True)

    return one_example


def _own_client(value):
    """A new client with ``value``'s cookies (inside tuples too); anything else as it is."""
    if isinstance(value, tuple):
        return tuple(_own_client(item) for item in value)
    if isinstance(value, Client):
        client = Client()
        client.cookies.load({name: morsel.value for name, morsel in value.cookies.items()})
        return client
    return value


@pytest.fixture
def patient(guide):
    client = Client()
    draft = walk_all_steps(client, MALE_ANSWERS)
    return client, draft


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:500]


@pytest.mark.parametrize("step", intake.STEPS, ids=lambda step: step.slug)
@HYPOTHESIS
@given(data=form_data, keep_token=st.booleans())
@each_example_alone
def test_random_posts_to_every_step(patient, step, data, keep_token):
    client, draft = patient
    if keep_token:
        data = {**data, "draft": draft.token}
    assert_no_server_error(client.post(reverse("assessments:step", args=[step.number]), data))


@HYPOTHESIS
@given(data=form_data)
@each_example_alone
def test_random_posts_to_review_resume_and_start(patient, data):
    client, _ = patient
    for name in ("assessments:review", "assessments:resume", "assessments:start"):
        assert_no_server_error(client.post(reverse(name), data))


@HYPOTHESIS
@given(token=junk_text)
@each_example_alone
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
    step = intake.STEP_OF["allergies"]
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
@each_example_alone
def test_random_staff_searches_and_filters(staff, params):
    client, _ = staff
    query = {key: value for key, value in params.items() if isinstance(value, str)}
    assert_no_server_error(client.get(reverse("staff:list"), query))


@HYPOTHESIS
@given(data=form_data)
@each_example_alone
def test_random_review_notes(staff, data):
    client, assessment = staff
    url = reverse("staff:review", args=[assessment.reference_code])
    assert_no_server_error(client.post(url, data))


@HYPOTHESIS
@given(data=form_data)
@each_example_alone
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


# Every query parameter the staff list reads, with values near and past every bound.
STAFF_LIST_PARAMS = ["q", "leaning", "red_flags", "not_reviewed", "date_from", "date_to", "page"]
edge_numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["0", "-1", "1e9", "1.5", "99999999999999999999", "٣", "0x10", " 1 "]),
)
edge_dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "99999-01-01",
                     "2026-1-1", "31/12/2026", "2026-12-31T23:59"]),
)
staff_value = st.one_of(junk_text, edge_numbers, edge_dates, st.sampled_from(["on", "true"]))
# Each parameter present half the time, with values shaped for it, plus stray ones.
staff_params = st.builds(
    lambda known, stray: {**stray, **known},
    st.fixed_dictionaries({}, optional={
        "q": st.one_of(junk_text, st.sampled_from(["ABCD-2345", "abcd2345", "-" * 20])),
        "leaning": st.one_of(st.sampled_from(["standard_first", "prp", "open", ""]), staff_value),
        "red_flags": staff_value, "not_reviewed": staff_value,
        "date_from": st.one_of(edge_dates, staff_value),
        "date_to": st.one_of(edge_dates, staff_value),
        "page": st.one_of(edge_numbers, staff_value),
    }),
    st.dictionaries(junk_text.filter(bool), staff_value, max_size=3),
)


def test_the_fuzzed_parameters_are_every_staff_filter():
    """A new filter on the staff list must be added to STAFF_LIST_PARAMS and staff_params."""
    from assessments.staff.forms import AssessmentFilterForm

    assert set(AssessmentFilterForm.base_fields) == set(STAFF_LIST_PARAMS)


def superuser_client(django_user_model) -> Client:
    """Signed in as a new superuser (each example makes its own: each_example_alone)."""
    client = Client()
    client.force_login(django_user_model.objects.create(
        username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def lenient_limits(settings):
    """Hundreds of examples must not run into the look-up and login limits."""
    settings.HAIRTX_RATE_LIMITS = {scope: (10**9, 3600) for scope in settings.HAIRTX_RATE_LIMITS}


@HYPOTHESIS
@given(params=staff_params)
@example(params={"page": "99999999999999999999"})  # issue 10: past 64 bits
@example(params={"date_to": "9999-12-31"})  # issue 10: date.max + 1 day
@example(params={"date_from": "0001-01-01", "page": "-1"})
@each_example_alone
def test_every_staff_list_parameter_at_its_edges(staff, lenient_limits, params):
    client, _ = staff
    response = client.get(reverse("staff:list"), params)
    assert_no_server_error(response)
    if response.status_code == 400:
        assert "Please correct the filters" in response.content.decode()


@HYPOTHESIS
@given(data=st.fixed_dictionaries({}, optional={"date_from": st.one_of(edge_dates, staff_value),
                                               "date_to": st.one_of(edge_dates, staff_value)}))
@example(data={"date_from": "2026-01-01", "date_to": "9999-12-31"})
@each_example_alone
def test_every_export_range(staff, lenient_limits, data):
    client, _ = staff
    response = client.post(reverse("staff:export"), data)
    assert_no_server_error(response)
    if response.status_code == 200:
        b"".join(response.streaming_content)  # the whole file streams without a break


@HYPOTHESIS
@given(code=junk_text)
@each_example_alone
def test_random_codes_in_staff_urls(staff, lenient_limits, code):
    client, _ = staff
    segment = quote(code, safe="") or "-"
    for suffix in ("", "print/", "pdf/"):
        assert_no_server_error(client.get(f"/staff/assessments/{segment}/{suffix}"))
    assert_no_server_error(client.post(f"/staff/assessments/{segment}/review/", {"note": "x"}))


@HYPOTHESIS
@given(data=form_data)
@each_example_alone
def test_random_posts_to_export_and_delete(staff, lenient_limits, data):
    client, assessment = staff
    assert_no_server_error(client.post(reverse("staff:export"), data))
    assert_no_server_error(
        client.post(reverse("assessments:delete", args=["x" * 43]), data)
    )


@HYPOTHESIS
@given(params=st.dictionaries(
    st.sampled_from(["q", "p", "o", "e", "all", "action__exact", "has_red_flags__exact",
                     "created_at__gte", "created_at__year", "created_at__month", "_to_field",
                     "reviewed_at__isnull", "_changelist_filters"]) | junk_text.filter(bool),
    staff_value, max_size=6,
))
@example(params={"created_at__year": "2147483648"})  # found by this test: Django's own 500
@example(params={"created_at__year": "9999"})
@example(params={"created_at__year": "9999", "created_at__month": "12"})
@each_example_alone
def test_random_admin_list_parameters(db, lenient_limits, django_user_model, params):
    client = superuser_client(django_user_model)
    for path in ("/admin/assessments/assessment/", "/admin/assessments/auditevent/",
                 "/admin/content/section/"):
        assert_no_server_error(client.get(path, params))


def _allergies_step() -> intake.Step:
    """The step that asks about allergies (steps are named by what they ask, not numbered)."""
    return intake.STEP_OF["allergies"]


def test_invisible_characters_are_removed_from_answers(patient):
    client, draft = patient
    typed = "Plas\u200bters\u202e and nuts\u2066\ufeff"
    answers = {**MALE_ANSWERS, "allergies": ["other"], "allergy_other_details": typed}
    step = _allergies_step()
    response = client.post(
        reverse("assessments:step", args=[step.number]), step_post(step, answers, draft)
    )
    assert response.status_code in {200, 302}
    stored = Draft.objects.get(pk=draft.pk).answers.get("allergy_other_details")
    assert stored == "Plasters and nuts"


def test_invisible_characters_are_removed_when_saving_for_later(patient):
    client, draft = patient
    answers = {**MALE_ANSWERS, "allergies": ["other"], "allergy_other_details": "\u202eabc"}
    step = _allergies_step()
    client.post(reverse("assessments:step", args=[step.number]),
                step_post(step, answers, draft, action="save"))
    assert Draft.objects.get(pk=draft.pk).answers.get("allergy_other_details") == "abc"


@hypothesis_settings(HYPOTHESIS, max_examples=15)
@given(data=form_data)
@each_example_alone
def test_random_posts_to_every_admin_add_form(db, lenient_limits, django_user_model, data):
    """Every model's add form in the admin, as a superuser, with junk: never a 500."""
    from django.contrib import admin

    client = superuser_client(django_user_model)
    for model in admin.site._registry:
        opts = model._meta
        assert_no_server_error(
            client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), data)
        )


# --- issue 22: every staff form is fuzzed, insights and sign-off included ------------------

insights_range = st.fixed_dictionaries({}, optional={
    "date_from": st.one_of(edge_dates, staff_value), "date_to": st.one_of(edge_dates, staff_value),
})


@HYPOTHESIS
@given(data=insights_range)
@example(data={"date_to": "9999-12-31"})  # issue 22, finding 3
@example(data={"date_to": "0001-01-01"})
@example(data={"date_from": "9999-12-25", "date_to": "9999-12-31"})
@example(data={"date_from": "2099-12-31", "date_to": "2099-12-31"})  # widened past 2099
@example(data={"date_from": "2000-01-01"})
@each_example_alone
def test_every_insights_range(staff, lenient_limits, data):
    client, _ = staff
    page = client.get(reverse("staff:insights"), data)
    assert_no_server_error(page)
    if page.status_code == 400:
        assert 'class="invalid-feedback' in page.content.decode()
    assert_no_server_error(client.post(reverse("staff:insights_csv"), data))


@pytest.mark.parametrize("data", [{"date_to": "9999-12-31"}, {"date_from": "2099-12-31"},
                                  {"date_from": "2000-01-01", "date_to": "2000-01-02"}])
def test_insights_pdf_at_the_edges(staff, lenient_limits, data):
    client, _ = staff
    assert_no_server_error(client.post(reverse("staff:insights_pdf"), data))


@hypothesis_settings(HYPOTHESIS, max_examples=30)
@given(data=form_data)
@each_example_alone
def test_random_posts_to_the_insights_downloads(staff, lenient_limits, data):
    client, _ = staff
    assert_no_server_error(client.post(reverse("staff:insights_csv"), data))


def _reviewer():
    """A new clinical reviewer with a profile (each example makes its own)."""
    from django.contrib.auth.models import User

    from assessments.models import ReviewerProfile

    user = User.objects.create(username="dr-fuzz", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    ReviewerProfile.objects.create(user=user, full_name="Dr Fuzz",
                                   profession="Dermatologist", registration_number="GMC 9")
    client = Client()
    client.force_login(user)
    return client


@HYPOTHESIS
@given(data=form_data | st.fixed_dictionaries({"note": junk_text, "confirm": staff_value}))
@each_example_alone
def test_random_ruleset_approvals(db, lenient_limits, data):
    assert_no_server_error(_reviewer().post(reverse("staff:rulebook_approve"), data))


@pytest.fixture
def guide_change(guide):
    from content.models import ContentChange

    return ContentChange.objects.pending().order_by("pk").first()


@HYPOTHESIS
@given(data=form_data | st.fixed_dictionaries({"decision": staff_value, "comment": junk_text}))
@each_example_alone
def test_random_guide_change_decisions(guide_change, lenient_limits, data):
    url = reverse("admin:content_contentchange_decide", args=[guide_change.pk])
    assert_no_server_error(_reviewer().post(url, data))


@HYPOTHESIS
@given(data=form_data | st.fixed_dictionaries({
    "option": staff_value, "decided_on": staff_value, "notes": junk_text,
    "sure_sure": staff_value, "sure_understand": staff_value,
    "sure_risks_benefits": staff_value, "sure_encouragement": staff_value}))
@each_example_alone
def test_random_decisions_recorded_at_the_visit(staff, lenient_limits, data):
    client, assessment = staff
    url = reverse("staff:decision", args=[assessment.reference_code])
    assert_no_server_error(client.post(url, data))


@pytest.fixture
def editor_client(guide, django_user_model) -> Client:
    user = django_user_model.objects.create_user("fuzz-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    return client


@HYPOTHESIS
@given(data=st.fixed_dictionaries({"change_reason": junk_text}))
@each_example_alone
def test_random_reasons_for_sending_to_a_reviewer(editor_client, lenient_limits, data):
    from content.models import FAQ

    faq = FAQ.objects.order_by("pk").first()
    url = reverse("admin:content_faq_changelist")
    posted = {**data, "action": "ask_to_publish", "_selected_action": [faq.pk]}
    assert_no_server_error(editor_client.post(url, posted))


@HYPOTHESIS
@given(data=form_data | st.fixed_dictionaries({
    "code": junk_text, "regret_1": staff_value, "regret_2": staff_value,
    "hair_change": staff_value, "include_link": staff_value}))
@each_example_alone
def test_random_posts_to_the_follow_up_and_reminder(staff, lenient_limits, data):
    client, assessment = Client(), staff[1]
    for url in (reverse("decisions:follow_up"),
                reverse("decisions:follow_up_link", args=[assessment.token]),
                reverse("decisions:reminder", args=[assessment.token])):
        assert_no_server_error(client.post(url, data))
        assert_no_server_error(client.get(url, data))


def test_every_staff_form_is_fuzzed():
    """A new staff form must get a fuzz test above and a line here."""
    from django import forms

    from assessments.decisions import forms as decision_forms
    from assessments.governance import forms as governance_forms
    from assessments.staff import forms as staff_forms
    from content.approvals import admin as approvals_admin

    fuzzed = {"AssessmentFilterForm": test_every_staff_list_parameter_at_its_edges,
              "ReviewForm": test_random_review_notes, "ExportForm": test_every_export_range,
              "InsightsForm": test_every_insights_range,
              "RulesetApprovalForm": test_random_ruleset_approvals,
              "DecisionForm": test_random_guide_change_decisions,
              "ReasonForm": test_random_reasons_for_sending_to_a_reviewer,
              "decisions.DecisionForm": test_random_decisions_recorded_at_the_visit,
              "decisions.ErrorSummaryForm": test_random_decisions_recorded_at_the_visit,
              "decisions.RegretForm": test_random_posts_to_the_follow_up_and_reminder,
              "decisions.FollowUpCodeForm": test_random_posts_to_the_follow_up_and_reminder,
              "decisions.ReminderForm": test_random_posts_to_the_follow_up_and_reminder}
    prefixes = {decision_forms: "decisions."}
    found = {prefixes.get(module, "") + name
             for module in (staff_forms, governance_forms, approvals_admin, decision_forms)
             for name, value in vars(module).items()
             if isinstance(value, type) and issubclass(value, forms.Form)
             and value.__module__ == module.__name__}
    assert found == set(fuzzed)
