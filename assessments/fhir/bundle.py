"""One assessment as a FHIR ``Bundle`` of type ``collection``, ready for a health record.

The bundle holds the answers (``QuestionnaireResponse``) and the summary PDF
(``DocumentReference``, the PDF attached), then the decision recorded at the visit
(``Observation``) and the follow-ups (``QuestionnaireResponse``s to the regret scale)
when there are any. Neither names a subject: hairtx does not know
who the person is. Both carry the reference code as an identifier in the clinic's
system, which is how the clinic finds the record to attach them to.

Entry ``fullUrl``s are ``urn:uuid:``s derived from the identifier system and the
reference code, so exporting the same assessment twice gives the same ids and an import
can recognise a resource it already has.
"""

import base64
import hashlib
import uuid
from datetime import datetime
from typing import Protocol

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.documentreference import DocumentReference

from assessments.intake_versions import read_answers

from .canonical import FhirNames, fhir_names
from .response import answers_response

PDF_TYPE_TEXT = "Decision-support summary: PRP and mesotherapy for hair loss"


class AssessmentRecord(Protocol):
    """What the bundle reads from a stored assessment (``models.Assessment`` has it all)."""

    reference_code: str
    reference_display: str
    answers: dict
    intake_schema: str
    ruleset_version: str
    leaning: str
    created_at: datetime


def entry_uuid(names: FhirNames, reference_code: str, kind: str) -> str:
    """A stable ``urn:uuid:`` for one resource of one assessment."""
    name = f"{names.identifier_system}|{reference_code}|{kind}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def summary_document(
    record: AssessmentRecord,
    *,
    pdf: bytes,
    leaning_label: str,
    response_url: str,
    names: FhirNames,
) -> DocumentReference:
    """The summary PDF as a DocumentReference, pointing at the response it came from."""
    code = record.reference_display
    return DocumentReference(
        identifier=[{"system": names.identifier_system, "value": record.reference_code}],
        status="current",
        docStatus="final",
        type={"text": PDF_TYPE_TEXT},
        date=record.created_at,
        description=(
            f"hairtx summary {code}, rules version {record.ruleset_version}; "
            f"what to discuss: {leaning_label} ({record.leaning})."
        ),
        content=[{
            "attachment": {
                "contentType": "application/pdf",
                "language": "en",
                "data": base64.b64encode(pdf).decode("ascii"),
                "size": len(pdf),
                "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
                "title": f"hairtx summary {code}",
                "creation": record.created_at,
            }
        }],
        context={"related": [{"reference": response_url, "type": "QuestionnaireResponse"}]},
    )


def assessment_bundle(
    record: AssessmentRecord,
    *,
    pdf: bytes,
    leaning_label: str,
    assembled_at: datetime,
    names: FhirNames | None = None,
    extra_entries: list[dict] = (),
) -> Bundle:
    """The answers and the summary PDF of one assessment, as a validated Bundle.

    ``extra_entries`` (the decision and follow-ups, ``assessments.decisions.fhir``) come
    after them.
    """
    names = names or fhir_names()
    # Stored answers keep their intake schema: check them as such, and write them as
    # they were given (schema 2 answers to version 2 of the Questionnaire).
    read_answers(record.answers, stored_schema=record.intake_schema)
    response_url = entry_uuid(names, record.reference_code, "QuestionnaireResponse")
    document_url = entry_uuid(names, record.reference_code, "DocumentReference")
    response = answers_response(
        record.answers,
        schema=record.intake_schema,
        reference_code=record.reference_code,
        authored=record.created_at,
        names=names,
    )
    document = summary_document(
        record, pdf=pdf, leaning_label=leaning_label, response_url=response_url, names=names
    )
    return Bundle(
        identifier={"system": names.identifier_system, "value": record.reference_code},
        type="collection",
        timestamp=assembled_at,
        entry=[
            {"fullUrl": response_url, "resource": response},
            {"fullUrl": document_url, "resource": document},
            *extra_entries,
        ],
    )
