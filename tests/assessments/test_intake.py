"""IntakeAnswers: the public vocabulary, conditional questions and patient-friendly errors."""

import json

import pytest
from pydantic import ValidationError

from assessments import intake
from assessments.intake import (
    QUESTIONS,
    STEPS,
    IntakeAnswers,
    answer_pairs,
    applicable_keys,
    drop_inapplicable,
    field_errors,
)
from tests.answers import ABSENT, build_answer_dict

# The contract of intake.md, written out again on purpose: if a key or value changes
# in intake.py by accident, this test says so.
CONTRACT_VALUES = {
    "sex_at_birth": ["female", "male", "intersex", "prefer_not_to_say"],
    "age_band": ["under_18", "18_24", "25_34", "35_49", "50_64", "65_plus"],
    "periods": ["regular", "irregular", "stopped_menopause", "stopped_other_reason",
                "not_applicable"],
    "pregnancy": ["not_pregnant", "pregnant", "trying_to_conceive",
                  "gave_birth_last_12_months"],
    "breastfeeding_now": ["yes", "no"],
    "family_plans": ["trying_for_baby_or_soon", "no", "not_sure"],
    "pattern": ["receding_temples", "crown_thinning", "widening_part", "diffuse_thinning",
                "diffuse_shedding", "patchy_bald_spots", "hairline_band_front_or_sides",
                "where_hair_is_pulled", "broken_hairs", "other", "not_sure"],
    "norwood_stage": ["norwood_1", "norwood_2", "norwood_3", "norwood_3v", "norwood_4",
                      "norwood_5", "norwood_6", "norwood_7", "not_sure"],
    "ludwig_stage": ["ludwig_1", "ludwig_2", "ludwig_3", "not_sure"],
    "duration": ["lt_3_months", "3_6_months", "6_12_months", "1_5_years", "gt_5_years"],
    "onset_speed": ["sudden_days_weeks", "over_months", "slowly_over_years", "not_sure"],
    "shedding_amount": ["normal", "more_than_usual", "handfuls_or_clumps"],
    "triggers_recent": ["none", "major_stress", "gave_birth", "high_fever_or_severe_illness",
                        "surgery", "rapid_weight_loss_or_crash_diet", "low_iron_or_heavy_periods",
                        "thyroid_problem", "new_or_stopped_medicine",
                        "tight_hairstyles_or_extensions", "harsh_chemicals_or_heat"],
    "family_history": ["yes", "no", "not_sure"],
    "scalp_symptoms": ["none", "mild_dandruff_only", "itching", "burning_or_pain", "redness",
                       "scaling_or_flaking", "pustules_or_crusts", "shiny_smooth_areas",
                       "tender_lumps"],
    "other_hair_loss": ["none", "eyebrows", "eyelashes", "beard", "body"],
    "nail_changes": ["yes", "no"],
    "androgen_signs": ["none", "irregular_or_absent_periods", "new_facial_or_body_hair",
                       "new_or_severe_adult_acne", "deeper_voice_or_other_body_changes"],
    "general_symptoms": ["none", "unexplained_weight_loss", "fever_or_night_sweats",
                         "marked_tiredness", "always_cold_or_hot_or_racing_heart",
                         "joint_pain_or_facial_rash"],
    "hair_pulling": ["yes", "no"],
    "allergies": ["none_known", "local_anaesthetic", "vitamins_or_supplement_injections",
                  "minoxidil", "finasteride_or_dutasteride", "hyaluronic_acid_or_fillers",
                  "antiseptics", "latex", "other"],
    "allergy_other_details": [],
    "severe_allergy_ever": ["yes", "no"],
    "past_injection_types": ["none", "prp", "mesotherapy", "fillers", "steroid_injections",
                             "botulinum_toxin", "other"],
    "past_injection_reaction": ["no_problems", "rash_or_swelling", "infection_or_lumps",
                                "hair_loss_at_injection_sites", "severe_reaction"],
    "bleeding_disorder": ["none", "low_platelets", "platelet_function_disorder",
                          "haemophilia_or_von_willebrand", "anaemia",
                          "bruise_or_bleed_easily_undiagnosed", "not_sure"],
    "blood_thinners": ["none", "warfarin_or_similar", "doac", "heparin_injections",
                       "antiplatelet", "aspirin_prescribed",
                       "aspirin_or_nsaid_self_bought_regularly",
                       "fish_oil_vitamin_e_ginkgo_garlic"],
    "steroids_immunosuppressants": ["none", "steroid_tablets_last_2_weeks",
                                    "steroid_injection_in_scalp_last_month",
                                    "immunosuppressant_or_biologic"],
    "scalp_conditions": ["none", "scalp_infection", "cold_sores_or_shingles_now",
                         "psoriasis_flare", "dermatitis_or_eczema_flare", "open_wounds_or_sores",
                         "diagnosed_scarring_alopecia", "diagnosed_alopecia_areata"],
    "cancer": ["never", "active_or_under_treatment", "blood_or_bone_marrow_cancer_ever",
               "other_cancer_finished_treatment"],
    "other_conditions": ["none", "diabetes_not_well_controlled", "autoimmune_disease",
                         "liver_or_kidney_disease", "heart_condition_or_low_blood_pressure",
                         "keloid_scars"],
    "hormone_medicines": ["none", "contraceptive_pill_patch_or_implant", "hrt", "testosterone",
                          "anti_androgen_or_spironolactone", "other_hormone", "not_sure"],
    "testosterone_purpose": ["gender_affirming", "low_dose_for_symptoms", "prefer_not_to_say"],
    "smoking": ["yes", "no", "stopped"],
    "needle_comfort": ["fine", "nervous_but_ok", "very_anxious", "have_fainted_before"],
    "visit_availability": ["weekly_possible", "every_2_4_weeks", "every_few_months", "not_sure"],
    "treatments_tried": ["none", "minoxidil_topical", "minoxidil_oral", "finasteride",
                         "dutasteride_oral", "antiandrogen_other", "prp", "mesotherapy",
                         "microneedling", "laser_device", "supplements", "hair_transplant",
                         "special_shampoos"],
    **{f"result_{treatment}": ["helped", "no_change_after_6_months", "stopped_side_effects",
                               "used_less_than_6_months", "still_using_too_early"]
       for treatment in ("minoxidil_topical", "minoxidil_oral", "finasteride",
                         "dutasteride_oral", "antiandrogen_other", "prp", "mesotherapy")},
    "goal": ["stop_it_getting_worse", "regrow_some_hair", "thicker_hair", "not_sure"],
    "priorities": ["own_body", "avoid_added_substances", "low_allergy_risk",
                   "strongest_evidence", "fewer_visits", "low_cost", "fewer_needles",
                   "no_daily_routine", "avoid_hormonal_medicines", "fast_change",
                   "maximum_effect", "no_blood_draw"],
    "decision_stage": ["not_thought_yet", "considering", "close_to_choosing", "already_chosen"],
    "decision_role": ["decide_myself", "share_with_doctor", "doctor_decides",
                      "with_family_or_partner"],
    "sure_sure": ["yes", "no"],
    "sure_understand": ["yes", "no"],
    "sure_risks_benefits": ["yes", "no"],
    "sure_encouragement": ["yes", "no"],
}


