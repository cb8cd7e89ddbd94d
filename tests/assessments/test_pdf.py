"""The summary PDF: content, tagging, fonts, page size, storage, retry and the fetcher."""

import io
import logging
import re
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from assessments import pdf, views
from assessments.models import Assessment
from assessments.presenters import summary_context
from tests.assessments.factories import RED_FLAG, make_assessment
from tests.pdf_reading import pdf_text

pytestmark = pytest.mark.django_db


def squeeze(text: str) -> str:
    return " ".join(text.split())


def all_items(context: dict) -> list[dict]:
    items = [*context["red_flags"], *context["also_discuss"], *context["questions_to_ask"],
             *context["to_bring"], *context["expectations"]]
    for option in context["options"].values():
        items += [*option["for"], *option["against"]]
    return items


@pytest.fixture(scope="module")
def _weasyprint_imported():
    """Import WeasyPrint once up front so the first test does not carry the import time."""
    import weasyprint  # noqa: F401


@pytest.fixture
def red_flag_pdf(_weasyprint_imported):
    assessment = make_assessment(**RED_FLAG)
    return assessment, pdf.render_summary_pdf(assessment=assessment)


def test_pdf_holds_code_headline_every_item_and_page_numbers(red_flag_pdf):
    assessment, data = red_flag_pdf
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    context = summary_context(assessment)
    assert assessment.reference_display in text
    assert squeeze(context["summary"]["headline"]) in text
    items = all_items(context)
    assert context["red_flags"], "the red-flag answers should have produced a red flag"
    for item in items:
        assert squeeze(item["text"]) in text, item["rule"]
    assert "Page 1 of" in text
    # The notes space is announced only above questions that are there (issue 12).
    assert ("space under each question" in text) == bool(context["questions_to_ask"])
    assert "not a diagnosis" in text


def test_reference_code_and_page_number_on_every_page(red_flag_pdf):
    assessment, data = red_flag_pdf
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        text = squeeze(page.extract_text())
        assert assessment.reference_display in text
        assert f"Page {number} of {len(pages)}" in text


def test_pdf_is_tagged_with_title_and_language(red_flag_pdf):
    assessment, data = red_flag_pdf
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).lower() == "en-gb"
    assert assessment.reference_display in reader.metadata.title


def test_site_fonts_are_embedded(red_flag_pdf):
    _, data = red_flag_pdf
    reader = PdfReader(io.BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any(name.endswith("+Atkinson") for name in fonts), fonts
    assert any(name.endswith("+Atkinson-Bold") for name in fonts), fonts


def test_rendering_logs_no_weasyprint_warning(caplog, _weasyprint_imported):
    assessment = make_assessment(**RED_FLAG)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.render_summary_pdf(assessment=assessment)
    assert [r for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_a4_by_default_and_letter_by_setting(settings, _weasyprint_imported):
    assessment = make_assessment()
    a4 = PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment))).pages[0]
    assert (round(float(a4.mediabox.width)), round(float(a4.mediabox.height))) == (595, 842)
    settings.HAIRTX_PDF_PAGE_SIZE = "letter"
    letter = PdfReader(io.BytesIO(pdf.render_summary_pdf(assessment=assessment))).pages[0]
    assert (round(float(letter.mediabox.width)), round(float(letter.mediabox.height))) == (612, 792)


@pytest.mark.usefixtures("guide")
def test_the_pdf_counts_the_sources_and_names_the_page_that_lists_them(_weasyprint_imported):
    """Issue 24: the 41 sources took 1.3 pages and a third of the typical render, so the
    PDF gives their number and where they are listed (bench/analysis.md). The number
    follows what is published, and the page it names is the Sources page."""
    from content.models import Reference
    from content.selectors import published_references

    published = list(published_references())
    assert len(published) > 9
    text = squeeze(pdf_text(pdf.render_summary_pdf(assessment=make_assessment())))
    assert "Appendix 2: sources" in text
    assert f"The guide rests on {len(published)} published sources:" in text
    assert "on the site’s Sources page (the address ends in /sources/)" in text
    assert reverse("content:sources") == "/sources/"
    assert squeeze(published[0].citation) not in text  # the list is not repeated

    Reference.objects.exclude(pk=published[0].pk).delete()
    text = squeeze(pdf_text(pdf.render_summary_pdf(assessment=make_assessment())))
    assert "The guide rests on 1 published source:" in text


