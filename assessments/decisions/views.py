"""Decision quality over HTTP: the staff's decision form, the patient's follow-up (by
secret link or by reference code) and the calendar reminder. Thin: the forms check,
``services`` writes, ``schedule`` and ``calendar`` decide dates and files.

The follow-up by reference code shows nothing of the summary or the decision: a code is
short enough to be guessed now and then (hence the rate limit), so all it opens is the
questionnaire, and its one answer for a wrong code, a code not yet due and a code
already answered is the same.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import ratelimit
from assessments.http import (
    assessment_for_token,
    audit_request,
    permission_view,
    started_by_another_site,
)
from assessments.models import Assessment, AuditEvent, normalise_code
from assessments.plain_text import remove_invisible_controls
from assessments.staff.forms import ReviewForm
from assessments.staff.record import VIEW_PERM, code_lookup, detail_page, lookup
from hairtx.addresses import client_address

from . import regret
from .calendar import FILE_NAME, reminder_ics
from .forms import FollowUpCodeForm, RegretForm, ReminderForm
from .presenters import RECORD_PERMS, decision_form_for, reminder_date, staff_decision_context
from .services import FollowUpClosed, decision_record, follow_up_record, follow_up_wave

NO_FOLLOW_UP = (
    "There is no follow-up open for this code. Check the code and try again. The questions "
    "open 3 months after your clinic recorded your decision, so it may be too early."
)


# --------------------------------------------------------------------------- staff


# Not VIEW_PERM: clinical reviewers record decisions too (migration 0016) without the
# permission to open patients' records.
recorder_view = permission_view(*RECORD_PERMS)


def _decision_page(request, assessment: Assessment, form=None, status: int = 200):
    """The decision alone: what a clinical reviewer, who may not see the record, gets."""
    return render(request, "staff/decision.html", {
        "assessment": assessment, **staff_decision_context(request, assessment, form),
    }, status=status)


def _back_to(request, assessment: Assessment) -> str:
    if request.user.has_perm(VIEW_PERM):
        return reverse("staff:detail", args=[assessment.reference_code]) + "#decision-title"
    return reverse("staff:decision_page", args=[assessment.reference_code]) + "#decision-title"


@recorder_view
@require_GET
def decision_find(request):
    """Where a reviewer types the patient's reference code (a GET form, no record shown)."""
    code = normalise_code(request.GET.get("code", ""))
    if code:
        return redirect("staff:decision_page", reference_code=code)
    return render(request, "staff/decision_find.html", {"staff_section": "decision"})


@recorder_view
@require_GET
@code_lookup
def decision_page(request, reference_code: str):
    """The decision, its history, the follow-up scores and the form; nothing else of the
    record. Every look is audited, and counts against the look-up limit, like a record's."""
    if started_by_another_site(request):  # as for a record: another site's link writes
        return render(request, "staff/confirm_open.html",  # nothing in the audit log
                      {"continue_url": request.get_full_path()})
    assessment = lookup(request, reference_code, AuditEvent.Action.VIEW)
    audit_request(request, AuditEvent.Action.VIEW, assessment=assessment,
                  detail="decision page")
    return _decision_page(request, assessment)


@recorder_view
@require_POST
@code_lookup
def decision_record_view(request, reference_code: str):
    assessment = lookup(request, reference_code, AuditEvent.Action.DECISION_RECORD)
    form = decision_form_for(assessment, request.POST)
    if not form.is_valid():
        if not request.user.has_perm(VIEW_PERM):
            return _decision_page(request, assessment, form, status=400)
        note = remove_invisible_controls(assessment.review_note)
        review_form = ReviewForm(initial={"note": note})
        return detail_page(request, assessment, review_form, status=400, decision_form=form)
    decision_record(assessment=assessment, recorded_by=request.user,
                    values=form.cleaned_data, ip_address=client_address(request))
    messages.success(request, f"The decision for {assessment.reference_display} is recorded.")
    return redirect(_back_to(request, assessment))


# --------------------------------------------------------------------------- patient


