"""The summary as a PDF: rendered once with WeasyPrint, then kept in Django storage.

Nothing here knows about HTTP. WeasyPrint never fetches anything over the network: the
HTML is rendered from a string and every stylesheet or font it asks for goes through
``StaticFilesFetcher``, which reads static files from disk and refuses everything else.

``weasyprint`` is imported inside the functions: importing it costs ~0.4 s, which every
``manage.py`` command would otherwise pay.
"""

from __future__ import annotations

import atexit
import functools
import io
import logging
import mimetypes
import threading
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.template.loader import render_to_string

from assessments.decisions import calendar as reminder_calendar
from assessments.decisions.presenters import pdf_reminder_ics, reminder_date
from assessments.models import Assessment
from assessments.presenters import summary_context
from content.selectors import clinic_details, published_references

if TYPE_CHECKING:  # pragma: no cover
    from weasyprint.urls import URLFetcherResponse

logger = logging.getLogger(__name__)

TEMPLATE = "assessments/summary_pdf.html"
STORAGE_FOLDER = "summaries"
# WeasyPrint's own names for the page sizes the setting allows.
PAGE_SIZES = {"A4": "A4", "letter": "letter"}


class PdfRenderError(Exception):
    """The PDF could not be made, stored or read now; nothing was changed. Try again later.

    Also raised when the file store does not answer (an object store that is down or
    slow), so that every caller turns it into its "try again" answer, never a 500.
    """


def _static_path(url_path: str) -> Path | None:
    """The file on disk behind a STATIC_URL path, or None if there is none.

    Source folders first (development, tests), then STATIC_ROOT, which holds the
    hashed names that ``{% static %}`` produces with the manifest storage in production.
    """
    relative = url_path.removeprefix(settings.STATIC_URL)
    if not relative or relative == url_path:
        return None
    try:
        found = finders.find(relative)
        if found:
            return Path(found)
        if hasattr(staticfiles_storage, "path"):
            candidate = Path(staticfiles_storage.path(relative)).resolve()
            root = Path(settings.STATIC_ROOT).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
    except (SuspiciousFileOperation, NotImplementedError, ValueError):
        return None
    return None


@functools.lru_cache(maxsize=16)
def _font_bytes(path: Path, mtime_ns: int) -> bytes:
    """A WOFF2 font decompressed to TrueType, once per process and file version.

    WeasyPrint decompresses WOFF2 itself on every render (~75 ms per face, measured);
    handing it the TrueType bytes skips that. The same font files serve the web pages.
    """
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    woff2.decompress(io.BytesIO(path.read_bytes()), out)
    return out.getvalue()


def _static_bytes(path: Path) -> tuple[bytes, str]:
    if path.suffix == ".woff2":
        return _font_bytes(path, path.stat().st_mtime_ns), "font/ttf"
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


