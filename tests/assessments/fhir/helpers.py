"""Shared by the FHIR tests: walking item trees, and FHIR's enableWhen as the spec says it.

``enabled`` is written from the FHIR R4 definition of ``enableWhen`` (not from hairtx's
code), so that comparing it with ``Question.applies`` checks the generator against the
standard rather than against itself.
"""

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "docs" / "examples"


def walk(items: list[dict]) -> Iterator[dict]:
    """Every item of a Questionnaire or QuestionnaireResponse tree, depth first."""
    for item in items or []:
        yield item
        yield from walk(item.get("item", []))
        for answer in item.get("answer", []):
            yield from walk(answer.get("item", []))


def example_answers() -> dict[str, dict]:
    """The worked examples in today's intake schema (a QuestionnaireResponse is written
    from schema 3 answers; the schema 2 example is read by ``assess`` only)."""
    examples = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(EXAMPLES.glob("*.json"))
    }
    return {name: data for name, data in examples.items() if "intake_schema" not in data}


def _answered_codes(answers: Mapping[str, object], key: str) -> list[str]:
    value = answers.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _test_holds(test: dict, answers: Mapping[str, object]) -> bool:
    codes = _answered_codes(answers, test["question"])
    wanted = test["answerCoding"]["code"]
    operator = test["operator"]
    if operator == "exists":
        return bool(codes) == test["answerBoolean"]
    if operator == "=":  # at least one answer equals the value
        return wanted in codes
    if operator == "!=":  # no answer equals the value
        return wanted not in codes
    raise AssertionError(f"operator {operator!r} is not expected for coded answers")


def enabled(item: dict, answers: Mapping[str, object]) -> bool:
    """Whether a FHIR form filler enables ``item`` given these (plain intake) answers."""
    tests = item.get("enableWhen")
    if not tests:
        return True
    results = [_test_holds(test, answers) for test in tests]
    if len(tests) == 1:
        return results[0]
    return all(results) if item["enableBehavior"] == "all" else any(results)
