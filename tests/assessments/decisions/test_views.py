"""Decision quality over HTTP: the staff's form, the patient's follow-up and reminder."""

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from assessments.decisions import regret
from assessments.decisions.models import Decision, FollowUp
from assessments.models import AuditEvent
from tests.assessments.factories import make_staff, make_user

from .helpers import SURE_ALL_YES, move_decision_back, record

pytestmark = pytest.mark.django_db

NO_REGRET = {"regret_1": "1", "regret_2": "5", "regret_3": "1", "regret_4": "5",
             "regret_5": "1", "hair_change": "better"}


def _detail_url(assessment):
    return reverse("staff:detail", args=[assessment.reference_code])


def _decision_url(assessment):
    return reverse("staff:decision", args=[assessment.reference_code])


class TestStaffDecisionForm:
    def test_the_detail_page_offers_the_form(self, client, nurse, assessment):
        client.force_login(nurse)
        page = client.get(_detail_url(assessment)).content.decode()
        assert "No decision recorded yet." in page
        assert f'action="{_decision_url(assessment)}"' in page
        assert "Do you feel sure about the best choice for you?" in page
        assert "Minoxidil tablets" in page and "Referred for diagnosis" in page

    def test_recording_shows_the_decision_and_its_sure_beside_the_summarys(
            self, client, nurse, assessment):
        client.force_login(nurse)
        today = timezone.localdate().isoformat()
        response = client.post(_decision_url(assessment), {
            "option": "finasteride", "decided_on": today, "notes": "Review in 6 months.",
            **SURE_ALL_YES, "sure_encouragement": "no"})
        assert response.status_code == 302
        page = client.get(response.url.split("#")[0]).content.decode()
        assert "<strong>Finasteride</strong>" in page
        assert "SURE at the decision: <strong>3 of 4</strong>" in page
        assert Decision.objects.get().recorded_by == nurse

    def test_bad_input_is_explained_next_to_the_fields(self, client, nurse, assessment):
        client.force_login(nurse)
        response = client.post(_decision_url(assessment), {
            "option": "unicorn", "decided_on": "2999-01-01", "notes": "x" * 501})
        assert response.status_code == 400
        page = response.content.decode()
        assert "There is a problem with your answers" in page
        assert "Please choose one of the listed answers." in page
        assert "Enter a date from 2000-01-01 to 2099-12-31." in page
        assert "Select yes if you feel sure about the best choice for you" in page  # SURE
        assert "The notes can be at most 500 characters" in page
        assert not Decision.objects.exists()

    def test_a_date_before_the_summary_or_in_the_future_is_refused(
            self, client, nurse, assessment):
        client.force_login(nurse)
        for day, message in (("2001-01-01", "before the summary was made"),
                             ((timezone.localdate().replace(year=2098)).isoformat(),
                              "cannot be in the future")):
            response = client.post(_decision_url(assessment), {
                "option": "prp", "decided_on": day, **SURE_ALL_YES})
            assert response.status_code == 400
            assert message in response.content.decode()

    def test_a_change_shows_the_history(self, client, nurse, assessment):
        record(assessment, nurse)
        record(assessment, make_staff("doctor"), option="watchful_waiting")
        client.force_login(nurse)
        page = client.get(_detail_url(assessment)).content.decode()
        assert "History of this decision (2 versions)" in page
        assert "Change the decision" in page

    def test_staff_without_the_permission_see_it_but_cannot_record(self, client, assessment):
        reader = make_user("reader")
        from django.contrib.auth.models import Permission
        reader.user_permissions.add(Permission.objects.get(codename="view_assessment"))
        client.force_login(reader)
        assert "Record the decision" not in client.get(_detail_url(assessment)).content.decode()
        response = client.post(_decision_url(assessment), {
            "option": "prp", "decided_on": timezone.localdate().isoformat(), **SURE_ALL_YES})
        assert response.status_code == 403
        assert not Decision.objects.exists()

    def test_anonymous_is_sent_to_login(self, client, assessment):
        response = client.post(_decision_url(assessment), {})
        assert response.status_code == 302 and "/staff/login/" in response.url