def test_a_render_loads_no_certificates(_weasyprint_imported):
    """Nothing in a render may build WeasyPrint's default fetcher, whose HTTPS handler
    loads every CA certificate of the system (~45 ms a PDF, bench/analysis.md)."""
    pdf.render_summary_pdf(assessment=make_assessment())  # this thread's fetcher made
    with mock.patch("ssl._create_default_https_context",
                    side_effect=AssertionError("a default SSL context was made")):
        assert pdf.render_summary_pdf(assessment=make_assessment()).startswith(b"%PDF")


def test_patient_downloads_pdf_from_secret_link(client, _weasyprint_imported):
    assessment = make_assessment()
    summary = client.get(reverse("assessments:summary", args=[assessment.token]))
    pdf_url = reverse("assessments:summary_pdf", args=[assessment.token])
    assert pdf_url.encode() in summary.content

    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    expected = f'filename="hairtx-summary-{assessment.reference_display}.pdf"'
    assert expected in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_unknown_token_is_404(client):
    assert client.get(reverse("assessments:summary_pdf", args=["nope"])).status_code == 404


def test_each_pdf_holds_only_its_own_reference_code(client, _weasyprint_imported):
    first, second = make_assessment(), make_assessment(**RED_FLAG)
    for mine, other in ((first, second), (second, first)):
        response = client.get(reverse("assessments:summary_pdf", args=[mine.token]))
        text = pdf_text(b"".join(response.streaming_content))
        assert mine.reference_display in text
        assert other.reference_display not in text
        assert mine.token not in text


def test_second_download_serves_the_stored_file(client, _weasyprint_imported):
    assessment = make_assessment()
    url = reverse("assessments:summary_pdf", args=[assessment.token])
    with mock.patch("assessments.pdf.render_summary_pdf", wraps=pdf.render_summary_pdf) as spy:
        first = b"".join(client.get(url).streaming_content)
        second = b"".join(client.get(url).streaming_content)
    assert spy.call_count == 1
    assert first == second
    assessment.refresh_from_db()
    assert re.fullmatch(r"summaries/[0-9a-f]{32}\.pdf", assessment.pdf_name)
    assert assessment.reference_code not in assessment.pdf_name
    assert default_storage.exists(assessment.pdf_name)


def test_failed_render_leaves_assessment_untouched_and_next_request_retries(
    client, caplog, _weasyprint_imported
):
    assessment = make_assessment()
    before = Assessment.objects.values().get(pk=assessment.pk)
    url = reverse("assessments:summary_pdf", args=[assessment.token])
    with mock.patch("assessments.pdf.render_summary_pdf", side_effect=RuntimeError("boom")):
        with caplog.at_level(logging.ERROR, logger="assessments.pdf"):
            response = client.get(url)
    assert response.status_code == 503
    assert b"could not be made" in response.content
    assert Assessment.objects.values().get(pk=assessment.pk) == before
    logged = caplog.text
    assert "Could not render" in logged
    assert assessment.token not in logged
    assert assessment.reference_code not in logged
    assert assessment.reference_display not in logged

    retry = client.get(url)
    assert retry.status_code == 200
    assessment.refresh_from_db()
    assert assessment.pdf_name


def test_missing_stored_file_is_made_again(_weasyprint_imported):
    assessment = make_assessment()
    name = pdf.summary_pdf_ensure(assessment=assessment)
    default_storage.delete(name)
    again = pdf.summary_pdf_ensure(assessment=assessment)
    assert again != name
    assert default_storage.exists(again)


