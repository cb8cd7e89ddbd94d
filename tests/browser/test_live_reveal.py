"""questionnaire.js evaluates intake's conditions as the server does (issue 27 point 1).

On every page, for every answer that a hidden question's rules read, the live reveal
shows exactly the questions that the server asks once that answer is saved
(``forms.is_asked``, which evaluates the same condition data in Python)."""

import pytest
from playwright.sync_api import Page

from assessments import intake
from assessments.forms import is_asked
from tests.answers import build_answer_dict
from tests.browser.helpers import draft_at, open_draft

pytestmark = pytest.mark.browser

# Choose only ``values`` for ``key`` (every other answer on the page unticked), then say
# which hidden-at-first questions the script shows.
CHOOSE_AND_READ = """([pageKeys, key, values]) => {
  const form = document.querySelector("form.questionnaire");
  form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach((input) => {
    if (pageKeys.includes(input.name)) { input.checked = false; }
  });
  form.querySelectorAll(`input[name="${key}"]`).forEach((input) => {
    input.checked = values.includes(input.value);
  });
  form.dispatchEvent(new Event("change", {bubbles: true}));
  const shown = {};
  form.querySelectorAll("[data-reveal-when]").forEach((element) => {
    shown[element.id.replace("question-", "")] = !element.hidden;
  });
  return shown;
}"""

PATIENTS = {
    "male": build_answer_dict(sex_at_birth="male"),
    "female": build_answer_dict(sex_at_birth="female"),
}


def _answers_to_try(step: intake.Step, key: str) -> list[list[str]]:
    """Nothing, then each answer alone, for a key some hidden question's rules read."""
    if step.checklist is not None and key == step.checklist.key:
        values = [intake.Checklist.NONE, *(item.key for item in step.checklist.items)]
    else:
        values = list(intake.QUESTIONS[key].values)
    return [[]] + [[value] for value in values]


def _server_shows(step: intake.Step, saved: dict, key: str, values: list[str]) -> dict:
    answers = dict(saved)
    ticks = None
    if step.checklist is not None and key == step.checklist.key:
        ticks = values
    elif values:
        answers[key] = values if intake.QUESTIONS[key].kind == "multi" else values[0]
    return {question.key: is_asked(question, answers, ticks) for question in step.questions}


@pytest.mark.parametrize("patient", PATIENTS)
def test_the_script_shows_what_the_server_asks(page: Page, live_server, patient):
    differences, tried = [], 0
    for step in intake.STEPS:
        draft = draft_at(step.number, PATIENTS[patient])
        open_draft(page, live_server.url, draft)
        assert page.url.endswith(f"/questionnaire/step/{step.number}/"), page.url
        rules = page.eval_on_selector_all(
            "[data-reveal-when]", "els => els.map(e => JSON.parse(e.dataset.revealWhen))")
        read_keys = sorted({rule[0] for question_rules in rules for rule in question_rules})
        page_keys = sorted(step.keys | ({step.checklist.key} if step.checklist else set()))
        for key in read_keys:
            for values in _answers_to_try(step, key):
                shown = page.evaluate(CHOOSE_AND_READ, [page_keys, key, values])
                expected = _server_shows(step, draft.answers, key, values)
                tried += 1
                differences += [
                    (step.slug, key, values, question, seen)
                    for question, seen in shown.items() if seen != expected[question]
                ]
    assert differences == []
    assert tried > 60  # every page with hidden questions was tried, value by value
