"""Answers -> QuestionnaireResponse -> answers, and responses that do not fit refused."""

import copy
import json
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import intake
from assessments.fhir.response import ResponseMismatch, answers_response, response_answers
from assessments.rules import assess
from tests.answers import build_answer_dict
from tests.answers import valid_answer_sets

from .helpers import example_answers, walk

SYSTEM = "https://hairtx.example/fhir/CodeSystem/hairtx-intake-answers"
CANONICAL = "https://hairtx.example/fhir/Questionnaire/hairtx-intake"


def response_json(answers: dict, **kwargs) -> dict:
    model = answers_response(intake.IntakeAnswers.model_validate(answers), **kwargs)
    return json.loads(model.model_dump_json())


def round_trip(answers: dict) -> intake.IntakeAnswers:
    return response_answers(response_json(answers))


@pytest.mark.parametrize(("name", "answers"), sorted(example_answers().items()))
def test_every_worked_example_round_trips_to_the_same_answers_and_summary(name, answers):
    original = intake.IntakeAnswers.model_validate(answers)
    back = round_trip(answers)
    assert back == original
    assert assess(back) == assess(original)


@settings(max_examples=150, deadline=None)
@given(valid_answer_sets())
def test_generated_answer_sets_round_trip(answers):
    original = intake.IntakeAnswers.model_validate(answers)
    back = round_trip(answers)
    assert back == original
    assert assess(back) == assess(original)


def test_the_response_is_valid_fhir_nested_by_step():
    answers = build_answer_dict(allergies=["other"], allergy_other_details="Plasters")
    authored = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    data = response_json(answers, reference_code="ABCD2345", authored=authored)
    assert QuestionnaireResponse.model_validate(data)
    assert data["status"] == "completed"
    assert data["questionnaire"] == f"{CANONICAL}|{intake.SCHEMA_VERSION}"
    assert data["identifier"] == {
        "system": "https://hairtx.example/fhir/reference-code", "value": "ABCD2345"
    }
    assert data["authored"].startswith("2026-11-30T09:15:00")
    assert "subject" not in data
    for group in data["item"]:
        assert "answer" not in group
        for item in group["item"]:
            assert intake.STEP_OF[item["linkId"]].slug == group["linkId"]
    answered = {item["linkId"]: item for item in walk(data["item"]) if "answer" in item}
    assert set(answered) == set(answers)
    assert answered["allergy_other_details"]["answer"] == [{"valueString": "Plasters"}]
    assert answered["pattern"]["answer"] == [{"valueCoding": {
        "system": SYSTEM, "code": "receding_temples",
        "display": intake.QUESTIONS["pattern"].label_for("receding_temples"),
    }}]


def test_identifier_system_is_the_clinics(settings):
    settings.HAIRTX_FHIR_IDENTIFIER_SYSTEM = "https://clinic.example/ids/hairtx"
    data = response_json(build_answer_dict(), reference_code="ABCD2345")
    assert data["identifier"]["system"] == "https://clinic.example/ids/hairtx"


# ---------------------------------------------------------------------------
# Responses that do not fit
# ---------------------------------------------------------------------------

BASE = build_answer_dict()


def item(data: dict, link_id: str) -> dict:
    return next(found for found in walk(data["item"]) if found["linkId"] == link_id)


def group_of(data: dict, link_id: str) -> dict:
    return next(g for g in data["item"] if any(i["linkId"] == link_id for i in g["item"]))


def coded(code: str, system: str = SYSTEM) -> dict:
    return {"valueCoding": {"system": system, "code": code}}


def unknown_question(data):
    data["item"][0]["item"].append({"linkId": "favourite_colour", "answer": [coded("blue")]})


def question_outside_its_group(data):
    smoking = item(data, "smoking")
    group_of(data, "smoking")["item"].remove(smoking)
    data["item"].append(smoking)


def question_in_another_group(data):
    smoking = item(data, "smoking")
    group_of(data, "smoking")["item"].remove(smoking)
    data["item"][0]["item"].append(smoking)


def code_not_an_option(data):
    item(data, "smoking")["answer"] = [coded("sometimes")]


def code_from_another_system(data):
    item(data, "smoking")["answer"] = [coded("no", system="http://snomed.info/sct")]


def text_for_a_choice(data):
    item(data, "smoking")["answer"] = [{"valueString": "no"}]


def two_answers_to_a_single_choice(data):
    item(data, "smoking")["answer"] = [coded("no"), coded("yes")]


def required_question_left_out(data):
    group = group_of(data, "smoking")
    group["item"] = [i for i in group["item"] if i["linkId"] != "smoking"]


def question_that_does_not_apply(data):
    # A man with receding temples is not asked the female-pattern scale.
    group_of(data, "norwood_stage")["item"].append(
        {"linkId": "ludwig_stage", "answer": [coded("ludwig_1")]}
    )


