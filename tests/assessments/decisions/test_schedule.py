"""When the follow-up opens: 3 months after the decision, then 12 months."""

from datetime import date

import pytest

from assessments.decisions.schedule import add_months, next_opening, open_wave


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 15), 3, date(2026, 4, 15)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),   # no 30 February
    (date(2027, 11, 30), 3, date(2028, 2, 29)),   # leap year
    (date(2026, 12, 7), 12, date(2027, 12, 7)),
    (date(2026, 10, 31), 1, date(2026, 11, 30)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


DECIDED = date(2026, 1, 10)


def test_nothing_is_open_before_three_months():
    assert open_wave(decided_on=DECIDED, today=date(2026, 4, 9)) is None
    assert next_opening(decided_on=DECIDED, today=date(2026, 4, 9)) == date(2026, 4, 10)


def test_three_months_opens_on_the_day_and_closes_once_answered():
    assert open_wave(decided_on=DECIDED, today=date(2026, 4, 10)) == 3
    assert open_wave(decided_on=DECIDED, today=date(2026, 9, 1), answered={3}) is None
    assert next_opening(decided_on=DECIDED, today=date(2026, 9, 1)) == date(2027, 1, 10)


def test_twelve_months_is_asked_whether_or_not_three_was_answered():
    assert open_wave(decided_on=DECIDED, today=date(2027, 1, 10), answered={3}) == 12
    # Missed the 3-month one: asked once, at 12 months, not twice.
    assert open_wave(decided_on=DECIDED, today=date(2027, 2, 1)) == 12
    assert open_wave(decided_on=DECIDED, today=date(2027, 2, 1), answered={12}) is None
    assert next_opening(decided_on=DECIDED, today=date(2027, 2, 1)) is None


def test_latest_opened_is_the_last_day_whose_wave_has_opened():
    """Against every decision day, for every "today" of four years (leap years and
    month ends included)."""
    from datetime import timedelta

    from assessments.decisions.schedule import WAVES, latest_opened, wave_opens_on

    start = date(2026, 1, 1)
    for offset in range(4 * 366):
        today = start + timedelta(days=offset)
        for wave in WAVES:
            last = latest_opened(today, wave)
            assert wave_opens_on(last, wave) <= today
            assert wave_opens_on(last + timedelta(days=1), wave) > today
