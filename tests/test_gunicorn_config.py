"""hairtx/gunicorn.conf.py: servers on one machine never share a control socket."""

import gc
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONFIG = Path(__file__).resolve().parent.parent / "hairtx" / "gunicorn.conf.py"


def load_config(monkeypatch, **environ) -> dict:
    for name in ("GUNICORN_BIND", "GUNICORN_CONTROL_SOCKET", "GUNICORN_PID_FILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_each_address_gets_its_own_control_socket(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    first = load_config(monkeypatch, GUNICORN_BIND="127.0.0.1:8001")["control_socket"]
    second = load_config(monkeypatch, GUNICORN_BIND="127.0.0.1:8002")["control_socket"]
    assert first == str(tmp_path / "hairtx-127.0.0.1-8001.ctl")
    assert second == str(tmp_path / "hairtx-127.0.0.1-8002.ctl")
    unix = load_config(monkeypatch, GUNICORN_BIND="unix:/run/hairtx/web.sock")
    assert Path(unix["control_socket"]).parent == tmp_path
    assert "/" not in Path(unix["control_socket"]).name.removesuffix(".ctl")


def test_without_a_runtime_dir_the_socket_goes_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    config = load_config(monkeypatch, GUNICORN_BIND="127.0.0.1:8001")
    assert config["control_socket"] == str(tmp_path / ".gunicorn" / "hairtx-127.0.0.1-8001.ctl")


@pytest.mark.parametrize("pid_file", ["", "/run/hairtx/web-1.pid"])
def test_socket_and_pid_file_can_be_set(monkeypatch, pid_file):
    config = load_config(monkeypatch, GUNICORN_CONTROL_SOCKET="/run/hairtx/web-1.ctl",
                         GUNICORN_PID_FILE=pid_file)
    assert config["control_socket"] == "/run/hairtx/web-1.ctl"
    assert config["pidfile"] == (pid_file or None)


def test_workers_are_forked_from_a_loaded_app_unless_turned_off(monkeypatch):
    """A recycled worker (max_requests) must not start Django again (bench/analysis.md)."""
    monkeypatch.delenv("GUNICORN_PRELOAD", raising=False)
    assert load_config(monkeypatch)["preload_app"] is True
    assert load_config(monkeypatch, GUNICORN_PRELOAD="false")["preload_app"] is False


def test_workers_start_with_what_the_master_loaded_frozen(monkeypatch):
    """A worker's garbage collector does not walk Django and the apps on every full pass."""
    config = load_config(monkeypatch)
    frozen_before = gc.get_freeze_count()
    try:
        config["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=False)))
        config["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > frozen_before + 10_000  # the loaded modules at least
    finally:
        gc.unfreeze()