def errors_for(data) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        IntakeAnswers.model_validate(data)
    return field_errors(caught.value)


class TestVocabulary:
    def test_keys_and_values_match_the_contract(self):
        assert list(QUESTIONS) == list(CONTRACT_VALUES)
        for key, values in CONTRACT_VALUES.items():
            assert list(QUESTIONS[key].values) == values, key

    def test_model_fields_are_the_questions(self):
        assert list(IntakeAnswers.model_fields) == list(QUESTIONS)

    def test_steps_in_order_numbered_from_one(self):
        assert [s.number for s in STEPS] == list(range(1, len(STEPS) + 1))
        assert len({s.slug for s in STEPS}) == len(STEPS)
        assert STEPS[0].slug == "about-you" and STEPS[-1].slug == "what-matters"
        assert all(step.title and step.intro and step.questions for step in STEPS)

    def test_steps_keep_the_contract_order_of_questions(self):
        """Regrouping steps never reorders questions (IntakeAnswers follows this order)."""
        assert [q.key for step in STEPS for q in step.questions] == list(IntakeAnswers.model_fields)

    def test_few_pages_of_similar_length(self):
        """Issue 23: fewer screens (it was 9); issue 12: no page much longer than the
        others. Count the tab stops of the longest page a patient with nothing to report
        meets: each checkbox is a stop, a radio group is one, a text box is one; the
        health checklist is one stop per line (its follow-ups are asked only if ticked),
        and the per-treatment results are one compact group."""
        def stops(question):
            return len(question.choices) if question.kind == "multi" else 1

        lengths = []
        for step in STEPS:
            checklist = step.checklist
            shown = [q for q in step.questions if checklist is None or not checklist.item_for(q.key)]
            lengths.append(sum(stops(q) for q in shown)
                           + (len(checklist.items) + 1 if checklist else 0))
        assert len(STEPS) <= 5
        assert max(lengths) <= 40, lengths
        assert min(lengths) >= 6, lengths

    def test_checklist_lines_give_the_same_answers(self):
        """Each line of the health checklist stands for one question: not ticked is its
        "none", a yes/no line is answered by its tick, other lines ask a follow-up."""
        checklist = intake.HEALTH_CHECKLIST
        quiet = checklist.answers_from(["none"], {})
        assert quiet == {
            item.key: ([item.none_value] if QUESTIONS[item.key].kind == "multi"
                       else item.none_value)
            for item in checklist.items
        }
        assert quiet["cancer"] == "never" and quiet["nail_changes"] == "no"
        assert checklist.ticks_from(quiet) == ["none"]
        ticked = checklist.answers_from(
            ["nail_changes", "blood_thinners", "cancer"],
            {"blood_thinners": ["warfarin_or_similar"]},
        )
        assert ticked["nail_changes"] == "yes"
        assert ticked["blood_thinners"] == ["warfarin_or_similar"]
        assert "cancer" not in ticked  # ticked, its follow-up not answered yet
        assert checklist.ticks_from(ticked) == ["nail_changes", "blood_thinners", "cancer"]
        assert checklist.ticks_from({}) is None

    def test_only_the_two_optional_questions_are_optional(self):
        optional = {key for key, q in QUESTIONS.items() if not q.required}
        assert optional == {"allergy_other_details", "priorities"}

    def test_exclusive_answers_and_limits(self):
        exclusive = {key: q.exclusive for key, q in QUESTIONS.items() if q.exclusive}
        multis_with_none = {
            key for key, values in CONTRACT_VALUES.items()
            if QUESTIONS[key].kind == "multi" and ("none" in values or "none_known" in values)
        }
        assert set(exclusive) == multis_with_none
        assert exclusive["allergies"] == "none_known"
        assert QUESTIONS["priorities"].max_choices == 3
        assert QUESTIONS["allergy_other_details"].max_length == 200
        assert QUESTIONS["allergy_other_details"].kind == "text"

    def test_every_question_and_choice_has_plain_words(self):
        for question in QUESTIONS.values():
            assert question.label and not question.label.startswith(question.key)
            for choice in question.choices:
                assert choice.label and "_" not in choice.label, (question.key, choice.value)

    def test_sex_at_birth_explains_why_it_is_asked(self):
        assert "because" in QUESTIONS["sex_at_birth"].help_text.lower()

    def test_label_for(self):
        assert QUESTIONS["cancer"].label_for("never") == "No"
        with pytest.raises(KeyError):
            QUESTIONS["cancer"].label_for("maybe")


