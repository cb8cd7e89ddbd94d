"""Decision quality on the insights page: aggregates only, built from the same ``Cell``,
``WeekTable``, ``Period`` and ``total_of`` as the rest of the page
(``assessments.staff.insights``), so the page's small-number rules hold here too,
across date ranges included (docs/insights.md, "Small numbers").

Everything is about the summaries made in the period (``Assessment.created_on``), like
the rest of the page: how many got a recorded decision, which options were chosen by
leaning, the SURE score at the summary and at the decision, the regret scores and how
many people answered the follow-up.

Across queries: every count is taken per calendar week of the summary's day and
protected there (one ``WeekTable``, so one ``protect_sums`` per week sees every sum of
this block: recorded + not recorded = summaries; each option's row and each leaning's
column of the options table; the SURE scores; per wave, answered by option and by
leaning = answered, and answered + not answered = opened). A number for the period is
``total`` of those weekly cells, never a count of its own. A regret median and spread
are shown only when the group's count is a true count (no week of it hidden) of at
least the threshold.

Speed: three grouped queries, none loading rows. Each wave's "has it opened?" is one date
comparison (``schedule.latest_opened``), and the regret medians are worked out from the
number of people per score (0, 5, ..., 100), counted in the database.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from assessments.models import Assessment
from assessments.staff.insights import (
    Bar,
    Cell,
    Period,
    WeekTable,
    leaning_keys,
    min_count,
    monday_of,
)
from assessments.summary import LEANING_LABELS

from . import schedule
from .models import Decision, FollowUp
from .options import CHOSEN_OPTIONS, NOT_A_CHOICE, option_label

SURE_SCORES = range(5)
ALL, RECORDED, NOT_RECORDED = ("all",), ("recorded",), ("not_recorded",)


@dataclass(frozen=True)
class OptionRow:
    key: str
    label: str
    by_leaning: list[Cell]
    total: Cell


@dataclass(frozen=True)
class RegretRow:
    """Regret at one wave for one group: how many answered, and their median and spread."""

    label: str
    answered: Cell
    median: str
    spread: str
    median_value: float | None = None


@dataclass
class DecisionQuality:
    summaries: Cell
    recorded: list[Bar]
    leanings: list[tuple[str, str]]  # (key, label) of the option table's columns
    options: list[OptionRow]
    leaning_totals: list[Cell]
    sure: list[tuple[str, Cell, Cell]]  # (score label, at the summary, at the decision)
    regret_by_option: dict[int, list[RegretRow]]
    regret_by_leaning: dict[int, list[RegretRow]]
    responses: list[Bar]
    threshold: int


# --------------------------------------------------------------------------- counting


def _in(period: Period, prefix: str = "") -> dict:
    return {f"{prefix}created_on__gte": period.date_from,
            f"{prefix}created_on__lte": period.date_to}


@dataclass
class _Counts:
    """What the database gave, folded into weeks: {(Monday, key): count}, the options and
    leanings found, and the regret scores per group."""

    weekly: dict
    options: list[str]
    leanings: list[str]
    scores: dict  # (wave, "option" | "leaning", group) -> Counter of regret scores


def _count(period: Period, today: date) -> _Counts:
    weekly: dict = defaultdict(int)
    mondays: dict[date, date] = {}

    def add(day: date, key, n: int) -> None:
        monday = mondays.get(day) or mondays.setdefault(day, monday_of(day))
        weekly[(monday, key)] += n

    summaries = (Assessment.objects.filter(**_in(period)).values_list("created_on").order_by()
                 .annotate(total=Count("id"), recorded=Count("decision")))
    for day, total, recorded in summaries:
        add(day, ALL, total)
        add(day, RECORDED, recorded)
        add(day, NOT_RECORDED, total - recorded)

    # One pass over the decisions (a join with the summaries), grouped by day, option and
    # leaning: the options table, the SURE scores then and now, and per wave the people
    # whose wave has opened and who have not answered it (one date comparison and one
    # index look-up each). The folding into weeks adds the days' rows up.
    per_group = {f"summary_{s}": Count("id", filter=Q(assessment__sure_score=s))
                 for s in SURE_SCORES}
    per_group |= {f"decision_{s}": Count("id", filter=Q(sure_score=s)) for s in SURE_SCORES}
    for wave in schedule.WAVES:
        answered = FollowUp.objects.filter(assessment_id=OuterRef("assessment_id"), wave=wave)
        per_group[f"waiting_{wave}"] = Count("id", filter=(
            Q(decided_on__lte=schedule.latest_opened(today, wave))
            & ~Q(option__in=NOT_A_CHOICE) & ~Exists(answered)))
    stored_options, stored_leanings = set(), set()
    for row in (Decision.objects.filter(**_in(period, "assessment__"))
                .values("assessment__created_on", "option", "assessment__leaning").order_by()
                .annotate(n=Count("id"), **per_group)):
        day, option, leaning, n = (row["assessment__created_on"], row["option"],
                                   row["assessment__leaning"], row["n"])
        stored_options.add(option)
        stored_leanings.add(leaning)
        for key in (("cell", option, leaning), ("option", option), ("leaning", leaning)):
            add(day, key, n)
        for s in SURE_SCORES:
            add(day, ("sure_summary", s), row[f"summary_{s}"])
            add(day, ("sure_decision", s), row[f"decision_{s}"])
        for wave in schedule.WAVES:
            add(day, ("not_answered", wave), row[f"waiting_{wave}"])
            add(day, ("opened", wave), row[f"waiting_{wave}"])

    # One pass over the answers (a join with the summaries) gives every grouping of
    # them: per day by option and by leaning, and the scores per group for the medians.
    # Every answer was given once its wave had opened, so it counts as opened too.
    scores: dict = defaultdict(Counter)
    for day, wave, option, leaning, score, n in (
        FollowUp.objects.filter(**_in(period, "assessment__"), wave__in=schedule.WAVES)
        .values_list("assessment__created_on", "wave", "option", "assessment__leaning",
                     "regret_score")
        .annotate(n=Count("id")).order_by()
    ):
        stored_options.add(option)
        stored_leanings.add(leaning)
        for key in (("answered_option", wave, option), ("answered", wave), ("opened", wave),
                    ("answered_leaning", wave, leaning)):
            add(day, key, n)
        scores[(wave, "option", option)][score] += n
        scores[(wave, "leaning", leaning)][score] += n
    options = list(CHOSEN_OPTIONS) + sorted(stored_options - set(CHOSEN_OPTIONS))
    return _Counts(weekly, options, leaning_keys(stored_leanings), scores)


def _weeks(period: Period, counts: _Counts) -> WeekTable:
    """The block's counts per week, each week protected with every sum among them."""
    options, leanings, waves = counts.options, counts.leanings, schedule.WAVES
    # The finest sums first: a count hidden to protect another is then one of the table's
    # cells rather than a total that several other sums lean on.
    sums = [([("cell", o, lean) for lean in leanings], ("option", o)) for o in options]
    sums += [([("cell", o, lean) for o in options], ("leaning", lean)) for lean in leanings]
    sums += [([("option", o) for o in options], RECORDED),
             ([("leaning", lean) for lean in leanings], RECORDED),
             ([("sure_summary", s) for s in SURE_SCORES], RECORDED),
             ([("sure_decision", s) for s in SURE_SCORES], RECORDED),
             ([RECORDED, NOT_RECORDED], ALL)]
    for wave in waves:
        sums += [([("answered_option", wave, o) for o in options], ("answered", wave)),
                 ([("answered_leaning", wave, lean) for lean in leanings], ("answered", wave)),
                 ([("answered", wave), ("not_answered", wave)], ("opened", wave))]
    keys = {key for parts, total in sums for key in (*parts, total)}
    weeks: dict[date, dict] = {monday: dict.fromkeys(keys, 0) for monday in period.weeks()}
    for (monday, key), n in counts.weekly.items():
        weeks[monday][key] += n
    return WeekTable(weeks, sums)


