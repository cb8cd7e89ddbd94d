"""Clinic insights: what the questionnaire shows across patients, as aggregates only.

Nothing here knows about HTTP or charts. Each block of the page is computed in the
database with one grouped query on an index (``docs/performance.md``), never by loading
rows: the block reads the day column ``Assessment.created_on``, the signal rows
(``AssessmentSignal``) or the funnel records (``QuestionnaireProgress``), never the
answers or summary JSON. The two medians take one more query each, an ORDER BY ...
LIMIT on the same index.

Small numbers are hidden: a count from 1 to ``HAIRTX_INSIGHTS_MIN_COUNT - 1`` is shown
as "fewer than N" in the tables, left out of the charts (drawn as 0 and said so) and
blank in the CSV, and a share or median over fewer than N people is not shown. Zero is
shown: it points to nobody. Every number leaves this module as a ``Cell``, so no caller
can forget the rule.

Where shown numbers add up to a shown total (leanings and weeks to the period's total,
SURE scores, reviewed and not), one hidden number could be worked out by subtraction;
``protect_sums`` then hides one more ("not shown"), the smallest that helps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import get_args

from django.conf import settings
from django.db.models import Count, FloatField, Func, Q, QuerySet
from django.utils import timezone

from assessments import intake, rules
from assessments.models import Assessment, AssessmentSignal, QuestionnaireProgress
from assessments.summary import LEANING_LABELS, NEED_LABELS, Leaning, Need

DEFAULT_DAYS = 90
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

    @property
    def small(self) -> bool:
        return 0 < self.count < self.threshold

    @property
    def suppressed(self) -> bool:
        return self.small or self.protects

    @property
    def shown(self) -> int | None:
        """The number to show or draw, or None when it must stay hidden."""
        return None if self.suppressed else self.count

    def __str__(self) -> str:
        if self.small:
            return f"fewer than {self.threshold}"
        return "not shown" if self.protects else f"{self.count:,}"

    def share_of(self, total: Cell) -> str:
        """This count as a whole-number percentage of ``total``, unless either is hidden."""
        if self.suppressed or total.suppressed or not total.count:
            return "not shown" if (self.suppressed or total.suppressed) else "–"
        return f"{round(100 * self.count / total.count)}%"


def cell(count: int, *, protects: bool = False) -> Cell:
    return Cell(int(count or 0), min_count(), protects)


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


@dataclass(frozen=True)
class Period:
    """Local days ``date_from`` to ``date_to``, both included."""

    date_from: date
    date_to: date

    @classmethod
    def default(cls, today: date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(today - timedelta(days=DEFAULT_DAYS - 1), today)

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    @property
    def weekly(self) -> bool:
        return self.days <= WEEKLY_UP_TO_DAYS

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date_from, time.min))

    @property
    def end(self) -> datetime:
        """The first moment after the period (a half-open range on timestamps)."""
        return timezone.make_aware(datetime.combine(self.date_to + timedelta(days=1), time.min))

    def bucket_of(self, day: date) -> date:
        """The first day of the week (Monday) or month that ``day`` falls in."""
        if self.weekly:
            return day - timedelta(days=day.weekday())
        return day.replace(day=1)

    def buckets(self) -> list[date]:
        """Every bucket in the period, in order, including the empty ones."""
        found, day = [], self.date_from
        while day <= self.date_to:
            bucket = self.bucket_of(day)
            if not found or found[-1] != bucket:
                found.append(bucket)
            day += timedelta(days=1)
        return found

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
    if people.count == 0:
        return "–"
    if people.small:  # a group hidden only to protect another is large enough
        return f"not shown (fewer than {people.threshold} people)"
    return describe_duration(_median_seconds(
        queryset.filter(**{f"{end}__isnull": False}), SecondsBetween(end, start), people.count
    ))


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
    """Assessments per bucket, and per leaning per bucket (one query for both)."""

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


def over_time(period: Period) -> OverTime:
    rows = (
        Assessment.objects.filter(created_on__gte=period.date_from, created_on__lte=period.date_to)
        .values_list("created_on", "leaning").annotate(n=Count("id")).order_by()
    )
    buckets = period.buckets()
    index = {bucket: i for i, bucket in enumerate(buckets)}
    per_leaning: dict[str, list[int]] = {}
    for day, leaning, n in rows:
        counts = per_leaning.setdefault(leaning, [0] * len(buckets))
        counts[index[period.bucket_of(day)]] += n
    keys = leaning_keys(set(per_leaning))
    grid = {key: per_leaning.get(key, [0] * len(buckets)) for key in keys}
    totals = [sum(grid[key][i] for key in keys) for i in range(len(buckets))]
    # The table is a grid with totals on both sides: each row, each column and both
    # lists of totals add up (see protect_sums).
    counts = {("all",): sum(totals)}
    counts |= {("week", i): n for i, n in enumerate(totals)}
    counts |= {("leaning", key): sum(grid[key]) for key in keys}
    counts |= {(key, i): n for key in keys for i, n in enumerate(grid[key])}
    bucket_range = range(len(buckets))
    protected = protect_sums(counts, [
        ([("week", i) for i in bucket_range], ("all",)),
        ([("leaning", key) for key in keys], ("all",)),
        *(([(key, i) for i in bucket_range], ("leaning", key)) for key in keys),
        *(([(key, i) for key in keys], ("week", i)) for i in bucket_range),
    ])

    def protected_cell(key) -> Cell:
        return cell(counts[key], protects=key in protected)

    total = protected_cell(("all",))
    leanings = []
    for key in keys:
        leaning_total = protected_cell(("leaning", key))
        leanings.append(Series(
            key=key, label=LEANING_LABELS.get(key, key.replace("_", " ").capitalize()),
            values=[protected_cell((key, i)) for i in bucket_range], total=leaning_total,
            share=leaning_total.share_of(total),
        ))
    doctor_first = next((s.total for s in leanings if s.key == "doctor_first"), cell(0))
    return OverTime(
        buckets=[period.bucket_label(bucket) for bucket in buckets], bucket_starts=buckets,
        totals=[protected_cell(("week", i)) for i in bucket_range], leanings=leanings,
        total=total, doctor_first=doctor_first,
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
    """
    steps = intake.STEPS
    started_in = QuestionnaireProgress.objects.filter(
        started_at__gte=period.start, started_at__lt=period.end
    )
    # Conditional counts in one pass over the covering index (measured faster on SQLite
    # than GROUP BY furthest_step, which needs a sort).
    aggregates = {"started": Count("id")}
    for step in steps[1:]:
        aggregates[f"step_{step.number}"] = Count("id", filter=Q(furthest_step__gte=step.number))
    aggregates["review"] = Count("id", filter=Q(reached_review_at__isnull=False))
    aggregates["submitted"] = Count("id", filter=Q(submitted_at__isnull=False))
    counts = started_in.aggregate(**aggregates)

    labelled = [(f"Started (step 1: {steps[0].title})", "Started", counts["started"])]
    labelled += [(f"Reached step {s.number}: {s.title}", f"Step {s.number}",
                  counts[f"step_{s.number}"]) for s in steps[1:]]
    labelled += [("Reached the review page", "Review", counts["review"]),
                 ("Submitted", "Submitted", counts["submitted"])]
    started = cell(counts["started"])
    stages, previous = [], None
    for label, short, n in labelled:
        reached = cell(n)
        stages.append(FunnelStage(
            label=label, short=short, reached=reached,
            dropped=None if previous is None else cell(previous - n),
            share_of_started=reached.share_of(started),
        ))
        previous = n
    submitted = cell(counts["submitted"])
    return Funnel(stages=stages, started=started, submitted=submitted,
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
    """Red flags and cautions by rule, most frequent first, and readiness needs."""
    rows = (
        AssessmentSignal.objects
        .filter(created_on__gte=period.date_from, created_on__lte=period.date_to)
        # Grouped in the index's own order (kind, day, code): SQLite streams the groups
        # without a sort; the few thousand day rows are summed here.
        .values_list("kind", "created_on", "code").annotate(n=Count("id")).order_by()
    )
    titles = rule_titles()
    by_kind: dict[str, dict[str, int]] = {kind: {} for kind in AssessmentSignal.Kind.values}
    for kind, _day, code, n in rows:
        codes = by_kind.setdefault(kind, {})
        codes[code] = codes.get(code, 0) + n

    def rule_bars(kind: str) -> list[Bar]:
        found = sorted(by_kind[kind].items(), key=lambda item: (-item[1], item[0]))
        return [Bar(label=f"{code}: {titles.get(code, 'rule no longer in use')}", key=code,
                    value=cell(n), share=cell(n).share_of(total)) for code, n in found]

    needs = [Bar(label=NEED_LABELS[need], key=need, value=cell(by_kind["need"].get(need, 0)),
                 share=cell(by_kind["need"].get(need, 0)).share_of(total))
             for need in get_args(Need)]
    return Signals(red_flags=rule_bars("red_flag"), cautions=rule_bars("caution"), needs=needs)


def sure_scores(period: Period, total: Cell) -> list[Bar]:
    """How many scored 0 to 4 on the SURE test (4: sure on every item)."""
    rows = dict(
        Assessment.objects.filter(created_on__gte=period.date_from, created_on__lte=period.date_to)
        .values_list("sure_score").annotate(n=Count("id")).order_by()
    )
    counts = {score: rows.get(score, 0) for score in range(5)} | {"all": total.count}
    protected = protect_sums(counts, [(list(range(5)), "all")])
    bars = []
    for score in range(5):
        value = cell(counts[score], protects=score in protected)
        bars.append(Bar(label=f"{score} of 4", key=str(score), value=value,
                        share=value.share_of(total)))
    return bars


@dataclass
class Reviews:
    reviewed: Cell
    not_reviewed: Cell
    median_to_review: str

    @property
    def bars(self) -> list[Bar]:
        total = cell(self.reviewed.count + self.not_reviewed.count)
        return [
            Bar("Reviewed by staff", self.reviewed, "reviewed", self.reviewed.share_of(total)),
            Bar("Not yet reviewed", self.not_reviewed, "not_reviewed",
                self.not_reviewed.share_of(total)),
        ]


def reviews(period: Period) -> Reviews:
    submitted_in = Assessment.objects.filter(
        created_on__gte=period.date_from, created_on__lte=period.date_to
    )
    counts = submitted_in.aggregate(
        total=Count("id"), reviewed=Count("id", filter=Q(reviewed_at__isnull=False))
    )
    split = {"reviewed": counts["reviewed"], "not_reviewed": counts["total"] - counts["reviewed"],
             "all": counts["total"]}
    protected = protect_sums(split, [(["reviewed", "not_reviewed"], "all")])
    reviewed = cell(split["reviewed"], protects="reviewed" in protected)
    return Reviews(reviewed=reviewed,
                   not_reviewed=cell(split["not_reviewed"], protects="not_reviewed" in protected),
                   median_to_review=_median_duration(submitted_in, "reviewed_at", "created_at",
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
    time_block = over_time(period)
    return Insights(
        period=period,
        threshold=min_count(),
        over_time=time_block,
        funnel=funnel(period),
        signals=signals(period, time_block.total),
        sure_scores=sure_scores(period, time_block.total),
        reviews=reviews(period),
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
