"""The warning signs: one list that both the red-flag rules and the guide read.

Every sign here is a red flag in the rules engine (``assessments.reasoning.red_flags``:
the rule ``rule`` writes its sentence ``says``), and the guide's "When to see a doctor
first" section lists exactly these signs, in this order (``load_guide`` writes it from
``see_a_doctor_first_body``). A test fails if the two ever name different signs.

Plain data, no Django: the rules engine imports it, and it must run anywhere.
Facts: clinical-facts §2.4 as amended by §10 and §11, and rules.md v3 (R1-R6d, R11).
"""

from dataclasses import dataclass
from inspect import cleandoc


@dataclass(frozen=True)
class WarningSign:
    rule: str  # the red-flag rule that raises it, e.g. "R2"
    says: str  # the key of that rule's sentence, e.g. "sudden"
    answers: tuple[tuple[str, tuple[str, ...]], ...]  # (question, values) that raise it
    guide: str  # how the guide words it, one bullet


WARNING_SIGNS: tuple[WarningSign, ...] = (
    WarningSign("R1", "flag", (("age_band", ("under_18",)),),
                "The person losing hair is under 18."),
    WarningSign("R2", "sudden", (("onset_speed", ("sudden_days_weeks",)),),
                "Your hair loss started suddenly, over days or weeks."),
    WarningSign("R2", "clumps", (("shedding_amount", ("handfuls_or_clumps",)),),
                "Hair comes out in clumps or handfuls. (Shedding all over the head in the "
                "months after a birth, an illness or a big shock is common and usually "
                "settles, but see a doctor if there are bald patches or it lasts over 6 "
                "months.)"),
    WarningSign("R2", "patches", (("pattern", ("patchy_bald_spots",)),),
                "You have bald patches with clear edges."),
    WarningSign("R2", "broken", (("pattern", ("broken_hairs",)),),
                "You see broken hairs of different lengths."),
    WarningSign("R2", "nails", (("nail_changes", ("yes",)),),
                "Your nails have small dents or ridges."),
    WarningSign(
        "R3", "flag",
        (("scalp_symptoms", ("burning_or_pain", "redness", "scaling_or_flaking",
                             "pustules_or_crusts", "shiny_smooth_areas", "tender_lumps")),),
        "Your scalp hurts or burns, is red or scaly, has spots, crusts or tender lumps, "
        "or has smooth, shiny patches.",
    ),
    WarningSign(
        "R3", "itch_with_band",
        (("scalp_symptoms", ("itching",)), ("pattern", ("hairline_band_front_or_sides",))),
        "Your scalp itches where a band of hair is going back along the hairline. An itch "
        "on its own is common: just ask about it at your visit.",
    ),
    WarningSign("R3", "scarring_known", (("scalp_conditions", ("diagnosed_scarring_alopecia",)),),
                "A doctor has told you that you have scarring hair loss."),
    WarningSign("R4", "elsewhere",
                (("other_hair_loss", ("eyebrows", "eyelashes", "beard", "body")),),
                "You are losing hair from your eyebrows, eyelashes, beard or body."),
    WarningSign("R4", "band", (("pattern", ("hairline_band_front_or_sides",)),),
                "A band of hair is going back along the front or sides of the hairline, "
                "at any age."),
    WarningSign("R5", "urgent",
                (("androgen_signs", ("deeper_voice_or_other_body_changes",)),),
                "Your voice has got deeper or your body has changed in other new ways, and "
                "you do not take testosterone. See a doctor soon."),
    WarningSign("R5", "low_dose",
                (("testosterone_purpose", ("low_dose_for_symptoms",)),
                 ("androgen_signs", ("deeper_voice_or_other_body_changes",
                                     "new_facial_or_body_hair"))),
                "You take a low dose of testosterone, and your voice is getting deeper, your "
                "body is changing or new hair grows on your face. Talk to the doctor who "
                "prescribes it soon: a deeper voice may not go back."),
    WarningSign("R5", "signs",
                (("androgen_signs", ("new_facial_or_body_hair", "irregular_or_absent_periods")),),
                "You have new hair on your face or body. Or your periods have changed or "
                "stopped, and no medicine, pregnancy, breastfeeding or the menopause explains "
                "it."),
    WarningSign("R5", "periods_stopped", (("periods", ("stopped_other_reason",)),),
                "Your periods have stopped, and it is not because of pregnancy, "
                "breastfeeding, the menopause or a hormone medicine."),
    WarningSign("R5", "temples", (("pattern", ("receding_temples",)),),
                "Your hair is going back at the temples, you have not been through the "
                "menopause, and you do not take testosterone."),
    WarningSign("R6", "body",
                (("general_symptoms", ("unexplained_weight_loss", "fever_or_night_sweats",
                                       "always_cold_or_hot_or_racing_heart",
                                       "joint_pain_or_facial_rash")),),
                "You lost weight without trying. Or you have fevers or night sweats, feel too "
                "cold or too hot, have a racing heart, sore joints or a rash on your face."),
    WarningSign("R6", "pulling", (("hair_pulling", ("yes",)),),
                "You pull out your hair and find it hard to stop."),
    WarningSign("R6b", "medicine", (("triggers_recent", ("new_or_stopped_medicine",)),),
                "The hair loss began after you started or stopped a medicine. Talk to the "
                "doctor who prescribed it, and do not stop a medicine on your own."),
    WarningSign("R6c", "after_injections",
                (("past_injection_reaction", ("hair_loss_at_injection_sites",
                                              "infection_or_lumps")),),
                "You had hair loss, lumps or an infection where you had injections before."),
    WarningSign("R6d", "bruising",
                (("bleeding_disorder", ("bruise_or_bleed_easily_undiagnosed",)),),
                "You bruise or bleed easily and nobody has found out why."),
    WarningSign("R11", "infection", (("scalp_conditions", ("scalp_infection",)),),
                "You have a scalp infection. It can itself cause hair loss, and it needs its "
                "own treatment first."),
)

_INTRO = """
    Some signs mean it is best to see a GP or a dermatologist before you think about any
    cosmetic treatment. A clinic that sells injections is not the right first stop. These
    signs can come from a cause that needs medical care. Some causes get worse, or leave
    scars, if they are not treated in time.

    See a doctor first if:
    """

_OUTRO = """
    None of these means something serious is wrong. They mean a doctor should look first.
    Many causes can be treated. If you feel very worried or low about your hair, a doctor
    can help with that too.

    Even with none of these signs, the NHS advises seeing a GP first to find the cause of
    hair loss, before you pay a private clinic.
    """


def see_a_doctor_first_body() -> str:
    """The guide section's Markdown: the intro, one bullet per sign, the closing words."""
    bullets = "\n".join(f"- {sign.guide}" for sign in WARNING_SIGNS)
    return f"{cleandoc(_INTRO)}\n\n{bullets}\n\n{cleandoc(_OUTRO)}"