# --------------------------------------------------------------------------- the blocks


def _bars(weeks: WeekTable, parts: list[tuple[str, object, str]], whole) -> list[Bar]:
    total = weeks.total(whole)
    bars = []
    for label, key, name in parts:
        value = weeks.total(key)
        bars.append(Bar(label, value, name, value.share_of(total)))
    return bars


def _spread(scores: list[int]) -> tuple[float, float]:
    """The middle half of the scores: 25th to 75th percentile."""
    if len(scores) == 1:
        return scores[0], scores[0]
    low, _, high = statistics.quantiles(scores, n=4, method="inclusive")
    return low, high


def _number(value: float) -> str:
    return f"{value:g}"


def regret_row(label: str, answered: Cell, scores: Counter) -> RegretRow:
    """A group's regret; its median and spread only when ``answered`` is a true count of
    at least the threshold (a group hidden only to protect another is large enough)."""
    if answered.count == 0 and not answered.partial:
        return RegretRow(label, answered, "–", "–")
    if answered.small:
        return RegretRow(label, answered,
                         f"not shown (fewer than {answered.threshold} answered)", "not shown")
    if answered.partial:  # the scores would include people of a hidden week
        return RegretRow(label, answered, "not shown (some weeks have fewer than "
                         f"{answered.threshold} answered)", "not shown")
    values = sorted(scores.elements())
    median = statistics.median(values)
    low, high = _spread(values)
    return RegretRow(label, answered, _number(median), f"{_number(low)} to {_number(high)}",
                     median)


