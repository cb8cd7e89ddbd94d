"""Issue 12 in a real browser: forced colours, non-text contrast, question layout,
follow-ups without JavaScript, "None of these" with JavaScript, and print styles.

axe does not check any of these: forced-colours mode (Windows high contrast) drops
backgrounds and box-shadows, which is how Bootstrap draws ticks and focus, and axe's
colour-contrast rule reads text only (WCAG 1.4.11 asks 3:1 for borders and focus too).
"""

import hashlib
import io

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from assessments import intake
from assessments.models import Draft
from assessments.services import assessment_submit
from tests.assessments.factories import ISSUE_12_PATIENTS, make_assessment, valid_answers
from tests.assessments.questionnaire_helpers import FEMALE_ANSWERS, MALE_ANSWERS
from tests.browser.helpers import draft_at, open_draft, press, start_questionnaire

pytestmark = pytest.mark.browser

CONTRAST_JS = """([selector, property]) => {
  const el = document.querySelector(selector);
  const parse = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = rgb => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const style = getComputedStyle(el);
  return {ratio: ratio(parse(style[property]), [255, 255, 255]), color: style[property],
          outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
}"""


def _contrast(page: Page, selector: str, prop: str) -> dict:
    return page.evaluate(CONTRAST_JS, [selector, prop])


def _focus_by_keyboard(page: Page, selector: str) -> None:
    """Focus an element as a keyboard user does (so :focus-visible applies)."""
    page.locator(selector).first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement.matches(s + ':focus-visible')", selector)


def _around(page: Page, selector: str, margin: int = 8) -> bytes:
    """A screenshot of the element and a margin round it (an outline is drawn outside)."""
    box = page.locator(selector).first.bounding_box()
    png = page.screenshot(
        clip={
            "x": box["x"] - margin,
            "y": box["y"] - margin,
            "width": box["width"] + 2 * margin,
            "height": box["height"] + 2 * margin,
        }
    )
    return hashlib.sha256(png).hexdigest()


def _open_step(page: Page, base_url: str, key: str, answers: dict) -> intake.Step:
    step = intake.STEP_OF[key]
    open_draft(page, base_url, draft_at(step.number, answers))
    page.goto(f"{base_url}/questionnaire/step/{step.number}/")
    return step


RADIO = 'input[name="needle_comfort"][value="fine"]'
CHECKBOX = 'input[name="treatments_tried"][value="minoxidil_oral"]'