class TestConditions:
    @pytest.mark.parametrize(
        ("key", "asked_when", "not_asked_when"),
        [
            ("periods", {"sex_at_birth": "female"}, {"sex_at_birth": "male"}),
            ("pregnancy", {"sex_at_birth": "intersex"}, {"sex_at_birth": "male"}),
            ("androgen_signs", {"sex_at_birth": "prefer_not_to_say"}, {"sex_at_birth": "male"}),
            ("norwood_stage", {"pattern": ["crown_thinning"]}, {"pattern": ["widening_part"]}),
            ("norwood_stage", {"pattern": ["other", "receding_temples"]}, {"pattern": ["other"]}),
            ("ludwig_stage", {"pattern": ["diffuse_thinning"]}, {"pattern": ["crown_thinning"]}),
            ("ludwig_stage", {"pattern": ["widening_part"]}, {"pattern": ["diffuse_shedding"]}),
            ("allergy_other_details", {"allergies": ["latex", "other"]}, {"allergies": ["latex"]}),
            ("past_injection_reaction", {"past_injection_types": ["fillers"]},
             {"past_injection_types": ["none"]}),
            ("past_injection_reaction", {"past_injection_types": ["fillers"]}, {}),
            ("result_prp", {"treatments_tried": ["prp"]}, {"treatments_tried": ["none"]}),
            ("result_finasteride", {"treatments_tried": ["prp", "finasteride"]},
             {"treatments_tried": ["prp", "minoxidil_topical"]}),
            ("breastfeeding_now", {"sex_at_birth": "intersex"}, {"sex_at_birth": "male"}),
            ("family_plans", {"sex_at_birth": "male"}, {"sex_at_birth": "female"}),
            ("testosterone_purpose",
             {"sex_at_birth": "female", "hormone_medicines": ["hrt", "testosterone"]},
             {"sex_at_birth": "male", "hormone_medicines": ["testosterone"]}),
            ("testosterone_purpose",
             {"sex_at_birth": "prefer_not_to_say", "hormone_medicines": ["testosterone"]},
             {"sex_at_birth": "female", "hormone_medicines": ["hrt"]}),
        ],
    )
    def test_applies(self, key, asked_when, not_asked_when):
        assert QUESTIONS[key].applies(asked_when)
        assert not QUESTIONS[key].applies(not_asked_when)

    def test_unconditional_questions_always_apply(self):
        assert QUESTIONS["goal"].applies({})

    def test_applicable_keys_follow_the_answers(self):
        keys = applicable_keys({"sex_at_birth": "male", "pattern": ["widening_part"]})
        assert "ludwig_stage" in keys and "norwood_stage" not in keys
        assert "periods" not in keys and "pregnancy" not in keys

    def test_drop_inapplicable_removes_stale_answers_and_keeps_the_rest(self, baseline_answers):
        stale = dict(baseline_answers, pattern=["widening_part"], ludwig_stage="ludwig_1",
                     periods="regular", result_prp="helped", unknown_key=1)
        kept = drop_inapplicable(stale)
        assert "norwood_stage" not in kept and "periods" not in kept
        assert "result_prp" not in kept
        assert kept["ludwig_stage"] == "ludwig_1" and kept["unknown_key"] == 1
        assert drop_inapplicable(kept) == kept

    def test_not_asked_questions_may_be_missing_or_null(self, baseline_answers):
        as_null = dict(baseline_answers, periods=None, pregnancy=None, ludwig_stage=None)
        answers = IntakeAnswers.model_validate(as_null)
        assert answers.periods is None
        assert answers.as_plain_dict() == baseline_answers


