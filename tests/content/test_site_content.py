"""Selectors other apps use, and the cached context every page gets."""

from datetime import date

import pytest
from django.test import RequestFactory

from content import selectors
from content.context_processors import site_content
from content.models import ClinicDetails, Section, Status

pytestmark = pytest.mark.django_db


def test_section_url_points_at_the_guide_anchor():
    assert selectors.section_url("evidence") == "/guide/#evidence"


def test_section_title_of_a_published_section(guide):
    assert selectors.section_title("prp-explained") == "PRP explained"


def test_section_title_is_empty_for_a_draft(guide):
    """The summary must not link patients to a section they cannot see."""
    Section.objects.filter(slug="prp-explained").update(status=Status.DRAFT)
    assert selectors.section_title("prp-explained") == ""
    assert "prp-explained" not in selectors.published_section_slugs()


def test_guide_reviewed_on_is_the_latest_published_review(guide):
    Section.objects.filter(slug="evidence").update(last_reviewed_on=date(2027, 1, 5))
    Section.objects.filter(slug="side-effects").update(
        last_reviewed_on=date(2028, 1, 1), status=Status.DRAFT
    )
    assert selectors.guide_reviewed_on() == date(2027, 1, 5)


def test_published_references_are_dated_or_linked(guide):
    """The PDF lists sources: each carries a year, or is a web page a reader can open."""
    references = list(selectors.published_references())
    assert references
    assert [r.slug for r in references if not r.year and not r.url] == []
    # Only living pages (NHS and patient leaflets, product labels, a register) may be
    # undated: they are revised in place and carry no one year.
    assert sum(1 for r in references if r.year) >= len(references) - 5


def test_site_content_is_kept_and_refreshed_when_content_changes(
        guide, django_assert_num_queries, settings):
    """Every page reads this; a warm process reads nothing, and an edit refreshes it."""
    settings.HAIRTX_CONTENT_RECHECK_SECONDS = 3600  # however slow the machine
    request = RequestFactory().get("/")
    site_content(request)
    with django_assert_num_queries(0):
        assert site_content(request)["clinic"] is None
    ClinicDetails.objects.create(name="Riverside Dermatology", status=Status.PUBLISHED)
    assert site_content(request)["clinic"].name == "Riverside Dermatology"
