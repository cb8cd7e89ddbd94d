"""The insights charts as SVG, drawn on the server with pygal. Nothing here knows HTTP.

Why this shape (docs/insights.md):

- pygal draws with its own Python code (no browser, no network, no binary), and its
  output is a plain SVG with a ``<style>`` block and a small configuration ``<script>``.
- The page shows each chart as ``<img src="data:image/svg+xml;base64,...">``. An SVG
  used as an image never runs scripts and its own style block does not count against
  the page's Content-Security-Policy (``img-src 'self' data:`` allows the URL), so the
  strict CSP stays as it is. The ``<script>`` and comments are removed all the same
  (``sanitise_svg``): the file carries nothing that could run anywhere.
- The same data URL works in print and in WeasyPrint's PDF (its SVG renderer reads the
  style block).
- Numbers are printed on the bars, and every series of the stacked chart has its own
  hatching as well as its colour, so nothing depends on colour alone. The colours are
  dark enough for 3:1 against white (WCAG 1.4.11) and for white text at 4.5:1.
- Hidden small counts are drawn as nothing and the chart says so in its note; the
  table beside each chart has every number in words. A chart with nothing left to draw
  (every count hidden, or all 0) is not drawn at all: pygal would show a large "No data"
  on a 0 to 1 axis. The page says why in words instead (``Chart.words``).

The drawing helpers (``pygal_config``, ``bar_chart``, ``drawn_value``, ``hidden_note``,
``sanitise_svg``) are public: decision quality's charts (``assessments.decisions.charts``)
draw with them too.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from xml.etree import ElementTree

import pygal
from pygal.style import Style

from assessments.staff.insights import Bar, Cell, Insights

SVG_NS = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")

# Each at least 7:1 against white, so white text on them and they on white both pass.
PALETTE = ("#1f4e79", "#8a3c00", "#24582a", "#5f3573", "#6b5000", "#3d3d3d", "#8c1d40",
           "#0b5563")
TEXT = "#1a1a1a"
FONT = "'Atkinson', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

# One hatching per series (the stacked chart): lines at different angles and spacing.
HATCHES = (
    "",  # solid
    '<path d="M0,8 L8,0" stroke="white" stroke-width="2"/>',
    '<path d="M0,0 L8,8" stroke="white" stroke-width="2"/>',
    '<path d="M4,0 L4,8" stroke="white" stroke-width="2"/>',
    '<path d="M0,4 L8,4" stroke="white" stroke-width="2"/>',
    '<circle cx="4" cy="4" r="1.6" fill="white"/>',
    '<path d="M0,8 L8,0 M0,0 L8,8" stroke="white" stroke-width="1.4"/>',
    '<path d="M0,2 L8,2 M0,6 L8,6" stroke="white" stroke-width="1.2"/>',
)


def _style(font_scale: float = 1.3) -> Style:
    return Style(
        background="white",
        plot_background="white",
        foreground=TEXT,
        foreground_strong=TEXT,
        foreground_subtle="#595959",
        opacity="1",
        opacity_hover="1",
        colors=PALETTE,
        value_colors=tuple(TEXT for _ in PALETTE),
        font_family=FONT,
        label_font_family=FONT,
        major_label_font_family=FONT,
        value_font_family=FONT,
        value_label_font_family=FONT,
        title_font_family=FONT,
        legend_font_family=FONT,
        tooltip_font_family=FONT,
        label_font_size=round(14 * font_scale),
        major_label_font_size=round(14 * font_scale),
        value_font_size=round(14 * font_scale),
        legend_font_size=round(14 * font_scale),
        title_font_size=round(16 * font_scale),
    )


def _hatch_defs_and_css() -> tuple[list[str], str]:
    defs, rules = [], []
    for index, (colour, hatch) in enumerate(zip(PALETTE, HATCHES)):
        if not hatch:
            continue
        defs.append(
            f'<pattern id="hatch-{index}" patternUnits="userSpaceOnUse" width="8" height="8">'
            f'<rect width="8" height="8" fill="{colour}"/>{hatch}</pattern>'
        )
        # pygal numbers series from 0 in classes serie-N and color-N.
        rules.append(
            f".serie-{index} .rect, .serie-{index} rect.rect, rect.color-{index}"
            f" {{ fill: url(#hatch-{index}) !important; }}"
        )
    return defs, " ".join(rules)


@dataclass(frozen=True)
class Chart:
    """One chart: the SVG text, a short description for alt text, and a note; or, when
    there is nothing to draw, only ``words`` saying why."""

    svg: str
    alt: str
    note: str = ""
    words: str = ""

    @property
    def drawn(self) -> bool:
        return not self.words

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def sanitise_svg(svg: str, *, horizontal: bool = False) -> str:
    """The SVG without scripts, comments or event-handler attributes.

    Also moves each printed value just clear of its bar (pygal centres it on the bar's
    end, half on the dark bar, where dark text cannot be read): to the right of a
    horizontal bar, above a vertical one.
    """
    root = ElementTree.fromstring(svg)  # made by pygal here, never from outside
    for text in root.iter(f"{{{SVG_NS}}}text"):
        if text.get("class") == "value" and text.get("x") and text.get("y"):
            if horizontal:
                text.set("x", f"{float(text.get('x')) + 6:.1f}")
                text.set("text-anchor", "start")
            else:
                text.set("y", f"{float(text.get('y')) - 6:.1f}")
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}script", "script"):
                parent.remove(child)
    for element in root.iter():
        for attribute in [name for name in element.attrib if name.lower().startswith("on")]:
            del element.attrib[attribute]
    return ElementTree.tostring(root, encoding="unicode")  # comments are dropped


def pygal_config(extra_css: str = "", **extra) -> dict:
    """pygal's settings for every chart: the style, hatching, no script; ``extra`` wins."""
    defs, css = _hatch_defs_and_css()
    return {
        "style": _style(),
        "js": [],
        "disable_xml_declaration": True,
        "show_y_guides": True,
        "print_values": True,
        "print_zeroes": False,
        "print_values_position": "top",
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 2,
        "truncate_legend": -1,
        "truncate_label": -1,
        # Drawn at 640 wide with large text: on a 390 px phone the image is scaled to
        # about 0.55 and the labels stay near 10 px.
        "width": 640,
        "height": 420,
        "margin": 16,
        "min_scale": 2,
        "max_scale": 6,
        "y_labels_major_every": None,
        "defs": defs,
        "css": ("file://style.css", "file://graph.css", f"inline:{css} {extra_css}"),
        **extra,
    }


