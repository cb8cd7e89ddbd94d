"""Issue 22, finding 8: sign-in records within the retention policy, and files that
only the server can read."""

import io
import os
import stat
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from assessments import pdf
from tests.assessments.factories import make_assessment, make_staff

pytestmark = pytest.mark.django_db


def test_purge_deletes_sign_in_records_past_their_time(settings):
    make_staff("nurse")
    Client().post("/staff/login/", {"username": "nurse", "password": "a long test password"},
                  REMOTE_ADDR="198.51.100.1")
    Client().post("/staff/login/", {"username": "other", "password": "wrong"},
                  REMOTE_ADDR="198.51.100.2")
    assert AccessLog.objects.count() == 1 and AccessAttempt.objects.count() == 1
    recent = AccessLog.objects.get()
    old = AccessLog.objects.create(username="nurse", ip_address="198.51.100.1",
                                   user_agent="", path_info="/staff/login/")
    AccessLog.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - timedelta(days=settings.HAIRTX_LOGIN_LOG_DAYS + 1))
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1))

    call_command("purge_expired", stdout=io.StringIO())
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccessAttempt.objects.exists()


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)  # the usual default: files 0644, readable by everyone
    yield
    os.umask(previous)


def test_export_fhir_output_is_readable_by_the_owner_only(tmp_path, open_umask):
    make_assessment()
    output = tmp_path / "bundles.ndjson"
    (tmp_path / "bundles.ndjson.partial").write_text("left over")
    os.chmod(tmp_path / "bundles.ndjson.partial", 0o644)
    call_command("export_fhir", "--output", str(output), stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert output.read_text().strip() and mode(output) == 0o600


def test_stored_pdfs_are_not_readable_by_other_local_users(settings, open_umask):
    name = pdf.summary_pdf_ensure(assessment=make_assessment())
    path = settings.MEDIA_ROOT / name
    assert mode(path) == 0o640
    assert mode(path.parent) & 0o007 == 0
