"""The two statements of every questionnaire step: read a live draft by its token, and
save the answers of a step into it.

Performance (issue 24, docs/performance.md "Step POST"): both are hand-written,
parametrised SQL. A step POST is three queries (this read, the session's read, this
write); building the first and the last with the ORM (a filter, ``.first()``'s
ordering, ``save(update_fields=...)``'s signals and checks) took about 0.5 and 0.24 ms
of the 2.3-2.9 ms of CPU a step POST cost; now about 0.05 and 0.06 ms. The values go
through the fields' own conversions (JSON, datetimes), so they are exactly what the ORM
reads and writes, on SQLite and PostgreSQL alike (tests/assessments/test_step_post.py).
Everything else about drafts uses the ORM.
"""

import functools
import weakref

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.utils import timezone

from assessments.models import Draft

# Every column, so a draft read here is a whole model instance (nothing loads later).
_FIELDS = tuple(Draft._meta.concrete_fields)
_FIELD_NAMES = tuple(field.attname for field in _FIELDS)
_COLUMNS = tuple(field.get_col(Draft._meta.db_table) for field in _FIELDS)
# What a step changes: the answers, how far the patient got, and the pushed-back expiry.
_SAVED = tuple(Draft._meta.get_field(name)
               for name in ("answers", "furthest_step", "expires_at", "updated_at"))
_EXPIRES_AT = Draft._meta.get_field("expires_at")


@functools.cache
def _select_sql() -> str:
    meta, quote = Draft._meta, connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _FIELDS)
    return (f"SELECT {columns} FROM {quote(meta.db_table)} "
            f"WHERE {quote(meta.get_field('token').column)} = %s "
            f"AND {quote(_EXPIRES_AT.column)} > %s")


@functools.cache
def _update_sql() -> str:
    meta, quote = Draft._meta, connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in _SAVED)
    return f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"


# Per connection (each thread has its own), found once: a third of the read's CPU.
_converters_of: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _converters() -> list[tuple[int, list]]:
    """(column index, converters) as the ORM applies them to this connection's rows."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    if wrapper not in _converters_of:
        compiler = wrapper.ops.compiler("SQLCompiler")(None, wrapper, wrapper.alias)
        _converters_of[wrapper] = [
            (index, functions)
            for index, (functions, _) in compiler.get_converters(_COLUMNS).items()]
    return _converters_of[wrapper]


def live_draft(token: str) -> Draft | None:
    """The draft with this token, unless it has expired (``Draft.objects.live()``)."""
    now = _EXPIRES_AT.get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(_select_sql(), [token, now])
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, functions in _converters():
        for convert in functions:
            values[index] = convert(values[index], _COLUMNS[index], connection)
    return Draft.from_db(connection.alias, _FIELD_NAMES, values)


def draft_save_answers(draft: Draft) -> None:
    """Store the draft's answers, furthest step and expiry (``save(update_fields=...)``).

    Raises DatabaseError if the draft is gone, as ``save(update_fields=...)`` does.
    """
    draft.updated_at = timezone.now()
    params = [field.get_db_prep_save(getattr(draft, field.attname), connection)
              for field in _SAVED]
    with connection.cursor() as cursor:
        cursor.execute(_update_sql(), [*params, draft.pk])
        if cursor.rowcount != 1:
            raise DatabaseError("The draft to save is gone (purged after it expired).")
