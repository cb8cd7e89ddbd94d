"""One assessment's record in the staff area: finding it by its reference code (counted
and audited) and drawing its detail page.

The staff views and decision quality's staff half (``assessments.decisions.views``, which
records the decision on the same page) both use these, so neither imports the other's
views.
"""

import functools

from django.http import Http404
from django.shortcuts import render

from assessments import pdf_jobs, ratelimit
from assessments.decisions import presenters as decisions
from assessments.http import audit_request
from assessments.models import Assessment, normalise_code
from assessments.presenters import key_facts, summary_context
from assessments.staff import selectors
from assessments.staff.forms import ReviewForm

VIEW_PERM = "assessments.view_assessment"


class LookupRefused(Exception):
    """Over the look-up limit; carries the 429 page that ``code_lookup`` returns."""

    def __init__(self, response):
        self.response = response


def lookup(request, reference_code: str, action: str) -> Assessment:
    """The assessment with this code, counted against the user's look-up limit.

    Raises LookupRefused (with the 429 page) over the limit, and Http404 when no
    assessment has the code; a miss is audited too, so guessing leaves a trail.
    """
    if refused := ratelimit.over_limit_response(request, "reference", per_user=True):
        raise LookupRefused(refused)
    assessment = (
        Assessment.objects.for_reference(reference_code)
        .select_related("reviewed_by", "ruleset_approval")
        .first()
    )
    if assessment is None:
        audit_request(request, action, reference_code=normalise_code(reference_code)[:16],
                      detail="not found")
        raise Http404("No assessment with that reference code.")
    return assessment


def code_lookup(view):
    """Turns LookupRefused into its 429 page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LookupRefused as refused:
            return refused.response

    return wrapped


def detail_page(request, assessment: Assessment, review_form: ReviewForm, status: int = 200,
                decision_form=None):
    """The record's page: the summary, key facts, review and decision forms."""
    context = {
        **summary_context(assessment),
        **decisions.staff_decision_context(request, assessment, decision_form),
        "key_facts": key_facts(assessment),
        # For clinicians only: never on a patient's page or PDF (rules.md v3).
        "what_would_change": selectors.what_would_change_for(assessment),
        "pdf_failure": "" if assessment.pdf_name else pdf_jobs.last_pdf_failure(
            assessment=assessment),
        "show_rule_ids": True,  # staff see which rule wrote each line; patients do not
        "review_form": review_form,
        "can_review": request.user.has_perm("assessments.review_assessment"),
    }
    return render(request, "staff/detail.html", context, status=status)
