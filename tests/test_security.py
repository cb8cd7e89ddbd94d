"""Deployment settings, security headers on every kind of response, CSRF everywhere."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CLINICAL_SIGN_OFF_CHECKS = {"hairtx.W101", "hairtx.W102", "hairtx.W103"}
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-4n5b8v2k9x3m7q1w6e0r4t8y2u5i9o3p7a1s5d9f3g7h1j5k9l",
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
}


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "HAIRTX_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    # Set for the browser tests (tests/browser/conftest.py); never in a deployment.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The only warnings allowed are the clinical sign-off ones: this empty database has no
    # approvals (tests/assessments/test_governance.py checks that they go once approved).
    reported = re.findall(r"^\S+: \(([\w.]+)\)", result.stdout + result.stderr, re.MULTILINE)
    assert set(reported) <= CLINICAL_SIGN_OFF_CHECKS, result.stdout + result.stderr


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


def test_secret_link_pages_send_no_referrer(client, guide):
    """The patient's link never travels as a referrer, not even to this site."""
    for path in ("/summary/whatever/", "/summary/whatever/pdf/", "/summary/whatever/delete/",
                 "/questionnaire/resume/whatever/"):
        assert client.get(path).headers["Referrer-Policy"] == "no-referrer", path


def test_every_secret_link_url_sends_no_referrer_and_noindex(client, assessment):
    """Each URL with a token in it, found from the URL patterns (a new one cannot be missed)."""
    from django.urls import get_resolver

    patterns = get_resolver().namespace_dict["assessments"][1].url_patterns
    token_routes = [p for p in patterns if "<str:token>" in str(p.pattern)]
    assert len(token_routes) >= 4
    for pattern in token_routes:
        response = client.get(reverse(f"assessments:{pattern.name}", args=[assessment.token]))
        assert response.headers["Referrer-Policy"] == "no-referrer", pattern.name
        assert "noindex" in response.headers["X-Robots-Tag"], pattern.name


def test_pages_with_forms_keep_referrers_on_this_site_only(client, guide):
    """With no-referrer, browsers post forms with "Origin: null" and CSRF refuses them."""
    for path in ("/questionnaire/", "/staff/login/", "/admin/login/"):
        assert client.get(path).headers["Referrer-Policy"] == "same-origin", path


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


@pytest.fixture
def assessment(guide):
    from tests.assessments.factories import make_assessment

    return make_assessment()


