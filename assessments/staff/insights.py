"""Clinic insights: what the questionnaire shows across patients, as aggregates only.

Nothing here knows about HTTP or charts. Each block of the page is computed in the
database with one grouped query on an index (``docs/performance.md``), never by loading
rows: the block reads the day column ``Assessment.created_on``, the signal rows
(``AssessmentSignal``) or the funnel records (``QuestionnaireProgress``), never the
answers or summary JSON. The two medians take one more query each, an ORDER BY ...
LIMIT on the same index.

Small numbers are hidden: a count from 1 to ``HAIRTX_INSIGHTS_MIN_COUNT - 1`` is shown
as "fewer than N" in the tables, left out of the charts (drawn as 0 and said so) and
written as words in the CSV, and a share or median over fewer than N people is not
shown. Zero is shown: it points to nobody. Every number leaves this module as a
``Cell``, so no caller can forget the rule.

Across queries (docs/insights.md, "Small numbers"): a period is always whole calendar
weeks, and every count is first taken per week and protected there (``WeekTable``):
small ones hidden, and where a week's numbers add up to its total, ``protect_sums``
hides one more ("not shown"). A count for several weeks is then the sum of the weekly
cells that are shown (``total_of``), never a count of its own, so comparing two
periods gives back only weekly cells that were shown anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import get_args

from django.conf import settings
from django.db.models import Case, Count, FloatField, Func, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from assessments import intake, rules
from assessments.models import Assessment, AssessmentSignal, QuestionnaireProgress
from assessments.summary import LEANING_LABELS, NEED_LABELS, Leaning, Need

DEFAULT_WEEKS = 13  # about 90 days
# Up to this many days the time charts count per week; longer ranges count per month.
WEEKLY_UP_TO_DAYS = 183


def min_count() -> int:
    return settings.HAIRTX_INSIGHTS_MIN_COUNT


@dataclass(frozen=True)
class Cell:
    """A count of people, with the small-number rule applied once, here."""

    count: int
    threshold: int
    # Hidden although not small, so that a small number beside it cannot be worked out.
    protects: bool = False
    # A total over weeks some of whose weekly counts are hidden: ``count`` is the sum of
    # the weekly counts shown (so "at least" that many), never the true total.
    partial: bool = False

    @property
    def small(self) -> bool:
        return not self.partial and 0 < self.count < self.threshold

    @property
    def suppressed(self) -> bool:
        return self.small or self.protects or self.partial

    @property
    def shown(self) -> int | None:
        """The number to show or draw, or None when it must stay hidden."""
        return None if self.suppressed else self.count

    def __str__(self) -> str:
        if self.small:
            return f"fewer than {self.threshold}"
        if self.partial and self.count:
            return f"at least {self.count:,}"
        return "not shown" if self.suppressed else f"{self.count:,}"

    def share_of(self, total: Cell) -> str:
        """This count as a whole-number percentage of ``total``, unless either is hidden."""
        if self.suppressed or total.suppressed or not total.count:
            return "not shown" if (self.suppressed or total.suppressed) else "–"
        return f"{round(100 * self.count / total.count)}%"


def cell(count: int, *, protects: bool = False) -> Cell:
    return Cell(int(count or 0), min_count(), protects)


def total_of(parts: list[Cell]) -> Cell:
    """The count for several weeks, made only of the weekly cells that are shown.

    A hidden weekly count never enters it, so no two totals differ by a hidden count
    (each shown part is 0 or at least the threshold). One hidden part alone is passed
    on as it is ("fewer than 5" stays true); more make the total "at least" the rest.
    """
    hidden = [part for part in parts if part.suppressed]
    shown = sum(part.count for part in parts if not part.suppressed)
    if not hidden:
        return cell(shown)
    if len(hidden) == 1 and shown == 0:
        return hidden[0]
    return Cell(shown, min_count(), partial=True)


def protect_sums(counts: dict, sums: list[tuple[list, object]]) -> set:
    """Keys of the counts to hide beyond the small ones, so that no hidden count can be
    worked out from the numbers shown (secondary suppression).

    ``counts`` maps keys to counts; each entry of ``sums`` says that the counts of some
    keys add up to the count of another key. In every such sum either nothing is hidden
    or at least two are: where exactly one is, the smallest other non-zero count of that
    sum is hidden too (a hidden zero would protect nothing). Repeated until no sum
    changes, as hiding a count in one sum can leave a single hidden count in another.
    """
    threshold = min_count()
    hidden = {key for key, n in counts.items() if 0 < n < threshold}
    small = set(hidden)
    changed = True
    while changed:
        changed = False
        for parts, total in sums:
            members = [*parts, total]
            if sum(key in hidden for key in members) != 1:
                continue
            candidates = sorted(
                (key for key in members if key not in hidden and counts[key] > 0),
                key=lambda key: (counts[key], key == total),
            ) or [key for key in members if key not in hidden]
            hidden.add(candidates[0])
            changed = True
    return hidden - small


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _midnight(day: date) -> datetime:
    """The local day's first moment."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Period:
    """Whole calendar weeks (Monday to Sunday), local days ``date_from`` to ``date_to``.

    Any two dates are widened to the weeks they fall in, so that two periods always
    differ by whole weeks: a single day is never the difference between two reports.
    """

    date_from: date
    date_to: date

    def __post_init__(self):
        object.__setattr__(self, "date_from", monday_of(self.date_from))
        object.__setattr__(self, "date_to", monday_of(self.date_to) + timedelta(days=6))

    @classmethod
    def default(cls, today: date | None = None) -> Period:
        """The 13 weeks (about 90 days) up to and including the week of ``today``."""
        today = today or timezone.localdate()
        return cls(monday_of(today) - timedelta(weeks=DEFAULT_WEEKS - 1), today)

    def weeks(self) -> list[date]:
        """The Monday of every week in the period, in order."""
        return [self.date_from + timedelta(weeks=n) for n in range(self.days // 7)]

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    @property
    def weekly(self) -> bool:
        return self.days <= WEEKLY_UP_TO_DAYS

    @property
    def start(self) -> datetime:
        return _midnight(self.date_from)

    @property
    def end(self) -> datetime:
        """The first moment after the period (a half-open range on timestamps)."""
        return _midnight(self.date_to + timedelta(days=1))

    def bucket_of(self, day: date) -> date:
        """The Monday of the week ``day`` falls in or, for long periods, the first day
        of the month that week starts in (a month is the weeks that start in it)."""
        monday = monday_of(day)
        return monday if self.weekly else monday.replace(day=1)

    def buckets(self) -> list[date]:
        """Every bucket in the period, in order, including the empty ones."""
        return list(dict.fromkeys(self.bucket_of(monday) for monday in self.weeks()))

    def bucket_label(self, bucket: date) -> str:
        if not self.weekly:
            return f"{bucket:%b %Y}"
        # The year only when the period spans two, so labels stay short.
        spans_years = self.date_from.year != self.date_to.year
        return f"{bucket:%d %b %Y}" if spans_years else f"{bucket:%d %b}"

    @property
    def bucket_name(self) -> str:
        return "week" if self.weekly else "month"


class SecondsBetween(Func):
    """``end - start`` in seconds, in the database (for medians sorted there)."""

    output_field = FloatField()
    template = "CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS double precision)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra):
        # julianday() is built into SQLite (C), unlike Django's Python date functions.
        return self.as_sql(compiler, connection,
                           template="((julianday(%(expressions)s)) * 86400.0)",
                           arg_joiner=") - julianday(", **extra)


def _median_seconds(queryset: QuerySet, expression: SecondsBetween, count: int) -> float | None:
    """The median of ``expression`` over ``count`` rows, sorted in the database."""
    if count <= 0:
        return None
    middle = (count - 1) // 2
    values = list(
        queryset.annotate(seconds=expression).order_by("seconds")
        .values_list("seconds", flat=True)[middle : middle + (1 if count % 2 else 2)]
    )
    return sum(float(value) for value in values) / len(values) if values else None


def describe_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes = seconds / 60
    if minutes < 90:
        return f"{max(1, round(minutes))} min"
    hours = minutes / 60
    if hours < 48:
        return f"{hours:.1f} hours"
    return f"{hours / 24:.1f} days"


def _median_duration(queryset: QuerySet, end: str, start: str, people: Cell) -> str:
    """The median of ``end - start`` over the rows with ``end`` set, as words; not
    computed at all when ``people`` (how many such rows) is a hidden small number."""
    if people.count == 0 and not people.partial:
        return "–"
    if people.small:  # a group hidden only to protect another is large enough
        return f"not shown (fewer than {people.threshold} people)"
    if people.partial:  # the rows would include people of a hidden week
        return f"not shown (some weeks have fewer than {people.threshold} people)"
    return describe_duration(_median_seconds(
        queryset.filter(**{f"{end}__isnull": False}), SecondsBetween(end, start), people.count
    ))


# --------------------------------------------------------------------------- per week


class WeekTable:
    """Counts per calendar week, each week protected on its own.

    ``counts`` maps each week's Monday to {key: count}; ``sums`` (as for
    ``protect_sums``) says which keys of one week add up to which. In every week the
    small counts are hidden and, where a week's sum would give one away, one more. A
    number for several weeks is ``total`` of these cells: the cross-query guarantee of
    docs/insights.md holds for any table built through this class.
    """

    def __init__(self, counts: dict[date, dict], sums: list[tuple[list, object]] = ()):
        self._cells: dict[date, dict] = {}
        for monday, week in counts.items():
            protected = protect_sums(week, list(sums))
            self._cells[monday] = {key: cell(n, protects=key in protected)
                                   for key, n in week.items()}

    def keys(self) -> set:
        return {key for week in self._cells.values() for key in week}

    def cell(self, monday: date, key) -> Cell:
        return self._cells.get(monday, {}).get(key, cell(0))

    def total(self, key, mondays: list[date] | None = None) -> Cell:
        """``key`` over ``mondays`` (default: every week in the table)."""
        mondays = self._cells.keys() if mondays is None else mondays
        return total_of([self.cell(monday, key) for monday in mondays])


def _weekly(rows, period: Period) -> dict[date, dict]:
    """{Monday: {key: count}} from rows of (day, key, count), every week present."""
    weeks: dict[date, dict] = {monday: {} for monday in period.weeks()}
    for day, key, n in rows:
        week = weeks[monday_of(day)]
        week[key] = week.get(key, 0) + n
    return weeks


def _in(period: Period) -> dict:
    return {"created_on__gte": period.date_from, "created_on__lte": period.date_to}


def assessment_weeks(period: Period) -> WeekTable:
    """Assessments per week: all, by leaning, by SURE score, reviewed or not.

    Three grouped queries; the three breakdowns share each week's total, so one
    ``protect_sums`` per week sees all of them.
    """
    in_period = Assessment.objects.filter(**_in(period))
    rows = [(day, ("leaning", leaning), n) for day, leaning, n in
            in_period.values_list("created_on", "leaning").annotate(n=Count("id")).order_by()]
    rows += [(day, ("sure", score), n) for day, score, n in
             in_period.values_list("created_on", "sure_score").annotate(n=Count("id"))
             .order_by()]
    for day, total, reviewed in (
        in_period.values_list("created_on").order_by()
        .annotate(total=Count("id"), reviewed=Count("id", filter=Q(reviewed_at__isnull=False)))
    ):
        rows += [(day, ("all",), total), (day, ("reviewed",), reviewed),
                 (day, ("not_reviewed",), total - reviewed)]
    weeks = _weekly(rows, period)
    leanings = leaning_keys({key[1] for week in weeks.values() for key in week
                             if key[0] == "leaning"})
    keys = [("all",), ("reviewed",), ("not_reviewed",), *(("leaning", k) for k in leanings),
            *(("sure", score) for score in range(5))]
    for week in weeks.values():
        for key in keys:
            week.setdefault(key, 0)
    return WeekTable(weeks, [
        ([("leaning", k) for k in leanings], ("all",)),
        ([("sure", score) for score in range(5)], ("all",)),
        ([("reviewed",), ("not_reviewed",)], ("all",)),
    ])


# --------------------------------------------------------------------------- the blocks


@dataclass(frozen=True)
class Bar:
    label: str
    value: Cell
    key: str = ""
    share: str = ""


@dataclass(frozen=True)
class Series:
    """One line of a stacked chart: a name and one Cell per bucket."""

    key: str
    label: str
    values: list[Cell]
    total: Cell
    share: str = ""


@dataclass
class OverTime:
    """Assessments per bucket, and per leaning per bucket."""

    buckets: list[str]
    bucket_starts: list[date]
    totals: list[Cell]
    leanings: list[Series]
    total: Cell
    doctor_first: Cell

    @property
    def per_bucket(self) -> list[tuple[str, Cell]]:
        return list(zip(self.buckets, self.totals))

    @property
    def doctor_first_share(self) -> str:
        return self.doctor_first.share_of(self.total)


def leaning_keys(stored: set[str] = frozenset()) -> list[str]:
    """The summary contract's leanings, in its order; any other stored value after them.

    Read from the ``Leaning`` literal, so a new leaning appears without a change here.
    """
    known = list(get_args(Leaning))
    return known + sorted(set(stored) - set(known))


def over_time(period: Period, weeks: WeekTable | None = None) -> OverTime:
    weeks = weeks or assessment_weeks(period)
    buckets = period.buckets()
    in_bucket = {bucket: [m for m in period.weeks() if period.bucket_of(m) == bucket]
                 for bucket in buckets}
    keys = leaning_keys({key[1] for key in weeks.keys() if key[0] == "leaning"})
    total = weeks.total(("all",))
    leanings = []
    for key in keys:
        leaning_total = weeks.total(("leaning", key))
        leanings.append(Series(
            key=key, label=LEANING_LABELS.get(key, key.replace("_", " ").capitalize()),
            values=[weeks.total(("leaning", key), in_bucket[b]) for b in buckets],
            total=leaning_total, share=leaning_total.share_of(total),
        ))
    return OverTime(
        buckets=[period.bucket_label(bucket) for bucket in buckets], bucket_starts=buckets,
        totals=[weeks.total(("all",), in_bucket[b]) for b in buckets], leanings=leanings,
        total=total, doctor_first=weeks.total(("leaning", "doctor_first")),
    )


@dataclass(frozen=True)
class FunnelStage:
    label: str
    short: str
    reached: Cell
    dropped: Cell | None
    share_of_started: str


@dataclass
class Funnel:
    stages: list[FunnelStage]
    started: Cell
    submitted: Cell
    median_to_finish: str


def funnel(period: Period) -> Funnel:
    """Questionnaires started in the period, and how far they got.

    The steps come from ``intake.STEPS``: step 1 is reached by everyone who starts.
    Per week, each stage's "reached" is the next stage's "reached" plus those who
    stopped before it, so the drop-off is protected like any other sum.
    """
    steps = intake.STEPS
    started_in = QuestionnaireProgress.objects.filter(
        started_at__gte=period.start, started_at__lt=period.end
    )
    aggregates = {"stage_0": Count("id")}
    for n, step in enumerate(steps[1:], start=1):
        aggregates[f"stage_{n}"] = Count("id", filter=Q(furthest_step__gte=step.number))
    aggregates[f"stage_{len(steps)}"] = Count("id", filter=Q(reached_review_at__isnull=False))
    aggregates[f"stage_{len(steps) + 1}"] = Count("id", filter=Q(submitted_at__isnull=False))
    mondays = period.weeks()
    # The week of each record as a CASE on the exact (time-zone aware) week boundaries:
    # compared in the database, where a date function would be Python per row on SQLite.
    week = Case(*(When(started_at__lt=_midnight(monday), then=Value(index))
                  for index, monday in enumerate(mondays[1:])),
                default=Value(len(mondays) - 1), output_field=IntegerField())
    per_week = started_in.annotate(week=week).values("week").order_by().annotate(**aggregates)
    rows = []
    for row in per_week:
        monday = mondays[row["week"]]
        counts = [row[f"stage_{n}"] for n in range(len(aggregates))]
        rows += [(monday, ("reached", n), count) for n, count in enumerate(counts)]
        rows += [(monday, ("dropped", n), counts[n - 1] - counts[n])
                 for n in range(1, len(counts))]
    stages = range(len(aggregates))
    weekly = _weekly(rows, period)
    for week in weekly.values():
        for n in stages:
            week.setdefault(("reached", n), 0)
            week.setdefault(("dropped", n), 0)
    weeks = WeekTable(weekly, [([("reached", n), ("dropped", n)], ("reached", n - 1))
                               for n in stages[1:]])

    labels = [(f"Started (step 1: {steps[0].title})", "Started")]
    labels += [(f"Reached step {s.number}: {s.title}", f"Step {s.number}") for s in steps[1:]]
    labels += [("Reached the review page", "Review"), ("Submitted", "Submitted")]
    started = weeks.total(("reached", 0))
    found = []
    for n, (label, short) in enumerate(labels):
        reached = weeks.total(("reached", n))
        found.append(FunnelStage(
            label=label, short=short, reached=reached,
            dropped=weeks.total(("dropped", n)) if n else None,
            share_of_started=reached.share_of(started),
        ))
    submitted = found[-1].reached
    return Funnel(stages=found, started=started, submitted=submitted,
                  median_to_finish=_median_duration(started_in, "submitted_at", "started_at",
                                                    submitted))


@dataclass
class Signals:
    red_flags: list[Bar]
    cautions: list[Bar]
    needs: list[Bar]


def rule_titles() -> dict[str, str]:
    return {rule.id: rule.title for rule in rules.RULES}


def signals(period: Period, total: Cell) -> Signals:
    """Red flags and cautions by rule, most frequent first, and readiness needs.

    Not sums (one person can have several), so each week hides only its small counts.
    """
    rows = (
        AssessmentSignal.objects
        .filter(**_in(period))
        # Grouped in the index's own order (kind, day, code): SQLite streams the groups
        # without a sort; the few thousand day rows are summed here.
        .values_list("kind", "created_on", "code").annotate(n=Count("id")).order_by()
    )
    weeks = WeekTable(_weekly(((day, (kind, code), n) for kind, day, code, n in rows), period))
    titles = rule_titles()

    def bar(kind: str, code: str, label: str) -> Bar:
        value = weeks.total((kind, code))
        return Bar(label=label, key=code, value=value, share=value.share_of(total))

    def rule_bars(kind: str) -> list[Bar]:
        codes = sorted(code for found_kind, code in weeks.keys() if found_kind == kind)
        bars = [bar(kind, code, f"{code}: {titles.get(code, 'rule no longer in use')}")
                for code in codes]
        # Most frequent first by what is shown; the order gives no hidden count away.
        return sorted(bars, key=lambda b: (-(b.value.shown or 0), b.key))

    needs = [bar("need", need, NEED_LABELS[need]) for need in get_args(Need)]
    return Signals(red_flags=rule_bars("red_flag"), cautions=rule_bars("caution"), needs=needs)


def sure_scores(period: Period, total: Cell, weeks: WeekTable | None = None) -> list[Bar]:
    """How many scored 0 to 4 on the SURE test (4: sure on every item)."""
    weeks = weeks or assessment_weeks(period)
    bars = []
    for score in range(5):
        value = weeks.total(("sure", score))
        bars.append(Bar(label=f"{score} of 4", key=str(score), value=value,
                        share=value.share_of(total)))
    return bars


@dataclass
class Reviews:
    reviewed: Cell
    not_reviewed: Cell
    total: Cell
    median_to_review: str

    @property
    def bars(self) -> list[Bar]:
        return [
            Bar("Reviewed by staff", self.reviewed, "reviewed",
                self.reviewed.share_of(self.total)),
            Bar("Not yet reviewed", self.not_reviewed, "not_reviewed",
                self.not_reviewed.share_of(self.total)),
        ]


def reviews(period: Period, weeks: WeekTable | None = None) -> Reviews:
    weeks = weeks or assessment_weeks(period)
    reviewed = weeks.total(("reviewed",))
    return Reviews(reviewed=reviewed, not_reviewed=weeks.total(("not_reviewed",)),
                   total=weeks.total(("all",)),
                   median_to_review=_median_duration(
                       Assessment.objects.filter(**_in(period)), "reviewed_at", "created_at",
                       reviewed))


@dataclass
class Insights:
    period: Period
    threshold: int
    over_time: OverTime
    funnel: Funnel
    signals: Signals
    sure_scores: list[Bar]
    reviews: Reviews
    generated_at: datetime = field(default_factory=timezone.now)


def insights_for(period: Period) -> Insights:
    """Every block of the page for one period (seven queries in all)."""
    weeks = assessment_weeks(period)
    time_block = over_time(period, weeks)
    return Insights(
        period=period,
        threshold=min_count(),
        over_time=time_block,
        funnel=funnel(period),
        signals=signals(period, time_block.total),
        sure_scores=sure_scores(period, time_block.total, weeks),
        reviews=reviews(period, weeks),
    )


def csv_rows(report: Insights) -> list[list[str]]:
    """The page's tables as one long table: section, group, item, count, share.

    Hidden counts are written as the same words as on the page ("fewer than 5"), never
    as a number.
    """
    period = report.period
    rows = [["section", "group", "item", "count", "share"]]
    groups = [f"{period.bucket_name} of {start.isoformat()}"
              for start in report.over_time.bucket_starts]
    for group, value in zip(groups, report.over_time.totals):
        rows.append(["assessments", group, "all", str(value), ""])
    for series in report.over_time.leanings:
        for group, value in zip(groups, series.values):
            rows.append(["leaning", group, series.key, str(value), ""])
        rows.append(["leaning", "whole period", series.key, str(series.total), series.share])
    for stage in report.funnel.stages:
        rows.append(["funnel", "reached", stage.label, str(stage.reached),
                     stage.share_of_started])
    rows.append(["funnel", "median time to finish", "", report.funnel.median_to_finish, ""])
    for name, bars in (("red flag", report.signals.red_flags),
                       ("caution", report.signals.cautions),
                       ("readiness need", report.signals.needs),
                       ("SURE score", report.sure_scores),
                       ("review", report.reviews.bars)):
        for bar in bars:
            rows.append([name, "whole period", bar.label, str(bar.value), bar.share])
    rows.append(["review", "median time to review", "", report.reviews.median_to_review, ""])
    return rows
