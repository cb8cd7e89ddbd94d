"""Every questionnaire fact is written once, in assessments/intake.py (issue 27 point 1):
the messages, what "answered" means, the key -> step map and the conditions. The step
forms, the views and questionnaire.js read them; these tests fail when a copy appears."""

import ast
import re
from pathlib import Path

import pytest
from django.http import QueryDict
from django.urls import reverse

from assessments import forms, intake
from assessments.views import next_step_url

ROOT = Path(__file__).resolve().parents[2]


def _strings(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_the_step_forms_have_no_message_of_their_own():
    sentences = [text for text in _strings(ROOT / "assessments" / "forms.py")
                 if re.search(r"\b(Please|Select|cannot|characters)\b", text)]
    assert sentences == []


def test_questionnaire_js_names_no_question_and_no_answer():
    """The live reveal gets its rules from the page (intake's conditions as data)."""
    script = (ROOT / "static" / "assessments" / "js" / "questionnaire.js").read_text()
    quoted = set(re.findall(r"""["']([a-z][a-z0-9_]+)["']""", script))
    names = set(intake.QUESTIONS) | {step.checklist.key for step in intake.STEPS if step.checklist}
    values = {value for question in intake.QUESTIONS.values() for value in question.values}
    assert quoted & (names | values - {"none"}) == set()


KEY_TO_STEP_SEARCH = re.compile(
    r"for \w+ in (intake\.)?STEPS\b[^\n]*\.key ==|\.key\s*==\s*\w+[^\n]*for \w+ in \w+\.questions"
    r"|for \w+ in (intake\.)?STEPS if [^\n]*\.questions"
    r"|\{\s*\w+\.key\s*:\s*\w+(\.\w+)?\s+for \w+ in (intake\.)?STEPS"
)


def test_only_intake_maps_keys_to_steps():
    """intake.STEP_OF is the one search from a question to its page, tests included."""
    copies = [
        str(path.relative_to(ROOT))
        for folder in ("assessments", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "intake.py" and path != Path(__file__)
        and KEY_TO_STEP_SEARCH.search(path.read_text())
    ]
    assert copies == []
    assert all(intake.STEP_OF[q.key] is step for step in intake.STEPS for q in step.questions)


def test_conditions_are_data_that_python_evaluates():
    """``Question.applies`` is the condition's rules, evaluated: nothing else decides."""
    for question in intake.QUESTIONS.values():
        condition = question.only_if
        if condition is None:
            continue
        assert condition.rules and not hasattr(condition, "test")
        for key, mode, values in condition.rules:
            assert mode in {"any_of", "none_of"}
            assert set(values) <= set(intake.QUESTIONS[key].values), (question.key, key)
        for key in condition.reads:
            for value in intake.QUESTIONS[key].values:
                chosen = [value] if intake.QUESTIONS[key].kind == "multi" else value
                answers = {"sex_at_birth": "female", "hormone_medicines": ["testosterone"],
                           key: chosen}
                expected = all(
                    (set(intake.selected_values(answers, k)) & set(v)) != set()
                    if m == "any_of" else not set(intake.selected_values(answers, k)) & set(v)
                    for k, m, v in condition.rules
                )
                assert question.applies(answers) is expected


# One message for each rule: the step page and the intake model (review page, FHIR,
# ``assess``) say the same thing about the same bad answer.
SAME_RULE_CASES = [
    ("triggers_recent", ["none", "surgery"]),
    ("allergies", ["none_known", "latex"]),
    ("pattern", ["receding_temples", "receding_temples"]),
    ("priorities", ["low_cost", "own_body", "fast_change", "fewer_visits"]),
    ("allergy_other_details", "x" * 230),
    ("age_band", "42"),
    ("blood_thinners", []),
]


@pytest.mark.parametrize(("key", "bad"), SAME_RULE_CASES, ids=[c[0] for c in SAME_RULE_CASES])
def test_step_form_and_intake_give_one_message(key, bad, baseline_answers):
    question = intake.QUESTIONS[key]
    field = forms.field_for(question)
    try:
        field.clean(bad)
        form_messages = []
    except forms.ValidationError as error:
        form_messages = error.messages
    answers = {**baseline_answers, key: bad}
    if key == "allergy_other_details":
        answers["allergies"] = ["other"]
    try:
        intake.IntakeAnswers.model_validate(answers)
        model_messages = []
    except intake.ValidationError as error:
        model_messages = intake.field_errors(error)[key]
    assert form_messages and form_messages == model_messages


def test_the_checklist_says_none_of_these_as_the_questions_do():
    form = forms.StepForm(
        QueryDict("health_checklist=none&health_checklist=cancer"),
        step=intake.STEP_OF["allergies"], answers={"sex_at_birth": "male"},
    )
    assert not form.is_valid()
    assert form.errors["health_checklist"] == [intake.exclusive_message("None of these")]


def test_one_meaning_of_answered():
    assert not intake.is_answered(None) and not intake.is_answered("  ")
    assert not intake.is_answered([]) and intake.is_answered(["none"])
    answers = {"sex_at_birth": "male", "age_band": "25_34", "family_plans": " "}
    assert intake.first_incomplete_step(answers) == 1  # blank text is no answer
    answers["family_plans"] = "no"
    assert intake.first_incomplete_step(answers) == 2


class TestNextStepUrl:
    """Where Next leads, from the answers saved (a pure function of them)."""

    def test_questions_that_just_appeared_are_asked_on_the_same_page(self):
        url = next_step_url(3, {}, new_unanswered=["bleeding_disorder", "cancer"],
                            return_to_review=False)
        assert url == reverse("assessments:step", args=[3]) + (
            "?new=bleeding_disorder,cancer#question-bleeding_disorder")
        url = next_step_url(3, {}, new_unanswered=["cancer"], return_to_review=True)
        assert url.endswith("?return=review&new=cancer#question-cancer")

    def test_the_next_step_then_the_review_page(self, baseline_answers):
        assert next_step_url(2, {}, new_unanswered=[], return_to_review=False) == reverse(
            "assessments:step", args=[3])
        last = len(intake.STEPS)
        assert next_step_url(last, baseline_answers, new_unanswered=[],
                             return_to_review=False) == reverse("assessments:review")

    def test_from_review_to_the_first_step_still_incomplete(self, baseline_answers):
        answers = {k: v for k, v in baseline_answers.items() if k != "pattern"}
        url = next_step_url(1, answers, new_unanswered=[], return_to_review=True)
        assert url == reverse("assessments:step", args=[intake.STEP_OF["pattern"].number]) + (
            "?return=review")
