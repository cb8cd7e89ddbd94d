"""The rulebook: every rule as a clinical reviewer reads it, generated from the registry.

Nothing here is written by hand: the rules' ids, titles, triggers, inputs, texts, places,
severities, guide sections and sources come from `assessments.rules.RULES`, and the
worked examples are run through `rules.assess` every time, so the rulebook cannot drift
from the rules that run. `snapshot()` is what a ruleset approval stores; `compare()`
shows what changed since then (triggers and texts, word by word). No HTTP here.
"""

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from assessments import intake, rules
from assessments.intake_versions import read_answers
from assessments.reasoning.what_would_change import what_would_change
from assessments.reasoning.engine import ANY
from content.approvals.diff import FieldDiff, field_diffs

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "docs" / "examples"

PLACE_LABELS = {
    "red_flags": "Red flag (see a doctor first)",
    "prp_for": "For PRP",
    "prp_against": "Against PRP, or needs care",
    "mesotherapy_for": "For mesotherapy",
    "mesotherapy_against": "Against mesotherapy, or needs care",
    "also_discuss": "Other options to ask about",
    "questions_to_ask": "Question to ask",
    "to_bring": "What to bring",
    "expectations": "What to expect",
}


@dataclass(frozen=True)
class Text:
    key: str
    text: str
    place: str
    place_label: str
    severity: str
    see: str
    counts: bool
    leaning_neither: bool


@dataclass(frozen=True)
class RuleEntry:
    id: str
    title: str
    trigger: str
    reads: tuple[str, ...]
    read_labels: tuple[str, ...]
    source: str
    texts: tuple[Text, ...]


def _reads_label(key: str, values: tuple[str, ...]) -> str:
    """“Question (key): the answers that matter”, in the questionnaire's own words."""
    question = intake.QUESTIONS.get(key)
    if question is None:
        return key
    if not values or tuple(values) == ANY:
        answers = "any answer"
    else:
        answers = intake.answer_text(question, list(values))
    return f"{question.label} ({key}): {answers}"


def entries() -> list[RuleEntry]:
    """Every rule in the order the engine runs them."""
    return [
        RuleEntry(
            id=each.id,
            title=each.title,
            trigger=each.trigger,
            reads=tuple(each.reads),
            read_labels=tuple(_reads_label(key, values) for key, values in each.reads.items()),
            source=each.source,
            texts=tuple(
                Text(key, says.text, says.place, PLACE_LABELS.get(says.place, says.place),
                     says.severity, says.see, says.counts, says.leaning_neither)
                for key, says in each.says.items()
            ),
        )
        for each in rules.RULES
    ]


def snapshot() -> dict:
    """What an approval keeps: enough to show later what changed, rule by rule."""
    return {
        "ruleset_version": rules.RULESET_VERSION,
        "fingerprint": rules.ruleset_fingerprint(),
        "rules": {
            entry.id: {
                "title": entry.title,
                "trigger": entry.trigger,
                "texts": {text.key: text.text for text in entry.texts},
                "effects": {text.key: f"{text.place}, {text.severity}, see {text.see}"
                            + (", counts" if text.counts else "")
                            + (", leaning neither" if text.leaning_neither else "")
                            for text in entry.texts},
            }
            for entry in entries()
        },
        "headlines": dict(rules.HEADLINES),
    }


@dataclass(frozen=True)
class RuleChange:
    id: str
    title: str
    kind: str  # "added", "removed" or "changed"
    diffs: list[FieldDiff]


def _flatten(rule: dict) -> dict[str, str]:
    return {"title": rule["title"], "trigger": rule["trigger"],
            **{f"text:{key}": text for key, text in rule["texts"].items()},
            **{f"effect:{key}": effect for key, effect in rule.get("effects", {}).items()}}


def _field_label(name: str) -> str:
    kind, _, key = name.partition(":")
    labels = {"text": f"text “{key}”", "effect": f"where and how “{key}” shows"}
    return labels.get(kind, name)


def compare(before: dict, after: dict) -> list[RuleChange]:
    """Rules added, removed or changed (title, trigger, any text) between two snapshots."""
    changes = []
    old_rules, new_rules = before.get("rules", {}), after.get("rules", {})
    for rule_id in [*new_rules, *(r for r in old_rules if r not in new_rules)]:
        old, new = old_rules.get(rule_id), new_rules.get(rule_id)
        old_flat = _flatten(old) if old else {}
        new_flat = _flatten(new) if new else {}
        labels = {name: _field_label(name)
                  for name in [*new_flat, *(n for n in old_flat if n not in new_flat)]}
        diffs = field_diffs(old_flat, new_flat, labels)
        if not diffs:
            continue
        kind = "added" if old is None else "removed" if new is None else "changed"
        changes.append(RuleChange(rule_id, (new or old)["title"], kind, diffs))
    old_head, new_head = before.get("headlines", {}), after.get("headlines", {})
    head_keys = [*new_head, *(key for key in old_head if key not in new_head)]
    head_labels = {key: f"headline “{key}”" for key in head_keys}
    if head_diffs := field_diffs(old_head, new_head, head_labels):
        changes.append(RuleChange("headlines", "Headlines", "changed", head_diffs))
    return changes


# ---------------------------------------------------------------------------
# Worked examples
# ---------------------------------------------------------------------------

_TABLE_ROW = re.compile(r"^\|\s*([\w.-]+\.json)\s*\|([^|]*)\|\s*(\w+)\s*\|([^|]*)\|\s*$")


