"""The rules engine (ruleset 2027.01): ``IntakeAnswers`` in, a reasoned ``Summary`` out.

The rules of the design note "rules.md" v3 live in modules by concern. They run in the
order of one tuple, ``ruleset.RULES`` (which is also the order of lines within each part
of the summary); by concern:

- ``always``: R0, what every summary carries (standard treatments first, in words that
  fit the person's age and sex), R33 and R34 (the medicines and the heart, fertility);
- ``red_flags``: R1-R6d, warning signs, from the one list in ``content.warning_signs``;
- ``safety``: R7-R14, R21, R23, what makes an injection less safe or rules both out
  (R11's scalp infection is a warning sign too);
- ``fit``: R15-R27, the pattern-hair-loss fit, temporary causes, what was tried;
- ``values``: R28-R32, what matters to the person, readiness, the combined plan;
- ``standard_medicines``: step 4, whether a standard medicine had a fair try (per
  medicine) or none is left that suits, and the 5-ARI group;
- ``leaning``: settles the leaning after every rule has run (it never stops early), and
  the headline;
- ``what_would_change``: for clinicians, the single-answer changes that would change it.

The wording is a patient-facing contract: a test pins a fingerprint of every rule's
trigger, inputs and sentences to ``RULESET_VERSION``. Change a sentence or a rule, bump
the version. No Django here: it runs anywhere (command line, tests, exports).
"""

import hashlib
import json
from dataclasses import asdict

from assessments.intake import IntakeAnswers
from assessments.intake_versions import AsGiven
from assessments.reasoning.engine import Answers, Finding, Findings, Rule
from assessments.reasoning.leaning import HEADLINES, headline, settle_leaning
from assessments.reasoning.ruleset import RULES
from assessments.summary import (
    SURE_NEEDS,
    Because,
    DecisionReadiness,
    Item,
    OptionPoints,
    Options,
    Summary,
)

RULESET_VERSION = "2027.01.2"

__all__ = ["HEADLINES", "RULES", "RULESET_VERSION", "Rule", "all_texts", "assess",
           "ruleset_fingerprint"]


def _item(finding: Finding, as_given: AsGiven) -> Item:
    return Item(
        rule=finding.rule,
        text=finding.says.text,
        severity=finding.says.severity,
        because=[Because(question=q, answer=v) for q, v in as_given.as_given(finding.because)],
        see=finding.says.see,
    )


def decision_readiness(answers: Answers) -> DecisionReadiness:
    needs = [need for key, need in SURE_NEEDS.items() if answers.one(key) == "no"]
    return DecisionReadiness(sure_score=len(SURE_NEEDS) - len(needs), needs=needs)


def assess(answers: IntakeAnswers, *, as_given: AsGiven | None = None) -> Summary:
    """Run every rule on one valid answer set and build the reasoned summary.

    ``as_given`` (from ``intake_versions.read_answers``) says how answers of an older
    intake schema were really given, so that each line cites them as given.
    """
    as_given = as_given or AsGiven()
    readable = Answers(answers, as_given)
    findings = Findings()
    for each in RULES:
        findings.found.extend(each.run(readable, findings))
    leaning = settle_leaning(readable, findings)
    # What is left to try is no lead while the cause is open: a red flag (R15's "no
    # warning sign") or a hold that asks for the cause first (principle 10).
    cause_open = leaning == "doctor_first" or findings.any("cause_open")
    shown = [
        f for f in findings.found
        if not (leaning == "doctor_first" and f.says.hidden_when_doctor_first)
        and not (cause_open and f.says.hidden_when_cause_open)
    ]

    def items(place: str) -> list[Item]:
        return [_item(f, as_given) for f in shown if f.says.place == place]

    return Summary(
        ruleset_version=RULESET_VERSION,
        leaning=leaning,
        headline=headline(leaning, readable, findings),
        red_flags=items("red_flags"),
        options=Options(
            prp=OptionPoints(for_=items("prp_for"), against=items("prp_against")),
            mesotherapy=OptionPoints(
                for_=items("mesotherapy_for"), against=items("mesotherapy_against")
            ),
        ),
        also_discuss=items("also_discuss"),
        questions_to_ask=items("questions_to_ask"),
        to_bring=items("to_bring"),
        expectations=items("expectations"),
        decision_readiness=decision_readiness(readable),
    )


def all_texts() -> dict[str, str]:
    """Every sentence the engine can write, keyed "R8.both.prp", "R8.both.prp.label",
    "headline.open", ..."""
    texts = {f"{each.id}.{key}": says.text for each in RULES for key, says in each.says.items()}
    for each in RULES:
        for key, says in each.says.items():
            if says.headline:
                texts[f"{each.id}.{key}.headline"] = says.headline
    texts.update({f"headline.{key}": text for key, text in HEADLINES.items()})
    return texts


def ruleset_fingerprint() -> str:
    """A hash of every rule's id, trigger, inputs and sentences (with their effects)."""
    described = {
        "rules": [
            [each.id, each.trigger, {k: list(v) for k, v in each.reads.items()},
             {key: asdict(says) for key, says in each.says.items()}]
            for each in RULES
        ],
        "headlines": HEADLINES,
    }
    return hashlib.sha256(
        json.dumps(described, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
