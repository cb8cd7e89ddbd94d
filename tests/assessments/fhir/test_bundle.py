"""One assessment as a FHIR Bundle: answers plus the summary PDF, no subject."""

import base64
import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.core.files.storage import default_storage
from fhir.resources.R4B.bundle import Bundle

from assessments import intake
from assessments.fhir.export import bundle_json
from assessments.fhir.response import response_answers
from tests.assessments.factories import RED_FLAG, make_assessment

pytestmark = pytest.mark.django_db

ASSEMBLED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def exported(assessment) -> dict:
    return json.loads(bundle_json(assessment, assembled_at=ASSEMBLED))


def test_bundle_validates_and_holds_the_response_and_the_pdf():
    assessment = make_assessment(**RED_FLAG)
    text = bundle_json(assessment, assembled_at=ASSEMBLED)
    assert "\n" not in text  # one NDJSON line
    data = json.loads(text)
    assert Bundle.model_validate(data)
    assert data["type"] == "collection"
    assert data["timestamp"].startswith("2026-12-01T12:00:00")
    kinds = [entry["resource"]["resourceType"] for entry in data["entry"]]
    assert kinds == ["QuestionnaireResponse", "DocumentReference"]
    assert "subject" not in json.dumps(data)


def test_the_response_gives_back_the_stored_answers():
    assessment = make_assessment(
        sex_at_birth="female", pregnancy="gave_birth_last_12_months", breastfeeding_now="yes"
    )
    response = exported(assessment)["entry"][0]["resource"]
    assert response_answers(response) == intake.IntakeAnswers.model_validate(assessment.answers)
    assert response["identifier"]["value"] == assessment.reference_code
    assert response["authored"].startswith(assessment.created_at.strftime("%Y-%m-%dT%H:%M:%S"))


def test_the_document_is_the_stored_summary_pdf():
    assessment = make_assessment(**RED_FLAG)
    data = exported(assessment)
    document = data["entry"][1]["resource"]
    attachment = document["content"][0]["attachment"]
    with default_storage.open(assessment.pdf_name, "rb") as stored:
        pdf = stored.read()
    assert base64.b64decode(attachment["data"]) == pdf
    assert pdf.startswith(b"%PDF")
    assert attachment["contentType"] == "application/pdf"
    assert attachment["size"] == len(pdf)
    assert base64.b64decode(attachment["hash"]) == hashlib.sha1(pdf).digest()
    assert attachment["title"] == f"hairtx summary {assessment.reference_display}"
    assert document["status"] == "current" and document["docStatus"] == "final"
    assert document["date"].startswith(assessment.created_at.strftime("%Y-%m-%dT%H:%M"))
    assert assessment.ruleset_version in document["description"]
    assert "(doctor_first)" in document["description"]
    assert document["identifier"][0]["value"] == assessment.reference_code
    # The document points at the response it summarises, inside the bundle.
    assert document["context"]["related"][0]["reference"] == data["entry"][0]["fullUrl"]


def test_entry_ids_are_stable_across_exports_and_differ_between_assessments():
    first, second = make_assessment(), make_assessment()
    urls = [entry["fullUrl"] for entry in exported(first)["entry"]]
    assert urls == [entry["fullUrl"] for entry in exported(first)["entry"]]
    assert not set(urls) & {entry["fullUrl"] for entry in exported(second)["entry"]}
    assert all(url.startswith("urn:uuid:") for url in urls)


def test_identifiers_use_the_clinics_system(settings):
    settings.HAIRTX_FHIR_IDENTIFIER_SYSTEM = "https://clinic.example/ids/hairtx"
    data = exported(make_assessment())
    identifiers = [data["identifier"]] + [
        data["entry"][0]["resource"]["identifier"], *data["entry"][1]["resource"]["identifier"]
    ]
    assert {identifier["system"] for identifier in identifiers} == {
        "https://clinic.example/ids/hairtx"
    }
