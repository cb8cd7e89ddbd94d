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


def public_page(view):
    """Serve the view's page from this process's copy while the content is unchanged."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # A pending flash message (FallbackStorage keeps it in this cookie) is shown on
        # the page, and ?preview=1 shows drafts to editors: such pages are built afresh.
        # With DEBUG on (development), a template edit shows at once.
        if request.GET or CookieStorage.cookie_name in request.COOKIES or settings.DEBUG:
            return view(request, *args, **kwargs)
        key = ("page", request.path, get_language())
        content_version()
        page = _local["values"].get(key)
        if page is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            body = response.content
            if nonce := _nonce(request):
                body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
            _local["values"][key] = (body, response["Content-Type"])
            return response
        body, content_type = page
        if NONCE_PLACEHOLDER in body:
            # Reading the nonce makes the CSP middleware put it in this response's header.
            body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
        return HttpResponse(body, content_type=content_type)

    return wrapper
