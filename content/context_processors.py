"""Clinic details and the review date for every page (header, footer, title)."""

from content import page_cache, selectors
from content.approvals import services as approvals


def _build_site_content() -> dict:
    return {
        "clinic": selectors.clinic_details(),
        "guide_reviewed_on": selectors.guide_reviewed_on(),
        # Said on every page while any published item lacks a clinician's approval.
        "guide_unreviewed": bool(approvals.unapproved_published_items()),
    }


def site_content(request):
    """Return `clinic`, `guide_reviewed_on` and `guide_unreviewed`.

    Kept in this process until the content changes (content.page_cache): no query on
    a warm process.
    """
    return page_cache.kept("site_content", _build_site_content)
