"""The intake as a FHIR Questionnaire: valid, complete and faithful to intake.py."""

import json

from fhir.resources.R4B.questionnaire import Questionnaire
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import intake
from assessments.fhir.questionnaire import (
    ITEM_CONTROL,
    MAX_OCCURS,
    OPTION_EXCLUSIVE,
    intake_questionnaire,
)

from .helpers import enabled, walk


def questionnaire_json() -> dict:
    return json.loads(intake_questionnaire().model_dump_json())


def question_items() -> dict[str, dict]:
    return {
        item["linkId"]: item
        for item in walk(questionnaire_json()["item"])
        if item["type"] not in {"group", "display"}
    }


def test_it_validates_with_fhir_resources_and_survives_its_json():
    data = questionnaire_json()
    parsed = Questionnaire.model_validate(data)
    assert json.loads(parsed.model_dump_json()) == data
    assert data["resourceType"] == "Questionnaire"
    assert data["status"] == "active"


def test_canonical_url_and_version(settings):
    settings.HAIRTX_FHIR_QUESTIONNAIRE_URL = "https://clinic.example/fhir/Questionnaire/x"
    data = questionnaire_json()
    assert data["url"] == "https://clinic.example/fhir/Questionnaire/x"
    assert data["version"] == intake.SCHEMA_VERSION
    assert data["id"] == "hairtx-intake"


def test_one_group_per_step_with_its_questions_in_order():
    groups = questionnaire_json()["item"]
    assert [group["linkId"] for group in groups] == [step.slug for step in intake.STEPS]
    for group, step in zip(groups, intake.STEPS, strict=True):
        assert group["type"] == "group"
        assert group["text"] == step.title
        questions = [item["linkId"] for item in group["item"] if item["type"] != "display"]
        assert questions == [question.key for question in step.questions]
        intro = group["item"][0]
        assert intro["type"] == "display" and intro["text"] == step.intro


def test_every_intake_key_and_value_appears_with_its_wording():
    items = question_items()
    assert list(items) == list(intake.QUESTIONS)
    for key, question in intake.QUESTIONS.items():
        item = items[key]
        assert item["text"] == question.label
        assert item.get("required", False) is question.required, key
        if question.kind == "text":
            assert item["type"] == "string"
            assert item["maxLength"] == question.max_length
            assert "answerOption" not in item
            continue
        assert item["type"] == "choice"
        assert item["repeats"] is (question.kind == "multi"), key
        options = [option["valueCoding"] for option in item["answerOption"]]
        assert [option["code"] for option in options] == list(question.values)
        assert [option["display"] for option in options] == [c.label for c in question.choices]
        assert {option["system"] for option in options} == {
            "https://hairtx.example/fhir/CodeSystem/hairtx-intake-answers"
        }


def test_link_ids_are_unique():
    link_ids = [item["linkId"] for item in walk(questionnaire_json()["item"])]
    assert len(link_ids) == len(set(link_ids))


