"""The object store or the database not answering for a moment (issue 25).

Every PDF (made or not), staff download and export answers "try again" (503 with
Retry-After), never a 500, and nothing stored is lost. The store here is django-storages'
real S3 backend pointed at a port where nothing listens, so botocore raises the same
EndpointConnectionError as for a store that is down.
"""

import io
import logging
import os
import socket
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import OperationalError, connections
from django.urls import reverse

from assessments import pdf
from assessments.models import Assessment, AuditEvent
from content.models import ClinicDetails, Status
from hairtx.object_storage import default_storage_from_environment
from tests.assessments.factories import make_assessment, make_staff

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port nobody listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def store_down(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": default_storage_from_environment({
            "HAIRTX_S3_BUCKET": "hairtx",
            "HAIRTX_S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port()}",
            "HAIRTX_S3_REGION": "eu-west-2",
            "HAIRTX_S3_ACCESS_KEY_ID": "test-key",
            "HAIRTX_S3_SECRET_ACCESS_KEY": "test-secret",
        }),
    }


@pytest.fixture
def made_assessment():
    """An assessment whose PDF was made earlier (it is named in the database)."""
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(pdf_name="summaries/" + "a" * 32 + ".pdf")
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff())
    return client


def assert_try_again(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "try again" in response.content.decode().lower()


class TestObjectStoreDown:
    def test_a_pdf_already_made_answers_try_again(self, store_down, client, made_assessment):
        response = client.get(reverse("assessments:summary_pdf", args=[made_assessment.token]))
        assert_try_again(response)
        made_assessment.refresh_from_db()
        assert made_assessment.pdf_name  # kept: the file is there once the store is back

    def test_a_pdf_not_yet_made_answers_try_again(self, store_down, client):
        assessment = make_assessment()
        response = client.get(reverse("assessments:summary_pdf", args=[assessment.token]))
        assert_try_again(response)
        assessment.refresh_from_db()
        assert assessment.pdf_name == ""

    def test_the_summary_page_itself_still_works(self, store_down, client, made_assessment):
        response = client.get(reverse("assessments:summary", args=[made_assessment.token]))
        assert response.status_code == 200

    def test_staff_pdf_download_answers_try_again_and_is_not_audited(
        self, store_down, staff_client, made_assessment
    ):
        url = reverse("staff:pdf", args=[made_assessment.reference_code])
        assert_try_again(staff_client.get(url))
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOAD).exists()

    def test_staff_fhir_download_answers_try_again(self, store_down, staff_client,
                                                   made_assessment):
        url = reverse("staff:fhir", args=[made_assessment.reference_code])
        assert_try_again(staff_client.get(url))

    def test_bulk_fhir_export_names_what_it_left_out(self, store_down, made_assessment,
                                                     tmp_path):
        with pytest.raises(CommandError, match=made_assessment.reference_code) as raised:
            call_command("export_fhir", "--output", str(tmp_path / "out.ndjson"),
                         stderr=io.StringIO())
        assert raised.value.returncode == 1

    def test_a_patient_can_still_delete_and_the_file_is_swept_later(
        self, store_down, client, made_assessment, caplog, django_capture_on_commit_callbacks
    ):
        url = reverse("assessments:delete", args=[made_assessment.token])
        with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 200
        assert not Assessment.objects.filter(pk=made_assessment.pk).exists()
        assert "purge_expired will remove it" in caplog.text
        assert made_assessment.token not in caplog.text

    def test_purge_deletes_the_rows_and_says_the_files_wait(self, store_down, settings,
                                                            made_assessment):
        settings.HAIRTX_RETENTION_DAYS = 1
        Assessment.objects.update(created_at=made_assessment.created_at - timedelta(days=5))
        with pytest.raises(CommandError, match="next run tries again") as raised:
            call_command("purge_expired", stdout=io.StringIO())
        assert raised.value.returncode == 1
        assert not Assessment.objects.exists()

    def test_the_clinic_logo_answers_try_again(self, store_down, client):
        ClinicDetails.objects.create(name="Riverside Dermatology", logo="clinic/logo.png",
                                     status=Status.PUBLISHED)
        response = client.get(reverse("content:clinic_logo"))
        assert response.status_code == 503 and response["Retry-After"] == "60"


class TestOrphanedPdfs:
    """What a failed deletion leaves behind is removed by purge_expired once it is old."""

    def _stored(self, name: str, *, hours_old: float) -> str:
        stored = default_storage.save(name, ContentFile(b"%PDF-1.7"))
        then = time.time() - hours_old * 3600
        os.utime(default_storage.path(stored), (then, then))
        return stored

    def test_purge_removes_old_orphans_only(self):
        kept = make_assessment()
        pdf.summary_pdf_ensure(assessment=kept)
        old_orphan = self._stored("summaries/orphan-old.pdf", hours_old=2)
        new_orphan = self._stored("summaries/orphan-new.pdf", hours_old=0.1)
        out = io.StringIO()
        call_command("purge_expired", stdout=out)
        assert "Deleted 1 stored PDFs that belonged to no assessment." in out.getvalue()
        assert not default_storage.exists(old_orphan)
        assert default_storage.exists(new_orphan)  # may be a render still finishing
        assert default_storage.exists(kept.pdf_name)

    def test_nothing_stored_yet_is_fine(self):
        call_command("purge_expired", stdout=io.StringIO())


def database_down():
    """Every query fails, as when PostgreSQL restarts or fails over (a context manager)."""
    refused = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    return mock.patch.object(connections["default"], "cursor", side_effect=refused)


class TestDatabaseDown:
    def test_patient_pdf_made_or_not_answers_try_again(self, client, made_assessment):
        fresh = make_assessment()
        with database_down():
            for assessment in (made_assessment, fresh):
                url = reverse("assessments:summary_pdf", args=[assessment.token])
                assert_try_again(client.get(url))

    @pytest.mark.parametrize(
        ("method", "url_name", "data"),
        [
            ("get", "staff:pdf", None),
            ("get", "staff:fhir", None),
            ("post", "staff:export", {"date_from": "2026-01-01", "date_to": "2026-12-31"}),
            ("post", "staff:insights_pdf", {"date_from": "2026-01-01", "date_to": "2026-12-31"}),
        ],
    )
    def test_staff_downloads_and_exports_answer_try_again(self, staff_client, made_assessment,
                                                         method, url_name, data):
        args = [made_assessment.reference_code] if url_name in {"staff:pdf", "staff:fhir"} else []
        url = reverse(url_name, args=args)
        with database_down():
            response = getattr(staff_client, method)(url, data)
        assert_try_again(response)

    def test_the_page_is_logged_without_the_secret_link(self, client, made_assessment, caplog):
        url = reverse("assessments:summary_pdf", args=[made_assessment.token])
        with database_down():
            with caplog.at_level(logging.ERROR, logger="hairtx.middleware"):
                client.get(url)
        assert "The database did not answer: OperationalError" in caplog.text
        assert made_assessment.token not in caplog.text

    def test_other_errors_are_still_errors(self, client):
        from django.db import IntegrityError

        from hairtx.middleware import ServiceUnavailableMiddleware

        middleware = ServiceUnavailableMiddleware(lambda request: None)
        assert middleware.process_exception(None, IntegrityError("bug")) is None
        assert middleware.process_exception(None, ValueError("bug")) is None
