"""Ruleset sign-off and the clinical status of the running site. No HTTP here."""

import functools
from dataclasses import dataclass

from django.db import transaction

from assessments import rules
from assessments.audit import audit_record
from assessments.governance import rulebook
from assessments.governance.models import ReviewerProfile, RulesetApproval
from assessments.models import AuditEvent
from content.approvals import services as content_approvals

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
class ClinicalStatus:
    ruleset_version: str
    ruleset_approval: RulesetApproval | None
    unapproved_items: list[str]

    @property
    def ruleset_approved(self) -> bool:
        return self.ruleset_approval is not None

    @property
    def all_approved(self) -> bool:
        return self.ruleset_approved and not self.unapproved_items

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
        }


def clinical_status() -> ClinicalStatus:
    return ClinicalStatus(
        ruleset_version=rules.RULESET_VERSION,
        ruleset_approval=current_approval(),
        unapproved_items=[
            f"{obj._meta.verbose_name} “{obj}”"
            for obj in content_approvals.unapproved_published_items()
        ],
    )
