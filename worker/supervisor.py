"""`manage.py run_worker`: one background worker, restarted so that nothing is lost.

The supervisor runs django-tasks-db's worker (`manage.py task_worker`, which is
`db_worker` plus a warm-up) as a child process and

- restarts it after HAIRTX_WORKER_MAX_TASKS tasks, so memory from PDF rendering never
  builds up (a fresh process is the only sure way to give it back);
- restarts it when it dies, after putting the task it was running back in the queue;
- reports "still here" every few seconds (pages wait for the worker only while it does);
- puts back tasks left running by workers on other machines that went away, and prunes
  old task rows, on a schedule.

Nothing here knows about HTTP.
"""

import logging
import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils.crypto import get_random_string

from worker import health, recovery

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5
PRUNE_EVERY_SECONDS = 60 * 60
# A child that dies at once (bad settings, database down) is not restarted in a hot loop.
RESTART_PAUSE_SECONDS = 2


def new_worker_id(prefix: str) -> str:
    return f"{prefix}-{get_random_string(8)}"[:64]


class Supervisor:
    def __init__(self, *, max_tasks: int, interval: float, batch: bool = False):
        self.max_tasks = max_tasks
        self.interval = interval
        self.batch = batch
        self.supervisor_id = new_worker_id(f"{socket.gethostname()[:40]}-{os.getpid()}")
        self.child: subprocess.Popen | None = None
        self.stopping = False
        self.last_prune = 0.0

    def child_command(self, worker_id: str) -> list[str]:
        command = [
            sys.executable, "-m", "django", "task_worker",
            "--queue-name", "*",
            "--worker-id", worker_id,
            "--max-tasks", str(self.max_tasks),
            "--interval", str(self.interval),
            "--no-reload", "--no-startup-delay",
        ]
        return [*command, "--batch"] if self.batch else command

    def stop(self, signum, frame) -> None:
        """SIGTERM/SIGINT: let the child finish the task in hand, then exit."""
        self.stopping = True
        if self.child and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        logger.info("Background worker %s starting (restarts after %d tasks).",
                    self.supervisor_id, self.max_tasks)
        self.housekeeping()
        try:
            while not self.stopping:
                returncode, worker_id = self.run_child()
                if returncode != 0 and not self.stopping:
                    logger.warning("Worker %s stopped with exit code %s; restarting.",
                                   worker_id, returncode)
                self.safely(recovery.requeue_abandoned, dead_worker_ids=[worker_id])
                if self.batch:
                    break
                if returncode != 0 and not self.stopping:
                    time.sleep(RESTART_PAUSE_SECONDS)
        finally:
            self.safely(health.heartbeat_stop, self.supervisor_id)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        logger.info("Background worker %s stopped.", self.supervisor_id)

    def run_child(self) -> tuple[int, str]:
        worker_id = new_worker_id(self.supervisor_id[:50])
        env = {**os.environ,
               "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE",
                                                        "hairtx.settings")}
        # Its own session: Ctrl+C in a terminal reaches only the supervisor, which then
        # asks the child once to stop after its task (a second signal would cut it short).
        self.child = subprocess.Popen(self.child_command(worker_id), cwd=settings.BASE_DIR,
                                      env=env, start_new_session=True)
        while True:
            self.safely(health.heartbeat, self.supervisor_id)
            try:
                return self.child.wait(timeout=HEARTBEAT_SECONDS), worker_id
            except subprocess.TimeoutExpired:
                self.housekeeping()

    def housekeeping(self) -> None:
        """Tasks orphaned by workers elsewhere go back in the queue; prune hourly."""
        self.safely(recovery.requeue_abandoned)
        if time.monotonic() - self.last_prune >= PRUNE_EVERY_SECONDS or not self.last_prune:
            self.last_prune = time.monotonic()
            self.safely(recovery.prune_finished)

    @staticmethod
    def safely(function, *args, **kwargs) -> None:
        """A database hiccup must not stop the supervisor: log it, try next time."""
        try:
            function(*args, **kwargs)
        except DatabaseError:
            logger.exception("Background worker housekeeping failed; trying again later.")
        finally:
            close_old_connections()
