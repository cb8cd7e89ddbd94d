"""End-to-end journeys in a real browser: patient, patient without JavaScript, red flags
and clinic staff. The editor and the clinical reviewer: test_clinical_signoff.py."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from assessments import intake
from assessments.models import Assessment, AuditEvent
from tests.assessments.questionnaire_helpers import MALE_ANSWERS
from tests.browser.helpers import (
    PASSWORD,
    answer_step,
    current_step,
    press,
    start_questionnaire,
    walk_to_review,
)

pytestmark = pytest.mark.browser


def _fetch_pdf(page: Page, href: str) -> bytes:
    """The PDF is served inline (a headless browser would not download it): fetch it with
    the page's cookies instead."""
    response = page.request.get(href)
    assert response.status == 200, response.status
    assert response.headers["content-type"] == "application/pdf"
    return response.body()


def _patient_journey(page: Page, base_url: str) -> int:
    """Home to PDF; returns how many presses of Next step 2 took (its Norwood question
    follows from the pattern answer)."""
    start_questionnaire(page, base_url)

    # Steps 1-2, then Back from step 3: the step 2 answers are still there.
    answer_step(page, MALE_ANSWERS)
    step_2_presses = answer_step(page, MALE_ANSWERS)
    assert current_step(page) == 3
    press(page, "Back")
    assert current_step(page) == 2
    expect(page.locator('input[name="norwood_stage"][value="norwood_3"]')).to_be_checked()
    expect(page.locator('input[name="pattern"][value="crown_thinning"]')).to_be_checked()
    for number in range(2, len(intake.STEPS) + 1):
        assert current_step(page) == number
        answer_step(page, MALE_ANSWERS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    goal_answer = page.get_by_role("row", name="What would you most like to happen?")
    expect(goal_answer).to_contain_text("Grow some hair back")

    # Change one answer from the review page, and come straight back to it.
    page.get_by_role(
        "link", name="Change answers to Practicalities and what you have tried"
    ).click()
    assert intake.QUESTIONS["goal"] in intake.STEPS[current_step(page) - 1].questions
    assert "return=review" in page.url
    answer_step(page, {**MALE_ANSWERS, "goal": "stop_it_getting_worse"}, "Continue to review")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(goal_answer).to_contain_text("Stop it getting worse")

    press(page, "Get my summary")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your summary to discuss with a doctor"
    )
    assessment = Assessment.objects.get()
    assert assessment.answers["goal"] == "stop_it_getting_worse"
    expect(page.locator(".reference-code").first).to_have_text(assessment.reference_display)
    assert page.locator(".red-flags").count() == 0

    link = page.get_by_role("link", name="Download the PDF")
    pdf = _fetch_pdf(page, base_url + link.get_attribute("href"))
    assert pdf.startswith(b"%PDF")
    return step_2_presses


def test_patient_journey_to_summary_and_pdf(page: Page, live_server):
    # The Norwood question is revealed on the page as soon as the pattern is ticked.
    assert _patient_journey(page, live_server.url) == 1
    # With JavaScript the print button is shown.
    expect(page.get_by_role("button", name="Print this summary")).to_be_visible()


def test_patient_journey_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        # The Norwood question is asked after Next, with a notice.
        assert _patient_journey(page, live_server.url) == 2
        # Without JavaScript the print button (it needs window.print) stays hidden.
        expect(page.get_by_role("button", name="Print this summary")).to_be_hidden()
    finally:
        context.close()


def test_red_flag_journey_shows_see_a_doctor_first(page: Page, live_server):
    answers = {**MALE_ANSWERS, "pattern": ["patchy_bald_spots"]}
    answers.pop("norwood_stage")  # asked only for temples or crown
    walk_to_review(page, live_server.url, answers)
    press(page, "Get my summary")

    red_flags = page.locator("section.red-flags")
    expect(red_flags).to_be_visible()
    expect(red_flags.get_by_role("heading", level=2)).to_have_text("Why see a doctor first")
    # The reason comes first (issue 23), then the next step; the options wait, folded.
    next_step = page.locator("section.next-steps")
    expect(next_step.get_by_role("heading", name="See your GP or a dermatologist first")).to_be_visible()
    later = page.locator("details.later-options")
    assert red_flags.bounding_box()["y"] < next_step.bounding_box()["y"] < later.bounding_box()["y"]
    expect(later).not_to_have_attribute("open", "")
    expect(later.locator("#options-title")).to_be_hidden()
    page.get_by_text("Treatment options, for after the doctor's check").click()
    expect(later.locator("#options-title")).to_be_visible()
    # The reason is folded under "Why?" and names the question in a few words.
    why = red_flags.locator("details.why").first
    why.locator("summary").click()
    expect(why).to_contain_text("Where hair is thinning: Round or patchy bald spots")
    assert page.locator(".headline-box").count() == 0
    assert Assessment.objects.get().has_red_flags


def test_staff_finds_downloads_and_reviews(page: Page, live_server):
    from tests.assessments.factories import make_assessment

    assessment = make_assessment()
    nurse = User.objects.create_user("nurse", password=PASSWORD)
    nurse.groups.add(Group.objects.get(name="Clinic staff"))
    typed = assessment.reference_code.lower().replace("-", "")
    assert "-" in assessment.reference_display and typed != assessment.reference_display

    page.goto(live_server.url + "/staff/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Clinic staff sign in")
    page.get_by_label("Username").fill("nurse")
    page.get_by_label("Password").fill(PASSWORD)
    press(page, "Sign in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessments")

    # A whole reference code, typed as a person would, opens the summary (issue 23).
    page.get_by_label("Reference code").fill(typed)
    press(page, "Show assessments")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Assessment {assessment.reference_display}"
    )

    pdf = _fetch_pdf(
        page, live_server.url + page.get_by_role("link", name="Download PDF").get_attribute("href")
    )
    assert pdf.startswith(b"%PDF")

    page.get_by_label("Review note (optional)").fill("Booked a consultation.")
    press(page, "Mark reviewed")
    expect(page.get_by_role("status").first).to_contain_text("is marked reviewed")
    expect(page.locator(".staff-facts")).to_contain_text("“Booked a consultation.”")

    assessment.refresh_from_db()
    assert assessment.reviewed_by == nurse
    assert assessment.review_note == "Booked a consultation."
    # The site fixture's load_guide run leaves its own line ("content_publish"): not staff's.
    staff_events = AuditEvent.objects.exclude(action=AuditEvent.Action.CONTENT_PUBLISH)
    rows = list(
        staff_events.order_by("created_at", "id").values_list(
            "action", "actor_name", "reference_code", "detail"
        )
    )
    code = assessment.reference_code
    assert rows == [
        ("search", "nurse", code, "found"),
        ("view", "nurse", code, ""),
        ("download", "nurse", code, ""),
        ("review", "nurse", code, "with a note"),
        ("view", "nurse", code, ""),  # the detail page shown again after the review
    ]
    assert set(staff_events.values_list("ip_address", flat=True)) == {"127.0.0.1"}
