#!/usr/bin/env python3
"""hairtx benchmarks (issue 7 items 5 and 6, issue 24): `.venv/bin/python bench/run.py`.

Starts hairtx and a bare Django baseline (bench/baseline/) under gunicorn on 127.0.0.1
with production settings (DEBUG off, 4 sync workers, hairtx/gunicorn.conf.py), each with
a throwaway SQLite database in a temporary folder, and measures with wrk (`--latency`)
at concurrency 1, 8 and 32. Writes bench/results.json and docs/performance.md (tables
from the JSON, plus the hand-written analysis kept in bench/analysis.md). Then, with one
`manage.py run_worker` beside hairtx: the time from the final submit to a stored PDF,
and the worker's memory over --renders PDFs.

Takes 20-30 minutes on a quiet 2-core machine (the 1,000 renders by the background
worker dominate). `--quick` (2 s per run) checks the script itself; `--only KEY,...`
measures a few parts (e.g. `step_get,step_post`, `render_loop`, `memory`) with their
baselines and writes bench/results.only.json.
Nothing here is part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PY = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESULTS = BENCH / "results.json"
ONLY_RESULTS = BENCH / "results.only.json"
REPORT = ROOT / "docs" / "performance.md"
ANALYSIS = BENCH / "analysis.md"

HOST = "127.0.0.1"
HAIRTX_PORT, BASELINE_PORT = 8701, 8702
CONCURRENCY = (1, 8, 32)
# The pages whose ratio to a baseline is one of issue 24's goals: measured again in turns
# with that baseline (Wrk.alternate).
PAIRED = ("home", "guide", "compare", "option", "step_get", "step_post", "pdf_stored")
WORKERS = 4
EXAMPLE = ROOT / "docs" / "examples" / "early-male-pattern.json"
# Step 1 as the POST benchmark posts it (a valid answer set; redirects to step 2).
STEP1_POST = {"sex_at_birth": "male", "age_band": "25_34", "family_plans": "no"}
# The step GET benchmark shows this step: the longest (12 questions, 9 asked here).
STEP_GET = 4


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------- HTTP client
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A cookie-keeping client that does not follow redirects (we want to see them)."""

    def __init__(self, port: int):
        self.base = f"http://{HOST}:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path: str, data: dict | list | None = None) -> tuple[int, dict, bytes]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(req, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:  # 3xx (not followed) and errors
            return exc.code, dict(exc.headers), exc.read()

    def get(self, path: str) -> tuple[int, dict, bytes]:
        return self.request(path)

    def post(self, path: str, data) -> tuple[int, dict, bytes]:
        return self.request(path, data)

    def cookie(self, name: str) -> str:
        for item in self.jar:
            if item.name == name:
                return item.value
        raise KeyError(name)

    def cookie_header(self, *names: str) -> str:
        return "; ".join(f"{name}={self.cookie(name)}" for name in names)


def csrf_from(html: bytes) -> str:
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise RuntimeError("No CSRF token in the page.")
    return match.group(1).decode()


def expect(status: int, wanted: int, what: str, headers: dict | None = None) -> None:
    if status != wanted:
        where = f" -> {headers.get('Location')}" if headers and headers.get("Location") else ""
        raise RuntimeError(f"{what}: HTTP {status}{where}, expected {wanted}.")


# --------------------------------------------------------------------------- servers
class Server:
    def __init__(self, name: str, env: dict, wsgi: str, port: int, logdir: Path, **extra_env):
        self.name, self.port = name, port
        self.env = {**env, **extra_env, "GUNICORN_BIND": f"{HOST}:{port}"}
        self.cmd = [str(GUNICORN), "-c", str(ROOT / "hairtx" / "gunicorn.conf.py"), wsgi]
        self.logfile = logdir / f"gunicorn-{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self, health: str) -> None:
        log(f"start {self.name} on {HOST}:{self.port}: {' '.join(self.cmd[1:])}")
        self.proc = subprocess.Popen(
            self.cmd, cwd=ROOT, env=self.env, stdout=self.logfile.open("ab"),
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.logfile}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}{health}", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        else:
            raise RuntimeError(f"{self.name} did not answer; see {self.logfile}")
        # Every worker imports the app on its first request: give them all a few.
        for _ in range(WORKERS * 4):
            urllib.request.urlopen(f"http://{HOST}:{self.port}{health}", timeout=10).read()

    def worker_pids(self) -> list[int]:
        assert self.proc is not None
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        return [int(pid) for pid in children.split()]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        log(f"stop {self.name} (pid {self.proc.pid})")
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # our own process group only
            self.proc.wait(timeout=10)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


# --------------------------------------------------------------------------- wrk
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


