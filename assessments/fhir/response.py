"""Answers as a FHIR ``QuestionnaireResponse``, and a response back to ``IntakeAnswers``.

``answers_response`` writes every given answer as the Questionnaire asks for it: nested
in its step's group, a Coding of hairtx's answer code system for a choice, a string for
free text. ``response_answers`` reads a response from any FHIR form tool and refuses one
that does not fit the Questionnaire, naming the ``linkId`` and the reason for every
problem it finds (``ResponseMismatch``), so that hairtx never reasons on answers it has
had to guess at.

Both also know version 2 of the Questionnaire (intake schema 2, with ``tried_result``
and its own groups): answers stored under schema 2 are written as they were given, and a
version 2 response is read as intake.md says (``intake_versions.read_answers``); a
response that mixes the two schemas is refused with a message naming the key.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from assessments import intake
from assessments.intake_versions import AsGiven, read_answers

from .canonical import FhirNames, fhir_names
from .questionnaire import coding

ACCEPTED_STATUSES = ("completed", "amended")
RESPONSE = "QuestionnaireResponse"  # where a problem belongs to the whole response

# The groups of version 2 of the Questionnaire (intake schema 2, before ruleset
# 2027.01), as its responses and stored answers have them: linkId -> (title, keys).
SCHEMA_2_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "about-you": ("About you", (
        "sex_at_birth", "age_band", "periods", "pregnancy", "breastfeeding_now")),
    "your-hair-loss": ("Your hair loss", (
        "pattern", "norwood_stage", "ludwig_stage", "duration", "onset_speed",
        "shedding_amount")),
    "what-came-before": ("What came before, and your scalp", (
        "triggers_recent", "family_history", "scalp_symptoms")),
    "warning-signs": ("Other signs to check", (
        "other_hair_loss", "nail_changes", "androgen_signs", "general_symptoms",
        "hair_pulling")),
    "allergies-and-injections": ("Allergies and past injections", (
        "allergies", "allergy_other_details", "severe_allergy_ever", "past_injection_types",
        "past_injection_reaction")),
    "bleeding-and-medicines": ("Bleeding and medicines", (
        "bleeding_disorder", "blood_thinners", "steroids_immunosuppressants")),
    "health": ("Other health questions", (
        "scalp_conditions", "cancer", "other_conditions", "hormone_medicines", "smoking")),
    "practicalities": ("Practicalities and what you have tried", (
        "needle_comfort", "visit_availability", "treatments_tried", "tried_result", "goal")),
    "what-matters": ("What matters to you", (
        "priorities", "decision_stage", "decision_role", "sure_sure", "sure_understand",
        "sure_risks_benefits", "sure_encouragement")),
}


def _question(key: str) -> intake.Question | None:
    return intake.QUESTIONS.get(key) or intake.RETIRED_QUESTIONS.get(key)


def groups_of(schema: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The Questionnaire's groups in one schema version: linkId -> (title, question keys)."""
    if schema == "2":
        return SCHEMA_2_GROUPS
    return {
        step.slug: (step.title, tuple(question.key for question in step.questions))
        for step in intake.STEPS
    }


def answers_response(
    answers: intake.IntakeAnswers | dict,
    *,
    schema: str = intake.SCHEMA_VERSION,
    reference_code: str | None = None,
    authored: datetime | None = None,
    names: FhirNames | None = None,
) -> QuestionnaireResponse:
    """A completed QuestionnaireResponse holding exactly these answers.

    ``answers`` are valid IntakeAnswers, or a stored answers dict already read as valid
    in its ``schema`` (stored schema 2 answers are written as given, to version 2).
    No ``subject``: hairtx does not know who the person is. The clinic links the
    response to a patient record after identifying them; the reference code (as
    ``identifier``) is what the patient reads out to make that link.
    """
    names = names or fhir_names()
    given = answers.as_plain_dict() if isinstance(answers, intake.IntakeAnswers) else answers
    groups = []
    for link_id, (title, keys) in groups_of(schema).items():
        items = [
            {"linkId": key, "text": _question(key).label,
             "answer": _answer_values(_question(key), given[key], names)}
            for key in keys
            if key in given
        ]
        if items:
            groups.append({"linkId": link_id, "text": title, "item": items})
    response: dict = {
        "questionnaire": f"{names.questionnaire_url}|{schema}",
        "status": "completed",
        "item": groups,
    }
    if reference_code:
        response["identifier"] = {"system": names.identifier_system, "value": reference_code}
    if authored:
        response["authored"] = authored
    return QuestionnaireResponse(**response)


