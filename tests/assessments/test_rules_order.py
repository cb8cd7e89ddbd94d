"""The rule order is one tuple, and no rule reads what a later rule writes (issue 27
point 5).

A rule that looks at earlier findings ("no red flag so far", "no caution on PRP") names
the places it reads in ``reads_found`` and sees nothing else (``FindingsSoFar``). So the
order can be checked from the declarations: every rule that writes to a place a rule
reads must run before it. The worked examples then show that the rules read exactly what
they declare, and that the summaries do not depend on anything else.
"""

import json
from pathlib import Path

import pytest

from assessments.intake_versions import read_answers
from assessments.reasoning import always, assess, engine, fit, red_flags, safety, values
from assessments.reasoning.engine import Rule, UndeclaredRead, red_flag
from assessments.reasoning.ruleset import RULES

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def reads_of_later_rules(rules: tuple[Rule, ...]) -> list[tuple[str, str, str]]:
    """(reader, place, later writer) for each place a rule reads that a rule after it
    writes to: what the reader could not have seen."""
    return [
        (reader.id, place, later.id)
        for index, reader in enumerate(rules)
        for place in reader.reads_found
        for later in rules[index + 1:]
        if place in later.places
    ]


def test_the_order_is_one_tuple_of_every_declared_rule():
    declared = [value for module in (always, red_flags, safety, fit, values)
                for value in vars(module).values() if isinstance(value, Rule)]
    assert isinstance(RULES, tuple)
    assert sorted(each.id for each in RULES) == sorted(each.id for each in declared)
    assert len({each.id for each in RULES}) == len(RULES)


def test_no_rule_reads_a_place_a_later_rule_writes_to():
    assert reads_of_later_rules(RULES) == []


def test_the_check_sees_a_reader_moved_before_a_writer():
    order = list(RULES)
    r15 = next(each for each in order if each.id == "R15")
    order.remove(r15)
    order.insert(0, r15)  # before every red flag rule
    late = reads_of_later_rules(tuple(order))
    assert ("R15", "red_flags", "R1") in late and ("R15", "red_flags", "R6d") in late


def test_the_readers_are_declared():
    readers = {each.id: set(each.reads_found) for each in RULES if each.reads_found}
    assert readers == {"R15": {"red_flags"}, "R15m": {"red_flags"}, "R18": {"red_flags"},
                       "R22": {"red_flags"}, "R32": {"red_flags", "prp_against"}}


def _probe(reads_found: tuple[str, ...]) -> Rule:
    def looks_for_red_flags(a, say, found):
        return [say("line", ())] if not found.has_red_flag() else []

    return Rule("probe", "probe", "", {}, "", {"line": red_flag("A probe line.")},
                looks_for_red_flags, reads_found)


def test_a_rule_sees_only_the_places_it_names():
    answers, findings = engine.Answers({}), engine.Findings()
    with pytest.raises(UndeclaredRead, match="probe reads the findings at 'red_flags'"):
        _probe(()).run(answers, findings)
    assert [f.rule for f in _probe(("red_flags",)).run(answers, findings)] == ["probe"]


def _worked_examples() -> list[Path]:
    examples = sorted(EXAMPLES.glob("*.json"))
    assert len(examples) >= 20  # guards against a moved folder making this test empty
    return examples


def test_in_every_worked_example_each_rule_reads_only_what_it_declares(monkeypatch):
    # With the declarations checked against the order above, every read is of an earlier
    # rule's findings.
    seen = set()
    original = engine.FindingsSoFar.at

    def recording(view, place):
        seen.add((view._reader.id, place))
        return original(view, place)

    monkeypatch.setattr(engine.FindingsSoFar, "at", recording)
    for path in _worked_examples():
        answers, as_given = read_answers(json.loads(path.read_text(encoding="utf-8")))
        assess(answers, as_given=as_given)  # an undeclared read raises UndeclaredRead
    declared = {(each.id, place) for each in RULES for place in each.reads_found}
    assert seen == declared  # and the examples exercise every declared read
