"""The questionnaire, the review page and the patient's summary page.

The draft token travels in the session and in every form (hidden field), so a post from
a page left open after the session expired still finds its draft, and a closed tab loses
nothing: the resume code or link brings the draft back. After submitting, the same draft
points to the assessment: every questionnaire page, the resume code and the resume link
then lead to the "answers sent" page, which links to the summary (its secret link is
never put in a redirect or a new URL).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from pydantic import ValidationError

from assessments import intake, pdf, pdf_jobs, ratelimit, reading_time
from assessments.decisions import presenters as decisions
from assessments.drafts import live_draft
from assessments.forms import StepForm, posted_answers, unexpected_keys
from assessments.http import assessment_for_token, started_by_another_site, summary_pdf_response
from assessments.intake_versions import forget_retired_answers
from assessments.models import Assessment, AuditEvent, Draft, is_token_shaped, normalise_code
from assessments.presenters import answer_rows, summary_context
from assessments.services import (
    assessment_delete,
    assessment_submit,
    draft_reached_review,
    draft_save_step,
    draft_start,
)
from hairtx.middleware import session_free

SESSION_DRAFT_KEY = "draft_token"
STEP_COUNT = len(intake.STEPS)
# Computed from the questions by the reading model (assessments/reading_time.py), so it
# follows every change of wording; a browser test keeps it above what three patients take.
MINUTES_ESTIMATE = reading_time.minutes_estimate()


class DraftProblem(Exception):
    """The posted or remembered draft token does not match a live draft."""


def _find_draft(request) -> Draft | None:
    """The draft this request works on, or None if it has none.

    A posted token wins over the session's: it is what the page was built for.
    Raises DraftProblem for a posted token that matches no live draft (forged or stale).
    """
    posted = request.POST.get("draft") if request.method == "POST" else None
    if posted is not None:
        draft = live_draft(posted) if is_token_shaped(posted) else None
        if draft is None:
            raise DraftProblem
        # Written only when it changes: a session write on every step would cost a query
        # and gain nothing, since every form carries the token and the draft keeps its
        # own expiry.
        if request.session.get(SESSION_DRAFT_KEY) != draft.token:
            request.session[SESSION_DRAFT_KEY] = draft.token
        return _resumable(draft)
    token = request.session.get(SESSION_DRAFT_KEY)
    if not token:
        return None
    draft = live_draft(token)
    if draft is None:
        request.session.pop(SESSION_DRAFT_KEY, None)
        return None
    return _resumable(draft)


def _resumable(draft: Draft) -> Draft:
    """A draft saved before intake schema 3 resumes and simply asks the new questions."""
    draft.answers = forget_retired_answers(draft.answers)
    return draft


def _to_sent_page():
    # 303: a POST from a page left open (Back, a second tab) becomes a GET, saving nothing.
    response = redirect("assessments:sent")
    response.status_code = 303
    return response


def _restart(request, reason: str, status: int = 400):
    request.session.pop(SESSION_DRAFT_KEY, None)
    return render(request, "assessments/restart.html", {"reason": reason}, status=status)


def _step_url(number: int, return_to_review: bool = False) -> str:
    url = reverse("assessments:step", args=[number])
    return f"{url}?return=review" if return_to_review else url


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    """Explain the questionnaire; POST starts a new draft."""
    if request.method == "POST":
        if refused := ratelimit.over_limit_response(request, "start"):
            return refused
        draft = draft_start()
        request.session[SESSION_DRAFT_KEY] = draft.token
        return redirect("assessments:step", number=1)
    draft = _find_draft(request)  # a GET: only the session's token, never DraftProblem
    return render(
        request,
        "assessments/start.html",
        {
            "draft": draft,
            "step_count": STEP_COUNT,
            "steps": intake.STEPS,
            "minutes_estimate": MINUTES_ESTIMATE,
        },
    )


STEP_ACTIONS = frozenset({"next", "back", "save"})
STRAY_ANSWERS_PROBLEM = (
    "This page received answers that are not part of this step, so nothing was "
    "saved. Please check your answers and press Next again."
)


@never_cache
@require_http_methods(["GET", "POST"])
def step(request, number: int):
    """One step of the questionnaire: Next validates it, Back and Save keep it as typed.

    One pass: find the draft, then for Next validate the page, save it and go where the
    saved answers lead (``next_step_url``).
    """
    if not 1 <= number <= STEP_COUNT:
        raise Http404("No such step.")
    current = intake.STEPS[number - 1]
    try:
        draft = _find_draft(request)
    except DraftProblem:
        return _restart(
            request,
            "We could not find the answers this page belongs to. They may have expired, "
            "or the page was changed.",
        )
    if draft is None:
        messages.info(request, "Your session has ended. Start again, or resume with your code.")
        return redirect("assessments:start")
    if draft.is_submitted:
        return _to_sent_page()
    if number > draft.furthest_step:
        return redirect("assessments:step", number=draft.furthest_step)
    return_to_review = request.GET.get("return") == "review" or (
        request.POST.get("return_to") == "review"
    )

    if request.method == "GET":
        form = StepForm(step=current, answers=draft.answers)
        new_keys = [
            key for key in request.GET.get("new", "")[:500].split(",")
            if key in form.fields and key not in draft.answers
        ]
        return _render_step(request, draft, form, return_to_review, new_keys=new_keys)

    action = request.POST.get("action", "next")
    if action not in STEP_ACTIONS or unexpected_keys(current, request.POST):
        form = StepForm(step=current, answers=draft.answers)
        return _render_step(request, draft, form, return_to_review,
                            problem=STRAY_ANSWERS_PROBLEM, status=400)
    if action != "next":  # Back and Save keep the page as typed, without checking it
        draft_save_step(draft=draft, step=current, reached=draft.furthest_step,
                        step_answers=posted_answers(current, request.POST))
        if action == "save":
            return redirect("assessments:saved")
        return redirect("assessments:step", number=max(1, number - 1))

    form = StepForm(request.POST, step=current, answers=draft.answers)
    if not form.is_valid():
        return _render_step(request, draft, form, return_to_review)
    step_answers = form.step_answers()
    new_unanswered = form.unanswered_new_keys(step_answers)
    reached = number if new_unanswered else min(number + 1, STEP_COUNT)
    saved = draft_save_step(draft=draft, step=current, step_answers=step_answers,
                            reached=reached)
    # A URL already: redirect() would first try it as a view name (a failed reverse).
    return HttpResponseRedirect(next_step_url(number, saved, new_unanswered=new_unanswered,
                                              return_to_review=return_to_review))


def next_step_url(number: int, answers: dict, *, new_unanswered: list[str],
                  return_to_review: bool) -> str:
    """Where Next leads from step ``number``, given the answers now saved.

    Questions that just appeared: this page again, at the first of them (without
    JavaScript the browser scrolls to it; the notice at the top links to each one).
    From the last step or a change made from the review page: the first step still
    incomplete, else the review page. Otherwise the next step.
    """
    if new_unanswered:
        url = _step_url(number, return_to_review)
        separator = "&" if return_to_review else "?"
        return f"{url}{separator}new={','.join(new_unanswered)}#question-{new_unanswered[0]}"
    if return_to_review or number == STEP_COUNT:
        incomplete = intake.first_incomplete_step(answers)
        if incomplete is not None and incomplete != number:
            return _step_url(incomplete, return_to_review=True)
        return reverse("assessments:review")
    return _step_url(number + 1)


def _render_step(request, draft, form, return_to_review, problem="", status=200, new_keys=()):
    step = form.step
    return render(
        request,
        "assessments/step.html",
        {
            "draft": draft,
            "step": step,
            "step_count": STEP_COUNT,
            "form": form,
            "questions": form.questions(new_keys),
            "new_questions": [intake.QUESTIONS[key] for key in new_keys],
            "problem": problem,
            "return_to_review": return_to_review,
            "progress_percent": round(100 * step.number / STEP_COUNT),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def review(request):
    """Every answer in plain words, each with a link to change it; POST submits."""
    try:
        draft = _find_draft(request)
    except DraftProblem:
        return _restart(request, "We could not find the answers you tried to send.")
    if draft is None:
        messages.info(request, "Your session has ended. Start again, or resume with your code.")
        return redirect("assessments:start")
    if draft.is_submitted:
        return _to_sent_page()
    incomplete = intake.first_incomplete_step(draft.answers)
    if incomplete is not None:
        return redirect(_step_url(min(incomplete, draft.furthest_step), return_to_review=True))
    try:
        answers = intake.IntakeAnswers.model_validate(draft.answers)
    except ValidationError as exc:
        return _render_review_errors(request, draft, exc)
    if request.method == "POST":
        if refused := ratelimit.over_limit_response(request, "submit"):
            return refused
        try:
            assessment = assessment_submit(draft=draft)
        except ValidationError as exc:  # answers changed between GET and POST
            return _render_review_errors(request, draft, exc)
        # The session keeps the draft token: Back and reloads find the submitted draft
        # and are sent to the "answers sent" page.
        return redirect(assessment.secret_summary_path())
    draft_reached_review(draft=draft)
    return render(
        request,
        "assessments/review.html",
        {"draft": draft, "steps": answer_rows(answers.model_dump(mode="json", exclude_none=True))},
    )


def _render_review_errors(request, draft, exc: ValidationError):
    errors = intake.field_errors(exc)
    problems = []
    for key, texts in errors.items():
        question = intake.QUESTIONS.get(key)
        number = intake.STEP_OF[key].number if question else 1
        for text in texts:
            problems.append(
                {
                    "question": question.label if question else "Your answers",
                    "message": text,
                    "url": _step_url(number, return_to_review=True),
                }
            )
    return render(request, "assessments/review_problems.html", {"problems": problems}, status=400)


@never_cache
def saved(request):
    """The resume code and link after "Save and continue later"."""
    draft = _find_draft(request) if request.method == "GET" else None
    if draft is None:
        return redirect("assessments:start")
    if draft.is_submitted:
        return _to_sent_page()
    resume_url = request.build_absolute_uri(reverse("assessments:resume_link", args=[draft.token]))
    return render(request, "assessments/saved.html", {"draft": draft, "resume_url": resume_url})


@never_cache
@require_http_methods(["GET", "POST"])
def resume(request):
    """Type a resume code to bring back a saved draft."""
    error = ""
    if request.method == "POST":
        if refused := ratelimit.over_limit_response(request, "resume"):
            return refused
        code = normalise_code(request.POST.get("code", "")[:40])
        draft = Draft.objects.live().filter(resume_code=code).first() if code else None
        if draft is not None:
            return _resume_draft(request, draft)
        error = (
            "We could not find saved answers with that code. Check the code and try again. "
            "Saved answers are deleted after a while."
            if code
            else "Please type the resume code you were given."
        )
    return render(
        request,
        "assessments/resume.html",
        {"error": error, "code": request.POST.get("code", "")[:40]},
        status=400 if error else 200,
    )


@never_cache
def resume_link(request, token: str):
    """The resume link from the "saved" page."""
    if refused := ratelimit.over_limit_response(request, "resume"):
        return refused
    draft = live_draft(token) if is_token_shaped(token) else None
    if draft is None:
        return _restart(
            request,
            "These saved answers could not be found. They may have expired.",
            status=404,
        )
    return _resume_draft(request, draft)


def _resume_draft(request, draft: Draft):
    request.session.cycle_key()
    request.session[SESSION_DRAFT_KEY] = draft.token
    if draft.is_submitted:
        return _to_sent_page()
    incomplete = intake.first_incomplete_step(_resumable(draft).answers)
    if incomplete is None and draft.furthest_step >= STEP_COUNT:
        return redirect("assessments:review")
    return redirect("assessments:step", number=min(incomplete or draft.furthest_step, draft.furthest_step))


@never_cache
@require_GET
def sent(request):
    """After submitting: a link to the summary, wherever the patient comes back from."""
    draft = _find_draft(request)
    if draft is None or not draft.is_submitted:
        return redirect("assessments:start")
    return render(
        request, "assessments/sent.html", {"assessment": draft.assessment, "draft": draft}
    )


def _assessment_for_pdf(token: str) -> Assessment:
    """The PDF link's assessment, with only the few fields a download reads."""
    assessment = pdf.assessment_for_download(token) if is_token_shaped(token) else None
    if assessment is None:
        raise Http404("No such summary.")
    return assessment