def test_losing_a_race_keeps_the_winners_file(_weasyprint_imported):
    """Two first requests both render; the second to save deletes its own file."""
    assessment = make_assessment()
    stale_copy = Assessment.objects.get(pk=assessment.pk)  # read before anyone stored
    winner = pdf.summary_pdf_ensure(assessment=assessment)
    loser = pdf.summary_pdf_ensure(assessment=stale_copy)  # still sees pdf_name == ""
    assert loser == winner
    assert Assessment.objects.get(pk=assessment.pk).pdf_name == winner
    _, files = default_storage.listdir(pdf.STORAGE_FOLDER)
    assert files == [winner.split("/")[-1]]


class TestStaticFilesFetcher:
    @pytest.fixture
    def fetcher(self):
        return pdf.static_files_fetcher()

    def test_serves_static_files(self, fetcher):
        response = fetcher.fetch("file:///static/assessments/css/summary_pdf.css")
        assert b"@font-face" in response.read()

    def test_serves_fonts_as_truetype(self, fetcher):
        response = fetcher.fetch(
            "file:///static/fonts/atkinson-hyperlegible-latin-400-normal.woff2"
        )
        assert response.read()[:4] in (b"\x00\x01\x00\x00", b"true")

    @pytest.mark.parametrize(
        "url",
        [
            "http://example.com/static/css/site.css",
            "https://localhost/static/css/site.css",
            "file:///etc/passwd",
            "file:///static/../../../../etc/passwd",
            "file:///static/%2e%2e/%2e%2e/hairtx/settings.py",
            "file:///work/main/static/css/site.css",
            "file:///static/does-not-exist.css",
            "file://evil.example/static/css/site.css",
            "data:text/css,body{}",
        ],
    )
    def test_refuses_everything_else(self, fetcher, url):
        from weasyprint.urls import FatalURLFetchingError

        with pytest.raises(FatalURLFetchingError):
            fetcher.fetch(url)


class TestStoredPdfDownload:
    """A stored PDF is served with one read and no write: no session, no audit, no
    rate-limit row, no cookie; a local file is streamed as it is (sendfile)."""

    @pytest.fixture
    def stored(self, _weasyprint_imported):
        assessment = make_assessment()
        pdf.summary_pdf_ensure(assessment=assessment)
        return assessment

    def test_one_select_and_nothing_written(self, client, stored):
        url = reverse("assessments:summary_pdf", args=[stored.token])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"]
        assert "summary" not in queries.captured_queries[0]["sql"]  # not the JSON columns
        assert not response.cookies  # no session or CSRF cookie set
        assert "Cookie" not in response.get("Vary", "")  # the session was not even read
        # hairtx.middleware.SessionFreeMiddleware answered it, before the session stack.
        assert not hasattr(response.wsgi_request, "session")

    def test_a_link_to_no_summary_is_a_404_page_before_the_session_stack(self, client):
        response = client.get(reverse("assessments:summary_pdf", args=["x" * 43]))
        assert response.status_code == 404
        assert not hasattr(response.wsgi_request, "session")
        assert "<h1" in response.text  # the site's own page, not a bare error

    def test_headers_of_a_health_document(self, client, stored):
        response = client.get(reverse("assessments:summary_pdf", args=[stored.token]))
        assert response["Content-Type"] == "application/pdf"
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "no-cache", "private", "max-age=0"} <= cache_control
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"] == (
            f'inline; filename="hairtx-summary-{stored.reference_display}.pdf"')
        body = b"".join(response.streaming_content)
        assert int(response["Content-Length"]) == len(body)
        with default_storage.open(stored.pdf_name, "rb") as file:
            assert body == file.read()

    def test_local_file_is_streamed_not_read_through_the_storage(self, rf, stored):
        with mock.patch("assessments.pdf.summary_pdf_bytes") as read_whole:
            response = views.summary_pdf(rf.get("/"), stored.token)
            # A real file (what lets the server use sendfile), not bytes in memory.
            assert response.file_to_stream.name == default_storage.path(stored.pdf_name)
            body = b"".join(response.streaming_content)
            response.close()
        read_whole.assert_not_called()
        assert body.startswith(b"%PDF")

    def test_no_local_file_without_a_local_path_or_a_file(self, stored):
        """Object storage has no path (tests/test_object_storage.py serves its PDFs);
        a file gone from the disk falls back to the careful path, which makes it anew."""
        with mock.patch("assessments.pdf.default_storage") as object_store:
            object_store.path.side_effect = NotImplementedError
            assert pdf.stored_pdf_local_file(assessment=stored) is None
        default_storage.delete(stored.pdf_name)
        assert pdf.stored_pdf_local_file(assessment=stored) is None
        assert pdf.stored_pdf_local_file(assessment=make_assessment()) is None  # none yet

    def test_lookup_loads_only_the_download_fields(self, stored):
        found = pdf.assessment_for_download(stored.token)
        assert (found.pk, found.reference_code, found.pdf_name) == (
            stored.pk, stored.reference_code, stored.pdf_name)
        assert found.get_deferred_fields() >= {"answers", "summary"}
        assert found.answers == stored.answers  # loaded on first use, as with .only()
        assert pdf.assessment_for_download("x" * 43) is None


