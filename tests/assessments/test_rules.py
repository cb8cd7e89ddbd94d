"""The rules engine (ruleset 2026.12), rule by rule: each fires on the answers it names
and stays silent on a neighbouring case. Then what the rules add, and the order in which
the leaning is settled (rules.md v2, "Leaning")."""

import re

import pytest
import textstat

from assessments import rules
from assessments.rules import RULESET_VERSION, all_texts, assess, ruleset_fingerprint
from assessments.summary import LEANING_LABELS, NEED_ADVICE, SECTION_SLUGS, Summary

FEMALE = {"sex_at_birth": "female"}
FEMALE_DIFFUSE = {**FEMALE, "pattern": ["diffuse_thinning"], "ludwig_stage": "ludwig_1"}
NEW_MOTHER = {**FEMALE_DIFFUSE, "pregnancy": "gave_birth_last_12_months",
              "breastfeeding_now": "no"}
MINOXIDIL_HELPED = {"treatments_tried": ["minoxidil_topical"], "result_minoxidil_topical": "helped"}
HANDFULS_AFTER_A_SHOCK = {"pattern": ["diffuse_shedding"], "shedding_amount": "handfuls_or_clumps",
                         "triggers_recent": ["major_stress"], "duration": "6_12_months"}
MINOXIDIL_NO_CHANGE = {"treatments_tried": ["minoxidil_topical"], "result_minoxidil_topical": "no_change_after_6_months"}

