"""Summary PDFs made in the background: queued after the submit commits, rendered by the
worker with bounded retries, and never rendered in the patient's request while a worker
runs (issue 24, points 1 and 2)."""

from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.tasks import TaskResultStatus, default_task_backend
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from assessments import pdf, pdf_jobs, tasks
from assessments.models import Assessment, Draft
from assessments.services import assessment_submit
from tests.assessments.factories import make_assessment, valid_answers

pytestmark = pytest.mark.django_db


def submit(django_capture_on_commit_callbacks) -> Assessment:
    draft = Draft.objects.create(answers=valid_answers())
    with django_capture_on_commit_callbacks(execute=True):
        return assessment_submit(draft=draft)


def fake_render(**kwargs) -> bytes:
    return b"%PDF-1.7 made by the test"


# Queueing -------------------------------------------------------------------------------

def test_submit_queues_its_pdf_once_after_commit(django_capture_on_commit_callbacks):
    draft = Draft.objects.create(answers=valid_answers())
    with django_capture_on_commit_callbacks() as callbacks:
        assessment = assessment_submit(draft=draft)
        assert default_task_backend.results == [], "queued before the commit"
    for callback in callbacks:
        callback()
    [queued] = default_task_backend.results
    assert queued.task.module_path == "assessments.tasks.make_summary_pdf"
    assert queued.kwargs == {"assessment_id": assessment.pk, "attempt": 1}


def test_a_queue_that_fails_does_not_undo_the_submit(django_capture_on_commit_callbacks):
    with mock.patch("assessments.services.summary_pdf_enqueue", side_effect=RuntimeError("down")):
        assessment = submit(django_capture_on_commit_callbacks)
    assert Assessment.objects.filter(pk=assessment.pk).exists()


# The task -------------------------------------------------------------------------------

def test_task_stores_the_pdf_and_a_second_run_changes_nothing():
    assessment = make_assessment()
    with mock.patch.object(pdf, "render_summary_pdf", side_effect=fake_render) as render:
        assert tasks.make_summary_pdf.call(assessment_id=assessment.pk) == "stored"
        assessment.refresh_from_db()
        stored = assessment.pdf_name
        assert default_storage.open(stored).read() == fake_render()
        assert tasks.make_summary_pdf.call(assessment_id=assessment.pk) == "stored"
    assessment.refresh_from_db()
    assert assessment.pdf_name == stored
    assert render.call_count == 1
    assert default_storage.listdir("summaries")[1] == [stored.split("/")[1]]


def test_task_for_a_deleted_assessment_does_nothing():
    assert tasks.make_summary_pdf.call(assessment_id=987654) == "gone"


def test_a_failed_render_is_tried_again_later_then_given_up(database_queue):
    assessment = make_assessment()
    broken = mock.patch.object(pdf, "render_summary_pdf", side_effect=OSError("disk full"))
    with broken, pytest.raises(pdf.PdfRenderError, match="disk full"):
        tasks.make_summary_pdf.call(assessment_id=assessment.pk, attempt=1)
    [retry] = DBTaskResult.objects.all()
    assert retry.args_kwargs["kwargs"] == {"assessment_id": assessment.pk, "attempt": 2}
    assert retry.run_after > retry.enqueued_at  # a back-off, not straight away
    with broken, pytest.raises(pdf.PdfRenderError):
        tasks.make_summary_pdf.call(assessment_id=assessment.pk, attempt=tasks.PDF_ATTEMPTS)
    assert DBTaskResult.objects.count() == 1, "no attempt after the last"


def test_retry_delays_grow():
    assert list(tasks.PDF_RETRY_DELAYS) == sorted(tasks.PDF_RETRY_DELAYS)
    assert len(tasks.PDF_RETRY_DELAYS) == tasks.PDF_ATTEMPTS - 1


# The worker (django-tasks-db's db_worker, run here in batch mode) --------------------------

