"""The decision-quality charts, drawn like the rest of the insights page's
(``assessments.staff.charts``: pygal, sanitised SVG, hidden numbers not drawn)."""

import pygal

from assessments.staff.charts import (
    Chart,
    bar_chart,
    drawn_value,
    hidden_note,
    pygal_config,
    sanitise_svg,
)
from assessments.staff.insights import Bar

from .insights import DecisionQuality, RegretRow

FIRST_WAVE = 3


def _sure(report: DecisionQuality) -> Chart:
    chart = pygal.Bar(**pygal_config(height=420, print_values_position="top"))
    chart.title = "SURE score at the summary and at the decision"
    chart.x_labels = [label for label, _, _ in report.sure]
    chart.add("At the summary", [drawn_value(at_summary) for _, at_summary, _ in report.sure])
    chart.add("At the decision", [drawn_value(at_decision) for _, _, at_decision in report.sure])
    cells = [value for _, at_summary, at_decision in report.sure
             for value in (at_summary, at_decision)]
    return Chart(svg=sanitise_svg(chart.render(is_unicode=True)),
                 alt="Bar chart: for people with a recorded decision, how many scored 0 to 4 "
                     "on the SURE test at the summary (first bar) and again at the decision "
                     "(second bar, hatched). The numbers are in the table below.",
                 note=hidden_note(cells, report.threshold))


def _regret(rows: list[RegretRow], threshold: int) -> Chart:
    shown = [row for row in rows if row.median_value is not None]
    chart = pygal.HorizontalBar(**pygal_config(
        show_legend=False, height=max(280, 90 + 44 * len(shown)), range=(0, 100),
        margin_right=72, print_values_position="top",
        extra_css=".text-overlay text.value { text-anchor: start !important; }"))
    chart.title = f"Median regret score at {FIRST_WAVE} months (0 none, 100 most)"
    shown.reverse()  # pygal draws the first bar at the bottom
    chart.x_labels = [row.label for row in shown]
    chart.add("Median regret", [{"value": row.median_value, "label": row.median}
                                for row in shown])
    hidden = len(rows) - len(shown)
    note = (f"Groups where fewer than {threshold} people answered are not drawn; the table "
            "says so." if any(row.answered.small for row in rows) else "")
    return Chart(svg=sanitise_svg(chart.render(is_unicode=True), horizontal=True),
                 alt=f"Horizontal bar chart: the median regret score by option chosen, for "
                     f"{len(shown)} groups with enough answers ({hidden} not drawn). "
                     "Medians, spreads and counts are in the table below.",
                 note=note)


def charts_for(report: DecisionQuality) -> dict[str, Chart]:
    threshold = report.threshold
    option_totals = [Bar(row.label, row.total, row.key) for row in report.options]
    return {
        "recorded": bar_chart(report.recorded, title="Decisions recorded", threshold=threshold,
                              alt=f"Bar chart: of {report.summaries} summaries, how many have a "
                                  "decision recorded. The numbers are in the table below."),
        "options": bar_chart(option_totals, title="Options chosen", horizontal=True,
                             threshold=threshold,
                             alt="Horizontal bar chart: how often each option was chosen. The "
                                 "numbers by leaning are in the table below."),
        "sure": _sure(report),
        "regret": _regret(report.regret_by_option[FIRST_WAVE], threshold),
        "responses": bar_chart(report.responses, title="Follow-up answered", threshold=threshold,
                               alt="Bar chart: of the people whose follow-up has opened, how many "
                                   "answered at 3 and at 12 months. The numbers are in the table "
                                   "below."),
    }