@dataclass(frozen=True)
class SummaryLine:
    place: str
    rule: str
    text: str


@dataclass(frozen=True)
class Example:
    file: str
    who: str
    expected_leaning: str
    leaning: str
    headline: str
    lines: list[SummaryLine] = field(default_factory=list)
    problem: str = ""  # the file could not be read or is not a valid answer set
    # What would change it: each single-answer change that changes the leaning or the
    # red flags ("if `smoking` were `no`: PRP instead of open").
    changes: list[str] = field(default_factory=list)

    @property
    def as_expected(self) -> bool:
        return self.leaning == self.expected_leaning


def _summary_lines(summary: dict) -> list[SummaryLine]:
    places = [("red_flags", summary["red_flags"])]
    for option in ("prp", "mesotherapy"):
        places += [(f"{option}_for", summary["options"][option]["for"]),
                   (f"{option}_against", summary["options"][option]["against"])]
    places += [(name, summary[name]) for name in
               ("also_discuss", "questions_to_ask", "to_bring", "expectations")]
    return [SummaryLine(PLACE_LABELS[place], item["rule"], item["text"])
            for place, items in places for item in items]


def _changes(answers: intake.IntakeAnswers) -> list[str]:
    """What would change an example (a few hundred engine runs: once per process)."""
    return list(_changes_of(answers.model_dump_json(exclude_none=True)))


@functools.lru_cache(maxsize=128)
def _changes_of(answers_json: str) -> tuple[str, ...]:
    answers = intake.IntakeAnswers.model_validate_json(answers_json)
    return tuple(change.line for change in what_would_change(answers))


def worked_examples(folder: Path = EXAMPLES_DIR) -> list[Example]:
    """Each example listed in the folder's README table, run through today's rules."""
    readme = folder / "README.md"
    if not readme.is_file():
        return []
    examples = []
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = _TABLE_ROW.match(line)
        if not match:
            continue
        file_name, who, expected = match.group(1), match.group(2).strip(), match.group(3)
        try:
            answers, as_given = read_answers(
                json.loads((folder / file_name).read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:  # pydantic's ValidationError is a ValueError
            examples.append(Example(file_name, who, expected, "", "",
                                    problem=f"cannot be run: {str(error)[:300]}"))
            continue
        summary = rules.assess(answers, as_given=as_given).model_dump(mode="json", by_alias=True)
        examples.append(Example(file_name, who, expected, summary["leaning"],
                                summary["headline"], _summary_lines(summary),
                                changes=_changes(answers)))
    return examples


# ---------------------------------------------------------------------------
# Markdown (manage.py rulebook)
# ---------------------------------------------------------------------------


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _diff_md(diff: FieldDiff) -> str:
    return (f"- **{diff.label}** (+{diff.added_words} / −{diff.removed_words} words)\n"
            f"  - before: {_md(diff.before) or '(none)'}\n"
            f"  - after: {_md(diff.after) or '(none)'}")


def to_markdown(*, approved_snapshot: dict | None, approval_line: str,
                examples: list[Example] | None = None) -> str:
    """The whole rulebook as Markdown: status, changes, rules, headlines, examples."""
    lines = [
        f"# Rulebook: ruleset {rules.RULESET_VERSION}",
        "",
        f"Fingerprint `{rules.ruleset_fingerprint()}`. {approval_line}",
        "",
        "## What changed since the last signed-off version",
        "",
    ]
    if approved_snapshot is None:
        lines.append("No ruleset has been signed off yet: every rule below is new to review.")
    else:
        changes = compare(approved_snapshot, snapshot())
        lines.append(f"Compared with ruleset {approved_snapshot['ruleset_version']}.")
        lines.append("")
        if not changes:
            lines.append("Nothing changed in any trigger or text.")
        for change in changes:
            lines += ["", f"### {change.id}: {change.title} ({change.kind})", ""]
            lines += [_diff_md(diff) for diff in change.diffs]
    lines += ["", "## Rules", ""]
    for entry in entries():
        lines += [
            f"### {entry.id}: {entry.title}",
            "",
            f"- **Trigger:** {entry.trigger}",
            f"- **Reads:** {'; '.join(entry.read_labels) or '(no answers: applies to everyone)'}",
            f"- **Sources:** {entry.source}",
            "",
            "| text | where | severity | guide section | writes |",
            "|---|---|---|---|---|",
        ]
        for text in entry.texts:
            where = text.place_label
            if text.leaning_neither:
                where += " (holds both options for now)"
            if text.counts:
                where += " (weighs in the leaning)"
            lines.append(f"| {text.key} | {where} | {text.severity} | {text.see} "
                         f"| {_md(text.text)} |")
        lines.append("")
    lines += ["## Headlines", ""]
    lines += [f"- **{leaning}:** {text}" for leaning, text in rules.HEADLINES.items()]
    lines += ["", "## Worked examples", ""]
    for example in worked_examples() if examples is None else examples:
        if example.problem:
            lines += [f"### {example.file}", "", f"**This example {example.problem}**", ""]
            continue
        verdict = "as expected" if example.as_expected else (
            f"**differs from the expected {example.expected_leaning}**")
        lines += [f"### {example.file}", "", f"{example.who}.", "",
                  f"Leaning today: `{example.leaning}` ({verdict}). Headline: {example.headline}",
                  ""]
        lines += [f"- {line.place} [{line.rule}]: {line.text}" for line in example.lines]
        lines += ["", "What would change it:", ""]
        lines += [f"- {change}" for change in example.changes] or [
            "- No single answer would change the leaning or the red flags."]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
