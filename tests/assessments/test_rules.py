"""The rules engine, rule by rule: each fires on the answers it names and stays silent
on a neighbouring case. Then the order in which the leaning is settled."""

import re

import pytest
import textstat

from assessments import rules
from assessments.rules import RULESET_VERSION, all_texts, assess, ruleset_fingerprint
from assessments.summary import NEED_ADVICE, SECTION_SLUGS, Summary

FEMALE = {"sex_at_birth": "female"}

# rule id -> list of (answers that make it fire, neighbouring answers that must not)
RULE_CASES = {
    "R1": [({"age_band": "under_18"}, {"age_band": "18_24"})],
    "R2": [
        ({"onset_speed": "sudden_days_weeks"}, {"onset_speed": "over_months"}),
        ({"shedding_amount": "handfuls_or_clumps"}, {"shedding_amount": "more_than_usual"}),
        ({"pattern": ["receding_temples", "patchy_bald_spots"]}, {"pattern": ["receding_temples"]}),
        ({"nail_changes": "yes"}, {"nail_changes": "no"}),
    ],
    "R3": [
        ({"scalp_symptoms": ["itching", "redness"]}, {"scalp_symptoms": ["itching"]}),
        ({"scalp_symptoms": ["scaling_or_flaking"]}, {"scalp_symptoms": ["mild_dandruff_only"]}),
        ({"scalp_conditions": ["diagnosed_scarring_alopecia"]},
         {"scalp_conditions": ["diagnosed_alopecia_areata"]}),
    ],
    "R4": [
        ({"other_hair_loss": ["eyebrows"]}, {"other_hair_loss": ["none"]}),
        ({**FEMALE, "pattern": ["hairline_band_front_or_sides"], "periods": "stopped_menopause"},
         {**FEMALE, "pattern": ["hairline_band_front_or_sides"], "periods": "regular"}),
    ],
    "R5": [
        ({**FEMALE, "androgen_signs": ["new_facial_or_body_hair"]},
         {**FEMALE, "androgen_signs": ["none"]}),
        ({**FEMALE, "pattern": ["receding_temples"], "norwood_stage": "norwood_2",
          "periods": "irregular"},
         {**FEMALE, "pattern": ["receding_temples"], "norwood_stage": "norwood_2",
          "periods": "stopped_menopause"}),
    ],
    "R6": [
        ({"general_symptoms": ["marked_tiredness"]}, {"general_symptoms": ["none"]}),
        ({"hair_pulling": "yes"}, {"hair_pulling": "no"}),
    ],
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
    "R10": [({"allergies": ["local_anaesthetic"]}, {"allergies": ["antiseptics"]})],
    "R11": [({"scalp_conditions": ["psoriasis_flare"]}, {"scalp_conditions": ["none"]})],
    "R12": [({**FEMALE, "pregnancy": "breastfeeding"},
             {**FEMALE, "pregnancy": "gave_birth_last_12_months"})],
    "R13": [
        ({"other_conditions": ["autoimmune_disease"]}, {"other_conditions": ["keloid_scars"]}),
        ({"steroids_immunosuppressants": ["immunosuppressant_or_biologic"]},
         {"steroids_immunosuppressants": ["none"]}),
    ],
    "R14": [({"cancer": "blood_or_bone_marrow_cancer_ever"},
             {"cancer": "other_cancer_finished_treatment"})],
    "R15": [
        ({}, {"onset_speed": "over_months"}),
        ({}, {"norwood_stage": "norwood_1"}),
        ({**FEMALE, "pattern": ["widening_part"], "ludwig_stage": "ludwig_1"},
         {**FEMALE, "pattern": ["widening_part"], "ludwig_stage": "not_sure"}),
    ],
    "R16": [({"pattern": ["diffuse_shedding"], "triggers_recent": ["high_fever_or_severe_illness"],
              "duration": "lt_3_months"},
             {"pattern": ["diffuse_shedding"], "triggers_recent": ["high_fever_or_severe_illness"],
              "duration": "6_12_months"})],
    "R17": [({"pattern": ["diffuse_shedding"], "triggers_recent": ["none"],
              "duration": "1_5_years"},
             {"pattern": ["diffuse_shedding"], "triggers_recent": ["surgery"],
              "duration": "1_5_years"})],
    "R18": [
        ({"norwood_stage": "norwood_6"}, {"norwood_stage": "norwood_5"}),
        ({**FEMALE, "pattern": ["diffuse_thinning"], "ludwig_stage": "ludwig_3"},
         {**FEMALE, "pattern": ["diffuse_thinning"], "ludwig_stage": "ludwig_2"}),
    ],
    "R19": [({"triggers_recent": ["tight_hairstyles_or_extensions"],
              "pattern": ["where_hair_is_pulled"]},
             {"triggers_recent": ["tight_hairstyles_or_extensions"],
              "pattern": ["receding_temples"]})],
    "R20": [({**FEMALE, "periods": "regular"}, {**FEMALE, "periods": "stopped_menopause"})],
    "R21": [({"past_injection_types": ["mesotherapy"],
              "past_injection_reaction": "hair_loss_at_injection_sites"},
             {"past_injection_types": ["mesotherapy"],
              "past_injection_reaction": "rash_or_swelling"})],
    "R22": [({"scalp_conditions": ["diagnosed_alopecia_areata"]},
             {"scalp_conditions": ["diagnosed_alopecia_areata"], "nail_changes": "yes"})],
    "R23": [({"needle_comfort": "have_fainted_before"}, {"needle_comfort": "nervous_but_ok"})],
    "R24": [({"visit_availability": "every_few_months"}, {"visit_availability": "not_sure"})],
    "R25": [({"treatments_tried": ["minoxidil_topical"],
              "tried_result": "no_change_after_6_months"},
             {"treatments_tried": ["minoxidil_topical"], "tried_result": "helped"}),
            ({"treatments_tried": ["finasteride"], "tried_result": "stopped_side_effects"},
             {"treatments_tried": ["supplements"], "tried_result": "stopped_side_effects"})],
    "R26": [({"treatments_tried": ["prp"], "tried_result": "no_change_after_6_months"},
             {"treatments_tried": ["prp"], "tried_result": "used_less_than_6_months"})],
    "R27": [({"goal": "thicker_hair"}, {"goal": "stop_it_getting_worse"})],
    "R28": [({"priorities": ["avoid_added_substances"]}, {"priorities": ["fast_change"]})],
    "R29": [({"priorities": ["strongest_evidence"]}, {"priorities": ["fewer_needles"]})],
    "R30": [({"priorities": ["no_daily_routine"]}, {"priorities": ["fewer_needles"]})],
    "R31": [({"sure_understand": "no"}, {}),
            ({"decision_stage": "not_thought_yet"}, {"decision_stage": "close_to_choosing"})],
    "R32": [({"priorities": ["maximum_effect"]},
             {"priorities": ["maximum_effect"], "visit_availability": "every_few_months"})],
}

