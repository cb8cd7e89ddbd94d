"""The machinery every rule shares: what a rule may say, how it is declared, and
read-only helpers over one answer set and over what earlier rules found.

A rule declares, next to its logic and in plain data, every sentence it may write
(``Says``: the text, where it goes in the summary, its severity, the guide section
that explains it, and what it does to the leaning). The rule's function only decides
which of its sentences apply and which answers made them apply (``because``). That
split lets the rulebook, the fingerprint and the principle tests read every rule
without running it.

``@rule`` makes a ``Rule`` and registers nothing: the order the rules run in is the one
tuple ``assessments.reasoning.ruleset.RULES``. A rule that looks at what earlier rules
found names the places it reads (``reads_found``) and sees only those
(``FindingsSoFar``), so a test can check that every place it reads is written only by
rules before it.

No Django here.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import wraps
from typing import Literal, TypeVar

from assessments.intake import QUESTIONS, IntakeAnswers
from assessments.intake_versions import AsGiven
from assessments.summary import SectionSlug, Severity

Option = Literal["prp", "mesotherapy"]
OPTIONS: tuple[Option, ...] = ("prp", "mesotherapy")
Place = Literal[
    "red_flags",
    "prp_for",
    "prp_against",
    "mesotherapy_for",
    "mesotherapy_against",
    "also_discuss",
    "questions_to_ask",
    "to_bring",
    "expectations",
]
Pairs = tuple[tuple[str, str], ...]
T = TypeVar("T")

ANY = ("*",)
"""In ``reads``: the rule tells every value of this question apart."""


@dataclass(frozen=True)
class Says:
    """One sentence a rule may write, and what it means for the leaning."""

    text: str
    place: Place
    severity: Severity = "info"
    see: SectionSlug = "preparing-for-your-appointment"
    counts: bool = False  # a point towards the leaning (only R15 PRP, R15m, R25)
    leaning_neither: bool = False  # rules out both options for now
    holds: bool = False  # no leaning beyond "open" (R13b, R17, R22, R22b, R18 at Norwood 5)
    # A "stop" line's own label, what it means for this rule (principle 9).
    label: str = ""
    # On a line that can put both options off: the headline's plain reason for it.
    headline: str = ""
    blocks: Option | None = None  # this option cannot be the leaning (R26)
    combination: bool = False  # R32: PRP added to a standard medicine that helps
    hidden_when_doctor_first: bool = False  # e.g. effect sizes beside a red flag
    # A hold whose reason is that the cause of the hair loss is not yet known (R13b, R17,
    # R22b) or is another diagnosis with its own plan (R22). Not R18's Norwood 5 hold.
    cause_open: bool = False
    # "What is left to try" (R0): a medicine suggestion for pattern hair loss, hidden
    # while a red flag or a cause-open hold says the cause must be known first.
    hidden_when_cause_open: bool = False

    @property
    def option(self) -> Option | None:
        """The option an option-card sentence is about (None elsewhere)."""
        head, _, tail = self.place.partition("_")
        return head if tail in {"for", "against"} else None  # type: ignore[return-value]


def red_flag(text: str) -> Says:
    return Says(text, "red_flags", "stop", "see-a-doctor-first")


def against(option: Option, text: str, severity: Severity,
            see: SectionSlug | None = None, **effects) -> Says:
    default: SectionSlug = f"who-should-not-have-{option}"  # type: ignore[assignment]
    return Says(text, f"{option}_against", severity, see or default, **effects)


def against_both(key: str, text: str, severity: Severity, see: SectionSlug | None = None,
                 **effects) -> dict[str, Says]:
    """The same fact against both options, with the same severity (principle 8)."""
    return {f"{key}.{option}": against(option, text, severity, see, **effects)
            for option in OPTIONS}


def favours(option: Option, text: str, see: SectionSlug = "who-each-may-suit",
            **effects) -> Says:
    return Says(text, f"{option}_for", "info", see, **effects)


def ask(text: str, see: SectionSlug = "preparing-for-your-appointment", **effects) -> Says:
    return Says(text, "questions_to_ask", "info", see, **effects)


def discuss(text: str, see: SectionSlug = "other-options", **effects) -> Says:
    return Says(text, "also_discuss", "info", see, **effects)


def bring(text: str) -> Says:
    return Says(text, "to_bring", "info", "preparing-for-your-appointment")


def expect(text: str, see: SectionSlug = "evidence", **effects) -> Says:
    return Says(text, "expectations", "info", see, **effects)


@dataclass(frozen=True)
class Finding:
    """One sentence a rule wrote for this answer set, and the answers behind it."""

    rule: str
    key: str
    says: Says
    because: Pairs


class Answers:
    """Read-only helpers over one valid answer set, returning ``because`` pairs."""

    def __init__(self, answers: IntakeAnswers | Mapping[str, object],
                 as_given: AsGiven | None = None):
        # A plain dict is taken as already valid (what_would_change builds many).
        self.plain = answers.as_plain_dict() if isinstance(answers, IntakeAnswers) else dict(
            answers)
        self.as_given = as_given or AsGiven()  # how older-schema answers were given
        self._chosen = {
            key: tuple(value) if isinstance(value, list) else (value,)
            for key, value in self.plain.items()
        }
        self._memo: dict = {}  # see ``per_answer_set``

    def one(self, key: str) -> str | None:
        value = self.plain.get(key)
        return value if isinstance(value, str) else None

    def chosen(self, key: str) -> tuple[str, ...]:
        return self._chosen.get(key, ())

    def pairs(self, key: str, values: Iterable[str] | None = None) -> Pairs:
        """(key, value) for each chosen value that is in ``values`` (all when None)."""
        wanted = None if values is None else set(values)
        return tuple(
            (key, value) for value in self.chosen(key) if wanted is None or value in wanted
        )

    def pair(self, key: str) -> Pairs:
        """(key, value) of a single-answer question, or nothing when it was not asked."""
        value = self.one(key)
        return ((key, value),) if value is not None else ()

    def pairs_except_none(self, key: str) -> Pairs:
        """The chosen values other than the question's "none" answer (intake's
        ``exclusive``: "none", "none_known")."""
        return self.pairs(key, set(self.chosen(key)) - {QUESTIONS[key].exclusive})

    def results(self, treatments: Iterable[str], values: Iterable[str]) -> Pairs:
        """Each treatment tried (of ``treatments``) whose own result is in ``values``, with
        that result: (("treatments_tried", t), ("result_t", value), ...)."""
        wanted = set(values)
        found: Pairs = ()
        for treatment in self.chosen("treatments_tried"):
            result = self.one(f"result_{treatment}")
            if treatment in treatments and result in wanted:
                found += (("treatments_tried", treatment), (f"result_{treatment}", result))
        return found


def per_answer_set(function: Callable[["Answers"], T]) -> Callable[["Answers"], T]:
    """Work out a helper several rules read (the R15 fit, step 4) once per answer set.

    "What would change it" re-runs every rule a few hundred times per summary.
    """

    @wraps(function)
    def once(a: "Answers") -> T:
        if function not in a._memo:
            a._memo[function] = function(a)
        return a._memo[function]

    return once


class PlaceQueries:
    """Questions about the findings at a place of the summary; ``at`` says what is seen."""

    def at(self, place: Place) -> list[Finding]:
        raise NotImplementedError

    def has_red_flag(self) -> bool:
        return bool(self.at("red_flags"))

    def has_stop(self, option: Option) -> bool:
        return any(f.says.severity == "stop" for f in self.at(f"{option}_against"))

    def caution_lines(self, option: Option) -> list[Finding]:
        """The caution lines on ``option``: each weighs -1, never merged (principle 4)."""
        return [f for f in self.at(f"{option}_against") if f.says.severity == "caution"]


@dataclass
class Findings(PlaceQueries):
    """Everything found for one answer set, in the order the rules ran."""

    found: list[Finding] = field(default_factory=list)

    def at(self, place: Place) -> list[Finding]:
        return [f for f in self.found if f.says.place == place]

    def fired(self, rule_id: str) -> bool:
        return any(f.rule == rule_id for f in self.found)

    def any(self, flag: str) -> bool:
        return any(getattr(f.says, flag) for f in self.found)


class UndeclaredRead(Exception):
    """A rule looked at a place of the findings it does not name in ``reads_found``."""


class FindingsSoFar(PlaceQueries):
    """What one rule sees of the findings of the rules before it: only the places it
    declares in ``reads_found``. Asking about any other place is a mistake in the rule
    (its declaration would not say what it depends on), so it raises."""

    def __init__(self, findings: Findings, reader: "Rule"):
        self._findings = findings
        self._reader = reader

    def at(self, place: Place) -> list[Finding]:
        if place not in self._reader.reads_found:
            raise UndeclaredRead(f"{self._reader.id} reads the findings at {place!r} but does "
                                 f"not name it in reads_found.")
        return self._findings.at(place)


class Say:
    """What a rule function calls to write one of its declared sentences."""

    def __init__(self, rule: "Rule"):
        self.rule = rule

    def __call__(self, key: str, because: Pairs) -> Finding:
        return Finding(self.rule.id, key, self.rule.says[key], because)

    def both(self, key: str, because: Pairs) -> list[Finding]:
        """The sentence ``key`` written against both options (see ``against_both``)."""
        return [self(f"{key}.{option}", because) for option in OPTIONS]

    def each(self, key: str, answers: Pairs, also: Pairs = ()) -> list[Finding]:
        """One line per answer named (principle 4: each caution weighs on its own)."""
        return [self(key, (pair, *also)) for pair in answers]

    def both_each(self, key: str, answers: Pairs, also: Pairs = ()) -> list[Finding]:
        """One line per answer named, on each option."""
        return [line for pair in answers for line in self.both(key, (pair, *also))]


RuleFunction = Callable[[Answers, Say, FindingsSoFar], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    trigger: str  # the condition in plain words, for clinicians (the rulebook)
    reads: Mapping[str, tuple[str, ...]]  # question -> the values that change what it says
    source: str
    says: Mapping[str, Says]
    function: RuleFunction
    # The places of earlier findings this rule looks at (e.g. "red_flags"): every rule
    # that writes there must run before it (tests/assessments/test_rules_order.py).
    reads_found: tuple[Place, ...] = ()

    @property
    def texts(self) -> dict[str, str]:
        return {key: says.text for key, says in self.says.items()}

    @property
    def places(self) -> set[Place]:
        """Every place of the summary this rule may write to."""
        return {says.place for says in self.says.values()}

    def run(self, answers: Answers, findings: Findings) -> list[Finding]:
        return list(self.function(answers, Say(self), FindingsSoFar(findings, self)))


def rule(rule_id: str, title: str, *, trigger: str, reads: Mapping[str, tuple[str, ...]],
         source: str, says: Mapping[str, Says], reads_found: tuple[Place, ...] = ()):
    """Declare a rule: everything it may say is declared here, next to the logic. The
    decorated name becomes the ``Rule``; it runs where ``ruleset.RULES`` puts it."""

    def declare(function: RuleFunction) -> Rule:
        return Rule(rule_id, title, trigger, dict(reads), source, dict(says), function,
                    tuple(reads_found))

    return declare
