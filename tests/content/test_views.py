"""Public pages render from the default content, accessibly, and only published items show."""

import re

import pytest
from django.urls import reverse

from content.models import Section, Status, Treatment

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    ("content:home", {}),
    ("content:guide", {}),
    ("content:treatment", {"slug": "prp"}),
    ("content:treatment", {"slug": "mesotherapy"}),
    ("content:compare", {}),
    ("content:faq", {}),
    ("content:sources", {}),
    ("content:privacy", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_public_page_renders_with_one_h1_and_a_language(client, guide, name, kwargs):
    """WCAG: every page states its language and has exactly one top-level heading."""
    response = client.get(reverse(name, kwargs=kwargs))
    html = response.content.decode()
    assert response.status_code == 200
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert re.search(r'<html lang="en-GB"', html)


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_public_page_has_no_inline_styles_or_scripts(client, guide, name, kwargs):
    """The strict CSP blocks inline style and script, so none may be emitted."""
    html = client.get(reverse(name, kwargs=kwargs)).content.decode()
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def test_guide_has_a_stable_anchor_for_every_section(client, guide):
    """Summary items link to /guide/#<slug>; each anchor must be on the page."""
    html = client.get(reverse("content:guide")).content.decode()
    for slug in Section.objects.published().values_list("slug", flat=True):
        assert f'id="{slug}"' in html
        assert f'href="#{slug}"' in html


def test_compare_is_a_captioned_table_with_scoped_headers(client, guide):
    """Screen readers need a caption and header scopes to read the grid cell by cell."""
    html = client.get(reverse("content:compare")).content.decode()
    assert "<caption>" in html
    assert 'scope="col"' in html and 'scope="row"' in html
    for column in ("PRP", "Mesotherapy", "Established medicines", "Watchful waiting"):
        assert f">{column}</th>" in html


def test_treatment_profiles_show_the_same_fields_in_the_same_order(client, guide):
    """IPDAS: options are described in equal detail, so the headings must match exactly."""
    pages = [client.get(reverse("content:treatment", kwargs={"slug": slug})).content.decode()
             for slug in ("prp", "mesotherapy")]
    headings = [re.findall(r"<dt>(.*?)</dt>", page) for page in pages]
    assert headings[0] == headings[1]
    assert len(headings[0]) == len(Treatment.PROFILE_FIELDS)


def test_privacy_page_states_the_retention_settings(client, settings, guide):
    """The notice must say what the code does, so it reads the same settings."""
    settings.HAIRTX_DRAFT_DAYS = 11
    settings.HAIRTX_RETENTION_DAYS = 123
    settings.HAIRTX_AUDIT_RETENTION_DAYS = 456
    html = client.get(reverse("content:privacy")).content.decode()
    assert "11 days" in html and "123 days" in html and "456 days" in html


def test_draft_treatment_is_not_public(client, guide):
    """Unreviewed text must never reach patients."""
    Treatment.objects.filter(slug="prp").update(status=Status.DRAFT)
    response = client.get(reverse("content:treatment", kwargs={"slug": "prp"}))
    assert response.status_code == 404


def test_draft_section_is_hidden_from_the_guide(client, guide):
    section = Section.objects.get(slug="combined-plans")
    section.status = Status.DRAFT
    section.save()
    html = client.get(reverse("content:guide")).content.decode()
    assert 'id="combined-plans"' not in html


def test_preview_flag_is_ignored_for_the_public(client, guide):
    """?preview=1 alone must not reveal drafts."""
    Treatment.objects.filter(slug="prp").update(status=Status.DRAFT)
    response = client.get(reverse("content:treatment", kwargs={"slug": "prp"}), {"preview": 1})
    assert response.status_code == 404


def test_editor_can_preview_a_draft(client, guide, editor):
    """Editors check a draft on the real page before publishing it."""
    Treatment.objects.filter(slug="prp").update(status=Status.DRAFT)
    client.force_login(editor)
    response = client.get(reverse("content:treatment", kwargs={"slug": "prp"}), {"preview": 1})
    assert response.status_code == 200
    assert "Draft" in response.content.decode()
    assert "no-store" in response.headers["Cache-Control"]


def test_footer_shows_the_latest_review_date(client, guide):
    """IPDAS: the publication or review date must be visible."""
    html = client.get(reverse("content:home")).content.decode()
    assert 'datetime="2026-11-26"' in html
