"""Where a summary's PDF stands: stored, being made by the background worker, or to be
made when it is asked for (no worker running). Nothing here knows about HTTP."""

from enum import StrEnum

from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from assessments.models import Assessment
from assessments.tasks import make_summary_pdf, summary_pdf_enqueue
from worker.health import worker_running


class PdfState(StrEnum):
    READY = "ready"            # stored: the link downloads it
    PREPARING = "preparing"    # queued for the worker: "being prepared"
    ON_REQUEST = "on_request"  # no worker running: made when the link is followed


def summary_pdf_state(*, assessment: Assessment) -> PdfState:
    if assessment.pdf_name:
        return PdfState.READY
    if worker_running():
        return PdfState.PREPARING
    return PdfState.ON_REQUEST


def pdf_jobs(*, assessment: Assessment):
    """The queue's rows for this assessment's PDF, newest first."""
    return DBTaskResult.objects.filter(
        task_path=make_summary_pdf.module_path,
        args_kwargs__kwargs__assessment_id=assessment.pk,
    ).order_by("-enqueued_at")


def summary_pdf_queue_if_missing(*, assessment: Assessment) -> None:
    """Queue the PDF unless a job for it is waiting or running.

    For summaries whose job is gone: made before there was a worker, failed every
    attempt, or pruned. Called when the patient asks for a PDF that is not stored yet.
    """
    pending = pdf_jobs(assessment=assessment).filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    if not pending.exists():
        summary_pdf_enqueue(assessment_id=assessment.pk)


def last_pdf_failure(*, assessment: Assessment) -> str:
    """Why the worker's last attempt failed, in one line for staff; "" if it did not."""
    job = pdf_jobs(assessment=assessment).exclude(status=TaskResultStatus.READY).first()
    if job is None or job.status != TaskResultStatus.FAILED:
        return ""
    lines = [line.strip() for line in job.traceback.strip().splitlines() if line.strip()]
    attempt = job.args_kwargs["kwargs"].get("attempt", 1)
    return f"attempt {attempt}: {lines[-1] if lines else job.exception_class_path}"