@pytest.mark.django_db(transaction=True)
def test_worker_makes_the_pdf_of_a_submitted_summary(database_queue):
    draft = Draft.objects.create(answers=valid_answers())
    assessment = assessment_submit(draft=draft)  # commits: the task is queued
    [job] = DBTaskResult.objects.all()
    assert job.status == TaskResultStatus.READY
    call_command("task_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0,
                 queue_name="*")
    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL, job.traceback
    assessment.refresh_from_db()
    assert default_storage.open(assessment.pdf_name).read().startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_failed_attempts_are_kept_with_their_reason_for_staff(database_queue, client):
    assessment = make_assessment()  # commits: its PDF is queued
    with mock.patch.object(pdf, "render_summary_pdf", side_effect=OSError("disk full")):
        call_command("task_worker", batch=True, no_startup_delay=True, reload=False,
                     verbosity=0)
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert "disk full" in failed.traceback
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1  # the retry
    reason = pdf_jobs.last_pdf_failure(assessment=assessment)
    assert reason.startswith("attempt 1:") and "disk full" in reason

    # A transactional test empties the tables, so the staff group is gone: a superuser.
    client.force_login(User.objects.create_superuser("lead", password="a long password 1"))
    page = client.get(reverse("staff:detail", args=[assessment.reference_code]))
    assert "could not make the PDF" in page.text and "disk full" in page.text


# The patient's pages --------------------------------------------------------------------

def test_while_a_worker_runs_the_pdf_link_says_being_prepared(client, worker_alive):
    assessment = make_assessment()
    page = client.get(assessment.secret_summary_path())
    assert "being prepared" in page.text
    assert reverse("assessments:summary_pdf_status", args=[assessment.token]) in page.text
    assert 'src="/static/assessments/js/pdf_ready.js"' in page.text


def test_while_a_worker_runs_no_pdf_is_rendered_in_the_request(client, worker_alive):
    assessment = make_assessment()
    url = reverse("assessments:summary_pdf", args=[assessment.token])
    with mock.patch.object(pdf, "render_summary_pdf") as render:
        response = client.get(url)
    render.assert_not_called()
    assert response.status_code == 503
    assert response["Retry-After"] == "3"
    assert "being prepared" in response.text and f'href="{url}"' in response.text
    assert response["Referrer-Policy"] == "no-referrer"
    # A summary whose job was lost (made before the worker existed) is queued again, once.
    [job] = DBTaskResult.objects.all()
    assert job.args_kwargs["kwargs"]["assessment_id"] == assessment.pk
    client.get(url)
    assert DBTaskResult.objects.count() == 1


def test_status_answers_ready_once_stored(client, worker_alive):
    assessment = make_assessment()
    url = reverse("assessments:summary_pdf_status", args=[assessment.token])
    assert client.get(url).json() == {"ready": False}
    Assessment.objects.filter(pk=assessment.pk).update(pdf_name="summaries/x.pdf")
    response = client.get(url)
    assert response.json() == {"ready": True}
    assert "no-store" in response["Cache-Control"]
    assert client.get(reverse("assessments:summary_pdf_status", args=["x" * 43])).status_code == 404


def test_stored_pdf_is_served_while_a_worker_runs(client, worker_alive):
    assessment = make_assessment()
    with mock.patch.object(pdf, "render_summary_pdf", side_effect=fake_render):
        tasks.make_summary_pdf.call(assessment_id=assessment.pk)
    page = client.get(assessment.secret_summary_path())
    assert "being prepared" not in page.text
    response = client.get(reverse("assessments:summary_pdf", args=[assessment.token]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == fake_render()


def test_without_a_worker_the_pdf_is_made_on_request(client, database_queue):
    assessment = make_assessment()
    assert "being prepared" not in client.get(assessment.secret_summary_path()).text
    with mock.patch.object(pdf, "render_summary_pdf", side_effect=fake_render):
        response = client.get(reverse("assessments:summary_pdf", args=[assessment.token]))
    assert response.status_code == 200


def test_a_worker_not_seen_for_a_while_counts_as_gone(client, worker_alive, settings):
    from datetime import timedelta

    from django.utils import timezone

    worker_alive.seen_at = timezone.now() - timedelta(seconds=settings.HAIRTX_WORKER_SEEN_SECONDS + 1)
    worker_alive.save()
    assessment = make_assessment()
    assert pdf_jobs.summary_pdf_state(assessment=assessment) == pdf_jobs.PdfState.ON_REQUEST