def _answer_values(question: intake.Question, value: str | list[str], names: FhirNames):
    if question.kind == "text":
        return [{"valueString": value}]
    chosen = value if isinstance(value, list) else [value]
    return [
        {"valueCoding": coding(item, display=question.label_for(item), names=names)}
        for item in chosen
    ]


# ---------------------------------------------------------------------------
# Reading a response
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    link_id: str  # the item's linkId, or "QuestionnaireResponse" for the whole response
    reason: str

    def __str__(self) -> str:
        # A linkId comes from the file: keep a silly long one from flooding the terminal.
        return f"{self.link_id[:80]}: {self.reason}"


class ResponseMismatch(ValueError):
    """The response does not fit the hairtx Questionnaire; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def response_answers(
    data: Mapping[str, Any], names: FhirNames | None = None
) -> intake.IntakeAnswers:
    """The valid answer set a QuestionnaireResponse (parsed JSON) holds (see below)."""
    return response_answers_as_given(data, names)[0]


def response_answers_as_given(
    data: Mapping[str, Any], names: FhirNames | None = None
) -> tuple[intake.IntakeAnswers, AsGiven]:
    """The valid answer set a QuestionnaireResponse (parsed JSON) holds, as schema 3,
    and how it was given (a version 2 response is read as intake schema 2).

    Raises ``ResponseMismatch`` listing every problem: FHIR structure errors, a response
    to another questionnaire or version, an unfinished response, items that are not in
    the Questionnaire or not where it puts them, answers of the wrong type, codes that
    are not among a question's answers, several answers to a single-answer question,
    and then everything ``IntakeAnswers`` refuses (a required question left out, a
    question answered that does not apply, "none" with other answers, text too long).
    """
    names = names or fhir_names()
    try:
        response = QuestionnaireResponse.model_validate(dict(data))
    except ValidationError as exc:
        raise ResponseMismatch(_structure_problems(exc, data)) from None
    problems, schema = _header_problems(response, names)
    plain, item_problems = _plain_answers(response, names, schema)
    problems += item_problems
    try:
        answers = read_answers(plain, stored_schema=schema)
    except ValidationError as exc:
        # Keys are linkIds, so intake's own messages point at the right item.
        problems += [
            Problem(RESPONSE if key == intake.NON_FIELD_ERRORS else key, message)
            for key, messages in intake.field_errors(exc).items()
            for message in messages
            if key not in {problem.link_id for problem in item_problems}
        ]
        answers = None
    if problems:
        raise ResponseMismatch(problems)
    return answers


READ_VERSIONS = ("2", intake.SCHEMA_VERSION)


def _header_problems(
    response: QuestionnaireResponse, names: FhirNames
) -> tuple[list[Problem], str]:
    """Problems with the response as a whole, and the schema version it is in."""
    problems = []
    canonical = response.questionnaire or ""
    url, _, version = canonical.partition("|")
    if url != names.questionnaire_url:
        problems.append(Problem(RESPONSE, (
            f"this response is for the questionnaire {canonical[:200] or '(none given)'}, "
            f"not {names.questionnaire_url}."
        )))
    elif version and version not in READ_VERSIONS:
        problems.append(Problem(RESPONSE, (
            f"this response is for version {version[:40]} of the questionnaire; "
            f"hairtx asks version {names.version} and still reads version 2."
        )))
    if response.status not in ACCEPTED_STATUSES:
        problems.append(Problem(RESPONSE, (
            f"the status is {response.status!r}; only a completed response can be assessed."
        )))
    return problems, version if version in READ_VERSIONS else names.version


def _plain_answers(
    response: QuestionnaireResponse, names: FhirNames, schema: str
) -> tuple[dict[str, str | list[str]], list[Problem]]:
    """The answers as intake's plain dict, and what did not fit on the way."""
    groups = groups_of(schema)
    questions = {key: (slug, _question(key)) for slug, (_, keys) in groups.items() for key in keys}
    plain: dict[str, str | list[str]] = {}
    problems: list[Problem] = []
    seen_groups: set[str] = set()
    seen_questions: set[str] = set()
    for group in response.item or []:
        if group.linkId not in groups:
            if group.linkId in questions:
                owner = questions[group.linkId][0]
                problems.append(Problem(group.linkId, (
                    f"this question belongs inside the group {owner!r}, as in the Questionnaire."
                )))
            else:
                problems.append(
                    Problem(group.linkId, "there is no such item in the Questionnaire.")
                )
            continue
        if group.linkId in seen_groups:
            problems.append(Problem(group.linkId, "this group appears more than once."))
            continue
        seen_groups.add(group.linkId)
        if group.answer:
            problems.append(Problem(group.linkId, "a group has no answers of its own."))
        for item in group.item or []:
            found = questions.get(item.linkId)
            if found is None:
                problems.append(Problem(item.linkId, _unknown_question(item.linkId, schema)))
            elif found[0] != group.linkId:
                problems.append(Problem(item.linkId, (
                    f"this question belongs in the group {found[0]!r}, not {group.linkId!r}."
                )))
            elif item.linkId in seen_questions:
                problems.append(Problem(item.linkId, "this question is answered more than once."))
            else:
                seen_questions.add(item.linkId)
                value, problem = _plain_value(found[1], item, names)
                if problem:
                    problems.append(Problem(item.linkId, problem))
                elif value is not None:
                    plain[item.linkId] = value
    return plain, problems