class TestValidAnswers:
    def test_baseline_round_trips(self, baseline_answers):
        answers = IntakeAnswers.model_validate(baseline_answers)
        assert answers.as_plain_dict() == baseline_answers
        assert IntakeAnswers.model_validate_json(json.dumps(baseline_answers)) == answers

    def test_allergy_details_are_stripped(self):
        data = build_answer_dict(allergies=["other"], allergy_other_details="  penicillin \n")
        assert IntakeAnswers.model_validate(data).allergy_other_details == "penicillin"

    def test_blank_allergy_details_count_as_no_details(self):
        data = build_answer_dict(allergies=["other"], allergy_other_details="   ")
        assert IntakeAnswers.model_validate(data).allergy_other_details is None

    def test_allergy_details_may_be_exactly_200_characters(self):
        data = build_answer_dict(allergies=["other"], allergy_other_details="x" * 200)
        assert len(IntakeAnswers.model_validate(data).allergy_other_details) == 200

    @pytest.mark.parametrize("priorities", [ABSENT, None, [], ["low_cost", "own_body", "fast_change"]])
    def test_priorities_are_optional_up_to_three(self, priorities):
        answers = IntakeAnswers.model_validate(build_answer_dict(priorities=priorities))
        assert answers.priorities in (None, ["low_cost", "own_body", "fast_change"])


