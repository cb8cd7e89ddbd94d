"""Clinic details and the review date for every page (header, footer, title)."""

import uuid

from django.core.cache import cache

from content import selectors
from content.approvals import services as approvals

# Invalidated by content.signals whenever any content item is saved or deleted.
# v2: the entry also carries `content_version` (see below); v3: `guide_unreviewed`.
SITE_CONTENT_CACHE_KEY = "content:site_content:v3"


def site_content(request):
    """Return `clinic`, `guide_reviewed_on`, `guide_unreviewed` and `content_version`; one
    cache read when warm.

    `content_version` is a fresh random stamp each time the entry is rebuilt, i.e. after
    any content save or delete (content.signals drops the entry) or when the entry times
    out. Pages built only from content (the guide) key per-process copies of their HTML
    on it, so every worker sees an edit as soon as this shared entry is dropped.
    """
    values = cache.get(SITE_CONTENT_CACHE_KEY)
    if values is None:
        values = {
            "clinic": selectors.clinic_details(),
            "guide_reviewed_on": selectors.guide_reviewed_on(),
            # Said on every page while any published item lacks a clinician's approval.
            "guide_unreviewed": bool(approvals.unapproved_published_items()),
            "content_version": uuid.uuid4().hex,
        }
        cache.set(SITE_CONTENT_CACHE_KEY, values)
    return values
