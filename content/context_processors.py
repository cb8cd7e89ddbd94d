"""Clinic details and the review date for every page (header, footer, title)."""

from django.core.cache import cache

from content import selectors

# Invalidated by content.signals whenever any content item is saved or deleted.
SITE_CONTENT_CACHE_KEY = "content:site_content:v1"


def site_content(request):
    """Return `clinic` and `guide_reviewed_on`; one cache read on a warm cache."""
    values = cache.get(SITE_CONTENT_CACHE_KEY)
    if values is None:
        values = {
            "clinic": selectors.clinic_details(),
            "guide_reviewed_on": selectors.guide_reviewed_on(),
        }
        cache.set(SITE_CONTENT_CACHE_KEY, values)
    return values