class WorkerProcess(Server):
    """`manage.py run_worker` for the benchmark: the supervisor and its db_worker child."""

    def __init__(self, env: dict, tmp: Path):
        self.name, self.env = "the background worker", env
        self.logfile = tmp / "worker.log"
        self.db = tmp / "var" / "hairtx.sqlite3"
        self.proc: subprocess.Popen | None = None

    def query(self, sql: str) -> list[tuple]:
        import sqlite3

        with sqlite3.connect(self.db, timeout=20) as connection:
            return connection.execute(sql).fetchall()

    def start(self) -> None:
        log("start the background worker (manage.py run_worker)")
        self.proc = subprocess.Popen([str(PY), "manage.py", "run_worker"], cwd=ROOT,
                                     env=self.env, stdout=self.logfile.open("ab"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while not self.query("SELECT 1 FROM worker_workerheartbeat"):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit(f"the worker did not start: see {self.logfile}")
            time.sleep(0.5)
        time.sleep(3)  # its child's warm-up (WeasyPrint, fonts) before the first task

    def pids(self) -> list[int]:
        assert self.proc is not None
        return [self.proc.pid, *self.worker_pids()]

    def finished(self) -> int:
        return self.query("SELECT count(*) FROM django_tasks_database_dbtaskresult "
                          "WHERE status IN ('SUCCESSFUL', 'FAILED')")[0][0]

    def memory_over(self, queued: int) -> dict:
        """RSS of supervisor + child every 50 finished renders, until all are done."""
        samples, next_at, started = [], 10, time.monotonic()
        while (done := self.finished()) < queued:
            if done >= next_at:
                pids = self.pids()
                samples.append({"renders": done, "rss_kib": sum(rss_kib(p) for p in pids),
                                "child_pid": pids[-1]})
                next_at = 50 * (done // 50 + 1)
            if time.monotonic() - started > 4 * 3600:
                raise SystemExit("the worker is too slow: stopped after 4 hours")
            time.sleep(0.2)
        pids = self.pids()
        samples.append({"renders": queued, "rss_kib": sum(rss_kib(p) for p in pids),
                        "child_pid": pids[-1]})
        durations = sorted(
            (dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds()
            * 1000 for start, end in self.query(
                "SELECT started_at, finished_at FROM django_tasks_database_dbtaskresult "
                "WHERE status = 'SUCCESSFUL'"))
        failed = self.query("SELECT count(*) FROM django_tasks_database_dbtaskresult "
                            "WHERE status = 'FAILED'")[0][0]
        base = samples[0]["rss_kib"]
        peak = max(x["rss_kib"] for x in samples)
        return {
            "renders": queued, "failed": failed, "samples": samples,
            "rss_after_10_kib": base, "rss_peak_kib": peak,
            "growth_pct": round(100 * (peak - base) / base, 1),
            "child_processes": len({x["child_pid"] for x in samples}),
            "task_median_ms": round(statistics.median(durations), 1),
            "task_p95_ms": round(durations[int(0.95 * (len(durations) - 1))], 1),
            "seconds": round(time.monotonic() - started),
            "method": ("one `manage.py run_worker` (HAIRTX_WORKER_MAX_TASKS default: its "
                       "db_worker child is replaced after that many tasks) renders and stores "
                       "the PDFs of fresh assessments queued at once; RSS of the supervisor "
                       "plus its current child from /proc/<pid>/status every 50 renders; "
                       "growth is the peak over the first sample (after 10 renders)"),
        }

def submit_to_stored(count: int) -> dict:
    """Submit through HTTP, then ask the PDF status every 20 ms until the PDF is stored.

    Right after each submit the PDF link is fetched once: while the worker has not stored
    the PDF it must answer 503 "being prepared" (no render in the patient's request).
    """
    answers = json.loads(EXAMPLE.read_text())
    latencies, link_answers, link_ms = [], {}, []
    for _ in range(count):
        patient = Client(HAIRTX_PORT)
        walk_questionnaire(patient, answers)
        status, _, html = patient.get("/questionnaire/review/")
        expect(status, 200, "review page")
        started = time.perf_counter()
        status, headers, _ = patient.post("/questionnaire/review/",
                                          {"csrfmiddlewaretoken": csrf_from(html)})
        expect(status, 302, "submit", headers)
        summary_path = urllib.parse.urlsplit(headers["Location"]).path
        t0 = time.perf_counter()
        status, _, _ = patient.get(summary_path + "pdf/")
        link_ms.append((time.perf_counter() - t0) * 1000)
        link_answers[str(status)] = link_answers.get(str(status), 0) + 1
        while True:
            status, _, body = patient.get(summary_path + "pdf/status/")
            expect(status, 200, "PDF status")
            if json.loads(body)["ready"]:
                break
            if time.perf_counter() - started > 120:
                raise SystemExit("no PDF two minutes after the submit")
            time.sleep(0.02)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "submits": count,
        "median_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "max_ms": round(latencies[-1], 1),
        "pdf_link_right_after_submit": link_answers,
        "pdf_link_median_ms": round(statistics.median(link_ms), 1),
    }


def _ms(value: str, unit: str) -> float:
    return float(value) * UNITS[unit]


def parse_wrk(output: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for pct in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        latency[pct] = round(_ms(*match.groups()), 2)
    total = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": round(rps, 1),
        "p50_ms": latency["50"],
        "p90_ms": latency["90"],
        "p99_ms": latency["99"],
        "requests": total,
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": dict(zip(("connect", "read", "write", "timeout"),
                                  map(int, socket.groups()))) if socket else {},
    }


class Wrk:
    def __init__(self, duration: int, warmup: int):
        self.duration, self.warmup = duration, warmup
        self.commands: list[str] = []

    def command(self, url: str, conns: int, duration: int, headers=(), script=None) -> list[str]:
        threads = 1 if conns == 1 else 2
        cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}s", "--latency",
               "--timeout", "10s"]
        for header in headers:
            cmd += ["-H", header]
        if script:
            cmd += ["-s", str(script)]
        return [*cmd, url]

    def _wrk(self, url: str, conns: int, seconds: int, headers=(), script=None,
             env=None) -> str:
        """wrk's output for one run against ``url``."""
        return subprocess.run(self.command(url, conns, seconds, headers, script),
                              env={**os.environ, **(env or {})}, capture_output=True,
                              text=True, check=True).stdout

    def alternate(self, first: dict, second: dict, rounds: int, seconds: int) -> dict:
        """Requests per second of two targets measured in turns at 8 connections
        (first, second, first, ...), ``rounds`` turns each of ``seconds`` seconds.

        Each target is a dict of ``url``, ``headers``, ``script`` and ``env``. In turns,
        both see the same mix of the machine's fast and slow spells, so their ratio says
        more about the code than two runs minutes apart (bench/analysis.md).
        """
        rates = {"first": [], "second": []}
        for _ in range(rounds):
            for side, target in (("first", first), ("second", second)):
                rates[side].append(parse_wrk(self._wrk(conns=8, seconds=seconds,
                                                       **target))["rps"])
        rps = {side: sum(values) / rounds for side, values in rates.items()}  # equal turns
        return {"rounds": rounds, "seconds": seconds,
                "first_rps": round(rps["first"], 1), "second_rps": round(rps["second"], 1),
                "ratio": round(rps["second"] / rps["first"], 3)}

    def run(self, name: str, url: str, headers=(), script=None, env=None) -> dict:
        if self.warmup:
            self._wrk(url, 8, self.warmup, headers, script, env)
        results = {}
        for conns in CONCURRENCY:
            results[f"c{conns}"] = parse_wrk(
                self._wrk(url, conns, self.duration, headers, script, env))
            r = results[f"c{conns}"]
            log(f"  {name:<22} c={conns:<3} {r['rps']:>8.1f} req/s  p50 {r['p50_ms']:>7.2f} ms"
                f"  p99 {r['p99_ms']:>8.2f} ms  errors {r['non_2xx_3xx']}/{r['socket_errors']}")
        shown = [_redact(part) for part in self.command(url, 8, self.duration, headers, script)]
        self.commands.append(f"{name}: " + " ".join(_quote(p) for p in shown))
        return results


