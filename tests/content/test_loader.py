"""`load_guide` gives a fresh site the whole guide, and never undoes an editor's work."""

from io import StringIO

import pytest
from django.core.management import call_command

from content.default_content.guide import FIXED_SECTION_SLUGS
from content.loading import load_default_guide
from content.models import FAQ, Article, ComparisonRow, OptionProfile, Reference, Section, Status

pytestmark = pytest.mark.django_db


def _row_snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("slug", "updated_at"))
        for model in (Article, Section, OptionProfile, ComparisonRow, FAQ, Reference)
    }


def test_every_fixed_section_slug_exists_and_is_published(guide):
    """The questionnaire's summary links to these anchors; a missing one is a broken link."""
    published = set(Section.objects.published().values_list("slug", flat=True))
    assert set(FIXED_SECTION_SLUGS) <= published


def test_second_run_changes_nothing(guide):
    """Deploys run the loader every time, so a repeat run must be a no-op."""
    before = _row_snapshot()
    history_before = Section.history.count()
    report = load_default_guide()
    assert not report.changed_anything
    assert _row_snapshot() == before
    assert Section.history.count() == history_before


def test_an_edited_row_is_not_overwritten(guide):
    """An editor's wording must survive the next deploy."""
    section = Section.objects.get(slug="evidence")
    section.body = "Edited by the clinic's editor."
    section.save()
    report = load_default_guide()
    section.refresh_from_db()
    assert section.body == "Edited by the clinic's editor."
    assert any("evidence" in label for label in report.kept_editor_version)


def test_an_unpublished_row_stays_a_draft(guide):
    """Taking an item offline is an edit too; the loader must not republish it."""
    faq = FAQ.objects.get(slug="nhs")
    faq.status = Status.DRAFT
    faq.save()
    load_default_guide()
    faq.refresh_from_db()
    assert faq.status == Status.DRAFT


def test_an_untouched_row_receives_a_corrected_default(guide, monkeypatch):
    """A fixed default (e.g. a typo) reaches rows nobody edited."""
    from content import loading

    changed = [dict(s) for s in loading.SECTIONS]
    for section in changed:
        if section["slug"] == "watchful-waiting":
            section["body"] += "\n\nA corrected sentence."
    monkeypatch.setattr(loading, "SECTIONS", changed)
    load_default_guide()
    assert Section.objects.get(slug="watchful-waiting").body.endswith("A corrected sentence.")


def test_a_row_deleted_by_an_editor_is_not_recreated(guide):
    """Deleting an item is a decision; the loader must not quietly bring it back."""
    FAQ.objects.get(slug="nhs").delete()
    report = load_default_guide()
    assert not FAQ.objects.filter(slug="nhs").exists()
    assert report.skipped_deleted


def test_command_reports_what_it_did(db):
    """The deploy log should show that content was loaded."""
    out = StringIO()
    call_command("load_guide", stdout=out)
    assert "created" in out.getvalue()
