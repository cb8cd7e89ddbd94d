"""The HTTP pieces every room's views share: access, the same-site check, the audit line
of a request, the secret-link look-up and the PDF responses (issue 27 point 3).

The patient's pages (``assessments.views``), the staff area and its insights, decision
quality and clinical sign-off (governance) all import these from here, so no view module
imports another room's views. Nothing here decides anything clinical: it checks, looks
up, writes the audit line and answers.
"""

import io

from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from assessments import pdf
from assessments.audit import audit_record
from assessments.models import Assessment, AuditEvent, is_token_shaped
from hairtx.addresses import client_address


def permission_view(*perms: str):
    """Sign-in required (else the staff login page), then every permission in ``perms``
    (else 403); the answer is never cached (it holds health data or staff-only facts)."""

    def decorator(view):
        checked = permission_required(perms, raise_exception=True)(view)
        return never_cache(login_required(checked))

    return decorator


def started_by_another_site(request) -> bool:
    """Whether the browser says another site started this request (a link, a form).

    Browsers send Sec-Fetch-Site with every request, whatever the referrer policy;
    "same-site" counts too (a sibling subdomain is not this site). Without the header
    (old browsers, scripts) the answer is no.
    """
    return request.headers.get("Sec-Fetch-Site") in {"cross-site", "same-site"}


def audit_request(request, action: str, **kwargs) -> AuditEvent:
    """An audit line for what the signed-in user did with this request; the address is
    the client's own (not grouped by network as the limits count it)."""
    return audit_record(actor=request.user, action=action, ip_address=client_address(request),
                        **kwargs)


def assessment_for_token(token: str) -> Assessment:
    """The assessment behind a patient's secret link, or 404 (also for a malformed token).

    The PDF download reads far fewer fields: ``pdf.assessment_for_download``."""
    if not is_token_shaped(token):
        raise Http404("No such summary.")
    rows = Assessment.objects.select_related("ruleset_approval")
    return get_object_or_404(rows, token=token)


def pdf_unavailable_response(request):
    """The friendly 503 when a PDF cannot be made now; the next request tries again."""
    response = render(request, "assessments/pdf_unavailable.html", status=503)
    response["Retry-After"] = "60"
    add_never_cache_headers(response)
    return response


def summary_pdf_response(request, assessment: Assessment):
    """The stored PDF (made on first request), or a friendly 503 if it cannot be made.

    For the patient's link and the staff download alike. The file name holds only the
    reference code.
    """
    stored = pdf.stored_pdf_local_file(assessment=assessment)  # streamed (sendfile)
    if stored is None:
        try:
            stored = io.BytesIO(pdf.summary_pdf_bytes(assessment=assessment))
        except pdf.PdfRenderError:  # not made, or the file store did not answer
            return pdf_unavailable_response(request)
    response = FileResponse(
        stored,
        content_type="application/pdf",
        filename=pdf.summary_pdf_filename(assessment=assessment),
    )
    add_never_cache_headers(response)  # includes no-store: the file holds health data
    return response
