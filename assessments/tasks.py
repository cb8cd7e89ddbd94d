"""Background tasks of the assessments app (django.tasks; run by `manage.py run_worker`).

Arguments are ids, never model instances: they are stored as JSON in the queue.
"""

import logging
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from assessments import pdf
from assessments.models import Assessment

logger = logging.getLogger(__name__)

PDF_ATTEMPTS = 3
# Seconds to wait before the 2nd and the 3rd attempt: long enough for a full disk or a
# restarting database to recover, short enough that the patient still gets the PDF.
PDF_RETRY_DELAYS = (10, 60)


@task
def make_summary_pdf(*, assessment_id: int, attempt: int = 1) -> str:
    """Render and store an assessment's summary PDF, unless it is already stored.

    Safe to run twice (the PDF is stored once; see pdf.summary_pdf_ensure). A failure
    queues another attempt after a pause, up to PDF_ATTEMPTS in all, and is raised so
    that this attempt is recorded as failed, with its reason, for staff to see.
    """
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        return "gone"  # deleted by the patient (or purged) before its turn came
    try:
        pdf.summary_pdf_ensure(assessment=assessment)
    except Exception:
        if attempt < PDF_ATTEMPTS:
            summary_pdf_enqueue(assessment_id=assessment_id, attempt=attempt + 1)
        raise
    return "stored"


def summary_pdf_enqueue(*, assessment_id: int, attempt: int = 1) -> None:
    """Queue the PDF of an assessment (attempts after the first wait their turn)."""
    job = make_summary_pdf
    if attempt > 1 and job.get_backend().supports_defer:
        delay = PDF_RETRY_DELAYS[min(attempt, len(PDF_RETRY_DELAYS) + 1) - 2]
        job = job.using(run_after=timezone.now() + timedelta(seconds=delay))
    job.enqueue(assessment_id=assessment_id, attempt=attempt)
