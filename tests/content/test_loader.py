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
    section = Section.objects.get(slug="watchful-waiting")
    assert section.body.endswith("A corrected sentence.")
    # The review request holds the corrected words: approving it cannot bring back the old.
    from content.approvals.models import ContentChange

    [request] = ContentChange.objects.pending().for_object(section)
    assert request.values["body"].endswith("A corrected sentence.")


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


# --- corrected defaults for edited rows (issue 21 point 6) ---------------------------------

def _ship_corrected_section(monkeypatch, slug, **changes):
    from content import loading

    shipped = [dict(s, **changes) if s["slug"] == slug else dict(s) for s in loading.SECTIONS]
    monkeypatch.setattr(loading, "SECTIONS", shipped)
    return next(s for s in shipped if s["slug"] == slug)


def _corrections(section):
    from content.approvals.models import ContentChange
    from content.loading import CORRECTION_SUMMARY

    return ContentChange.objects.for_object(section).filter(
        summary__startswith=CORRECTION_SUMMARY)


def test_a_corrected_default_for_an_edited_row_waits_for_a_reviewer(guide, monkeypatch):
    """The editor's words stay live; the correction is a proposal, asked for once."""
    from content.loading import corrections_waiting

    section = Section.objects.get(slug="who-should-not-have-prp")
    section.title = "Who should not have PRP (clinic list)"
    section.save()
    corrected = _ship_corrected_section(monkeypatch, section.slug,
                                        body="A corrected list of who should not have PRP.")

    report = load_default_guide()
    section.refresh_from_db()
    assert section.title == "Who should not have PRP (clinic list)"
    assert section.body != corrected["body"]
    [change] = _corrections(section)
    assert change.is_pending and change.proposed_by is None
    # Merged field by field: the editor's title stays, the corrected body comes in.
    assert change.values["title"] == "Who should not have PRP (clinic list)"
    assert change.values["body"] == corrected["body"]
    assert "Replaces" not in change.summary  # nothing of the editor's is lost
    assert report.correction_proposed and corrections_waiting() == [change.item_label]

    again = load_default_guide()
    assert not again.correction_proposed and _corrections(section).count() == 1


def _edited_evidence_then_corrected(monkeypatch):
    """An editor rewrote "evidence"; then a release corrects its shipped body."""
    section = Section.objects.get(slug="evidence")
    section.body = "The clinic's own evidence text."
    section.save()
    corrected = _ship_corrected_section(monkeypatch, "evidence", body="Corrected evidence text.")
    load_default_guide()
    return section, corrected


def test_a_correction_over_the_editors_own_words_says_so(guide, monkeypatch):
    section, _ = _edited_evidence_then_corrected(monkeypatch)
    [change] = _corrections(section)
    assert change.values["body"] == "Corrected evidence text."
    assert change.summary.endswith("Replaces the editor's words in: body (Markdown)")


def test_a_correction_never_pushes_aside_an_editors_proposal(guide, monkeypatch, editor):
    from content.approvals import services

    section = Section.objects.get(slug="evidence")
    section.body = "Approved clinic text."
    section.save()
    editors = services.propose(section, values={**_values(section), "body": "Editor's next"},
                               proposed_by=editor)
    _ship_corrected_section(monkeypatch, "evidence", body="Corrected evidence text.")
    report = load_default_guide()
    editors.refresh_from_db()
    assert editors.is_pending and not _corrections(section).exists()
    assert report.correction_deferred

    services.send_back(editors, reviewer=_reviewer(), comment="Not yet.")
    assert load_default_guide().correction_proposed and _corrections(section).exists()


def test_an_approved_correction_is_not_asked_again(guide, monkeypatch):
    from content.approvals import services

    section, corrected = _edited_evidence_then_corrected(monkeypatch)
    services.approve(_corrections(section).get(), reviewer=_reviewer())
    section.refresh_from_db()
    assert section.body == corrected["body"]
    report = load_default_guide()
    assert not report.correction_proposed and not report.changed_anything
    assert _corrections(section).count() == 1


def test_clinical_status_names_the_corrections_that_wait(guide, monkeypatch):
    import json

    _edited_evidence_then_corrected(monkeypatch)
    out = StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("clinical_status", stdout=out)
    assert exit_code.value.code == 1
    waiting = json.loads(out.getvalue())["guide_corrections_waiting"]
    assert waiting == ["section “How well do they work? What the research says”"]


def _values(obj):
    from content.approvals import registry

    return registry.values_of(obj)


def _reviewer():
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username="reviewer-loader", password="a-long-test-password",
                                    is_staff=True)
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    return user
