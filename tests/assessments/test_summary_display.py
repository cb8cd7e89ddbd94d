"""What the patient sees on the summary (issue 21 point 4, issue 23 point 2).

Rules.md v3, "The display follows the leaning": the reason comes first; each option's
"against" lines before its "for" lines; a stop line shows its rule's own label; option
headings are neutral; advanced loss alone reads "unlikely to help at this stage"; on a
doctor-first summary the reassurance the rules give sits beside the warning sign.
"""

import io
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from assessments import pdf, presenters
from assessments.presenters import ADVANCED_LOSS_HEADING, severity_label, summary_context
from assessments.reasoning import RULES
from assessments.summary import LEANING_LABELS
from tests.answers import NOT_MALE_EXTRAS
from tests.assessments.factories import ISSUE_12_PATIENTS, make_assessment

pytestmark = pytest.mark.django_db

WARFARIN = {"blood_thinners": ["warfarin_or_similar"]}
AFTER_BIRTH = ISSUE_12_PATIENTS["after-birth"]


def page_main(client, assessment) -> str:
    html = client.get(reverse("assessments:summary", args=[assessment.token])).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def pdf_text(assessment) -> str:
    reader = PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def stop_items(assessment) -> list[dict]:
    options = summary_context(assessment)["options"]
    return [item for option in options.values() for item in option["against"]
            if item["severity"] == "stop"]


class TestStopLabels:
    """Principle 9: a stop line says what it means for its rule."""

    @pytest.mark.parametrize(("answers", "label"), [
        (WARFARIN, "Not until the doctor who prescribes it agrees"),
        ({**NOT_MALE_EXTRAS, "sex_at_birth": "female", "pregnancy": "pregnant"},
         "Not during pregnancy or breastfeeding"),
        ({"scalp_conditions": ["cold_sores_or_shingles_now"]}, "Not until the skin has healed"),
    ], ids=["blood-thinner", "pregnant", "cold-sores"])
    def test_each_stop_line_shows_its_rules_label_on_page_and_pdf(self, client, answers, label):
        assessment = make_assessment(**answers)
        stops = stop_items(assessment)
        assert stops and {item["label"] for item in stops} == {label}
        assert f"{label}: </strong>" in page_main(client, assessment)
        assert f"{label}:" in pdf_text(assessment)
        assert "Not until a doctor agrees" not in page_main(client, assessment)

    def test_every_stop_the_running_rules_can_write_has_its_own_label(self):
        unlabelled = [f"{each.id}.{key}" for each in RULES for key, says in each.says.items()
                      if says.severity == "stop" and says.place != "red_flags"
                      and not says.label]
        assert unlabelled == []

    def test_a_line_in_older_words_takes_its_rules_label(self, monkeypatch):
        """A summary stored under an earlier ruleset keeps its words; the label follows
        the rule id."""
        item = {"rule": "R8", "text": "Older words of the blood thinner line.",
                "severity": "stop"}
        assert severity_label(item) == "Not until the doctor who prescribes it agrees"
        # A rule that no longer runs gets the general label.
        assert severity_label({**item, "rule": "R99"}) == "Not until a doctor agrees"
        declared = {("R8", item["text"]): SimpleNamespace(label="The engine's words",
                                                          severity="stop")}
        monkeypatch.setattr(presenters, "_declarations", lambda: declared)
        assert severity_label(item) == "The engine's words"


class TestNeutralHeadings:
    def test_no_heading_reads_as_advice(self):
        assert LEANING_LABELS["prp"] == "PRP: what to ask about"
        assert LEANING_LABELS["mesotherapy"] == "Mesotherapy: what to ask about"
        assert not any("worth" in label for label in LEANING_LABELS.values())

    def test_advanced_loss_alone_is_unlikely_to_help_at_this_stage(self, client):
        assessment = make_assessment(norwood_stage="norwood_6")
        assert assessment.leaning == "neither_for_now"
        html = page_main(client, assessment)
        assert f'<h2 id="headline-title">{ADVANCED_LOSS_HEADING}</h2>' in html
        assert "Neither injection for now" not in html
        assert ADVANCED_LOSS_HEADING in pdf_text(assessment)

    def test_advanced_loss_with_another_reason_is_neither_for_now(self, client):
        assessment = make_assessment(norwood_stage="norwood_6", **WARFARIN)
        html = page_main(client, assessment)
        assert '<h2 id="headline-title">Neither injection for now</h2>' in html


