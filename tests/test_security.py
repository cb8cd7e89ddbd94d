"""Deployment settings, security headers on every kind of response, CSRF everywhere."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-4n5b8v2k9x3m7q1w6e0r4t8y2u5i9o3p7a1s5d9f3g7h1j5k9l",
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
}


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "HAIRTX_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SECRET_KEY": "", "HAIRTX_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] in {"same-origin", "no-referrer"}


@pytest.fixture
def guide(db):
    from django.core.management import call_command

    call_command("load_guide", verbosity=0)


@pytest.mark.parametrize(
    "path, status",
    [
        ("/", 200),
        ("/guide/", 200),
        ("/questionnaire/", 200),
        ("/no-such-page/", 404),
        ("/summary/not-a-real-token/", 404),
        ("/staff/", 302),
        ("/healthz", 200),
    ],
)
def test_security_headers_on_every_kind_of_response(client, guide, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_security_headers(response)


def test_security_headers_on_a_bad_request(client, guide):
    response = client.post(
        reverse("assessments:resume"), {"code": "x" * 10}, HTTP_HOST="evil.example"
    )
    assert response.status_code == 400
    assert_security_headers(response)


def test_hsts_on_https_in_production(client, guide, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_patient_and_staff_pages_send_no_referrer(client, guide):
    assert client.get("/questionnaire/").headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/summary/whatever/").headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/staff/login/").headers["Referrer-Policy"] == "no-referrer"


def test_csp_nonce_is_fresh_per_response(client, guide):
    client.post(reverse("assessments:start"))
    first = client.get("/questionnaire/step/1/").headers["Content-Security-Policy"]
    second = client.get("/questionnaire/step/1/").headers["Content-Security-Policy"]
    assert "'nonce-" in first and first != second


def test_healthz_reveals_nothing(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    "path",
    ["/questionnaire/", "/questionnaire/step/1/", "/questionnaire/review/",
     "/questionnaire/resume/", "/staff/login/", "/admin/login/"],
)
def test_csrf_is_enforced_on_every_post(path, guide):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"code": "ABCD", "username": "a", "password": "b"})
    assert response.status_code == 403
