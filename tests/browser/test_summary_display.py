"""The reason first, measured in a real browser (issue 23 points 2 and 7).

On a phone (390 by 844 CSS pixels) each summary shows the reason for its leaning in the
first screen: the warning signs on "see a doctor first", the headline and what puts both
injections off on "neither for now", the headline otherwise. Staff find the review form
in the first screen of a laptop, and the insights tables fit their region at 800 px and
at 320 px without scrolling sideways.
"""

import pytest
from playwright.sync_api import Page, expect

from assessments import intake
from assessments.models import Draft
from assessments.services import assessment_submit
from tests.assessments.factories import ISSUE_12_PATIENTS, RED_FLAG, make_assessment, valid_answers
from tests.browser.helpers import horizontal_overflow
from tests.browser.helpers import sign_in_staff

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def _bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not shown"
    return box["y"] + box["height"]


def _patient(name: str):
    answers = intake.drop_inapplicable(valid_answers(**ISSUE_12_PATIENTS[name]))
    return assessment_submit(draft=Draft.objects.create(answers=answers))


@pytest.mark.parametrize(("name", "reason"), [
    ("receding-temples", ".headline-box .lead"),
    ("after-birth", ".red-flags .summary-item"),
    ("sudden-patches", ".red-flags .summary-item"),
])
def test_the_three_patients_see_the_reason_in_the_first_phone_screen(page: Page, live_server,
                                                                     name, reason):
    assessment = _patient(name)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + assessment.secret_summary_path())
    assert _bottom(page, reason) <= PHONE["height"], f"{name}: the reason is below the fold"
    assert horizontal_overflow(page) == 0


def test_neither_for_now_names_the_reason_in_the_first_phone_screen(page: Page, live_server):
    assessment = make_assessment(blood_thinners=["warfarin_or_similar"])
    assert assessment.leaning == "neither_for_now"
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + assessment.secret_summary_path())
    reason = page.locator(".headline-box .reason-first .summary-item").first
    expect(reason).to_contain_text("Not until the doctor who prescribes it agrees")
    expect(reason).to_be_in_viewport()
    assert _bottom(page, ".headline-box .reason-first") <= PHONE["height"]
    next_steps = page.locator("#next-title").bounding_box()["y"]
    assert page.locator(".headline-box").bounding_box()["y"] < next_steps
    # On each option card what puts it off comes first.
    card = page.locator("#option-prp").locator("xpath=..")
    headings = card.locator("h4").all_inner_texts()
    assert headings[0].startswith("What speaks against it")


def test_the_reassurance_is_open_beside_the_warning_sign(page: Page, live_server):
    assessment = make_assessment(**ISSUE_12_PATIENTS["after-birth"])
    assert assessment.leaning == "doctor_first"
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + assessment.secret_summary_path())
    reassurance = page.locator(".red-flags .reassurance")
    expect(reassurance).to_be_visible()
    expect(reassurance).to_contain_text("often stops by itself")


def test_the_review_form_is_in_the_first_laptop_screen(page: Page, live_server):
    assessment = make_assessment(**RED_FLAG)
    page.set_viewport_size(LAPTOP)
    sign_in_staff(page, live_server.url)
    page.goto(f"{live_server.url}/staff/assessments/{assessment.reference_code}/")
    assert _bottom(page, ".staff-review button[type=submit]") <= LAPTOP["height"]


def test_an_exact_code_opens_the_assessment(page: Page, live_server):
    assessment = make_assessment()
    sign_in_staff(page, live_server.url)
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Reference code").fill(assessment.reference_display.lower())
    page.get_by_role("button", name="Show assessments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Assessment {assessment.reference_display}")


@pytest.mark.parametrize("width", [800, 1024, 320])
def test_insights_tables_fit_their_region(page: Page, live_server, settings, width):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 1
    for _ in range(3):
        make_assessment()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_staff(page, live_server.url)
    # The default 90 days: a column per week in the leanings table (13 of them).
    page.goto(f"{live_server.url}/staff/insights/")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('.insights-table')]
        .filter(t => t.scrollWidth > t.clientWidth + 1)
        .map(t => t.querySelector('caption').textContent + ' ' + t.scrollWidth + '>' + t.clientWidth)""")
    assert overflowing == []
    assert horizontal_overflow(page) == 0
    # The funnel's four columns stay a table where they fit.
    funnel_cell = page.evaluate("""() => getComputedStyle(
        document.querySelector('[aria-labelledby=ins-funnel-caption] tbody td')).display""")
    assert funnel_cell == ("flex" if width < 600 else "table-cell")
    # Reflowed, each number still says which column it belongs to.
    if width <= 1024:
        label = page.evaluate("""() => getComputedStyle(
            document.querySelector('[aria-labelledby=ins-leanings-caption] tbody td'),
            '::before').content""")
        assert label.startswith('"Week of')
