"""The `guide` fixture's put-back guide is the guide `load_guide` makes (tests/guide_snapshot)."""

import datetime
from io import StringIO

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone

from content.approvals import registry
from content.models import ContentChange, Section
from tests import guide_snapshot


# Where the database numbers rows outside the transaction (PostgreSQL), a fresh load's keys
# differ from the kept ones, and so do the review requests' copies of the values (they
# hold the item's keys) and their fingerprints: those are checked for consistency instead.
KEYED_VALUES = {"values", "values_before", "fingerprint"}


def _state(now: datetime.datetime) -> dict[str, list]:
    """Every table's rows, without keys (numbering differs) and with times made relative."""
    state = {}
    keyed_values = KEYED_VALUES if connection.vendor == "postgresql" else set()
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


def _in_a_savepoint(action) -> dict[str, list]:
    savepoint = transaction.savepoint_create()
    try:
        action()
        return _state(timezone.now())
    finally:
        transaction.savepoint_rollback(savepoint)


def _kept() -> guide_snapshot._Kept:
    if guide_snapshot._kept is None:
        _in_a_savepoint(guide_snapshot._load_and_keep)
    assert guide_snapshot._kept is not None
    return guide_snapshot._kept


@pytest.mark.django_db
def test_put_back_guide_equals_a_fresh_load():
    kept = _kept()
    by_command = _in_a_savepoint(lambda: call_command("load_guide", stdout=StringIO()))
    put_back = _in_a_savepoint(lambda: guide_snapshot._put_back(kept))

    assert by_command["content.Section"]  # the comparison is of a real guide
    assert put_back == by_command


@pytest.mark.django_db
def test_put_back_review_requests_match_their_items():
    """Each put-back request's values are its item's, and its fingerprint theirs."""
    guide_snapshot._put_back(_kept())
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
        guide_snapshot._put_back(kept)
    assert ContentChange.objects.earliest("proposed_at").proposed_at.date() == later.date()
    # history_date is stamped by the command, not by Django: it is moved, not re-made
    assert Section.history.earliest("history_date").history_date.date() == later.date()


@pytest.mark.django_db
def test_rows_of_the_test_s_own_fall_back_to_the_command(guide):
    """A clash with the kept rows (the same keys) runs the command instead of failing."""
    sections = Section.objects.count()
    guide_snapshot.load_guide()  # the guide is there: the kept rows clash, the command runs
    assert Section.objects.count() == sections
