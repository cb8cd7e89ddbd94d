"""Fixed-window rate limits kept in the shared database, and the 429 pages they give.

django-ratelimit needs a cache with atomic increments (memcached or Redis); a clinic
running on one PostgreSQL should not need another server, so the counter is a row
incremented with one UPDATE ... SET count = count + 1 (atomic on SQLite and PostgreSQL).
Keys hash the client's network (an IPv6 address counts as its /64) or the staff user,
so no address is stored in clear. Every 429 says when to come back, in the page and in
a Retry-After header.

Sign-in has three limits (docs/security.md, "Sign-in limits"): django-axes locks one
username on one network after a few failures; ``login`` counts failures per network
over all usernames (password spraying); ``login_account`` counts failures per account
over all networks (guesses spread over many addresses), and once over it only networks
the account signed in from lately may try, so an attacker cannot lock the person out.
"""

import functools
import hashlib
import math
from datetime import timedelta

from axes.helpers import get_cool_off
from axes.models import AccessLog
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from assessments.models import RateLimitCounter
from hairtx.addresses import client_network


def _window_start(seconds: int):
    now = timezone.now()
    epoch = int(now.timestamp())
    return now - timedelta(seconds=epoch % seconds, microseconds=now.microsecond)


def _key(scope: str, who: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{who}".encode()).hexdigest()[:32]
    return f"{scope}:{digest}"


def _who(request, per_user: bool) -> str:
    if per_user and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"address:{client_network(request) or ''}"


def _count(key: str, window) -> int:
    count = RateLimitCounter.objects.filter(key=key, window_start=window).values_list(
        "count", flat=True
    ).first()
    return count or 0


def _increment(key: str, window) -> None:
    updated = RateLimitCounter.objects.filter(key=key, window_start=window).update(
        count=F("count") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                RateLimitCounter.objects.create(key=key, window_start=window, count=1)
        except IntegrityError:  # another request created it first
            RateLimitCounter.objects.filter(key=key, window_start=window).update(
                count=F("count") + 1
            )


def hit(*, scope: str, request, limit: int, per_seconds: int, per_user: bool = False) -> bool:
    """Count one attempt; True while the client is within `limit` per window."""
    key, window = _key(scope, _who(request, per_user)), _window_start(per_seconds)
    _increment(key, window)
    return _count(key, window) <= limit


def _seconds_left(per_seconds: int) -> int:
    window_end = _window_start(per_seconds) + timedelta(seconds=per_seconds)
    return max(1, math.ceil((window_end - timezone.now()).total_seconds()))


def too_many_response(request, *, retry_after: int, for_patient: bool = True):
    """The friendly 429 page with a Retry-After header (seconds)."""
    minutes = max(1, math.ceil(retry_after / 60))
    response = render(request, "429.html", {"minutes": minutes, "for_patient": for_patient},
                      status=429)
    response["Retry-After"] = str(retry_after)
    return response


def over_limit_response(request, scope: str, *, per_user: bool = False):
    """None while the client is within the limit for `scope`, else a friendly 429 page.

    ``per_user`` counts a signed-in user's attempts wherever they come from (a stolen
    staff login cannot spread guesses over many addresses).
    """
    limit, per_seconds = settings.HAIRTX_RATE_LIMITS[scope]
    if hit(scope=scope, request=request, limit=limit, per_seconds=per_seconds,
           per_user=per_user):
        return None
    return too_many_response(request, retry_after=_seconds_left(per_seconds),
                             for_patient=not per_user)


def login_rate_limited(view):
    """Refuse sign-in posts from an address with too many recent failures, any username.

    django-axes locks one username at one address; this stops one address trying a
    few common passwords against many usernames (password spraying). A failed sign-in
    is a POST answered with the form again (200) rather than a redirect.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        username = request.POST.get("username", "").strip()[:150]
        # (scope, who): this network over all usernames, this account over all networks.
        counters = [("login", _who(request, per_user=False))]
        if username:
            counters.append(("login_account", f"username:{username}"))
        for scope, who in counters:
            limit, per_seconds = settings.HAIRTX_RATE_LIMITS[scope]
            over = _count(_key(scope, who), _window_start(per_seconds)) >= limit
            if over and (scope == "login" or not _known_network(request, username)):
                return too_many_response(request, retry_after=_seconds_left(per_seconds),
                                         for_patient=False)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            for scope, who in counters:
                _increment(_key(scope, who), _window_start(settings.HAIRTX_RATE_LIMITS[scope][1]))
        return response

    return wrapped


def _known_network(request, username: str) -> bool:
    """Whether ``username`` signed in from this network within HAIRTX_LOGIN_LOG_DAYS
    (django-axes' access log, which keys on the same network)."""
    since = timezone.now() - timedelta(days=settings.HAIRTX_LOGIN_LOG_DAYS)
    return AccessLog.objects.filter(username=username, ip_address=client_network(request),
                                    attempt_time__gte=since).exists()


def login_locked_out_response(request, original_response=None, credentials=None):
    """django-axes' lock-out page (AXES_LOCKOUT_CALLABLE), with a Retry-After header."""
    cool_off = get_cool_off(request) or timedelta(minutes=30)
    seconds = int(cool_off.total_seconds())
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE,
                      {"minutes": max(1, seconds // 60)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def purge_old(*, older_than_seconds: int = 86400) -> int:
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    deleted, _ = RateLimitCounter.objects.filter(window_start__lt=cutoff).delete()
    return deleted
