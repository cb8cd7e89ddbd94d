"""Decision quality on the insights page: aggregates only, built from the same ``Cell``,
``protect_sums`` and ``Period`` as the rest of the page (``assessments.staff.insights``),
so whatever small-number protection that module applies applies here too.

Everything is about the summaries made in the period (``Assessment.created_on``), like
the rest of the page: how many got a recorded decision, which options were chosen by
leaning, the SURE score at the summary and at the decision, the regret scores and how
many people answered the follow-up. A regret median and spread are shown only when at
least the threshold number of people answered; the counts beside them are Cells.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from assessments.models import Assessment
from assessments.staff.insights import Bar, Cell, Period, cell, leaning_keys, protect_sums
from assessments.summary import LEANING_LABELS

from . import schedule
from .models import Decision, FollowUp
from .options import CHOSEN_OPTIONS, NOT_A_CHOICE, option_label


def _in(period: Period, prefix: str = "") -> dict:
    return {f"{prefix}created_on__gte": period.date_from,
            f"{prefix}created_on__lte": period.date_to}


def _split(counts: dict, parts: list, total_key) -> dict:
    """Cells for ``parts`` of a total, with one more hidden where a sum would tell."""
    protected = protect_sums(counts, [(parts, total_key)])
    return {key: cell(counts[key], protects=key in protected) for key in [*parts, total_key]}


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


def _recorded(period: Period, summaries: int, decided: int) -> list[Bar]:
    cells = _split({"recorded": decided, "not": summaries - decided, "all": summaries},
                   ["recorded", "not"], "all")
    return [Bar("Decision recorded", cells["recorded"], "recorded",
                cells["recorded"].share_of(cells["all"])),
            Bar("No decision recorded (yet)", cells["not"], "not_recorded",
                cells["not"].share_of(cells["all"]))]


def _options_by_leaning(decisions) -> tuple[list[tuple[str, str]], list[OptionRow], list[Cell]]:
    rows = decisions.values_list("option", "assessment__leaning").annotate(n=Count("id")) \
        .order_by()
    counts: dict = defaultdict(int)
    for option, leaning, n in rows:
        counts[(option, leaning)] += n
        counts[("option", option)] += n
        counts[("leaning", leaning)] += n
    options = list(CHOSEN_OPTIONS) + sorted({o for o, _, _ in rows} - set(CHOSEN_OPTIONS))
    leanings = leaning_keys({leaning for _, leaning, _ in rows})
    for option in options:
        for leaning in leanings:
            counts.setdefault((option, leaning), 0)
        counts.setdefault(("option", option), 0)
    for leaning in leanings:
        counts.setdefault(("leaning", leaning), 0)
    counts["all"] = sum(counts[("option", option)] for option in options)
    # Every row adds up to its option's total, every column to its leaning's total.
    sums = [([(option, leaning) for leaning in leanings], ("option", option))
            for option in options]
    sums += [([(option, leaning) for option in options], ("leaning", leaning))
             for leaning in leanings]
    sums += [([("option", option) for option in options], "all"),
             ([("leaning", leaning) for leaning in leanings], "all")]
    protected = protect_sums(counts, sums)

    def protected_cell(key) -> Cell:
        return cell(counts[key], protects=key in protected)

    table = [OptionRow(option, option_label(option),
                       [protected_cell((option, leaning)) for leaning in leanings],
                       protected_cell(("option", option)))
             for option in options]
    columns = [(leaning, LEANING_LABELS.get(leaning, leaning)) for leaning in leanings]
    return columns, table, [protected_cell(("leaning", leaning)) for leaning in leanings]


def _sure(decisions) -> list[tuple[str, Cell, Cell]]:
    at_summary = dict(decisions.values_list("assessment__sure_score").annotate(n=Count("id"))
                      .order_by())
    at_decision = dict(decisions.values_list("sure_score").annotate(n=Count("id")).order_by())
    total = sum(at_decision.values())
    columns = []
    for counts in (at_summary, at_decision):
        full = {score: counts.get(score, 0) for score in range(5)} | {"all": total}
        columns.append(_split(full, list(range(5)), "all"))
    return [(f"{score} of 4", columns[0][score], columns[1][score]) for score in range(5)]


def _spread(scores: list[int]) -> tuple[float, float]:
    """The middle half of the scores: 25th to 75th percentile."""
    if len(scores) == 1:
        return scores[0], scores[0]
    low, _, high = statistics.quantiles(scores, n=4, method="inclusive")
    return low, high


def _number(value: float) -> str:
    return f"{value:g}"


def regret_row(label: str, scores: list[int]) -> RegretRow:
    """A group's regret, its median and spread shown only for enough people."""
    answered = cell(len(scores))
    if not scores:
        return RegretRow(label, answered, "–", "–")
    if answered.small:
        hidden = f"not shown (fewer than {answered.threshold} answered)"
        return RegretRow(label, answered, hidden, "not shown")
    median = statistics.median(scores)
    low, high = _spread(scores)
    return RegretRow(label, answered, _number(median), f"{_number(low)} to {_number(high)}",
                     median)


