"""The clinic staff area: access, list, filters, search, detail, print, PDF, review, export."""

import csv
import io
import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from hairtx.logging import redact
from tests.assessments.factories import RED_FLAG, make_assessment, make_staff, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment():
    return make_assessment()


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff())
    return client


def staff_urls(assessment) -> list[str]:
    code = assessment.reference_code
    return [
        reverse("staff:list"),
        reverse("staff:detail", args=[code]),
        reverse("staff:print", args=[code]),
        reverse("staff:pdf", args=[code]),
        reverse("staff:export"),
    ]


class TestAccess:
    def test_anonymous_users_are_sent_to_the_login_page(self, client, assessment):
        login = reverse("staff:login")
        for url in staff_urls(assessment):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{login}?next="), url

    def test_signed_in_users_without_the_group_get_403(self, client, assessment):
        client.force_login(make_user("visitor"))
        for url in staff_urls(assessment):
            assert client.get(url).status_code == 403, url
        review = client.post(reverse("staff:review", args=[assessment.reference_code]))
        assert review.status_code == 403

    def test_clinic_staff_get_the_pages(self, staff_client, assessment):
        for url in staff_urls(assessment)[:3]:
            response = staff_client.get(url)
            assert response.status_code == 200, url
            assert "no-store" in response["Cache-Control"]

    def test_login_page_signs_staff_in(self, client):
        make_staff("nurse")
        page = client.get(reverse("staff:login"))
        assert page.status_code == 200
        assert b'for="id_username"' in page.content
        response = client.post(
            reverse("staff:login"),
            {"username": "nurse", "password": "a long test password"},
            REMOTE_ADDR="10.0.0.9",
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("staff:list")

    def test_wrong_password_shows_a_clear_error(self, client):
        make_staff("nurse")
        response = client.post(
            reverse("staff:login"), {"username": "nurse", "password": "wrong"},
            REMOTE_ADDR="10.0.0.8",
        )
        assert response.status_code == 200
        assert b"We could not sign you in" in response.content

    def test_too_many_wrong_passwords_show_the_locked_out_page(self, client, settings):
        make_staff("nurse")
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("staff:login"), {"username": "nurse", "password": "wrong"},
                        REMOTE_ADDR="10.0.0.7")
        response = client.post(
            reverse("staff:login"), {"username": "nurse", "password": "a long test password"},
            REMOTE_ADDR="10.0.0.7",
        )
        assert response.status_code == 429
        content = response.content.decode()
        assert "Sign-in is paused for 30 minutes" in content
        assert content.count("<h1") == 1

    def test_logout_is_a_post(self, staff_client):
        assert staff_client.get(reverse("staff:logout")).status_code == 405
        response = staff_client.post(reverse("staff:logout"))
        assert response.status_code == 302
        assert staff_client.get(reverse("staff:list")).status_code == 302

    def test_marking_reviewed_needs_the_review_permission(self, client, assessment):
        from django.contrib.auth.models import Permission

        reader = make_user("reader")
        reader.user_permissions.add(Permission.objects.get(codename="view_assessment"))
        client.force_login(reader)
        url = reverse("staff:review", args=[assessment.reference_code])
        assert client.post(url, {"note": "ok"}).status_code == 403
        assert b"Mark reviewed" not in client.get(
            reverse("staff:detail", args=[assessment.reference_code])
        ).content

    def test_export_needs_the_export_permission(self, client):
        from django.contrib.auth.models import Permission

        reader = make_user("reader")
        reader.user_permissions.add(Permission.objects.get(codename="view_assessment"))
        client.force_login(reader)
        assert client.get(reverse("staff:export")).status_code == 403


