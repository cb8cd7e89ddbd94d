"""Decision quality on the insights page: shares, options by leaning, SURE then and now,
regret medians and spreads, response rates; small numbers hidden like the rest."""

import csv
import io
from collections import Counter
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.decisions.insights import csv_rows, decision_quality, regret_row
from assessments.decisions.models import FollowUp
from assessments.models import Assessment
from assessments.staff.insights import Period, cell, total_of
from tests.assessments.across_queries import nested_differences
from tests.assessments.factories import make_assessment, make_staff

from .helpers import move_decision_back, record

pytestmark = pytest.mark.django_db

SCORES = [0, 10, 20, 30, 40, 100]  # median 25; middle half 12.5 to 37.5


def _period() -> Period:
    return Period.default()


@pytest.fixture
def clinic():
    """Six PRP decisions answered at 3 months, one finasteride decision, one summary
    without a decision."""
    nurse = make_staff()
    made = []
    for score in SCORES:
        assessment = make_assessment()
        record(assessment, nurse, option="prp")
        move_decision_back(assessment, days=100)
        FollowUp.objects.create(assessment=assessment, wave=3, option="prp", regret_1=1,
                                regret_2=5, regret_3=1, regret_4=5, regret_5=1,
                                regret_score=score, hair_change="same")
        made.append(assessment)
    other = make_assessment()
    record(other, nurse, option="finasteride", sure_sure="no")
    move_decision_back(other, days=100)
    make_assessment()
    return made