RULE_IDS = [f"R{n}" for n in range(1, 33)] + ["R7b", "R8b"]


def test_every_rule_has_a_case_and_every_case_a_rule():
    registered = {each.id for each in rules.RULES} - {"R0"}
    assert registered == set(RULE_IDS) == set(RULE_CASES)


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


class TestWhatEachRuleAdds:
    def test_baseline_points_to_prp_with_the_reasons_given(self, answers_with):
        summary = assess(answers_with())
        assert summary.leaning == "prp"
        (r15,) = items_of(summary, "R15", "prp_for")
        assert [(b.question, b.answer) for b in r15.because] == [
            ("pattern", "receding_temples"), ("norwood_stage", "norwood_3"),
            ("onset_speed", "slowly_over_years"), ("family_history", "yes"),
        ]

    def test_always_other_options_and_what_to_bring(self, answers_with):
        summary = assess(answers_with())
        assert {item.see for item in summary.also_discuss} >= {"other-options", "watchful-waiting"}
        assert len(summary.to_bring) >= 3

    def test_red_flags_send_to_a_doctor_first(self, answers_with):
        summary = assess(answers_with(nail_changes="yes"))
        assert summary.leaning == "doctor_first"
        (flag,) = summary.red_flags
        assert flag.see == "see-a-doctor-first" and flag.severity == "stop"

    def test_r1_gives_no_leaning_points_for_young_people(self, answers_with):
        summary = assess(answers_with(age_band="under_18", priorities=["own_body"]))
        assert summary.leaning == "doctor_first"
        assert summary.options.prp.for_ == []

    def test_r3_stops_both_options(self, answers_with):
        summary = assess(answers_with(scalp_symptoms=["pustules_or_crusts"]))
        assert items_of(summary, "R3", "prp_against")[0].severity == "stop"
        assert items_of(summary, "R3", "mesotherapy_against")[0].severity == "stop"

    def test_r5_deeper_voice_is_urgent(self, answers_with):
        summary = assess(answers_with(**FEMALE, androgen_signs=["deeper_voice_or_other_body_changes"]))
        assert any("soon" in item.text for item in items_of(summary, "R5", "red_flags"))

    def test_r7_rules_out_both_until_a_specialist_agrees(self, answers_with):
        summary = assess(answers_with(bleeding_disorder=["haemophilia_or_von_willebrand"]))
        assert summary.leaning == "neither_for_now"
        assert items_of(summary, "R7", "prp_against")[0].severity == "stop"

    def test_r8_cautions_both_and_names_every_thinner(self, answers_with):
        summary = assess(answers_with(blood_thinners=["warfarin_or_similar", "antiplatelet"]))
        for section in ("prp_against", "mesotherapy_against"):
            (item,) = items_of(summary, "R8", section)
            assert item.severity == "caution"
            assert [b.answer for b in item.because] == ["warfarin_or_similar", "antiplatelet"]
        (question,) = items_of(summary, "R8", "questions_to_ask")
        assert "do not stop" in question.text
        assert summary.leaning == "prp"  # the caution weighs on both options alike

    def test_r9_favours_prp_and_cautions_mesotherapy(self, answers_with):
        summary = assess(answers_with(allergies=["vitamins_or_supplement_injections"],
                                      pattern=["not_sure"]))
        assert items_of(summary, "R9", "prp_for")
        assert items_of(summary, "R9", "mesotherapy_against")[0].severity == "caution"
        assert items_of(summary, "R9", "questions_to_ask")
        assert summary.leaning == "prp"

    def test_r12_warns_about_hormone_blockers_in_pregnancy(self, answers_with):
        summary = assess(answers_with(**FEMALE, pregnancy="trying_to_conceive"))
        assert summary.leaning == "neither_for_now"
        assert any("6 months" in item.text for item in items_of(summary, "R12", "also_discuss"))

    def test_r16_is_a_likely_temporary_cause(self, answers_with):
        summary = assess(answers_with(pattern=["diffuse_shedding"], duration="3_6_months",
                                      triggers_recent=["gave_birth", "major_stress"]))
        assert summary.leaning == "neither_for_now"
        (question,) = items_of(summary, "R16", "questions_to_ask")
        assert ("triggers_recent", "gave_birth") in [(b.question, b.answer) for b in question.because]
        assert question.see == "temporary-shedding"

    def test_r17_holds_the_leaning_until_diagnosed(self, answers_with):
        summary = assess(answers_with(pattern=["diffuse_shedding", "crown_thinning"],
                                      triggers_recent=["none"], duration="6_12_months"))
        assert "R15" in summary.rule_ids()
        assert summary.leaning == "open"

    def test_r18_advanced_loss_points_to_other_options(self, answers_with):
        summary = assess(answers_with(norwood_stage="norwood_7"))
        assert summary.leaning == "neither_for_now"
        assert "transplant" in items_of(summary, "R18", "questions_to_ask")[0].text

    def test_r21_after_mesotherapy_reaction(self, answers_with):
        summary = assess(answers_with(past_injection_types=["mesotherapy", "fillers"],
                                      past_injection_reaction="infection_or_lumps"))
        assert items_of(summary, "R21", "mesotherapy_against")[0].severity == "stop"
        assert items_of(summary, "R21", "prp_for")

    def test_r21_after_other_injections_is_a_caution(self, answers_with):
        summary = assess(answers_with(past_injection_types=["fillers"],
                                      past_injection_reaction="hair_loss_at_injection_sites"))
        assert items_of(summary, "R21", "mesotherapy_against")[0].severity == "caution"
        assert not items_of(summary, "R21", "prp_for")

    def test_r22_mentions_prp_but_does_not_lean(self, answers_with):
        summary = assess(answers_with(scalp_conditions=["diagnosed_alopecia_areata"],
                                      pattern=["not_sure"]))
        assert items_of(summary, "R22", "prp_for")
        assert summary.leaning == "open"

    def test_r25_hormone_intolerance_is_a_question_not_a_leaning(self, answers_with):
        summary = assess(answers_with(treatments_tried=["finasteride"],
                                      tried_result="stopped_side_effects"))
        assert any("dutasteride" in item.text for item in items_of(summary, "R25", "questions_to_ask"))
        assert not summary.options.mesotherapy.for_ or all(
            item.rule != "R25" for item in summary.options.mesotherapy.for_
        )

    def test_r26_no_leaning_to_more_prp(self, answers_with):
        summary = assess(answers_with(treatments_tried=["prp"],
                                      tried_result="no_change_after_6_months"))
        assert summary.leaning == "open"

    def test_r27_expectation_note(self, answers_with):
        summary = assess(answers_with(goal="regrow_some_hair"))
        assert items_of(summary, "R27", "expectations")

    def test_r28_not_when_prp_is_stopped(self, answers_with):
        summary = assess(answers_with(priorities=["own_body"], bleeding_disorder=["low_platelets"]))
        assert "R28" not in summary.rule_ids()

    def test_r31_lists_the_needs(self, answers_with):
        summary = assess(answers_with(sure_sure="no", sure_encouragement="no"))
        assert summary.decision_readiness.sure_score == 2
        assert summary.decision_readiness.needs == ["certainty", "support"]
        assert items_of(summary, "R31", "questions_to_ask")

    def test_sure_score_is_four_when_all_yes(self, answers_with):
        assert assess(answers_with()).decision_readiness.model_dump() == {
            "sure_score": 4, "needs": []
        }

    def test_r32_combination_needs_acceptance_of_cost(self, answers_with):
        assert assess(answers_with(priorities=["maximum_effect"])).leaning == "combination"
        summary = assess(answers_with(priorities=["maximum_effect", "low_cost"]))
        assert "R32" not in summary.rule_ids()