class TestList:
    def test_newest_first(self, staff_client):
        old = make_assessment()
        Assessment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
        new = make_assessment()
        content = staff_client.get(reverse("staff:list")).content.decode()
        assert content.index(new.reference_display) < content.index(old.reference_display)

    def test_25_a_page_without_counting(self, staff_client, django_assert_max_num_queries):
        for _ in range(26):
            make_assessment()
        # Cold site-content cache: includes the footer's clinical review state (one query
        # per content model and one for approvals), read once per content change.
        with django_assert_max_num_queries(23) as queries:
            first = staff_client.get(reverse("staff:list"))
        listing = [q["sql"].upper() for q in queries.captured_queries
                   if "ASSESSMENTS_ASSESSMENT" in q["sql"].upper()]
        assert len(listing) == 1
        assert "COUNT(" not in listing[0]
        # Only the listed columns: never the JSON answers and summary.
        assert '"ANSWERS"' not in listing[0] and '"SUMMARY"' not in listing[0]
        assert "LIMIT 26" in listing[0]
        assert first.content.decode().count('class="reference-code"') == 25
        assert b'rel="next"' in first.content
        second = staff_client.get(reverse("staff:list") + "?page=2")
        assert second.content.decode().count('class="reference-code"') == 1
        assert b'rel="next"' not in second.content

    def test_query_count_does_not_grow_with_rows(self, staff_client):
        make_assessment()
        staff_client.get(reverse("staff:list"))  # warm caches (site content)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            staff_client.get(reverse("staff:list"))
        for _ in range(5):
            make_assessment()
        with CaptureQueriesContext(connection) as six:
            staff_client.get(reverse("staff:list"))
        assert len(six) == len(one)

    def test_filter_red_flags_and_not_reviewed(self, staff_client):
        quiet, flagged = make_assessment(), make_assessment(**RED_FLAG)
        reviewed = make_assessment(**RED_FLAG)
        Assessment.objects.filter(pk=reviewed.pk).update(reviewed_at=timezone.now())

        content = staff_client.get(reverse("staff:list"), {"red_flags": "on"}).content.decode()
        assert flagged.reference_display in content and reviewed.reference_display in content
        assert quiet.reference_display not in content

        content = staff_client.get(
            reverse("staff:list"), {"red_flags": "on", "not_reviewed": "on"}
        ).content.decode()
        assert flagged.reference_display in content
        assert reviewed.reference_display not in content

    def test_filter_by_leaning_and_the_rules_version_is_shown(self, staff_client):
        standard, flagged = make_assessment(), make_assessment(**RED_FLAG)
        assert standard.leaning == "standard_first"
        content = staff_client.get(reverse("staff:list"),
                                   {"leaning": "standard_first"}).content.decode()
        assert standard.reference_display in content
        assert flagged.reference_display not in content
        assert "Standard treatments first" in content
        assert standard.ruleset_version in content

    def test_an_unknown_leaning_filter_is_a_field_error(self, staff_client):
        response = staff_client.get(reverse("staff:list"), {"leaning": "magic"})
        assert response.status_code in (200, 400)
        assert "Select a valid choice" in response.content.decode()

    def test_old_summaries_keep_their_version_and_leaning(self, staff_client):
        """Nothing is re-computed: a 2026.11 summary is shown as it was stored."""
        old = make_assessment()
        stored = dict(old.summary, ruleset_version="2026.11.1", leaning="prp",
                      headline="Stored headline from the old rules.")
        Assessment.objects.filter(pk=old.pk).update(summary=stored, leaning="prp",
                                                    ruleset_version="2026.11.1")
        listing = staff_client.get(reverse("staff:list"), {"leaning": "prp"}).content.decode()
        assert old.reference_display in listing and "2026.11.1" in listing
        detail = staff_client.get(reverse("staff:detail", args=[old.reference_code]))
        assert "Stored headline from the old rules." in detail.content.decode()
        assert "2026.11.1" in detail.content.decode()
        patient = Client().get(reverse("assessments:summary", args=[old.token]))
        assert "Stored headline from the old rules." in patient.content.decode()

    def test_filter_date_range_is_inclusive_in_local_days(self, staff_client):
        today = timezone.localdate()
        older = make_assessment()
        ten_days_ago = timezone.now() - timedelta(days=10)
        Assessment.objects.filter(pk=older.pk).update(created_at=ten_days_ago)
        recent = make_assessment()
        yesterday = today - timedelta(days=1)
        params = {"date_from": yesterday.isoformat(), "date_to": today.isoformat()}
        content = staff_client.get(reverse("staff:list"), params).content.decode()
        assert recent.reference_display in content
        assert older.reference_display not in content

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"date_from": "31/02/2026"}, "Enter a real date"),
            ({"date_from": "2026-11-20", "date_to": "2026-11-01"}, "must be the same as or after"),
            ({"date_to": "9999-12-31"}, "Enter a date from 2000-01-01 to 2099-12-31"),
            ({"date_from": "0001-01-01"}, "Enter a date from 2000-01-01 to 2099-12-31"),
        ],
    )
    def test_bad_dates_get_clear_field_errors(self, staff_client, params, message):
        response = staff_client.get(reverse("staff:list"), params)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert b'aria-invalid="true"' in response.content

    @pytest.mark.parametrize(
        "typed", ["{code}", "{lower}", " {spaced} ", "{dashed}", "{dashed_lower}"]
    )
    def test_search_forgives_case_spaces_and_a_missing_dash(self, staff_client, typed):
        target, other = make_assessment(), make_assessment()
        code = target.reference_code
        raw = typed.format(code=code, lower=code.lower(), spaced=f"{code[:4]} {code[4:]}",
                           dashed=target.reference_display,
                           dashed_lower=target.reference_display.lower())
        response = staff_client.get(reverse("staff:list"), {"q": raw})
        # An exact code opens the assessment (issue 23 point 7).
        assert response.status_code == 302
        assert response["Location"] == reverse("staff:detail", args=[code])
        content = staff_client.get(response["Location"]).content.decode()
        assert target.reference_display in content
        assert other.reference_display not in content

    def test_search_for_unknown_code_says_so(self, staff_client):
        make_assessment()
        response = staff_client.get(reverse("staff:list"), {"q": "ZZZZ-ZZZZ"})
        assert b"No assessments match" in response.content


