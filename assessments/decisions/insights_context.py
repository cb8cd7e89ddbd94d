"""What the insights page, its PDF and its CSV add for decision quality."""

from assessments.staff.insights import Period

from . import charts, insights


def context_for(period: Period) -> dict:
    report = insights.decision_quality(period)
    return {
        "decisions": report,
        "decision_charts": charts.charts_for(report),
        "regret_tables": [("option chosen", report.regret_by_option),
                          ("leaning", report.regret_by_leaning)],
    }


def csv_rows(period: Period) -> list[list[str]]:
    return insights.csv_rows(insights.decision_quality(period))