class TestTheReasonFirst:
    """Issue 23 point 2: on "neither for now" the reason is with the headline."""

    def test_the_reason_is_in_the_headline_box_before_the_next_steps(self, client):
        assessment = make_assessment(**WARFARIN)
        assert assessment.leaning == "neither_for_now"
        html = page_main(client, assessment)
        box = html[html.index('class="headline-box"') : html.index("</section>",
                                                                  html.index("headline-box"))]
        stop = assessment.summary["options"]["prp"]["against"][0]["text"]
        assert escape(stop) in box
        assert "Not until the doctor who prescribes it agrees" in box
        assert html.index("headline-box") < html.index('id="next-title"')

    def test_several_reasons_give_the_first_under_the_headline_and_all_below(self, client):
        assessment = make_assessment(scalp_conditions=["cold_sores_or_shingles_now"], **WARFARIN)
        context = summary_context(assessment)
        assert len(context["reasons_first"]) == 1
        html = page_main(client, assessment)
        box = html[html.index('class="headline-box"') : html.index("</section>",
                                                                  html.index("headline-box"))]
        assert box.count('class="summary-item') == 1
        cards = html[html.index('id="option-prp"') :]
        for label in ("Not until the doctor who prescribes it agrees",
                      "Not until the skin has healed"):
            assert f"{label}: </strong>" in cards

    def test_other_leanings_name_no_reason_in_the_headline(self):
        context = summary_context(make_assessment())
        assert context["reasons_first"] == []

    def test_what_puts_an_option_off_comes_before_what_speaks_for_it(self, client):
        assessment = make_assessment(smoking="yes", **WARFARIN)
        prp = summary_context(assessment)["options"]["prp"]
        assert [item["severity"] for item in prp["against"]][:1] == ["stop"]
        assert prp["for"], "the fit line speaks for PRP"
        html = page_main(client, assessment)
        card = html[html.index('id="option-prp"') : html.index('id="option-mesotherapy"')]
        assert card.index("What speaks against it") < card.index("What speaks for it")
        assert card.index("Not until the doctor who prescribes it agrees") < card.index(
            "Take care")


class TestDoctorFirstReassurance:
    def test_the_reassurance_sits_beside_the_warning_sign_unfolded(self, client):
        assessment = make_assessment(**AFTER_BIRTH)
        assert assessment.leaning == "doctor_first"
        context = summary_context(assessment)
        assert context["reassurance"] and {i["rule"] for i in context["reassurance"]} == {"R16"}
        html = page_main(client, assessment)
        box = html[html.index('class="red-flags') : html.index("</section>",
                                                             html.index('class="red-flags'))]
        assert "Good to know" in box and "<details open" not in box
        for item in context["reassurance"]:
            assert escape(item["text"]) in box
            assert "Take care:" not in box[box.index("Good to know"):]
        assert "Good to know" in pdf_text(assessment)

    def test_no_reassurance_without_a_reassuring_rule(self):
        assert summary_context(make_assessment(nail_changes="yes"))["reassurance"] == []


class TestNoMenOnlyMedicineDetailsForWomen:
    """R0 v3 words the medicines line; the page and the PDF must add nothing of their own."""

    def test_page_and_pdf_add_no_finasteride_details(self, client):
        assessment = make_assessment(**{**NOT_MALE_EXTRAS, "sex_at_birth": "female"})
        texts = [item["text"] for item in assessment.summary["also_discuss"]
                 + assessment.summary["questions_to_ask"] + assessment.summary["expectations"]
                 + [i for o in assessment.summary["options"].values()
                    for i in (*o["for"], *o["against"])]]
        html = page_main(client, assessment)
        document = pdf_text(assessment)
        for text in texts:
            html = html.replace(escape(text), "")
            document = document.replace(" ".join(text.split()), "")
        for word in ("finasteride", "dutasteride", "PSA", "sperm"):
            assert not re.search(word, html, flags=re.IGNORECASE), word
        # The PDF's appendix lists the guide's sources; none here without the guide loaded.
        assert not re.search("finasteride|dutasteride", document, flags=re.IGNORECASE)