@pytest.mark.parametrize(("fill", "layouts"), [(0.9, 1), (0.1, 2)])
def test_a_second_layout_only_when_the_last_page_is_nearly_empty(
        monkeypatch, _weasyprint_imported, fill, layouts):
    """Issue 12's compact appendices cost a whole second layout: only for a PDF whose
    last page would hold a few lines (the render's main cost, bench/analysis.md)."""
    from weasyprint import HTML

    monkeypatch.setattr(pdf, "last_page_fill", lambda document: fill)
    with mock.patch.object(HTML, "render", autospec=True, side_effect=HTML.render) as spy:
        data = pdf.render_summary_pdf(assessment=make_assessment())
    assert spy.call_count == layouts
    assert len(PdfReader(io.BytesIO(data)).pages) > 1


class TestFollowUpReminder:
    """Issue 26: "on the summary page and in the PDF, 'Add a reminder to your calendar'
    downloads an .ics file". The PDF carries the event as an attached file (opened from
    the attachments panel) and, for readers without one, the plain steps."""

    @pytest.fixture
    def made(self, _weasyprint_imported):
        assessment = make_assessment()
        return assessment, pdf.render_summary_pdf(assessment=assessment)

    def test_the_pdf_holds_the_reminder_as_one_calendar_event(self, made):
        from icalendar import Calendar

        from assessments.decisions.presenters import reminder_date

        assessment, data = made
        attachments = PdfReader(io.BytesIO(data)).attachments
        assert list(attachments) == ["hairtx-follow-up.ics"]
        (ics,) = attachments["hairtx-follow-up.ics"]
        calendar = Calendar.from_ical(ics)
        (event,) = calendar.walk("VEVENT")
        assert event.decoded("DTSTART") == reminder_date(assessment)
        assert assessment.reference_display in str(event["DESCRIPTION"])
        assert "/follow-up/" in str(event["DESCRIPTION"])

    def test_the_attached_event_holds_no_secret_link_and_names_nobody(self, made):
        assessment, data = made
        (ics,) = PdfReader(io.BytesIO(data)).attachments["hairtx-follow-up.ics"]
        text = ics.decode()
        assert assessment.token not in text
        assert "/summary/" not in text and "http" not in text
        assert "ATTENDEE" not in text and "ORGANIZER" not in text and "LOCATION" not in text

    def test_the_pdf_gives_the_plain_steps_too(self, made):
        assessment, data = made
        from assessments.decisions.presenters import reminder_date

        text = squeeze(pdf_text(data))
        assert "Add a reminder to your calendar." in text
        assert f"{reminder_date(assessment):%-d %B %Y}" in text
        assert "attachments panel" in text