def none_with_another_answer(data):
    item(data, "blood_thinners")["answer"] = [coded("none"), coded("doac")]


def free_text_too_long(data):
    item(data, "allergies")["answer"] = [coded("other")]
    group_of(data, "allergies")["item"].insert(1, {
        "linkId": "allergy_other_details", "answer": [{"valueString": "x" * 201}]
    })


def not_fhir_shaped(data):
    item(data, "smoking")["answer"] = [{"valueString": "no", "valueCoding": {"code": "no"}}]


def answered_twice(data):
    group_of(data, "smoking")["item"].append(copy.deepcopy(item(data, "smoking")))


def item_nested_in_an_answer(data):
    item(data, "smoking")["answer"][0]["item"] = [{"linkId": "goal", "answer": [coded("x")]}]


MISFITS = [
    (unknown_question, "favourite_colour", "no such question"),
    (question_outside_its_group, "smoking", "belongs inside the group 'health'"),
    (question_in_another_group, "smoking", "belongs in the group 'health', not 'about-you'"),
    (code_not_an_option, "smoking", "'sometimes' is not one of this question's answers"),
    (code_from_another_system, "smoking", "the code system is http://snomed.info/sct"),
    (text_for_a_choice, "smoking", "must be a Coding"),
    (two_answers_to_a_single_choice, "smoking", "takes one answer, and 2 were given"),
    (required_question_left_out, "smoking", "Select whether you smoke"),
    (question_that_does_not_apply, "ludwig_stage", "does not apply to your other answers"),
    (none_with_another_answer, "blood_thinners", "cannot be combined with other answers"),
    (free_text_too_long, "allergy_other_details", "200 characters or fewer"),
    (not_fhir_shaped, "smoking", "but got multiple"),
    (answered_twice, "smoking", "answered more than once"),
    (item_nested_in_an_answer, "smoking", "has no items inside it"),
]


@pytest.mark.parametrize(("spoil", "link_id", "reason"), MISFITS,
                         ids=[spoil.__name__ for spoil, _, _ in MISFITS])
def test_a_misfit_is_refused_with_its_link_id_and_reason(spoil, link_id, reason):
    data = response_json(BASE)
    spoil(data)
    with pytest.raises(ResponseMismatch) as caught:
        response_answers(data)
    matching = [p for p in caught.value.problems if p.link_id == link_id]
    assert matching, caught.value.problems
    assert any(reason in p.reason for p in matching), caught.value.problems


@pytest.mark.parametrize(("change", "reason"), [
    ({"questionnaire": "https://other.example/Questionnaire/phq-9"}, "not " + CANONICAL),
    ({"questionnaire": f"{CANONICAL}|0"}, "for version 0 of the questionnaire"),
    ({"status": "in-progress"}, "only a completed response can be assessed"),
])
def test_a_response_to_something_else_is_refused(change, reason):
    data = {**response_json(BASE), **change}
    with pytest.raises(ResponseMismatch) as caught:
        response_answers(data)
    assert [p.link_id for p in caught.value.problems] == ["QuestionnaireResponse"]
    assert reason in caught.value.problems[0].reason


def test_every_problem_is_reported_at_once():
    data = response_json(BASE)
    code_not_an_option(data)
    none_with_another_answer(data)
    with pytest.raises(ResponseMismatch) as caught:
        response_answers(data)
    assert {p.link_id for p in caught.value.problems} == {"smoking", "blood_thinners"}


def test_a_version_free_canonical_and_an_amended_response_are_accepted():
    data = {**response_json(BASE), "questionnaire": CANONICAL, "status": "amended"}
    assert response_answers(data) == intake.IntakeAnswers.model_validate(BASE)


def test_item_text_and_display_are_informative_only():
    """A form tool may word things its own way; hairtx reads the codes."""
    data = response_json(BASE)
    item(data, "smoking")["text"] = "Tabak?"
    item(data, "smoking")["answer"][0]["valueCoding"]["display"] = "Nein"
    assert response_answers(data).smoking == "no"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["smoking", "health", "no", SYSTEM, "valueCoding", "answer", "item"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["linkId", "item", "answer", "valueCoding", "valueString", "code",
                         "system", "text", "status", "questionnaire", "extension"]),
        inner, max_size=4,
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON_VALUES, max_size=3), st.sampled_from(["completed", "amended", 3, None]))
def test_any_json_is_either_read_or_refused_with_reasons(items, status):
    """Never another exception: a bad file gets messages, not a traceback."""
    data = {"resourceType": "QuestionnaireResponse", "status": status, "item": items}
    with pytest.raises(ResponseMismatch) as caught:
        response_answers(data)
    assert caught.value.problems
    assert all(problem.link_id and problem.reason for problem in caught.value.problems)
