"""Shared steps for the browser tests: answering the questionnaire, axe, drafts."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import Page, expect

from assessments import intake
from assessments.models import Draft

AXE_SOURCE = (Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "a long test password"


# --- axe ---------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[dict]:
    """axe-core 4.14.1 (vendored) on the current page, WCAG 2.2 A and AA rules only.

    `page.evaluate` runs outside the page's Content-Security-Policy, which would block an
    injected <script> tag.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    # resultTypes and returning only the violations keep a long page (the guide) fast:
    # axe skips the details of passing checks, and less JSON crosses to Python.
    return page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        }).then(results => results.violations)""",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    """One line per violation and its nodes, for the assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}  {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, where: str = "") -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe on {where or page.url}:\n{describe(violations)}"


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page scrolls sideways (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


# --- the questionnaire -------------------------------------------------------------------

STEP_PATH = re.compile(r"/questionnaire/step/(\d+)/")


def current_step(page: Page) -> int | None:
    match = STEP_PATH.search(page.url)
    return int(match.group(1)) if match else None


CONTROLS_OF = """key => Array.from(document.getElementsByName(key))
    .filter(el => el.matches('input, textarea') && el.offsetParent !== null)
    .map(el => ({value: el.value, checked: el.checked}))"""


def fill_visible(page: Page, step: intake.Step, answers: dict) -> None:
    """Answer the questions of `step` that are on screen, in order, from `answers`.

    In question order, because with JavaScript an answer can reveal the next question
    (hidden follow-ups have no visible controls and are skipped; without JavaScript the
    server asks them after Next). One call reads a question's controls, and only the
    controls whose state must change are clicked.
    """
    if step.checklist is not None:  # its ticks reveal (with JavaScript) the follow-ups
        ticks = set(step.checklist.ticks_from(answers) or ())
        for control in page.evaluate(CONTROLS_OF, step.checklist.key):
            if control["checked"] != (control["value"] in ticks):
                page.locator(f'input[name="{step.checklist.key}"][value="{control["value"]}"]'
                             ).set_checked(control["value"] in ticks)
    for question in step.questions:
        controls = page.evaluate(CONTROLS_OF, question.key)
        if not controls:
            continue  # not asked (yet)
        value = answers.get(question.key)
        if question.kind == "text":
            if value is not None:
                page.locator(f'textarea[name="{question.key}"]').fill(value)
            continue
        wanted = {value} if question.kind == "one" else set(value or ())
        for control in controls:
            should_be = control["value"] in wanted
            if control["checked"] != should_be:
                box = page.locator(f'input[name="{question.key}"][value="{control["value"]}"]')
                box.set_checked(should_be)


def press(page: Page, name: str) -> None:
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def answer_step(page: Page, answers: dict, button: str | None = None) -> int:
    """Answer the step on screen and press Next (or Continue to review); returns how
    many presses it took.

    Without JavaScript a follow-up question appears only after the answer it depends on
    was sent, with a notice; answer it too and press again.
    """
    number = current_step(page)
    assert number is not None, page.url
    step = intake.STEPS[number - 1]
    for presses in range(1, 4):
        fill_visible(page, step, answers)
        label = button or (
            "Continue to review"
            if page.get_by_role("button", name="Continue to review").count()
            else "Next"
        )
        press(page, label)
        if page.locator(".alert-info[role=status]").filter(has_text="Thank you").count() == 0:
            break
    assert page.locator("#error-summary").count() == 0, page.locator("#error-summary").inner_text()
    return presses


def start_questionnaire(page: Page, base_url: str) -> None:
    """From the home page to step 1, as a patient would."""
    page.goto(base_url + "/")
    page.get_by_role("link", name="Prepare for your appointment").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prepare for your appointment")
    press(page, "Start the questions")
    assert current_step(page) == 1


def walk_to_review(page: Page, base_url: str, answers: dict) -> None:
    start_questionnaire(page, base_url)
    for number in range(1, len(intake.STEPS) + 1):
        assert current_step(page) == number
        answer_step(page, answers)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")


def draft_at(step_number: int, answers: dict) -> Draft:
    """A saved draft that has reached `step_number`, with the answers of the steps before it."""
    keys = {question.key for step in intake.STEPS[: step_number - 1] for question in step.questions}
    return Draft.objects.create(
        answers={key: value for key, value in answers.items() if key in keys},
        furthest_step=step_number,
    )


def complete_draft(answers: dict) -> Draft:
    return Draft.objects.create(answers=dict(answers), furthest_step=len(intake.STEPS))


def open_draft(page: Page, base_url: str, draft: Draft) -> None:
    """Bring a draft into the browser's session through its resume link."""
    page.goto(f"{base_url}/questionnaire/resume/{draft.token}/")


def sign_in_staff(page: Page, base_url: str) -> User:
    """A "Clinic staff" member with a session cookie (the login form has its own case)."""
    user = User.objects.create_user("nurse", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Clinic staff"))
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return user