def _redact(part: str) -> str:
    part = part.replace(f"{ROOT}/", "")  # paths relative to the repository
    return re.sub(r"(sessionid|csrftoken)=[^;\s\"]+", r"\1=…", re.sub(
        r"/summary/[^/]+/", "/summary/<token>/", part))


def _quote(part: str) -> str:
    return f'"{part}"' if " " in part else part


# --------------------------------------------------------------------------- the run
def save_partial(results: dict) -> None:
    """What is measured so far (bench/results.partial.json), in case the run is cut short."""
    (BENCH / "results.partial.json").write_text(json.dumps(results, indent=2) + "\n")


def django(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run([str(PY), *args], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return result.stdout


def task(env: dict, *args: str) -> dict:
    return json.loads(django(env, "bench/tasks.py", *args).strip().splitlines()[-1])


def walk_questionnaire(client: Client, answers: dict, until_step: int | None = None) -> str:
    """Start a draft and answer steps through HTTP; returns the draft token."""
    status, _, html = client.get("/questionnaire/")
    expect(status, 200, "questionnaire start page")
    status, headers, _ = client.post("/questionnaire/", {"csrfmiddlewaretoken": csrf_from(html)})
    expect(status, 302, "start a draft", headers)
    token = ""
    for number, pairs in enumerate(django_step_data(answers), start=1):
        if until_step is not None and number >= until_step:
            break
        status, _, html = client.get(f"/questionnaire/step/{number}/")
        expect(status, 200, f"step {number}")
        token = re.search(rb'name="draft" value="([^"]+)"', html).group(1).decode()
        data = [("csrfmiddlewaretoken", csrf_from(html)), ("draft", token), ("action", "next"),
                *map(tuple, pairs)]
        status, headers, _ = client.post(f"/questionnaire/step/{number}/", data)
        expect(status, 302, f"post step {number}", headers)
    return token


_STEP_DATA: dict[str, list] = {}

# Run in a child process (the bench itself does not load Django): for each step, the
# form fields a browser posts for these answers, the health checklist ticked as they show
# it (the same reading as tests/assessments/questionnaire_helpers.step_post).
_STEP_DATA_CODE = """
import json, sys
from assessments import intake
answers = json.loads(sys.stdin.read())
steps = []
for step in intake.STEPS:
    checklist = step.checklist
    ticks = checklist.ticks_from(answers) if checklist else None
    pairs = []
    for question in step.questions:
        item = checklist.item_for(question.key) if checklist else None
        if item is not None and (item.yes_value or question.key not in ticks):
            continue
        if question.key in answers and question.applies(answers):
            value = answers[question.key]
            pairs += [[question.key, v] for v in (value if isinstance(value, list) else [value])]
    pairs += [[checklist.key, tick] for tick in ticks or ()]
    steps.append(pairs)
print(json.dumps(steps))
"""


def django_step_data(answers: dict) -> list[list[list[str]]]:
    """Per step, the (field, value) pairs to post, read from the intake module."""
    key = json.dumps(answers, sort_keys=True)
    if key not in _STEP_DATA:
        out = subprocess.run(
            [str(PY), "-c", _STEP_DATA_CODE], input=key,
            cwd=ROOT, check=True, capture_output=True, text=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "hairtx.settings"},
        ).stdout
        _STEP_DATA[key] = json.loads(out)
    return _STEP_DATA[key]


def machine_facts() -> dict:
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    versions = subprocess.run(
        [str(PY), "-c", "import django, gunicorn, weasyprint, sqlite3, sys; print(django.__version__,"
         " gunicorn.__version__, weasyprint.__version__, sqlite3.sqlite_version,"
         " sys.version.split()[0])"],
        capture_output=True, text=True, check=True).stdout.split()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": int(subprocess.run(["nproc"], capture_output=True, text=True).stdout),
        "cpu_model": cpu,
        "memory_gib": round(int(mem) / 1024 / 1024, 1),
        "kernel": platform.release(),
        "wrk": (wrk_version.stdout + wrk_version.stderr).splitlines()[0].strip(),
        "python": versions[4],
        "django": versions[0],
        "gunicorn": versions[1],
        "weasyprint": versions[2],
        "sqlite": versions[3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument("--renders", type=int, default=1000,
                        help="PDF renders by the background worker, for its memory")
    parser.add_argument("--submits", type=int, default=40,
                        help="submits through HTTP timed until their PDF is stored")
    parser.add_argument("--render-loop", type=int, default=60, help="fresh PDFs timed")
    parser.add_argument("--typical", type=int, default=20,
                        help="renders of the typical summary timed apart (its median)")
    parser.add_argument("--rows", type=int, default=100_000, help="assessments, big list")
    parser.add_argument("--paired-rounds", type=int, default=4,
                        help="turns of each goal page and its baseline (c=8)")
    parser.add_argument("--paired-seconds", type=int, default=3, help="seconds per turn")
    parser.add_argument("--quick", action="store_true", help="2 s runs, 50 renders, 5k rows")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--max-wait", type=int, default=180,
                        help="seconds to wait for a 1-minute load average under 1")
    parser.add_argument("--no-report", action="store_true", help="write only results.json")
    parser.add_argument("--only", type=lambda value: set(value.split(",")), default=set(),
                        metavar="KEY,...",
                        help="a smoke run of these parts only (page keys such as "
                             "step_get,step_post, or background, memory, render_loop); "
                             "pages bring their baselines; writes bench/results.only.json")
    args = parser.parse_args()
    only = expand_only(args.only)
    if args.quick:
        args.duration, args.warmup, args.renders, args.render_loop, args.rows = 2, 1, 50, 6, 5000
        args.submits, args.typical, args.paired_rounds, args.paired_seconds = 5, 5, 2, 1
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    # Wait (at most 3 minutes) for the machine to be quiet: other work skews everything.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped (SIGTERM)"))  # run finally
    for _ in range(args.max_wait // 5):
        if float(Path("/proc/loadavg").read_text().split()[0]) < 1.0:
            break
        log(f"waiting for a quiet machine (load {Path('/proc/loadavg').read_text().split()[0]})")
        time.sleep(5)
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="hairtx-bench-"))
    log(f"temporary folder {tmp}")
    secret = secrets.token_urlsafe(50)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HAIRTX_",
                                                                         "GUNICORN_"))}
    base_env.pop("DATABASE_URL", None)
    big = str(10**9)
    env = {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "hairtx.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "HAIRTX_VAR_DIR": str(tmp / "var"),
        "DJANGO_STATIC_ROOT": str(tmp / "staticfiles"),
        # Every request comes from 127.0.0.1: raise the per-address limits (starting
        # drafts, submitting, resuming) so that the benchmark is not refused with 429.
        "HAIRTX_RATE_START_PER_HOUR": big,
        "HAIRTX_RATE_SUBMIT_PER_HOUR": big,
        "HAIRTX_RATE_RESUME_PER_15MIN": big,
        "HAIRTX_RATE_REFERENCE_PER_HOUR": big,
        "GUNICORN_WORKERS": str(WORKERS),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    baseline_env = {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "bench.baseline.settings",
        "DJANGO_SECRET_KEY": secret,
        "BASELINE_VAR_DIR": str(tmp / "baseline"),
        "GUNICORN_WORKERS": str(WORKERS),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    facts = machine_facts()
    facts["loadavg_at_start"] = Path("/proc/loadavg").read_text().split()[:3]
    results: dict = {"machine": facts, "settings": {
        "workers": WORKERS, "worker_class": "sync", "gunicorn_config": "hairtx/gunicorn.conf.py",
        "duration_s": args.duration, "warmup_s": args.warmup, "concurrency": list(CONCURRENCY),
        "threads": "1 at c=1, 2 otherwise", "database": "SQLite (WAL), CONN_MAX_AGE=60",
    }, "pages": {}, "paired": {}, "commands": {
        "run": " ".join([".venv/bin/python bench/run.py", *sys.argv[1:]])}}
    setup_commands = [
        "python manage.py collectstatic --no-input",
        "python manage.py migrate --no-input",
        "python manage.py createcachetable",
        "python manage.py load_guide",
    ]
    results["commands"]["setup"] = setup_commands
    hairtx = Server("hairtx", env, "hairtx.wsgi", HAIRTX_PORT, tmp)
    baseline = Server("baseline", baseline_env, "bench.baseline.wsgi", BASELINE_PORT, tmp)
    worker = None
    wrk = Wrk(args.duration, args.warmup)
    try:
        log("set up hairtx (collectstatic, migrate, createcachetable, load_guide)")
        for command in setup_commands:
            django(env, *command.split()[1:])
        log("set up the baseline (migrate --run-syncdb)")
        django(baseline_env, "-m", "django", "migrate", "--run-syncdb", "--no-input")
        hairtx.start("/healthz")
        baseline.start("/plain/")

        # --- sessions and rows the pages need
        answers = json.loads(EXAMPLE.read_text())
        patient = Client(HAIRTX_PORT)
        walk_questionnaire(patient, answers)
        status, _, html = patient.get("/questionnaire/review/")
        expect(status, 200, "review page")
        status, headers, _ = patient.post("/questionnaire/review/",
                                          {"csrfmiddlewaretoken": csrf_from(html)})
        expect(status, 302, "submit", headers)
        summary_path = urllib.parse.urlsplit(headers["Location"]).path
        assert summary_path.startswith("/summary/"), summary_path
        status, _, _ = patient.get(summary_path)
        expect(status, 200, "summary page")
        status, headers, pdf_bytes = patient.get(summary_path + "pdf/")
        expect(status, 200, "first PDF (stores it)")
        pdf_size = len(pdf_bytes)

        stepper = Client(HAIRTX_PORT)  # a draft with steps 1-3 answered: GET step 4
        walk_questionnaire(stepper, answers, until_step=STEP_GET)
        step_path = f"/questionnaire/step/{STEP_GET}/"
        status, _, step_html = stepper.get(step_path)
        expect(status, 200, f"step {STEP_GET} GET")
        step_cookie = stepper.cookie_header("sessionid")

        poster = Client(HAIRTX_PORT)  # a fresh draft: POST a valid step 1 again and again
        walk_questionnaire(poster, answers, until_step=1)
        status, _, html = poster.get("/questionnaire/step/1/")
        expect(status, 200, "step 1 GET")
        draft_token = re.search(rb'name="draft" value="([^"]+)"', html).group(1).decode()
        post_body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf_from(html),
                                            "draft": draft_token, "action": "next",
                                            **STEP1_POST})
        post_cookie = poster.cookie_header("csrftoken", "sessionid")
        status, headers, _ = poster.post("/questionnaire/step/1/", urllib.parse.parse_qsl(
            post_body))
        expect(status, 302, "step 1 POST", headers)

        base_client = Client(BASELINE_PORT)
        status, _, html = base_client.get("/entry/")
        expect(status, 200, "baseline entry form")
        entry_body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf_from(html),
                                             "name": "Alex Example", "choice": "a"})
        entry_cookie = base_client.cookie_header("csrftoken")
        status, headers, _ = base_client.post("/entry/", urllib.parse.parse_qsl(entry_body))
        expect(status, 302, "baseline entry POST", headers)
        status, _, form_html = base_client.get("/form/")
        expect(status, 200, "baseline form page")

        # A static file near the PDF's size, from the manifest (served by WhiteNoise).
        manifest = json.loads((tmp / "staticfiles" / "staticfiles.json").read_text())["paths"]
        candidates = [(name, hashed) for name, hashed in manifest.items()
                      if name.endswith((".css", ".js", ".woff2", ".png", ".svg"))]
        static_name, static_hashed = min(
            candidates,
            key=lambda c: abs((tmp / "staticfiles" / c[1]).stat().st_size - pdf_size))
        static_path = f"/static/{static_hashed}"
        static_size = (tmp / "staticfiles" / static_hashed).stat().st_size

        staff = task(env, "staff-user")
        log(f"bulk rows to 100: {task(env, 'bulk', '--total', '100')}")
        staff_client = Client(HAIRTX_PORT)
        status, _, html = staff_client.get("/staff/login/")
        expect(status, 200, "staff login page")
        status, headers, _ = staff_client.post("/staff/login/", {
            "csrfmiddlewaretoken": csrf_from(html), **staff})
        expect(status, 302, "staff login", headers)
        status, _, list_html = staff_client.get("/staff/")
        expect(status, 200, "staff list")
        staff_cookie = staff_client.cookie_header("sessionid")

        measured_as: dict[str, dict] = {}  # what wrk was pointed at, for the pairs below

        def page(key: str, title: str, port: int, path: str, compare_to: str | None = None,
                 headers=(), script=None, script_env=None, size: int | None = None,
                 method: str = "GET", **extra) -> None:
            if not wanted(only, key):
                return
            log(f"wrk {title}")
            url = f"http://{HOST}:{port}{path}"
            measured_as[key] = {"url": url, "headers": headers, "script": script,
                                "env": script_env}
            load_before = Path("/proc/loadavg").read_text().split()[0]
            results["pages"][key] = {
                "title": title, "method": method, "server": "baseline" if port ==
                BASELINE_PORT else "hairtx", "path": _redact(path), "compare_to": compare_to,
                "response_bytes": size, **extra,
                "results": wrk.run(key, url, headers, script, script_env),
            }
            # Load average before and after (1 min): other work on the machine shows here.
            results["pages"][key]["loadavg_1min"] = [
                float(load_before), float(Path("/proc/loadavg").read_text().split()[0])]
            save_partial(results)

        # Baseline first, then hairtx.
        page("baseline_plain", "plain view, short response", BASELINE_PORT, "/plain/",
             size=len(b"Hello from a plain Django view.\n"))
        page("baseline_form", "plain template page, 15-field form", BASELINE_PORT, "/form/",
             size=len(form_html))
        page("baseline_post", "plain form POST, one insert, redirect", BASELINE_PORT,
             "/entry/", script=BENCH / "post.lua", method="POST",
             script_env={"BENCH_BODY": entry_body, "BENCH_COOKIE": entry_cookie})
        page("static_file", f"static file via WhiteNoise ({static_name})", HAIRTX_PORT,
             static_path, size=static_size)

        _, _, guide_html = Client(HAIRTX_PORT).get("/guide/")
        page("guide", "guide page /guide/", HAIRTX_PORT, "/guide/", "baseline_plain",
             size=len(guide_html))
        for key, title, path in (("home", "home page", "/"),
                                 ("compare", "compare grid /compare/", "/compare/"),
                                 ("option", "option profile /options/prp/", "/options/prp/")):
            _, _, html = Client(HAIRTX_PORT).get(path)
            page(key, title, HAIRTX_PORT, path, "baseline_plain", size=len(html))
        page("step_get", f"questionnaire step {STEP_GET}", HAIRTX_PORT, step_path,
             "baseline_form", headers=[f"Cookie: {step_cookie}"], size=len(step_html))
        page("step_post", "questionnaire step 1 (valid, redirect)", HAIRTX_PORT,
             "/questionnaire/step/1/", "baseline_post", script=BENCH / "post.lua",
             method="POST", script_env={"BENCH_BODY": post_body, "BENCH_COOKIE": post_cookie})
        _, _, summary_html = Client(HAIRTX_PORT).get(summary_path)
        page("summary", "summary page", HAIRTX_PORT, summary_path, "baseline_plain",
             size=len(summary_html))
        page("pdf_stored", "stored PDF download", HAIRTX_PORT, summary_path + "pdf/",
             "static_file", size=pdf_size)
        page("staff_list_100", "staff list, 100 assessments", HAIRTX_PORT, "/staff/",
             "baseline_form", headers=[f"Cookie: {staff_cookie}"], size=len(list_html),
             rows=100)

        if wanted(only, "staff_list_100k"):
            log(f"bulk rows to {args.rows}: {task(env, 'bulk', '--total', str(args.rows))}")
            _, _, list_html = staff_client.get("/staff/")
        page("staff_list_100k", f"staff list, {args.rows:,} assessments", HAIRTX_PORT,
             "/staff/", "staff_list_100", headers=[f"Cookie: {staff_cookie}"],
             size=len(list_html), rows=args.rows)
        results["commands"]["wrk"] = wrk.commands
        # The goals' ratios again, each page in turns with its baseline.
        for key in PAIRED:
            other = results["pages"].get(key, {}).get("compare_to")
            if key not in measured_as or other not in measured_as:
                continue
            log(f"wrk {key} in turns with {other}, {args.paired_rounds} x "
                f"{args.paired_seconds} s each")
            results["paired"][key] = {"compare_to": other, **wrk.alternate(
                measured_as[other], measured_as[key], args.paired_rounds, args.paired_seconds)}
            log(f"  {results['paired'][key]}")
            save_partial(results)
        baseline.stop()

        # --- the background worker: submit -> stored PDF, then memory over many renders
        if wanted(only, "background") or wanted(only, "memory"):
            worker = WorkerProcess(env, tmp)
            worker.start()
        if wanted(only, "background"):
            log(f"submit -> stored PDF, {args.submits} submits through HTTP, one worker")
            results["background_pdf"] = submit_to_stored(args.submits)
            save_partial(results)
            log(f"  {results['background_pdf']}")
        hairtx.stop()
        if wanted(only, "memory"):
            log(f"worker memory over {args.renders} renders")
            results["memory"] = worker.memory_over(task(env, "enqueue", "--count",
                                                        str(args.renders))["queued"])
            save_partial(results)
        if worker is not None:
            worker.stop()

        # --- first PDF render: a loop in one process over fresh assessments
        if wanted(only, "render_loop"):
            log(f"first-render loop over {args.render_loop} fresh assessments and "
                f"{args.typical} typical ones (one process)")
            results["pdf_first_render"] = task(env, "render-loop", "--count",
                                               str(args.render_loop), "--typical",
                                               str(args.typical))
            save_partial(results)
            log(f"  {results['pdf_first_render']}")
            results["commands"]["pdf_first_render"] = (
                f"python bench/tasks.py render-loop --count {args.render_loop} "
                f"--typical {args.typical}")

    finally:
        for server in (hairtx, baseline, worker):
            if server is not None:
                server.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    results.pop("memory_partial", None)
    results["elapsed_s"] = round(time.monotonic() - started)
    results["machine"]["loadavg_at_end"] = Path("/proc/loadavg").read_text().split()[:3]
    results["ratios"] = ratios(results)
    if only:  # a smoke run: not the figures of docs/performance.md
        ONLY_RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        (BENCH / "results.partial.json").unlink(missing_ok=True)
        log(f"wrote {ONLY_RESULTS.relative_to(ROOT)}; ratios: {results['ratios']}")
        return
    results["targets"] = targets(results)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    (BENCH / "results.partial.json").unlink(missing_ok=True)
    log(f"wrote {RESULTS.relative_to(ROOT)} ({results['elapsed_s']} s)")
    if not args.no_report:
        REPORT.write_text(report(results))
        log(f"wrote {REPORT.relative_to(ROOT)}")


