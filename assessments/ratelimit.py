"""Fixed-window rate limits kept in the shared database.

django-ratelimit needs a cache with atomic increments (memcached or Redis); a clinic
running on one PostgreSQL should not need another server, so the counter is a row
incremented with one UPDATE ... SET count = count + 1 (atomic on SQLite and PostgreSQL).
Keys hash the client address, so no address is stored in clear.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from assessments.models import RateLimitCounter


def client_address(request) -> str:
    """The client's address, trusting X-Forwarded-For only from known proxies."""
    proxies = settings.HAIRTX_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _window_start(seconds: int):
    now = timezone.now()
    epoch = int(now.timestamp())
    return now - timedelta(seconds=epoch % seconds, microseconds=now.microsecond)


def hit(*, scope: str, request, limit: int, per_seconds: int) -> bool:
    """Count one attempt; True while the client is within `limit` per window."""
    digest = hashlib.sha256(
        f"{settings.SECRET_KEY}:{client_address(request)}".encode()
    ).hexdigest()[:32]
    key = f"{scope}:{digest}"
    window = _window_start(per_seconds)
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
    count = RateLimitCounter.objects.filter(key=key, window_start=window).values_list(
        "count", flat=True
    ).first()
    return (count or 0) <= limit


def over_limit_response(request, scope: str):
    """None while the client is within the limit for `scope`, else a friendly 429 page."""
    limit, per_seconds = settings.HAIRTX_RATE_LIMITS[scope]
    if hit(scope=scope, request=request, limit=limit, per_seconds=per_seconds):
        return None
    minutes = max(1, per_seconds // 60)
    return render(request, "429.html", {"minutes": minutes}, status=429)


def purge_old(*, older_than_seconds: int = 86400) -> int:
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    deleted, _ = RateLimitCounter.objects.filter(window_start__lt=cutoff).delete()
    return deleted
