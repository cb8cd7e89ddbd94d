"""gunicorn settings for production: `gunicorn -c hairtx/gunicorn.conf.py hairtx.wsgi`.

Each value can be overridden with GUNICORN_* environment variables.
"""

import gc
import os
import re
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")


def _runtime_dir() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) if runtime and os.path.isdir(runtime) else Path.home() / ".gunicorn"


# gunicorn's default control socket (for gunicornc) is one path per user: a second server
# started on the same machine would take it over from the first. Name it after the
# address this server binds to, which is unique on the machine; or set it.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or str(
    _runtime_dir() / f"hairtx-{re.sub(r'[^A-Za-z0-9.]+', '-', bind).strip('-')}.ctl"
)
# A pid file only when asked for (a service manager usually tracks the process itself).
pidfile = os.environ.get("GUNICORN_PID_FILE") or None
# Sync workers: requests here are short and CPU-bound (templates, PDF rendering).
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that memory from PDF rendering cannot creep up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
# Performance (bench/analysis.md): evenly loaded workers reached max_requests together
# and restarted at once (in the last benchmark, during the option page's runs: nothing
# answered for seconds). A wide jitter spreads the restarts, so others keep serving.
max_requests_jitter = max_requests // 2
# Load Django once in the master: a recycled worker is then a fork, not a new start-up
# (~2 s of CPU each, which, every ~2,000 requests, was more than the cached public pages
# themselves cost). A code change needs a full restart (not HUP), as deployments do
# anyway. GUNICORN_PRELOAD=false turns it off.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in ("0", "false", "no")


def when_ready(server):
    """With the app preloaded, import the URLconf (every view) in the master as well:
    a new worker's first request then costs ~0.2 s of CPU instead of ~0.8 s. Opens no
    database connection (forked workers must not share one)."""
    if server.cfg.preload_app:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imported for its side effect
    gc.collect()  # garbage of the start-up, so that it is not frozen below for good


def pre_fork(server, worker):
    """Freeze what the master has loaded (Django, the apps, the URLconf) just before each
    fork, as the gc module's documentation advises for a server that forks: a worker's
    collector then never walks those ~130,000 objects. A walk over them cost ~0.2 ms of a
    ~1.7 ms step POST; frozen, 0.04 ms (bench/analysis.md). It also keeps the pages they
    sit on shared between the workers."""
    gc.freeze()


# The access log would print paths with patients' secret tokens: keep it off and rely
# on the proxy's log (with the same redaction) if one is needed.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn itself believes X-Forwarded-Proto from these peers: only when a proxy is
# configured (HAIRTX_PROXY_COUNT, as Django's SECURE_PROXY_SSL_HEADER), and then only from
# the proxy on this machine.
_behind_proxy = int(os.environ.get("HAIRTX_PROXY_COUNT") or 0) > 0
forwarded_allow_ips = os.environ.get(
    "GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1" if _behind_proxy else ""
)
limit_request_line = 4094
limit_request_fields = 50
