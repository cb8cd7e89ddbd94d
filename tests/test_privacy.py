"""Retention (purge_expired), the privacy page, and logs without secrets."""

import logging
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from assessments.models import Assessment, AuditEvent, Draft
from hairtx.logging import RedactSecretsFilter, redact

pytestmark = pytest.mark.django_db


def make_assessment(days_old: int, with_pdf: bool = False) -> Assessment:
    assessment = Assessment.objects.create(
        answers={}, summary={}, ruleset_version="x", leaning="open",
        created_at=timezone.now() - timedelta(days=days_old),
    )
    if with_pdf:
        assessment.pdf_name = default_storage.save(f"summaries/test-{assessment.pk}.pdf", ContentFile(b"%PDF"))
        assessment.save(update_fields=["pdf_name"])
    return assessment


def test_purge_deletes_what_retention_says_and_keeps_the_rest(settings, django_capture_on_commit_callbacks):
    settings.HAIRTX_RETENTION_DAYS = 30
    settings.HAIRTX_AUDIT_RETENTION_DAYS = 365
    expired = Draft.objects.create(expires_at=timezone.now() - timedelta(minutes=1))
    live = Draft.objects.create()
    old = make_assessment(days_old=31, with_pdf=True)
    recent = make_assessment(days_old=29)
    ancient_event = AuditEvent.objects.create(action="view", created_at=timezone.now() - timedelta(days=400))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", verbosity=0)

    assert not Draft.objects.filter(pk=expired.pk).exists()
    assert Draft.objects.filter(pk=live.pk).exists()
    assert not Assessment.objects.filter(pk=old.pk).exists()
    assert Assessment.objects.filter(pk=recent.pk).exists()
    assert not default_storage.exists(old.pdf_name)
    assert not AuditEvent.objects.filter(pk=ancient_event.pk).exists()
    deletion = AuditEvent.objects.get(action=AuditEvent.Action.DELETE)
    assert deletion.reference_code == old.reference_code


def test_purge_deletes_expired_sessions_and_their_cached_copies(settings):
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX, SessionStore
    from django.core.cache import caches

    sessions = caches[settings.SESSION_CACHE_ALIAS]
    ended, current = SessionStore(), SessionStore()
    for store in (ended, current):
        store["draft_token"] = "x" * 43
        store.save()
    # Expired a second ago, as the row and its cached copy are eight hours after the
    # last save (timeout=0 stores an entry that has already expired).
    ended.model.objects.filter(session_key=ended.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1))
    sessions.set(KEY_PREFIX + ended.session_key, {"draft_token": "x" * 43}, timeout=0)

    call_command("purge_expired", verbosity=0)

    assert not ended.model.objects.filter(session_key=ended.session_key).exists()
    assert current.model.objects.filter(session_key=current.session_key).exists()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {settings.CACHES['sessions']['LOCATION']}")
        kept = {key for (key,) in cursor.fetchall()}
    assert not any(ended.session_key in key for key in kept)
    assert any(current.session_key in key for key in kept)


def test_purge_is_idempotent():
    make_assessment(days_old=10_000)
    call_command("purge_expired", verbosity=0)
    call_command("purge_expired", verbosity=0)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETE).count() == 1


def test_purge_dry_run_changes_nothing(capsys):
    make_assessment(days_old=10_000)
    call_command("purge_expired", "--dry-run")
    assert "Would delete 0 expired drafts, 1 assessments" in capsys.readouterr().out
    assert Assessment.objects.count() == 1


def test_privacy_page_states_retention(client, settings, guide):
    html = client.get("/privacy/").content.decode()
    assert f"{settings.HAIRTX_DRAFT_DAYS} days" in html
    assert f"{settings.HAIRTX_RETENTION_DAYS} days" in html


@pytest.mark.parametrize(
    "line",
    [
        "Not Found: /summary/abcDEF123_-xyz/",
        '"GET /summary/abcDEF123_-xyz/pdf/ HTTP/1.1" 200',
        "Bad Request: /questionnaire/resume/abcDEF123_-xyz/",
        "GET /staff/assessments/KY2VUMCS/ 200",
        "GET /staff/?q=ky2v-umcs&red_flags=on",
    ],
)
def test_log_lines_lose_tokens_and_codes(line):
    cleaned = redact(line)
    assert "abcDEF123_-xyz" not in cleaned
    assert "KY2VUMCS" not in cleaned and "ky2v-umcs" not in cleaned
    assert "[redacted]" in cleaned


def test_every_log_handler_redacts(settings):
    for handler in settings.LOGGING["handlers"].values():
        assert "redact" in handler.get("filters", [])
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                               "Not Found: %s", ("/summary/secret-token/",), None)
    RedactSecretsFilter().filter(record)
    assert "secret-token" not in record.getMessage()
