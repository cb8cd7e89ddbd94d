"""Decision quality as FHIR R4B, validated by ``fhir.resources`` like the rest.

- ``regret_questionnaire``: the Decision Regret Scale as a published Questionnaire
  (``/fhir/Questionnaire/hairtx-decision-regret``): an introduction, the five statements
  as ``choice`` items answered 1 (strongly agree) to 5 (strongly disagree), the hair
  question, and the score as a read-only ``integer`` item.
- ``follow_up_response``: one follow-up as a QuestionnaireResponse to it.
- ``decision_observation``: the decision as an Observation: the chosen option as a
  coded value, the day as ``effectiveDateTime``, the SURE answers and score as
  components, the notes as ``note``. Why an Observation: docs/decision-quality.md.

Nothing names a subject or the staff member: hairtx does not know who the patient is,
and the clinic links these to its record by the reference code (``identifier``).
"""

from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from assessments import intake
from assessments.fhir.bundle import entry_uuid
from assessments.fhir.canonical import FhirNames

from . import regret
from .models import SURE_KEYS, Decision, FollowUp
from .options import CHOSEN_OPTIONS

REGRET_QUESTIONNAIRE_ID = "hairtx-decision-regret"
REGRET_VERSION = "1"
SCORE_LINK_ID = "regret_score"
HAIR_LINK_ID = "hair_change"
INTRO_LINK_ID = "introduction"
SCALE_CODE = "decision-regret-scale"
DECISION_CODE = "treatment-decision"
SURE_SCORE_CODE = "sure_score"


def _sibling(names: FhirNames, kind: str, name: str) -> str:
    """A canonical URL beside the intake's (same site, another resource)."""
    base = names.questionnaire_url.rsplit("/Questionnaire/", 1)[0]
    return f"{base}/{kind}/{name}"


def regret_questionnaire_url(names: FhirNames) -> str:
    return _sibling(names, "Questionnaire", REGRET_QUESTIONNAIRE_ID)


def options_code_system_url(names: FhirNames) -> str:
    return _sibling(names, "CodeSystem", "hairtx-decision-options")


def _scale_system(names: FhirNames) -> str:
    return _sibling(names, "CodeSystem", "hairtx-decision-regret-answers")


def _response_coding(response: int, names: FhirNames) -> dict:
    return {"system": _scale_system(names), "code": str(response),
            "display": regret.RESPONSES[response]}


def _hair_coding(value: str, names: FhirNames) -> dict:
    return {"system": _scale_system(names), "code": value,
            "display": regret.HAIR_CHANGES[value]}


def regret_questionnaire(names: FhirNames) -> Questionnaire:
    """The Decision Regret Scale, with the decision named, and the one extra question."""
    statements = [
        {"linkId": key, "prefix": f"{number}.", "text": text, "type": "choice",
         "required": True,
         "answerOption": [{"valueCoding": _response_coding(value, names)}
                          for value in regret.RESPONSES]}
        for number, (key, text) in enumerate(regret.ITEMS, start=1)
    ]
    return Questionnaire(
        id=REGRET_QUESTIONNAIRE_ID,
        url=regret_questionnaire_url(names),
        version=REGRET_VERSION,
        name="HairtxDecisionRegret",
        title="How do you feel about your decision? (Decision Regret Scale)",
        status="active",
        subjectType=["Patient"],
        publisher="hairtx",
        description=(
            "Asked 3 and 12 months after a decision about treating hair loss. Items 1 to 5 "
            "are the Ottawa Decision Regret Scale with the decision named; the score is 0 "
            "(no regret) to 100: items 2 and 4 reversed, (answer - 1) x 25 per item, then "
            "the mean of the five."
        ),
        copyright=f"Decision Regret Scale: {regret.CITATION}. {regret.TERMS}",
        item=[
            {"linkId": INTRO_LINK_ID, "type": "display", "text": regret.INTRODUCTION},
            *statements,
            {"linkId": HAIR_LINK_ID, "text": regret.HAIR_CHANGE_QUESTION, "type": "choice",
             "required": True,
             "answerOption": [{"valueCoding": _hair_coding(value, names)}
                              for value in regret.HAIR_CHANGES]},
            {"linkId": SCORE_LINK_ID, "text": "Regret score (0 no regret to 100)",
             "type": "integer", "readOnly": True},
        ],
    )


