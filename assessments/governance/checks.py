"""`check --deploy` warns while the running rules or any published guide item lack a
clinician's approval. The same facts as `manage.py clinical_status`, for people reading
the deploy checklist; the command's exit code is for release pipelines."""

from django.core.checks import Warning, register
from django.db import DatabaseError

RULESET_NOT_APPROVED = "hairtx.W101"
GUIDE_NOT_APPROVED = "hairtx.W102"
STATUS_UNKNOWN = "hairtx.W103"
CLINICAL_TAG = "clinical"


@register(CLINICAL_TAG, deploy=True)
def clinical_sign_off_check(app_configs=None, **kwargs):
    from assessments.governance.services import clinical_status

    try:
        status = clinical_status()
    except DatabaseError as error:
        return [Warning(
            "The clinical sign-off status cannot be read from the database.",
            hint=f"Run `manage.py migrate`, then `manage.py clinical_status`. ({error})",
            id=STATUS_UNKNOWN,
        )]
    problems = []
    if not status.ruleset_approved:
        problems.append(Warning(
            f"Ruleset {status.ruleset_version} is not approved by a clinical reviewer; every "
            "summary says it has not been reviewed by a clinician.",
            hint="A clinical reviewer approves it on the staff rulebook page (/staff/rulebook/).",
            id=RULESET_NOT_APPROVED,
        ))
    if status.unapproved_items or status.corrections_waiting:
        problems.append(Warning(
            f"{len(status.unapproved_items)} published guide item(s) are not approved by a "
            f"clinical reviewer; {len(status.corrections_waiting)} corrected shipped fact(s) "
            "wait for one.",
            hint="See `manage.py clinical_status`; reviewers approve them in the admin under "
                 "“Guide changes for clinical review”.",
            id=GUIDE_NOT_APPROVED,
        ))
    return problems
