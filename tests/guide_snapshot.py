"""The shipped guide for a test: `load_guide` once per test process, then its rows put back.

`load_guide` takes about a second (a hundred items, each saved with its history, a review
request and an audit line) and about 450 tests ask for the guide, on SQLite and again on
PostgreSQL. The first test in a process that asks runs the command and the rows it
wrote are kept; a later test gets the same rows inserted, with every time the command
stamped moved to that test's "now" (a frozen clock included), so it sees a guide loaded
at its own start. A test that commits (`transactional_db`, every live-server test) gets
them too, committed, after the flush that ended the test before it: a flush makes the
content types again under new numbers, so the review requests' content types are looked
up by name, and the numbering of the tables put back is moved past their rows (as
`loaddata` does). Rows of the test's own that clash with the kept ones fall back to
running the command. The command itself is tested where it is called directly
(tests/content/test_loader.py and others).
"""

import datetime
from dataclasses import dataclass
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from django.utils import timezone


@dataclass(frozen=True)
class _Kept:
    vendor: str
    content_types: dict[int, tuple[str, str]]  # the numbering the rows refer to, by name
    started: datetime.datetime
    ended: datetime.datetime
    rows: tuple[tuple[type, tuple[dict, ...]], ...]


_kept: _Kept | None = None


def _content_types() -> dict[int, tuple[str, str]]:
    from django.contrib.contenttypes.models import ContentType

    return {pk: (app_label, model) for pk, app_label, model
            in ContentType.objects.values_list("pk", "app_label", "model")}


def _content_type_fields(model) -> set[str]:
    from django.contrib.contenttypes.models import ContentType

    return {field.attname for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is ContentType}


def _tables() -> list[type]:
    return [model for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy]


def _load_and_keep() -> None:
    """Run the command; keep what it wrote if it ran on a site with no content yet."""
    global _kept
    before = {model: set(model._base_manager.values_list("pk", flat=True))
              for model in _tables()}
    started = timezone.now()
    call_command("load_guide", stdout=StringIO())
    ended = timezone.now()
    if any(old for model, old in before.items() if model._meta.app_label == "content"):
        return  # a load over existing content is not what a fresh site gets
    rows = []
    for model, old in before.items():
        names = [field.attname for field in model._meta.concrete_fields]
        new = [row for row in model._base_manager.order_by("pk").values(*names)
               if row[model._meta.pk.attname] not in old]
        if new:
            rows.append((model, tuple(new)))
    _kept = _Kept(connection.vendor, _content_types(), started, ended, tuple(rows))


def _renumbered(kept: _Kept) -> dict[int, int] | None:
    """The kept content types' numbers now, or None if one of them is missing."""
    now = {name: pk for pk, name in _content_types().items()}
    if not all(name in now for name in kept.content_types.values()):
        return None
    return {pk: now[name] for pk, name in kept.content_types.items()}


def _moved(value, kept: _Kept, now: datetime.datetime):
    """A time the command stamped, moved to now; any other value as it was."""
    if isinstance(value, datetime.datetime) and kept.started <= value <= kept.ended:
        return value + (now - kept.started)
    if (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
            and value == timezone.localdate(kept.started)):
        return timezone.localdate(now)
    return value


def _put_back(kept: _Kept, content_types: dict[int, int]) -> None:
    """Insert the kept rows; ``content_types`` maps the kept numbers to today's."""
    now = timezone.now()
    for model, rows in kept.rows:
        content_type_fields = _content_type_fields(model)
        model._base_manager.bulk_create(
            [model(**{name: (content_types[value]
                             if name in content_type_fields and value is not None
                             else _moved(value, kept, now))
                      for name, value in row.items()})
             for row in rows])
    # The rows keep their keys; a sequence reset since (reset_sequences) would hand the
    # same keys to the test's own rows. Harmless where the numbering is already past them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(
                no_style(), [model for model, _ in kept.rows]):
            cursor.execute(statement)


def load_guide() -> None:
    """The shipped guide in the test database, as `load_guide` leaves it."""
    from content import page_cache

    kept = _kept
    content_types = None if kept is None else _renumbered(kept)
    if kept is None or content_types is None:
        _load_and_keep()
        return
    if kept.vendor != connection.vendor:
        call_command("load_guide", stdout=StringIO())
        return
    try:
        with transaction.atomic():
            _put_back(kept, content_types)
    except IntegrityError:  # the test made rows of its own first
        call_command("load_guide", stdout=StringIO())
    page_cache.content_changed()