# rule id -> list of (answers that make it fire, neighbouring answers that must not)
RULE_CASES = {
    "R1": [({"age_band": "under_18"}, {"age_band": "18_24"})],
    "R2": [
        ({"onset_speed": "sudden_days_weeks"}, {"onset_speed": "over_months"}),
        ({"shedding_amount": "handfuls_or_clumps"}, {"shedding_amount": "more_than_usual"}),
        ({"pattern": ["receding_temples", "patchy_bald_spots"]}, {"pattern": ["receding_temples"]}),
        ({"pattern": ["receding_temples", "broken_hairs"]}, {"pattern": ["receding_temples"]}),
        ({"nail_changes": "yes"}, {"nail_changes": "no"}),
        # Handfuls that a recent shock explains are R16's, not a warning sign (v3).
        (HANDFULS_AFTER_A_SHOCK, {**HANDFULS_AFTER_A_SHOCK, "duration": "3_6_months"}),
    ],
    "R3": [
        ({"scalp_symptoms": ["scaling_or_flaking"]}, {"scalp_symptoms": ["mild_dandruff_only"]}),
        ({"scalp_symptoms": ["itching"]}, {"scalp_symptoms": ["none"]}),
        ({"scalp_conditions": ["diagnosed_scarring_alopecia"]},
         {"scalp_conditions": ["diagnosed_alopecia_areata"]}),
    ],
    "R4": [
        ({"other_hair_loss": ["eyebrows"]}, {"other_hair_loss": ["none"]}),
        ({"pattern": ["hairline_band_front_or_sides"]}, {"pattern": ["crown_thinning"]}),
    ],
    "R5": [
        ({**FEMALE, "androgen_signs": ["new_facial_or_body_hair"]},
         {**FEMALE, "androgen_signs": ["none"]}),
        ({**FEMALE, "androgen_signs": ["new_facial_or_body_hair"]},
         {**FEMALE, "androgen_signs": ["new_facial_or_body_hair"],
          "hormone_medicines": ["testosterone"], "testosterone_purpose": "gender_affirming"}),
        ({**FEMALE, "pattern": ["receding_temples"], "norwood_stage": "norwood_2",
          "periods": "irregular"},
         {**FEMALE, "pattern": ["receding_temples"], "norwood_stage": "norwood_2",
          "periods": "stopped_menopause"}),
        ({**FEMALE, "periods": "stopped_other_reason"},
         {**FEMALE, "periods": "stopped_other_reason",
          "hormone_medicines": ["contraceptive_pill_patch_or_implant"]}),
        ({**FEMALE, "androgen_signs": ["deeper_voice_or_other_body_changes"],
          "hormone_medicines": ["testosterone"], "testosterone_purpose": "low_dose_for_symptoms"},
         {**FEMALE, "androgen_signs": ["deeper_voice_or_other_body_changes"],
          "hormone_medicines": ["testosterone"], "testosterone_purpose": "gender_affirming"}),
    ],
    "R5b": [({"hormone_medicines": ["testosterone"]}, {"hormone_medicines": ["none"]})],
    "R6": [
        ({"general_symptoms": ["unexplained_weight_loss"]}, {"general_symptoms": ["none"]}),
        ({"general_symptoms": ["marked_tiredness"]}, {"general_symptoms": ["none"]}),
        ({"hair_pulling": "yes"}, {"hair_pulling": "no"}),
    ],
    "R6b": [({"triggers_recent": ["new_or_stopped_medicine"]},
             {"triggers_recent": ["major_stress"]})],
    "R6c": [({"past_injection_types": ["fillers"],
              "past_injection_reaction": "hair_loss_at_injection_sites"},
             {"past_injection_types": ["fillers"], "past_injection_reaction": "rash_or_swelling"})],
    "R6d": [({"bleeding_disorder": ["bruise_or_bleed_easily_undiagnosed"]},
             {"bleeding_disorder": ["none"]})],
    "R7": [({"bleeding_disorder": ["low_platelets"]}, {"bleeding_disorder": ["anaemia"]})],
    "R7b": [({"bleeding_disorder": ["anaemia"]}, {"bleeding_disorder": ["low_platelets"]})],
    "R8": [({"blood_thinners": ["doac"]}, {"blood_thinners": ["fish_oil_vitamin_e_ginkgo_garlic"]})],
    "R8b": [
        ({"blood_thinners": ["aspirin_or_nsaid_self_bought_regularly"]},
         {"blood_thinners": ["aspirin_prescribed"]}),
        ({"smoking": "yes"}, {"smoking": "stopped"}),
        ({"steroids_immunosuppressants": ["steroid_tablets_last_2_weeks"]},
         {"steroids_immunosuppressants": ["immunosuppressant_or_biologic"]}),
    ],
    "R9": [
        ({"allergies": ["minoxidil"]}, {"allergies": ["latex"]}),
        ({"severe_allergy_ever": "yes"}, {"severe_allergy_ever": "no"}),
        ({"past_injection_types": ["fillers"], "past_injection_reaction": "severe_reaction"},
         {"past_injection_types": ["fillers"], "past_injection_reaction": "rash_or_swelling"}),
    ],
    "R10": [
        ({"allergies": ["local_anaesthetic"]}, {"allergies": ["minoxidil"]}),
        ({"allergies": ["other"]}, {"allergies": ["none_known"]}),
    ],
    "R11": [({"scalp_conditions": ["psoriasis_flare"]}, {"scalp_conditions": ["none"]}),
            ({"scalp_conditions": ["scalp_infection"]},
             {"scalp_conditions": ["diagnosed_alopecia_areata"]})],
    "R12": [
        ({**FEMALE, "breastfeeding_now": "yes"}, {**FEMALE, "pregnancy": "not_pregnant"}),
        ({**NEW_MOTHER, "breastfeeding_now": "yes"}, NEW_MOTHER),
    ],
    "R13": [
        ({"other_conditions": ["autoimmune_disease"]}, {"other_conditions": ["none"]}),
        ({"other_conditions": ["keloid_scars"]}, {"other_conditions": ["none"]}),
        ({"other_conditions": ["heart_condition_or_low_blood_pressure"]},
         {"other_conditions": ["none"]}),
        ({"steroids_immunosuppressants": ["immunosuppressant_or_biologic"]},
         {"steroids_immunosuppressants": ["none"]}),
    ],
    "R13b": [({"other_conditions": ["autoimmune_disease"]}, {"other_conditions": ["keloid_scars"]})],
    "R14": [
        ({"cancer": "blood_or_bone_marrow_cancer_ever"}, {"cancer": "never"}),
        ({"cancer": "other_cancer_finished_treatment"}, {"cancer": "never"}),
    ],
    "R15": [
        ({}, {"onset_speed": "over_months"}),
        ({}, {"norwood_stage": "norwood_1"}),
        (FEMALE_DIFFUSE, {**FEMALE_DIFFUSE, "ludwig_stage": "ludwig_3"}),
        ({"norwood_stage": "norwood_5"}, {"norwood_stage": "norwood_6"}),
    ],
    "R15m": [({}, {"visit_availability": "not_sure"}),
             ({}, {"priorities": ["avoid_hormonal_medicines"]})],
    "R16": [
        ({"pattern": ["diffuse_shedding"], "triggers_recent": ["high_fever_or_severe_illness"],
          "duration": "lt_3_months"},
         {"pattern": ["diffuse_shedding"], "triggers_recent": ["high_fever_or_severe_illness"],
          "duration": "6_12_months"}),
        (NEW_MOTHER, {**NEW_MOTHER, "pregnancy": "not_pregnant"}),
    ],
    "R16b": [({**FEMALE, "triggers_recent": ["low_iron_or_heavy_periods"]},
              {**FEMALE, "triggers_recent": ["major_stress"]}),
             ({"triggers_recent": ["thyroid_problem"]}, {"triggers_recent": ["none"]})],
    "R17": [({"pattern": ["diffuse_shedding"], "triggers_recent": ["none"],
              "duration": "1_5_years"},
             {"pattern": ["diffuse_shedding"], "triggers_recent": ["surgery"],
              "duration": "1_5_years"})],
    "R18": [
        ({"norwood_stage": "norwood_6"}, {"norwood_stage": "norwood_4"}),
        ({"norwood_stage": "norwood_5"}, {"norwood_stage": "norwood_4"}),
        ({**FEMALE_DIFFUSE, "ludwig_stage": "ludwig_3"}, FEMALE_DIFFUSE),
    ],
    "R19": [
        ({"triggers_recent": ["tight_hairstyles_or_extensions"],
          "pattern": ["where_hair_is_pulled"]},
         {"triggers_recent": ["tight_hairstyles_or_extensions"],
          "pattern": ["receding_temples"]}),
        ({"triggers_recent": ["harsh_chemicals_or_heat"]}, {"triggers_recent": ["none"]}),
    ],
    "R20": [({**FEMALE, "periods": "regular"}, {**FEMALE, "periods": "stopped_menopause"}),
            ({**FEMALE, "periods": "not_applicable"},
             {**FEMALE, "periods": "not_applicable", "age_band": "50_64"}),
            ({**FEMALE, "periods": "regular"}, {**FEMALE, "periods": "regular",
                                                "pregnancy": "pregnant"})],
    "R21": [({"past_injection_types": ["mesotherapy"], "past_injection_reaction": "rash_or_swelling"},
             {"past_injection_types": ["mesotherapy"], "past_injection_reaction": "no_problems"})],
    "R22": [({"scalp_conditions": ["diagnosed_alopecia_areata"]},
             {"scalp_conditions": ["diagnosed_alopecia_areata"], "nail_changes": "yes"})],
    "R22b": [({"past_injection_types": ["steroid_injections"],
               "past_injection_reaction": "no_problems"},
              {"past_injection_types": ["fillers"], "past_injection_reaction": "no_problems"}),
             ({"steroids_immunosuppressants": ["steroid_injection_in_scalp_last_month"]},
              {"steroids_immunosuppressants": ["steroid_tablets_last_2_weeks"]})],
    "R23": [({"needle_comfort": "have_fainted_before"}, {"needle_comfort": "nervous_but_ok"})],
    "R24": [({"visit_availability": "every_few_months"}, {"visit_availability": "not_sure"})],
    "R25": [(MINOXIDIL_NO_CHANGE, MINOXIDIL_HELPED),
            # A medicine that helps decides over one that did not (v3).
            (MINOXIDIL_NO_CHANGE, {"treatments_tried": ["minoxidil_topical", "finasteride"],
                                   "result_minoxidil_topical": "no_change_after_6_months",
                                   "result_finasteride": "helped"}),
            # Side effects of one medicine are not a fair try of the standard medicines.
            (MINOXIDIL_NO_CHANGE,
             {"treatments_tried": ["finasteride"], "result_finasteride": "stopped_side_effects"})],
    "R25d": [({"priorities": ["avoid_hormonal_medicines"]}, {"priorities": ["low_cost"]}),
             ({"treatments_tried": ["finasteride"], "result_finasteride": "stopped_side_effects"},
              {"treatments_tried": ["finasteride"], "result_finasteride": "used_less_than_6_months"})],
    "R26": [({"treatments_tried": ["prp"], "result_prp": "no_change_after_6_months"},
             {"treatments_tried": ["prp"], "result_prp": "used_less_than_6_months"}),
            ({"treatments_tried": ["mesotherapy"], "result_mesotherapy": "no_change_after_6_months"},
             {"treatments_tried": ["mesotherapy"], "result_mesotherapy": "helped"})],
    "R27": [({}, {"nail_changes": "yes"})],
    "R28": [({"priorities": ["avoid_added_substances"]}, {"priorities": ["low_cost"]}),
            ({"priorities": ["no_blood_draw"]}, {"priorities": ["strongest_evidence"]})],
    "R29": [({"priorities": ["strongest_evidence"]}, {"priorities": ["fewer_needles"]})],
    "R30": [({"priorities": ["no_daily_routine"]}, {"priorities": ["fewer_needles"]})],
    "R31": [({"sure_understand": "no"}, {}),
            ({"decision_stage": "not_thought_yet"}, {"decision_stage": "close_to_choosing"})],
    "R32": [({**MINOXIDIL_HELPED, "goal": "thicker_hair"},
             {**MINOXIDIL_HELPED, "goal": "thicker_hair", "visit_availability": "every_few_months"})],
    "R33": [({"other_conditions": ["heart_condition_or_low_blood_pressure"]},
             {"other_conditions": ["keloid_scars"]})],
    "R34": [({"family_plans": "trying_for_baby_or_soon"}, {"family_plans": "not_sure"})],
}


