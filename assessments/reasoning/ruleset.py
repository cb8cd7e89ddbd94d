"""The order the rules run in: one tuple, read top to bottom (issue 27 point 5).

It is also the order of lines within each part of the summary, and the ruleset
fingerprint lists the rules in it. A rule that looks at earlier findings (its
``reads_found``, e.g. "no red flag so far") must come after every rule that writes to the
places it reads: ``tests/assessments/test_rules_order.py`` checks that for the whole
tuple. Before, the order was the order in which the rule modules happened to be
imported, with each ``@rule`` appending to a global list.

No Django here.
"""

from assessments.reasoning import always, fit, red_flags, safety, values
from assessments.reasoning.engine import Rule

RULES: tuple[Rule, ...] = (
    # What every summary carries: standard treatments first, the medicines and the
    # heart, fertility.
    always.always,  # R0
    always.minoxidil_tablets_and_heart,  # R33
    always.fertility,  # R34
    # Warning signs (see a doctor first): before every rule that reads red flags.
    red_flags.under_18,  # R1
    red_flags.sudden_patchy_or_broken,  # R2
    red_flags.inflamed_or_scarring_scalp,  # R3
    red_flags.loss_elsewhere_or_hairline_band,  # R4
    red_flags.androgen_excess,  # R5
    red_flags.hormone_medicines,  # R5b
    red_flags.body_symptoms_or_pulling,  # R6
    red_flags.after_a_medicine,  # R6b
    red_flags.after_injections,  # R6c
    red_flags.unexplained_bruising,  # R6d
    # What makes an injection less safe or rules both out: before R32 reads PRP's lines.
    safety.platelet_or_clotting_disorder,  # R7
    safety.possible_blood_problem,  # R7b
    safety.prescribed_blood_thinners,  # R8
    safety.prp_relative_risks,  # R8b
    safety.allergies,  # R9
    safety.shared_material_allergy,  # R10
    safety.active_scalp_problem,  # R11
    safety.pregnancy_now_or_planned,  # R12
    safety.healing_fainting_or_scars,  # R13
    safety.autoimmune_cause_first,  # R13b
    safety.cancer,  # R14
    safety.reaction_to_earlier_injections,  # R21
    safety.needle_fear,  # R23
    # The pattern-hair-loss fit, temporary causes, what was tried.
    fit.early_pattern_loss,  # R15
    fit.dutasteride_mixture_fit,  # R15m
    fit.likely_temporary_shedding,  # R16
    fit.iron_or_thyroid,  # R16b
    fit.long_shedding_without_trigger,  # R17
    fit.advanced_loss,  # R18
    fit.styling_damage,  # R19
    fit.contraception,  # R20
    fit.diagnosed_alopecia_areata,  # R22
    fit.scalp_steroid_injections,  # R22b
    fit.few_visits_possible,  # R24
    fit.standard_medicine_fair_try,  # R25
    fit.dutasteride_in_mixtures,  # R25d
    fit.injection_did_not_help,  # R26
    fit.effect_sizes,  # R27
    # What matters to the person, readiness, the combined plan (last: R32 reads the
    # red flags and PRP's cautions and stops).
    values.what_matters,  # R28
    values.evidence_priority,  # R29
    values.cost_and_effort,  # R30
    values.not_ready_to_decide,  # R31
    values.prp_added_to_standard,  # R32
)
