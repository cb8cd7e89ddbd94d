"""Fill the insights columns for assessments and drafts stored before 0005.

Each assessment gets its local day, its SURE score and one signal row per red flag,
caution and readiness need in its stored summary; each draft still open gets a progress
record (started when the draft was made, at the step it reached). The summary-reading
code is copied from assessments.services.summary_signals as it is today, because a
migration must not change when that code does.
"""

from django.db import migrations
from django.utils import timezone

BATCH = 1000


def _signals(summary: dict) -> set[tuple[str, str]]:
    found = {("red_flag", item["rule"]) for item in summary.get("red_flags", [])}
    options = summary.get("options", {})
    others = [
        *(item for option in options.values() for side in option.values() for item in side),
        *summary.get("also_discuss", []), *summary.get("questions_to_ask", []),
        *summary.get("to_bring", []), *summary.get("expectations", []),
    ]
    found |= {("caution", item["rule"]) for item in others
              if item.get("severity") in {"caution", "stop"}}
    readiness = summary.get("decision_readiness", {})
    found |= {("need", need) for need in readiness.get("needs", [])}
    return found


def backfill(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    AssessmentSignal = apps.get_model("assessments", "AssessmentSignal")
    Draft = apps.get_model("assessments", "Draft")
    QuestionnaireProgress = apps.get_model("assessments", "QuestionnaireProgress")

    pending, signals = [], []
    for assessment in Assessment.objects.filter(created_on__isnull=True).iterator(BATCH):
        assessment.created_on = timezone.localdate(assessment.created_at)
        assessment.sure_score = assessment.summary.get("decision_readiness", {}).get("sure_score")
        pending.append(assessment)
        signals += [
            AssessmentSignal(assessment_id=assessment.pk, created_on=assessment.created_on,
                             kind=kind, code=code)
            for kind, code in sorted(_signals(assessment.summary))
        ]
        if len(pending) >= BATCH:
            Assessment.objects.bulk_update(pending, ["created_on", "sure_score"])
            AssessmentSignal.objects.bulk_create(signals)
            pending, signals = [], []
    Assessment.objects.bulk_update(pending, ["created_on", "sure_score"])
    AssessmentSignal.objects.bulk_create(signals)

    for draft in Draft.objects.filter(progress__isnull=True).iterator(BATCH):
        draft.progress = QuestionnaireProgress.objects.create(
            started_at=draft.created_at, furthest_step=draft.furthest_step,
            last_step_at=draft.updated_at,
        )
        draft.save(update_fields=["progress"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_insights")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
