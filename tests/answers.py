"""Shared answer sets for the tests: one quiet, valid answer set to vary.

The baseline is a man of 35-49 with slowly receding temples (Norwood 3) and nothing
else of note, so only the always-on content (R0) and the pattern-loss rule (R15) fire.
Tests change one or two answers and look at what the rules add. A plain module (not a
conftest) so that any test module can import it.
"""

import copy

from hypothesis import strategies as st

from assessments.intake import QUESTIONS, drop_inapplicable

BASELINE_ANSWERS: dict = {
    "sex_at_birth": "male",
    "age_band": "35_49",
    "family_plans": "no",
    "pattern": ["receding_temples"],
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
    "hormone_medicines": ["none"],
    "smoking": "no",
    "needle_comfort": "nervous_but_ok",
    "visit_availability": "every_2_4_weeks",
    "treatments_tried": ["none"],
    "goal": "stop_it_getting_worse",
    "decision_stage": "considering",
    "decision_role": "share_with_doctor",
    "sure_sure": "yes",
    "sure_understand": "yes",
    "sure_risks_benefits": "yes",
    "sure_encouragement": "yes",
}

# Answers a non-male person is also asked, quiet values, and female-pattern thinning in
# place of receding temples (which, before the menopause, is a red flag: R5).
NOT_MALE_EXTRAS: dict = {
    "pattern": ["widening_part"],
    "ludwig_stage": "ludwig_1",
    "periods": "regular",
    "pregnancy": "not_pregnant",
    "breastfeeding_now": "no",
    "androgen_signs": ["none"],
}

ABSENT = object()
"""Use as an override value to leave a question out."""


def build_answer_dict(**overrides) -> dict:
    """The baseline with ``overrides`` applied; answers that stop applying are dropped."""
    data = copy.deepcopy(BASELINE_ANSWERS)
    if overrides.get("sex_at_birth", "male") != "male":
        data.update(copy.deepcopy(NOT_MALE_EXTRAS))
    for key, value in overrides.items():
        if value is ABSENT:
            data.pop(key, None)
        else:
            data[key] = value
    return drop_inapplicable(data)


@st.composite
def valid_answer_sets(draw) -> dict:
    answers: dict = {}
    for key, question in QUESTIONS.items():
        if not question.applies(answers):
            continue
        if question.kind == "one":
            answers[key] = draw(st.sampled_from(question.values))
        elif question.kind == "text":
            text = draw(st.none() | st.text(max_size=question.max_length))
            if text is not None:
                answers[key] = text
        else:
            # Mostly "none": real people have few warning signs, and answer sets full of
            # red flags would only ever test the doctor_first path.
            if question.exclusive and draw(st.integers(0, 9)) < 7:
                answers[key] = [question.exclusive]
                continue
            others = [value for value in question.values if value != question.exclusive]
            chosen = draw(st.lists(
                st.sampled_from(others),
                min_size=1 if question.required else 0,
                max_size=question.max_choices or 3,
                unique=True,
            ))
            if chosen:
                answers[key] = chosen
    return answers