class TestLeaningOrder:
    def test_red_flag_beats_safety_stop(self, answers_with):
        summary = assess(answers_with(**FEMALE, pregnancy="pregnant", hair_pulling="yes"))
        assert summary.leaning == "doctor_first"
        # The options are still shown, with the safety stop, below the red flag.
        assert items_of(summary, "R12", "prp_against")

    def test_safety_stop_beats_preference(self, answers_with):
        summary = assess(answers_with(cancer="active_or_under_treatment",
                                      priorities=["own_body", "maximum_effect"]))
        assert summary.leaning == "neither_for_now"

    def test_stop_on_one_option_removes_it(self, answers_with):
        summary = assess(answers_with(pattern=["not_sure"], past_injection_types=["mesotherapy"],
                                      past_injection_reaction="hair_loss_at_injection_sites"))
        assert summary.leaning == "prp"

    def test_nothing_either_way_is_open(self, answers_with):
        assert assess(answers_with(pattern=["not_sure"])).leaning == "open"

    def test_equal_support_is_open(self, answers_with):
        # R15 for PRP is cancelled by cautions that weigh on PRP only.
        summary = assess(answers_with(smoking="yes", bleeding_disorder=["anaemia"]))
        assert summary.leaning == "open"

    @pytest.mark.parametrize("leaning", ["doctor_first", "neither_for_now", "prp", "combination",
                                         "open"])
    def test_headline_matches_leaning(self, answers_with, leaning):
        overrides = {
            "doctor_first": {"age_band": "under_18"},
            "neither_for_now": {"cancer": "active_or_under_treatment"},
            "prp": {},
            "combination": {"priorities": ["maximum_effect"]},
            "open": {"pattern": ["not_sure"]},
        }[leaning]
        summary = assess(answers_with(**overrides))
        assert summary.leaning == leaning
        assert summary.headline == rules.HEADLINES[leaning]


