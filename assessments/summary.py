"""The reasoned summary the rules engine returns: shape exactly as in intake.md.

A ``Summary`` is stored with each assessment and printed by ``manage.py assess``.
Dump it with ``summary.model_dump(mode="json", by_alias=True)`` so the JSON carries
``"for"`` (a Python keyword, hence the ``for_`` attribute).
"""

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Leaning = Literal[
    "doctor_first", "neither_for_now", "standard_first", "prp", "mesotherapy", "combination",
    "open",
]
Severity = Literal["info", "caution", "stop"]
Need = Literal["information", "values", "support", "certainty"]

# The guide's sections. A colleague writes the guide with exactly these slugs; every
# item's ``see`` must be one of them so the summary can link to it.
SectionSlug = Literal[
    "about-hair-loss",
    "how-hair-grows",
    "temporary-shedding",
    "see-a-doctor-first",
    "prp-explained",
    "mesotherapy-explained",
    "how-they-differ",
    "what-a-session-is-like",
    "schedules-and-costs",
    "evidence",
    "side-effects",
    "who-should-not-have-prp",
    "who-should-not-have-mesotherapy",
    "who-each-may-suit",
    "combined-plans",
    "other-options",
    "watchful-waiting",
    "preparing-for-your-appointment",
    "about-this-guide",
]
SECTION_SLUGS: frozenset[str] = frozenset(get_args(SectionSlug))

# Headings, not advice (rules.md v3, principle 9): "PRP is worth asking about" read as a
# recommendation; "PRP: what to ask about" names what the section is.
LEANING_LABELS: dict[str, str] = {
    "doctor_first": "See a doctor first",
    "neither_for_now": "Neither injection for now",
    "standard_first": "Standard treatments first",
    "prp": "PRP: what to ask about",
    "mesotherapy": "Mesotherapy: what to ask about",
    "combination": "PRP added to a medicine that helps",
    "open": "Open: discuss all the options",
}

# A "stop" line shows its rule's own label where it has one (assessments.presenters);
# this one is for a stop line whose rule has none.
SEVERITY_LABELS: dict[str, str] = {
    "info": "Good to know",
    "caution": "Take care",
    "stop": "Not until a doctor agrees",
}

NEED_LABELS: dict[str, str] = {
    "information": "More information",
    "values": "Knowing what matters most to you",
    "support": "More support",
    "certainty": "Feeling sure",
}

NEED_ADVICE: dict[str, str] = {
    "information": (
        "Read the guide's pages on each option. Ask your dermatologist about anything unclear."
    ),
    "values": (
        "Think about which good and bad points matter most to you. Write down your top three."
    ),
    "support": (
        "Bring someone you trust to your visit. Ask your dermatologist to help you choose."
    ),
    "certainty": (
        "You do not have to decide today. Take the time you need, and ask more questions."
    ),
}

# SURE item -> the need a "no" reveals (intake.md, "decision_readiness").
SURE_NEEDS: dict[str, Need] = {
    "sure_sure": "certainty",
    "sure_understand": "information",
    "sure_risks_benefits": "values",
    "sure_encouragement": "support",
}

_CONTRACT = ConfigDict(extra="forbid", frozen=True)


class Because(BaseModel):
    """One answer that made a rule fire: a question key and the value given."""

    model_config = _CONTRACT

    question: str
    answer: str


class Item(BaseModel):
    """One line of the summary, with the rule that wrote it and why."""

    model_config = _CONTRACT

    rule: str
    text: str
    severity: Severity
    because: list[Because]
    see: SectionSlug


class OptionPoints(BaseModel):
    """What speaks for and against one option, for this person."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True,
        serialize_by_alias=True,
    )

    for_: list[Item] = Field(alias="for")
    against: list[Item]


class Options(BaseModel):
    model_config = _CONTRACT

    prp: OptionPoints
    mesotherapy: OptionPoints


class DecisionReadiness(BaseModel):
    """The SURE test: score = number of "yes" answers; one need per "no"."""

    model_config = _CONTRACT

    sure_score: int = Field(ge=0, le=4)
    needs: list[Need]


class Summary(BaseModel):
    model_config = _CONTRACT

    ruleset_version: str
    leaning: Leaning
    headline: str
    red_flags: list[Item]
    options: Options
    also_discuss: list[Item]
    questions_to_ask: list[Item]
    to_bring: list[Item]
    expectations: list[Item]
    decision_readiness: DecisionReadiness

    def all_items(self) -> list[Item]:
        """Every item, section by section, in the order a reader meets them."""
        return [
            *self.red_flags,
            *self.options.prp.for_,
            *self.options.prp.against,
            *self.options.mesotherapy.for_,
            *self.options.mesotherapy.against,
            *self.also_discuss,
            *self.questions_to_ask,
            *self.to_bring,
            *self.expectations,
        ]

    def rule_ids(self) -> list[str]:
        """The rules that fired, each once, in order of first use (for audit)."""
        return list(dict.fromkeys(item.rule for item in self.all_items()))
