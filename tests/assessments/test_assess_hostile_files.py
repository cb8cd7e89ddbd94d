"""``manage.py assess`` given hostile files (issue 22, finding 5): size, depth, endless
numbers and terminal control codes. Always exit 2 with plain lines on stderr: never a
traceback, never a character a terminal would obey."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assessments.fhir.response import answers_response
from assessments.intake import IntakeAnswers
from assessments.untrusted_json import MAX_BYTES, MAX_DEPTH, depth, printable
from tests.commands import manage

ESCAPES = "\x1b[2J\x1b[H\x1b[32mall good\x1b[0m\r\x07\x9b\u202e"


def response(baseline_answers) -> dict:
    return json.loads(answers_response(IntakeAnswers.model_validate(baseline_answers))
                      .model_dump_json())


def nested_items(baseline_answers, levels: int) -> dict:
    data = response(baseline_answers)
    inner = data["item"]
    for level in range(levels):
        inner = [{"linkId": f"group-{level}", "item": inner}]
    data["item"] = inner
    return data


def assert_refused_cleanly(result, *, one_line: bool) -> str:
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stdout == b""
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text
    lines = text.rstrip("\n").split("\n")
    assert all(line.isprintable() for line in lines), lines
    if one_line:
        assert len(lines) == 1, lines
    return text


@pytest.mark.parametrize("name, body", [
    ("5,000-digit number", b'{"age_band": ' + b"9" * 5000 + b"}"),
    ("100,000 nested lists", b"[" * 100_000),
    ("100,000 nested objects", b'{"a":' * 100_000),
    ("deep but parseable", b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)),
    ("too large", b'{"note": "' + b"x" * MAX_BYTES + b'"}'),
])
def test_hostile_files_get_one_line_and_exit_2(name, body):
    text = assert_refused_cleanly(manage("assess", "-", stdin=body), one_line=True)
    assert text.startswith("CommandError: - ")


def test_a_response_with_500_nested_items_gets_one_line(baseline_answers):
    body = json.dumps(nested_items(baseline_answers, 500)).encode()
    text = assert_refused_cleanly(manage("assess", "-", stdin=body), one_line=True)
    assert "nests brackets more than" in text


def test_a_link_id_with_control_codes_is_printed_escaped(baseline_answers):
    data = response(baseline_answers)
    data["item"][0]["item"][0]["linkId"] = ESCAPES
    text = assert_refused_cleanly(manage("assess", "-", stdin=json.dumps(data).encode()),
                                  one_line=False)
    assert "\\x1b[2J\\x1b[H" in text and "\\u202e" in text and "\x1b" not in text


def test_a_resource_type_with_control_codes_is_printed_escaped():
    body = json.dumps({"resourceType": "Patient" + ESCAPES}).encode()
    text = assert_refused_cleanly(manage("assess", "-", stdin=body), one_line=True)
    assert "\\x1b" in text


def test_nesting_that_real_files_need_is_read(baseline_answers, tmp_path):
    assert depth(response(baseline_answers)) < MAX_DEPTH // 2
    path = tmp_path / "response.json"
    path.write_text(json.dumps(response(baseline_answers)), encoding="utf-8")
    call_command("assess", str(path), stdout=io.StringIO())


def test_printable_escapes_what_a_terminal_obeys():
    assert printable("ok: a\x1b[2Jb\nc\u200b") == "ok: a\\x1b[2Jb\\nc\\u200b"
    assert printable("Dr Ökafor – ça va") == "Dr Ökafor – ça va"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)


@pytest.mark.django_db
@hypothesis_settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(link_id=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
       extra=JSON_VALUES)
def test_fuzzed_responses_exit_0_or_2_with_printable_messages(baseline_answers, tmp_path,
                                                              link_id, extra):
    data = response(baseline_answers)
    data["item"][0]["item"][0]["linkId"] = link_id
    data["item"][0]["item"][0]["extension"] = extra
    path = tmp_path / "fuzzed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        call_command("assess", str(path), stdout=io.StringIO())
    except CommandError as error:
        assert error.returncode == 2
        assert all(line.isprintable() for line in str(error).split("\n"))
