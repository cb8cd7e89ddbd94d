"""Assessments made through the real path: answers -> Draft -> services.assessment_submit."""

from django.contrib.auth.models import Group, User

from assessments.models import Assessment, Draft
from assessments.services import assessment_submit
from tests.answers import build_answer_dict

# Answers that raise a red flag (nail changes: R2) on top of the quiet baseline.
RED_FLAG = {"nail_changes": "yes"}


def valid_answers(**overrides) -> dict:
    """The rules colleague's quiet baseline (tests/assessments/conftest.py) with overrides."""
    return build_answer_dict(**overrides)


def make_assessment(**overrides) -> Assessment:
    """Submit a draft holding the baseline answers with ``overrides``."""
    draft = Draft.objects.create(answers=valid_answers(**overrides))
    return assessment_submit(draft=draft)


def make_user(username: str, *, group: str | None = None, **fields) -> User:
    user = User.objects.create_user(username=username, password="a long test password", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_staff(username: str = "nurse") -> User:
    return make_user(username, group="Clinic staff")


# The three patients of issue 12 (docs/patient-experience.md), as overrides of the quiet
# baseline; scripts/measure_patient_experience.py measures the same three.
ISSUE_12_PATIENTS: dict[str, dict] = {
    "receding-temples": {
        "age_band": "25_34",
        "pattern": ["receding_temples"],
        "norwood_stage": "norwood_2",
        "duration": "1_5_years",
        "family_history": "yes",
        "treatments_tried": ["none"],
        "goal": "stop_it_getting_worse",
        "priorities": ["strongest_evidence", "fewer_visits"],
    },
    "after-birth": {
        "sex_at_birth": "female",
        "age_band": "25_34",
        "periods": "regular",
        "pregnancy": "gave_birth_last_12_months",
        "breastfeeding_now": "no",
        "pattern": ["diffuse_shedding", "diffuse_thinning"],
        "ludwig_stage": "ludwig_1",
        # 6 to 12 months (issue 12 had 3 to 6): from ruleset 2027.01 handfuls under 6 months
        # after a birth are no warning sign (rules.md v3 R2), and these measurements are of
        # her red-flag page.
        "duration": "6_12_months",
        "onset_speed": "over_months",
        "shedding_amount": "handfuls_or_clumps",
        "triggers_recent": ["gave_birth", "major_stress"],
        "general_symptoms": ["marked_tiredness"],
        "allergies": ["local_anaesthetic"],
        "needle_comfort": "very_anxious",
        "priorities": ["own_body", "no_daily_routine"],
        "sure_sure": "no",
        "sure_understand": "no",
    },
    "sudden-patches": {
        "age_band": "18_24",
        "pattern": ["patchy_bald_spots"],
        "duration": "lt_3_months",
        "onset_speed": "sudden_days_weeks",
        "shedding_amount": "handfuls_or_clumps",
        "nail_changes": "yes",
        "family_history": "no",
    },
}


# The three patients of issue 23, who walked the questionnaire for its length: a man of
# 28 with receding temples, a breastfeeding woman of 34 shedding after a birth, and a
# woman of 45 on warfarin. Answers both intake schemas accept (no treatment tried).
ISSUE_23_PATIENTS: dict[str, dict] = {
    # The same answers as issue 12's man (25-34, Norwood 2, nothing tried).
    "man-28-temples": ISSUE_12_PATIENTS["receding-temples"],
    "breastfeeding-34": {
        "sex_at_birth": "female",
        "age_band": "25_34",
        "periods": "irregular",
        "pregnancy": "gave_birth_last_12_months",
        "breastfeeding_now": "yes",
        "pattern": ["diffuse_shedding"],
        "duration": "3_6_months",
        "onset_speed": "over_months",
        "shedding_amount": "handfuls_or_clumps",
        "triggers_recent": ["gave_birth"],
        "family_history": "no",
        "general_symptoms": ["marked_tiredness"],
        "needle_comfort": "very_anxious",
        "priorities": ["own_body", "no_daily_routine"],
        "sure_sure": "no",
    },
    "warfarin-45": {
        "sex_at_birth": "female",
        "age_band": "35_49",
        "periods": "regular",
        "pregnancy": "not_pregnant",
        "pattern": ["widening_part"],
        "ludwig_stage": "ludwig_2",
        "blood_thinners": ["warfarin_or_similar"],
        "other_conditions": ["heart_condition_or_low_blood_pressure"],
        "priorities": ["low_allergy_risk"],
    },
}
