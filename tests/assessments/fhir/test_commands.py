"""export_fhir (bulk NDJSON), fhir_questionnaire, and assess reading a QuestionnaireResponse."""

import io
import json
import tracemalloc
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from assessments import pdf
from assessments.fhir import export
from assessments.fhir.questionnaire import intake_questionnaire
from assessments.fhir.response import answers_response
from assessments.intake import IntakeAnswers
from assessments.models import Assessment, AuditEvent, new_reference_code, new_token
from tests.assessments.factories import make_assessment
from tests.commands import manage

from .helpers import EXAMPLES, example_answers


def export_fhir(*args: str) -> tuple[list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_fhir", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def reference_codes(bundles: list[dict]) -> list[str]:
    return [bundle["identifier"]["value"] for bundle in bundles]


@pytest.mark.django_db
class TestExportFhir:
    def test_one_valid_bundle_per_line_oldest_first(self):
        older, newer = make_assessment(), make_assessment()
        Assessment.objects.filter(pk=older.pk).update(
            created_at=timezone.now() - timedelta(days=3)
        )
        bundles, err = export_fhir()
        assert reference_codes(bundles) == [older.reference_code, newer.reference_code]
        for bundle in bundles:
            assert Bundle.model_validate(bundle)
        assert "Wrote 2 of 2 assessments." in err

    def test_since_a_date(self):
        old, recent = make_assessment(), make_assessment()
        Assessment.objects.filter(pk=old.pk).update(
            created_at=timezone.make_aware(timezone.datetime(2026, 1, 10, 23, 59))
        )
        Assessment.objects.filter(pk=recent.pk).update(
            created_at=timezone.make_aware(timezone.datetime(2026, 1, 11, 0, 0))
        )
        bundles, _ = export_fhir("--since", "2026-01-11")
        assert reference_codes(bundles) == [recent.reference_code]

    def test_output_file_and_an_audit_line(self, tmp_path):
        assessment = make_assessment()
        target = tmp_path / "hairtx.ndjson"
        _, err = export_fhir("--output", str(target))
        lines = target.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["identifier"]["value"] for line in lines] == [
            assessment.reference_code
        ]
        assert not (tmp_path / "hairtx.ndjson.partial").exists()
        assert f"to {target}" in err
        event = AuditEvent.objects.get(action=AuditEvent.Action.FHIR_EXPORT)
        assert event.detail == "manage.py export_fhir, all: 1 bundles"

    def test_progress_on_long_runs(self, monkeypatch):
        monkeypatch.setattr("assessments.management.commands.export_fhir.PROGRESS_EVERY", 2)
        for _ in range(5):
            make_assessment()
        bundles, err = export_fhir()
        assert len(bundles) == 5
        assert "2 of 5 assessments exported..." in err
        assert "4 of 5 assessments exported..." in err

    def test_an_assessment_without_a_pdf_is_left_out_and_named(self, monkeypatch):
        good, bad = make_assessment(), make_assessment()
        pdf.summary_pdf_ensure(assessment=good)
        monkeypatch.setattr(pdf, "render_summary_pdf", lambda **kw: 1 / 0)
        out = io.StringIO()
        with pytest.raises(CommandError) as caught:
            call_command("export_fhir", stdout=out, stderr=io.StringIO())
        assert caught.value.returncode == 1
        assert bad.reference_code in str(caught.value)
        assert reference_codes([json.loads(line) for line in out.getvalue().splitlines()]) == [
            good.reference_code
        ]

    def test_a_long_list_of_left_out_codes_is_cut_short(self, monkeypatch):
        monkeypatch.setattr("assessments.management.commands.export_fhir.SKIPPED_NAMED", 1)
        monkeypatch.setattr(pdf, "render_summary_pdf", lambda **kw: 1 / 0)
        first, second, _third = make_assessment(), make_assessment(), make_assessment()
        with pytest.raises(CommandError) as caught:
            call_command("export_fhir", stdout=io.StringIO(), stderr=io.StringIO())
        message = str(caught.value)
        assert message.startswith("3 assessments were left out")
        assert f"{first.reference_code} and 2 more." in message
        assert second.reference_code not in message

    def test_a_bad_date_exits_2_with_a_clear_message(self):
        result = manage("export_fhir", "--since", "yesterday")
        assert result.returncode == 2
        assert b"'yesterday' is not a date. Use YYYY-MM-DD" in result.stderr


