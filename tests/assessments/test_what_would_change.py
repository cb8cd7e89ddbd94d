"""What would change it: single-answer changes found by re-running the rules (issue 21
point 5), shown to clinic staff and in the rulebook, never to patients."""

import pytest
from django.urls import reverse

from assessments.intake import QUESTIONS, IntakeAnswers
from assessments.pdf import render_summary_pdf
from assessments.reasoning.what_would_change import (
    Outcome,
    _single_answer_changes,
    what_would_change,
)
from assessments.rules import assess
from tests.answers import build_answer_dict
from tests.assessments.factories import make_assessment, make_staff
from tests.pdf_reading import pdf_text

TRIED_MINOXIDIL = {"treatments_tried": ["minoxidil_topical"],
                   "result_minoxidil_topical": "no_change_after_6_months"}
SMOKER_AFTER_A_FAIR_TRY = {**TRIED_MINOXIDIL, "smoking": "yes"}


def answers(**overrides) -> IntakeAnswers:
    return IntakeAnswers.model_validate(build_answer_dict(**overrides))


def test_the_issue_s_example_line():
    lines = [change.line for change in what_would_change(answers(**SMOKER_AFTER_A_FAIR_TRY))]
    assert "if `smoking` were `no`: PRP instead of open" in lines


@pytest.mark.parametrize("overrides", [
    {}, SMOKER_AFTER_A_FAIR_TRY,
    {"sex_at_birth": "female", "treatments_tried": ["prp"], "result_prp": "helped"},
])
def test_every_change_is_a_valid_answer_set_and_every_line_is_true(overrides):
    given = answers(**overrides)
    before = assess(given)
    reported = {(c.key, c.change, c.filled): c for c in what_would_change(given)}
    assert reported
    for key, change, variant, filled in _single_answer_changes(given.as_plain_dict()):
        # Only questions that are asked are changed, and the result is a full, valid set.
        assert QUESTIONS[key].applies(given.as_plain_dict())
        after = assess(IntakeAnswers.model_validate(variant))
        differs = after.leaning != before.leaning or (
            {i.text for i in after.red_flags} != {i.text for i in before.red_flags})
        assert differs == ((key, change, filled) in reported), (key, change, filled)
        if differs:
            assert reported[(key, change, filled)].after.leaning == after.leaning


def test_a_question_that_is_not_asked_is_never_changed():
    keys = {c.key for c in what_would_change(answers())}  # a man: periods are not asked
    assert "periods" not in keys and "pregnancy" not in keys
    assert "nail_changes" in keys


def test_a_ticked_treatment_is_tried_with_each_of_its_results():
    lines = [c.line for c in what_would_change(answers()) if c.key == "treatments_tried"]
    assert ("if `treatments_tried` also had `finasteride` (with `result_finasteride` "
            "`no_change_after_6_months`): PRP instead of standard first") in lines
    # Side effects of finasteride alone leave minoxidil to try: no change, no line.
    assert not any("`result_finasteride` `stopped_side_effects`" in line for line in lines)


def test_red_flags_added_and_removed_are_named():
    flagged = answers(nail_changes="yes")
    (line,) = [c.line for c in what_would_change(flagged) if c.key == "nail_changes"]
    assert line == "if `nail_changes` were `no`: standard first instead of doctor first; " \
                   "removes red flag R2.nails"


def test_outcome_agrees_with_the_summary():
    given = answers(**SMOKER_AFTER_A_FAIR_TRY)
    assert Outcome.of(given.as_plain_dict()).leaning == assess(given).leaning


@pytest.mark.django_db
class TestWhoSeesIt:
    def test_staff_detail_page_shows_it(self, client):
        assessment = make_assessment(**SMOKER_AFTER_A_FAIR_TRY)
        client.force_login(make_staff())
        page = client.get(reverse("staff:detail", args=[assessment.reference_code]))
        html = page.content.decode()
        assert "What would change it" in html
        assert "if `smoking` were `no`: PRP instead of open" in html

    def test_never_on_the_patient_s_page_or_pdf(self, client):
        assessment = make_assessment(**SMOKER_AFTER_A_FAIR_TRY)
        html = client.get(reverse("assessments:summary", args=[assessment.token])).content
        assert b"What would change it" not in html and b"instead of" not in html
        text = pdf_text(render_summary_pdf(assessment=assessment))
        assert "What would change it" not in text and "instead of" not in text

    def test_rulebook_shows_it_beside_each_worked_example(self):
        from assessments.governance.rulebook import worked_examples

        examples = [e for e in worked_examples() if not e.problem]
        assert examples and all(isinstance(e.changes, list) for e in examples)
        assert any(e.changes for e in examples)