def test_every_rule_has_a_case_and_every_case_a_rule():
    registered = {each.id for each in rules.RULES} - {"R0"}
    assert registered == set(RULE_CASES)


@pytest.mark.parametrize(
    ("rule_id", "fires_on", "silent_on"),
    [(rule_id, fire, quiet) for rule_id, cases in RULE_CASES.items() for fire, quiet in cases],
)
def test_rule_fires_and_stays_silent_on_its_neighbour(answers_with, rule_id, fires_on, silent_on):
    assert rule_id in assess(answers_with(**fires_on)).rule_ids()
    assert rule_id not in assess(answers_with(**silent_on)).rule_ids()


def items_of(summary: Summary, rule_id: str, section: str) -> list:
    sections = {
        "red_flags": summary.red_flags,
        "prp_for": summary.options.prp.for_,
        "prp_against": summary.options.prp.against,
        "mesotherapy_for": summary.options.mesotherapy.for_,
        "mesotherapy_against": summary.options.mesotherapy.against,
        "also_discuss": summary.also_discuss,
        "questions_to_ask": summary.questions_to_ask,
        "to_bring": summary.to_bring,
        "expectations": summary.expectations,
    }
    return [item for item in sections[section] if item.rule == rule_id]


def against_severities(summary: Summary, rule_id: str) -> tuple[list[str], list[str]]:
    return ([i.severity for i in items_of(summary, rule_id, "prp_against")],
            [i.severity for i in items_of(summary, rule_id, "mesotherapy_against")])


