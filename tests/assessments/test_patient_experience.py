"""Issue 12 (patient experience v2) and issue 11 point 5, kept fixed without a browser.

The summary opens with what to do next; reasons sit folded under "Why?", each once, with
short question names and no rule ids; a doctor-first summary has no booking link and
folds the options away; the staff page puts key facts first and the review form last,
in the staff layout. Browser-only checks (forced colours, contrast, print) are in
tests/browser/test_patient_experience.py.
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from assessments import intake, pdf
from assessments.models import Draft
from assessments.presenters import (
    RETIRED_SHORT_QUESTION_NAMES,
    SHORT_QUESTION_NAMES,
    short_question_name,
    summary_context,
)
from assessments.services import assessment_submit
from content.models import ClinicDetails, Status
from tests.assessments.factories import (
    ISSUE_12_PATIENTS,
    RED_FLAG,
    make_assessment,
    make_staff,
    valid_answers,
)
from tests.assessments.questionnaire_helpers import step_post

pytestmark = pytest.mark.django_db

# The woman of the issue: birth in the last year, shedding, tired, numbing allergy, unsure.
AFTER_BIRTH = ISSUE_12_PATIENTS["after-birth"]
# Before issue 12 (commit 8187791, docs/patient-experience.md): words a reader saw on each
# patient's summary page, and the pages of their PDF.
WORDS_BEFORE = {"receding-temples": 719, "after-birth": 1379, "sudden-patches": 651}
PDF_PAGES_BEFORE = {"receding-temples": 6, "after-birth": 8, "sudden-patches": 6}


class VisibleText(HTMLParser):
    """The words of <main> a reader sees before opening anything: text inside a closed
    <details> counts only for its <summary>; scripts, styles and hidden elements (the
    print button waits for JavaScript) never count."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.closed_details = 0  # depth of closed <details> we are inside
        self.in_summary = False
        self.skip = 0
        self.skipping: list[str] = []  # open tags whose text never shows
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif tag == "details" and "open" not in dict(attrs):
            self.closed_details += 1
        elif tag == "summary":
            self.in_summary = True
        elif tag in {"script", "style"} or "hidden" in dict(attrs):
            self.skip += 1
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "details" and self.closed_details:
            self.closed_details -= 1
        elif tag == "summary":
            self.in_summary = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
            self.skip -= 1

    def handle_data(self, data):
        if self.in_main and not self.skip and (not self.closed_details or self.in_summary):
            self.words.extend(data.split())


def visible_words(html: str) -> int:
    parser = VisibleText()
    parser.feed(html)
    return len(parser.words)


def summary_html(client, assessment) -> str:
    response = client.get(reverse("assessments:summary", args=[assessment.token]))
    assert response.status_code == 200
    return response.content.decode()


