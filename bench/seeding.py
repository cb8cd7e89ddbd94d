"""The bench data shared by bench/insights.py and bench/decision_quality.py: import it
after ``django.setup()``. Both measure the insights page over the same seeded rows, so
their figures compare."""

import random
from datetime import timedelta

from django.utils import timezone

from assessments import intake
from assessments.decisions.models import Decision, FollowUp
from assessments.decisions.options import CHOSEN_OPTIONS
from assessments.decisions.schedule import add_months
from assessments.models import (
    Assessment,
    AssessmentSignal,
    Draft,
    QuestionnaireProgress,
)
from assessments.services import assessment_signals_build
from bench.tasks import build_rows

STEPS = len(intake.STEPS)
rng = random.Random(16)


def seed_assessments(total: int, *, decisions: bool = False) -> None:
    """Assessments over 180 days with their signal rows; with ``decisions``, a decision
    for 60% of them and a 3-month follow-up for two thirds of the due ones."""
    missing = total - Assessment.objects.count()
    for start in range(0, missing, 5000):
        created = Assessment.objects.bulk_create(build_rows(min(5000, missing - start)),
                                                 batch_size=1000)
        AssessmentSignal.objects.bulk_create(
            [signal for row in created for signal in assessment_signals_build(row)],
            batch_size=5000)
        if decisions:
            seed_decisions(created)


def seed_decisions(assessments: list[Assessment]) -> None:
    """Decided 0 to 30 days after the summary, any option; answered with a few scores."""
    today = timezone.localdate()
    options = list(CHOSEN_OPTIONS)
    made = [
        Decision(assessment=row, option=rng.choice(options),
                 decided_on=min(today, row.created_on + timedelta(days=rng.randint(0, 30))),
                 sure_sure="yes", sure_understand="yes", sure_risks_benefits="no",
                 sure_encouragement="yes", sure_score=3)
        for row in assessments if rng.random() < 0.6
    ]
    Decision.objects.bulk_create(made, batch_size=1000)
    FollowUp.objects.bulk_create([
        FollowUp(assessment=decision.assessment, wave=3, option=decision.option,
                 regret_1=1, regret_2=5, regret_3=2, regret_4=5, regret_5=1,
                 regret_score=rng.choice([0, 5, 10, 20, 40]), hair_change="same")
        for decision in made
        if add_months(decision.decided_on, 3) <= today and rng.random() < 2 / 3
    ], batch_size=1000)


def seed_drafts(total: int) -> None:
    """Drafts, each with its funnel record; a third of the records submitted."""
    now = timezone.now()
    missing = total - Draft.objects.count()
    for start in range(0, missing, 10_000):
        records = []
        for _ in range(min(10_000, missing - start)):
            started = now - timedelta(seconds=rng.randint(60, 180 * 86400))
            step = min(STEPS, 1 + int(rng.expovariate(0.35)))
            submitted = step == STEPS and rng.random() < 0.8
            records.append(QuestionnaireProgress(
                started_at=started, furthest_step=step,
                last_step_at=started + timedelta(minutes=step),
                reached_review_at=started + timedelta(minutes=STEPS + 1) if submitted else None,
                submitted_at=started + timedelta(minutes=rng.randint(8, 40)) if submitted
                else None,
            ))
        records = QuestionnaireProgress.objects.bulk_create(records, batch_size=2000)
        Draft.objects.bulk_create(
            [Draft(progress=record, furthest_step=record.furthest_step) for record in records],
            batch_size=2000)