class TestWhatEachRuleAdds:
    def test_baseline_is_standard_treatments_first_with_the_fit_named(self, answers_with):
        summary = assess(answers_with())
        assert summary.leaning == "standard_first"
        (r15,) = items_of(summary, "R15", "prp_for")
        assert [(b.question, b.answer) for b in r15.because] == [
            ("pattern", "receding_temples"), ("norwood_stage", "norwood_3"),
            ("onset_speed", "slowly_over_years"), ("family_history", "yes"),
        ]

    def test_standard_treatments_come_first_in_also_discuss(self, answers_with):
        texts = [item.text for item in assess(answers_with()).also_discuss]
        assert "Minoxidil" in texts[1] and "Finasteride" in texts[2]
        assert "GP" in texts[0]

    def test_finasteride_line_carries_the_current_warnings(self, answers_with):
        (line,) = [i for i in assess(answers_with()).also_discuss if "low mood" in i.text]
        assert "suicide" in line.text and "last after stopping" in line.text
        assert "sperm" in line.text and "breasts" in line.text and "spray" in line.text
        assert any("PSA" in i.text for i in assess(answers_with()).also_discuss)

    def test_medicines_wait_during_pregnancy(self, answers_with):
        summary = assess(answers_with(**FEMALE, pregnancy="pregnant"))
        assert any("wait too" in i.text for i in items_of(summary, "R0", "also_discuss"))
        assert not any("wait too" in i.text for i in assess(answers_with()).also_discuss)

    def test_red_flags_send_to_a_doctor_first(self, answers_with):
        summary = assess(answers_with(nail_changes="yes"))
        assert summary.leaning == "doctor_first"
        assert items_of(summary, "R2", "red_flags")[0].severity == "stop"

    def test_doctor_first_hides_effect_sizes_and_waiting(self, answers_with):
        summary = assess(answers_with(nail_changes="yes"))
        assert not items_of(summary, "R27", "expectations")
        assert not any("Waiting" in i.text for i in summary.also_discuss)

    def test_r3_itching_alone_is_a_question_not_a_red_flag(self, answers_with):
        summary = assess(answers_with(scalp_symptoms=["itching"]))
        assert not summary.red_flags
        (question,) = items_of(summary, "R3", "questions_to_ask")
        assert [(b.question, b.answer) for b in question.because] == [
            ("scalp_symptoms", "itching")]

    def test_r3_itching_with_a_hairline_band_is_a_red_flag(self, answers_with):
        summary = assess(answers_with(scalp_symptoms=["itching"],
                                      pattern=["hairline_band_front_or_sides"]))
        (flag,) = items_of(summary, "R3", "red_flags")
        assert {(b.question, b.answer) for b in flag.because} == {
            ("scalp_symptoms", "itching"), ("pattern", "hairline_band_front_or_sides")}
        assert items_of(summary, "R4", "red_flags")

    def test_r3_because_lists_the_whole_condition(self, answers_with):
        summary = assess(answers_with(scalp_symptoms=["itching", "redness"]))
        (flag,) = items_of(summary, "R3", "red_flags")
        assert [(b.question, b.answer) for b in flag.because] == [
            ("scalp_symptoms", "itching"), ("scalp_symptoms", "redness")]

    def test_r4_hairline_band_is_a_red_flag_for_a_man_too(self, answers_with):
        assert items_of(assess(answers_with(pattern=["hairline_band_front_or_sides"])), "R4",
                        "red_flags")

    @pytest.mark.parametrize("explanation", [
        {"periods": "stopped_menopause"},
        {"breastfeeding_now": "yes"},
        {"hormone_medicines": ["contraceptive_pill_patch_or_implant"]},
        {"hormone_medicines": ["testosterone"], "testosterone_purpose": "prefer_not_to_say"},
    ])
    def test_r5_changed_periods_explained_are_no_red_flag(self, answers_with, explanation):
        summary = assess(answers_with(**FEMALE, androgen_signs=["irregular_or_absent_periods"],
                                      **explanation))
        assert not items_of(summary, "R5", "red_flags")

    def test_r5_changed_periods_unexplained_are_a_red_flag(self, answers_with):
        summary = assess(answers_with(**FEMALE, androgen_signs=["irregular_or_absent_periods"]))
        assert items_of(summary, "R5", "red_flags")

    def test_r5_acne_alone_is_a_question(self, answers_with):
        summary = assess(answers_with(**FEMALE, androgen_signs=["new_or_severe_adult_acne"]))
        assert not summary.red_flags
        assert items_of(summary, "R5", "questions_to_ask")

    def test_r5_deeper_voice_is_urgent(self, answers_with):
        summary = assess(answers_with(**FEMALE,
                                      androgen_signs=["deeper_voice_or_other_body_changes"]))
        assert any("soon" in i.text for i in items_of(summary, "R5", "red_flags"))

    def test_r5_applies_to_intersex_people_too(self, answers_with):
        summary = assess(answers_with(sex_at_birth="intersex",
                                      androgen_signs=["new_facial_or_body_hair"]))
        assert items_of(summary, "R5", "red_flags")

    def test_r6_tiredness_alone_is_neither_for_now_with_blood_tests(self, answers_with):
        summary = assess(answers_with(**NEW_MOTHER, general_symptoms=["marked_tiredness"]))
        assert not summary.red_flags
        assert summary.leaning == "neither_for_now"
        assert any("iron" in i.text for i in items_of(summary, "R6", "questions_to_ask"))

    def test_r6_tiredness_with_weight_loss_names_both(self, answers_with):
        summary = assess(answers_with(
            general_symptoms=["unexplained_weight_loss", "marked_tiredness"]))
        (flag,) = items_of(summary, "R6", "red_flags")
        assert {b.answer for b in flag.because} == {"unexplained_weight_loss", "marked_tiredness"}

    def test_r7_stops_both_options(self, answers_with):
        summary = assess(answers_with(bleeding_disorder=["haemophilia_or_von_willebrand"]))
        assert summary.leaning == "neither_for_now"
        assert against_severities(summary, "R7") == (["stop"], ["stop"])

    def test_r7b_cautions_both(self, answers_with):
        summary = assess(answers_with(bleeding_disorder=["anaemia"]))
        assert against_severities(summary, "R7b") == (["caution"], ["caution"])

    def test_r8_stops_both_and_names_every_thinner(self, answers_with):
        summary = assess(answers_with(blood_thinners=["doac", "antiplatelet"]))
        assert summary.leaning == "neither_for_now"
        assert against_severities(summary, "R8") == (["stop"], ["stop"])
        (question,) = items_of(summary, "R8", "questions_to_ask")
        assert [b.answer for b in question.because] == ["doac", "antiplatelet"]

    def test_r8b_supplements_caution_both_smoking_only_prp(self, answers_with):
        summary = assess(answers_with(blood_thinners=["fish_oil_vitamin_e_ginkgo_garlic"]))
        assert against_severities(summary, "R8b") == (["caution"], ["caution"])
        summary = assess(answers_with(smoking="yes"))
        assert against_severities(summary, "R8b") == (["caution"], [])

    def test_r9_never_a_point_for_prp(self, answers_with):
        summary = assess(answers_with(allergies=["vitamins_or_supplement_injections"],
                                      severe_allergy_ever="yes"))
        assert not items_of(summary, "R9", "prp_for")
        assert against_severities(summary, "R9") == (["caution"], ["caution", "caution"])
        assert not any("fits your allergy" in i.text for i in summary.all_items())

    def test_r10_numbing_allergy_cautions_both(self, answers_with):
        summary = assess(answers_with(allergies=["local_anaesthetic"]))
        assert against_severities(summary, "R10") == (["caution"], ["caution"])

    def test_r12_breastfeeding_after_a_birth_rules_out_both(self, answers_with):
        summary = assess(answers_with(**{**NEW_MOTHER, "breastfeeding_now": "yes"}))
        assert summary.leaning == "neither_for_now"
        assert against_severities(summary, "R12") == (["stop"], ["stop"])

    def test_r13_each_condition_its_own_words_on_both(self, answers_with):
        summary = assess(answers_with(other_conditions=["heart_condition_or_low_blood_pressure",
                                                        "keloid_scars"]))
        assert against_severities(summary, "R13") == (["caution"] * 2, ["caution"] * 2)

    def test_r14_lasting_loss_words_only_for_active_cancer(self, answers_with):
        active = assess(answers_with(cancer="active_or_under_treatment"))
        assert any("lasting" in i.text for i in items_of(active, "R14", "questions_to_ask"))
        blood = assess(answers_with(cancer="blood_or_bone_marrow_cancer_ever"))
        assert not any("lasting" in i.text for i in blood.all_items())
        assert blood.leaning == "neither_for_now"

    def test_r16_after_a_birth_is_likely_temporary(self, answers_with):
        summary = assess(answers_with(**NEW_MOTHER))
        assert summary.leaning == "neither_for_now"
        assert against_severities(summary, "R16") == (["caution"], ["caution"])

    def test_r17_holds_the_leaning_until_diagnosed(self, answers_with):
        summary = assess(answers_with(pattern=["receding_temples", "diffuse_shedding"],
                                      triggers_recent=["none"], duration="1_5_years"))
        assert summary.leaning == "open"

    def test_r21_after_mesotherapy_stops_it_and_cautions_prp(self, answers_with):
        summary = assess(answers_with(past_injection_types=["mesotherapy"],
                                      past_injection_reaction="rash_or_swelling"))
        assert against_severities(summary, "R21") == (["caution"], ["stop"])

    def test_r21_after_other_injections_cautions_both(self, answers_with):
        summary = assess(answers_with(past_injection_types=["fillers"],
                                      past_injection_reaction="rash_or_swelling"))
        assert against_severities(summary, "R21") == (["caution"], ["caution"])

    def test_r22_holds_even_when_nothing_was_tried(self, answers_with):
        summary = assess(answers_with(scalp_conditions=["diagnosed_alopecia_areata"]))
        assert summary.leaning == "open"

    def test_r24_is_information_not_a_caution(self, answers_with):
        summary = assess(answers_with(visit_availability="every_few_months"))
        assert items_of(summary, "R24", "expectations")
        assert against_severities(summary, "R24") == ([], [])

    def test_side_effects_of_one_medicine_are_not_a_fair_try(self, answers_with):
        summary = assess(answers_with(treatments_tried=["finasteride"],
                                      result_finasteride="stopped_side_effects"))
        assert summary.leaning == "standard_first"
        assert not items_of(summary, "R25", "prp_for")
        assert "fair try" not in summary.headline

    def test_r27_gives_the_number_with_its_range(self, answers_with):
        (prp,) = [i for i in items_of(assess(answers_with()), "R27", "expectations")
                  if "PRP" in i.text]
        assert "28" in prp.text and "14 to 41" in prp.text and "weak" in prp.text

    def test_r28_names_only_chosen_priorities(self, answers_with):
        summary = assess(answers_with(priorities=["own_body"]))
        texts = [i.text for i in summary.all_items() if i.rule == "R28"]
        assert len(texts) == 1 and "own blood" in texts[0]

    def test_r31_lists_the_needs(self, answers_with):
        summary = assess(answers_with(sure_sure="no", sure_encouragement="no"))
        assert summary.decision_readiness.sure_score == 2
        assert summary.decision_readiness.needs == ["certainty", "support"]