def follow_up_response(follow_up: FollowUp, *, reference_code: str,
                       names: FhirNames) -> QuestionnaireResponse:
    """One follow-up's answers and score, as a completed QuestionnaireResponse."""
    items = [
        {"linkId": key, "text": text,
         "answer": [{"valueCoding": _response_coding(response, names)}]}
        for (key, text), response in zip(regret.ITEMS, follow_up.responses)
    ]
    items += [
        {"linkId": HAIR_LINK_ID, "text": regret.HAIR_CHANGE_QUESTION,
         "answer": [{"valueCoding": _hair_coding(follow_up.hair_change, names)}]},
        {"linkId": SCORE_LINK_ID, "text": "Regret score (0 no regret to 100)",
         "answer": [{"valueInteger": follow_up.regret_score}]},
    ]
    return QuestionnaireResponse(
        identifier={"system": names.identifier_system,
                    "value": f"{reference_code}-followup-{follow_up.wave}"},
        questionnaire=f"{regret_questionnaire_url(names)}|{REGRET_VERSION}",
        status="completed",
        authored=follow_up.answered_at,
        item=items,
    )


def decision_observation(decision: Decision, *, reference_code: str, names: FhirNames,
                         answers_url: str | None = None) -> Observation:
    """The decision as a final Observation; ``answers_url`` is the intake response's."""
    components = [
        {"code": {"coding": [{"system": names.code_system_url, "code": key,
                              "display": intake.QUESTIONS[key].label}]},
         "valueCodeableConcept": {"coding": [{"system": names.code_system_url,
                                              "code": getattr(decision, key)}],
                                  "text": getattr(decision, key)}}
        for key in SURE_KEYS
    ]
    components.append({"code": {"coding": [{"system": names.code_system_url,
                                            "code": SURE_SCORE_CODE}],
                                "text": "SURE score at the decision (0 to 4)"},
                       "valueInteger": decision.sure_score})
    observation = {
        "identifier": [{"system": names.identifier_system,
                        "value": f"{reference_code}-decision"}],
        "status": "final",
        "category": [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey", "display": "Survey"}]}],
        "code": {"coding": [{"system": options_code_system_url(names), "code": DECISION_CODE,
                             "display": "Treatment option chosen at the visit"}],
                 "text": "Hair loss treatment decision (shared decision-making)"},
        "effectiveDateTime": decision.decided_on.isoformat(),
        "issued": decision.recorded_at,
        "valueCodeableConcept": {
            "coding": [{"system": options_code_system_url(names), "code": decision.option,
                        "display": CHOSEN_OPTIONS.get(decision.option, decision.option)}],
            "text": CHOSEN_OPTIONS.get(decision.option, decision.option)},
        "component": components,
    }
    if decision.notes:
        observation["note"] = [{"text": decision.notes}]
    if answers_url:
        observation["derivedFrom"] = [{"reference": answers_url,
                                       "type": "QuestionnaireResponse"}]
    return Observation(**observation)


def decision_entries(assessment, *, names: FhirNames) -> list[dict]:
    """Bundle entries for an assessment's decision and follow-ups (none if not recorded)."""
    code = assessment.reference_code
    entries = []
    decision = Decision.objects.filter(assessment=assessment).first()
    if decision is not None:
        entries.append({
            "fullUrl": entry_uuid(names, code, "Observation/decision"),
            "resource": decision_observation(
                decision, reference_code=code, names=names,
                answers_url=entry_uuid(names, code, "QuestionnaireResponse")),
        })
    for follow_up in FollowUp.objects.filter(assessment=assessment).order_by("wave"):
        entries.append({
            "fullUrl": entry_uuid(names, code, f"QuestionnaireResponse/followup-{follow_up.wave}"),
            "resource": follow_up_response(follow_up, reference_code=code, names=names),
        })
    return entries
