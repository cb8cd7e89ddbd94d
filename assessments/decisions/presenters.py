"""What the staff detail page and the patient's summary page show of decision quality.

Kept apart from ``views`` so that the pages' own views (assessments.views and
assessments.staff.views) can add it to their context without importing this package's
views, which import theirs.
"""

from django.utils import timezone

from assessments.models import Assessment

from . import schedule
from .calendar import reminder_ics
from .forms import DecisionForm, ReminderForm
from .models import RECORDED_FIELDS, Decision
from .services import follow_up_wave

RECORD_PERMS = ("assessments.add_decision", "assessments.change_decision")


def decision_form_for(assessment: Assessment, data=None) -> DecisionForm:
    """The staff form, filled with the decision as it stands (or today's date)."""
    decision = getattr(assessment, "decision", None)
    initial = ({name: getattr(decision, name) for name in RECORDED_FIELDS}
               if decision else {"decided_on": timezone.localdate()})
    return DecisionForm(data, initial=initial, summary_made_on=assessment.created_on)


def staff_decision_context(request, assessment: Assessment, form: DecisionForm | None = None
                           ) -> dict:
    """What the staff detail page's decision section (staff/_decision.html) shows."""
    decision = Decision.objects.filter(assessment=assessment).first()
    return {
        "decision": decision,
        "decision_revisions": list(decision.revisions.all()) if decision else [],
        "follow_ups": list(assessment.follow_ups.all()),
        "can_record_decision": request.user.has_perms(RECORD_PERMS),
        "decision_form": form or decision_form_for(assessment),
    }


def patient_follow_up_context(assessment: Assessment) -> dict:
    """The summary page's follow-up invitation and reminder (its template reads these)."""
    today = timezone.localdate()
    decision = getattr(assessment, "decision", None)
    decided_on = decision.decided_on if decision else None
    return {
        "follow_up_wave": follow_up_wave(assessment, today=today),
        "follow_up_next": (schedule.next_opening(decided_on=decided_on, today=today)
                           if decided_on else None),
        "reminder_form": ReminderForm(),
        "reminder_on": reminder_date(assessment),
    }


def reminder_date(assessment: Assessment):
    """3 months after the recorded decision; before the visit, 3 months after the summary."""
    decision = getattr(assessment, "decision", None)
    start = decision.decided_on if decision else assessment.created_on
    return schedule.wave_opens_on(start, schedule.FIRST_WAVE)


def pdf_reminder_ics(assessment: Assessment) -> bytes:
    """The reminder the summary PDF carries as an attachment: the reference code only.

    Never the secret link (a PDF is printed, forwarded and stored in other places), and
    no site address (the background worker that makes the PDF knows none): the event
    says where to type the code in words. Stamped with the summary's own time, so the
    same summary always gives the same file.
    """
    return reminder_ics(on=reminder_date(assessment),
                        reference_display=assessment.reference_display,
                        follow_up_url=None, made_at=assessment.created_at)