class TestDetailPrintPdf:
    def test_detail_shows_summary_and_answers(self, staff_client):
        assessment = make_assessment(**RED_FLAG)
        response = staff_client.get(reverse("staff:detail", args=[assessment.reference_display]))
        content = response.content.decode()
        assert response.status_code == 200
        assert content.count("<h1") == 1
        assert assessment.summary["headline"] in content
        assert "See a doctor first" in content
        assert "Answers given" in content and 'scope="row"' in content
        assert assessment.token not in content

    def test_unknown_code_is_404(self, staff_client):
        assert staff_client.get(reverse("staff:detail", args=["ZZZZZZZZ"])).status_code == 404

    def test_print_view_is_the_pdf_template_with_a_toolbar(self, staff_client, assessment):
        response = staff_client.get(reverse("staff:print", args=[assessment.reference_code]))
        content = response.content.decode()
        assert 'lang="en-GB"' in content
        assert "summary_pdf.css" in content and "bootstrap" not in content
        assert "Back to the assessment" in content
        assert content.count("<h1") == 1
        assert "nonce=" in content

    def test_staff_pdf_download(self, staff_client, assessment):
        response = staff_client.get(reverse("staff:pdf", args=[assessment.reference_code]))
        assert response.status_code == 200
        filename = f"hairtx-summary-{assessment.reference_display}.pdf"
        assert filename in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_detail_path_is_redacted_in_logs(self, assessment):
        line = f'"GET /staff/assessments/{assessment.reference_code}/pdf/ HTTP/1.1" 200'
        assert assessment.reference_code not in redact(line)


class TestReview:
    def test_mark_reviewed_with_a_note(self, client, assessment):
        nurse = make_staff("nurse")
        client.force_login(nurse)
        url = reverse("staff:review", args=[assessment.reference_code])
        response = client.post(url, {"note": "Called back, booked for Tuesday."})
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert assessment.reviewed_at is not None
        assert assessment.reviewed_by == nurse
        assert assessment.review_note == "Called back, booked for Tuesday."
        page = client.get(response["Location"])
        assert b"is marked reviewed" in page.content

    def test_note_over_500_characters_is_refused_clearly(self, staff_client, assessment):
        url = reverse("staff:review", args=[assessment.reference_code])
        response = staff_client.post(url, {"note": "x" * 501})
        assert response.status_code == 400
        assert "at most 500 characters (it has 501)" in response.content.decode()
        assessment.refresh_from_db()
        assert assessment.reviewed_at is None

    def test_review_is_csrf_protected(self, assessment):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(make_staff())
        url = reverse("staff:review", args=[assessment.reference_code])
        assert client.post(url, {"note": ""}).status_code == 403

    def test_review_is_post_only(self, staff_client, assessment):
        url = reverse("staff:review", args=[assessment.reference_code])
        assert staff_client.get(url).status_code == 405


