"""Reads of the staff area: the list, one page of it, and the de-identified export.

The list must stay fast with 100,000 assessments: it reads only the columns it shows
(never the JSON answers and summary), filters on indexed columns, turns a date range
into a half-open range on ``created_at`` (no per-row date conversion) and never counts
the whole table: a page asks for one row more than it shows to know if there is a next.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from pydantic import ValidationError

from assessments import intake, rules
from assessments.intake_versions import read_answers
from assessments.models import Assessment, normalise_code
from assessments.reasoning.what_would_change import LEANING_WORDS, what_would_change

PAGE_SIZE = 25
LIST_FIELDS = (
    "id", "reference_code", "created_at", "leaning", "ruleset_version", "has_red_flags",
    "reviewed_at",
)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def in_date_range(queryset: QuerySet, *, date_from: date | None, date_to: date | None):
    """Submitted on or after ``date_from`` and on or before ``date_to`` (local days)."""
    if date_from:
        queryset = queryset.filter(created_at__gte=_start_of(date_from))
    if date_to:
        queryset = queryset.filter(created_at__lt=_start_of(date_to + timedelta(days=1)))
    return queryset


def assessment_list(
    *,
    q: str = "",
    leaning: str = "",
    red_flags: bool = False,
    not_reviewed: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Assessment]:
    queryset = Assessment.objects.only(*LIST_FIELDS).order_by("-created_at", "-id")
    if normalise_code(q):
        queryset = queryset.for_reference(q)
    if leaning:
        queryset = queryset.filter(leaning=leaning)
    if red_flags:
        queryset = queryset.with_red_flags()
    if not_reviewed:
        queryset = queryset.not_reviewed()
    return in_date_range(queryset, date_from=date_from, date_to=date_to)


@dataclass(frozen=True)
class Page:
    rows: list
    number: int
    has_previous: bool
    has_next: bool

    @property
    def start_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + len(self.rows)


def page_of(queryset: QuerySet, *, number: int) -> Page:
    """One page, without a COUNT: fetch PAGE_SIZE + 1 rows to learn if another follows."""
    number = max(1, number)
    offset = (number - 1) * PAGE_SIZE
    rows = list(queryset[offset : offset + PAGE_SIZE + 1])
    return Page(rows=rows[:PAGE_SIZE], number=number, has_previous=number > 1,
                has_next=len(rows) > PAGE_SIZE)


# Answers of a retired intake schema that stored rows may hold: last, empty for rows of
# today's schema (intake.md "Schema versions").
RETIRED_ANSWER_COLUMNS = tuple(intake.RETIRED_QUESTIONS)
EXPORT_HEADER = ["created_date", "leaning", "has_red_flags", "ruleset_version",
                 "intake_schema", "reviewed", *intake.QUESTIONS, *RETIRED_ANSWER_COLUMNS]
# A cell starting with one of these would be a formula in a spreadsheet (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "|".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# Free text may hold anything a patient typed, names included: the export says only
# whether it was given, so the file stays de-identified.
FREE_TEXT_KEYS = frozenset(key for key, q in intake.QUESTIONS.items() if q.kind == "text")


def _answer_cell(answers: dict, key: str) -> str:
    if key in FREE_TEXT_KEYS:
        return "given" if answers.get(key) else ""
    return _cell(answers.get(key))


def export_queryset(*, date_from: date, date_to: date) -> QuerySet:
    """The rows to export, oldest first. Built before the response starts, so that a
    range that cannot be turned into times fails here, not half-way through a download."""
    return in_date_range(
        Assessment.objects.order_by("created_at", "id"), date_from=date_from, date_to=date_to
    ).values_list("created_at", "leaning", "has_red_flags", "ruleset_version",
                  "intake_schema", "reviewed_at", "answers")


def export_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """The header, then one de-identified row per assessment of ``export_queryset``.

    No token, reference code, review note, reviewer, free text or exact time: only the
    day.
    """
    yield EXPORT_HEADER
    for created_at, leaning, red_flags, version, schema, reviewed_at, answers in (
        queryset.iterator(chunk_size=1000)
    ):
        yield [
            timezone.localdate(created_at).isoformat(),
            leaning,
            "yes" if red_flags else "no",
            version,
            schema,
            "yes" if reviewed_at else "no",
            *(_answer_cell(answers, key) for key in (*intake.QUESTIONS, *RETIRED_ANSWER_COLUMNS)),
        ]


@dataclass(frozen=True)
class WhatWouldChange:
    """For a clinical reviewer: single-answer changes that would change this summary."""

    ruleset_version: str  # the rules re-run (today's), which may differ from the stored
    leaning: str  # today's leaning for the stored answers
    lines: list[str]
    problem: str = ""  # why it could not be worked out, in plain words


def what_would_change_for(assessment: Assessment) -> WhatWouldChange:
    """Re-run today's rules on the stored answers, one answer changed at a time."""
    try:
        answers, as_given = read_answers(assessment.answers,
                                         stored_schema=assessment.intake_schema)
    except ValidationError:
        return WhatWouldChange(rules.RULESET_VERSION, "", [],
                               problem="The stored answers no longer fit today's questions.")
    leaning = rules.assess(answers, as_given=as_given).leaning
    return WhatWouldChange(rules.RULESET_VERSION, LEANING_WORDS[leaning],
                           [change.line for change in what_would_change(answers)])