# What each page is compared with: --only KEY measures these too.
BASELINE_OF = {"step_get": "baseline_form", "step_post": "baseline_post",
               "pdf_stored": "static_file", "staff_list_100": "baseline_form",
               "staff_list_100k": "staff_list_100"}
PAGE_KEYS = {"baseline_plain", "baseline_form", "baseline_post", "static_file", "guide",
             "home", "compare", "option", "step_get", "step_post", "summary", "pdf_stored",
             "staff_list_100", "staff_list_100k"}
OTHER_PARTS = {"background", "memory", "render_loop"}


def expand_only(keys: set[str]) -> set[str]:
    """The parts a --only run measures: the keys asked for and their baselines."""
    unknown = keys - PAGE_KEYS - OTHER_PARTS
    if unknown:
        sys.exit(f"--only: unknown {', '.join(sorted(unknown))}; known: "
                 f"{', '.join(sorted(PAGE_KEYS | OTHER_PARTS))}")
    expanded = set(keys)
    while missing := {BASELINE_OF.get(key, "baseline_plain") for key in expanded
                      if key in PAGE_KEYS and not key.startswith(("baseline", "static"))
                      } - expanded:
        expanded |= missing
    return expanded


def wanted(only: set[str], key: str) -> bool:
    return not only or key in only


