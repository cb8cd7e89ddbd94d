"""The clinic staff area: list, search, detail, print, PDF, FHIR, review, export.

Views are thin: they check access, bind a form, call a selector or service, audit and
render. Access: anonymous users go to the staff login page; a signed-in user without the
``assessments.view_assessment`` permission (given by the "Clinic staff" group) gets 403.
Every look at an assessment, each print, download, review, search and export is added
to the audit log with the user and address; so is every look-up of a code that matches
nothing. Every look-up by reference code counts against the user's hourly limit.

Reads stay GET (bookmarkable, printable), but a GET another site sends the browser to
gets a "continue?" page instead of the record, so no other site can write the audit log
or use up the look-up limit; the export and the review are POST with CSRF.
"""

import csv
import functools

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import pdf, ratelimit
from assessments.fhir import export as fhir_export
from assessments.http import (
    audit_request,
    pdf_unavailable_response,
    permission_view,
    started_by_another_site,
    summary_pdf_response,
)
from assessments.models import AuditEvent, normalise_code
from assessments.plain_text import remove_invisible_controls
from assessments.staff import selectors
from assessments.staff.forms import AssessmentFilterForm, ExportForm, ReviewForm
from assessments.staff.record import VIEW_PERM, code_lookup, detail_page, lookup
from assessments.staff.services import assessment_mark_reviewed
from hairtx.addresses import client_address


def same_site_reads(view):
    """A GET from a link on another site shows a "continue?" page, not the record.

    Without this, any web page could send a signed-in staff member's browser to
    /staff/assessments/<code>/ and so add entries to the audit log in their name.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "GET" and started_by_another_site(request):
            return _confirm_open(request)
        return view(request, *args, **kwargs)

    return wrapped


def _confirm_open(request):
    return render(request, "staff/confirm_open.html", {"continue_url": request.get_full_path()})


def record_read(view):
    """A GET of one record by its reference code: the staff permission (no caching), a
    "continue?" page for a link from another site, and the look-up limit's 429 page."""
    return permission_view(VIEW_PERM)(require_GET(same_site_reads(code_lookup(view))))


@permission_view(VIEW_PERM)
@require_GET
def assessment_list(request):
    """Newest first, 25 a page; filters and a forgiving reference code search."""
    form = AssessmentFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "staff/list.html",
                      {"form": form, "page": None, "staff_section": "list"}, status=400)
    filters = dict(form.cleaned_data) if form.is_bound else {}
    page_number = filters.pop("page", None) or 1
    if normalise_code(filters.get("q", "")):
        # A search is audited: not run for a link from another site (see same_site_reads).
        if started_by_another_site(request):
            return _confirm_open(request)
        # Codes are not guessable, but a stolen staff login must not enumerate them either.
        if refused := ratelimit.over_limit_response(request, "reference", per_user=True):
            return refused
    page = selectors.page_of(selectors.assessment_list(**filters), number=page_number)
    if normalise_code(filters.get("q", "")):
        found = page.rows[0] if len(page.rows) == 1 else None
        audit_request(request, AuditEvent.Action.SEARCH, assessment=found,
                      reference_code="" if found else normalise_code(filters["q"])[:16],
                      detail="found" if found else "not found")
        if found:
            # A code is exact (for_reference): the one match is the record staff want, so
            # open it rather than list one row (issue 23 point 7).
            return redirect("staff:detail", reference_code=found.reference_code)
    return render(request, "staff/list.html",
                  {"form": form, "page": page, "staff_section": "list"})


@record_read
def assessment_detail(request, reference_code: str):
    assessment = lookup(request, reference_code, AuditEvent.Action.VIEW)
    audit_request(request, AuditEvent.Action.VIEW, assessment=assessment)
    # A note stored before invisible characters were removed loses them when edited.
    note = remove_invisible_controls(assessment.review_note)
    return detail_page(request, assessment, ReviewForm(initial={"note": note}))


