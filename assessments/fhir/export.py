"""Stored assessments as FHIR: one Bundle for staff, or NDJSON for a bulk import.

The Django side of ``assessments.fhir``: it reads assessments and their stored summary
PDFs (rendering and storing a PDF the first time, like a PDF download does) and hands
them to the pure builders. NDJSON is the FHIR bulk-data format: one Bundle per line.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from django.utils import timezone

from assessments import pdf
from assessments.decisions.fhir import decision_entries
from assessments.models import Assessment

from .bundle import assessment_bundle
from .canonical import fhir_names

# Rows fetched per round trip while streaming. Memory use depends on this, not on how
# many assessments are exported (PostgreSQL streams through a server-side cursor).
CHUNK_SIZE = 200
FHIR_JSON = "application/fhir+json"


def bundle_json(assessment: Assessment, *, assembled_at: datetime | None = None) -> str:
    """The assessment as a Bundle in one line of FHIR JSON.

    Raises ``pdf.PdfRenderError`` when the summary PDF cannot be made or read.
    """
    names = fhir_names()
    bundle = assessment_bundle(
        assessment,
        pdf=pdf.summary_pdf_bytes(assessment=assessment),
        leaning_label=assessment.leaning_label,
        assembled_at=assembled_at or timezone.now(),
        names=names,
        extra_entries=decision_entries(assessment, names=names),
    )
    return bundle.model_dump_json()


def assessments_since(since: datetime | None):
    """Assessments submitted at or after ``since`` (all when None), oldest first."""
    queryset = Assessment.objects.order_by("created_at", "id")
    if since is not None:
        queryset = queryset.filter(created_at__gte=since)
    return queryset


@dataclass
class ExportResult:
    written: int = 0
    skipped: list[str] = field(default_factory=list)  # reference codes without a PDF


def write_ndjson(
    out: TextIO,
    *,
    since: datetime | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write one Bundle per line for every assessment since ``since``, streaming.

    Rows come through ``QuerySet.iterator`` in chunks and each line is written as soon
    as it is made, so 100,000 assessments take the memory of one chunk. An assessment
    whose PDF cannot be made is left out and its reference code reported in the result,
    so that one bad row does not cost the whole export. ``progress(done)`` is called
    after every row (the caller decides how often to say something).
    """
    result = ExportResult()
    assembled_at = timezone.now()
    rows = assessments_since(since).iterator(chunk_size=chunk_size)
    for done, assessment in enumerate(rows, start=1):
        try:
            line = bundle_json(assessment, assembled_at=assembled_at)
        except pdf.PdfRenderError:
            result.skipped.append(assessment.reference_code)
        else:
            # One call per line: a management command's OutputWrapper adds its own
            # newline to any write that does not end with one.
            out.write(line + "\n")
            result.written += 1
        if progress is not None:
            progress(done)
    return result
