"""Clinic details and the guide's review status for every page (header, footer, title)."""

import uuid

from django.core.cache import cache

from content import selectors
from content.review_status import guide_review

# Invalidated by content.signals whenever any content item is saved or deleted.
# v2: the entry also carries `content_version` (see below); v3: `guide_unreviewed`;
# v4: `guide_review` (how many parts a clinician reviewed) replaces it.
SITE_CONTENT_CACHE_KEY = "content:site_content:v4"


def site_content(request):
    return site_values()


def site_values() -> dict:
    """Return `clinic`, `guide_checked_on`, `guide_review` and `content_version`; one cache
    read when warm.

    `content_version` is a fresh random stamp each time the entry is rebuilt, i.e. after
    any content save or delete (content.signals drops the entry) or when the entry times
    out. Pages built only from content (the guide) key per-process copies of their HTML
    on it, so every worker sees an edit as soon as this shared entry is dropped.
    """
    values = cache.get(SITE_CONTENT_CACHE_KEY)
    if values is None:
        values = {
            "clinic": selectors.clinic_details(),
            # IPDAS: the date the guide was last checked against its sources (by its
            # writers or a clinician), and, said apart, what a clinician has reviewed.
            "guide_checked_on": selectors.guide_reviewed_on(),
            "guide_review": guide_review(),
            "content_version": uuid.uuid4().hex,
        }
        cache.set(SITE_CONTENT_CACHE_KEY, values)
    return values
