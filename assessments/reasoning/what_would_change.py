"""What would change it: every single-answer change that changes the leaning or adds or
removes a red flag (rules.md v3, "The display follows the leaning"; issue 21 point 5).

For clinicians only (the staff detail page and the rulebook's worked examples), never
for patients. The engine is re-run on the stored answers with one answer changed at a
time: each other value of a single-answer question, each value added to or taken from
a multi-answer question, and only where that question is asked. Answers that stop
applying are dropped (``intake.drop_inapplicable``); questions the change makes apply
are answered too: a treatment's own result with each of its values (it decides step 4),
any other with its quietest answer (``QUIET_ANSWERS``), and the line says so.

No Django here.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from assessments.intake import QUESTIONS, RESULT_KEYS, IntakeAnswers, drop_inapplicable
from assessments.reasoning.engine import Answers, Findings
from assessments.reasoning.leaning import settle_leaning
from assessments.reasoning.ruleset import RULES

# The answer given to a question that a change makes apply (not a result question).
QUIET_ANSWERS: dict[str, str | list[str]] = {
    "periods": "regular",
    "pregnancy": "not_pregnant",
    "breastfeeding_now": "no",
    "family_plans": "not_sure",
    "norwood_stage": "not_sure",
    "ludwig_stage": "not_sure",
    "androgen_signs": ["none"],
    "past_injection_reaction": "no_problems",
    "testosterone_purpose": "prefer_not_to_say",
}

LEANING_WORDS = {
    "doctor_first": "doctor first", "neither_for_now": "neither for now",
    "standard_first": "standard first", "prp": "PRP", "mesotherapy": "mesotherapy",
    "combination": "combination", "open": "open",
}

Pair = tuple[str, str]


def _decides(says) -> bool:
    """Whether a sentence can move the leaning or the red flags (else it only informs)."""
    return (
        says.place == "red_flags" or says.counts or says.leaning_neither or says.holds
        or says.blocks is not None or says.combination
        or (says.option is not None and says.severity in {"caution", "stop"})
    )


# Only these rules are re-run: the others write information, never read by the leaning
# (rules read earlier findings only for red flags, cautions and stops).
DECIDING_RULES = tuple(each for each in RULES if any(map(_decides, each.says.values())))


@dataclass(frozen=True)
class Outcome:
    leaning: str
    red_flags: frozenset[str]  # "R5.temples": rule and sentence

    @classmethod
    def of(cls, plain: Mapping[str, object]) -> "Outcome":
        """The leaning and red flags of a valid answer set (rules only, no Summary)."""
        answers = Answers(plain)
        findings = Findings()
        for each in DECIDING_RULES:
            findings.found.extend(each.run(answers, findings))
        flags = frozenset(f"{f.rule}.{f.key}" for f in findings.at("red_flags"))
        return cls(settle_leaning(answers, findings), flags)


@dataclass(frozen=True)
class Change:
    key: str
    change: str  # "were `no`", "also had `doac`", "did not have `doac`"
    filled: tuple[Pair, ...]  # answers the change made apply, and what they were given
    before: Outcome
    after: Outcome

    @property
    def line(self) -> str:
        """One line: "if `smoking` were `no`: PRP instead of open"."""
        condition = f"if `{self.key}` {self.change}"
        if self.filled:
            condition += " (with " + ", ".join(f"`{k}` `{v}`" for k, v in self.filled) + ")"
        effects = []
        if self.after.leaning != self.before.leaning:
            effects.append(f"{LEANING_WORDS[self.after.leaning]} instead of "
                           f"{LEANING_WORDS[self.before.leaning]}")
        added = sorted(self.after.red_flags - self.before.red_flags)
        removed = sorted(self.before.red_flags - self.after.red_flags)
        if added:
            effects.append("adds red flag " + ", ".join(added))
        if removed:
            effects.append("removes red flag " + ", ".join(removed))
        return f"{condition}: {'; '.join(effects)}"


def what_would_change(answers: IntakeAnswers) -> list[Change]:
    """Every single-answer change that changes the leaning or the red flags, in
    question order. Schema-2 answers are judged as read (schema 3)."""
    plain = answers.as_plain_dict()
    before = Outcome.of(plain)
    changes = []
    for key, change, variant, filled in _single_answer_changes(plain):
        after = Outcome.of(variant)
        if after != before:
            changes.append(Change(key, change, filled, before, after))
    return changes


def _single_answer_changes(plain: dict) -> Iterator[tuple[str, str, dict, tuple[Pair, ...]]]:
    for key, question in QUESTIONS.items():
        if question.kind == "text" or not question.applies(plain):
            continue
        if question.kind == "one":
            for value in question.values:
                if value != plain.get(key):
                    yield from _completed(plain, key, value, f"were `{value}`")
            continue
        chosen = list(plain.get(key) or [])
        for value in question.values:
            if value in chosen:
                rest = [v for v in chosen if v != value]
                if not rest and question.exclusive is None:
                    continue  # an optional multi (priorities) left empty is "not answered"
                if not rest:
                    if value == question.exclusive:
                        continue  # "none" can only be replaced by adding an answer
                    rest = [question.exclusive]
                yield from _completed(plain, key, rest, f"did not have `{value}`")
            elif value == question.exclusive:
                yield from _completed(plain, key, [value], f"were only `{value}`")
            elif question.max_choices is None or len(chosen) < question.max_choices:
                added = [v for v in chosen if v != question.exclusive] + [value]
                yield from _completed(plain, key, added, f"also had `{value}`")


def _completed(plain: dict, key: str, value, change: str):
    """The changed answer set, with answers that stop applying dropped and the questions
    that start applying answered (a result question: once per value)."""
    variant = drop_inapplicable({**plain, key: value})
    missing = [
        other for other, question in QUESTIONS.items()
        if other not in variant and question.required and question.applies(variant)
    ]
    results = [other for other in missing if other in RESULT_KEYS]
    quiet = {other: QUIET_ANSWERS[other] for other in missing if other not in RESULT_KEYS}
    variant.update(quiet)
    filled = tuple((other, str(v)) for other, v in quiet.items() if not isinstance(v, list))
    if not results:
        yield key, change, variant, filled
        return
    # A treatment just ticked: its own result decides step 4, so each value is a change.
    (result_key,) = results  # one treatment is added per change
    for result in QUESTIONS[result_key].values:
        yield key, change, {**variant, result_key: result}, (*filled, (result_key, result))