def test_help_texts_are_display_items_marked_as_help():
    items = question_items()
    for key, question in intake.QUESTIONS.items():
        helps = [child for child in items[key].get("item", []) if child["type"] == "display"]
        choice_help = [choice for choice in question.choices if choice.help]
        if not question.help_text and not choice_help:
            assert not helps, key
            continue
        (help_item,) = helps
        assert help_item["extension"][0]["url"] == ITEM_CONTROL
        assert help_item["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "help"
        assert question.help_text in help_item["text"]
        for choice in choice_help:
            assert choice.help in help_item["text"], (key, choice.value)


def test_exclusive_answers_and_the_most_priorities_are_marked():
    items = question_items()
    for key, question in intake.QUESTIONS.items():
        if question.kind != "multi":
            continue
        exclusive = [
            option["valueCoding"]["code"]
            for option in items[key]["answerOption"]
            if {"url": OPTION_EXCLUSIVE, "valueBoolean": True} in option.get("extension", [])
        ]
        assert exclusive == ([question.exclusive] if question.exclusive else []), key
    assert items["priorities"]["extension"] == [
        {"url": MAX_OCCURS, "valueInteger": intake.MAX_PRIORITIES}
    ]


def test_every_enable_when_names_an_earlier_question_and_one_of_its_answers():
    order = list(question_items())
    items = question_items()
    conditional = [key for key, item in items.items() if "enableWhen" in item]
    assert set(conditional) == {k for k, q in intake.QUESTIONS.items() if q.only_if}
    for key in conditional:
        item = items[key]
        if len(item["enableWhen"]) > 1:
            assert item["enableBehavior"] in {"all", "any"}
        for test in item["enableWhen"]:
            target = items[test["question"]]  # KeyError: names no question
            assert order.index(test["question"]) < order.index(key)
            codes = {option["valueCoding"]["code"] for option in target["answerOption"]}
            assert test["answerCoding"]["code"] in codes, (key, test)
            assert test["answerCoding"]["system"] == target["answerOption"][0]["valueCoding"][
                "system"
            ]


def test_sex_at_birth_condition_reads_as_not_male():
    periods = question_items()["periods"]
    assert periods["enableWhen"] == [{
        "question": "sex_at_birth",
        "operator": "!=",
        "answerCoding": {
            "system": "https://hairtx.example/fhir/CodeSystem/hairtx-intake-answers",
            "code": "male",
        },
    }]
    assert "enableBehavior" not in periods


QUESTION_ITEMS = question_items()  # with the default settings; built once for hypothesis


@st.composite
def partial_answer_sets(draw) -> dict:
    """Any subset of questions with any of their values: not valid, just varied."""
    answers = {}
    for key, question in intake.QUESTIONS.items():
        if question.kind == "text" or not draw(st.booleans()):
            continue
        if question.kind == "one":
            answers[key] = draw(st.sampled_from(question.values))
        else:
            answers[key] = draw(st.lists(st.sampled_from(question.values), min_size=1,
                                         max_size=4, unique=True))
    return answers


@settings(max_examples=300, deadline=None)
@given(partial_answer_sets())
def test_enable_when_agrees_with_the_intake_conditions(answers):
    """A FHIR form filler asks a question exactly when hairtx's questionnaire does."""
    items = QUESTION_ITEMS
    for key, question in intake.QUESTIONS.items():
        assert enabled(items[key], answers) == question.applies(answers), (key, answers)


def test_it_holds_no_patient_data():
    data = questionnaire_json()
    assert "subject" not in data
    assert not [item for item in walk(data["item"]) if "answer" in item or "initial" in item]


def test_breastfeeding_now_is_asked_of_everyone_not_male():
    """Intake schema 3: picked up from intake.py with nothing by hand."""
    (about_you,) = [g for g in questionnaire_json()["item"] if g["linkId"] == "about-you"]
    item = next(i for i in about_you["item"] if i["linkId"] == "breastfeeding_now")
    assert item["enableWhen"] == [{
        "question": "sex_at_birth",
        "operator": "!=",
        "answerCoding": {
            "system": "https://hairtx.example/fhir/CodeSystem/hairtx-intake-answers",
            "code": "male",
        },
    }]


def test_testosterone_purpose_needs_both_of_its_conditions():
    """A condition of two rules: testosterone taken, and not male at birth (all must hold)."""
    (health,) = [g for g in questionnaire_json()["item"] if g["linkId"] == "health"]
    item = next(i for i in health["item"] if i["linkId"] == "testosterone_purpose")
    assert [(test["question"], test["operator"], test["answerCoding"]["code"])
            for test in item["enableWhen"]] == [
        ("hormone_medicines", "=", "testosterone"), ("sex_at_birth", "!=", "male")]
    assert item["enableBehavior"] == "all"


def test_hormone_medicines_is_asked_of_everyone_in_the_health_step():
    (health,) = [g for g in questionnaire_json()["item"] if g["linkId"] == "health"]
    item = next(i for i in health["item"] if i["linkId"] == "hormone_medicines")
    assert "enableWhen" not in item
    assert item["repeats"] is True and item["required"] is True
    none = item["answerOption"][0]
    assert none["valueCoding"]["code"] == "none"
    assert none["extension"] == [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}]


def test_fhir_invariants_that_fhir_resources_does_not_check():
    """que-1, que-5, que-6, que-10 and que-12 of the R4 Questionnaire resource."""
    for item in walk(questionnaire_json()["item"]):
        kind = item["type"]
        if kind == "group":
            assert item.get("item"), item["linkId"]  # que-1: groups have items
        if kind == "display":
            assert not item.get("item") and "required" not in item and "repeats" not in item
        if "answerOption" in item:
            assert kind == "choice"  # que-5
        if "maxLength" in item:
            assert kind == "string"  # que-10
        if len(item.get("enableWhen", [])) > 1:
            assert item["enableBehavior"] in {"all", "any"}  # que-12