# (description, overrides, field that must carry the error)
INVALID_CASES = [
    ("value not in the list", {"age_band": "twelve"}, "age_band"),
    ("multi value not in the list", {"pattern": ["bald"]}, "pattern"),
    ("required question missing", {"goal": ABSENT}, "goal"),
    ("required question null", {"cancer": None}, "cancer"),
    ("required multi empty", {"scalp_symptoms": []}, "scalp_symptoms"),
    ("answer to a question that does not apply", {"periods": "regular"}, "periods"),
    ("norwood without temple or crown loss",
     {"pattern": ["widening_part"], "ludwig_stage": "ludwig_1", "norwood_stage": "norwood_2"},
     "norwood_stage"),
    ("conditional question unanswered", {"treatments_tried": ["prp"]}, "result_prp"),
    ("a result for a treatment not tried",
     {"treatments_tried": ["prp"], "result_prp": "helped", "result_finasteride": "helped"},
     "result_finasteride"),
    ("retired schema 2 key", {"tried_result": "helped"}, "tried_result"),
    ("retired schema 2 value", {"sex_at_birth": "female", "pregnancy": "breastfeeding"},
     "pregnancy"),
    ("none combined", {"triggers_recent": ["none", "surgery"]}, "triggers_recent"),
    ("none_known combined", {"allergies": ["none_known", "latex"]}, "allergies"),
    ("duplicate answer", {"pattern": ["receding_temples", "receding_temples"]}, "pattern"),
    ("unknown key", {"favourite_colour": "blue"}, "favourite_colour"),
    ("number for a single answer", {"sex_at_birth": 1}, "sex_at_birth"),
    ("boolean for yes/no", {"nail_changes": False}, "nail_changes"),
    ("string for a multi", {"other_hair_loss": "none"}, "other_hair_loss"),
    ("number for text", {"allergies": ["other"], "allergy_other_details": 5},
     "allergy_other_details"),
    ("too many priorities",
     {"priorities": ["low_cost", "own_body", "fast_change", "fewer_visits"]}, "priorities"),
    ("too-long text", {"allergies": ["other"], "allergy_other_details": "x" * 201},
     "allergy_other_details"),
]


