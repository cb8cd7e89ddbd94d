"""Answers given under an older intake schema, read as today's (intake.md "Schema versions").

Intake schema 3 (ruleset 2027.01) retired ``tried_result`` (one answer for every
treatment tried) and the ``pregnancy`` value ``breastfeeding``. Answers stored or sent as
schema 2 are still read: ``read_answers`` returns schema 3 ``IntakeAnswers`` together
with ``AsGiven``, which remembers how the answers were really given. The engine takes
``AsGiven`` as an argument (``rules.assess(answers, as_given=...)``) for two things
only: a line's ``because`` cites the schema-2 answers as given (``tried_result``,
``pregnancy = breastfeeding``), never a value derived from them, and the summary says
that one answer was given for every treatment tried. Schema 3 answers never need it.

No Django here.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from assessments.intake import (
    FRIENDLY_MESSAGES,
    NOT_APPLICABLE_MESSAGE,
    QUESTIONS,
    RESULT_KEYS,
    SCHEMA_VERSION,
    IntakeAnswers,
)

SCHEMA_MARKER = "intake_schema"
"""The optional key of an answers JSON that names its schema ("2"; without it, "3")."""
SCHEMAS_READ = ("2", SCHEMA_VERSION)
SCHEMA_2_TRIED_RESULTS = (
    "helped", "no_change_after_6_months", "stopped_side_effects", "used_less_than_6_months"
)

Pair = tuple[str, str]


@dataclass(frozen=True)
class AsGiven:
    """How an answer set was given, when that differs from the schema 3 answers read.

    ``cites`` maps an answer that was derived (``("result_finasteride", "helped")``) to
    the answers it was derived from, as given (``(("tried_result", "helped"),)``); an
    answer filled in by default (a missing ``family_plans`` read as ``not_sure``) maps to
    nothing, because nobody gave it.
    """

    schema: str = SCHEMA_VERSION
    cites: Mapping[Pair, tuple[Pair, ...]] = field(default_factory=dict)
    tried_result: str | None = None

    def as_given(self, pairs) -> tuple[Pair, ...]:
        """``because`` pairs with each derived answer replaced by the answers given."""
        given: list[Pair] = []
        for pair in pairs:
            given.extend(self.cites.get(pair, (pair,)))
        return tuple(dict.fromkeys(given))


def _error(key: str, kind: str, message: str, value: object = None) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(kind, message), loc=(key,), input=value
    )


def _invalid(errors: list[InitErrorDetails]) -> ValidationError:
    return ValidationError.from_exception_data(IntakeAnswers.__name__, errors)


def schema_of(data: Mapping[str, object], stored_schema: str | None = None) -> str:
    """The schema an answers dict says it is in (its marker), else the stored one, else 3.

    Raises ValidationError (on the marker) for a schema this site cannot read.
    """
    marker = data.get(SCHEMA_MARKER)
    if marker is None:
        return stored_schema or SCHEMA_VERSION
    if isinstance(marker, (int, str)) and not isinstance(marker, bool) and str(marker) in SCHEMAS_READ:
        return str(marker)
    raise _invalid([_error(
        SCHEMA_MARKER, "answer_schema",
        f'"{SCHEMA_MARKER}" must be 2 or {SCHEMA_VERSION} (without it, {SCHEMA_VERSION} is '
        "meant).", marker,
    )])


def read_answers(
    data: Mapping[str, object], *, stored_schema: str | None = None
) -> tuple[IntakeAnswers, AsGiven]:
    """Validate an answers dict of schema 2 or 3 and return it as schema 3.

    The schema is the dict's ``"intake_schema"`` marker, else ``stored_schema`` (an
    assessment's), else 3. Raises pydantic's ValidationError with messages per key; a
    key of the other schema (``tried_result`` in schema 3, ``result_*`` in schema 2) is
    an error that names the key and the marker.
    """
    schema = schema_of(data, stored_schema)
    answers = {key: value for key, value in data.items() if key != SCHEMA_MARKER}
    if schema == SCHEMA_VERSION:
        if "tried_result" in answers:
            raise _invalid([_error(
                "tried_result", "answer_wrong_schema",
                f'"tried_result" is an intake schema 2 answer, but these answers are schema '
                f'{SCHEMA_VERSION}. Give one result_... answer per treatment tried, or mark '
                f'the answers "{SCHEMA_MARKER}": 2.', answers["tried_result"],
            )])
        return IntakeAnswers.model_validate(answers), AsGiven()
    return _read_schema_2(answers)


def _read_schema_2(answers: dict) -> tuple[IntakeAnswers, AsGiven]:
    errors = [
        _error(
            key, "answer_wrong_schema",
            f'"{key}" is an intake schema {SCHEMA_VERSION} answer, but these answers are '
            f'marked "{SCHEMA_MARKER}": 2 (or stored as schema 2), which has "tried_result" '
            "instead. Use one or the other.", value,
        )
        for key, value in answers.items() if key in RESULT_KEYS
    ]
    tried = answers.get("treatments_tried")
    tried = [item for item in tried if isinstance(item, str)] if isinstance(tried, list) else []
    result = answers.pop("tried_result", None)
    asked = bool(set(tried) - {"none"})
    if result is not None and not asked:
        errors.append(_error("tried_result", "answer_not_applicable", NOT_APPLICABLE_MESSAGE, result))
    elif result is None and asked:
        errors.append(_error("tried_result", "missing", FRIENDLY_MESSAGES["missing"]))
    elif result is not None and result not in SCHEMA_2_TRIED_RESULTS:
        errors.append(_error("tried_result", "literal_error", FRIENDLY_MESSAGES["literal_error"],
                             result))
    if errors:
        raise _invalid(errors)
    upgraded, cites = upgrade_schema_2(answers, result)
    try:
        read = IntakeAnswers.model_validate(upgraded)
    except ValidationError as exc:
        # Report problems on the keys as given, not on keys the reading filled in.
        raise _invalid([
            _error(_given_key(error, cites), error["type"], error["msg"], error.get("input"))
            for error in exc.errors()
        ]) from None
    return read, AsGiven(schema="2", cites=cites, tried_result=result)


def _given_key(error, cites: Mapping[Pair, tuple[Pair, ...]]) -> str:
    key = str(error["loc"][0]) if error["loc"] else "__all__"
    for (derived_key, _), given in cites.items():
        if derived_key == key and given:
            return given[0][0]
    return key


def upgrade_schema_2(
    answers: Mapping[str, object], tried_result: str | None
) -> tuple[dict, dict[Pair, tuple[Pair, ...]]]:
    """Schema 2 answers (without ``tried_result``) as schema 3, and what each derived
    answer cites (intake.md "Schema versions"). Pure; does not validate."""
    upgraded = dict(answers)
    cites: dict[Pair, tuple[Pair, ...]] = {}
    tried = upgraded.get("treatments_tried")
    if tried_result is not None and isinstance(tried, list):
        for key, treatment in RESULT_KEYS.items():
            if treatment in tried:
                upgraded[key] = tried_result
                cites[(key, tried_result)] = (("tried_result", tried_result),)
    if upgraded.get("sex_at_birth") != "male":
        if upgraded.get("pregnancy") == "breastfeeding":
            given = (("pregnancy", "breastfeeding"),)
            upgraded["pregnancy"] = "not_pregnant"
            upgraded["breastfeeding_now"] = "yes"
            cites[("pregnancy", "not_pregnant")] = given
            cites[("breastfeeding_now", "yes")] = given
        elif "breastfeeding_now" not in upgraded and "sex_at_birth" in upgraded:
            upgraded["breastfeeding_now"] = "no"
            cites[("breastfeeding_now", "no")] = ()
    for key, default in (("testosterone_purpose", "prefer_not_to_say"), ("family_plans", "not_sure")):
        if key not in upgraded and QUESTIONS[key].applies(upgraded):
            upgraded[key] = default
            # Why testosterone is taken was not asked: a line citing it cites the
            # testosterone answer that was given.
            cites[(key, default)] = (
                (("hormone_medicines", "testosterone"),) if key == "testosterone_purpose" else ()
            )
    return upgraded, cites


def forget_retired_answers(draft_answers: Mapping[str, object]) -> dict:
    """A draft saved before schema 3, ready to resume: the new questions are simply asked.

    ``tried_result`` goes (each treatment's own result is asked instead); ``pregnancy =
    breastfeeding`` becomes ``breastfeeding_now = yes`` and the pregnancy question is
    asked again (its other answers are not implied by breastfeeding).
    """
    kept = {key: value for key, value in draft_answers.items() if key != "tried_result"}
    if kept.get("pregnancy") == "breastfeeding":
        del kept["pregnancy"]
        kept["breastfeeding_now"] = "yes"
    return kept