class TestExport:
    def export(self, client, **params):
        response = client.post(reverse("staff:export"), params)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        body = b"".join(response.streaming_content).decode()
        return list(csv.reader(io.StringIO(body)))

    def test_csv_is_de_identified(self, staff_client):
        from assessments import intake

        assessment = make_assessment(**RED_FLAG)
        Assessment.objects.filter(pk=assessment.pk).update(
            reviewed_at=timezone.now(), review_note="secret note"
        )
        today = timezone.localdate().isoformat()
        rows = self.export(staff_client, date_from=today, date_to=today)
        header, row = rows[0], rows[1]
        assert header[:6] == ["created_date", "leaning", "has_red_flags", "ruleset_version",
                              "intake_schema", "reviewed"]
        assert header[6:] == [*intake.QUESTIONS, "tried_result"]  # the last: schema 2 rows
        for forbidden in ("token", "reference_code", "review_note", "reviewed_by", "username"):
            assert forbidden not in header
        flat = ",".join(",".join(r) for r in rows)
        for secret in (assessment.token, assessment.reference_code, assessment.reference_display,
                       "secret note", "nurse"):
            assert secret not in flat
        record = dict(zip(header, row, strict=True))
        assert record["created_date"] == today
        assert record["has_red_flags"] == "yes" and record["reviewed"] == "yes"
        assert record["nail_changes"] == "yes"
        assert record["pattern"] == "|".join(assessment.answers["pattern"])
        assert record["periods"] == ""  # not asked of this patient

    def test_only_the_date_range(self, staff_client):
        old = make_assessment()
        Assessment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
        make_assessment()
        today = timezone.localdate().isoformat()
        assert len(self.export(staff_client, date_from=today, date_to=today)) == 2

    def test_bad_range_shows_the_form_with_errors(self, staff_client):
        response = staff_client.post(reverse("staff:export"),
                                     {"date_from": "2026-11-20", "date_to": "nonsense"})
        assert response.status_code == 400
        assert "Enter a real date" in response.content.decode()

    def test_free_text_is_not_exported_only_whether_it_was_given(self, staff_client):
        """What a patient typed may identify them; the export stays de-identified."""
        make_assessment(allergies=["other"], allergy_other_details="Mrs Example's plaster")
        today = timezone.localdate().isoformat()
        header, row = self.export(staff_client, date_from=today, date_to=today)
        assert dict(zip(header, row, strict=True))["allergy_other_details"] == "given"

    def test_formula_like_cells_are_defused(self):
        from assessments.staff.selectors import _cell

        assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
        assert _cell(["a", "b"]) == "a|b"


def test_no_warning_logged_for_a_normal_staff_session(staff_client, caplog, assessment):
    with caplog.at_level(logging.WARNING):
        staff_client.get(reverse("staff:list"))
        staff_client.get(reverse("staff:detail", args=[assessment.reference_code]))
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


class TestBoundedParameters:
    """Out-of-range dates and page numbers: a 400 with the reason, never a 500 (finding 3)."""

    @pytest.mark.parametrize(
        ("page_number", "message"),
        [("99999999999999999999", "The page number must be from 1 to 100,000."),
         ("0", "The page number must be from 1 to 100,000."),
         ("-3", "The page number must be from 1 to 100,000."),
         ("two", "The page number must be a whole number.")],
    )
    def test_page_numbers(self, staff_client, page_number, message):
        response = staff_client.get(reverse("staff:list"), {"page": page_number})
        assert response.status_code == 400
        assert message in response.content.decode()

    def test_a_large_valid_page_is_simply_empty(self, staff_client):
        make_assessment()
        response = staff_client.get(reverse("staff:list"), {"page": "100000"})
        assert response.status_code == 200
        assert "No assessments match" in response.content.decode()

    @pytest.mark.parametrize("bad", ["9999-12-31", "0001-01-01", "2100-01-01"])
    def test_export_dates_out_of_range_are_refused_before_anything_is_sent(self, staff_client,
                                                                          bad):
        from assessments.models import AuditEvent

        response = staff_client.post(reverse("staff:export"),
                                     {"date_from": "2026-01-01", "date_to": bad}
                                     if bad > "2026" else {"date_from": bad,
                                                           "date_to": "2026-01-01"})
        assert response.status_code == 400
        assert not response.streaming
        assert "Enter a date from 2000-01-01 to 2099-12-31" in response.content.decode()
        assert not AuditEvent.objects.exists()

    def test_the_widest_allowed_range_exports(self, staff_client):
        make_assessment()
        rows = TestExport().export(staff_client, date_from="2000-01-01", date_to="2099-12-31")
        assert len(rows) == 2