# --------------------------------------------------------------------------- analysis
def ratios(results: dict) -> dict:
    pages = results["pages"]
    out = {}
    for key, page in pages.items():
        other = page.get("compare_to")
        if not other or other not in pages:
            continue
        out[key] = {c: round(page["results"][c]["rps"] / pages[other]["results"][c]["rps"], 3)
                    for c in page["results"]}
    return out


def targets(results: dict) -> list[dict]:
    """Issue 24's goals, each a ratio to its baseline in the same run where it can be."""
    c8, paired = "c8", results.get("paired", {})
    # The ratio measured in turns with the baseline where there is one, else c=8's.
    r = {key: paired[key]["ratio"] if key in paired else ratio[c8]
         for key, ratio in results["ratios"].items()}
    how = "c=8, in turns" if paired else "c=8"
    background, memory = results["background_pdf"], results["memory"]
    rows = [
        *({"target": f"{results['pages'][key]['title']} at least 0.8x a bare Django view ({how})",
           "value": r[key], "goal": ">= 0.8", "met": r[key] >= 0.8}
          for key in ("home", "guide", "compare", "option")),
        {"target": f"step GET at least as fast as the plain 15-field form page ({how})",
         "value": r["step_get"], "goal": ">= 1.0", "met": r["step_get"] >= 1.0},
        {"target": f"step POST at least 0.7x the plain form POST with one insert ({how})",
         "value": r["step_post"], "goal": ">= 0.7", "met": r["step_post"] >= 0.7},
        {"target": f"stored PDF at least 0.5x as fast as a static file ({how})",
         "value": r["pdf_stored"], "goal": ">= 0.5", "met": r["pdf_stored"] >= 0.5},
        {"target": "typical PDF render (median, one process)",
         "value": results["pdf_first_render"]["typical_median_ms"], "goal": "<= 300 ms",
         "met": results["pdf_first_render"]["typical_median_ms"] <= 300},
        {"target": "PDF stored after the final submit, p95 (one worker)",
         "value": background["p95_ms"], "goal": "<= 2000 ms",
         "met": background["p95_ms"] <= 2000},
        {"target": "no PDF rendered in the patient's request while a worker runs "
                   "(answers of the PDF link right after each submit)",
         "value": background["pdf_link_right_after_submit"], "goal": "503 or stored (200)",
         "met": set(background["pdf_link_right_after_submit"]) <= {"503", "200"}},
        {"target": f"worker memory flat over {memory['renders']} renders (peak over first)",
         "value": memory["growth_pct"], "goal": "|growth| <= 10 %",
         "met": abs(memory["growth_pct"]) <= 10},
        {"target": "staff list p50 with many rows at most 2x its p50 with 100 (c=8)",
         "value": round(results["pages"]["staff_list_100k"]["results"][c8]["p50_ms"]
                        / results["pages"]["staff_list_100"]["results"][c8]["p50_ms"], 2),
         "goal": "<= 2.0"},
    ]
    rows[-1]["met"] = rows[-1]["value"] <= 2.0
    return rows