class TestLeaning:
    def test_red_flag_beats_safety_stop(self, answers_with):
        summary = assess(answers_with(nail_changes="yes", blood_thinners=["doac"]))
        assert summary.leaning == "doctor_first"

    def test_safety_stop_beats_everything_else(self, answers_with):
        assert assess(answers_with(blood_thinners=["doac"], **MINOXIDIL_NO_CHANGE)).leaning == (
            "neither_for_now")

    def test_no_pattern_fit_is_open(self, answers_with):
        assert assess(answers_with(onset_speed="over_months")).leaning == "open"

    @pytest.mark.parametrize("tried", [
        {},
        {"treatments_tried": ["minoxidil_topical"],
         "result_minoxidil_topical": "used_less_than_6_months"},
        MINOXIDIL_HELPED, {"treatments_tried": ["supplements"]},
    ])
    def test_standard_first_until_a_fair_try(self, answers_with, tried):
        assert assess(answers_with(**tried)).leaning == "standard_first"

    def test_prp_after_a_standard_medicine_did_not_help(self, answers_with):
        assert assess(answers_with(**MINOXIDIL_NO_CHANGE)).leaning == "prp"

    def test_cautions_weigh_against_the_lead(self, answers_with):
        # PRP: R15 + R25 = 2, minus R23 and R8b = 0: it cannot lead.
        summary = assess(answers_with(**MINOXIDIL_NO_CHANGE, needle_comfort="have_fainted_before",
                                      smoking="yes"))
        assert summary.leaning == "open"

    def test_a_lead_needs_a_margin(self, answers_with):
        # PRP 2 (R15, R25), mesotherapy 1 (R15m): PRP leads by one.
        assert assess(answers_with(**MINOXIDIL_NO_CHANGE)).leaning == "prp"
        # One caution line on PRP (smoking): 1 against 1, no lead.
        assert assess(answers_with(**MINOXIDIL_NO_CHANGE, smoking="yes")).leaning == "open"

    def test_declining_hormones_gives_mesotherapy_no_point(self, answers_with):
        summary = assess(answers_with(**MINOXIDIL_NO_CHANGE,
                                      priorities=["avoid_hormonal_medicines"]))
        assert not [i for i in summary.options.mesotherapy.for_ if i.rule == "R15m"]
        assert items_of(summary, "R25d", "mesotherapy_against")
        assert summary.leaning == "prp"  # PRP 2, mesotherapy 0 - 1

    def test_mesotherapy_when_prp_was_tried_without_benefit(self, answers_with):
        summary = assess(answers_with(treatments_tried=["minoxidil_topical", "prp"],
                                      result_minoxidil_topical="no_change_after_6_months",
                                      result_prp="no_change_after_6_months"))
        assert summary.leaning == "mesotherapy"

    def test_combination_means_prp_added_to_a_medicine_that_helps(self, answers_with):
        assert assess(answers_with(**MINOXIDIL_HELPED, goal="thicker_hair")).leaning == (
            "combination")

    def test_no_combination_with_a_caution_on_prp(self, answers_with):
        summary = assess(answers_with(**MINOXIDIL_HELPED, goal="thicker_hair", smoking="yes"))
        assert summary.leaning == "standard_first"

    def test_stop_on_one_option_removes_it(self, answers_with):
        summary = assess(answers_with(**MINOXIDIL_NO_CHANGE, past_injection_types=["mesotherapy"],
                                      past_injection_reaction="rash_or_swelling"))
        # mesotherapy is stopped; PRP 2 - 1 (R21 caution) = 1 > 0.
        assert summary.leaning == "prp"

    @pytest.mark.parametrize("leaning", sorted(LEANING_LABELS))
    def test_every_leaning_has_a_label_and_headline(self, leaning):
        routes = [f"{leaning}.fair_try", f"{leaning}.nothing_left"]
        keys = routes if leaning in {"prp", "mesotherapy"} else [leaning]
        assert all(rules.HEADLINES[key] for key in keys) and LEANING_LABELS[leaning]

    def test_headline_matches_leaning(self, answers_with):
        summary = assess(answers_with())
        assert summary.headline == rules.HEADLINES[summary.leaning]


