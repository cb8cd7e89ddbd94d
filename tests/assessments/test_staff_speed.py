"""Staff speed (issue 23 point 7): an exact reference code opens the assessment, the
review form is at the top, the export offers the last 90 days, and an insights chart
with nothing to draw says so in words."""

import csv
import io
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import AuditEvent
from assessments.staff import charts, insights
from tests.assessments.factories import RED_FLAG, make_assessment, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff())
    return client


class TestExactCodeOpensTheAssessment:
    def test_a_full_code_redirects_to_the_detail_page_and_both_are_audited(self, staff_client):
        assessment = make_assessment()
        typed = assessment.reference_display.lower()
        response = staff_client.get(reverse("staff:list"), {"q": typed}, follow=True)
        assert response.redirect_chain == [
            (reverse("staff:detail", args=[assessment.reference_code]), 302)]
        assert f"Assessment <span class=\"reference-code\">{assessment.reference_display}" in (
            response.content.decode())
        assert list(AuditEvent.objects.order_by("id").values_list("action", "assessment")) == [
            (AuditEvent.Action.SEARCH, assessment.pk), (AuditEvent.Action.VIEW, assessment.pk)]

    def test_a_code_that_matches_nothing_stays_on_the_list(self, staff_client):
        make_assessment()
        response = staff_client.get(reverse("staff:list"), {"q": "ZZZZ-ZZZZ"})
        assert response.status_code == 200 and b"No assessments match" in response.content

    def test_a_code_with_a_filter_it_fails_stays_on_the_list(self, staff_client):
        assessment = make_assessment()
        response = staff_client.get(reverse("staff:list"),
                                    {"q": assessment.reference_code, "red_flags": "on"})
        assert response.status_code == 200 and b"No assessments match" in response.content


def test_the_review_form_comes_before_the_answers_and_the_summary(staff_client):
    assessment = make_assessment(**RED_FLAG)
    html = staff_client.get(
        reverse("staff:detail", args=[assessment.reference_code])).content.decode()
    form = html.index('action="' + reverse("staff:review", args=[assessment.reference_code]))
    assert form < html.index('id="answers-title"') < html.index('id="summary-title"')
    assert html.index("<h1") < form


class TestExportDefaults:
    def test_the_form_offers_the_last_90_days_and_the_first_press_works(self, staff_client):
        make_assessment()
        today = timezone.localdate()
        html = staff_client.get(reverse("staff:export")).content.decode()
        start = (today - timedelta(days=89)).isoformat()
        assert f'name="date_from" value="{start}"' in html
        assert f'name="date_to" value="{today.isoformat()}"' in html
        response = staff_client.post(reverse("staff:export"),
                                     {"date_from": start, "date_to": today.isoformat()})
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert len(rows) == 2  # the header and the one assessment


class TestChartsWithNothingToDraw:
    def test_all_counts_hidden_is_said_in_words_not_drawn(self, client, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 5
        for _ in range(2):
            make_assessment(**RED_FLAG)
        report = insights.insights_for(insights.Period.default())
        drawn = charts.charts_for(report)
        for name in ("per_period", "leanings", "red_flags", "sure", "reviews"):
            assert not drawn[name].drawn and drawn[name].svg == "", name
            assert "every count is below 5" in drawn[name].words
        client.force_login(make_staff())
        html = client.get(reverse("staff:insights")).content.decode()
        assert html.count('class="insights-chart-in-words"') >= 5
        assert "No data" not in html
        # The tables still give every count, in words.
        assert "fewer than 5" in html

    def test_an_empty_period_says_every_count_is_0(self):
        report = insights.insights_for(insights.Period.default())
        chart = charts.charts_for(report)["per_period"]
        assert not chart.drawn and chart.words == "No chart here: every count in this period is 0."

    def test_a_chart_with_a_count_to_show_is_drawn(self, settings):
        settings.HAIRTX_INSIGHTS_MIN_COUNT = 2
        for _ in range(3):
            make_assessment()
        chart = charts.charts_for(insights.insights_for(insights.Period.default()))["per_period"]
        assert chart.drawn and not chart.words
        assert ElementTree.fromstring(chart.svg).tag == "{http://www.w3.org/2000/svg}svg"