class TestInvalidAnswers:
    @pytest.mark.parametrize(
        ("overrides", "key"),
        [case[1:] for case in INVALID_CASES],
        ids=[case[0] for case in INVALID_CASES],
    )
    def test_error_names_the_field_in_plain_words(self, baseline_answers, overrides, key):
        data = dict(baseline_answers)
        for name, value in overrides.items():
            if value is ABSENT:
                data.pop(name)
            else:
                data[name] = value
        errors = errors_for(data)
        assert key in errors, errors
        for message in errors[key]:
            # A sentence (it may open with an answer in quotes), or an instruction in the
            # GOV.UK pattern ("Select how old you are").
            assert message.lstrip("“")[0].isupper()
            assert message.endswith(".") or message.startswith("Select "), message
            assert "Value error" not in message and "Input should" not in message
            assert "Field required" not in message

    def test_friendly_messages_for_pydantic_errors(self, baseline_answers):
        errors = errors_for(dict(baseline_answers, age_band="old", goal=None, extra=1))
        assert errors["age_band"] == ["Please choose one of the listed answers."]
        assert errors["goal"] == ["Select what you would most like to happen"]
        assert errors["extra"] == ["This is not one of our questions. Please leave it out."]

    def test_missing_conditional_answer_message(self, baseline_answers):
        answers = dict(baseline_answers, sex_at_birth="female")
        del answers["family_plans"]
        errors = errors_for(answers)
        assert errors == {
            "periods": ["Select what your periods are like now"],
            "pregnancy": ["Select which of these is true for you now"],
            "breastfeeding_now": ["Select yes if you are breastfeeding now"],
            "androgen_signs": ["Select at least one, or None of these"],
        }

    def test_exclusive_message_names_the_answer(self, baseline_answers):
        errors = errors_for(dict(baseline_answers, allergies=["none_known", "latex"]))
        assert "No allergies that I know of" in errors["allergies"][0]

    def test_every_problem_is_reported_at_once(self, baseline_answers):
        data = dict(baseline_answers, age_band="old", periods="regular")
        assert set(errors_for(data)) == {"age_band", "periods"}

    def test_no_applicability_error_when_the_deciding_answer_is_itself_invalid(
        self, baseline_answers
    ):
        # pattern is broken, so whether norwood_stage applies cannot be judged fairly.
        errors = errors_for(dict(baseline_answers, pattern="receding_temples"))
        assert set(errors) == {"pattern"}

    def test_duplicate_item_errors_are_merged(self, baseline_answers):
        errors = errors_for(dict(baseline_answers, pattern=["x", "y"]))
        assert errors["pattern"] == ["Please choose one of the listed answers."]

    def test_not_an_object(self):
        assert errors_for(["male"]) == {
            "__all__": ["The answers must be a set of questions and answers."]
        }

    def test_error_locations_are_field_keys(self, baseline_answers):
        with pytest.raises(ValidationError) as caught:
            IntakeAnswers.model_validate(dict(baseline_answers, periods="regular"))
        assert [error["loc"] for error in caught.value.errors()] == [("periods",)]
        assert caught.value.errors()[0]["type"] == "answer_not_applicable"


class TestAnswerPairs:
    def test_pairs_follow_question_order_in_plain_words(self, answers_with):
        pairs = answer_pairs(answers_with(triggers_recent=["major_stress", "surgery"]))
        labels = [label for label, _ in pairs]
        assert labels[0] == QUESTIONS["sex_at_birth"].label
        assert dict(pairs)[QUESTIONS["norwood_stage"].label].startswith("Stage 3")
        assert dict(pairs)[QUESTIONS["triggers_recent"].label] == "A lot of stress; An operation"
        assert QUESTIONS["periods"].label not in labels  # not asked of men

    def test_unanswered_optional_question_is_shown_as_not_answered(self, answers_with):
        pairs = dict(answer_pairs(answers_with(allergies=["other"])))
        assert pairs[QUESTIONS["allergy_other_details"].label] == "Not answered"
        assert pairs[QUESTIONS["priorities"].label] == "Not answered"

    def test_text_answer_is_shown_as_written(self, answers_with):
        pairs = dict(answer_pairs(answers_with(allergies=["other"],
                                               allergy_other_details="penicillin")))
        assert pairs[QUESTIONS["allergy_other_details"].label] == "penicillin"


def test_json_schema_describes_every_question():
    schema = IntakeAnswers.model_json_schema()
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == list(QUESTIONS)
    assert "asked only if" in schema["properties"]["periods"]["description"]
    assert set(schema["required"]) == {
        key for key, q in QUESTIONS.items() if q.required and q.only_if is None
    }


def test_schema_version_is_declared():
    assert intake.SCHEMA_VERSION


def test_step_slugs_never_reuse_a_question_key():
    # The FHIR Questionnaire uses step slugs and question keys side by side as linkIds,
    # which must be unique in the whole resource.
    keys = {question.key for step in intake.STEPS for question in step.questions}
    slugs = [step.slug for step in intake.STEPS]
    assert len(set(slugs)) == len(slugs)
    assert not keys & set(slugs)