def _render_regret(request, form: RegretForm, *, action: str, code: str = "", status=200):
    return render(request, "assessments/follow_up.html", {
        "form": form, "action": action, "code": code, "introduction": regret.INTRODUCTION,
        "citation": regret.CITATION, "questions": [form[key] for key in form.fields],
    }, status=status)


def _save(assessment: Assessment, form: RegretForm) -> bool:
    """Store the answers; False when the wave closed meanwhile (answered in another tab)."""
    try:
        follow_up_record(assessment=assessment, responses=form.responses,
                         hair_change=form.cleaned_data["hair_change"])
    except FollowUpClosed:
        return False
    return True


def _closed(request, assessment: Assessment):
    return render(request, "assessments/follow_up_closed.html",
                  {"summary_url": assessment.secret_summary_path()}, status=404)


# No CSRF token check, for the reason given at assessments.views.delete: the page's URL
# is the secret, and a post the browser marks as coming from another site is refused.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def follow_up_by_link(request, token: str):
    """The regret scale through the patient's secret link."""
    assessment = assessment_for_token(token)
    action = reverse("decisions:follow_up_link", args=[token])
    if follow_up_wave(assessment) is None:
        return _closed(request, assessment)
    if request.method == "GET":
        return _render_regret(request, RegretForm(), action=action)
    if started_by_another_site(request):
        raise PermissionDenied("The answers must come from the patient's own page.")
    form = RegretForm(request.POST)
    if not form.is_valid():
        return _render_regret(request, form, action=action, status=400)
    if not _save(assessment, form):
        return _closed(request, assessment)
    return redirect("decisions:follow_up_thanks")


def _due_for_code(raw_code: str) -> Assessment | None:
    code = normalise_code(raw_code)
    assessment = (Assessment.objects.for_reference(code).select_related("decision").first()
                  if code else None)
    return assessment if assessment and follow_up_wave(assessment) is not None else None


def _no_follow_up(request, code_form: FollowUpCodeForm):
    """The code page again, with one message for every code that opens nothing."""
    if code_form.is_valid():
        code_form.add_error("code", NO_FOLLOW_UP)
    return render(request, "assessments/follow_up_code.html", {"form": code_form}, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up_by_code(request):
    """Type the reference code, then answer; every post is counted against the limit."""
    action = reverse("decisions:follow_up")
    if request.method == "GET":
        return render(request, "assessments/follow_up_code.html", {"form": FollowUpCodeForm()})
    if refused := ratelimit.over_limit_response(request, "resume"):
        return refused
    code_form = FollowUpCodeForm(request.POST)
    assessment = _due_for_code(code_form.cleaned_data["code"]) if code_form.is_valid() else None
    if assessment is None:
        return _no_follow_up(request, code_form)
    code = assessment.reference_display
    if "answers" not in request.POST:  # the code was just typed: show the questions
        return _render_regret(request, RegretForm(), action=action, code=code)
    form = RegretForm(request.POST)
    if not form.is_valid():
        return _render_regret(request, form, action=action, code=code, status=400)
    if not _save(assessment, form):  # answered meanwhile: the same answer as for any code
        return _no_follow_up(request, code_form)
    return redirect("decisions:follow_up_thanks")


@never_cache
@require_GET
def follow_up_thanks(request):
    return render(request, "assessments/follow_up_thanks.html")


@never_cache
@require_GET
def reminder(request, token: str):
    """The .ics file; the secret link goes in only when the patient ticked the box."""
    assessment = assessment_for_token(token)
    form = ReminderForm(request.GET)
    with_link = form.is_valid() and form.cleaned_data["with_link"]
    data = reminder_ics(
        on=reminder_date(assessment),
        reference_display=assessment.reference_display,
        follow_up_url=request.build_absolute_uri(reverse("decisions:follow_up")),
        summary_url=(request.build_absolute_uri(assessment.secret_summary_path())
                     if with_link else None),
        made_at=timezone.now(),
    )
    return HttpResponse(data, content_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{FILE_NAME}"'})
