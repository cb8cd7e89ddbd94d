"""The intake as a FHIR ``Questionnaire``, generated from ``assessments.intake``.

Everything comes from ``intake.STEPS``: one ``group`` item per step (``linkId`` = the
step's slug), and inside it one item per question with ``linkId`` = the intake key. A
``one``/``multi`` question is a ``choice`` item whose ``answerOption`` codings carry the
intake value as ``code`` and the patient-facing wording as ``display`` (``repeats`` for
``multi``); free text is a ``string`` item with ``maxLength``. Help texts are ``display``
child items marked as help (the SDC ``itemControl`` extension), and an "only if" condition
becomes ``enableWhen``/``enableBehavior`` (see ``enable_when``).

Nothing here knows about patients: the Questionnaire is the same for everyone.
"""

from fhir.resources.R4B.questionnaire import (
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireItemAnswerOption,
    QuestionnaireItemEnableWhen,
)

from assessments import intake

from .canonical import QUESTIONNAIRE_ID, FhirNames, fhir_names

# Core FHIR extensions (hl7.org/fhir/extensions) that form tools understand.
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs"

HELP_SUFFIX = ".help"
INTRO_SUFFIX = ".intro"


def coding(value: str, *, display: str | None = None, names: FhirNames) -> dict:
    """An intake value as a Coding of hairtx's answer code system."""
    result = {"system": names.code_system_url, "code": value}
    if display:
        result["display"] = display
    return result


def enable_when(question: intake.Question, *, names: FhirNames) -> dict:
    """``enableWhen`` and ``enableBehavior`` for a conditional question (else ``{}``).

    An intake condition is rules of two shapes (``Condition.rules``): "some chosen
    value of KEY is one of VALUES" becomes one ``=`` test per value, any of which
    enables the item (FHIR's ``=`` holds when any answer of a repeating question equals
    the value); "no chosen value of KEY is one of VALUES" becomes one ``!=`` test per
    value, all of which must hold. A condition of several rules (e.g.
    testosterone taken and not male at birth) needs all its tests to hold. The tests prove
    these agree with ``Question.applies``.
    """
    condition = question.only_if
    if condition is None:
        return {}
    tests, behaviors = [], set()
    for key, mode, values in condition.rules:
        operator, behavior = {"any_of": ("=", "any"), "none_of": ("!=", "all")}[mode]
        tests += [
            QuestionnaireItemEnableWhen(
                question=key, operator=operator, answerCoding=coding(value, names=names)
            )
            for value in values
        ]
        behaviors.add(behavior if len(values) > 1 else None)
    if len(condition.rules) > 1:
        # Several rules must all hold: FHIR can say that only when no rule is itself an
        # "any of several values" test (true of every intake condition).
        if "any" in behaviors:
            raise ValueError(f"cannot express {condition.description!r} as enableWhen")
        behaviors = {"all"}
    result: dict = {"enableWhen": tests}
    if len(tests) > 1:  # FHIR requires enableBehavior once there are two or more tests
        result["enableBehavior"] = (behaviors - {None}).pop()
    return result


def help_text(question: intake.Question) -> str:
    """The question's help, then any explanation attached to a single answer."""
    parts = [question.help_text] if question.help_text else []
    parts += [f"{choice.label}: {choice.help}" for choice in question.choices if choice.help]
    return "\n".join(parts)


def _display_item(link_id: str, text: str, *, as_help: bool) -> QuestionnaireItem:
    item: dict = {"linkId": link_id, "type": "display", "text": text}
    if as_help:
        item["extension"] = [{
            "url": ITEM_CONTROL,
            "valueCodeableConcept": {
                "coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help"}]
            },
        }]
    return QuestionnaireItem(**item)


def _answer_option(question: intake.Question, choice: intake.Choice, names: FhirNames):
    option: dict = {"valueCoding": coding(choice.value, display=choice.label, names=names)}
    if question.kind == "multi" and choice.value == question.exclusive:
        option["extension"] = [{"url": OPTION_EXCLUSIVE, "valueBoolean": True}]
    return QuestionnaireItemAnswerOption(**option)


def question_item(question: intake.Question, *, names: FhirNames) -> QuestionnaireItem:
    item: dict = {
        "linkId": question.key,
        "text": question.label,
        "required": question.required,
        **enable_when(question, names=names),
    }
    if question.kind == "text":
        item.update(type="string", maxLength=question.max_length)
    else:
        item.update(
            type="choice",
            repeats=question.kind == "multi",
            answerOption=[_answer_option(question, choice, names) for choice in question.choices],
        )
        if question.max_choices is not None:
            item["extension"] = [{"url": MAX_OCCURS, "valueInteger": question.max_choices}]
    if text := help_text(question):
        item["item"] = [_display_item(question.key + HELP_SUFFIX, text, as_help=True)]
    return QuestionnaireItem(**item)


def step_item(step: intake.Step, *, names: FhirNames) -> QuestionnaireItem:
    children = [_display_item(step.slug + INTRO_SUFFIX, step.intro, as_help=False)]
    children += [question_item(question, names=names) for question in step.questions]
    return QuestionnaireItem(
        linkId=step.slug, prefix=f"{step.number}.", text=step.title, type="group", item=children,
    )


def intake_questionnaire(names: FhirNames | None = None) -> Questionnaire:
    """The whole intake as one Questionnaire (validated by ``fhir.resources``)."""
    names = names or fhir_names()
    return Questionnaire(
        id=QUESTIONNAIRE_ID,
        url=names.questionnaire_url,
        version=names.version,
        name="HairtxIntake",
        title="Hair loss treatment questionnaire (PRP and mesotherapy)",
        status="active",
        subjectType=["Patient"],
        publisher="hairtx",
        description=(
            "The questions hairtx asks before it writes a 'discuss with your dermatologist' "
            "summary about PRP and mesotherapy for hair loss. Generated from the hairtx intake "
            f"definition, answer vocabulary version {names.version}. Answer codes are the "
            "intake values; questions that do not apply are left out, never answered 'no'."
        ),
        item=[step_item(step, names=names) for step in intake.STEPS],
    )