def _unknown_question(link_id: str, schema: str) -> str:
    other = "2" if schema != "2" else intake.SCHEMA_VERSION
    if any(link_id in keys for _, keys in groups_of(other).values()):
        return (f"this question is in version {other} of the Questionnaire, not in version "
                f"{schema}, which this response says it answers. Use one or the other.")
    return "there is no such question in the Questionnaire."


def _plain_value(question: intake.Question, item, names: FhirNames):
    """(value for intake, None) or (None, what is wrong). No answers: (None, None)."""
    answers = item.answer or []
    if item.item:
        return None, "this question has no items inside it."
    if not answers:
        return None, None
    if any(answer.item for answer in answers):
        return None, "an answer to this question has no items inside it."
    if question.kind != "multi" and len(answers) > 1:
        return None, f"this question takes one answer, and {len(answers)} were given."
    if question.kind == "text":
        text = answers[0].valueString
        if text is None:
            return None, "the answer must be text (valueString)."
        return text, None
    codes = []
    for answer in answers:
        given = answer.valueCoding
        if given is None:
            return None, "each answer must be a Coding (valueCoding) from the answer options."
        if given.system != names.code_system_url:
            return None, (
                f"the code system is {given.system or '(none given)'}, "
                f"not {names.code_system_url}."
            )
        if given.code not in question.values and given.code not in intake.RETIRED_VALUE_LABELS.get(
            question.key, {}
        ):
            return None, (
                f"{given.code!r} is not one of this question's answers "
                f"({', '.join(question.values)})."
            )
        codes.append(given.code)
    return (codes if question.kind == "multi" else codes[0]), None


def _structure_problems(exc: ValidationError, data: Mapping[str, Any]) -> list[Problem]:
    """fhir.resources' errors, each placed at the nearest item's linkId."""
    problems = []
    for error in exc.errors():
        loc = [part for part in error["loc"] if part != "__root__"]
        link_id, field = _nearest_link_id(data, loc)
        problems.append(Problem(link_id, f"{field or 'this item'}: {error['msg']}"))
    return problems


def _nearest_link_id(data: Any, loc: list) -> tuple[str, str]:
    """Walk ``loc`` through the raw JSON: the last linkId passed, and the rest of the path."""
    link_id, since = RESPONSE, 0
    node = data
    for index, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, Mapping) and isinstance(node.get("linkId"), str) and node["linkId"]:
            link_id, since = node["linkId"], index + 1
    return link_id, ".".join(str(part) for part in loc[since:])
