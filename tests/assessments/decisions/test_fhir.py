"""The decision and the follow-ups in the FHIR export, and the regret Questionnaire."""

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from assessments.decisions import regret
from assessments.decisions.fhir import regret_questionnaire, regret_questionnaire_url
from assessments.decisions.services import follow_up_record
from assessments.fhir.canonical import fhir_names
from assessments.fhir.export import bundle_json
from tests.assessments.factories import make_assessment, make_staff

from .helpers import move_decision_back, record

pytestmark = pytest.mark.django_db

ASSEMBLED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _by_link(items):
    return {item["linkId"]: item for item in items}


def test_the_questionnaire_is_the_scale_as_asked():
    questionnaire = json.loads(regret_questionnaire(fhir_names()).model_dump_json())
    assert Questionnaire.model_validate(questionnaire)
    items = _by_link(questionnaire["item"])
    assert [items[key]["text"] for key in regret.ITEM_KEYS] == [t for _, t in regret.ITEMS]
    assert items["introduction"]["text"] == regret.INTRODUCTION
    assert [o["valueCoding"]["display"] for o in items["regret_1"]["answerOption"]] == list(
        regret.RESPONSES.values())
    assert items["regret_score"]["readOnly"] is True
    assert "Brehaut" in questionnaire["copyright"]


def test_the_questionnaire_is_published(client):
    response = client.get(reverse("fhir:regret_questionnaire"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert json.loads(response.content)["url"] == regret_questionnaire_url(fhir_names())


def test_no_decision_no_extra_entries():
    data = json.loads(bundle_json(make_assessment(), assembled_at=ASSEMBLED))
    assert [e["resource"]["resourceType"] for e in data["entry"]] == [
        "QuestionnaireResponse", "DocumentReference"]


def test_the_decision_and_the_follow_up_in_the_bundle():
    assessment = make_assessment()
    record(assessment, make_staff(), option="mesotherapy", notes="Six sessions.",
           sure_sure="no")
    move_decision_back(assessment, days=100)
    follow_up_record(assessment=assessment, responses=[2, 4, 2, 4, 2], hair_change="too_early")
    data = json.loads(bundle_json(assessment, assembled_at=ASSEMBLED))
    assert Bundle.model_validate(data)
    kinds = [e["resource"]["resourceType"] for e in data["entry"]]
    assert kinds == ["QuestionnaireResponse", "DocumentReference", "Observation",
                     "QuestionnaireResponse"]
    observation = data["entry"][2]["resource"]
    assert observation["valueCodeableConcept"]["coding"][0]["code"] == "mesotherapy"
    assert observation["note"] == [{"text": "Six sessions."}]
    assert observation["derivedFrom"][0]["reference"] == data["entry"][0]["fullUrl"]
    components = {c["code"]["coding"][0]["code"]: c for c in observation["component"]}
    assert components["sure_sure"]["valueCodeableConcept"]["coding"][0]["code"] == "no"
    assert components["sure_score"]["valueInteger"] == 3
    follow_up = data["entry"][3]["resource"]
    assert follow_up["questionnaire"].startswith(regret_questionnaire_url(fhir_names()))
    answers = _by_link(follow_up["item"])
    assert answers["regret_score"]["answer"] == [{"valueInteger": 25}]
    assert answers["hair_change"]["answer"][0]["valueCoding"]["code"] == "too_early"
    # Every answer is one the Questionnaire offers.
    offered = _by_link(json.loads(regret_questionnaire(fhir_names()).model_dump_json())["item"])
    for key in regret.ITEM_KEYS:
        assert answers[key]["answer"][0] in offered[key]["answerOption"]
    text = json.dumps(data)
    assert "subject" not in text and "nurse" not in text  # nobody is named
