"""Response headers that Django's SecurityMiddleware does not set; the 503 for a database
that does not answer; the GETs answered before the session stack."""

import logging
import re

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from content import page_cache

logger = logging.getLogger(__name__)

# URLs that are secrets (a patient's link, a resume link) or pages reached through one:
# no referrer at all, so the link never travels in a Referer header, not even to this
# site. Every other page keeps the site-wide "same-origin" (SECURE_REFERRER_POLICY),
# which never sends a URL to another site.
# "no-referrer" makes browsers post forms with "Origin: null", which Django's CSRF check
# refuses; the one form on such a page, the patient's delete button, is protected by the
# secret in its own URL instead (see assessments.views.delete).
NO_REFERRER_PATHS = re.compile(
    r"^/(?:summary/[^/]+/(?:pdf/(?:status/)?|delete/)?"
    r"|questionnaire/resume/[^/]+/"
    r"|staff/assessments/[^/]+/(?:pdf|print|fhir)/)$"
)

# Pages no search engine should keep even if it finds a link to them: secret links,
# the questionnaire beyond its start page, and everything for staff and editors.
NOINDEX_PATHS = re.compile(r"^/(?:summary/|questionnaire/.|staff/|admin/)")


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if NO_REFERRER_PATHS.match(request.path):
            response.headers["Referrer-Policy"] = "no-referrer"
        if NOINDEX_PATHS.match(request.path):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response


# How long the "try again" pages ask browsers and clients to wait (Retry-After).
RETRY_AFTER_SECONDS = 60


class ServiceUnavailableMiddleware:
    """A database that does not answer gives "try again in a minute" (503), not a 500.

    With several app servers, PostgreSQL restarting or failing over for a moment must
    not show people an error page that says something is broken. Only connection-level
    errors (OperationalError, InterfaceError) count; an IntegrityError is a bug. The
    page is rendered with no request and no context processors: they would query the
    database again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_down_response(exception)


def database_down_response(exception: Exception) -> HttpResponse | None:
    """The "try again" page if ``exception`` says the database did not answer."""
    if not isinstance(exception, OperationalError | InterfaceError):
        return None
    logger.error("The database did not answer: %s", type(exception).__name__,
                 exc_info=exception)
    return service_unavailable_response(render_to_string("503.html"))


def service_unavailable_response(content: str) -> HttpResponse:
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def session_free(view):
    """Mark a view that reads no session, user, CSRF token or flash message, so that
    SessionFreeMiddleware may answer it before the middleware that provide them."""
    view.session_free = True
    return view


class SessionFreeMiddleware:
    """GETs that need nothing of the session stack are answered before it.

    Placed after the CSP middleware (the response still gets its header and nonce) and
    before sessions, CSRF, auth, messages, history and axes. Two kinds of request pass
    here: a public page this process keeps (content.page_cache: the same for everybody),
    and a view marked @session_free (the stored PDF behind its secret link).
    Why (issue 24, docs/performance.md): on such a page the middleware below did nothing
    useful and cost more than the page itself; WhiteNoise, which answers this early, sent
    a 79 KB file faster than the bare baseline sent 32 bytes.
    A view answered here has no ``request.session`` or ``request.user``: using one fails
    loudly (AttributeError) in its tests instead of quietly reading nobody's session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET":
            if (response := page_cache.kept_response(request)) is not None:
                return response
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and getattr(match.func, "session_free", False):
                request.resolver_match = match
                try:
                    return match.func(request, *match.args, **match.kwargs)
                except Exception as exception:
                    # ServiceUnavailableMiddleware.process_exception only sees exceptions
                    # of views the handler called: give this one the same chance.
                    if (response := database_down_response(exception)) is None:
                        raise
                    return response
        return self.get_response(request)
