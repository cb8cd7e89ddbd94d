"""Clinic insights: numbers against counts made another way, hiding small numbers,
access by role, downloads (CSV, PDF) and their audit, and the funnel records."""

import csv
import io
import re
import statistics
from collections import Counter
from datetime import timedelta
from typing import get_args

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from assessments import intake, rules
from assessments.models import (
    Assessment,
    AssessmentSignal,
    AuditEvent,
    Draft,
    QuestionnaireProgress,
)
from assessments.services import assessment_submit, draft_save_step, draft_start
from assessments.staff import charts, insights
from assessments.staff.insights import Period
from assessments.summary import Leaning
from tests.assessments.across_queries import nested_differences
from tests.assessments.factories import (
    RED_FLAG,
    make_assessment,
    make_staff,
    make_user,
    valid_answers,
)

pytestmark = pytest.mark.django_db

INSIGHTS = reverse("staff:insights")
CSV_URL = reverse("staff:insights_csv")
PDF_URL = reverse("staff:insights_pdf")


def _has_cell(html: str, value) -> bool:
    """A number cell showing exactly this value (cells may carry a column label)."""
    return re.search(rf'<td class="num"[^>]*>{re.escape(str(value))}</td>', html) is not None

# Answer sets that give different leanings, red flags, cautions and SURE scores.
VARIANTS = [
    {},
    RED_FLAG,
    {"sure_understand": "no"},
    {"sure_sure": "no", "sure_encouragement": "no"},
    {"smoking": "yes"},
    {"goal": "regrow_some_hair"},
]


def period_today() -> Period:
    return Period.default()


@pytest.fixture
def fixture_data():
    """A varied set: each variant 1 to 6 times, some reviewed at known delays."""
    made = []
    for times, overrides in enumerate(VARIANTS, start=1):
        for _ in range(times):
            made.append(make_assessment(**overrides))
    now = timezone.now()
    for hours, assessment in zip((2, 5, 9, 30, 50), made[::3]):
        Assessment.objects.filter(pk=assessment.pk).update(
            reviewed_at=assessment.created_at + timedelta(hours=hours), reviewed_by=None)
    assert all(a.created_at <= now for a in made)
    return made


def summaries() -> list[dict]:
    return [a.summary for a in Assessment.objects.all()]


