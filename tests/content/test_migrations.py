"""Migration 0004: treatment rows become option profiles without losing anyone's work.

Rows written by the old loader and never edited must still count as untouched (so the
next `load_guide` brings them the new seven-option text); rows an editor changed must
keep their wording and stay protected from the loader.
"""

import hashlib
import json
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from content.loading import load_default_guide
from content.models import ComparisonRow, OptionProfile

BEFORE = [("content", "0003_cache_table")]
AFTER = [("content", "0004_option_profiles")]

OLD_PROFILE = {
    "order": 10, "name": "PRP (platelet-rich plasma)", "summary": "Old summary.",
    "how_it_works": "Old how it works.", "what_is_used": "Old what is used.",
    "course_and_maintenance": "Old course.", "common_side_effects": "Old side effects.",
    "who_should_not_have_it": "Old who should not.", "who_it_may_suit": "Old who may suit.",
    "strength_of_evidence": "Old evidence.",
    "status": "published", "last_reviewed_on": date(2026, 11, 26),
    "reviewed_by": "hairtx clinical content team",
}
OLD_ROW = {
    "order": 10, "question": "What is it?", "prp": "Old PRP.", "mesotherapy": "Old meso.",
    "established_medicines": "Old medicines.", "watchful_waiting": "Old waiting.",
    "status": "published", "last_reviewed_on": date(2026, 11, 26),
    "reviewed_by": "hairtx clinical content team",
}


def _old_fingerprint(values):
    # What the loader stored before this migration.
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema(transactional_db):
    apps = _migrate(BEFORE)
    yield apps
    _migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_untouched_rows_are_kept_and_receive_the_new_defaults(old_schema):
    Treatment = old_schema.get_model("content", "Treatment")
    Row = old_schema.get_model("content", "ComparisonRow")
    Treatment.objects.create(slug="prp", default_content_hash=_old_fingerprint(OLD_PROFILE),
                             **OLD_PROFILE)
    Row.objects.create(slug="what-is-it", default_content_hash=_old_fingerprint(OLD_ROW),
                       **OLD_ROW)

    _migrate(executor_leaf_nodes())

    prp = OptionProfile.objects.get(slug="prp")
    assert prp.what_it_is.startswith("Old how it works.")
    assert "Old who may suit." in prp.what_it_is
    assert prp.common_harms == "Old side effects."
    report = load_default_guide()
    prp.refresh_from_db()
    assert "single-use" in prp.how_it_is_done  # the new default arrived
    assert ComparisonRow.objects.get(slug="what-is-it").hair_transplant
    assert not any("“prp”" in label for label in report.kept_editor_version)


def test_an_edited_row_keeps_its_wording_through_the_migration_and_the_loader(old_schema):
    Treatment = old_schema.get_model("content", "Treatment")
    edited = {**OLD_PROFILE, "how_it_works": "The clinic editor's own words."}
    Treatment.objects.create(slug="prp", default_content_hash=_old_fingerprint(OLD_PROFILE),
                             **edited)

    _migrate(executor_leaf_nodes())
    report = load_default_guide()

    prp = OptionProfile.objects.get(slug="prp")
    assert prp.what_it_is.startswith("The clinic editor's own words.")
    assert any("“prp”" in label for label in report.kept_editor_version)


# --- migration 0007: approval outcomes get values of their own (issue 27 point 4) -----------

def test_stored_outcomes_are_renamed_both_ways(transactional_db):
    apps = _migrate([("content", "0006_clinical_reviewers_group")])
    Change = apps.get_model("content", "ContentChange")
    section_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="content", model="section")[0]
    for old in ("published", "draft"):
        Change.objects.create(content_type_id=section_type.pk, object_id=1, item_label=old,
                              values={}, fingerprint="x", outcome=old)
    try:
        apps = _migrate([("content", "0007_approval_outcome_values")])
        Change = apps.get_model("content", "ContentChange")
        assert dict(Change.objects.values_list("item_label", "outcome")) == {
            "published": "publish", "draft": "unpublish"}
        apps = _migrate([("content", "0006_clinical_reviewers_group")])
        Change = apps.get_model("content", "ContentChange")
        assert dict(Change.objects.values_list("item_label", "outcome")) == {
            "published": "published", "draft": "draft"}
    finally:
        _migrate(executor_leaf_nodes())
