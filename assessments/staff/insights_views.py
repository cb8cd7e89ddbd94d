"""Clinic insights: the page, its CSV and its PDF report. Thin: the numbers come from
``insights``, the pictures from ``charts``.

Access: signed in (else the staff login page) with ``assessments.view_insights`` (the
"Clinic staff" and "Clinical reviewers" groups), else 403. Downloads are POSTs with the
CSRF token, like the staff export, and each is written to the audit log with its range.
"""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_POST

from assessments import pdf
from assessments.decisions import insights_context as decision_insights
from assessments.http import audit_request, pdf_unavailable_response, permission_view
from assessments.models import AuditEvent
from assessments.staff import charts, insights
from assessments.staff.forms import InsightsForm
from assessments.staff.report import render_insights_pdf

INSIGHTS_PERM = "assessments.view_insights"


def _context(form: InsightsForm) -> dict:
    period = form.period()
    report = insights.insights_for(period)
    # Show the dates used (the default fills empty fields) in the period form.
    shown = InsightsForm({"date_from": period.date_from.isoformat(),
                          "date_to": period.date_to.isoformat()})
    return {"form": shown, "report": report, "charts": charts.charts_for(report),
            "staff_section": "insights", **decision_insights.context_for(period)}


@permission_view(INSIGHTS_PERM)
@require_GET
def insights_page(request):
    form = InsightsForm(request.GET)
    if not form.is_valid():
        return render(request, "staff/insights.html",
                      {"form": form, "staff_section": "insights"}, status=400)
    return render(request, "staff/insights.html", _context(form))


def _filename(form: InsightsForm, suffix: str) -> str:
    period = form.period()
    start, end = period.date_from.isoformat(), period.date_to.isoformat()
    return f"hairtx-insights-{start}-to-{end}.{suffix}"


def _download(request, action: str, kind: str):
    form = InsightsForm(request.POST)
    if not form.is_valid():
        return render(request, "staff/insights.html",
                      {"form": form, "staff_section": "insights"}, status=400)
    period = form.period()
    if kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(insights.csv_rows(insights.insights_for(period))
                                     + decision_insights.csv_rows(period))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        try:
            body = render_insights_pdf({**_context(form), "pdf": True})
        except pdf.PdfRenderError:
            return pdf_unavailable_response(request)
        response = HttpResponse(body, content_type="application/pdf")
    audit_request(request, action,
                  detail=f"insights {period.date_from.isoformat()} to {period.date_to.isoformat()}")
    response["Content-Disposition"] = f'attachment; filename="{_filename(form, kind)}"'
    add_never_cache_headers(response)
    return response


@permission_view(INSIGHTS_PERM)
@require_POST
def insights_csv(request):
    return _download(request, AuditEvent.Action.INSIGHTS_CSV, "csv")


@permission_view(INSIGHTS_PERM)
@require_POST
def insights_pdf(request):
    return _download(request, AuditEvent.Action.INSIGHTS_PDF, "pdf")
