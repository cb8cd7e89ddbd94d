"""Walk the questionnaire with the Django test client, as a browser without JavaScript."""

from django.urls import reverse

from assessments import intake
from assessments.models import Draft

# A complete, valid answer set with no red flags (early male-pattern loss).
MALE_ANSWERS = {
    "sex_at_birth": "male",
    "age_band": "25_34",
    "pattern": ["receding_temples", "crown_thinning"],
    "norwood_stage": "norwood_3",
    "duration": "1_5_years",
    "onset_speed": "slowly_over_years",
    "shedding_amount": "more_than_usual",
    "triggers_recent": ["none"],
    "family_history": "yes",
    "scalp_symptoms": ["none"],
    "other_hair_loss": ["none"],
    "nail_changes": "no",
    "general_symptoms": ["none"],
    "hair_pulling": "no",
    "allergies": ["none_known"],
    "severe_allergy_ever": "no",
    "past_injection_types": ["none"],
    "bleeding_disorder": ["none"],
    "blood_thinners": ["none"],
    "steroids_immunosuppressants": ["none"],
    "scalp_conditions": ["none"],
    "cancer": "never",
    "other_conditions": ["none"],
    "smoking": "no",
    "needle_comfort": "fine",
    "visit_availability": "every_2_4_weeks",
    "treatments_tried": ["minoxidil_topical"],
    "tried_result": "no_change_after_6_months",
    "goal": "regrow_some_hair",
    "priorities": ["own_body", "strongest_evidence"],
    "decision_stage": "considering",
    "decision_role": "share_with_doctor",
    "sure_sure": "no",
    "sure_understand": "yes",
    "sure_risks_benefits": "yes",
    "sure_encouragement": "yes",
}

FEMALE_ANSWERS = {
    **{k: v for k, v in MALE_ANSWERS.items() if k not in {"pattern", "norwood_stage"}},
    "sex_at_birth": "female",
    "age_band": "35_49",
    "periods": "regular",
    "pregnancy": "not_pregnant",
    "pattern": ["widening_part"],
    "ludwig_stage": "ludwig_1",
    "androgen_signs": ["none"],
}


def step_url(number: int) -> str:
    return reverse("assessments:step", args=[number])


def step_post(step: intake.Step, answers: dict, draft: Draft, action: str = "next", **extra):
    """Form data for one step: the applicable answers, as the browser would post them."""
    data = {"draft": draft.token, "action": action}
    for question in step.questions:
        if question.key in answers and question.applies(answers):
            data[question.key] = answers[question.key]
    data.update(extra)
    return data


def start(client) -> Draft:
    response = client.post(reverse("assessments:start"))
    assert response.status_code == 302
    assert response["Location"] == step_url(1)
    return Draft.objects.get(token=client.session["draft_token"])


def walk_all_steps(client, answers: dict) -> Draft:
    """Start and answer all six steps with Next; ends on the review page."""
    draft = start(client)
    for step in intake.STEPS:
        response = client.post(step_url(step.number), step_post(step, answers, draft))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("assessments:review")
    draft.refresh_from_db()
    return draft