def test_forced_colours_show_ticks_and_focus(page: Page, live_server):
    _open_step(page, live_server.url, "needle_comfort", MALE_ANSWERS)
    page.emulate_media(forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    for selector in (RADIO, CHECKBOX):
        box = page.locator(selector)
        expect(box).not_to_be_checked()
        box.scroll_into_view_if_needed()
        page.locator("h1").focus()
        unticked = _around(page, selector, margin=0)
        box.check()
        page.locator("h1").focus()
        assert _around(page, selector, margin=0) != unticked, (
            f"{selector}: ticked looks the same as unticked"
        )
    for selector in (RADIO, CHECKBOX, 'button[value="next"]', 'button[value="back"]'):
        page.locator(selector).first.scroll_into_view_if_needed()
        page.locator("h1").focus()
        unfocused = _around(page, selector)
        _focus_by_keyboard(page, selector)
        assert _around(page, selector) != unfocused, (
            f"{selector}: no visible focus in forced colours"
        )
        style = _contrast(page, selector, "outlineColor")
        assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, (selector, style)


def test_borders_and_focus_rings_have_3_to_1_contrast(page: Page, live_server):
    _open_step(page, live_server.url, "needle_comfort", MALE_ANSWERS)
    for selector in (RADIO, CHECKBOX):
        assert _contrast(page, selector, "borderTopColor")["ratio"] >= 3, selector
    assert _contrast(page, 'button[value="back"]', "borderTopColor")["ratio"] >= 3
    assert _contrast(page, 'button[value="next"]', "backgroundColor")["ratio"] >= 3
    for selector in (RADIO, CHECKBOX, 'button[value="next"]', 'button[value="back"]'):
        _focus_by_keyboard(page, selector)
        style = _contrast(page, selector, "outlineColor")
        assert style["outlineStyle"] == "solid" and style["outlineWidth"] >= 2, (selector, style)
        assert style["ratio"] >= 3, (selector, style)
        assert (
            page.evaluate("s => getComputedStyle(document.querySelector(s)).boxShadow", selector)
            == "none"
        )


def test_question_is_larger_than_its_answers_and_drawings_are_in_the_answers(
    page: Page, live_server
):
    _open_step(page, live_server.url, "norwood_stage", MALE_ANSWERS)
    page.locator('input[name="pattern"][value="receding_temples"]').check()  # reveals it
    sizes = page.evaluate("""() => ({
        legend: parseFloat(getComputedStyle(document.querySelector('#question-norwood_stage legend')).fontSize),
        label: parseFloat(getComputedStyle(document.querySelector('#question-norwood_stage .form-check-label')).fontSize),
    })""")
    assert sizes["legend"] >= 1.15 * sizes["label"], sizes
    question = page.locator("#question-norwood_stage")
    legend_y = question.locator("legend").bounding_box()["y"]
    assert question.locator("img").first.bounding_box()["y"] > legend_y
    # Clicking a drawing ticks its answer: the drawing is part of the label.
    question.locator('label[for="id_norwood_stage_1"] img').click()
    expect(page.locator("#id_norwood_stage_1")).to_be_checked()


def test_none_of_these_unticks_the_others_at_once(page: Page, live_server):
    _open_step(page, live_server.url, "triggers_recent", MALE_ANSWERS)
    stress = page.locator('input[name="triggers_recent"][value="major_stress"]')
    none = page.locator('input[name="triggers_recent"][value="none"]')
    stress.check()
    expect(none).not_to_be_checked()
    none.check()
    expect(stress).not_to_be_checked()
    stress.check()
    expect(none).not_to_be_checked()


def test_without_javascript_the_page_opens_at_the_new_question(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        start_questionnaire(page, live_server.url)
        page.get_by_label("Female").check()
        page.get_by_label("35 to 49").check()
        press(page, "Next")
        assert page.url.endswith("#question-periods")
        notice = page.locator("#new-questions")
        expect(notice.get_by_role("link", name=intake.QUESTIONS["periods"].label)).to_be_visible()
        # The browser scrolls to the new question by itself (the fragment), no script.
        expect(page.locator("#question-periods legend")).to_be_in_viewport()
        assert page.evaluate("window.scrollY") > 0
    finally:
        context.close()


def test_print_styles(page: Page, live_server):
    assessment = make_assessment(**{k: v for k, v in FEMALE_ANSWERS.items()})
    page.goto(live_server.url + assessment.secret_summary_path())
    page.emulate_media(media="print")
    result = page.evaluate("""() => ({
        body: getComputedStyle(document.body).fontSize,
        header: getComputedStyle(document.querySelector('.site-header')).display,
        links: getComputedStyle(document.querySelector('.footer-links')).display,
        // Short boxes (the headline) may stay whole; long sections must be free to break.
        sections: [...document.querySelectorAll('main section')]
            .filter(s => s.getBoundingClientRect().height > 300)
            .map(s => getComputedStyle(s).breakInside),
    })""")
    assert result["body"] == "16px"  # 12 pt
    assert result["header"] == "none" and result["links"] == "none"
    assert "avoid" not in result["sections"], (
        "a whole section kept together leaves pages half blank"
    )
    # summary.js opens every folded "Why?" for paper.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.why[open]").count() == 0


def _printed(page: Page) -> tuple[int, str]:
    """Print the page as Chromium does to A4: (sheets, text with whitespace squeezed)."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return len(reader.pages), text


def test_printing_without_javascript_prints_every_fold(browser, live_server):
    """A closed fold prints its text even when summary.js cannot open it (print.css,
    ::details-content), while the fold markers and the site links stay off paper."""
    assessment = make_assessment()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + assessment.secret_summary_path())
        assert page.locator("details.section-fold:not([open])").count() >= 2
        _, text = _printed(page)
        folded = [item["text"] for item in assessment.summary["also_discuss"]]
        folded += [item["text"] for item in assessment.summary["expectations"]]
        for line in folded:
            assert " ".join(line.split()) in text, line
        assert "Why?" not in text and "Read more in the guide" not in text
        assert "Who paid for this guide" not in text
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "sheets_before"),
    [("receding-temples", 3), ("after-birth", 4), ("sudden-patches", 3)],
)
def test_browser_print_uses_fewer_sheets(page: Page, live_server, name, sheets_before):
    """Issue 12's three patients, printed from the summary page (A4, JavaScript on, so
    every fold is opened first): fewer sheets than before the issue (commit 8187791,
    docs/patient-experience.md)."""
    answers = intake.drop_inapplicable(valid_answers(**ISSUE_12_PATIENTS[name]))
    assessment = assessment_submit(draft=Draft.objects.create(answers=answers))
    page.goto(live_server.url + assessment.secret_summary_path())
    sheets, text = _printed(page)
    assert "Declaration of interest" in text and "Please note" in text
    assert sheets < sheets_before
