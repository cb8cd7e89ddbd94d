#!/usr/bin/env python
"""Measure what three patients meet, for docs/patient-experience.md (not a test).

    .venv/bin/python scripts/measure_patient_experience.py [--label before|after] [--shots]

Like scripts/screenshots.py it builds a throwaway site in a temporary folder (SQLite,
media), loads the guide, submits three answer sets, starts the development server and
looks with Playwright and Debian's Chromium (env CHROMIUM) at a 390 px wide phone:

- the man with receding temples, the woman who gave birth in the last year, and the
  person with sudden patchy hair loss (a red flag);
- for each summary: words on the page (the <main> text), page height at 390 px, PDF
  pages (pypdf), sheets when the page is printed from the browser (A4), and the
  "Because you answered" lines and rule ids a patient reads;
- for each step of the questionnaire, as the woman sees it with every follow-up shown:
  questions, tab stops inside the form (a radio group is one stop, as in a browser),
  words and page height; and an estimate of the time to fill it in (reading at 200
  words a minute plus 4 seconds a question; a rough model, said so in the report);
- the questionnaire as each of issue 23's three patients walks it (a man of 28 with
  receding temples, a breastfeeding woman of 34, a woman of 45 on warfarin): pages,
  questions, words and the estimated time with the same model plus 1.5 seconds a page
  (``--questionnaire-only`` measures just this, without the summaries).

Prints a JSON report; with --shots also writes phone screenshots to docs/screenshots/
named ``pe-<label>-<page>.png``.
"""

import argparse
import io
import json
import os
from pathlib import Path

from throwaway_site import (
    load_site,
    pdf_first_page_png,
    save_small_png,
    setup_django,
    site_in_browser,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
READING_WORDS_PER_MINUTE = 200
FULL_DIR = os.environ.get("FULL_DIR", "")  # full-page screenshots for a closer look
SECONDS_PER_ANSWER = 4
SECONDS_PER_PAGE = 1.5

VAR_DIR = setup_django("hairtx-measure-")

from pypdf import PdfReader

from assessments import intake
from assessments.models import Draft
from assessments.services import assessment_submit
from tests.assessments.conftest import build_answer_dict
from tests.assessments.factories import ISSUE_12_PATIENTS, ISSUE_23_PATIENTS


def _fits(answers: dict) -> dict:
    """Only keys the intake knows (the script runs on branches with and without new ones)."""
    return {key: value for key, value in answers.items() if key in intake.QUESTIONS}


# The same three as the tests (tests/assessments/factories.py). "Before" was measured on
# commit 8187791 with these answers written out here.
PATIENTS = {name: build_answer_dict(**answers) for name, answers in ISSUE_12_PATIENTS.items()}
WALKERS = {name: build_answer_dict(**answers) for name, answers in ISSUE_23_PATIENTS.items()}


def build_site() -> dict:
    load_site()
    made = {}
    for name, answers in PATIENTS.items():
        answers = intake.drop_inapplicable(_fits(answers))
        intake.IntakeAnswers.model_validate(answers)
        made[name] = assessment_submit(draft=Draft.objects.create(answers=answers))
    made["draft"] = Draft.objects.create(
        answers=intake.drop_inapplicable(_fits(PATIENTS["after-birth"])),
        furthest_step=len(intake.STEPS),
    )
    for name, answers in WALKERS.items():
        made[f"walk-{name}"] = Draft.objects.create(
            answers=intake.drop_inapplicable(_fits(answers)), furthest_step=len(intake.STEPS)
        )
    return made


def save_small(png: bytes, name: str) -> None:
    save_small_png(png, OUT / f"{name}.png")


# Tab stops as a browser counts them: one per radio group, one per other control.
TAB_STOPS_JS = """() => {
  const form = document.querySelector('form.questionnaire');
  const visible = el => !el.closest('[hidden]') && el.getClientRects().length > 0;
  const controls = [...form.querySelectorAll('input:not([type=hidden]), textarea, select, button, a[href], summary')].filter(visible);
  const radioGroups = new Set();
  let stops = 0;
  for (const el of controls) {
    if (el.type === 'radio') { if (!radioGroups.has(el.name)) { radioGroups.add(el.name); stops++; } }
    else stops++;
  }
  const questions = [...form.querySelectorAll('.question')].filter(q => !q.hidden).length;
  return {stops, questions};
}"""


def words(page) -> int:
    return len(page.locator("main").inner_text().split())


def walk(browser, base: str, made: dict) -> dict:
    """Each of issue 23's patients through every step, with their own follow-ups shown."""
    report = {}
    for name in WALKERS:
        context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="en-GB")
        page = context.new_page()
        page.goto(f"{base}/questionnaire/resume/{made[f'walk-{name}'].token}/")
        pages = questions = total_words = 0
        for step in intake.STEPS:
            page.goto(f"{base}/questionnaire/step/{step.number}/")
            counts = page.evaluate(TAB_STOPS_JS)
            pages += 1
            questions += counts["questions"]
            total_words += words(page)
        seconds = (
            60 * total_words / READING_WORDS_PER_MINUTE
            + SECONDS_PER_ANSWER * questions
            + SECONDS_PER_PAGE * pages
        )
        report[name] = {"pages": pages, "questions": questions, "words": total_words,
                        "estimated_minutes": round(seconds / 60, 1)}
        context.close()
    return report