def main_html(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def clinic_with_booking():
    cache.clear()  # the site content (clinic details) is cached
    clinic = ClinicDetails.objects.create(
        name="Riverside Dermatology",
        booking_url="https://clinic.example/book",
        status=Status.PUBLISHED,
    )
    yield clinic
    cache.clear()


class TestSummaryStructure:
    def test_the_reason_first_then_next_steps_then_folded_options(self, client):
        """Issue 23 point 2: the warning signs come before the next steps."""
        html = main_html(summary_html(client, make_assessment(**AFTER_BIRTH)))
        headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
        assert headings[:2] == ["Why see a doctor first", "What to do next"]
        assert (
            html.index("Why see a doctor first")
            < html.index("Save this summary now")
            < html.index("See your GP or a dermatologist")
            < html.index("Bring these with you")
        )
        assert html.index("Bring these with you") < html.index('<details class="later-options">')
        assert html.index('<details class="later-options">') < html.index('id="options-title"')

    @pytest.mark.parametrize(
        "answers", [{}, AFTER_BIRTH, RED_FLAG], ids=["quiet", "birth", "red-flag"]
    )
    def test_every_reason_is_folded_under_why_and_each_why_is_whole(self, client, answers):
        """Principle 7 (rules.md v3): each "Why?" gives every answer of its line, even one
        another line gives too."""
        assessment = make_assessment(**answers)
        html = main_html(summary_html(client, assessment))
        assert "Because you answered" not in html
        reasons = re.findall(r'<p class="because[^"]*">(.*?)</p>', html, flags=re.DOTALL)
        assert reasons, "some item should give its reasons"
        # Every reason sits inside a "Why?" disclosure.
        assert html.count('<details class="why') >= len(reasons)
        context = summary_context(assessment)
        items = [
            *context["to_bring"], *context["red_flags"], *context["also_discuss"],
            *[i for o in context["options"].values() for i in (*o["for"], *o["against"])],
            *context["expectations"], *context["questions_to_ask"],
        ]
        for item in items:
            named = {phrase["key"] for phrase in item["because_phrases"]}
            assert named == {pair["question"] for pair in item["because"]}, item["rule"]

    def test_guide_links_once_per_section_and_standard_treatments_before_injections(self, client):
        html = main_html(summary_html(client, make_assessment()))
        for block in re.findall(r'<p class="guide-links[^"]*">(.*?)</p>', html, flags=re.DOTALL):
            hrefs = re.findall(r'href="([^"]+)"', block)
            assert len(hrefs) == len(set(hrefs)), block
        assert "Read more:" not in html  # no link under every line any more
        assert html.index('id="also-title"') < html.index('id="options-title"')

    def test_reasons_name_questions_in_a_few_words(self, client):
        html = main_html(summary_html(client, make_assessment(**AFTER_BIRTH)))
        reasons = " ".join(re.findall(r'<p class="because[^"]*">(.*?)</p>', html, flags=re.DOTALL))
        assert "(optional)" not in reasons and "Choose all that apply" not in reasons
        assert "Pregnancy and birth" in reasons or "How you feel" in reasons

    def test_patients_never_see_rule_ids_or_test_names(self, client):
        html = main_html(summary_html(client, make_assessment(**AFTER_BIRTH)))
        assert "(rule " not in html and "rule-id" not in html and not re.search(r"Rule R\d", html)
        assert "SURE" not in html

    def test_every_question_has_a_short_name(self):
        assert set(SHORT_QUESTION_NAMES) == set(intake.QUESTIONS)
        assert all(len(name.split()) <= 5 for name in SHORT_QUESTION_NAMES.values())
        assert short_question_name("a_retired_question") == "A retired question"

    def test_no_two_questions_share_a_short_name(self):
        """Issue 23 point 5: "What matters most" named two questions in "Why?"."""
        keys = {*intake.QUESTIONS, *SHORT_QUESTION_NAMES, *RETIRED_SHORT_QUESTION_NAMES}
        names = [short_question_name(key) for key in keys]
        assert len(names) == len(set(names)), sorted(names)


def make_patient(name: str):
    """One of the issue's three patients, through the real submit path."""
    answers = intake.drop_inapplicable(valid_answers(**ISSUE_12_PATIENTS[name]))
    return assessment_submit(draft=Draft.objects.create(answers=answers))


@pytest.mark.usefixtures("guide")
@pytest.mark.parametrize("name", list(ISSUE_12_PATIENTS))
class TestShorterForTheThreePatients:
    """Issue 12's "done when": each summary half as long as before, on fewer sheets."""

    def test_page_has_half_the_words(self, client, name):
        assessment = make_patient(name)
        assert visible_words(summary_html(client, assessment)) <= WORDS_BEFORE[name] // 2

    def test_pdf_has_fewer_pages(self, name):
        data = pdf.render_summary_pdf(assessment=make_patient(name))
        assert len(PdfReader(io.BytesIO(data)).pages) < PDF_PAGES_BEFORE[name]

    def test_folding_hides_nothing_for_good(self, client, name):
        """Everything folded is still on the page (opened, it is longer than before)."""
        assessment = make_patient(name)
        html = main_html(summary_html(client, assessment))
        for item in assessment.summary["also_discuss"] + assessment.summary["expectations"]:
            assert escape(item["text"]) in html


class TestFoldedTreatmentSections:
    """Off a doctor-first summary, standard treatments and the injections fold alike."""

    def test_both_treatment_sections_fold_the_same_way(self, client):
        assessment = make_assessment()
        assert assessment.leaning != "doctor_first"
        html = main_html(summary_html(client, assessment))
        standard = re.search(r'<details class="section-fold" id="also"([^>]*)>', html)
        injections = re.search(r'<details class="section-fold" id="injections"([^>]*)>', html)
        assert standard and injections
        assert standard.group(1) == injections.group(1) == ""  # both closed
        assert html.index('id="also"') < html.index('id="injections"')

    def test_a_closed_fold_says_it_holds_a_point_to_take_care_with(self, client):
        # Smoking puts a caution on PRP (R8b); the leaning stays off "neither".
        assessment = make_assessment(smoking="yes")
        cautions = [
            item for option in assessment.summary["options"].values()
            for item in option["against"] if item["severity"] != "info"
        ]
        assert cautions and assessment.leaning not in {"doctor_first", "neither_for_now"}
        html = main_html(summary_html(client, assessment))
        fold = html[html.index('id="injections"') :]
        summary = fold[: fold.index("</summary>")]
        count = len(cautions)
        assert f"{count} point{'s' if count > 1 else ''} to take care with" in summary

    def test_the_injections_open_when_the_leaning_is_about_them(self, client):
        assessment = make_assessment(blood_thinners=["warfarin_or_similar"])
        assert assessment.leaning == "neither_for_now"
        html = main_html(summary_html(client, assessment))
        assert '<details class="section-fold" id="injections" open>' in html
        assert '<details class="section-fold" id="also">' in html

    def test_staff_see_every_section_open(self, client):
        client.force_login(make_staff())
        assessment = make_assessment()
        html = client.get(
            reverse("staff:detail", args=[assessment.reference_display])
        ).content.decode()
        folds = re.findall(r'<details class="section-fold"[^>]*>', html)
        assert len(folds) == 3 and all(fold.endswith(" open>") for fold in folds), folds


class TestDoctorFirst:
    def test_no_booking_call_to_action_anywhere_on_the_page(self, client, clinic_with_booking):
        assessment = make_assessment(**RED_FLAG)
        assert assessment.leaning == "doctor_first"
        html = summary_html(client, assessment)
        assert "clinic.example/book" not in html
        assert "Book a consultation" not in html and "Book an appointment" not in html
        assert "See your GP or a dermatologist first" in html

    def test_other_summaries_keep_the_booking_link(self, client, clinic_with_booking):
        assessment = make_assessment()
        assert assessment.leaning != "doctor_first"
        html = summary_html(client, assessment)
        assert 'href="https://clinic.example/book"' in html
        assert "See your GP or a dermatologist first" not in html

    @pytest.mark.parametrize("answers", [RED_FLAG, AFTER_BIRTH], ids=["red-flag", "birth"])
    def test_no_empty_option_cards_and_options_folded(self, client, answers):
        assessment = make_assessment(**answers)
        assert assessment.leaning == "doctor_first"
        html = main_html(summary_html(client, assessment))
        assert "Nothing in your answers" not in html
        before, later = html.split('<details class="later-options">')
        assert "What speaks for it" not in before and "What speaks against it" not in before
        has_points = summary_context(assessment)["options_have_points"]
        assert ("PRP and mesotherapy, for you" in later) == has_points

    def test_pdf_has_no_booking_and_says_see_your_gp_first(self, clinic_with_booking):
        assessment = make_assessment(**RED_FLAG)
        text = " ".join(
            " ".join(page.extract_text().split())
            for page in PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment))).pages
        )
        assert "See your GP or a dermatologist first" in text
        assert "Book" not in text and "clinic.example" not in text
        assert "(rule " not in text


