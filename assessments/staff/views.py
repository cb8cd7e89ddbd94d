"""The clinic staff area: list, search, detail, print, PDF, review, export.

Views are thin: they check access, bind a form, call a selector or service, audit and
render. Access: anonymous users go to the staff login page; a signed-in user without the
``assessments.view_assessment`` permission (given by the "Clinic staff" group) gets 403.
Every look at an assessment, each print, download, review, search and export is added
to the audit log with the user and address.
"""

import csv

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from assessments import pdf, ratelimit
from assessments.models import Assessment, AuditEvent
from assessments.presenters import key_facts, summary_context
from assessments.staff import selectors
from assessments.staff.forms import AssessmentFilterForm, ExportForm, ReviewForm
from assessments.staff.services import assessment_mark_reviewed, audit_record
from assessments.summary import LEANING_LABELS
from assessments.views import summary_pdf_response

VIEW_PERM = "assessments.view_assessment"


def staff_view(*perms: str):
    """Sign-in required (else the login page), then the permissions (else 403); no caching."""

    def decorator(view):
        checked = permission_required((VIEW_PERM, *perms), raise_exception=True)(view)
        return never_cache(login_required(checked))

    return decorator


def _ip(request) -> str | None:
    # django-axes' helper: REMOTE_ADDR, or the client address behind HAIRTX_PROXY_COUNT
    # proxies, the same address the login lockout uses.
    return get_client_ip_address(request)


def _audit(request, action: str, **kwargs) -> None:
    audit_record(actor=request.user, action=action, ip_address=_ip(request), **kwargs)


def _assessment(reference_code: str) -> Assessment:
    assessment = (
        Assessment.objects.for_reference(reference_code).select_related("reviewed_by").first()
    )
    if assessment is None:
        raise Http404("No assessment with that reference code.")
    return assessment


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@staff_view()
@require_GET
def assessment_list(request):
    """Newest first, 25 a page; filters and a forgiving reference code search."""
    if request.GET.get("q", "").strip():
        # Codes are not guessable, but a stolen staff login must not enumerate them either.
        if refused := ratelimit.over_limit_response(request, "reference"):
            return refused
    form = AssessmentFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        page = selectors.page_of(selectors.assessment_list(**filters),
                                 number=_page_number(request))
        for row in page.rows:
            row.leaning_label = LEANING_LABELS.get(row.leaning, row.leaning)
        if filters.get("q", "").strip():
            found = page.rows[0] if len(page.rows) == 1 else None
            _audit(request, AuditEvent.Action.SEARCH, assessment=found,
                   detail="found" if found else "not found")
    return render(request, "staff/list.html",
                  {"form": form, "page": page, "staff_section": "list"})


def _detail(request, assessment: Assessment, review_form: ReviewForm, status: int = 200):
    context = {
        **summary_context(assessment),
        "key_facts": key_facts(assessment),
        "show_rule_ids": True,  # staff see which rule wrote each line; patients do not
        "review_form": review_form,
        "can_review": request.user.has_perm("assessments.review_assessment"),
    }
    return render(request, "staff/detail.html", context, status=status)


@staff_view()
@require_GET
def assessment_detail(request, reference_code: str):
    assessment = _assessment(reference_code)
    _audit(request, AuditEvent.Action.VIEW, assessment=assessment)
    return _detail(request, assessment, ReviewForm(initial={"note": assessment.review_note}))


@staff_view()
@require_GET
def assessment_print(request, reference_code: str):
    """The PDF's own HTML and stylesheet, as a page to print from the browser."""
    assessment = _assessment(reference_code)
    _audit(request, AuditEvent.Action.PRINT, assessment=assessment)
    context = {
        **pdf.summary_pdf_context(assessment=assessment),
        "print_view": True,
        "show_rule_ids": True,
        "back_url": reverse("staff:detail", args=[assessment.reference_code]),
    }
    return render(request, pdf.TEMPLATE, context)


@staff_view()
@require_GET
def assessment_pdf(request, reference_code: str):
    assessment = _assessment(reference_code)
    response = summary_pdf_response(request, assessment)
    if response.status_code == 200:
        _audit(request, AuditEvent.Action.DOWNLOAD, assessment=assessment)
    return response


@staff_view("assessments.review_assessment")
@require_POST
def assessment_review(request, reference_code: str):
    assessment = _assessment(reference_code)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, assessment, form, status=400)
    assessment_mark_reviewed(
        assessment=assessment,
        reviewer=request.user,
        note=form.cleaned_data["note"],
        ip_address=_ip(request),
    )
    messages.success(request, f"Assessment {assessment.reference_display} is marked reviewed.")
    return redirect("staff:detail", reference_code=assessment.reference_code)


class _Echo:
    """csv.writer writes into this; each row comes straight back to be streamed."""

    def write(self, value: str) -> str:
        return value


@staff_view("assessments.export_assessments")
@require_GET
def assessment_export(request):
    """A form for a date range; with a valid range, a streamed de-identified CSV."""
    form = ExportForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return render(request, "staff/export.html", {"form": form, "staff_section": "export"},
                      status=400 if form.is_bound else 200)
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    _audit(request, AuditEvent.Action.EXPORT, detail=f"{start.isoformat()} to {end.isoformat()}")
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in selectors.export_rows(date_from=start, date_to=end)),
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