def _regret(period: Period) -> tuple[dict[int, list[RegretRow]], dict[int, list[RegretRow]]]:
    rows = FollowUp.objects.filter(**_in(period, "assessment__")).values_list(
        "wave", "option", "assessment__leaning", "regret_score")
    by_option: dict = defaultdict(list)
    by_leaning: dict = defaultdict(list)
    for wave, option, leaning, score in rows:
        by_option[(wave, option)].append(score)
        by_leaning[(wave, leaning)].append(score)
    chosen = [option for option in CHOSEN_OPTIONS if option not in NOT_A_CHOICE]
    options, leanings = {}, {}
    for wave in schedule.WAVES:
        everyone = [score for (w, _), scores in by_option.items() if w == wave for score in scores]
        options[wave] = [regret_row(option_label(option), by_option[(wave, option)])
                         for option in chosen] + [regret_row("Everyone", everyone)]
        answered_leanings = {leaning for (w, leaning) in by_leaning if w == wave}
        leanings[wave] = [regret_row(LEANING_LABELS.get(leaning, leaning),
                                     by_leaning[(wave, leaning)])
                          for leaning in leaning_keys(answered_leanings)]
    return options, leanings


def _responses(period: Period, decisions, today: date) -> list[Bar]:
    """Per wave: of the people whose follow-up has opened, how many answered.

    When a wave opened depends on calendar months, so it is worked out here from each
    decision's day (two queries over the period, no per-row query).
    """
    bars = []
    rows = list(decisions.exclude(option__in=NOT_A_CHOICE)
                .values_list("decided_on", "assessment_id"))
    answered = set(FollowUp.objects.filter(**_in(period, "assessment__"))
                   .values_list("assessment_id", "wave"))
    for wave in schedule.WAVES:
        due = [a for decided_on, a in rows if schedule.wave_opens_on(decided_on, wave) <= today]
        done = sum((a, wave) in answered for a in due)
        cells = _split({"answered": done, "not": len(due) - done, "all": len(due)},
                       ["answered", "not"], "all")
        bars += [Bar(f"{wave} months: answered", cells["answered"], f"{wave}_answered",
                     cells["answered"].share_of(cells["all"])),
                 Bar(f"{wave} months: not answered", cells["not"], f"{wave}_not_answered",
                     cells["not"].share_of(cells["all"]))]
    return bars


def decision_quality(period: Period, *, today: date | None = None) -> DecisionQuality:
    """Every decision-quality block for the summaries made in ``period``."""
    decisions = Decision.objects.filter(**_in(period, "assessment__"))
    summaries = Assessment.objects.filter(**_in(period)).count()
    decided = decisions.count()
    columns, options, leaning_totals = _options_by_leaning(decisions)
    by_option, by_leaning = _regret(period)
    return DecisionQuality(
        summaries=cell(summaries),
        recorded=_recorded(period, summaries, decided),
        leanings=columns,
        options=options,
        leaning_totals=leaning_totals,
        sure=_sure(decisions),
        regret_by_option=by_option,
        regret_by_leaning=by_leaning,
        responses=_responses(period, decisions, today or timezone.localdate()),
        threshold=cell(0).threshold,
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
