"""Issue 26 walked in a real browser: the patient's summary, the decision recorded by
staff with the SURE answers, three months later the regret scale answered by reference
code, and the clinic's insights showing regret by option only above the threshold."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from assessments.decisions.models import Decision, FollowUp
from assessments.decisions.services import follow_up_record
from assessments.models import Assessment
from tests.assessments.decisions.helpers import move_decision_back, record
from tests.assessments.factories import make_assessment, make_staff
from tests.assessments.questionnaire_helpers import MALE_ANSWERS
from tests.browser.helpers import assert_no_axe_violations, press, walk_to_review
from tests.browser.helpers import sign_in_staff

pytestmark = pytest.mark.browser

PRP = "PRP (platelet-rich plasma)"


def _regret_row(page: Page, option: str):
    table = page.get_by_role("table", name="Regret at 3 months, by option chosen")
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=option,
                                                                 exact=True))


# What a form asks when it asks who someone is (the issue: "nothing in the flow asks for
# or stores who the patient is").
IDENTITY_FIELDS = ("input[type=email], input[type=tel], "
                   "input[autocomplete*=name], input[autocomplete*=email], "
                   "input[autocomplete*=tel], input[name*=name], input[name*=email], "
                   "input[name*=phone], input[name*=birth], input[name*=address]")


def _asks_nobody_who_they_are(page: Page) -> None:
    expect(page.locator(IDENTITY_FIELDS)).to_have_count(0)


def test_summary_decision_follow_up_and_insights(page: Page, browser, live_server, settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
    base = live_server.url

    # The patient makes a summary and keeps a calendar reminder (code only, the default).
    walk_to_review(page, base, MALE_ANSWERS)
    press(page, "Get my summary")
    page.get_by_text("After your visit: a reminder for your calendar").click()  # unfold
    _asks_nobody_who_they_are(page)
    with page.expect_download() as download:  # a download, not a page: no press()
        page.get_by_role("button", name="Add a reminder to your calendar").click()
    ics = download.value.path().read_bytes()
    events = list(Calendar.from_ical(ics).walk("VEVENT"))
    assert len(events) == 1
    assessment = Assessment.objects.get()
    assert assessment.reference_display in str(events[0]["DESCRIPTION"])
    assert assessment.token.encode() not in ics.replace(b"\r\n ", b"")

    # At the visit, staff record the decision with the SURE answers the patient gives.
    staff = browser.new_context()
    staff_page = staff.new_page()
    nurse = sign_in_staff(staff_page, base)
    staff_page.goto(f"{base}/staff/assessments/{assessment.reference_code}/")
    form = staff_page.locator("form", has=staff_page.get_by_role("button",
                                                                 name="Record the decision"))
    form.get_by_role("group", name="Option chosen").get_by_label(PRP).check()
    for question, answer in (("Do you feel sure about the best choice for you?", "Yes"),
                             ("Do you know the good and bad points of each option?", "Yes"),
                             ("Are you clear which good and bad points matter most to you?",
                              "No"),
                             ("Do you have enough support and advice to make a choice?", "Yes")):
        form.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    press(staff_page, "Record the decision")
    expect(staff_page.get_by_role("status").first).to_contain_text("is recorded")
    expect(staff_page.locator(".staff-decision")).to_contain_text("SURE at the decision: 3 of 4")
    decision = Decision.objects.get()
    assert (decision.option, decision.sure_score, decision.recorded_by) == ("prp", 3, nurse)
    assert decision.decided_on == timezone.localdate()

    # Three months pass (the test's clock: the decision's date is set back).
    move_decision_back(assessment, days=92)

    # The patient answers by reference code, with a mistake first.
    page.goto(base + "/follow-up/")
    _asks_nobody_who_they_are(page)
    page.get_by_label("Your reference code").fill(assessment.reference_code.lower())
    press(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How do you feel about your decision?")
    expect(page.get_by_text("the decision you made about treating your hair loss")).to_be_visible()
    assert_no_axe_violations(page, "the regret scale")
    _asks_nobody_who_they_are(page)
    page.get_by_role("group", name="It was the right decision.").get_by_label(
        "Agree", exact=True).check()
    press(page, "Send my answers")
    expect(page.locator("#error-summary")).to_contain_text("I regret the choice that was made.")
    for statement, answer in (("It was the right decision.", "Agree"),
                              ("I regret the choice that was made.", "Disagree"),
                              ("I would go for the same choice if I had to do it over again.",
                               "Agree"),
                              ("The choice did me a lot of harm.", "Strongly disagree"),
                              ("It was a wise decision.", "Agree")):
        page.get_by_role("group", name=statement).get_by_label(answer, exact=True).check()
    page.get_by_role("group", name="Has your hair changed since the decision?").get_by_label(
        "Better").check()
    press(page, "Send my answers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    _asks_nobody_who_they_are(page)
    follow_up = FollowUp.objects.get()
    # (2-1)*25, (6-4-1)*25, 25, 0, 25: mean 20.
    assert (follow_up.wave, follow_up.regret_score, follow_up.hair_change) == (3, 20, "better")

    # Insights: one answer is below the threshold, so PRP's regret is hidden ...
    nurse.user_permissions.add(Permission.objects.get(codename="view_insights"))
    staff_page.goto(base + "/staff/insights/")
    prp_row = _regret_row(staff_page, PRP)
    expect(prp_row).to_contain_text("fewer than 5")
    expect(prp_row).to_contain_text("not shown (fewer than 5 answered)")

    # ... and shown once five people answered.
    colleague = make_staff("doctor")
    for _ in range(4):
        other = make_assessment()
        record(other, colleague, option="prp")
        move_decision_back(other, days=92)
        follow_up_record(assessment=other, responses=[1, 5, 1, 5, 1], hair_change="same")
    staff_page.reload()
    prp_row = _regret_row(staff_page, PRP)
    expect(prp_row.get_by_role("cell").nth(0)).to_have_text("5")
    expect(prp_row.get_by_role("cell").nth(1)).to_have_text("0")  # median of 20,0,0,0,0
    assert_no_axe_violations(staff_page, "insights with decision quality")
    staff.close()
