"""Public guide pages and the site-wide footer values, kept in each process's memory
until the guide or the clinic details change.

Performance (docs/performance.md, issue 24): the home page cost 6 times a bare Django
view because every request rebuilt, for everyone alike, a page that only changes when an
editor's change is published: a read of the shared cache for the footer values (one SQL
query), a query for the options, and ~25 URL reversals in the templates. Now each
process keeps the finished HTML and the footer values, tagged with the shared *content
version*: one random stamp in the shared cache, replaced (content.signals) whenever a
guide item, the clinic details or a clinical decision on a guide change is saved or
deleted. A process reads that stamp at most every HAIRTX_CONTENT_RECHECK_SECONDS (so on
several servers a change shows within that time) and empties its copies when it moved.
Nothing expires on a timer.

Per-request parts stay per request: the CSP nonce is taken out of a kept page and the
request's own put back in; a page is only kept when it was built for nobody in
particular (no query string such as ?preview=1, no flash message waiting), and is kept
per language.
"""

import functools
import time
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "content:version"
# Stands for the request's CSP nonce in a kept page. Not something a page could contain.
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"

_local = {"version": None, "checked_at": float("-inf"), "values": {}}


def content_version() -> str:
    """The shared content version, read at most every HAIRTX_CONTENT_RECHECK_SECONDS."""
    now = time.monotonic()
    if now - _local["checked_at"] >= settings.HAIRTX_CONTENT_RECHECK_SECONDS:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
        if version != _local["version"]:
            _local["values"] = {}
            _local["version"] = version
        _local["checked_at"] = now
    return _local["version"]


def content_changed() -> None:
    """A new shared version: every process builds its pages again (this one at once)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    forget_local()


def forget_local() -> None:
    _local.update(version=None, checked_at=float("-inf"), values={})


def kept(name, build):
    """This process's value ``name`` for the current content version; ``build()`` once."""
    content_version()
    values = _local["values"]
    if name not in values:
        values[name] = build()
    return values[name]


def _nonce(request) -> str | None:
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None  # a LazyNonce is false until it was used


def _may_keep(request) -> bool:
    """Whether this request's page is the one everybody gets.

    A pending flash message (FallbackStorage keeps it in this cookie) is shown on the
    page, and ?preview=1 shows drafts to editors: such pages are built afresh. With DEBUG
    on (development), a template edit shows at once.
    """
    return not (request.GET or CookieStorage.cookie_name in request.COOKIES or settings.DEBUG)


def _key(request) -> tuple:
    return ("page", request.path, get_language())


def kept_response(request) -> HttpResponse | None:
    """This process's copy of the page ``request`` asks for, with the request's own CSP
    nonce; None when there is none to give (never built yet, or not to be kept).

    Also called by hairtx.middleware.SessionFreeMiddleware, before the session stack.
    """
    key = _key(request)
    if request.method != "GET" or key not in _local["values"] or not _may_keep(request):
        return None  # cheap checks first: most requests that pass here are not for one
    content_version()  # may forget every copy: look again
    page = _local["values"].get(key)
    if page is None:
        return None
    body, headers = page
    if NONCE_PLACEHOLDER in body:
        # Reading the nonce makes the CSP middleware put it in this response's header.
        body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
    # Set here: CommonMiddleware, which would, is not passed on this way.
    return HttpResponse(body, headers={**headers, "Content-Length": str(len(body))})


def public_page(view):
    """Keep the view's page in this process while the content is unchanged.

    The first request builds it through the whole stack; later ones get the copy, from
    SessionFreeMiddleware as a rule (or here, where that middleware is not installed).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if (response := kept_response(request)) is not None:
            return response
        content_version()  # the copy made now belongs to the version current now
        response = view(request, *args, **kwargs)
        if (request.method != "GET" or not _may_keep(request) or response.status_code != 200
                or response.streaming):
            return response
        body = response.content
        if nonce := _nonce(request):
            body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
        _local["values"][_key(request)] = (body, dict(response.headers))
        return response

    return wrapper
