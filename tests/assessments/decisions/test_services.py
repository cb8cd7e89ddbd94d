"""Recording a decision (with history and audit) and the patient's follow-up."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessments.decisions.models import Decision, DecisionRevision, FollowUp
from assessments.decisions.services import FollowUpClosed, follow_up_record, follow_up_wave
from assessments.models import Assessment, AuditEvent
from assessments.services import assessment_delete
from tests.assessments.factories import make_assessment, make_staff

from .helpers import move_decision_back, record

pytestmark = pytest.mark.django_db


def test_first_record_keeps_a_revision_and_an_audit_line(assessment, nurse):
    decision = record(assessment, nurse, notes="Starts next week.", sure_sure="no")
    assert decision.sure_score == 3
    assert decision.recorded_by_name == "nurse"
    assert list(decision.revisions.values_list("option", "notes")) == [
        ("prp", "Starts next week.")]
    event = AuditEvent.objects.get(action=AuditEvent.Action.DECISION_RECORD)
    assert event.assessment == assessment and event.actor == nurse
    assert event.detail == "PRP (platelet-rich plasma)"
    # Beside the summary, never inside the patient's answers.
    assessment.refresh_from_db()
    assert "option" not in assessment.answers and "decision" not in assessment.summary


def test_a_change_keeps_what_was_before(assessment, nurse):
    record(assessment, nurse)
    doctor = make_staff("doctor")
    record(assessment, doctor, option="finasteride")
    decision = Decision.objects.get(assessment=assessment)
    assert decision.option == "finasteride" and decision.recorded_by == doctor
    history = list(decision.revisions.values_list("option", "recorded_by_name"))
    assert history == [("finasteride", "doctor"), ("prp", "nurse")]
    event = AuditEvent.objects.get(action=AuditEvent.Action.DECISION_CHANGE)
    assert event.detail == "from PRP (platelet-rich plasma) to Finasteride"


def test_saving_the_same_again_changes_nothing(assessment, nurse):
    record(assessment, nurse)
    record(assessment, nurse)
    assert DecisionRevision.objects.count() == 1
    assert AuditEvent.objects.filter(action__startswith="decision").count() == 1


def test_no_follow_up_without_a_decision_or_before_three_months(assessment, nurse):
    assert follow_up_wave(assessment) is None
    record(assessment, nurse)
    assessment.refresh_from_db()
    assert follow_up_wave(assessment) is None
    with pytest.raises(FollowUpClosed):
        follow_up_record(assessment=assessment, responses=[1, 5, 1, 5, 1], hair_change="same")


def test_follow_up_at_three_months_is_scored_and_answered_once(assessment, nurse):
    record(assessment, nurse)
    move_decision_back(assessment, days=100)
    assert follow_up_wave(assessment) == 3
    follow_up = follow_up_record(assessment=assessment, responses=[2, 4, 2, 5, 2],
                                 hair_change="better")
    assert (follow_up.wave, follow_up.regret_score, follow_up.option) == (3, 20, "prp")
    assert follow_up_wave(assessment) is None
    with pytest.raises(FollowUpClosed):
        follow_up_record(assessment=assessment, responses=[1, 5, 1, 5, 1], hair_change="same")
    assert FollowUp.objects.count() == 1


def test_decided_later_is_not_followed_up(assessment, nurse):
    record(assessment, nurse, option="decided_later")
    move_decision_back(assessment, days=100)
    assert follow_up_wave(assessment) is None


def _with_everything(nurse) -> Assessment:
    assessment = make_assessment()
    record(assessment, nurse)
    record(assessment, nurse, option="mesotherapy")
    move_decision_back(assessment, days=100)
    follow_up_record(assessment=assessment, responses=[1, 5, 1, 5, 1], hair_change="same")
    return assessment


def test_the_patients_delete_removes_decision_history_and_follow_ups(nurse):
    assessment = _with_everything(nurse)
    assessment_delete(assessment=assessment, action=AuditEvent.Action.PATIENT_DELETE)
    assert not Decision.objects.exists()
    assert not DecisionRevision.objects.exists()
    assert not FollowUp.objects.exists()


def test_the_retention_purge_removes_them_too(nurse, settings):
    assessment = _with_everything(nurse)
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=timezone.now() - timedelta(days=settings.HAIRTX_RETENTION_DAYS + 1))
    call_command("purge_expired", stdout=StringIO())
    assert not Decision.objects.exists()
    assert not DecisionRevision.objects.exists()
    assert not FollowUp.objects.exists()
