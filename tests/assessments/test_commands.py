"""The assess and intake_schema commands, and the worked examples in docs/examples."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assessments.intake import QUESTIONS, IntakeAnswers
from assessments.intake_versions import read_answers
from assessments.rules import assess
from tests.commands import manage

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"


def run_assess(path: str) -> dict:
    out = io.StringIO()
    call_command("assess", path, stdout=out)
    return json.loads(out.getvalue())


def test_assess_prints_the_summary_as_json(tmp_path, baseline_answers):
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(baseline_answers), encoding="utf-8")
    summary = run_assess(str(answers_file))
    assert summary["leaning"] == "standard_first"
    assert set(summary["options"]["prp"]) == {"for", "against"}


def test_assess_lists_every_validation_error(tmp_path, baseline_answers):
    bad = dict(baseline_answers, age_band="ancient", periods="regular")
    del bad["goal"]
    answers_file = tmp_path / "bad.json"
    answers_file.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(answers_file))
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "age_band: Please choose one of the listed answers." in message
    assert "goal: Select what you would most like to happen" in message
    assert "periods: This question does not apply" in message


def test_assess_reads_schema_2_answers_and_cites_them_as_given():
    summary = run_assess(str(EXAMPLES / "schema-2-one-answer-for-all.json"))
    cited = {(b["question"], b["answer"]) for item in summary["to_bring"]
             for b in item["because"]}
    assert ("tried_result", "stopped_side_effects") in cited
    assert any("one result for every treatment" in i["text"] for i in summary["to_bring"])
    everything = json.dumps(summary)
    assert "result_minoxidil_topical" not in everything and "result_finasteride" not in everything


@pytest.mark.parametrize(("change", "key"), [
    ({"tried_result": "helped"}, "tried_result"),  # schema 3 with the schema 2 key
    ({"intake_schema": 2, "result_finasteride": "helped"}, "result_finasteride"),
])
def test_assess_refuses_mixed_schemas_naming_the_key(tmp_path, change, key):
    data = json.loads((EXAMPLES / "schema-2-one-answer-for-all.json").read_text())
    if "intake_schema" not in change:  # make it a schema 3 set first
        data = json.loads((EXAMPLES / "minoxidil-no-change.json").read_text())
    answers_file = tmp_path / "mixed.json"
    answers_file.write_text(json.dumps({**data, **change}), encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(answers_file))
    assert caught.value.returncode == 2
    assert f'{key}: "{key}"' in str(caught.value) and '"intake_schema"' in str(caught.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"sex_at_birth": "male",', "not valid JSON"),
        (b'["male"]', "one JSON object"),
        ('{"sex_at_birth": "m\u00e4le"}'.encode("latin-1"), "not UTF-8"),
    ],
    ids=["bad syntax", "not an object", "not utf-8"],
)
def test_assess_rejects_unreadable_json(tmp_path, content, expected):
    answers_file = tmp_path / "answers.json"
    answers_file.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(answers_file))
    assert caught.value.returncode == 2
    assert expected in str(caught.value)


def test_assess_missing_file(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(tmp_path / "nowhere.json"))
    assert caught.value.returncode == 2
    assert "Cannot read" in str(caught.value)


def test_assess_reads_stdin_and_exits_0(baseline_answers):
    result = manage("assess", "-", stdin=json.dumps(baseline_answers).encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ruleset_version"]


def test_assess_exits_2_with_field_messages_on_stderr(baseline_answers):
    result = manage("assess", "-", stdin=json.dumps(dict(baseline_answers, smoking=1)).encode())
    assert result.returncode == 2
    assert b"smoking: Please choose one of the listed answers." in result.stderr
    assert result.stdout == b""


def test_intake_schema_prints_the_schema():
    out = io.StringIO()
    call_command("intake_schema", stdout=out)
    schema = json.loads(out.getvalue())
    assert list(schema["properties"]) == list(QUESTIONS)
    assert schema == json.loads(json.dumps(IntakeAnswers.model_json_schema()))


def expected_leanings() -> dict[str, str]:
    """file name -> expected leaning, read from the table in docs/examples/README.md."""
    rows = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].endswith(".json"):
            rows[cells[0]] = cells[2]
    return rows


def test_every_example_file_is_in_the_table():
    assert set(expected_leanings()) == {path.name for path in EXAMPLES.glob("*.json")}
    assert len(expected_leanings()) >= 8


@pytest.mark.parametrize(("file_name", "leaning"), sorted(expected_leanings().items()))
def test_worked_example_gives_its_expected_leaning(file_name, leaning):
    data = json.loads((EXAMPLES / file_name).read_text(encoding="utf-8"))
    answers, as_given = read_answers(data)  # an example may be schema 2 answers
    assert assess(answers, as_given=as_given).leaning == leaning
