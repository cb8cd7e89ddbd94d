"""Project-level views."""

from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hairtx.uploads import UnexpectedFileUpload

# Crawlers may fetch everything public. Secret links (/summary/..., resume links) are
# deliberately not listed: a Disallow line would stop crawlers from seeing their
# "X-Robots-Tag: noindex" header, and a blocked URL that is linked from somewhere can
# still be indexed as a bare address, which here would be the secret itself.
ROBOTS_TXT = """\
User-agent: *
Disallow: /staff/
Disallow: /admin/
"""


@require_GET
def robots_txt(request):
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """Liveness and database check for a load balancer; says nothing about the system."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    """400 page that says what was wrong when we know (too large, too many fields)."""
    if isinstance(exception, RequestDataTooBig):
        reason = (
            "What you sent was too large. Text boxes here take at most a few hundred "
            "characters. Please go back, shorten what you typed and try again."
        )
    elif isinstance(exception, UnexpectedFileUpload | TooManyFilesSent):
        reason = (
            "What you sent had a file in it, and this form does not take files. "
            "Please go back and try again without attaching anything."
        )
    elif isinstance(exception, TooManyFieldsSent):
        reason = (
            "What you sent had too many answers in it. Please go back and try again."
        )
    else:
        reason = "The page could not understand the request. Please go back and try again."
    return render(request, "400.html", {"reason": reason}, status=400)
