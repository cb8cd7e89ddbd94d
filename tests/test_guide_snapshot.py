"""The `guide` fixture's put-back guide is the guide `load_guide` makes (tests/guide_snapshot)."""

import datetime
from io import StringIO

from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from content.approvals import registry
from content.models import ContentChange, Section
from tests import guide_snapshot


# Where a fresh load numbers its rows otherwise than the kept ones (PostgreSQL numbers rows
# outside the transaction; after a flush the numbering goes on), the review requests'
# copies of the values (they hold the item's keys) and their fingerprints differ: those
# are checked for consistency instead.
KEYED_VALUES = {"values", "values_before", "fingerprint"}


def _state(now: datetime.datetime, renumbered: bool = False) -> dict[str, list]:
    """Every table's rows, without keys (numbering differs) and with times made relative."""
    state = {}
    keyed_values = KEYED_VALUES if renumbered else set()
    for model in guide_snapshot._tables():
        skipped = {field.attname for field in model._meta.concrete_fields
                   if field.primary_key or isinstance(field, models.ForeignKey)
                   or field.attname == "id" or field.attname.endswith("_id")
                   or (model is ContentChange and field.attname in keyed_values)}
        names = [field.attname for field in model._meta.concrete_fields
                 if field.attname not in skipped]
        rows = []
        for row in model._base_manager.values(*names):
            rows.append(tuple(
                ("about now" if abs(value - now) < datetime.timedelta(minutes=5) else value)
                if isinstance(value, datetime.datetime) else value
                for value in row.values()))
        state[model._meta.label] = sorted(rows, key=repr)
    return state


def _in_a_savepoint(action, renumbered: bool = False) -> dict[str, list]:
    """The state ``action`` leaves, rolled back (also in a test that commits)."""
    with transaction.atomic():
        action()
        state = _state(timezone.now(), renumbered)
        transaction.set_rollback(True)
    return state


def _fresh_load(kept: guide_snapshot._Kept) -> tuple[dict[str, list], bool]:
    """What `load_guide` makes (rolled back), and whether it numbered its rows otherwise
    than the kept ones."""
    with transaction.atomic():
        call_command("load_guide", stdout=StringIO())
        renumbered = any(
            set(model._base_manager.values_list("pk", flat=True))
            != {row[model._meta.pk.attname] for row in rows} for model, rows in kept.rows)
        state = _state(timezone.now(), renumbered)
        transaction.set_rollback(True)
    return state, renumbered


def _put_back(kept: guide_snapshot._Kept) -> None:
    """The kept rows, with their content types as numbered now (a flush renumbers them)."""
    guide_snapshot._put_back(kept, guide_snapshot._renumbered(kept))


def _kept() -> guide_snapshot._Kept:
    if guide_snapshot._kept is None:
        _in_a_savepoint(guide_snapshot._load_and_keep)
    assert guide_snapshot._kept is not None
    return guide_snapshot._kept


@pytest.mark.django_db
def test_put_back_guide_equals_a_fresh_load():
    kept = _kept()
    by_command, renumbered = _fresh_load(kept)
    put_back = _in_a_savepoint(lambda: _put_back(kept), renumbered)

    assert by_command["content.Section"]  # the comparison is of a real guide
    assert put_back == by_command


@pytest.mark.django_db
def test_put_back_review_requests_match_their_items():
    """Each put-back request's values are its item's, and its fingerprint theirs."""
    _put_back(_kept())
    changes = ContentChange.objects.all()
    assert changes
    for change in changes:
        assert change.values == registry.values_of(change.item)
        assert change.fingerprint == registry.fingerprint(change.values)


@pytest.mark.django_db
def test_a_moved_clock_sees_the_guide_loaded_at_its_own_time():
    kept = _kept()
    later = datetime.datetime(2031, 5, 4, 9, 0, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=later):
        _put_back(kept)
    assert ContentChange.objects.earliest("proposed_at").proposed_at.date() == later.date()
    # history_date is stamped by the command, not by Django: it is moved, not re-made
    assert Section.history.earliest("history_date").history_date.date() == later.date()


@pytest.mark.django_db
def test_rows_of_the_test_s_own_fall_back_to_the_command(guide):
    """A clash with the kept rows (the same keys) runs the command instead of failing."""
    sections = Section.objects.count()
    guide_snapshot.load_guide()  # the guide is there: the kept rows clash, the command runs
    assert Section.objects.count() == sections


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_a_test_that_commits_gets_the_guide_put_back():
    """A flush makes the content types again under new numbers: the kept review requests
    point at today's, and the rows are committed where a live server would see them."""
    kept = _kept()
    # What ends a live-server test (the next one starts with no rows of its own).
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    assert set(guide_snapshot._content_types()).isdisjoint(kept.content_types)
    by_command, renumbered = _fresh_load(kept)
    with connection.cursor() as cursor:  # as before a reset_sequences test
        for statement in connection.ops.sequence_reset_by_name_sql(
                no_style(), connection.introspection.sequence_list()):
            cursor.execute(statement)

    with mock.patch.object(guide_snapshot, "call_command") as command:
        guide_snapshot.load_guide()
    command.assert_not_called()
    assert not connection.in_atomic_block  # committed, not inside a transaction

    assert _state(timezone.now(), renumbered) == by_command
    changes = ContentChange.objects.all()
    assert changes
    for change in changes:
        assert change.values == registry.values_of(change.item)
    # The test's own rows get numbers past the put-back ones.
    Section.objects.create(article=Section.objects.first().article, title="Own section",
                           slug="own-section", body="A section of this test's own.")
