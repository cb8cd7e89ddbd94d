"""The insights page's cross-query checks (docs/insights.md, "Across queries"), shared by
the page's tests and decision quality's: a reader with the published numbers of many
periods, subtracting one from another."""

from datetime import date, timedelta

from assessments.staff.insights import Period


def nested_differences(first: date, published, *, skip=lambda row: False):
    """Every difference of a published number between two periods one inside the other,
    for periods from any of six weeks' days (every third) to any later one.

    ``published(period)`` gives {row: number}; yields (row, difference, inner, outer).
    """
    days = [first + timedelta(days=n) for n in range(0, 42, 3)]
    reports = {}
    for start in days:
        for end in (d for d in days if d >= start):
            period = Period(start, end)
            key = (period.date_from, period.date_to)
            if key not in reports:
                reports[key] = published(period)
    for (a_from, a_to), inner in reports.items():
        for (b_from, b_to), outer in reports.items():
            if not (b_from <= a_from and a_to <= b_to):
                continue
            for row in inner.keys() | outer.keys():
                if not skip(row):
                    yield (row, outer.get(row, 0) - inner.get(row, 0), (a_from, a_to),
                           (b_from, b_to))