def drawn_value(value: Cell) -> dict | None:
    """A count as pygal draws it: nothing for a hidden count, else its number and words."""
    shown = value.shown
    return None if shown is None else {"value": shown, "label": str(value)}


def hidden_note(cells: list[Cell], threshold: int) -> str:
    """The chart's note on what it does not draw (small counts and what protects them)."""
    note = ""
    if any(value.small for value in cells):
        note = (f"Counts below {threshold} are not drawn; the table says “fewer than "
                f"{threshold}” for them.")
    if any(value.protects for value in cells):
        note += (" Some larger counts are not drawn either, so that a small one cannot be "
                 "worked out from them; the table says “not shown”.")
    if any(value.partial for value in cells):
        note += (" Totals over weeks that include a hidden count are not drawn; the table "
                 "says “at least” and the sum of the weeks shown.")
    return note.strip()


def _nothing_to_draw(cells: list[Cell], threshold: int) -> Chart | None:
    """A chart in words when no count can be drawn; None when some can."""
    if any(value.shown for value in cells):
        return None
    if any(value.suppressed for value in cells):
        words = (f"No chart here: every count is below {threshold}, or would let one be "
                 "worked out, so none is drawn. The table gives each in words.")
    else:
        words = "No chart here: every count in this period is 0."
    return Chart(svg="", alt="", words=words)


def bar_chart(bars: list[Bar], *, title: str, alt: str, threshold: int, horizontal: bool = False,
              labels: list[str] | None = None) -> Chart:
    """One series of bars (or, when none can be drawn, the chart in words)."""
    if empty := _nothing_to_draw([bar.value for bar in bars], threshold):
        return empty
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    height = max(280, 90 + 44 * len(bars)) if horizontal else 400
    extra_css = ".text-overlay text.value { text-anchor: start !important; }"
    chart = kind(**pygal_config(show_legend=False, height=height, print_values_position="top",
                                extra_css=extra_css if horizontal else "",
                                margin_right=72 if horizontal else 16))
    chart.title = title
    labels = labels or [bar.label for bar in bars]
    if horizontal:  # pygal draws the first bar at the bottom: put the first at the top
        bars, labels = list(reversed(bars)), list(reversed(labels))
    chart.x_labels = labels
    chart.add(title, [drawn_value(bar.value) for bar in bars])
    return Chart(svg=sanitise_svg(chart.render(is_unicode=True), horizontal=horizontal), alt=alt,
                 note=hidden_note([bar.value for bar in bars], threshold))


