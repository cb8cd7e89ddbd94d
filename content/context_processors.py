"""Clinic details and the guide's review status for every page (header, footer, title)."""

from content import page_cache, selectors
from content.review_status import guide_review


def _build_site_values() -> dict:
    return {
        "clinic": selectors.clinic_details(),
        # IPDAS: the date the guide was last checked against its sources (by its
        # writers or a clinician), and, said apart, what a clinician has reviewed.
        "guide_checked_on": selectors.guide_reviewed_on(),
        "guide_review": guide_review(),
    }


def site_content(request):
    return site_values()


def site_values() -> dict:
    """Return `clinic`, `guide_checked_on` and `guide_review`.

    Kept in this process until the content changes (content.page_cache: a published item,
    the clinic details or a guide-change decision saved or deleted): no query on a warm
    process.
    """
    return page_cache.kept("site_content", _build_site_values)
