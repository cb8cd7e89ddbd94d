"""axe-core (WCAG 2.2 A/AA rules) on every kind of page, and no sideways scrolling at 390 px.

Each case builds only the data its page needs, straight through the ORM, then opens the
page the way a visitor would reach it (a draft through its resume link, a staff page
with a signed-in session).
"""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from assessments import intake
from tests.assessments.factories import RED_FLAG, make_assessment
from tests.assessments.questionnaire_helpers import FEMALE_ANSWERS, MALE_ANSWERS
from tests.browser.helpers import (
    assert_no_axe_violations,
    axe_violations,
    complete_draft,
    describe,
    draft_at,
    horizontal_overflow,
    open_draft,
    press,
    sign_in_staff,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _plain(path: str) -> Callable[[Page, str], None]:
    def visit(page: Page, base_url: str) -> None:
        page.goto(base_url + path)

    return visit


def _step(number: int, answers: dict, *, errors: bool = False):
    def visit(page: Page, base_url: str) -> None:
        open_draft(page, base_url, draft_at(number, answers))
        assert page.url.endswith(f"/questionnaire/step/{number}/"), page.url
        if errors:
            press(page, "Next" if number < len(intake.STEPS) else "Continue to review")
            expect(page.locator("#error-summary")).to_be_visible()

    return visit


def _review(page: Page, base_url: str) -> None:
    open_draft(page, base_url, complete_draft(MALE_ANSWERS))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")


def _summary(**overrides):
    def visit(page: Page, base_url: str) -> None:
        assessment = make_assessment(**overrides)
        page.goto(base_url + assessment.secret_summary_path())
        assert (page.locator(".red-flags").count() > 0) == assessment.has_red_flags

    return visit


def _resume_with_error(page: Page, base_url: str) -> None:
    page.goto(base_url + "/questionnaire/resume/")
    press(page, page.locator("main form button[type=submit]").first.inner_text().strip())
    expect(page.get_by_text("Please type the resume code you were given.")).to_be_visible()


def _staff_list(page: Page, base_url: str) -> None:
    make_assessment()
    make_assessment(**RED_FLAG)
    sign_in_staff(page, base_url)
    page.goto(base_url + "/staff/")
    expect(page.locator("table.staff-table tbody tr")).to_have_count(2)


def _staff_detail(page: Page, base_url: str) -> None:
    assessment = make_assessment(**RED_FLAG)
    sign_in_staff(page, base_url)
    page.goto(f"{base_url}/staff/assessments/{assessment.reference_code}/")
    expect(page.get_by_role("button", name="Mark reviewed")).to_be_visible()


def _not_found(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "/no-such-page/")
    assert response.status == 404


CASES: dict[str, Callable[[Page, str], None]] = {
    "home": _plain("/"),
    "guide": _plain("/guide/"),
    "option-prp": _plain("/options/prp/"),
    "option-mesotherapy": _plain("/options/mesotherapy/"),
    "option-minoxidil": _plain("/options/minoxidil/"),
    "methods": _plain("/how-this-guide-was-made/"),
    "compare": _plain("/compare/"),
    "faq": _plain("/faq/"),
    "sources": _plain("/sources/"),
    "privacy": _plain("/privacy/"),
    "questionnaire-start": _plain("/questionnaire/"),
    # Female answers, so that every conditional question of steps 1-3 is on the page.
    **{f"step-{n}": _step(n, FEMALE_ANSWERS) for n in range(1, len(intake.STEPS) + 1)},
    **{f"step-{n}-errors": _step(n, FEMALE_ANSWERS, errors=True)
       for n in range(1, len(intake.STEPS) + 1)},
    "review": _review,
    "summary": _summary(),
    "summary-red-flags": _summary(**RED_FLAG),
    "resume": _plain("/questionnaire/resume/"),
    "resume-error": _resume_with_error,
    "staff-login": _plain("/staff/login/"),
    "staff-list": _staff_list,
    "staff-detail": _staff_detail,
    "404": _not_found,
}


@pytest.mark.parametrize("case", CASES)
def test_page_is_accessible(case: str, page: Page, live_server):
    CASES[case](page, live_server.url)
    assert_no_axe_violations(page, f"{case} at 1280 px ({page.url})")

    page.set_viewport_size(PHONE)
    overflow = horizontal_overflow(page)
    assert overflow <= 0, f"{case} scrolls sideways by {overflow}px at 390 px wide"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page, f"{case} at 390 px ({page.url})")


def test_axe_reports_what_it_finds(page: Page, live_server):
    """Guards the checks above against passing for the wrong reason (axe not running)."""
    page.goto(live_server.url + "/privacy/")
    page.evaluate(
        "() => { const input = document.createElement('input'); input.id = 'unlabelled';"
        " document.querySelector('main').append(input); }"
    )
    violations = axe_violations(page)
    assert [v["id"] for v in violations] == ["label"]
    assert '["#unlabelled"]' in describe(violations)