def _regret(weeks: WeekTable, counts: _Counts
            ) -> tuple[dict[int, list[RegretRow]], dict[int, list[RegretRow]]]:
    chosen = [option for option in counts.options if option not in NOT_A_CHOICE]

    def row(wave: int, label: str, key, group: str, values: list[str]) -> RegretRow:
        scores = sum((counts.scores[(wave, group, value)] for value in values), Counter())
        return regret_row(label, weeks.total(key), scores)

    by_option, by_leaning = {}, {}
    for wave in schedule.WAVES:
        by_option[wave] = [row(wave, option_label(o), ("answered_option", wave, o), "option",
                               [o]) for o in chosen]
        by_option[wave].append(row(wave, "Everyone", ("answered", wave), "option", chosen))
        leaning_rows = [row(wave, LEANING_LABELS.get(lean, lean),
                            ("answered_leaning", wave, lean), "leaning", [lean])
                        for lean in counts.leanings]
        # Only the leanings someone answered from (a hidden count may hide one).
        by_leaning[wave] = [r for r in leaning_rows if r.answered.count or r.answered.suppressed]
    return by_option, by_leaning


def decision_quality(period: Period, *, today: date | None = None) -> DecisionQuality:
    """Every decision-quality block for the summaries made in ``period``."""
    counts = _count(period, today or timezone.localdate())
    weeks = _weeks(period, counts)
    options = [OptionRow(o, option_label(o),
                         [weeks.total(("cell", o, lean)) for lean in counts.leanings],
                         weeks.total(("option", o)))
               for o in counts.options]
    by_option, by_leaning = _regret(weeks, counts)
    responses = []
    for wave in schedule.WAVES:
        responses += _bars(weeks, [(f"{wave} months: answered", ("answered", wave),
                                    f"{wave}_answered"),
                                   (f"{wave} months: not answered", ("not_answered", wave),
                                    f"{wave}_not_answered")], ("opened", wave))
    return DecisionQuality(
        summaries=weeks.total(ALL),
        recorded=_bars(weeks, [("Decision recorded", RECORDED, "recorded"),
                               ("No decision recorded (yet)", NOT_RECORDED, "not_recorded")],
                       ALL),
        leanings=[(lean, LEANING_LABELS.get(lean, lean)) for lean in counts.leanings],
        options=options,
        leaning_totals=[weeks.total(("leaning", lean)) for lean in counts.leanings],
        sure=[(f"{s} of 4", weeks.total(("sure_summary", s)), weeks.total(("sure_decision", s)))
              for s in SURE_SCORES],
        regret_by_option=by_option,
        regret_by_leaning=by_leaning,
        responses=responses,
        threshold=min_count(),
    )


def csv_rows(report: DecisionQuality) -> list[list[str]]:
    """The decision-quality tables in the insights CSV's shape: section, group, item,
    count, share (a regret row puts its median and spread in the last column)."""
    rows = [["decision recorded", "whole period", bar.label, str(bar.value), bar.share]
            for bar in report.recorded]
    for row in report.options:
        for (_, leaning), value in zip(report.leanings, row.by_leaning):
            rows.append(["option chosen", leaning, row.key, str(value), ""])
        rows.append(["option chosen", "all leanings", row.key, str(row.total), ""])
    for label, at_summary, at_decision in report.sure:
        rows.append(["SURE at the summary", "with a decision", label, str(at_summary), ""])
        rows.append(["SURE at the decision", "with a decision", label, str(at_decision), ""])
    for name, groups in (("regret by option", report.regret_by_option),
                         ("regret by leaning", report.regret_by_leaning)):
        for wave, regret_rows in groups.items():
            for row in regret_rows:
                rows.append([name, f"{wave} months", row.label, str(row.answered),
                             f"median {row.median}; middle half {row.spread}"])
    rows += [["follow-up response", "whole period", bar.label, str(bar.value), bar.share]
             for bar in report.responses]
    return rows
