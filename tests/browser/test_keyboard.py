"""Keyboard use: the skip link, focus on the error summary, every control of a step
reachable by Tab with a visible focus indicator."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.assessments.questionnaire_helpers import FEMALE_ANSWERS
from tests.browser.helpers import draft_at, open_draft

pytestmark = pytest.mark.browser

ACTIVE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName, id: el.id, name: el.getAttribute('name') || '', type: el.type || '',
        text: (el.innerText || el.value || '').trim().slice(0, 60),
        index: el.dataset.kbd === undefined ? null : Number(el.dataset.kbd),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
    };
}"""

# Every control a keyboard user must reach, numbered in the page (radios: one per group,
# since a radio group is a single Tab stop and the arrow keys move inside it).
NUMBER_CONTROLS = """() => {
    const controls = Array.from(document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), textarea, select, [tabindex="0"]'
    )).filter(el => !el.disabled && el.offsetParent !== null || el.classList.contains('skip-link'));
    controls.forEach((el, i) => { el.dataset.kbd = i; });
    return controls.map(el => ({
        index: Number(el.dataset.kbd), tag: el.tagName, type: el.type || '',
        name: el.getAttribute('name') || '', text: (el.innerText || el.value || '').trim().slice(0, 60),
    }));
}"""


@pytest.mark.parametrize("path", ["/", "/guide/"])
def test_skip_link_moves_focus_to_main(path: str, page: Page, live_server):
    page.goto(live_server.url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE)
    assert focused["text"] == "Skip to main content", focused
    assert focused["outline"] or focused["shadow"], "the focused skip link shows no focus"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, f"the focused skip link is off screen: {box}"
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + path + "#main")
    assert page.evaluate("document.activeElement.id") == "main"


def test_focus_moves_to_error_summary_after_a_failed_step(page: Page, live_server):
    open_draft(page, live_server.url, draft_at(2, FEMALE_ANSWERS))
    next_button = page.get_by_role("button", name="Next", exact=True)
    next_button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert page.evaluate("document.activeElement.id") == "error-summary"
    expect(page.locator("#error-summary")).to_be_focused()
    # Each error links to its question's first control.
    first_link = page.locator("#error-summary a").first
    target = first_link.get_attribute("href").lstrip("#")
    first_link.click()
    assert page.evaluate("document.activeElement.id") == target


def test_every_control_of_a_step_is_reachable_by_tab_and_visibly_focused(page: Page, live_server):
    # Step 3 for a woman: checkboxes, radio groups, the three buttons, header and footer.
    open_draft(page, live_server.url, draft_at(3, FEMALE_ANSWERS))
    controls = page.evaluate(NUMBER_CONTROLS)
    assert len(controls) > 30, controls

    reached, invisible = [], []
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(ACTIVE)
        if focused["tag"] == "BODY" or (reached and focused["index"] == reached[0]):
            break  # past the last control
        assert focused["index"] is not None, f"focus went to an unexpected element: {focused}"
        reached.append(focused["index"])
        if not (focused["outline"] or focused["shadow"]):
            invisible.append(focused)

    assert reached == sorted(reached), "the Tab order does not follow the page order"
    radio_groups = {c["name"] for c in controls if c["type"] == "radio"}
    reached_groups = {controls[i]["name"] for i in reached if controls[i]["type"] == "radio"}
    assert reached_groups == radio_groups
    missed = [c for c in controls if c["type"] != "radio" and c["index"] not in reached]
    assert missed == [], f"not reachable by Tab: {missed}"
    assert invisible == [], f"focused without a visible indicator: {invisible}"