@never_cache
def summary(request, token: str):
    """The patient's summary, reached only through its secret link."""
    assessment = assessment_for_token(token)
    context = summary_context(assessment)
    context["pdf_url"] = reverse("assessments:summary_pdf", args=[assessment.token])
    context.update(decisions.patient_follow_up_context(assessment))
    context["pdf_state"] = pdf_jobs.summary_pdf_state(assessment=assessment)
    context["pdf_status_url"] = reverse("assessments:summary_pdf_status", args=[assessment.token])
    return render(request, "assessments/summary.html", context)


# Seconds a browser (or a person) is asked to wait for a PDF the worker is making:
# a typical one is stored within about a second of the submit.
PDF_RETRY_AFTER_SECONDS = 3


@session_free
@require_GET
def summary_pdf(request, token: str):
    """The patient's summary as a PDF, through the same secret link.

    While a background worker runs, the PDF is never made here: until the worker has
    stored it, the link answers "being prepared, try again in a moment" (503 with
    Retry-After). Without a worker it is made now, as before. Every answer but a 404 is
    marked not to be cached, each once (not with @never_cache as well: it was 15 % of
    a stored PDF's CPU to set the same headers twice).
    """
    assessment = _assessment_for_pdf(token)
    if pdf_jobs.summary_pdf_state(assessment=assessment) == pdf_jobs.PdfState.PREPARING:
        pdf_jobs.summary_pdf_queue_if_missing(assessment=assessment)
        response = render(request, "assessments/pdf_preparing.html",
                          {"assessment": assessment, "pdf_url": request.path}, status=503)
        response["Retry-After"] = str(PDF_RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return summary_pdf_response(request, assessment)


@never_cache
@require_GET
def summary_pdf_status(request, token: str):
    """{"ready": true} once the PDF is stored: the summary page's script asks this."""
    assessment = _assessment_for_pdf(token)
    ready = pdf_jobs.summary_pdf_state(assessment=assessment) != pdf_jobs.PdfState.PREPARING
    return JsonResponse({"ready": ready})


# No CSRF token check: the page is sent with "Referrer-Policy: no-referrer" (its URL is the
# patient's secret), so browsers post it with "Origin: null" and no Referer, which
# Django's check refuses. The 256-bit token in the URL does the CSRF token's job (no other
# site can know it), and a post the browser marks as coming from another site is refused.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, token: str):
    """Confirm, then delete the patient's answers, summary and PDF for good."""
    assessment = assessment_for_token(token)
    if request.method == "POST":
        if started_by_another_site(request):
            raise PermissionDenied("A deletion must come from the patient's own page.")
        assessment_delete(assessment=assessment, action=AuditEvent.Action.PATIENT_DELETE)
        return render(request, "assessments/deleted.html")
    return render(request, "assessments/delete_confirm.html", {"assessment": assessment})