def measure(browser, base: str, made: dict, label: str, shots: bool) -> dict:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="en-GB")
    page = context.new_page()
    report = {"summaries": {}, "steps": []}
    for name in PATIENTS:
        assessment = made[name]
        page.goto(base + assessment.secret_summary_path())
        text = page.locator("main").inner_text()
        all_text = page.locator("main").text_content()
        pdf = page.request.get(base + assessment.secret_summary_path() + "pdf/").body()
        if not pdf.startswith(b"%PDF"):
            raise SystemExit(f"No PDF for {name}: {pdf[:80]!r}")
        report["summaries"][name] = {
            "leaning": assessment.leaning,
            "words": len(text.split()),
            "phone_height_px": page.evaluate("document.documentElement.scrollHeight"),
            # Words with every "Why?" and folded section opened (the page's whole text).
            "words_with_folded": len(all_text.split()),
            "because_lines": text.count("Because you answered"),
            "why_disclosures": page.locator("details.why").count(),
            "rule_ids_shown": text.count("(rule "),
            "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages),
            # The page printed from the browser (A4; JavaScript opens every fold first).
            "browser_print_sheets": len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages),
            "first_heading_after_title": page.locator("main h2").first.inner_text(),
        }
        if FULL_DIR:
            page.screenshot(path=f"{FULL_DIR}/summary-{name}.png", full_page=True)
            (Path(FULL_DIR) / f"{name}.pdf").write_bytes(pdf)
        if shots:
            save_small(page.screenshot(), f"pe-{label}-summary-{name}")
            if page.locator("details#also").count():  # the folded treatment sections
                page.locator("section.headline-box").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -16)")
                save_small(page.screenshot(), f"pe-{label}-folds-{name}")
            save_small(pdf_first_page_png(pdf, VAR_DIR, name), f"pe-{label}-pdf-{name}")

    page.goto(f"{base}/questionnaire/resume/{made['draft'].token}/")
    total_seconds = 0.0
    for step in intake.STEPS:
        page.goto(f"{base}/questionnaire/step/{step.number}/")
        counts = page.evaluate(TAB_STOPS_JS)
        step_words = words(page)
        seconds = (
            60 * step_words / READING_WORDS_PER_MINUTE + SECONDS_PER_ANSWER * counts["questions"]
        )
        total_seconds += seconds
        report["steps"].append(
            {
                "step": step.number,
                "title": step.title,
                **counts,
                "words": step_words,
                "phone_height_px": page.evaluate("document.documentElement.scrollHeight"),
                "estimated_minutes": round(seconds / 60, 1),
            }
        )
        if FULL_DIR:
            page.screenshot(path=f"{FULL_DIR}/step-{step.number}.png", full_page=True)
        if shots and step.slug in {"your-hair-loss"}:
            save_small(page.screenshot(), f"pe-{label}-step-{step.number}")
    report["estimated_minutes_total"] = round(total_seconds / 60, 1)
    if shots:
        forced_colours_shot(page, base, label)
    context.close()
    return report


def forced_colours_shot(page, base: str, label: str) -> None:
    """High-contrast mode: a ticked radio, an unticked one and a focused checkbox."""
    step = next(s for s in intake.STEPS if any(q.key == "needle_comfort" for q in s.questions))
    page.goto(f"{base}/questionnaire/step/{step.number}/")
    page.emulate_media(forced_colors="active")
    page.locator('input[name="needle_comfort"][value="fine"]').check()
    checkbox = page.locator('input[name="treatments_tried"]').nth(1)
    checkbox.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.locator("#question-needle_comfort").scroll_into_view_if_needed()
    save_small(page.screenshot(), f"pe-{label}-forced-colours")
    page.emulate_media(forced_colors="none")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="now")
    parser.add_argument("--shots", action="store_true")
    parser.add_argument("--questionnaire-only", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with site_in_browser(build_site, VAR_DIR) as (browser, base, made):
        report = {} if args.questionnaire_only else measure(
            browser, base, made, args.label, args.shots)
        report["issue_23_walks"] = walk(browser, base, made)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