class TestNumbersMatchAnotherCount:
    """min count 1: nothing hidden, every number must equal a count made in Python."""

    @pytest.fixture(autouse=True)
    def _show_everything(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 1

    def test_totals_and_leanings(self, fixture_data):
        report = insights.insights_for(period_today())
        expected = Counter(s["leaning"] for s in summaries())
        assert report.over_time.total.count == len(fixture_data) == 21
        assert sum(c.count for c in report.over_time.totals) == 21
        got = {series.key: series.total.count for series in report.over_time.leanings}
        assert {k: v for k, v in got.items() if v} == dict(expected)
        assert report.over_time.doctor_first.count == expected.get("doctor_first", 0)

    def test_red_flags_cautions_and_needs(self, fixture_data):
        report = insights.insights_for(period_today())
        red, caution, needs = Counter(), Counter(), Counter()
        for summary in summaries():
            red.update({item["rule"] for item in summary["red_flags"]})
            items = [i for option in summary["options"].values() for side in option.values()
                     for i in side]
            items += summary["also_discuss"] + summary["questions_to_ask"]
            items += summary["to_bring"] + summary["expectations"]
            caution.update({i["rule"] for i in items if i["severity"] in ("caution", "stop")})
            needs.update(summary["decision_readiness"]["needs"])
        assert {b.key: b.value.count for b in report.signals.red_flags} == dict(red)
        assert {b.key: b.value.count for b in report.signals.cautions} == dict(caution)
        assert red, "the fixture must make at least one red flag fire"
        assert {b.key: b.value.count for b in report.signals.needs if b.value.count} == dict(needs)
        titles = {rule.id: rule.title for rule in rules.RULES}
        for bar in report.signals.red_flags:
            assert bar.label == f"{bar.key}: {titles[bar.key]}"

    def test_sure_scores(self, fixture_data):
        report = insights.insights_for(period_today())
        expected = Counter(s["decision_readiness"]["sure_score"] for s in summaries())
        assert {int(b.key): b.value.count for b in report.sure_scores if b.value.count} == dict(
            expected)

    def test_reviews_and_median(self, fixture_data):
        report = insights.insights_for(period_today())
        reviewed = Assessment.objects.filter(reviewed_at__isnull=False)
        delays = [(a.reviewed_at - a.created_at).total_seconds() for a in reviewed]
        assert report.reviews.reviewed.count == len(delays) == 5
        assert report.reviews.not_reviewed.count == 16
        assert report.reviews.median_to_review == insights.describe_duration(
            statistics.median(delays)) == "9.0 hours"

    def test_the_page_shows_the_same_numbers(self, client, fixture_data):
        client.force_login(make_staff())
        html = client.get(INSIGHTS).content.decode()
        red_total = Assessment.objects.filter(has_red_flags=True).count()
        assert "<strong>21</strong> assessments submitted" in html
        assert _has_cell(html, red_total)

    def test_a_date_range_counts_only_its_days(self, fixture_data):
        old = fixture_data[0]
        Assessment.objects.filter(pk=old.pk).update(
            created_at=old.created_at - timedelta(days=200),
            created_on=old.created_on - timedelta(days=200))
        AssessmentSignal.objects.filter(assessment=old).update(
            created_on=old.created_on - timedelta(days=200))
        assert insights.insights_for(period_today()).over_time.total.count == 20
        long = Period(old.created_on - timedelta(days=300), timezone.localdate())
        report = insights.insights_for(long)
        assert report.over_time.total.count == 21
        assert not long.weekly and report.period.bucket_name == "month"


def test_periods_and_buckets():
    from datetime import date

    # Any two dates are widened to whole weeks, Monday to Sunday.
    period = Period(date(2025, 12, 20), date(2026, 1, 10))
    assert (period.date_from, period.date_to) == (date(2025, 12, 15), date(2026, 1, 11))
    assert period.weekly and period.days == 28
    assert period.buckets() == period.weeks() == [
        date(2025, 12, 15), date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5)]
    assert period.bucket_label(date(2025, 12, 15)) == "15 Dec 2025"
    # Long periods count per month: the weeks that start in it.
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    assert (year.date_from, year.date_to) == (date(2024, 12, 30), date(2026, 1, 4))
    assert not year.weekly and year.buckets()[:2] == [date(2024, 12, 1), date(2025, 1, 1)]
    assert len(year.buckets()) == 13 and year.bucket_of(date(2026, 1, 4)) == date(2025, 12, 1)
    assert year.bucket_label(date(2025, 3, 1)) == "Mar 2025"
    default = Period.default(date(2026, 12, 2))  # a Wednesday: its week ends on Sunday 6th
    assert (default.date_from, default.date_to) == (date(2026, 9, 7), date(2026, 12, 6))
    assert len(default.weeks()) == 13


def test_leanings_come_from_the_summary_contract():
    assert insights.leaning_keys()[: len(get_args(Leaning))] == list(get_args(Leaning))
    assert "standard_first" in insights.leaning_keys()  # ruleset 2026.12, no code change here
    # A value stored by other rules still shows, after the known ones.
    assert insights.leaning_keys({"some_future_leaning", "prp"})[-1] == "some_future_leaning"


def test_a_stored_leaning_the_code_does_not_know_yet_is_counted(settings):
    settings.HAIRTX_INSIGHTS_MIN_COUNT = 1
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(leaning="some_future_leaning")
    series = {s.key: s for s in insights.over_time(period_today()).leanings}
    assert series["some_future_leaning"].total.count == 1
    assert series["some_future_leaning"].label == "Some future leaning"


