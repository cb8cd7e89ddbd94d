"""When the patient is asked how the decision went: 3 and 12 months after it.

A wave opens on the same day of the month, so many months after the decision (the last
day of a shorter month when that day does not exist). The 3-month wave stays open until
the 12-month one opens; the 12-month wave stays open until the summary itself is deleted
(``HAIRTX_RETENTION_DAYS`` after it was made, so only where that is longer than a year).
Each wave is answered once.
"""

import calendar
from collections.abc import Collection
from datetime import date, timedelta

WAVES: tuple[int, ...] = (3, 12)  # months after the decision
FIRST_WAVE = WAVES[0]


def add_months(day: date, months: int) -> date:
    """``day`` moved on by ``months`` calendar months (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def wave_opens_on(decided_on: date, wave: int) -> date:
    return add_months(decided_on, wave)


def latest_opened(today: date, wave: int) -> date:
    """The last decision day whose ``wave`` has opened by ``today``.

    ``add_months`` never goes backwards, so a wave has opened exactly for the decisions
    made on or before this day: the insights count them with one date comparison in the
    database instead of working out every decision's opening day.
    """
    day = add_months(today, -wave)
    # Month ends: 30 Nov + 3 months is 28 Feb too, so later days may also have opened.
    while add_months(day + timedelta(days=1), wave) <= today:
        day += timedelta(days=1)
    return day


def open_wave(*, decided_on: date, today: date, answered: Collection[int] = ()) -> int | None:
    """The wave (in months) the patient may answer today, or None.

    The latest wave that has opened counts: a patient who missed the 3-month one is
    asked once at 12 months, not twice.
    """
    opened = [wave for wave in WAVES if wave_opens_on(decided_on, wave) <= today]
    if not opened or opened[-1] in answered:
        return None
    return opened[-1]


def next_opening(*, decided_on: date, today: date) -> date | None:
    """The day the next wave opens, if one is still to come."""
    coming = [wave_opens_on(decided_on, wave) for wave in WAVES]
    return next((day for day in coming if day > today), None)
