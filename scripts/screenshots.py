#!/usr/bin/env python
"""Take the README screenshots into docs/screenshots/ (not a test).

    .venv/bin/python scripts/screenshots.py

It builds a throwaway site in a temporary folder (SQLite database, media), migrates,
loads the guide, adds a staff member and a few assessments, starts the development
server on 127.0.0.1 on a free port, and photographs with Playwright and Debian's
Chromium (env CHROMIUM, default /usr/bin/chromium; never `playwright install`) at
phone (390 px) and desktop (1280 px) widths: the home page, the comparison grid, a
questionnaire step, a summary, the staff list (signed in), and page 1 of the PDF
(through pdftoppm).
Screenshots are one screen high and reduced to 256 colours, so each stays well under
150 KB. Nothing outside the temporary folder and docs/screenshots/ is touched.
"""

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
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
STAFF_USER, STAFF_PASSWORD = "nurse", "screenshots-only password 7"

# Before Django reads its settings: the database and media live in the temporary folder.
VAR_DIR = setup_django("hairtx-screenshots-")

from django.contrib.auth.models import Group, User

from assessments.intake import STEP_OF
from assessments.models import Draft
from assessments.services import assessment_submit
from tests.assessments.questionnaire_helpers import FEMALE_ANSWERS, MALE_ANSWERS


def build_site() -> dict:
    load_site()
    staff = User.objects.create_user(STAFF_USER, password=STAFF_PASSWORD)
    staff.groups.add(Group.objects.get(name="Clinic staff"))
    made = {}
    for name, answers in (
        ("female", FEMALE_ANSWERS),
        ("red_flag", {**MALE_ANSWERS, "nail_changes": "yes"}),
        ("male", MALE_ANSWERS),
    ):
        made[name] = assessment_submit(draft=Draft.objects.create(answers=dict(answers)))
    # A draft on step 2 with the pattern answered, so the Norwood drawings are shown.
    step_keys = {key for key, step in STEP_OF.items() if step.number == 1} | {"pattern"}
    made["draft"] = Draft.objects.create(
        answers={k: v for k, v in MALE_ANSWERS.items() if k in step_keys}, furthest_step=2
    )
    return made


def save_small(png: bytes, name: str) -> Path:
    path = save_small_png(png, OUT / f"{name}.png")
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return path


def shoot(browser, base: str, made: dict) -> None:
    pdf_bytes = b""
    for label, viewport in WIDTHS.items():
        # en-GB as the site (Accept-Language, Intl). Headless Chromium still draws empty
        # date inputs as mm/dd/yyyy whatever the locale, --lang or LANG.
        context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="en-GB")
        page = context.new_page()

        page.goto(base + "/")
        save_small(page.screenshot(), f"home-{label}")

        page.goto(base + "/compare/")
        save_small(page.screenshot(), f"compare-{label}")

        page.goto(f"{base}/questionnaire/resume/{made['draft'].token}/")
        assert "/questionnaire/step/2/" in page.url, page.url
        save_small(page.screenshot(), f"questionnaire-step-{label}")

        page.goto(base + made["female"].secret_summary_path())
        save_small(page.screenshot(), f"summary-{label}")
        if not pdf_bytes:
            href = page.get_by_role("link", name="Download the PDF").get_attribute("href")
            pdf_bytes = page.request.get(base + href).body()

        page.goto(base + "/staff/login/")
        page.get_by_label("Username").fill(STAFF_USER)
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        assert page.url.endswith("/staff/"), page.url
        save_small(page.screenshot(), f"staff-list-{label}")
        context.close()

    save_small(pdf_first_page_png(pdf_bytes, VAR_DIR, "summary"), "pdf-page-1")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with site_in_browser(build_site, VAR_DIR) as (browser, base, made):
        shoot(browser, base, made)


if __name__ == "__main__":
    main()