class TestFollowUpByLink:
    def _url(self, assessment):
        return reverse("decisions:follow_up_link", args=[assessment.token])

    def test_not_open_before_three_months(self, client, nurse, assessment):
        assert client.get(self._url(assessment)).status_code == 404
        record(assessment, nurse)
        assert client.get(self._url(assessment)).status_code == 404
        summary = client.get(assessment.secret_summary_path()).content.decode()
        assert "Answer the follow-up questions" not in summary

    def test_the_summary_invites_after_three_months(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        summary = client.get(assessment.secret_summary_path()).content.decode()
        assert "It is 3 months since your decision." in summary
        assert self._url(assessment) in summary

    def test_the_scale_as_published_with_its_citation(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        page = client.get(self._url(assessment)).content.decode()
        assert regret.DECISION_NAMED in page
        for _, statement in regret.ITEMS:
            assert statement in page
        assert "Strongly agree" in page and "Neither agree nor disagree" in page
        assert "Medical Decision Making 2003" in page
        assert page.index(regret.ITEMS[-1][1]) < page.index(regret.HAIR_CHANGE_QUESTION)
        assert "<script" not in page.split("<main", 1)[1].split("</main>")[0]

    def test_missing_answers_get_the_error_summary(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        response = client.post(self._url(assessment), {"regret_1": "1", "regret_2": "9"})
        assert response.status_code == 400
        page = response.content.decode()
        assert "There is a problem with your answers" in page
        assert 'href="#id_regret_3_0"' in page
        assert "Please choose one of the listed answers." in page  # regret_2 = 9
        assert "Select how much you agree or disagree with this statement" in page  # regret_3
        assert not FollowUp.objects.exists()

    def test_answers_are_scored_and_taken_once(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        response = client.post(self._url(assessment), NO_REGRET)
        assert response.status_code == 302
        assert response.url == reverse("decisions:follow_up_thanks")
        follow_up = FollowUp.objects.get()
        assert (follow_up.wave, follow_up.regret_score, follow_up.hair_change) == (3, 0, "better")
        assert client.post(self._url(assessment), NO_REGRET).status_code == 404
        assert FollowUp.objects.count() == 1

    def test_a_post_from_another_site_is_refused(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        response = client.post(self._url(assessment), NO_REGRET,
                               headers={"Sec-Fetch-Site": "cross-site"})
        assert response.status_code == 403
        assert not FollowUp.objects.exists()


class TestFollowUpByCode:
    url = "/follow-up/"

    def test_the_code_page(self, client):
        page = client.get(self.url).content.decode()
        assert "Your reference code" in page and "name" not in page.split("<form")[1].split(
            "</form>")[0].replace('name="code"', "").replace('name="csrfmiddlewaretoken"', "")

    def test_unknown_not_due_and_empty_codes(self, client, nurse, assessment):
        record(assessment, nurse)  # recorded today: not due
        for code in ("ZZZZ-ZZZZ", assessment.reference_display):
            response = client.post(self.url, {"code": code})
            assert response.status_code == 400
            assert "There is no follow-up open for this code." in response.content.decode()
        response = client.post(self.url, {"code": ""})
        assert "Please type your reference code." in response.content.decode()

    def test_code_then_answers(self, client, nurse, assessment):
        record(assessment, nurse)
        move_decision_back(assessment, days=95)
        page = client.post(self.url, {"code": assessment.reference_code.lower()})
        assert page.status_code == 200
        text = page.content.decode()
        assert regret.ITEMS[0][1] in text
        # Nothing of the summary or the decision is shown for a code.
        assert "PRP (platelet-rich plasma)" not in text and assessment.token not in text
        bad = client.post(self.url, {"code": assessment.reference_display, "answers": "1"})
        assert bad.status_code == 400 and "There is a problem" in bad.content.decode()
        done = client.post(self.url, {"code": assessment.reference_display, "answers": "1",
                                      **NO_REGRET, "regret_4": "1"})
        assert done.status_code == 302
        assert FollowUp.objects.get().regret_score == 20

    def test_code_look_ups_are_rate_limited(self, client, settings):
        settings.HAIRTX_RATE_LIMITS = {**settings.HAIRTX_RATE_LIMITS, "resume": (2, 900)}
        statuses = [client.post(self.url, {"code": "ZZZZ-ZZZZ"}).status_code for _ in range(3)]
        assert statuses == [400, 400, 429]


class TestReminder:
    def _get(self, client, assessment, **params):
        return client.get(reverse("decisions:reminder", args=[assessment.token]), params)

    def test_one_event_with_the_code_only_by_default(self, client, assessment):
        response = self._get(client, assessment)
        assert response["Content-Type"].startswith("text/calendar")
        assert "attachment" in response["Content-Disposition"]
        assert assessment.token.encode() not in response.content
        events = list(Calendar.from_ical(response.content).walk("VEVENT"))
        assert len(events) == 1
        assert assessment.reference_display in str(events[0]["DESCRIPTION"])
        assert "/follow-up/" in str(events[0]["DESCRIPTION"])

    def test_three_months_after_the_decision(self, client, nurse, assessment):
        record(assessment, nurse)
        decided_on = move_decision_back(assessment, days=10)
        from assessments.decisions.schedule import add_months
        event = next(iter(Calendar.from_ical(self._get(client, assessment).content)
                          .walk("VEVENT")))
        assert event.decoded("DTSTART") == add_months(decided_on, 3)

    def test_the_link_only_when_ticked(self, client, assessment):
        response = self._get(client, assessment, with_link="on")
        unfolded = response.content.replace(b"\r\n ", b"")
        assert assessment.token.encode() in unfolded

    def test_the_summary_page_offers_it_without_javascript(self, client, assessment):
        page = client.get(assessment.secret_summary_path()).content.decode()
        assert "Add a reminder to your calendar" in page
        assert reverse("decisions:reminder", args=[assessment.token]) in page
        assert 'name="with_link"' in page and "checked" not in page.split(
            'name="with_link"')[1].split(">")[0]


def test_nothing_in_the_flow_stores_who_the_patient_is():
    identifying = {"name", "email", "phone", "address", "birth", "nhs", "postcode", "ip"}
    for model in (Decision, FollowUp):
        for field in model._meta.get_fields():
            if field.name.startswith("recorded_by"):  # the staff member, not the patient
                continue
            words = set(field.name.split("_"))
            assert not words & identifying, (model.__name__, field.name)
    assert AuditEvent.Action.DECISION_RECORD


class TestClinicalReviewersRecord:
    """Issue 26: "clinic staff and clinical reviewers" record the decision. Reviewers do
    not see patients' records, so they get the decision alone (migration 0016)."""

    @pytest.fixture
    def reviewer(self):
        return make_user("dr-review", group="Clinical reviewers", is_staff=True)

    def test_the_migration_gives_reviewers_the_decision_permissions_only(self, reviewer):
        assert reviewer.has_perms(["assessments.add_decision", "assessments.change_decision",
                                   "assessments.view_decision"])
        assert not reviewer.has_perm("assessments.view_assessment")

    def test_a_reviewer_records_a_decision_without_seeing_the_record(
            self, client, reviewer, assessment):
        client.force_login(reviewer)
        assert client.get(_detail_url(assessment)).status_code == 403
        page_url = reverse("staff:decision_page", args=[assessment.reference_code])
        found = client.get(reverse("staff:decision_find"),
                           {"code": assessment.reference_display.lower()})
        assert found.status_code == 302 and found.url == page_url
        page = client.get(page_url).content.decode()
        assert "No decision recorded yet." in page
        assert f'action="{_decision_url(assessment)}"' in page
        assert "Key facts" not in page and "Red flags" not in page  # nothing of the record
        response = client.post(_decision_url(assessment), {
            "option": "prp", "decided_on": timezone.localdate().isoformat(), **SURE_ALL_YES})
        assert response.status_code == 302
        assert response.url.startswith(page_url)
        decision = Decision.objects.get()
        assert (decision.option, decision.recorded_by) == ("prp", reviewer)
        assert AuditEvent.objects.filter(action=AuditEvent.Action.DECISION_RECORD,
                                         actor=reviewer).exists()
        assert "<strong>PRP" in client.get(page_url).content.decode()

    def test_a_reviewers_bad_input_comes_back_on_the_decision_page(
            self, client, reviewer, assessment):
        client.force_login(reviewer)
        response = client.post(_decision_url(assessment), {"option": "prp"})
        assert response.status_code == 400
        page = response.content.decode()
        assert "There is a problem with your answers" in page
        assert "Key facts" not in page
        assert not Decision.objects.exists()

    def test_the_nav_offers_reviewers_the_decision_form(self, client, reviewer, nurse):
        client.force_login(reviewer)
        assert "Record a decision" in client.get(reverse("staff:decision_find")).content.decode()
        client.force_login(nurse)  # clinic staff record from the record's page instead
        assert "Record a decision" not in client.get(reverse("staff:list")).content.decode()

    def test_an_editor_cannot_record_or_open_the_decision_page(self, client, assessment):
        editor = make_user("editor", group="Content editors", is_staff=True)
        client.force_login(editor)
        page_url = reverse("staff:decision_page", args=[assessment.reference_code])
        assert client.get(page_url).status_code == 403
        assert client.get(reverse("staff:decision_find")).status_code == 403
        response = client.post(_decision_url(assessment), {
            "option": "prp", "decided_on": timezone.localdate().isoformat(), **SURE_ALL_YES})
        assert response.status_code == 403
        assert not Decision.objects.exists()