@record_read
def assessment_print(request, reference_code: str):
    """The PDF's own HTML and stylesheet, as a page to print from the browser."""
    assessment = lookup(request, reference_code, AuditEvent.Action.PRINT)
    audit_request(request, AuditEvent.Action.PRINT, assessment=assessment)
    context = {
        **pdf.summary_pdf_context(assessment=assessment),
        "print_view": True,
        "show_rule_ids": True,
        "back_url": reverse("staff:detail", args=[assessment.reference_code]),
    }
    return render(request, pdf.TEMPLATE, context)


@record_read
def assessment_pdf(request, reference_code: str):
    assessment = lookup(request, reference_code, AuditEvent.Action.DOWNLOAD)
    response = summary_pdf_response(request, assessment)
    if response.status_code == 200:
        audit_request(request, AuditEvent.Action.DOWNLOAD, assessment=assessment)
    return response


@record_read
def assessment_fhir(request, reference_code: str):
    """The answers and the summary PDF as one FHIR Bundle, to import into a health record."""
    assessment = lookup(request, reference_code, AuditEvent.Action.FHIR_DOWNLOAD)
    try:
        bundle = fhir_export.bundle_json(assessment)
    except pdf.PdfRenderError:
        return pdf_unavailable_response(request)
    audit_request(request, AuditEvent.Action.FHIR_DOWNLOAD, assessment=assessment)
    return HttpResponse(
        bundle,
        content_type=fhir_export.FHIR_JSON,
        headers={
            "Content-Disposition": (
                f'attachment; filename="hairtx-{assessment.reference_display}.fhir.json"'
            )
        },
    )


@permission_view(VIEW_PERM, "assessments.review_assessment")
@require_POST
@code_lookup
def assessment_review(request, reference_code: str):
    assessment = lookup(request, reference_code, AuditEvent.Action.REVIEW)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return detail_page(request, assessment, form, status=400)
    assessment_mark_reviewed(
        assessment=assessment,
        reviewer=request.user,
        note=form.cleaned_data["note"],
        ip_address=client_address(request),
    )
    messages.success(request, f"Assessment {assessment.reference_display} is marked reviewed.")
    return redirect("staff:detail", reference_code=assessment.reference_code)


class _Echo:
    """csv.writer writes into this; each row comes straight back to be streamed."""

    def write(self, value: str) -> str:
        return value


@permission_view(VIEW_PERM, "assessments.export_assessments")
@require_http_methods(["GET", "POST"])
def assessment_export(request):
    """GET: the form for a date range. POST (with CSRF): a streamed de-identified CSV.

    Everything that can fail (the dates, turning them into times) is done before the
    audit entry is written and the first byte is sent.
    """
    if request.method == "GET":
        return render(request, "staff/export.html",
                      {"form": ExportForm(initial=ExportForm.default_range()),
                       "staff_section": "export"})
    form = ExportForm(request.POST)
    if not form.is_valid():
        return render(request, "staff/export.html", {"form": form, "staff_section": "export"},
                      status=400)
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    queryset = selectors.export_queryset(date_from=start, date_to=end)
    audit_request(request, AuditEvent.Action.EXPORT,
                  detail=f"{start.isoformat()} to {end.isoformat()}")
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in selectors.export_rows(queryset)),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": (
                f'attachment; filename="hairtx-assessments-{start.isoformat()}'
                f'-to-{end.isoformat()}.csv"'
            )
        },
    )
    add_never_cache_headers(response)
    return response


class StaffLoginView(auth_views.LoginView):
    """The staff login. Without a ?next=, people who may see only insights (clinical
    reviewers) land there, not on the assessment list they may not open."""

    template_name = "staff/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if not user.has_perm(VIEW_PERM) and user.has_perm("assessments.view_insights"):
            return reverse("staff:insights")
        return super().get_default_redirect_url()
