"""Answers that no rule reads, each with the reason (principle 6, "no dead answers").

Every value of every question is either named in some rule's ``reads`` (or in the
leaning's ``LEANING_READS``), or listed here. A test enumerates the intake and fails on
a value that is neither. These answers still reach the clinic: staff see every answer.
"""

from assessments.reasoning.engine import ANY

INFORMATIONAL: dict[tuple[str, str], str] = {
    ("decision_role", ANY[0]): "How the person wants to decide is for the conversation.",
    ("allergy_other_details", ANY[0]): "Free text for staff; R10 asks about it.",
    ("smoking", "stopped"): "Past smoking does not change bleeding or healing now.",
    ("duration", "gt_5_years"): "Long-standing loss: the stage questions carry what matters.",
    ("shedding_amount", "normal"): "Only shedding in handfuls (R2) changes the summary.",
    ("shedding_amount", "more_than_usual"): "Only shedding in handfuls (R2) changes the summary.",
    ("family_history", "no"): "Family history supports the R15 fit; its absence does not "
                              "rule the fit out.",
    ("family_history", "not_sure"): "Family history supports the R15 fit; not knowing it "
                                    "does not rule the fit out.",
    ("scalp_symptoms", "mild_dandruff_only"): "Mild dandruff is common and not a warning sign.",
    ("needle_comfort", "nervous_but_ok"): "Common and manageable; staff see it and can help.",
    ("goal", "stop_it_getting_worse"): "For the conversation; R32 reads the regrowth goals.",
    ("goal", "not_sure"): "For the conversation; R32 reads the regrowth goals.",
    ("decision_stage", "considering"): "For the conversation; R31 reads 'not thought yet'.",
    ("decision_stage", "close_to_choosing"): "For the conversation; R31 reads 'not thought "
                                             "yet'.",
    ("decision_stage", "already_chosen"): "For the conversation; R31 reads 'not thought yet'.",
    ("cancer", "never"): "No cancer: nothing to say.",
    ("smoking", "no"): "Not smoking: nothing to say.",
    ("needle_comfort", "fine"): "At ease with needles: nothing to say.",
    # Intake schema 3 asks these; ruleset 2026.12 (v2 rules on schema 3) does not read
    # them yet. Ruleset 2027.01 does (rules.md v3: R5, R15m, R26, R28, R34).
    **{(key, value): "Read from ruleset 2027.01 on." for key, values in {
        "family_plans": ("trying_for_baby_or_soon", "no", "not_sure"),
        "testosterone_purpose": ("gender_affirming", "low_dose_for_symptoms",
                                 "prefer_not_to_say"),
        "result_prp": ("helped", "stopped_side_effects", "used_less_than_6_months",
                       "still_using_too_early"),
        "result_mesotherapy": ("helped", "stopped_side_effects", "used_less_than_6_months",
                               "still_using_too_early"),
        "priorities": ("no_blood_draw",),
    }.items() for value in values},
}

# "None of these", and the other answer of a yes/no question whose first answer a rule
# reads: read as the absence of everything the rules name for that question.
NOTHING_OF_THIS_KIND_REASON = "Means none of the answers the rules read for this question."