def report(results: dict) -> str:
    m, s = results["machine"], results["settings"]
    lines = [
        "# Performance",
        "",
        "<!-- Written by bench/run.py from bench/results.json; edit bench/analysis.md for the"
        " analysis. -->",
        "",
        f"Measured on {m['date']}: `nproc` = {m['nproc']}, CPU {m['cpu_model']}, "
        f"{m['memory_gib']} GiB RAM, Linux {m['kernel']}; Python {m['python']}, Django "
        f"{m['django']}, gunicorn {m['gunicorn']}, WeasyPrint {m['weasyprint']}, SQLite "
        f"{m['sqlite']}, {m['wrk']}.",
        "",
        f"Server: gunicorn with `{s['gunicorn_config']}`, {s['workers']} {s['worker_class']} "
        f"workers, on 127.0.0.1; {s['database']}; `DJANGO_DEBUG=false`. wrk runs on the same "
        f"2 cores as the server ({s['duration_s']} s per run after a {s['warmup_s']} s warm-up,"
        f" threads {s['threads']}). The baseline is a bare Django project "
        "(`bench/baseline/`) on the same gunicorn settings and database options. The whole "
        f"run took {results['elapsed_s'] // 60} min {results['elapsed_s'] % 60} s. Load "
        f"average (1/5/15 min) at the start {' / '.join(m.get('loadavg_at_start', []))}, at "
        f"the end {' / '.join(m.get('loadavg_at_end', []))}: other work on the machine (it is "
        "shared) slows every figure, the ratios less so.",
        "",
        "## Targets",
        "",
        "| target | measured | goal | met? |",
        "|---|---|---|---|",
    ]
    for row in results["targets"]:
        lines.append(f"| {row['target']} | {row['value']} | {row['goal']} | "
                     f"{'yes' if row['met'] else '**no**'} |")
    lines += [
        "",
        "## Pages (wrk)",
        "",
        "Requests per second, and p50 / p99 latency in ms, at 1, 8 and 32 connections. "
        "*Ratio* is hairtx's req/s divided by the matching page's at the same concurrency.",
        "",
        "| page | bytes | c=1 req/s | c=1 p50 / p99 | c=8 req/s | c=8 p50 / p99 | "
        "c=32 req/s | c=32 p50 / p99 | compared with | ratio c=1 / c=8 / c=32 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key, page in results["pages"].items():
        cells = []
        for c in ("c1", "c8", "c32"):
            r = page["results"][c]
            cells += [f"{r['rps']:,.0f}", f"{r['p50_ms']:.1f} / {r['p99_ms']:.1f}"]
        other = page.get("compare_to")
        ratio = results["ratios"].get(key)
        lines.append(
            f"| {page['title']} ({page['method']}) | {page['response_bytes'] or ''} | "
            + " | ".join(cells)
            + f" | {results['pages'][other]['title'] if other else ''} | "
            + (" / ".join(f"{ratio[c]:.2f}" for c in ("c1", "c8", "c32")) if ratio else "")
            + " |")
    if results.get("paired"):
        some = next(iter(results["paired"].values()))
        lines += [
            "",
            f"In turns: each goal's page and its baseline again at 8 connections, "
            f"alternating ({some['rounds']} turns of {some['seconds']} s each, the baseline "
            "first), so both meet the same fast and slow spells of the machine. The goals "
            "above use these ratios.",
            "",
            "| page | compared with | baseline req/s | page req/s | ratio |",
            "|---|---|---|---|---|",
            *(f"| {results['pages'][key]['title']} | "
              f"{results['pages'][pair['compare_to']]['title']} | {pair['first_rps']:,.0f} | "
              f"{pair['second_rps']:,.0f} | {pair['ratio']:.2f} |"
              for key, pair in results["paired"].items()),
        ]
    lines += ["", "1-minute load average before / after each page's runs: " + "; ".join(
        f"{k} {p['loadavg_1min'][0]:.1f} / {p['loadavg_1min'][1]:.1f}"
        for k, p in results["pages"].items() if "loadavg_1min" in p) + "."]
    errors = {k: {c: v["non_2xx_3xx"] for c, v in p["results"].items() if v["non_2xx_3xx"]}
              for k, p in results["pages"].items()}
    errors = {k: v for k, v in errors.items() if v}
    lines += ["", "Non-2xx/3xx responses during the runs: "
              + (json.dumps(errors) if errors else "none") + ".", ""]
    f = results["pdf_first_render"]
    lines += [
        "## First PDF render",
        "",
        f"A loop in one process (`{results['commands']['pdf_first_render']}`) submits "
        f"{f['count']} fresh assessments through the real path (draft, rules, row), cycling "
        "through the worked examples in `docs/examples/`, and times "
        "`assessments.pdf.summary_pdf_ensure` (render with WeasyPrint and store) for each.",
        "",
        "| measure | ms |",
        "|---|---|",
        f"| first render in a new process (imports WeasyPrint) | {f['first_in_process_ms']} |",
        f"| median, all examples | {f['median_ms']} |",
        f"| p99, all examples | {f['p99_ms']} |",
        f"| median, typical summary ({f['typical_example']}) | {f['typical_median_ms']} |",
        "",
        "Per example (median ms): " + ", ".join(
            f"{k.removesuffix('.json')} {v}" for k, v in f["per_example_median_ms"].items())
        + f". Median PDF size {f['median_pdf_bytes']:,} bytes.",
        "",
    ]
    b, mem = results["background_pdf"], results["memory"]
    lines += [
        "## Background PDFs: final submit to stored PDF",
        "",
        f"{b['submits']} patients, one after another, walk the questionnaire through HTTP "
        "and submit; the clock starts at the submit and stops when "
        "`/summary/<token>/pdf/status/` says the PDF is stored (asked every 20 ms). One "
        "`manage.py run_worker` beside the 4 gunicorn workers.",
        "",
        "| measure | ms |",
        "|---|---|",
        f"| median | {b['median_ms']} |",
        f"| p95 | {b['p95_ms']} |",
        f"| max | {b['max_ms']} |",
        "",
        "The PDF link fetched right after each submit answered: "
        + ", ".join(f"{k} × {v}" for k, v in sorted(b["pdf_link_right_after_submit"].items()))
        + f" (median {b['pdf_link_median_ms']} ms; 503 is \"being prepared\", never a render "
        "in the request).",
        "",
        "## Worker memory over PDF renders",
        "",
        f"Method: {mem['method']}.",
        "",
        f"{mem['renders']} renders in {mem['seconds']} s ({mem['failed']} failed), "
        f"{mem['child_processes']} worker child process(es); each task (render + store) "
        f"{mem['task_median_ms']} ms median, {mem['task_p95_ms']} ms p95. RSS after 10 renders "
        f"{mem['rss_after_10_kib'] / 1024:.1f} MiB, peak {mem['rss_peak_kib'] / 1024:.1f} MiB "
        f"(**{mem['growth_pct']:+.1f} %**).",
        "",
        "| renders | RSS MiB (supervisor + child) | child pid |",
        "|---|---|---|",
    ]
    lines += [f"| {x['renders']} | {x['rss_kib'] / 1024:.1f} | {x['child_pid']} |"
              for x in mem["samples"]]
    lines += [
        "",
        "## Commands",
        "",
        "Re-run everything (20–30 minutes on a quiet machine, much longer on a busy one; "
        "writes bench/results.json and this file):",
        "",
        "```sh",
        "apt-get install -y wrk   # once",
        ".venv/bin/python bench/run.py",
        "```",
        "",
        *([f"These figures came from `{results['commands']['run']}` "
           f"({results['elapsed_s'] // 60} min).", ""]
          if "run" in results["commands"] else []),
        "A few parts only, as a check that they measure (minutes; pages bring their "
        "baselines; writes bench/results.only.json, not this file):",
        "",
        "```sh",
        ".venv/bin/python bench/run.py --only step_get,step_post --duration 2 --warmup 1",
        ".venv/bin/python bench/run.py --only render_loop --render-loop 20 --typical 20",
        ".venv/bin/python bench/run.py --only memory --renders 1000   # ~1 s a render",
        "```",
        "",
        "Set-up, run by the script against a throwaway `HAIRTX_VAR_DIR` with "
        "`DJANGO_DEBUG=false`, a generated `DJANGO_SECRET_KEY`, "
        "`DJANGO_ALLOWED_HOSTS=127.0.0.1`, `DJANGO_SECURE_SSL_REDIRECT=false`, "
        "`DJANGO_SECURE_COOKIES=false`, `HAIRTX_RATE_*_PER_*=1000000000` (every request "
        "comes from one address) and `GUNICORN_WORKERS=4`:",
        "",
        "```sh",
        *results["commands"]["setup"],
        "gunicorn -c hairtx/gunicorn.conf.py hairtx.wsgi            # GUNICORN_BIND=127.0.0.1:8701",
        "gunicorn -c hairtx/gunicorn.conf.py bench.baseline.wsgi    # GUNICORN_BIND=127.0.0.1:8702",
        "python manage.py run_worker                                 # the background worker",
        "```",
        "",
        "wrk commands at c=8 (c=1 uses `-t1 -c1`, c=32 `-t2 -c32`; cookies and tokens "
        "elided). `bench/post.lua` posts `BENCH_BODY` with the `BENCH_COOKIE` cookies:",
        "",
        "```sh",
        *results["commands"]["wrk"],
        "```",
        "",
    ]
    analysis = ANALYSIS.read_text() if ANALYSIS.exists() else "## Analysis\n\n(to be written)\n"
    return "\n".join(lines) + "\n" + analysis


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--report-only":
        data = json.loads(RESULTS.read_text())
        data["ratios"], data["targets"] = ratios(data), targets(data)
        REPORT.write_text(report(data))
        print(f"wrote {REPORT.relative_to(ROOT)}")
    else:
        main()
