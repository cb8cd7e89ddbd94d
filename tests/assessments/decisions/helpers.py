"""Shared set-up for the decision-quality tests."""

from datetime import date, timedelta

from django.utils import timezone

from assessments.decisions.models import Decision
from assessments.decisions.services import decision_record

SURE_ALL_YES = {"sure_sure": "yes", "sure_understand": "yes", "sure_risks_benefits": "yes",
                "sure_encouragement": "yes"}


def decision_values(**overrides) -> dict:
    return {"option": "prp", "decided_on": timezone.localdate(), "notes": "",
            **SURE_ALL_YES, **overrides}


def record(assessment, user, **overrides) -> Decision:
    return decision_record(assessment=assessment, recorded_by=user,
                           values=decision_values(**overrides), ip_address="127.0.0.1")


def move_decision_back(assessment, *, days: int) -> date:
    """The test's clock: the decision's date set back, as if that many days had passed."""
    decided_on = timezone.localdate() - timedelta(days=days)
    Decision.objects.filter(assessment=assessment).update(decided_on=decided_on)
    assessment.refresh_from_db()
    return decided_on