class TestTexts:
    def test_fingerprint_is_pinned_to_the_version(self):
        recorded = {
            "2026.11.1": "5b90db538b893dbf01c46f8ef6279f66d0cb83998f69475092b6cb6f5a5e3b78",
        }
        assert recorded.get(RULESET_VERSION) == ruleset_fingerprint(), (
            "The rules' texts or inputs changed. Bump RULESET_VERSION in assessments/rules.py "
            "and record the new fingerprint here, so stored summaries can be explained later."
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
        assert not re.search(r"should have|you have\b", text, re.I), text
        assert not re.search(r"\d\s*(mg|mcg|ml|units?)\b|%", text, re.I), text

    def test_headlines_speak_of_a_discussion(self):
        for text in rules.HEADLINES.values():
            assert "dermatologist" in text or "doctor" in text
            assert text.count(".") == 1  # one sentence

    def test_every_see_is_a_guide_section(self, answers_with):
        for overrides in [fire for cases in RULE_CASES.values() for fire, _ in cases]:
            for item in assess(answers_with(**overrides)).all_items():
                assert item.see in SECTION_SLUGS


def test_summary_json_uses_for(answers_with):
    dumped = assess(answers_with()).model_dump(mode="json", by_alias=True)
    assert set(dumped["options"]["prp"]) == {"for", "against"}
    assert dumped["ruleset_version"] == RULESET_VERSION
