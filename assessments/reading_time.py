"""How long the questionnaire takes, by the project's own reading model (no Django).

The model (docs/patient-experience.md): the words on each page read at 200 words a
minute, plus 4 seconds to answer each question and 1.5 seconds to load each page. The
words are the ones ``intake`` puts on the page for a given set of answers: each step's
title and intro, and each question shown with its help and its answers (the health
checklist and the per-treatment results as the page shows them), plus the few words
every page has (progress, buttons). ``scripts/measure_patient_experience.py`` measures
the same thing in a browser; a browser test keeps the two within reach of each other
and the start page's estimate above what the issue's three patients take.
"""

import math
from collections.abc import Mapping

from assessments import intake

WORDS_PER_MINUTE = 200
SECONDS_PER_QUESTION = 4
SECONDS_PER_PAGE = 1.5
# "Step 2 of 5", "Next", "Back", "Save and continue later" (templates/assessments/step.html).
WORDS_ON_EVERY_PAGE = 10
RESULT_GROUP_WORDS = len("How did each one go? One answer for each treatment you ticked above.".split())


def _words(*texts: str) -> int:
    return sum(len(text.split()) for text in texts)


def _question_words(question: intake.Question, leave_out: str | None = None) -> int:
    return _words(question.label, question.help_text) + sum(
        _words(choice.label, choice.help)
        for choice in question.choices
        if choice.value != leave_out
    )


def page_cost(step: intake.Step, answers: Mapping[str, object]) -> tuple[int, int]:
    """(words, questions) of ``step`` as a patient with these answers sees it."""
    words = WORDS_ON_EVERY_PAGE + _words(step.title, step.intro)
    questions = 0
    checklist = step.checklist
    if checklist is not None:
        questions += 1
        words += _words(checklist.label, checklist.help_text, "None of these") + sum(
            _words(item.label, item.help) for item in checklist.items
        )
    results_shown = False
    for question in step.questions:
        if not question.applies(answers):
            continue
        item = checklist.item_for(question.key) if checklist else None
        if item is not None:
            if item.yes_value or intake.selected_values(answers, item.key) == {item.none_value}:
                continue  # answered by the checklist
            words += _question_words(question, leave_out=item.none_value)
        elif question.key in intake.RESULT_KEYS:
            if not results_shown:
                words += RESULT_GROUP_WORDS
                results_shown = True
            words += _question_words(question) - _words(question.label) + _words(
                intake.QUESTIONS["treatments_tried"].label_for(intake.RESULT_KEYS[question.key])
            )
        else:
            words += _question_words(question)
        questions += 1
    return words, questions


def estimated_seconds(answers: Mapping[str, object]) -> float:
    """The whole questionnaire for someone who gives these answers."""
    seconds = 0.0
    for step in intake.STEPS:
        words, questions = page_cost(step, answers)
        seconds += 60 * words / WORDS_PER_MINUTE + SECONDS_PER_QUESTION * questions
        seconds += SECONDS_PER_PAGE
    return seconds


def _quiet_answers(sex_at_birth: str) -> dict:
    """Someone with nothing to report: "none" or "no" wherever it is offered."""
    answers: dict = {"sex_at_birth": sex_at_birth}
    for key, question in intake.QUESTIONS.items():
        if key in answers or not question.choices:
            continue
        if question.exclusive:
            answers[key] = [question.exclusive]
        elif "no" in question.values:
            answers[key] = "no"
        elif "never" in question.values:
            answers[key] = "never"
        else:
            answers[key] = question.values[0]
    return intake.drop_inapplicable(answers)


def _with_more_to_say() -> dict:
    """A woman with three health lines ticked and two treatments tried."""
    answers = _quiet_answers("female")
    answers.update(
        bleeding_disorder=["anaemia"], blood_thinners=["aspirin_or_nsaid_self_bought_regularly"],
        other_conditions=["autoimmune_disease"],
        treatments_tried=["minoxidil_topical", "supplements"], result_minoxidil_topical="helped",
    )
    return intake.drop_inapplicable(answers)


def minutes_estimate() -> str:
    """What the start page says: from someone with nothing to report to someone with a
    few things to tell, in whole minutes (rounded down, then up)."""
    fewest = min(estimated_seconds(_quiet_answers(sex)) for sex in ("male", "female"))
    most = estimated_seconds(_with_more_to_say())
    return f"{math.floor(fewest / 60)} to {math.ceil(most / 60)}"
