"""The rulebook page (staff area) and the ruleset approval form.

Readable by clinical reviewers (`assessments.view_rulesetapproval`); approving needs
`assessments.approve_ruleset` and a reviewer profile, checked in the service.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments import rules
from assessments.governance import rulebook, services
from assessments.governance.forms import RulesetApprovalForm
from assessments.http import permission_view
from content.approvals.models import ContentChange
from hairtx.addresses import client_address

VIEW_PERMISSION = "assessments.view_rulesetapproval"


def _page(request, form: RulesetApprovalForm, status: int = 200):
    approval = services.current_approval()
    previous = services.last_other_approval()
    context = {
        "ruleset_version": rules.RULESET_VERSION,
        "fingerprint": services.running_fingerprint(),
        "approval": approval,
        "previous": previous,
        "changes": rulebook.compare(previous.rules_snapshot, rulebook.snapshot())
        if previous else None,
        "entries": rulebook.entries(),
        "headlines": rules.HEADLINES,
        "examples": rulebook.worked_examples(),
        "refusal": services.refusal_reason(request.user),
        "form": form,
        "pending_guide_changes": ContentChange.objects.pending().count(),
        "staff_section": "rulebook",
    }
    return render(request, "assessments/governance/rulebook.html", context, status=status)


@permission_view(VIEW_PERMISSION)
@require_GET
def rulebook_page(request):
    return _page(request, RulesetApprovalForm())


@permission_view(VIEW_PERMISSION)
@require_POST
def rulebook_approve(request):
    form = RulesetApprovalForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        approval = services.approve_ruleset(
            reviewer=request.user, note=form.cleaned_data["note"],
            ip_address=client_address(request),
        )
    except services.SignOffRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("staff:rulebook")
    messages.success(request, f"Ruleset {approval.ruleset_version} approved. New summaries "
                              f"name you as the reviewer.")
    return redirect("staff:rulebook")


@permission_view(VIEW_PERMISSION)
@require_GET
def rulebook_markdown(request):
    previous = services.last_other_approval()
    approval = services.current_approval()
    text = rulebook.to_markdown(
        approved_snapshot=previous.rules_snapshot if previous else None,
        approval_line=approval_sentence(approval),
    )
    return HttpResponse(text, content_type="text/markdown; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="rulebook-{rules.RULESET_VERSION}.md"'})


def approval_sentence(approval) -> str:
    if approval is None:
        return "Not yet approved by a clinical reviewer."
    return f"Approved by {approval.credentials} on {approval.approved_at:%Y-%m-%d}."