class TestDeclarationOfInterest:
    """Every summary, page and PDF, carries the clinic's declaration of interest (issue 11):
    the clinic's own words, or the shipped default while it has none."""

    @pytest.mark.parametrize("answers", [{}, RED_FLAG], ids=["quiet", "doctor-first"])
    def test_default_declaration_on_page_and_pdf(self, client, answers):
        cache.clear()
        assessment = make_assessment(**answers)
        html = main_html(summary_html(client, assessment))
        assert "Declaration of interest" in html
        assert "offers PRP and mesotherapy, and it is paid for them" in html
        text = " ".join(
            " ".join(page.extract_text().split())
            for page in PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment))).pages
        )
        assert "Declaration of interest" in text
        assert "it is paid for them" in text

    def test_the_clinics_own_words_replace_the_default(self, client):
        cache.clear()
        ClinicDetails.objects.create(
            name="Riverside Dermatology",
            status=Status.PUBLISHED,
            declaration_of_interest="Riverside sells PRP; it does not sell mesotherapy.",
        )
        html = main_html(summary_html(client, make_assessment()))
        assert "Riverside sells PRP; it does not sell mesotherapy." in html
        assert "it is paid for them" not in html
        cache.clear()


class TestStaffDetail:
    def test_review_and_key_facts_first_then_answers_and_summary(self, client):
        client.force_login(make_staff())
        assessment = make_assessment(**RED_FLAG)
        html = client.get(
            reverse("staff:detail", args=[assessment.reference_display])
        ).content.decode()
        order = [
            html.index(marker)
            for marker in (
                'id="review-title"',
                'id="key-facts-title"',
                'id="answers-title"',
                'id="summary-title"',
            )
        ]
        assert order == sorted(order)
        facts = html[html.index('id="key-facts-title"') : html.index('id="answers-title"')]
        assert "Red flag" in facts and "Sex at birth" in facts and "Age" in facts
        assert "What rules an option out" in facts
        # Staff see the rule behind each line of the summary.
        assert re.search(r"Rule R\d", html[html.index('id="summary-title"') :])

    def test_staff_pages_use_the_staff_layout(self, client, clinic_with_booking):
        client.force_login(make_staff())
        assessment = make_assessment()
        for url in (
            reverse("staff:list"),
            reverse("staff:detail", args=[assessment.reference_display]),
        ):
            html = client.get(url).content.decode()
            assert 'class="staff-header' in html
            assert 'class="site-nav' not in html and "site-footer" not in html
            assert "Book an appointment" not in html