def _stored_rows(count: int) -> None:
    """``count`` assessments that share one small stored PDF (no rendering in the loop)."""
    template = make_assessment()
    name = default_storage.save("summaries/shared.pdf", ContentFile(b"%PDF-1.7\n" + b"x" * 2000))
    Assessment.objects.bulk_create(
        Assessment(
            reference_code=new_reference_code(), token=new_token(), answers=template.answers,
            summary=template.summary, ruleset_version=template.ruleset_version,
            leaning=template.leaning, pdf_name=name, created_on=template.created_on,
        )
        for _ in range(count)
    )
    template.delete()


class _Discard:
    """Counts what is written and keeps none of it, like a pipe to another program."""

    def __init__(self):
        self.lines = 0

    def write(self, text: str) -> None:
        self.lines += text.count("\n")


def _peak_while_exporting() -> tuple[int, int]:
    sink = _Discard()
    tracemalloc.start()
    try:
        export.write_ndjson(sink, chunk_size=5)
        return tracemalloc.get_traced_memory()[1], sink.lines
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
def test_memory_stays_flat_as_the_export_grows():
    """Eight times the rows must not take (much) more memory: the export streams.

    tracemalloc makes each bundle ~10x slower, so the rows are few; the chunk is small
    so that both runs read several chunks. Holding every row instead (a queryset without
    .iterator) measured 5.9 MB against 0.45 MB for 300 rows, ~19 kB a row.
    """
    _stored_rows(10)
    export.write_ndjson(_Discard())  # warm-up: first-use allocations are not the export's
    small_peak, small_lines = _peak_while_exporting()
    _stored_rows(70)
    large_peak, large_lines = _peak_while_exporting()
    assert (small_lines, large_lines) == (10, 80)
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)


def test_fhir_questionnaire_prints_the_questionnaire():
    out = io.StringIO()
    call_command("fhir_questionnaire", stdout=out)
    assert json.loads(out.getvalue()) == json.loads(intake_questionnaire().model_dump_json())


# ---------------------------------------------------------------------------
# assess reads a QuestionnaireResponse
# ---------------------------------------------------------------------------


def response_file(tmp_path, answers: dict):
    model = answers_response(IntakeAnswers.model_validate(answers))
    path = tmp_path / "response.json"
    path.write_text(model.model_dump_json(indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(example_answers()))
def test_assess_gives_the_same_summary_for_a_response_as_for_the_answers(tmp_path, name):
    from_answers, from_response = io.StringIO(), io.StringIO()
    call_command("assess", str(EXAMPLES / name), stdout=from_answers)
    path = response_file(tmp_path, example_answers()[name])
    call_command("assess", str(path), stdout=from_response)
    assert json.loads(from_response.getvalue()) == json.loads(from_answers.getvalue())


def test_assess_refuses_a_misfit_response_with_link_id_and_exit_2(tmp_path, baseline_answers):
    path = response_file(tmp_path, baseline_answers)
    data = json.loads(path.read_text())
    data["item"][0]["item"][0]["answer"] = [{"valueString": "man"}]
    result = manage("assess", "-", stdin=json.dumps(data).encode())
    assert result.returncode == 2
    assert b"does not fit the hairtx Questionnaire" in result.stderr
    assert b"sex_at_birth: each answer must be a Coding" in result.stderr
    assert result.stdout == b""


def test_assess_refuses_another_fhir_resource(tmp_path):
    path = tmp_path / "patient.json"
    path.write_text(json.dumps({"resourceType": "Patient"}), encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(path))
    assert caught.value.returncode == 2
    assert "holds a FHIR Patient" in str(caught.value)