def _per_period(report: Insights) -> Chart:
    over = report.over_time
    name = report.period.bucket_name
    if empty := _nothing_to_draw(over.totals, report.threshold):
        return empty
    chart = pygal.Bar(**pygal_config(
        show_legend=False, x_label_rotation=-45 if len(over.buckets) > 8 else 0, height=400,
        print_values_position="top"))
    chart.title = f"Assessments submitted per {name}"
    chart.x_labels = over.buckets
    chart.add("Assessments", [drawn_value(value) for value in over.totals])
    return Chart(
        svg=sanitise_svg(chart.render(is_unicode=True)),
        alt=f"Bar chart: assessments submitted per {name}, {over.total} in all. "
            "The numbers are in the table below.",
        note=hidden_note(over.totals, report.threshold),
    )


def _leanings(report: Insights) -> Chart:
    over = report.over_time
    name = report.period.bucket_name
    cells = [value for series in over.leanings for value in series.values]
    if empty := _nothing_to_draw(cells, report.threshold):
        return empty
    chart = pygal.StackedBar(**pygal_config(
        # One legend entry a line: the leaning labels are long.
        height=420 + 30 * len(over.leanings), print_values=False, legend_at_bottom_columns=1,
        margin_bottom=24,
        x_label_rotation=-45 if len(over.buckets) > 8 else 0,
    ))
    chart.title = f"What the summaries suggest discussing, per {name}"
    chart.x_labels = over.buckets
    for series in over.leanings:
        chart.add(f"{series.label} ({series.total})", [drawn_value(v) for v in series.values])
    return Chart(
        svg=sanitise_svg(chart.render(is_unicode=True)),
        alt=f"Stacked bar chart: leanings per {name}; each leaning has its own colour and "
            f"hatching. See a doctor first: {over.doctor_first} of {over.total}. "
            "The numbers are in the table below.",
        note=hidden_note(cells, report.threshold),
    )


def _funnel(report: Insights) -> Chart:
    stages = report.funnel.stages
    bars = [Bar(label=stage.label, value=stage.reached) for stage in stages]
    labels = [stage.short for stage in stages]
    return bar_chart(bars, title="How far people got in the questionnaire", horizontal=True,
                     labels=labels, threshold=report.threshold,
                     alt=f"Horizontal bar chart: of {report.funnel.started} who started, how many "
                         f"reached each step; {report.funnel.submitted} submitted. The numbers "
                         "and the drop-off at each step are in the table below.")


def charts_for(report: Insights) -> dict[str, Chart]:
    """Every chart of the page, by the name the template uses."""
    signals = report.signals
    threshold = report.threshold
    charts = {
        "per_period": _per_period(report),
        "funnel": _funnel(report),
        "leanings": _leanings(report),
        "sure": bar_chart(report.sure_scores, title="SURE score (how sure people felt)",
                          threshold=threshold,
                          alt="Bar chart: how many people scored 0 to 4 on the SURE test. "
                              "The numbers are in the table below."),
        "needs": bar_chart(signals.needs, title="Needs named by the SURE test", horizontal=True,
                           threshold=threshold,
                           alt="Horizontal bar chart: how often each decision need was named. "
                               "The numbers are in the table below."),
        "reviews": bar_chart(report.reviews.bars, title="Reviewed by staff", threshold=threshold,
                             alt=f"Bar chart: {report.reviews.reviewed} reviewed and "
                                 f"{report.reviews.not_reviewed} not yet reviewed. The numbers "
                                 "are in the table below."),
    }
    for name, title, kind, bars in (("red_flags", "Red flags by rule", "red-flag",
                                     signals.red_flags),
                                    ("cautions", "Cautions by rule", "caution",
                                     signals.cautions)):
        if bars:
            charts[name] = bar_chart(
                bars, title=title, horizontal=True, threshold=threshold,
                labels=[bar.key for bar in bars],
                alt=f"Horizontal bar chart: how often each {kind} rule fired, most often "
                    "first. Rule ids, titles and numbers are in the table below.")
    return charts