class TestTexts:
    def test_fingerprint_is_pinned_to_the_version(self):
        recorded = {
            "2026.12.1": "4064bd8fcab7829c06be906a391d0240c40cba52240b40d92ba5dd71a5cb0dc4",
            # The same rules, reading intake schema 3 (a result per treatment tried).
            "2026.12.2": "bbffe5fd4c38f5f0c17a7430631c3f2d6bed91077c52c1802571b1c7c910e00a",
            # Reasoning v3 (rules.md v3).
            "2027.01.1": "e9b5091fc072ec6e0f4d0eaf58f7d0a93bc08444847719ee807302b2011886ec",
            # After a dermatologist's probe (docs/rules.md "2027.01.2").
            "2027.01.2": "b9339f0cf233e6026a11f5c88ad670b7c2b4ce21e2558aa2b12865adbd74e4da",
        }
        assert recorded.get(RULESET_VERSION) == ruleset_fingerprint(), (
            "The rules' texts, triggers or inputs changed. Bump RULESET_VERSION in "
            "assessments/reasoning/__init__.py and record the new fingerprint here, so stored "
            "summaries can be explained later."
        )

    @pytest.mark.parametrize("key", sorted(all_texts()))
    def test_reading_grade_is_at_most_8(self, key):
        text = all_texts()[key]
        assert textstat.flesch_kincaid_grade(text) <= 8, text

    @pytest.mark.parametrize("advice", sorted(NEED_ADVICE.values()))
    def test_need_advice_is_plain(self, advice):
        assert textstat.flesch_kincaid_grade(advice) <= 8

    @pytest.mark.parametrize("key", sorted(all_texts()))
    def test_no_prescribing_dosing_or_diagnosing(self, key):
        text = all_texts()[key]
        assert not re.search(r"should have|you have\b", text, re.IGNORECASE), text
        assert not re.search(r"\d\s*(mg|mcg|ml|units?)\b|%", text, re.IGNORECASE), text

    def test_headlines_are_neutral(self):
        for text in rules.HEADLINES.values():
            assert "dermatologist" in text or "doctor" in text
            assert not re.search(r"point", text, re.IGNORECASE), text

    def test_every_rule_has_a_trigger_and_a_source(self):
        for each in rules.RULES:
            assert each.trigger and each.source and each.says, each.id

    def test_every_see_is_a_guide_section(self):
        for each in rules.RULES:
            for says in each.says.values():
                assert says.see in SECTION_SLUGS, (each.id, says)


def test_summary_json_uses_for(answers_with):
    dumped = assess(answers_with()).model_dump(mode="json", by_alias=True)
    assert set(dumped["options"]["prp"]) == {"for", "against"}
    assert dumped["ruleset_version"] == RULESET_VERSION