def test_shares_options_sure_and_response_rates(clinic, settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 1  # nothing hidden: the numbers themselves
    report = decision_quality(_period())
    assert report.summaries.count == 8
    recorded, not_recorded = report.recorded
    assert (str(recorded.value), recorded.share) == ("7", "88%")
    assert (str(not_recorded.value), not_recorded.share) == ("1", "12%")
    totals = {row.key: str(row.total) for row in report.options}
    assert (totals["prp"], totals["finasteride"], totals["dutasteride"]) == ("6", "1", "0")
    at_summary = {label: str(then) for label, then, _ in report.sure}
    at_decision = {label: str(now) for label, _, now in report.sure}
    assert at_decision == {"0 of 4": "0", "1 of 4": "0", "2 of 4": "0", "3 of 4": "1",
                           "4 of 4": "6"}
    assert sum(int(value) for value in at_summary.values()) == 7
    answered, not_answered, answered_12, _ = report.responses
    assert (answered.label, str(answered.value), answered.share) == (
        "3 months: answered", "6", "86%")  # 6 of the 7 whose 3 months have passed
    assert str(not_answered.value) == "1"
    assert str(answered_12.value) == "0"  # nobody's 12 months have passed


def test_small_numbers_are_hidden_and_cannot_be_worked_out(clinic, settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
    report = decision_quality(_period())
    recorded, not_recorded = report.recorded
    assert str(not_recorded.value) == "fewer than 5"
    assert str(recorded.value) == "not shown"  # else 8 - 7 would give the 1 away
    finasteride = next(row for row in report.options if row.key == "finasteride")
    prp = next(row for row in report.options if row.key == "prp")
    assert str(finasteride.total) == "fewer than 5" and str(prp.total) == "not shown"
    for row in report.options:
        for value in [*row.by_leaning, row.total]:
            assert value.shown is None or value.count == 0 or value.count >= 5
    at_decision = {label: str(now) for label, _, now in report.sure}
    assert at_decision["3 of 4"] == "fewer than 5" and at_decision["4 of 4"] == "not shown"


def test_regret_median_and_spread_by_option(clinic):
    report = decision_quality(_period())
    rows = {row.label: row for row in report.regret_by_option[3]}
    prp = rows["PRP (platelet-rich plasma)"]
    # 6 answered of the 7 whose 3 months have passed: shown, the 6 would give away the
    # one who did not answer; a count hidden only to protect another keeps its median.
    assert (str(prp.answered), prp.median, prp.spread) == ("not shown", "25", "12.5 to 37.5")
    assert rows["Finasteride"].median == "–"  # nobody answered
    everyone = rows["Everyone"]
    assert everyone.median == "25"


def test_regret_hidden_below_the_threshold(settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
    row = regret_row("PRP", cell(4), Counter([0, 20, 40, 60]))
    assert str(row.answered) == "fewer than 5"
    assert row.median == "not shown (fewer than 5 answered)" and row.spread == "not shown"
    assert row.median_value is None
    assert regret_row("PRP", cell(5), Counter([0, 20, 40, 60, 80])).median == "40"
    # Some weeks hidden: the scores would include people the page does not count.
    partial = total_of([cell(3), cell(6)])
    assert regret_row("PRP", partial, Counter([0] * 9)).median.startswith("not shown")


def test_the_page_and_the_csv_show_them_without_small_numbers(client, clinic, settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
    client.force_login(make_staff("manager"))
    page = client.get(reverse("staff:insights")).content.decode()
    assert "Decisions recorded at the visit" in page
    assert "Regret at 3 months, by option chosen" in page
    assert "12.5 to 37.5" in page
    today = timezone.localdate()
    response = client.post(reverse("staff:insights_csv"), {
        "date_from": (today.replace(day=1) if today.day > 1 else today).isoformat(),
        "date_to": today.isoformat()})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    regret = [row for row in rows if row[0] == "regret by option" and row[1] == "3 months"]
    assert ["regret by option", "3 months", "PRP (platelet-rich plasma)", "not shown",
            "median 25; middle half 12.5 to 37.5"] in regret
    finasteride = [row for row in rows if row[0] == "option chosen"
                   and row[2] == "finasteride" and row[1] == "all leanings"]
    assert finasteride == [["option chosen", "all leanings", "finasteride", "fewer than 5", ""]]


def _published(report) -> dict:
    """Every number of the block a staff user can read in the CSV, by row: a shown
    count, or the number of an "at least" count; hidden counts are left out."""
    found = {}
    for section, group, item, count, _share in csv_rows(report):
        count = count.removeprefix("at least ").replace(",", "")
        if count.isdigit():
            found[(section, group, item)] = int(count)
    return found


def _summary_on(day, nurse, option=None, *, answered=False, leaning_answers=None):
    """A summary made on ``day``, with a decision (3 months ago) and its answer if asked."""
    assessment = make_assessment(**(leaning_answers or {}))
    moved = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    Assessment.objects.filter(pk=assessment.pk).update(
        created_on=day, created_at=moved + timedelta(hours=12))
    if option:
        record(assessment, nurse, option=option)
        move_decision_back(assessment, days=100)
    if answered:
        FollowUp.objects.create(assessment=assessment, wave=3, option=option, regret_1=1,
                                regret_2=5, regret_3=2, regret_4=5, regret_5=1,
                                regret_score=5, hair_change="same")


class TestAcrossQueries:
    """The insights page's guarantee (docs/insights.md, "Across queries") for decision
    quality: a reader who subtracts one report from another learns no small count.

    Six weeks; on one day a single finasteride decision, answered, and one summary
    without a decision, among weeks large enough to show."""

    @pytest.fixture(autouse=True)
    def _five(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5

    @pytest.fixture
    def weeks(self):
        nurse = make_staff()
        today = timezone.localdate()
        first = today - timedelta(days=today.weekday(), weeks=6)
        plan = {0: 6, 1: 7, 2: 2, 3: 8, 4: 6, 5: 9}
        for week, decided in plan.items():
            for n in range(decided):
                _summary_on(first + timedelta(weeks=week, days=n % 5), nurse, "prp",
                            answered=n % 3 != 0)
            for n in range(5 if week == 1 else 0):
                _summary_on(first + timedelta(weeks=week, days=n), nurse, "finasteride",
                            answered=True)
            _summary_on(first + timedelta(weeks=week, days=4), nurse)  # no decision
        the_day = first + timedelta(weeks=3, days=2)
        _summary_on(the_day, nurse, "finasteride", answered=True)
        _summary_on(the_day, nurse, "decided_later")
        return first, the_day

    def test_the_one_day_attack_gives_nothing(self, weeks):
        _, the_day = weeks
        start = the_day - timedelta(days=20)
        before = _published(decision_quality(Period(start, the_day - timedelta(days=1))))
        after = _published(decision_quality(Period(start, the_day)))
        assert before == after  # whole weeks: the day's week is in both

    def test_a_period_says_no_more_than_its_weeks(self, weeks):
        first, _ = weeks
        one_week = [_published(decision_quality(
            Period(first + timedelta(weeks=n), first + timedelta(weeks=n)))) for n in range(6)]
        for start in range(6):
            for end in range(start + 1, 6):
                longer = _published(decision_quality(
                    Period(first + timedelta(weeks=start), first + timedelta(weeks=end))))
                for row, number in longer.items():
                    parts = [week.get(row, 0) for week in one_week[start:end + 1]]
                    assert number == sum(parts), (start, end, row)

    def test_no_difference_of_two_periods_is_a_small_count(self, weeks):
        first, _ = weeks
        compared = 0
        for row, difference, inner, outer in nested_differences(
                first, lambda period: _published(decision_quality(period))):
            assert not 0 < difference < 5, (row, inner, outer)
            compared += 1
        assert compared > 1000

    def test_the_weeks_own_small_counts_stay_hidden(self, weeks):
        """The single finasteride answer of the attack's week is nowhere a number."""
        first, the_day = weeks
        week = decision_quality(Period(the_day, the_day))
        finasteride = next(row for row in week.options if row.key == "finasteride")
        assert str(finasteride.total) == "fewer than 5"
        rows = {row.label: row for row in week.regret_by_option[3]}
        assert str(rows["Finasteride"].answered) == "fewer than 5"
        assert rows["Finasteride"].median.startswith("not shown")
        # Over the six weeks, finasteride's total (6) is not a number: a hidden week
        # never enters it ("at least" the shown weeks, or "not shown" when none is).
        whole = decision_quality(Period(first, the_day + timedelta(weeks=2)))
        finasteride = next(row for row in whole.options if row.key == "finasteride")
        assert finasteride.total.shown is None and finasteride.total.partial
