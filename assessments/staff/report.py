"""The insights page as a PDF report (WeasyPrint), for a monthly meeting. No HTTP.

The charts are ``data:`` SVG images, the stylesheet and fonts are static files: the
summary PDF's fetcher serves the static files and refuses everything else, and this one
also decodes ``data:`` URLs (and nothing else from outside). The report is made on each
request and never stored: it holds only aggregates and is small.
"""

from __future__ import annotations

import atexit
import base64
import functools
import threading
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.template.loader import render_to_string

from assessments import pdf

TEMPLATE = "staff/insights_report.html"
STYLESHEET = "staff/css/insights_report.css"
_state = threading.local()


@functools.cache
def _fetcher_class():
    from weasyprint.urls import FatalURLFetchingError, URLFetcherResponse

    class ReportFetcher(pdf.static_files_fetcher_class()):
        """Static files as for the summary, plus the charts' own ``data:`` URLs."""

        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            if not url.startswith("data:"):
                return super().fetch(url, headers)
            meta, _, payload = url[5:].partition(",")
            content_type, *params = meta.split(";")
            if content_type != "image/svg+xml":
                raise FatalURLFetchingError("Only SVG charts may be inlined.")
            body = base64.b64decode(payload) if "base64" in params else unquote_to_bytes(payload)
            return URLFetcherResponse(url=url, body=body,
                                      headers={"Content-Type": content_type})

    return ReportFetcher


def _renderer():
    """One FontConfiguration, fetcher and parsed stylesheet per thread (see pdf.py)."""
    if not hasattr(_state, "font_config"):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        font_config = FontConfiguration()
        fetcher = _fetcher_class()(ssl_context=pdf.unused_ssl_context())
        size = pdf.PAGE_SIZES[settings.HAIRTX_PDF_PAGE_SIZE]
        _state.font_config, _state.fetcher = font_config, fetcher
        # As in pdf.py: drop it before interpreter shutdown, or its __del__ fails noisily.
        atexit.register(_state.__dict__.clear)
        _state.stylesheets = [
            CSS(url=f"file://{settings.STATIC_URL}{STYLESHEET}", font_config=font_config,
                url_fetcher=fetcher),
            CSS(string=f"@page {{ size: {size}; }}", font_config=font_config,
                url_fetcher=fetcher),
        ]
    return _state


def render_insights_pdf(context: dict) -> bytes:
    """The report's PDF bytes; raises pdf.PdfRenderError if it cannot be made."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    html = render_to_string(TEMPLATE, context)
    state = _renderer()
    try:
        return HTML(string=html, base_url="file://", url_fetcher=state.fetcher).write_pdf(
            stylesheets=state.stylesheets, font_config=state.font_config, pdf_variant="pdf/ua-1",
        )
    except FatalURLFetchingError as exc:
        raise pdf.PdfRenderError(str(exc)) from None
