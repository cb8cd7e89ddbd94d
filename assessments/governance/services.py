"""Ruleset sign-off and the clinical status of the running site. No HTTP here."""

import functools
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import dateformat, timezone

from assessments import rules
from assessments.audit import audit_record
from assessments.governance import rulebook
from assessments.governance.models import ReviewerProfile, RulesetApproval
from assessments.models import AuditEvent
from content import loading as content_loading
from content.approvals import services as content_approvals
from content.context_processors import site_values
from content.review_status import GuideReview

APPROVE_RULESET_PERMISSION = "assessments.approve_ruleset"


class SignOffRefused(Exception):
    """The user may not approve; the message says why, in plain words."""


@functools.cache
def running_fingerprint() -> str:
    """The rules are code: their fingerprint cannot change while the process runs."""
    return rules.ruleset_fingerprint()


def current_approval() -> RulesetApproval | None:
    """The approval of exactly the rules running now (version and fingerprint), if any."""
    return (
        RulesetApproval.objects.filter(
            ruleset_version=rules.RULESET_VERSION, fingerprint=running_fingerprint()
        )
        .order_by("-approved_at", "-pk")
        .first()
    )


def last_other_approval() -> RulesetApproval | None:
    """The most recent sign-off of a different ruleset: what the diff compares with."""
    return (
        RulesetApproval.objects.exclude(fingerprint=running_fingerprint())
        .order_by("-approved_at", "-pk")
        .first()
    )


def reviewer_profile(user) -> ReviewerProfile | None:
    return ReviewerProfile.objects.filter(user=user).first() if user.is_authenticated else None


def refusal_reason(user) -> str | None:
    if not user.has_perm(APPROVE_RULESET_PERMISSION):
        return "Only a clinical reviewer can approve the rules."
    if reviewer_profile(user) is None:
        return ("Your reviewer profile (name, profession, registration number) is missing. "
                "Ask an administrator to add it: patients are shown who approved the rules.")
    if current_approval() is not None:
        return "This ruleset version is already approved."
    return None


@transaction.atomic
def approve_ruleset(*, reviewer, note: str, ip_address: str | None) -> RulesetApproval:
    if reason := refusal_reason(reviewer):
        raise SignOffRefused(reason)
    profile = reviewer_profile(reviewer)
    approval = RulesetApproval.objects.create(
        ruleset_version=rules.RULESET_VERSION,
        fingerprint=running_fingerprint(),
        approved_by=reviewer,
        reviewer_name=profile.full_name,
        reviewer_profession=profile.profession,
        reviewer_registration=profile.registration_number,
        note=note,
        rules_snapshot=rulebook.snapshot(),
    )
    audit_record(
        actor=reviewer, action=AuditEvent.Action.RULESET_APPROVE, ip_address=ip_address,
        detail=f"ruleset {approval.ruleset_version} ({approval.fingerprint[:12]}) "
               f"as {profile.credentials}",
    )
    return approval


@dataclass(frozen=True)
class ReviewStatus:
    """What a clinician has reviewed, said the same way everywhere (issue 23 point 3):
    the summary page's top, its PDF, the staff page and ``clinical_status``; the footer
    of every page says the guide's half (``GuideReview.sentence``).

    ``ruleset_approval`` is the approval of the rules that made a summary (stored with
    it), or of the rules running now; the guide is counted as it stands now.
    """

    ruleset_approval: RulesetApproval | None
    guide: GuideReview

    @property
    def rules_sentence(self) -> str:
        approval = self.ruleset_approval
        if approval is None:
            return "Rules: not yet reviewed by a clinician."
        day = dateformat.format(timezone.localtime(approval.approved_at), "j F Y")
        return f"Rules: reviewed by {approval.credentials}, on {day}."

    @property
    def guide_sentence(self) -> str:
        return self.guide.sentence


def review_status(*, ruleset_approval: RulesetApproval | None) -> ReviewStatus:
    """The review status for rules approved by ``ruleset_approval`` (None: not approved)."""
    return ReviewStatus(ruleset_approval=ruleset_approval, guide=site_values()["guide_review"])


@dataclass(frozen=True)
class ClinicalStatus:
    ruleset_version: str
    ruleset_approval: RulesetApproval | None
    unapproved_items: list[str]
    # Corrected shipped facts for edited guide items, waiting for a reviewer (load_guide).
    corrections_waiting: list[str] = field(default_factory=list)

    @property
    def ruleset_approved(self) -> bool:
        return self.ruleset_approval is not None

    @property
    def all_approved(self) -> bool:
        return (self.ruleset_approved and not self.unapproved_items
                and not self.corrections_waiting)

    def as_json(self) -> dict:
        approval = self.ruleset_approval
        return {
            "ruleset_version": self.ruleset_version,
            "ruleset_approved": self.ruleset_approved,
            "guide_pages_unapproved": len(self.unapproved_items),
            "approved_by": None if approval is None else {
                "name": approval.reviewer_name,
                "profession": approval.reviewer_profession,
                "registration_number": approval.reviewer_registration,
                "approved_at": approval.approved_at.isoformat(),
            },
            "unapproved_guide_items": self.unapproved_items,
            # The words patients read, exactly (summary page, PDF, every page's footer).
            "patients_read": [self.review_status.rules_sentence,
                              self.review_status.guide_sentence],
            "guide_corrections_waiting": self.corrections_waiting,
        }

    @property
    def review_status(self) -> ReviewStatus:
        return review_status(ruleset_approval=self.ruleset_approval)


def clinical_status() -> ClinicalStatus:
    return ClinicalStatus(
        ruleset_version=rules.RULESET_VERSION,
        ruleset_approval=current_approval(),
        unapproved_items=[
            f"{obj._meta.verbose_name} “{obj}”"
            for obj in content_approvals.unapproved_published_items()
        ],
        corrections_waiting=content_loading.corrections_waiting(),
    )