@functools.cache
def static_files_fetcher_class():
    """The fetcher class, made on first use (WeasyPrint loads late); the insights report
    (``assessments.staff.report``) builds its own on it."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        """Serves ``file://`` + STATIC_URL paths from the static files; refuses the rest.

        Refusals raise ``FatalURLFetchingError`` so that a missing stylesheet or font
        stops the render instead of producing an unstyled PDF. No HTTP, ever.
        """

        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise FatalURLFetchingError(f"Refused to fetch {parts.scheme or 'a'} URL.")
            path = _static_path(unquote(parts.path))
            if path is None:
                raise FatalURLFetchingError(f"Not a static file: {parts.path}")
            body, content_type = _static_bytes(path)
            # Answer with the URL asked for, so that relative URLs inside a stylesheet
            # (fonts) resolve to STATIC_URL paths again, not to the folder on disk.
            return URLFetcherResponse(
                url=url, body=body, headers={"Content-Type": content_type}
            )

    return StaticFilesFetcher


@functools.cache
def unused_ssl_context():
    """One SSL context per process for the fetchers' HTTPS handler, which never runs.

    Performance (docs/performance.md): WeasyPrint's URLFetcher builds an HTTPS handler
    with a default SSL context, loading every CA certificate of the system: ~60 ms of
    CPU per fetcher here, twice per PDF. Our fetcher refuses anything but static files,
    so it gets this context with no certificates at all (any HTTPS would fail to verify).
    """
    import ssl

    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def static_files_fetcher():
    """A fresh fetcher (it is cheap; WeasyPrint's base class keeps per-request state)."""
    return static_files_fetcher_class()(ssl_context=unused_ssl_context())


def summary_pdf_filename(*, assessment: Assessment) -> str:
    """What the browser saves the file as: the reference code, nothing personal."""
    return f"hairtx-summary-{assessment.reference_display}.pdf"


def summary_pdf_context(*, assessment: Assessment) -> dict:
    """What the PDF template shows (the staff print view renders the same template)."""
    return {
        **summary_context(assessment),
        "clinic": clinic_details(),
        # Issue 24: how many sources the guide rests on; the list itself is on the site's
        # Sources page. Printed in full, the 41 sources took 1.3 pages and a third of the
        # typical render (bench/analysis.md, "Sources on the site").
        "references_count": published_references().count(),
        # Issue 26: the follow-up reminder, as plain steps and as the attached .ics.
        "reminder_on": reminder_date(assessment),
        "reminder_file": reminder_calendar.FILE_NAME,
    }


def summary_pdf_html(*, assessment: Assessment) -> str:
    """The HTML the PDF is made from."""
    return render_to_string(TEMPLATE, summary_pdf_context(assessment=assessment))


STYLESHEET = "assessments/css/summary_pdf.css"

_renderer_state = threading.local()


def _thread_renderer_state():
    """The FontConfiguration, fetcher and parsed stylesheets of this thread, made once.

    A new FontConfiguration per render leaked ~26 MB per 100 renders, and re-parsing
    the stylesheet registered its four @font-face fonts again on every render; parsing
    it once against one FontConfiguration keeps a worker's memory flat and saves ~10%
    of the render time (docs/performance.md). Sharing one FontConfiguration across
    threads has crashed in the past (engineering notes), hence one per thread: gunicorn's
    sync workers have exactly one.
    """
    if not hasattr(_renderer_state, "font_config"):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        font_config = FontConfiguration()
        fetcher = static_files_fetcher()
        sheet_url = f"file://{settings.STATIC_URL}{STYLESHEET}"
        _renderer_state.font_config = font_config
        # Drop it before interpreter shutdown: its __del__ removes a temporary folder
        # with shutil, which is already gone at that point (a noisy, harmless error).
        atexit.register(_renderer_state.__dict__.clear)
        _renderer_state.fetcher = fetcher
        _renderer_state.stylesheets = {
            size: [
                CSS(url=sheet_url, font_config=font_config, url_fetcher=fetcher),
                CSS(string=f"@page {{ size: {size}; }}", font_config=font_config,
                    url_fetcher=fetcher),
            ]
            for size in PAGE_SIZES.values()
        }
        _renderer_state.compact = CSS(string=COMPACT_CSS, font_config=font_config,
                                      url_fetcher=fetcher)
    return _renderer_state


# Issue 12: a PDF whose last page holds a few lines wastes a sheet. When the end of the
# text falls in the top quarter of the last page, the summary is laid out once more
# with the answers appendix in smaller type and tighter table rows
# (never a smaller body text: it stays 12 pt), and kept if that saves the page. Only
# such summaries pay for the second layout.
END_ANCHOR = "end-of-summary"
NEARLY_EMPTY_LAST_PAGE = 0.25
COMPACT_CSS = """
.note-lines { height: 12mm; }
.answers-table { font-size: 10.5pt; }
.answers-table th, .answers-table td { padding: 0.1mm 1.5mm; }
"""


def last_page_fill(document) -> float:
    """How far down its last page the summary's text ends (0 to 1), from the end anchor."""
    page = document.pages[-1]
    position = page.anchors.get(END_ANCHOR)
    if position is None:  # the anchor is on an earlier page, or missing: nothing to save
        return 1.0
    return position[1] / page.height


def warm_up() -> None:
    """Import WeasyPrint, parse the stylesheets and load the fonts before the first PDF.

    The background worker calls this when it starts, so the first patient's PDF is as
    quick as the rest (the first render in a process costs several times a warm one).
    """
    from weasyprint import HTML

    state = _thread_renderer_state()
    size = PAGE_SIZES[settings.HAIRTX_PDF_PAGE_SIZE]
    HTML(string="<p>Warm-up <strong>bold</strong> <em>italic</em></p>", base_url="file://",
         url_fetcher=state.fetcher).render(font_config=state.font_config,
                                           stylesheets=state.stylesheets[size])


def _reminder_attachment(assessment: Assessment, *, url_fetcher):
    """The follow-up reminder (.ics) as a file inside the PDF (issue 26): opened from the
    attachments panel of Acrobat Reader or Firefox; the PDF also gives the plain steps,
    for readers without that panel (docs/decision-quality.md).

    Performance: given our fetcher, which it never uses for a string; without one,
    WeasyPrint builds a default fetcher, loading every CA certificate (~45 ms a PDF).
    """
    from weasyprint import Attachment

    return Attachment(string=pdf_reminder_ics(assessment), name=reminder_calendar.FILE_NAME,
                      description="Calendar reminder for the follow-up questions",
                      url_fetcher=url_fetcher)


def render_summary_pdf(*, assessment: Assessment, page_size: str | None = None) -> bytes:
    """Render the summary PDF (tagged PDF/UA-1). Raises PdfRenderError on any failure."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    size = PAGE_SIZES[page_size or settings.HAIRTX_PDF_PAGE_SIZE]
    html = summary_pdf_html(assessment=assessment)
    try:
        state = _thread_renderer_state()
        source = HTML(string=html, base_url="file://", url_fetcher=state.fetcher)
        options = {"pdf_variant": "pdf/ua-1"}
        document = source.render(
            font_config=state.font_config, stylesheets=state.stylesheets[size], **options
        )
        if len(document.pages) > 1 and last_page_fill(document) < NEARLY_EMPTY_LAST_PAGE:
            compact = source.render(
                font_config=state.font_config,
                stylesheets=[*state.stylesheets[size], state.compact],
                **options,
            )
            if len(compact.pages) < len(document.pages):
                document = compact
        attachment = _reminder_attachment(assessment, url_fetcher=state.fetcher)
        return document.write_pdf(attachments=[attachment], **options)
    except FatalURLFetchingError as exc:  # a BaseException: turn it into an ordinary error
        raise PdfRenderError(str(exc)) from None


def _new_storage_name() -> str:
    # Random: neither the patient's token nor the reference code may appear in storage.
    return f"{STORAGE_FOLDER}/{uuid.uuid4().hex}.pdf"


# The storage API names no exception for "the store did not answer": the local disk
# raises OSError, django-storages' S3 backend botocore's errors (EndpointConnectionError,
# ReadTimeoutError, ClientError for a 5xx...). Any of them means: not now, try again.
def _stored_file_exists(name: str, *, assessment: Assessment) -> bool:
    try:
        return default_storage.exists(name)
    except Exception as exc:
        logger.exception("The file store did not answer for assessment id %s.", assessment.pk)
        raise PdfRenderError("The file store did not answer.") from exc


def _read_stored(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


# The columns a PDF download reads: not the answers and summary JSON (tens of KB to
# decode), which only a first render needs (Django then loads them).
DOWNLOAD_FIELDS = ("id", "reference_code", "token", "pdf_name")


@functools.cache
def _download_sql() -> str:
    meta, quote = Assessment._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in DOWNLOAD_FIELDS)
    return (f"SELECT {columns} FROM {quote(meta.db_table)} "
            f"WHERE {quote(meta.get_field('token').column)} = %s")


def assessment_for_download(token: str) -> Assessment | None:
    """The assessment behind a patient's PDF link, with only DOWNLOAD_FIELDS loaded.

    Performance: one hand-written, parametrised SELECT. Building the same query with
    the ORM was about half the CPU of a stored-PDF download (docs/performance.md).
    Other fields still load on first use, as with ``QuerySet.only``.
    """
    with connection.cursor() as cursor:
        cursor.execute(_download_sql(), [token])
        row = cursor.fetchone()
    return None if row is None else Assessment.from_db(connection.alias, DOWNLOAD_FIELDS, row)


def stored_pdf_local_file(*, assessment: Assessment):
    """The stored PDF opened from the local disk, or None (object storage, or no file).

    Performance: a local file is handed to the server as it is (gunicorn sends it with
    sendfile), instead of being read into memory through the storage API. An object
    store has no local path: its PDFs go through ``summary_pdf_bytes``, as does a file
    that is missing (made again there).
    """
    if not assessment.pdf_name:
        return None
    try:
        path = default_storage.path(assessment.pdf_name)
    except (NotImplementedError, SuspiciousFileOperation):
        return None
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the response that streams it
    except OSError:
        return None


def summary_pdf_bytes(*, assessment: Assessment) -> bytes:
    """The summary PDF, made and stored the first time, read whole from storage.

    Read whole (a summary is well under a megabyte) so that a store failing half-way
    fails here, before a response has started. Raises PdfRenderError.
    """
    # Performance: a stored PDF is read straight away, with no separate "exists" look-up.
    # If that fails, whatever the backend raises (a missing file, a store that does not
    # answer), the careful path looks again: it makes a missing PDF anew, or raises.
    if assessment.pdf_name:
        try:
            return _read_stored(assessment.pdf_name)
        except Exception:
            pass
    name = summary_pdf_ensure(assessment=assessment)
    try:
        return _read_stored(name)
    except Exception as exc:  # any storage failure: see _stored_file_exists
        logger.exception("Could not read the stored PDF for assessment id %s.", assessment.pk)
        raise PdfRenderError("The stored PDF could not be read.") from exc


def summary_pdf_ensure(*, assessment: Assessment) -> str:
    """The storage name of the assessment's PDF, rendering and storing it the first time.

    Rendering happens outside any transaction. The name is then saved with a conditional
    update (only if ``pdf_name`` is still what we read), so when two first requests race,
    one wins, the other deletes its own file and serves the winner's. On failure nothing
    is saved, the error is logged (by id only) and PdfRenderError is raised; the next
    request tries again.
    """
    current = assessment.pdf_name
    if current and _stored_file_exists(current, assessment=assessment):
        return current
    try:
        pdf = render_summary_pdf(assessment=assessment)
        name = default_storage.save(_new_storage_name(), ContentFile(pdf))
    except Exception as exc:
        logger.exception("Could not render or store the summary PDF for assessment id %s.",
                         assessment.pk)
        # The cause in the message: staff see it beside a failed background attempt.
        reason = f"{type(exc).__name__}: {exc}"[:200]
        raise PdfRenderError(f"The PDF could not be made ({reason}).") from exc

    updated = Assessment.objects.filter(pk=assessment.pk, pdf_name=current).update(pdf_name=name)
    if updated:
        if current:  # the old name pointed at a file that is gone
            logger.warning("Stored PDF for assessment id %s was missing; made again.",
                           assessment.pk)
        assessment.pdf_name = name
        return name
    # Someone else stored one first (or the assessment is gone): keep theirs.
    stored_pdf_delete(name)
    winner = Assessment.objects.filter(pk=assessment.pk).values_list("pdf_name", flat=True).first()
    if not winner:
        raise PdfRenderError("The assessment no longer exists.")
    assessment.pdf_name = winner
    return winner


def stored_pdf_delete(name: str) -> bool:
    """Delete a stored PDF; False (logged) when the store did not answer.

    A PDF left behind that way belongs to no assessment, and ``orphaned_pdfs_delete``
    (run by ``purge_expired``) removes it later: a deletion never fails for the store.
    """
    try:
        default_storage.delete(name)
    except Exception:  # any storage failure: see _stored_file_exists
        logger.exception("Could not delete a stored PDF; purge_expired will remove it.")
        return False
    return True


# A PDF is stored a moment before its name is saved on the assessment: only files older
# than this can be orphans, never one whose render is still finishing.
ORPHAN_MIN_AGE = timedelta(hours=1)


def orphaned_pdfs_delete(*, now: datetime) -> int:
    """Delete stored PDFs that no assessment names any more; how many were deleted.

    They are left behind when the store did not answer a deletion, or when the
    database failed between storing a PDF and saving its name. Lists the folder once
    (a page of 1,000 names per request on S3) and asks each orphan's age only.
    """
    try:
        _, files = default_storage.listdir(STORAGE_FOLDER)
    except FileNotFoundError:  # local disk: nothing was ever stored
        return 0
    names = {f"{STORAGE_FOLDER}/{file}" for file in files}
    # Every name in use (a few MB at 100,000), not an IN list: SQLite caps its parameters.
    known = set(Assessment.objects.exclude(pdf_name="").values_list("pdf_name", flat=True)
                .iterator(chunk_size=2000))
    deleted = 0
    for name in sorted(names - known):
        if now - default_storage.get_modified_time(name) >= ORPHAN_MIN_AGE:
            default_storage.delete(name)
            deleted += 1
    return deleted