class TestFollowUpWithoutJavaScript:
    def test_notice_names_and_links_the_new_question_and_the_page_jumps_there(self, client):
        step = intake.STEP_OF["allergies"]
        answers = valid_answers()
        before = {q.key for s in intake.STEPS[: step.number - 1] for q in s.questions}
        draft = Draft.objects.create(
            answers={k: v for k, v in answers.items() if k in before}, furthest_step=step.number
        )
        client.get(reverse("assessments:resume_link", args=[draft.token]))
        posted = step_post(step, answers, draft)  # the health checklist ticked as answered
        posted["allergies"] = ["other"]
        response = client.post(reverse("assessments:step", args=[step.number]), posted)
        assert response.status_code == 302
        assert response["Location"].endswith("#question-allergy_other_details")
        html = client.get(response["Location"]).content.decode()
        assert '<a href="#question-allergy_other_details">What else are you allergic to?' in html
        assert 'class="question question--new" id="question-allergy_other_details"' in html


class TestQuestionOrder:
    def test_question_then_help_then_error_then_options(self, client):
        client.post(reverse("assessments:start"))
        token = client.session["draft_token"]
        html = client.post(
            reverse("assessments:step", args=[1]), {"draft": token, "action": "next"}
        ).content.decode()
        block = html[
            html.index('id="question-sex_at_birth"') : html.index('id="question-age_band"')
        ]
        legend = block.index("<legend")
        help_text = block.index('id="id_sex_at_birth_helptext"')
        error = block.index('id="id_sex_at_birth_error"')
        first_option = block.index('id="id_sex_at_birth_0"')
        assert legend < help_text < error < first_option
        assert "fs-6" not in block
