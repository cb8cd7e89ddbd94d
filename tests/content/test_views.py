"""Public pages render from the default content, accessibly, and only published items show."""

import re

import pytest
from django.urls import reverse

from content.models import ClinicDetails, OptionProfile, Section, Status
from tests.content.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

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
    for slug in Section.objects.published().filter(article__slug="guide").values_list(
        "slug", flat=True
    ):
        assert f'id="{slug}"' in html
        assert f'href="#{slug}"' in html


def test_compare_is_a_captioned_table_with_scoped_headers(client, guide):
    """Screen readers need a caption and header scopes to read the grid cell by cell."""
    html = client.get(reverse("content:compare")).content.decode()
    assert "<caption>" in html
    assert 'scope="col"' in html and 'scope="row"' in html
    for column in ("Established medicines", "Hair transplant", "PRP", "Mesotherapy",
                   "Watchful waiting"):
        assert f">{column}</th>" in html


def test_every_option_profile_shows_the_same_questions_in_the_same_order(client, guide):
    """IPDAS: options are described in equal detail, so the headings must match exactly."""
    slugs = list(OptionProfile.objects.published().values_list("slug", flat=True))
    assert len(slugs) == 7
    headings = []
    for slug in slugs:
        page = client.get(reverse("content:option", kwargs={"slug": slug})).content.decode()
        headings.append(re.findall(r'<h2 id="[a-z-]+-heading">(.*?)</h2>', page))
    assert all(h == headings[0] for h in headings)
    assert len(headings[0]) == len(OptionProfile.PROFILE_FIELDS)


def test_every_option_answers_every_question(guide):
    """Equal detail: no profile field is left empty for any option."""
    for option in OptionProfile.objects.published():
        empty = [name for name in OptionProfile.PROFILE_FIELDS if not getattr(option, name).strip()]
        assert empty == [], option.slug


def test_standard_treatments_are_listed_before_the_injections(client, guide):
    """House rule: standard treatments first, injections as add-ons or alternatives."""
    order = list(OptionProfile.objects.published().values_list("slug", flat=True))
    assert order.index("minoxidil") < order.index("prp")
    assert order.index("finasteride-dutasteride") < order.index("mesotherapy")
    html = client.get(reverse("content:home")).content.decode()
    assert html.index("/options/minoxidil/") < html.index("/options/prp/")


def test_old_treatment_addresses_redirect_to_the_option_page(client, guide):
    """Printed summaries from before the rename link to /treatments/<slug>/."""
    response = client.get("/treatments/prp/")
    assert response.status_code == 301
    assert response.headers["Location"] == reverse("content:option", kwargs={"slug": "prp"})


def test_compare_shows_every_row_for_every_column(client, guide):
    """Option Grid: each question answered for each option, none left blank."""
    html = client.get(reverse("content:compare")).content.decode()
    rows = re.findall(r'<tr role="row" id="([a-z-]+)">(.*?)</tr>', html, re.DOTALL)
    assert len(rows) >= 10
    for slug, row in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
        assert len(cells) == 5, slug
        assert all(cell.strip() for cell in cells), slug


def test_declaration_of_interest_is_next_to_the_guide_and_editable(client, guide):
    """IPDAS: the clinic's interest in the injections is disclosed beside the content."""
    for name in ("content:guide", "content:compare", "content:methods"):
        html = client.get(reverse(name)).content.decode()
        assert "offers PRP and mesotherapy" in html, name
    ClinicDetails.objects.create(
        name="Riverside Dermatology", status=Status.PUBLISHED,
        declaration_of_interest="Riverside Dermatology sells PRP and mesotherapy.",
    )
    html = client.get(reverse("content:guide")).content.decode()
    assert "Riverside Dermatology sells PRP and mesotherapy." in html


def test_methods_page_says_plainly_that_no_clinician_has_reviewed_it(client, guide):
    """No claim of clinical review that did not happen, and one review status: the page's
    own text states no status that could go stale; the footer's live one says none yet."""
    html = client.get(reverse("content:methods")).content.decode()
    assert "reviewed by a clinician yet." in html  # the footer, on a fresh install
    assert "not yet been reviewed" not in html and "has been reviewed" not in html
    for anchor in ("how-we-found-the-evidence", "how-we-rated-the-evidence", "who-wrote-it",
                   "clinical-review", "funding", "update-policy", "declaration-of-interest"):
        assert f'id="{anchor}"' in html
    guide_html = client.get(reverse("content:guide")).content.decode()
    assert "clinical content team" not in guide_html


def test_privacy_page_states_the_retention_settings(client, settings, guide):
    """The notice must say what the code does, so it reads the same settings."""
    settings.HAIRTX_DRAFT_DAYS = 11
    settings.HAIRTX_RETENTION_DAYS = 123
    settings.HAIRTX_AUDIT_RETENTION_DAYS = 456
    html = client.get(reverse("content:privacy")).content.decode()
    assert "11 days" in html and "123 days" in html and "456 days" in html


def test_draft_option_is_not_public(client, guide):
    """Unreviewed text must never reach patients."""
    OptionProfile.objects.filter(slug="prp").update(status=Status.DRAFT)
    response = client.get(reverse("content:option", kwargs={"slug": "prp"}))
    assert response.status_code == 404


def test_draft_section_is_hidden_from_the_guide(client, guide):
    section = Section.objects.get(slug="combined-plans")
    section.status = Status.DRAFT
    section.save()
    html = client.get(reverse("content:guide")).content.decode()
    assert 'id="combined-plans"' not in html


def test_preview_flag_is_ignored_for_the_public(client, guide):
    """?preview=1 alone must not reveal drafts."""
    OptionProfile.objects.filter(slug="prp").update(status=Status.DRAFT)
    response = client.get(reverse("content:option", kwargs={"slug": "prp"}), {"preview": 1})
    assert response.status_code == 404


def test_editor_can_preview_a_draft(client, guide, editor):
    """Editors check a draft on the real page before publishing it."""
    OptionProfile.objects.filter(slug="prp").update(status=Status.DRAFT)
    client.force_login(editor)
    response = client.get(reverse("content:option", kwargs={"slug": "prp"}), {"preview": 1})
    assert response.status_code == 200
    assert "Draft" in response.content.decode()
    assert "no-store" in response.headers["Cache-Control"]


def test_footer_shows_the_latest_review_date(client, guide):
    """IPDAS: the publication or review date must be visible."""
    html = client.get(reverse("content:home")).content.decode()
    assert 'datetime="2026-12-02"' in html