class TestExportIsAPost:
    """Another site cannot make a signed-in browser export (and so write the audit log)."""

    def test_get_only_shows_the_form(self, staff_client):
        from assessments.models import AuditEvent

        today = timezone.localdate().isoformat()
        response = staff_client.get(reverse("staff:export"),
                                    {"date_from": today, "date_to": today})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert b'method="post"' in response.content
        assert not AuditEvent.objects.exists()

    def test_post_needs_the_csrf_token(self, assessment):
        from django.test import Client

        from assessments.models import AuditEvent

        client = Client(enforce_csrf_checks=True)
        client.force_login(make_staff())
        today = timezone.localdate().isoformat()
        response = client.post(reverse("staff:export"), {"date_from": today, "date_to": today})
        assert response.status_code == 403
        assert not AuditEvent.objects.exists()


class TestCrossSiteReads:
    """A link on another site opens a "continue?" page, not the record (finding 8)."""

    @pytest.mark.parametrize("url_name", ["staff:detail", "staff:print", "staff:pdf"])
    def test_no_record_and_no_audit_entry(self, staff_client, assessment, url_name):
        from assessments.models import AuditEvent

        url = reverse(url_name, args=[assessment.reference_code])
        response = staff_client.get(url, HTTP_SEC_FETCH_SITE="cross-site")
        assert response.status_code == 200
        content = response.content.decode()
        assert "Open this page?" in content and f'href="{url}"' in content
        assert "Answers given" not in content
        assert not AuditEvent.objects.exists()
        assert staff_client.get(url, HTTP_SEC_FETCH_SITE="same-origin").status_code == 200
        assert AuditEvent.objects.count() == 1

    def test_a_search_from_another_site_is_not_run(self, staff_client, assessment):
        from assessments.models import AuditEvent

        response = staff_client.get(reverse("staff:list"), {"q": assessment.reference_code},
                                    HTTP_SEC_FETCH_SITE="cross-site")
        assert "Open this page?" in response.content.decode()
        assert not AuditEvent.objects.exists()

    def test_the_plain_list_opens_from_anywhere(self, staff_client, assessment):
        """Nothing is audited without a search, so a link to /staff/ needs no question."""
        response = staff_client.get(reverse("staff:list"), HTTP_SEC_FETCH_SITE="cross-site")
        assert assessment.reference_display in response.content.decode()

    def test_typed_addresses_and_bookmarks_open_directly(self, staff_client, assessment):
        url = reverse("staff:detail", args=[assessment.reference_code])
        response = staff_client.get(url, HTTP_SEC_FETCH_SITE="none")
        assert "Answers given" in response.content.decode()


class TestInvisibleCharacters:
    """Bidi overrides and zero-width characters never reach staff as typed (finding 8)."""

    def test_review_note_is_stored_without_them(self, staff_client, assessment):
        url = reverse("staff:review", args=[assessment.reference_code])
        staff_client.post(url, {"note": "Seen\u202e.exe\u200b by GP\ufeff"})
        assessment.refresh_from_db()
        assert assessment.review_note == "Seen.exe by GP"

    def test_stored_ones_are_shown_visibly(self, staff_client, assessment):
        Assessment.objects.filter(pk=assessment.pk).update(
            reviewed_at=timezone.now(), review_note="ok\u202etxt.exe"
        )
        content = staff_client.get(reverse("staff:detail", args=[assessment.reference_code])
                                   ).content.decode()
        assert "ok[U+202E]txt.exe" in content
        assert "\u202e" not in content
