"""Properties of the rules engine over generated valid answer sets.

The strategy walks QUESTIONS in order and asks a question only when its ``applies``
says so, the same way the questionnaire does, so every generated set is valid.
"""

import json
import re

from hypothesis import given, settings

from assessments.intake import IntakeAnswers
from assessments.rules import assess
from assessments.summary import SECTION_SLUGS, Summary
from tests.answers import valid_answer_sets

FORBIDDEN = re.compile(r"should have|you have\b|\d\s*(mg|mcg|ml|units?)\b|%", re.IGNORECASE)


PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_every_generated_set_is_valid_and_assessed(data):
    summary = assess(IntakeAnswers.model_validate(data))
    # The summary survives its own JSON round trip (the stored form).
    dumped = summary.model_dump(mode="json", by_alias=True)
    assert Summary.model_validate(dumped) == summary


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_doctor_first_exactly_when_there_are_red_flags(data):
    summary = assess(IntakeAnswers.model_validate(data))
    assert (summary.leaning == "doctor_first") == bool(summary.red_flags)


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_every_because_names_an_answer_that_was_given(data):
    answers = IntakeAnswers.model_validate(data)
    given_answers = answers.as_plain_dict()
    for item in assess(answers).all_items():
        for reason in item.because:
            value = given_answers.get(reason.question)
            assert value is not None, (item.rule, reason)
            assert reason.answer in (value if isinstance(value, list) else [value]), (
                item.rule, reason
            )


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_links_texts_and_balance(data):
    summary = assess(IntakeAnswers.model_validate(data))
    assert summary.also_discuss
    for item in summary.all_items():
        assert item.see in SECTION_SLUGS
        assert not FORBIDDEN.search(item.text), item.text
    assert not FORBIDDEN.search(summary.headline)


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_leaning_never_contradicts_a_stop(data):
    summary = assess(IntakeAnswers.model_validate(data))
    stopped = {
        option
        for option, points in (("prp", summary.options.prp),
                               ("mesotherapy", summary.options.mesotherapy))
        if any(item.severity == "stop" for item in points.against)
    }
    if summary.leaning in ("prp", "mesotherapy"):
        assert summary.leaning not in stopped
    if summary.leaning == "combination":
        assert not stopped
    if stopped == {"prp", "mesotherapy"}:
        assert summary.leaning in ("doctor_first", "neither_for_now")


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_sure_score_counts_yes_answers(data):
    summary = assess(IntakeAnswers.model_validate(data))
    yes = sum(data[key] == "yes" for key in
              ("sure_sure", "sure_understand", "sure_risks_benefits", "sure_encouragement"))
    assert summary.decision_readiness.sure_score == yes
    assert len(summary.decision_readiness.needs) == 4 - yes


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_deterministic(data):
    first = assess(IntakeAnswers.model_validate(data))
    second = assess(IntakeAnswers.model_validate(json.loads(json.dumps(data))))
    assert first.model_dump_json(by_alias=True) == second.model_dump_json(by_alias=True)
