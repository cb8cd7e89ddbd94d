"""Groups of answer values that several rules read (values exactly as in intake.md)."""

from content.warning_signs import WARNING_SIGNS

WORRYING_SCALP_SYMPTOMS = frozenset({
    "burning_or_pain", "redness", "scaling_or_flaking", "pustules_or_crusts",
    "shiny_smooth_areas", "tender_lumps",
})
PLATELET_OR_CLOTTING_DISORDERS = frozenset({
    "low_platelets", "platelet_function_disorder", "haemophilia_or_von_willebrand",
})
POSSIBLE_BLOOD_PROBLEMS = frozenset({"anaemia", "not_sure"})
PRESCRIBED_BLOOD_THINNERS = frozenset({
    "warfarin_or_similar", "doac", "heparin_injections", "antiplatelet", "aspirin_prescribed",
})
SELF_CHOSEN_BLOOD_THINNERS = frozenset({
    "aspirin_or_nsaid_self_bought_regularly", "fish_oil_vitamin_e_ginkgo_garlic",
})
RECENT_STEROIDS = frozenset({"steroid_tablets_last_2_weeks", "steroid_injection_in_scalp_last_month"})
MIXTURE_ALLERGIES = frozenset({
    "vitamins_or_supplement_injections", "minoxidil", "finasteride_or_dutasteride",
    "hyaluronic_acid_or_fillers",
})
# Used for both injections: numbing drugs, skin cleaners, gloves.
SHARED_MATERIAL_ALLERGIES = frozenset({"local_anaesthetic", "antiseptics", "latex"})
ACTIVE_SCALP_PROBLEMS = frozenset({
    "scalp_infection", "cold_sores_or_shingles_now", "open_wounds_or_sores",
    "psoriasis_flare", "dermatitis_or_eczema_flare",
})
HEALING_RISK_CONDITIONS = frozenset({
    "diabetes_not_well_controlled", "autoimmune_disease", "liver_or_kidney_disease",
})
PREGNANCY_NOW_OR_SOON = frozenset({"pregnant", "trying_to_conceive"})
INJECTION_REACTIONS = frozenset({
    "rash_or_swelling", "infection_or_lumps", "hair_loss_at_injection_sites", "severe_reaction",
})
# Triggers of temporary shedding (telogen effluvium); hair styling causes other losses.
SHEDDING_TRIGGERS = frozenset({
    "major_stress", "gave_birth", "high_fever_or_severe_illness", "surgery",
    "rapid_weight_loss_or_crash_diet", "low_iron_or_heavy_periods", "thyroid_problem",
    "new_or_stopped_medicine",
})
DIFFUSE_PATTERN = frozenset({"diffuse_shedding", "diffuse_thinning"})
RECENT_DURATION = frozenset({"lt_3_months", "3_6_months"})
# The shocks after which shedding, even in handfuls, usually settles by itself (R2, R16).
SETTLING_SHEDDING_TRIGGERS = frozenset({
    "gave_birth", "high_fever_or_severe_illness", "surgery", "rapid_weight_loss_or_crash_diet",
    "major_stress",
})
MALE_PATTERN = frozenset({"receding_temples", "crown_thinning"})
FEMALE_PATTERN = frozenset({"widening_part", "diffuse_thinning"})
EARLY_NORWOOD = frozenset({"norwood_2", "norwood_3", "norwood_3v", "norwood_4"})
EARLY_LUDWIG = frozenset({"ludwig_1", "ludwig_2"})
def pregnant_or_breastfeeding(a) -> tuple[tuple[str, str], ...]:
    """The answers that say pregnant, trying, or breastfeeding now (R12, R0)."""
    if a.one("pregnancy") in PREGNANCY_NOW_OR_SOON:
        return a.pair("pregnancy")
    if a.one("breastfeeding_now") == "yes":
        return a.pair("breastfeeding_now")  # only the answer that says so (not pregnant)
    return ()


def explained_handfuls(a) -> tuple[tuple[str, str], ...]:
    """Shedding in handfuls that a recent shock explains (rules.md v3 R2): all over the
    head, nothing patchy, after a birth in the last 12 months or another shock, for under
    6 months. Empty when it is not explained (then it stays a warning sign)."""
    if a.one("shedding_amount") != "handfuls_or_clumps" or a.pairs("pattern", {"patchy_bald_spots"}):
        return ()
    diffuse = a.pairs("pattern", DIFFUSE_PATTERN)
    trigger = a.pairs("triggers_recent", SETTLING_SHEDDING_TRIGGERS) + a.pairs(
        "pregnancy", {"gave_birth_last_12_months"}
    )
    recent = a.pairs("duration", RECENT_DURATION)
    if diffuse and trigger and recent:
        return a.pair("shedding_amount") + diffuse + trigger + recent
    return ()


def warning_sign_values(rule_id: str, says: str, question: str) -> frozenset[str]:
    """The values of ``question`` that raise one warning sign (content.warning_signs)."""
    for sign in WARNING_SIGNS:
        if sign.rule == rule_id and sign.says == says:
            for key, values in sign.answers:
                if key == question:
                    return frozenset(values)
    raise LookupError(f"no warning sign {rule_id}.{says} reads {question}")
