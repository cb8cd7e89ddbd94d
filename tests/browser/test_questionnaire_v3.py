"""Issue 23 (patient questionnaire) and intake schema 3 in a real browser: nothing lost
after submitting, the reference code and header at small widths and 200 % zoom."""

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Assessment, Draft
from tests.assessments.questionnaire_helpers import MALE_ANSWERS
from tests.browser.helpers import complete_draft, open_draft, press

pytestmark = pytest.mark.browser

SUMMARY_HEADING = "Your summary to discuss with a doctor"


def _submit(page: Page, base_url: str) -> Assessment:
    draft = complete_draft(MALE_ANSWERS)
    open_draft(page, base_url, draft)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    press(page, "Get my summary")
    expect(page.get_by_role("heading", level=1)).to_have_text(SUMMARY_HEADING)
    return Assessment.objects.get()


def _expect_sent_page(page: Page, assessment: Assessment) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are sent")
    expect(page.locator("main")).not_to_contain_text("session has ended")
    link = page.get_by_role("link", name="See your summary")
    assert link.get_attribute("href") == assessment.secret_summary_path()


def test_back_reload_second_tab_and_code_all_lead_to_the_summary(page: Page, live_server):
    assessment = _submit(page, live_server.url)

    page.go_back()  # Back from the summary: the review page, now "answers sent"
    _expect_sent_page(page, assessment)
    page.reload()
    _expect_sent_page(page, assessment)
    page.get_by_role("link", name="See your summary").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUMMARY_HEADING)

    second_tab = page.context.new_page()  # same browser, same session
    second_tab.goto(live_server.url + "/questionnaire/step/2/")
    _expect_sent_page(second_tab, assessment)
    second_tab.close()


def test_the_resume_code_leads_to_the_summary_on_another_device(browser, live_server):
    first = browser.new_context()
    try:
        page = first.new_page()
        assessment = _submit(page, live_server.url)
        code = Draft.objects.get(assessment=assessment).resume_code_display
    finally:
        first.close()
    other_device = browser.new_context(java_script_enabled=False)
    try:
        page = other_device.new_page()
        page.goto(live_server.url + "/questionnaire/resume/")
        page.get_by_label("Resume code").fill(code)
        press(page, "Resume")
        _expect_sent_page(page, assessment)
        assert assessment.token not in page.url
    finally:
        other_device.close()


def test_reference_code_is_never_split_at_320_px(page: Page, live_server):
    assessment = _submit(page, live_server.url)
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    codes = page.locator(".reference-code").all()
    assert codes
    for code in codes:
        # An inline element split across lines has one client rect per line.
        assert code.evaluate("el => el.getClientRects().length") == 1, assessment.reference_display


def test_header_is_compact_at_200_percent_zoom(page: Page, live_server):
    # 200 % zoom of a 1280 x 720 laptop screen is a 640 x 360 CSS-pixel viewport.
    page.set_viewport_size({"width": 640, "height": 360})
    page.goto(live_server.url + "/questionnaire/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 360 * 0.2, header
    # Every navigation link is still there and reachable.
    for name in ("Guide", "Compare", "Common questions", "Prepare for your appointment"):
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name=name)).to_be_visible()