def test_security_headers_on_a_pdf(client, assessment):
    response = client.get(reverse("assessments:summary_pdf", args=[assessment.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert_security_headers(response)


def test_one_patients_token_never_shows_anothers_summary(client, guide):
    from tests.assessments.factories import make_assessment

    first, second = make_assessment(), make_assessment(nail_changes="yes")
    page = client.get(first.secret_summary_path()).content.decode()
    assert first.reference_display in page
    assert second.reference_display not in page and second.token not in page


def _all_staff_paths(assessment) -> list[str]:
    from django.urls import get_resolver

    staff = get_resolver().namespace_dict["staff"][1]
    paths = []
    for pattern in staff.url_patterns:
        if pattern.name in {"login", "logout"}:
            continue
        kwargs = {"reference_code": assessment.reference_code} if "reference_code" in str(pattern.pattern) else {}
        paths.append(reverse(f"staff:{pattern.name}", kwargs=kwargs))
    return paths


ADMIN_PATHS = [
    "/admin/",
    "/admin/assessments/assessment/",
    "/admin/assessments/auditevent/",
    "/admin/content/section/",
    "/admin/auth/user/",
    "/admin/auth/group/",
]


def test_every_staff_url_refuses_anonymous_users(client, assessment):
    paths = _all_staff_paths(assessment)
    assert len(paths) >= 6
    for path in paths:
        response = client.get(path) if not path.endswith("/review/") else client.post(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/staff/login/"), path


def test_every_staff_url_refuses_users_outside_the_group(client, assessment, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="a long test password", is_staff=True)
    client.force_login(user)
    for path in _all_staff_paths(assessment):
        response = client.get(path) if not path.endswith("/review/") else client.post(path)
        assert response.status_code == 403, path


def test_every_admin_url_refuses_anonymous_and_clinic_staff(client, assessment, django_user_model):
    for path in ADMIN_PATHS:
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path
    nurse = django_user_model.objects.create_user("nurse", password="a long test password")
    nurse.groups.add(Group.objects.get(name="Clinic staff"))
    client.force_login(nurse)
    for path in ADMIN_PATHS:
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path


def test_editors_cannot_reach_assessments_users_or_the_audit_log(client, guide, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a long test password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    assert client.get("/admin/content/section/").status_code == 200
    for path in ADMIN_PATHS[1:3] + ADMIN_PATHS[4:]:
        assert client.get(path).status_code == 403, path
    assert client.get("/staff/").status_code == 403


def test_robots_txt_keeps_crawlers_out_of_staff_and_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /staff/" in lines and "Disallow: /admin/" in lines
    # Not disallowed, so that crawlers see the noindex header of a leaked link.
    assert not any("/summary" in line for line in lines)


@pytest.mark.parametrize(
    "path",
    ["/summary/whatever/", "/summary/whatever/pdf/", "/summary/whatever/delete/",
     "/questionnaire/resume/", "/questionnaire/resume/whatever/", "/questionnaire/step/1/",
     "/staff/", "/staff/login/", "/admin/", "/admin/login/"],
)
def test_noindex_on_secret_staff_and_admin_pages(client, guide, path):
    assert "noindex" in client.get(path).headers["X-Robots-Tag"], path


@pytest.mark.parametrize("path", ["/", "/guide/", "/questionnaire/"])
def test_public_pages_may_be_indexed(client, guide, path):
    assert "X-Robots-Tag" not in client.get(path).headers


class TestPatientDelete:
    """The delete page sends no referrer, so its form cannot carry Django's CSRF proof."""

    def test_works_as_browsers_post_it_from_a_no_referrer_page(self, assessment):
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            reverse("assessments:delete", args=[assessment.token]), secure=True,
            HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin",
        )
        assert response.status_code == 200
        from assessments.models import Assessment

        assert not Assessment.objects.filter(pk=assessment.pk).exists()

    @pytest.mark.parametrize("fetch_site", ["cross-site", "same-site"])
    def test_a_post_started_by_another_site_is_refused(self, assessment, fetch_site):
        response = Client().post(reverse("assessments:delete", args=[assessment.token]),
                                 HTTP_SEC_FETCH_SITE=fetch_site)
        assert response.status_code == 403
        from assessments.models import Assessment

        assert Assessment.objects.filter(pk=assessment.pk).exists()

    def test_a_wrong_token_deletes_nothing(self, assessment):
        response = Client().post(reverse("assessments:delete", args=["x" * 43]))
        assert response.status_code == 404


class TestUploads:
    """File parts are refused where no file is expected (issue 10, finding 5)."""

    def test_a_file_posted_to_the_resume_form_gets_a_clear_400(self, client, guide):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("big.bin", b"\0" * (20 * 1024 * 1024))
        response = client.post(reverse("assessments:resume"), {"code": "ABCD", "file": upload})
        assert response.status_code == 400
        assert "does not take files" in response.content.decode()
        assert_security_headers(response)

    def test_the_file_is_not_read(self, db):
        """The parser stops at the file part's headers, not after 20 MB."""
        from django.core.exceptions import SuspiciousOperation
        from django.test import RequestFactory

        size = 20 * 1024 * 1024
        request = RequestFactory().post("/questionnaire/resume/",
                                        {"code": "ABCD", "file": _upload(size)})
        with pytest.raises(SuspiciousOperation):
            request.POST  # noqa: B018 (parsing happens on first access)
        assert request._stream._pos < 1024 * 1024

    def test_the_clinic_logo_form_still_takes_a_picture(self, client, guide, django_user_model):
        from content.models import ClinicDetails

        ClinicDetails.objects.get_or_create(pk=1, defaults={"name": "Riverside Dermatology"})
        client.force_login(django_user_model.objects.create_superuser("root", password="x" * 16))
        url = reverse("admin:content_clinicdetails_change", args=[1])
        clinic = ClinicDetails.objects.get()
        response = client.post(url, {"name": clinic.name, "logo": _png(),
                                     "logo_alt_text": "Riverside logo", "status": "draft",
                                     "declaration_of_interest": "We offer PRP.",
                                     "change_reason": "A new logo."})
        assert response.status_code == 302, response.content.decode()[:2000]
        assert ClinicDetails.objects.get().logo.name.startswith("clinic/")

    def test_a_logo_over_the_limit_is_refused(self, client, guide, django_user_model, settings):
        settings.HAIRTX_MAX_UPLOAD_BYTES = 1000
        client.force_login(django_user_model.objects.create_superuser("root", password="x" * 16))
        url = reverse("admin:content_clinicdetails_add")
        response = client.post(url, {"name": "Riverside", "logo": _upload(5000, "logo.png")})
        assert response.status_code == 400
        assert "too large" in response.content.decode()

    def test_every_form_with_a_file_field_is_listed(self):
        """A model with a file field edited in the admin must be in FILE_UPLOAD_VIEWS."""
        from django.contrib import admin
        from django.db.models import FileField

        from hairtx.uploads import FILE_UPLOAD_VIEWS

        expected = set()
        for model in admin.site._registry:
            if any(isinstance(field, FileField) for field in model._meta.get_fields()):
                prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
                expected |= {f"{prefix}_add", f"{prefix}_change"}
        assert expected == FILE_UPLOAD_VIEWS


def _upload(size: int, name: str = "big.bin"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"\0" * size)


def _png():
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    pixel = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    return SimpleUploadedFile("logo.png", pixel, content_type="image/png")
