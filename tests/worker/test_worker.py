"""The worker's own reliability: tasks left running by a dead worker run again, old rows
are pruned, the supervisor restarts its child, and `check --deploy` says when no worker
is running (issue 24, point 2)."""

import gc
import sys
from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from assessments import tasks
from assessments.models import Assessment
from worker import recovery
from worker.checks import NO_WORKER
from worker.models import WorkerHeartbeat
from worker.supervisor import Supervisor
from tests.assessments.factories import make_assessment

pytestmark = pytest.mark.django_db


def queued_row(*, status=TaskResultStatus.RUNNING, worker_ids=("w1",), started_ago=1,
               finished_ago=None, assessment_id=1) -> DBTaskResult:
    now = timezone.now()
    result = tasks.make_summary_pdf.enqueue(assessment_id=assessment_id)
    row = DBTaskResult.objects.get(pk=result.id)
    row.status = status
    row.worker_ids = list(worker_ids)
    row.started_at = now - timedelta(seconds=started_ago)
    if finished_ago is not None:
        row.finished_at = now - timedelta(days=finished_ago)
    row.save()
    return row


@pytest.fixture(autouse=True)
def _database_queue(database_queue):
    pass


def test_task_of_a_dead_worker_goes_back_in_the_queue():
    orphan = queued_row(worker_ids=["dead"])
    busy = queued_row(worker_ids=["alive"])
    assert recovery.requeue_abandoned(dead_worker_ids=["dead"]) == (1, 0)
    orphan.refresh_from_db()
    busy.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY and orphan.started_at is None
    assert busy.status == TaskResultStatus.RUNNING


def test_task_running_far_too_long_goes_back_in_the_queue(settings):
    stale = queued_row(started_ago=settings.HAIRTX_TASK_STALE_SECONDS + 5)
    assert recovery.requeue_abandoned() == (1, 0)
    stale.refresh_from_db()
    assert stale.status == TaskResultStatus.READY


def test_task_that_killed_its_worker_three_times_is_failed_with_the_reason():
    row = queued_row(worker_ids=["a", "b", "c"])
    assert recovery.requeue_abandoned(dead_worker_ids=["c"]) == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == recovery.WORKER_DIED
    assert "3 times" in row.traceback


@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_render_loses_no_pdf():
    assessment = make_assessment()  # commits: its PDF is queued
    row = DBTaskResult.objects.get()
    row.claim("killed-worker")  # what db_worker does before it renders
    # The worker is killed here: the row stays RUNNING and no PDF is stored.
    recovery.requeue_abandoned(dead_worker_ids=["killed-worker"])
    call_command("task_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids[0] == "killed-worker" and len(row.worker_ids) == 2
    assert default_storage.exists(Assessment.objects.get(pk=assessment.pk).pdf_name)


def test_prune_keeps_recent_rows_and_failed_ones_longer(settings):
    days = settings.HAIRTX_TASK_RESULT_DAYS
    old_done = queued_row(status=TaskResultStatus.SUCCESSFUL, finished_ago=days + 1)
    new_done = queued_row(status=TaskResultStatus.SUCCESSFUL, finished_ago=days - 1)
    old_failed = queued_row(status=TaskResultStatus.FAILED, finished_ago=days + 1)
    ancient_failed = queued_row(status=TaskResultStatus.FAILED, finished_ago=4 * days + 1)
    waiting = queued_row(status=TaskResultStatus.READY)
    WorkerHeartbeat.objects.create(worker_id="gone", host="h", pid=1,
                                   seen_at=timezone.now() - timedelta(days=2))
    assert recovery.prune_finished() == 2
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {new_done.pk, old_failed.pk, waiting.pk}
    assert old_done.pk not in left and ancient_failed.pk not in left
    assert not WorkerHeartbeat.objects.exists()


def test_supervisor_requeues_the_task_of_a_child_that_was_killed(monkeypatch):
    """The child here claims a task and dies of SIGKILL, as an out-of-memory kill would."""
    claimed = {}

    def dying_child(self, worker_id):
        claimed["row"] = queued_row(worker_ids=[worker_id])
        return [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"]

    monkeypatch.setattr(Supervisor, "child_command", dying_child)
    # Inside the test's transaction closing the connection would lose the test data.
    monkeypatch.setattr("worker.supervisor.close_old_connections", lambda: None)
    Supervisor(max_tasks=5, interval=0.1, batch=True).run()
    row = claimed["row"]
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY
    assert not WorkerHeartbeat.objects.exists(), "a stopped supervisor removes its heartbeat"


def test_supervisor_starts_db_worker_with_a_task_limit():
    command = Supervisor(max_tasks=250, interval=0.5).child_command("w-1")
    assert command[1:4] == ["-m", "django", "task_worker"]
    assert command[command.index("--max-tasks") + 1] == "250"
    assert command[command.index("--worker-id") + 1] == "w-1"
    assert "--no-reload" in command


def test_deploy_check_warns_when_no_worker_was_seen(settings):
    ids = [message.id for message in run_checks(include_deployment_checks=True, tags=["worker"])]
    assert ids == [NO_WORKER]
    WorkerHeartbeat.objects.create(worker_id="w", host="h", pid=1)
    assert run_checks(include_deployment_checks=True, tags=["worker"]) == []


def test_deploy_check_is_quiet_without_a_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    assert run_checks(include_deployment_checks=True, tags=["worker"]) == []


@pytest.mark.django_db(transaction=True)  # db_worker closes connections between tasks
def test_worker_warm_up_runs_before_the_first_task(monkeypatch, settings):
    called = []
    monkeypatch.setattr("assessments.pdf.warm_up", lambda: called.append(True))
    frozen_before = gc.get_freeze_count()
    try:
        call_command("task_worker", batch=True, no_startup_delay=True, reload=False,
                     verbosity=0)
        assert called == [True]
        # What the warm-up loaded is kept out of the collector's full passes.
        assert gc.get_freeze_count() > frozen_before
    finally:
        gc.unfreeze()


def test_pdf_warm_up_really_renders():
    from assessments import pdf

    pdf.warm_up()  # raises if a font or the stylesheet could not be loaded
    assert pdf._thread_renderer_state().font_config is not None