class TestSmallNumbers:
    def test_cells(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
        assert str(insights.cell(0)) == "0"
        assert str(insights.cell(4)) == "fewer than 5" and insights.cell(4).shown is None
        assert str(insights.cell(5)) == "5"
        assert insights.cell(3).share_of(insights.cell(100)) == "not shown"
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 10
        assert str(insights.cell(9)) == "fewer than 10"

    def test_hidden_on_page_csv_and_pdf(self, client, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
        for _ in range(3):  # through a started draft, so the funnel counts them
            draft = draft_start()
            draft.answers = valid_answers(**RED_FLAG)
            draft.save()
            assessment_submit(draft=draft)
        for _ in range(6):
            make_assessment()
        report = insights.insights_for(period_today())
        flag = report.signals.red_flags[0]
        assert flag.value.count == 3 and str(flag.value) == "fewer than 5"
        assert report.over_time.total.count == 9 and str(report.over_time.total) == "9"
        # The median needs 5 people too.
        assert report.reviews.median_to_review == "–"
        assert report.funnel.median_to_finish.startswith("not shown")

        client.force_login(make_staff())
        html = client.get(INSIGHTS).content.decode()
        assert _has_cell(html, "fewer than 5")
        assert not _has_cell(html, 3)
        # The only bar is hidden: no chart ("No data" on a 0-1 axis), a sentence instead.
        chart = charts.charts_for(report)["red_flags"]
        assert not chart.drawn and chart.svg == "" and "below 5" in chart.words
        assert chart.words in html

        period = {"date_from": report.period.date_from.isoformat(),
                  "date_to": report.period.date_to.isoformat()}
        rows = list(csv.reader(io.StringIO(client.post(CSV_URL, period).content.decode())))
        assert rows[0] == ["section", "group", "item", "count", "share"]
        this_week = insights.Period.default().bucket_of(timezone.localdate())
        assert ["assessments", f"week of {this_week.isoformat()}", "all", "9", ""] in rows
        flag_rows = [r for r in rows if r[0] == "red flag"]
        assert flag_rows and all(r[3] == "fewer than 5" for r in flag_rows)
        assert not any(r[3] in {"1", "2", "3", "4"} for r in rows[1:])

        pdf = client.post(PDF_URL, period)
        assert pdf["Content-Type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
        assert "fewer than 5" in text and "Red flags" in text


def peel(counts: dict, sums: list, hidden: set) -> set:
    """What someone reading the tables can work out: any sum with one unknown gives it."""
    known = set(counts) - hidden
    progress = True
    while progress:
        progress = False
        for parts, total in sums:
            unknown = [key for key in [*parts, total] if key not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                progress = True
    return known & hidden


class TestNoSubtraction:
    """Secondary suppression: a hidden count never follows from a total and the others."""

    @pytest.fixture(autouse=True)
    def _five(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5

    def test_one_small_count_takes_the_smallest_non_zero_other_with_it(self):
        counts = {"a": 3, "b": 0, "c": 40, "d": 9, "all": 52}
        sums = [(["a", "b", "c", "d"], "all")]
        assert insights.protect_sums(counts, sums) == {"d"}
        assert peel(counts, sums, {"a", "d"}) == set()

    def test_two_small_counts_need_nothing_more(self):
        counts = {"a": 3, "b": 2, "c": 40, "all": 45}
        assert insights.protect_sums(counts, [(["a", "b", "c"], "all")]) == set()

    @pytest.mark.parametrize("grid", [
        [[3, 10, 0], [20, 30, 7]],
        [[1, 0, 0], [0, 0, 0], [50, 60, 70]],
        [[4, 4, 4, 4], [9, 9, 9, 9]],
        [[2, 12], [30, 1], [0, 8]],
    ])
    def test_grids_with_both_totals(self, grid):
        rows, cols = range(len(grid)), range(len(grid[0]))
        counts = {(r, c): grid[r][c] for r in rows for c in cols}
        counts |= {("row", r): sum(grid[r]) for r in rows}
        counts |= {("col", c): sum(grid[r][c] for r in rows) for c in cols}
        counts["all"] = sum(map(sum, grid))
        sums = [([("row", r) for r in rows], "all"), ([("col", c) for c in cols], "all")]
        sums += [([(r, c) for c in cols], ("row", r)) for r in rows]
        sums += [([(r, c) for r in rows], ("col", c)) for c in cols]
        small = {key for key, n in counts.items() if 0 < n < 5}
        hidden = small | insights.protect_sums(counts, sums)
        assert peel(counts, sums, hidden) == set()

    def test_the_page_and_csv_hide_the_count_that_would_give_a_small_one_away(self, client):
        for _ in range(3):
            make_assessment(**RED_FLAG)
        for _ in range(6):
            make_assessment()
        report = insights.insights_for(period_today())
        shown = [s for s in report.over_time.leanings if s.total.count]
        assert {s.key for s in shown} == {"doctor_first", "standard_first"}
        by_key = {s.key: s for s in shown}
        assert str(by_key["doctor_first"].total) == "fewer than 5"
        assert str(by_key["standard_first"].total) == "not shown"
        assert by_key["standard_first"].share == "not shown"
        assert str(report.over_time.total) == "9"

        client.force_login(make_staff())
        period = {"date_from": report.period.date_from.isoformat(),
                  "date_to": report.period.date_to.isoformat()}
        rows = list(csv.reader(io.StringIO(client.post(CSV_URL, period).content.decode())))
        leaning_rows = [r for r in rows if r[0] == "leaning" and r[3] not in ("0", "")]
        assert leaning_rows and all(r[3] in ("fewer than 5", "not shown") for r in leaning_rows)
        html = client.get(INSIGHTS).content.decode()
        assert not _has_cell(html, 6) and "not shown" in html


def _move(assessment, day) -> None:
    """Put an assessment (and its signal rows) on another local day."""
    moved = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    Assessment.objects.filter(pk=assessment.pk).update(
        created_on=day, created_at=moved + timedelta(hours=12))
    AssessmentSignal.objects.filter(assessment=assessment).update(created_on=day)


def _start_questionnaire(day, furthest_step: int) -> None:
    draft = draft_start()
    moved = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    QuestionnaireProgress.objects.filter(pk=draft.progress_id).update(
        started_at=moved + timedelta(hours=12), furthest_step=furthest_step)


def _published(report) -> dict:
    """Every number a staff user can read in the CSV for this period, by row: a shown
    count, or the number of an "at least" count; hidden counts are left out."""
    found = {}
    for section, group, item, count, _share in insights.csv_rows(report)[1:]:
        if section.startswith(("assessments", "leaning")) and group != "whole period":
            continue  # per-bucket rows: their labels depend on the period
        count = count.removeprefix("at least ").replace(",", "")
        if count.isdigit():
            found[(section, group, item)] = int(count)
    return found


class TestAcrossQueries:
    """Issue 22, finding 2: a reader who subtracts one report from another.

    Six weeks of data; one day holds a single red flag and two doctor-first summaries
    among other weeks that are large enough to show."""

    @pytest.fixture(autouse=True)
    def _five(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5

    @pytest.fixture
    def weeks(self):
        today = timezone.localdate()
        first = today - timedelta(days=today.weekday(), weeks=6)
        plan = {0: [{}] * 6, 1: [{}] * 7 + [{"goal": "regrow_some_hair"}] * 5,
                2: [{}] * 2, 3: [{}] * 8, 4: [{}] * 6 + [RED_FLAG], 5: [{}] * 9}
        for week, answer_sets in plan.items():
            for n, overrides in enumerate(answer_sets):
                _move(make_assessment(**overrides), first + timedelta(weeks=week, days=n % 5))
        # The attack: on one day, one red flag and two doctor-first summaries.
        the_day = first + timedelta(weeks=3, days=2)
        for overrides in (RED_FLAG, {"pregnancy": "pregnant_now"}):
            _move(make_assessment(**overrides), the_day)
        for week in range(6):
            for furthest in (1, 2, 3, 3, 3, 4, 5)[: 7 - week]:
                _start_questionnaire(first + timedelta(weeks=week, days=1), furthest)
        return first, the_day

    def test_the_one_day_attack_gives_nothing(self, weeks):
        first, the_day = weeks
        start = the_day - timedelta(days=20)
        before = _published(insights.insights_for(Period(start, the_day - timedelta(days=1))))
        after = _published(insights.insights_for(Period(start, the_day)))
        # The day's week is in both periods (whole weeks), so the reports are the same.
        assert before == after

    def test_a_period_says_no_more_than_its_weeks(self, weeks):
        """Any period's numbers are the sums of the numbers of its one-week reports: a
        reader who has every one-week report learns nothing new from any longer one."""
        first, _ = weeks
        one_week = [_published(insights.insights_for(
            Period(first + timedelta(weeks=n), first + timedelta(weeks=n)))) for n in range(6)]
        for start in range(6):
            for end in range(start + 1, 6):
                longer = _published(insights.insights_for(
                    Period(first + timedelta(weeks=start), first + timedelta(weeks=end))))
                for row, number in longer.items():
                    if row[0] == "funnel" and row[1] == "median time to finish":
                        continue
                    parts = [week.get(row, 0) for week in one_week[start:end + 1]]
                    assert number == sum(parts), (start, end, row)

    def test_no_difference_of_two_periods_is_a_small_count(self, weeks):
        """Every pair of periods one inside the other, from any day to any day."""
        first, _ = weeks
        for row, difference, inner, outer in nested_differences(
                first, lambda period: _published(insights.insights_for(period)),
                skip=lambda row: "median" in row[1]):
            assert not 0 < difference < 5, (row, inner, outer)

    def test_the_funnel_drop_off_is_not_the_difference_of_two_shown_counts(self, weeks):
        first, _ = weeks
        for n in range(6):
            monday = first + timedelta(weeks=n)
            stages = insights.funnel(Period(monday, monday + timedelta(days=6))).stages
            assert stages[0].reached.count == 7 - n
            for before, stage in zip(stages, stages[1:]):
                if stage.dropped.small:
                    assert before.reached.shown is None or stage.reached.shown is None


class TestAccess:
    def test_anonymous_go_to_login(self, client):
        for url in (INSIGHTS,):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("staff:login"))
        assert client.post(CSV_URL).status_code == 302

    def test_other_users_get_403(self, client):
        client.force_login(make_user("visitor", is_staff=True))
        assert client.get(INSIGHTS).status_code == 403
        assert client.post(CSV_URL).status_code == 403
        assert client.post(PDF_URL).status_code == 403

    def test_clinic_staff_and_clinical_reviewers_see_it(self, client):
        client.force_login(make_staff())
        response = client.get(INSIGHTS)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
        reviewer = make_user("derm", group="Clinical reviewers")
        client.force_login(reviewer)
        response = client.get(INSIGHTS)
        assert response.status_code == 200
        # Aggregates only: a reviewer does not get the list of single assessments.
        assert client.get(reverse("staff:list")).status_code == 403
        assert ">Assessments</a>" not in response.content.decode()  # not in the staff menu

    def test_the_reviewers_group_is_found_by_name(self):
        group = Group.objects.get(name="Clinical reviewers")
        assert group.permissions.filter(codename="view_insights").exists()
        assert Group.objects.get(name="Clinic staff").permissions.filter(
            codename="view_insights").exists()

    def test_downloads_need_post_and_csrf(self, settings):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(make_staff())
        assert client.get(CSV_URL).status_code == 405
        assert client.get(PDF_URL).status_code == 405
        assert client.post(CSV_URL, {}).status_code == 403  # no CSRF token


class TestDownloads:
    def test_csv_and_pdf_are_audited_with_their_range(self, client):
        make_assessment()
        user = make_staff()
        client.force_login(user)
        data = {"date_from": "2026-09-01", "date_to": "2026-11-30"}
        csv_response = client.post(CSV_URL, data)
        assert csv_response.status_code == 200
        # The range is widened to whole weeks, and the file and audit say which.
        assert "hairtx-insights-2026-08-31-to-2026-12-06.csv" in csv_response[
            "Content-Disposition"]
        pdf_response = client.post(PDF_URL, data)
        assert pdf_response.status_code == 200 and pdf_response.content.startswith(b"%PDF")
        events = AuditEvent.objects.filter(actor=user).order_by("id")
        assert [e.action for e in events] == ["insights_csv", "insights_pdf"]
        assert all(e.detail == "insights 2026-08-31 to 2026-12-06" for e in events)

    def test_a_pdf_that_cannot_be_made_gives_a_clear_503_and_no_audit(self, client):
        from unittest import mock

        from assessments.pdf import PdfRenderError

        user = make_staff()
        client.force_login(user)
        data = {"date_from": "2026-09-01", "date_to": "2026-11-30"}
        with mock.patch("assessments.staff.insights_views.render_insights_pdf",
                        side_effect=PdfRenderError("boom")):
            response = client.post(PDF_URL, data)
        assert response.status_code == 503 and response["Retry-After"] == "60"
        assert "try again" in response.content.decode().lower()
        assert not AuditEvent.objects.filter(actor=user).exists()

    def test_bad_dates_get_a_clear_message(self, client):
        client.force_login(make_staff())
        response = client.get(INSIGHTS, {"date_from": "2026-12-01", "date_to": "2026-11-01"})
        assert response.status_code == 400
        assert "must be the same as or after" in response.content.decode()
        response = client.get(INSIGHTS, {"date_from": "yesterday"})
        assert response.status_code == 400 and "Enter a real date" in response.content.decode()
        response = client.post(CSV_URL, {"date_from": "2020-01-01", "date_to": "2026-01-01"})
        assert response.status_code == 400 and "three years" in response.content.decode()
        assert not AuditEvent.objects.exists()

    @pytest.mark.parametrize("dates", [
        {"date_to": "9999-12-31"}, {"date_to": "0001-01-01"}, {"date_from": "0001-01-01"},
        {"date_from": "9999-12-25", "date_to": "9999-12-31"},
        {"date_from": "2026-01-01", "date_to": "9999-12-31"},
    ])
    def test_dates_out_of_range_get_a_message_not_a_500(self, client, dates):
        """Issue 22, finding 3: date arithmetic near date.min/max used to overflow."""
        client.force_login(make_staff())
        for response in (client.get(INSIGHTS, dates), client.post(CSV_URL, dates),
                         client.post(PDF_URL, dates)):
            assert response.status_code == 400
            assert "Enter a date from 2000-01-01 to 2099-12-31." in response.content.decode()
        assert not AuditEvent.objects.exists()


class TestCharts:
    def test_svg_has_no_script_or_handlers(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 1
        make_assessment(**RED_FLAG)
        drawn = [chart for chart in charts.charts_for(insights.insights_for(period_today())).values()
                 if chart.drawn]
        assert drawn
        for chart in drawn:
            assert "<script" not in chart.svg and " on" not in chart.svg.replace(" one", "")
            assert chart.data_uri.startswith("data:image/svg+xml;base64,")
            assert chart.alt

    def test_colours_pass_contrast_against_white(self):
        def luminance(hex_colour: str) -> float:
            channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
            linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                      for c in channels]
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

        for colour in (*charts.PALETTE, charts.TEXT):
            assert 1.05 / (luminance(colour) + 0.05) >= 7, colour  # so white on it too
        assert len(set(charts.HATCHES)) == len(charts.HATCHES) >= len(get_args(Leaning))


class TestFunnelRecords:
    def test_walking_the_questionnaire_moves_the_funnel(self, client, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 1
        client.post(reverse("assessments:start"))
        draft = Draft.objects.get()
        progress = QuestionnaireProgress.objects.get()
        assert draft.progress == progress and progress.furthest_step == 1
        answers = valid_answers()
        for step in intake.STEPS:
            draft.refresh_from_db()
            draft_save_step(draft=draft, step=step, reached=min(step.number + 1,
                                                                len(intake.STEPS)),
                            step_answers={q.key: answers[q.key] for q in step.questions
                                          if q.key in answers})
            progress.refresh_from_db()
            assert progress.furthest_step == min(step.number + 1, len(intake.STEPS))
        assert client.get(reverse("assessments:review")).status_code == 200
        progress.refresh_from_db()
        assert progress.reached_review_at is not None and progress.submitted_at is None
        response = client.post(reverse("assessments:review"), {"draft": draft.token})
        assert response.status_code == 302
        # The draft is no longer in progress, its progress record stays and is counted
        # as submitted.
        assert not Draft.objects.in_progress().exists()
        progress.refresh_from_db()
        assert progress.submitted_at is not None
        funnel = insights.funnel(period_today())
        assert [stage.reached.count for stage in funnel.stages] == [1] * (
            len(intake.STEPS) + 2)
        assert funnel.median_to_finish.endswith("min")

    def test_funnel_counts_and_drop_off(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 1
        reached = [1, 1, 2, 3, 3, 3, len(intake.STEPS)]
        for step in reached:
            draft = draft_start()
            QuestionnaireProgress.objects.filter(pk=draft.progress_id).update(
                furthest_step=step)
        funnel = insights.funnel(period_today())
        counts = [stage.reached.count for stage in funnel.stages]
        expected = [sum(1 for r in reached if r >= n) for n in range(1, len(intake.STEPS) + 1)]
        assert counts == [*expected, 0, 0]
        assert [s.dropped.count for s in funnel.stages[1:3]] == [2, 1]
        assert funnel.stages[0].label.startswith("Started (step 1: ")
        assert funnel.stages[1].label == f"Reached step 2: {intake.STEPS[1].title}"

    def test_purge_keeps_progress_until_retention(self, settings):
        draft = draft_start()
        Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(days=1))
        old = draft_start().progress
        QuestionnaireProgress.objects.filter(pk=old.pk).update(
            started_at=timezone.now() - timedelta(days=settings.HAIRTX_RETENTION_DAYS + 1))
        call_command("purge_expired", stdout=io.StringIO())
        assert Draft.objects.count() == 1  # the expired one went
        assert list(QuestionnaireProgress.objects.values_list("pk", flat=True)) == [
            draft.progress_id]


def test_the_backfill_migration_reads_summaries_as_the_service_does(settings):
    """0006 keeps its own copy of summary_signals (migrations must not change); the two
    must agree on real summaries."""
    import importlib

    from assessments.services import summary_signals

    backfill = importlib.import_module("assessments.migrations.0006_insights_backfill")
    for overrides in VARIANTS:
        summary = make_assessment(**overrides).summary
        assert backfill._signals(summary) == set(summary_signals(summary))


def test_a_clinical_reviewer_signs_in_to_insights(client):
    make_user("derm", group="Clinical reviewers")
    response = client.post(reverse("staff:login"),
                           {"username": "derm", "password": "a long test password"})
    assert response.status_code == 302 and response["Location"] == INSIGHTS
    client.logout()
    make_staff("nurse2")
    response = client.post(reverse("staff:login"),
                           {"username": "nurse2", "password": "a long test password"})
    assert response["Location"] == reverse("staff:list")
