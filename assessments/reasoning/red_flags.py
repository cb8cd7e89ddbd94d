"""R1-R6d: warning signs. Any one of them sends the person to a doctor first.

The triggering answers come from the one list of warning signs
(``content.warning_signs``), which the guide's "When to see a doctor first" section is
also written from; a test keeps the rules and that list in step (principle 5).
"""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    ANY,
    Answers,
    Finding,
    FindingsSoFar,
    Say,
    against_both,
    ask,
    red_flag,
    rule,
)
from assessments.reasoning.groups import (
    DIFFUSE_PATTERN,
    RECENT_DURATION,
    SETTLING_SHEDDING_TRIGGERS,
    explained_handfuls,
    warning_sign_values,
)


def _sign(rule_id: str, says: str, question: str) -> frozenset[str]:
    return warning_sign_values(rule_id, says, question)


@rule(
    "R1",
    "Under 18",
    trigger="The person is under 18.",
    reads={"age_band": ("under_18",)},
    source="clinical-facts §2.3, §2.4 item 7",
    says={
        "flag": red_flag(
            "Hair loss in young people often has a cause a doctor can treat. Please see your "
            "family doctor first. Studies of these injections were in adults."
        ),
    },
)
def under_18(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if a.one("age_band") in _sign("R1", "flag", "age_band"):
        yield say("flag", a.pair("age_band"))


@rule(
    "R2",
    "Sudden loss, clumps, bald patches, broken hairs or nail changes",
    trigger=(
        "Hair loss started over days or weeks; or hair comes out in handfuls, unless a recent "
        "trigger explains it (shedding all over, nothing patchy, after a birth in the last 12 "
        "months, a high fever or illness, an operation, a crash diet or great stress, for "
        "under 6 months: R16 then says it usually settles); or there are bald patches; or "
        "broken hairs; or nail changes."
    ),
    reads={
        "onset_speed": ("sudden_days_weeks",),
        "shedding_amount": ("handfuls_or_clumps",),
        "pattern": ("patchy_bald_spots", "broken_hairs", *sorted(DIFFUSE_PATTERN)),
        "triggers_recent": tuple(sorted(SETTLING_SHEDDING_TRIGGERS)),
        "pregnancy": ("gave_birth_last_12_months",),
        "duration": tuple(sorted(RECENT_DURATION)),
        "nail_changes": ("yes",),
    },
    source="clinical-facts §1.6, §2.3, §2.4 items 1, 2, 9, 11; §10; rules.md v3 R2",
    says={
        "sudden": red_flag(
            "Hair loss that starts suddenly is best checked by a doctor before you choose a "
            "treatment."
        ),
        "clumps": red_flag("Losing hair in handfuls or clumps is a reason to see a doctor first."),
        "patches": red_flag(
            "Patchy bald spots can fit alopecia areata or a scalp infection. A doctor can tell "
            "which, and both can be treated."
        ),
        "broken": red_flag(
            "Broken hairs of different lengths can come from a scalp infection, from pulling "
            "or from weak hair. A doctor can tell which."
        ),
        "nails": red_flag(
            "Nail changes together with hair loss can fit alopecia areata. A doctor can check."
        ),
    },
)
def sudden_patchy_or_broken(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if a.one("onset_speed") in _sign("R2", "sudden", "onset_speed"):
        yield say("sudden", a.pair("onset_speed"))
    if a.one("shedding_amount") in _sign("R2", "clumps", "shedding_amount") and not (
        explained_handfuls(a)
    ):
        yield say("clumps", a.pair("shedding_amount"))
    for key in ("patches", "broken"):
        because = a.pairs("pattern", _sign("R2", key, "pattern"))
        if because:
            yield say(key, because)
    if a.one("nail_changes") in _sign("R2", "nails", "nail_changes"):
        yield say("nails", a.pair("nail_changes"))


@rule(
    "R3",
    "Scalp signs of inflammation or scarring",
    trigger=(
        "Pain, burning, redness, scale, pustules, tender lumps or shiny patches on the scalp; "
        "or itching together with a band of loss along the hairline; or scarring hair loss "
        "found by a doctor. Itching alone is a question, not a warning sign."
    ),
    reads={
        "scalp_symptoms": (
            "itching", "burning_or_pain", "redness", "scaling_or_flaking", "pustules_or_crusts",
            "shiny_smooth_areas", "tender_lumps",
        ),
        "scalp_conditions": ("diagnosed_scarring_alopecia",),
        "pattern": ("hairline_band_front_or_sides",),
    },
    source="clinical-facts §2.3, §2.4 item 3, §3.5, §10 (warning signs)",
    says={
        "flag": red_flag(
            "Pain, redness, scale, pus, lumps or shiny patches on the scalp need a doctor soon. "
            "Some causes leave scars where hair cannot grow back, so early care matters."
        ),
        "itch_with_band": red_flag(
            "An itchy scalp where the hairline is going back in a band needs a doctor soon. "
            "Early care can stop scarring."
        ),
        "scarring_known": red_flag(
            "Scarring hair loss needs a dermatologist's care first. These injections are not "
            "a treatment for it."
        ),
        **against_both(
            "not_now",
            "Not while the scalp may be inflamed or scarring. A doctor needs to check it first.",
            "stop", leaning_neither=True, label="Not until a doctor has checked it",
        ),
        "itch_only": ask("Could the itch on my scalp be linked to my hair loss?"),
    },
)
def inflamed_or_scarring_scalp(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    worrying = a.pairs("scalp_symptoms", _sign("R3", "flag", "scalp_symptoms"))
    itching = a.pairs("scalp_symptoms", _sign("R3", "itch_with_band", "scalp_symptoms"))
    band = a.pairs("pattern", _sign("R3", "itch_with_band", "pattern"))
    scarring = a.pairs("scalp_conditions", _sign("R3", "scarring_known", "scalp_conditions"))
    if worrying:
        yield say("flag", itching + worrying)
    elif itching and band:
        yield say("itch_with_band", itching + band)
    elif itching:
        yield say("itch_only", itching)
    if scarring:
        yield say("scarring_known", scarring)
    inflamed = itching + worrying if worrying else (itching + band if itching and band else ())
    if inflamed or scarring:
        yield from say.both("not_now", inflamed + scarring)


@rule(
    "R4",
    "Hair loss elsewhere, or a band of loss along the hairline",
    trigger=(
        "Losing eyebrows, eyelashes, beard or body hair; or a band of loss along the front or "
        "sides of the hairline, at any age, sex or periods answer."
    ),
    reads={
        "other_hair_loss": ("eyebrows", "eyelashes", "beard", "body"),
        "pattern": ("hairline_band_front_or_sides",),
    },
    source="clinical-facts §2.3, §2.4 item 4; rules.md v2 R4",
    says={
        "elsewhere": red_flag(
            "Losing eyebrows, eyelashes, beard or body hair can fit alopecia areata or a "
            "thyroid problem. A doctor can tell, so please see one first."
        ),
        "band": red_flag(
            "A band of hair loss along the front or sides of the hairline can fit a kind of "
            "hair loss that scars. Please see a doctor soon, as early care matters."
        ),
    },
)
def loss_elsewhere_or_hairline_band(a: Answers, say: Say,
                                    found: FindingsSoFar) -> Iterable[Finding]:
    elsewhere = a.pairs("other_hair_loss", _sign("R4", "elsewhere", "other_hair_loss"))
    if elsewhere:
        yield say("elsewhere", elsewhere)
    band = a.pairs("pattern", _sign("R4", "band", "pattern"))
    if band:
        yield say("band", band)


@rule(
    "R5",
    "Signs of high male-type hormones, or of too much testosterone",
    trigger=(
        "For anyone not male at birth, from every answer that can show a sign. Soon: a deeper "
        "voice or other body changes (unless from gender-affirming testosterone); on a low dose "
        "of testosterone, a deeper voice, body changes or new face hair (talk to the "
        "prescriber). Doctor first: new face or body hair; periods that changed or stopped "
        "(the hormone-sign answer) or stopped for another reason (the periods answer), unless "
        "the menopause, pregnancy, breastfeeding, hormonal birth control or testosterone "
        "explains it; temples going back unless periods stopped with the menopause or "
        "testosterone is taken. Testosterone taken for a reason not given: a question. Adult "
        "acne alone is a question."
    ),
    reads={
        "sex_at_birth": ANY,
        "androgen_signs": ANY,
        "pattern": ("receding_temples",),
        "periods": ANY,  # temples: every answer but the menopause; stopped: a sign
        "pregnancy": ("pregnant",),
        "breastfeeding_now": ("yes",),
        "hormone_medicines": ("contraceptive_pill_patch_or_implant", "testosterone"),
        "testosterone_purpose": ANY,
    },
    source="clinical-facts §2.4 item 5, §10 (hormone signs, warning signs), §11 (low-dose "
           "testosterone, periods that stop); rules.md v3 R5",
    says={
        "urgent": red_flag(
            "A deeper voice or other new changes in your body need a doctor soon. Please do "
            "not wait for a hair clinic visit."
        ),
        "low_dose": red_flag(
            "Talk to the doctor who prescribes your testosterone soon. On a low dose, a deeper "
            "voice, body changes or new face hair are signs the dose may be too high, and a "
            "deeper voice may not go back."
        ),
        "signs": red_flag(
            "New face or body hair, or periods that have changed, can be a sign of high "
            "male-type hormones. A doctor can check with a blood test first."
        ),
        "periods_stopped": red_flag(
            "Periods that stop when pregnancy, breastfeeding or the menopause do not explain "
            "it need a doctor's check first. A blood test can look for a hormone cause."
        ),
        "temples": red_flag(
            # J2: worded for everyone it fires for (also after a hysterectomy, or periods
            # "not applicable"), not only for someone before the menopause.
            "Hair going back at the temples can be a sign of high male-type hormones. A "
            "doctor can check with a blood test."
        ),
        "prescriber": ask(
            "Are these changes expected with my testosterone? I will ask the doctor who "
            "prescribes it."
        ),
        "acne": ask("Could my acne be linked to my hormones or to my hair loss?"),
    },
)
def androgen_excess(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if a.one("sex_at_birth") == "male":
        return
    testosterone = a.pairs("hormone_medicines", {"testosterone"})
    purpose = a.one("testosterone_purpose")
    voice = a.pairs("androgen_signs", _sign("R5", "urgent", "androgen_signs"))
    new_hair = a.pairs("androgen_signs", {"new_facial_or_body_hair"})
    explained = periods_explained(a)
    lines: list[Finding] = []
    if testosterone:
        # Testosterone explains stopped periods and temples whatever it is for; body
        # changes and new face hair only when that is its purpose (rules.md v3 R5).
        changes = voice + new_hair
        if changes and purpose == "low_dose_for_symptoms":
            lines.append(say("low_dose", changes + testosterone + a.pair("testosterone_purpose")))
        elif changes and purpose != "gender_affirming":
            lines.append(say("prescriber", changes + testosterone + a.pair("testosterone_purpose")))
    elif voice:
        lines.append(say("urgent", voice))
    routine = () if testosterone else new_hair
    if not explained:
        routine += a.pairs("androgen_signs", {"irregular_or_absent_periods"})
    if routine:
        lines.append(say("signs", routine))
    stopped = a.pairs("periods", {"stopped_other_reason"})
    if stopped and not explained:
        lines.append(say("periods_stopped", stopped))
    temples = a.pairs("pattern", _sign("R5", "temples", "pattern"))
    if temples and not testosterone and a.one("periods") != "stopped_menopause":
        lines.append(say("temples", temples + a.pair("periods")))
    acne = a.pairs("androgen_signs", {"new_or_severe_adult_acne"})
    if acne and not any(line.says.place == "red_flags" for line in lines):
        lines.append(say("acne", acne))  # acne alone is a question
    yield from lines


def periods_explained(a: Answers) -> bool:
    """Whether something everyday explains changed or stopped periods (R5)."""
    return (
        a.one("periods") == "stopped_menopause"
        or a.one("pregnancy") == "pregnant"
        or a.one("breastfeeding_now") == "yes"
        or bool(a.pairs("hormone_medicines", {"contraceptive_pill_patch_or_implant",
                                               "testosterone"}))
    )


@rule(
    "R5b",
    "Hormone medicines",
    trigger=(
        "Testosterone (any sex): a question about its effect on pattern loss. Birth control "
        "with hormones or HRT: a question whether it plays a part. Another or an unknown "
        "hormone medicine: bring its name. Information only."
    ),
    reads={"hormone_medicines": ANY},
    source="rules.md v2 R5b; clinical-facts §2.4 item 5",
    says={
        "testosterone": ask("Testosterone can speed up pattern hair loss. What does that mean "
                            "for me?"),
        "hormones": ask("Could my hormone medicine play a part in my hair loss?"),
        "names": ask("I am not sure of all my hormone medicines. I will bring their names so "
                     "you can check them."),
    },
)
def hormone_medicines(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    testosterone = a.pairs("hormone_medicines", {"testosterone"})
    if testosterone:
        yield say("testosterone", testosterone)
    # Not spironolactone and the like: they are themselves a treatment for hair loss.
    others = a.pairs("hormone_medicines", {"contraceptive_pill_patch_or_implant", "hrt"})
    if others:
        yield say("hormones", others)
    unknown = a.pairs("hormone_medicines", {"other_hormone", "not_sure"})
    if unknown:
        yield say("names", unknown)


@rule(
    "R6",
    "Whole-body symptoms, tiredness or hair pulling",
    trigger=(
        "Weight loss without trying, fevers or night sweats, always too cold or too hot or a "
        "racing heart, joint pain or a face rash, or pulling out hair: doctor first. Marked "
        "tiredness alone: neither injection until blood tests (iron, thyroid) are done."
    ),
    reads={"general_symptoms": ANY, "hair_pulling": ("yes",)},
    source="clinical-facts §2.4 items 6, 11; §10 (warning signs)",
    says={
        "body": red_flag(
            "Feeling unwell in these ways along with hair loss can come from a thyroid problem, "
            "low iron or another illness. Please see a doctor first."
        ),
        "pulling": red_flag(
            "Pulling out hair is common, and it is not your fault. A doctor can help with "
            "the urge itself. Injections do not help with this."
        ),
        **against_both(
            "tired",
            "Feeling very tired can come from low iron or a thyroid problem, and both can "
            "cause hair loss. Blood tests come first.",
            "caution", see="temporary-shedding", leaning_neither=True,
        ),
        "tired_ask": ask(
            "Can I have blood tests for iron and thyroid before I choose a treatment?",
            see="temporary-shedding",
        ),
    },
)
def body_symptoms_or_pulling(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    body = a.pairs("general_symptoms", _sign("R6", "body", "general_symptoms"))
    tired = a.pairs("general_symptoms", {"marked_tiredness"})
    if body:
        yield say("body", body + tired)
    elif tired:
        yield from say.both("tired", tired)
        yield say("tired_ask", tired)
    if a.one("hair_pulling") in _sign("R6", "pulling", "hair_pulling"):
        yield say("pulling", a.pair("hair_pulling"))


@rule(
    "R6b",
    "Hair loss after a new or stopped medicine",
    trigger="The hair loss began after starting or stopping a medicine.",
    reads={"triggers_recent": ("new_or_stopped_medicine",)},
    source="clinical-facts §2.4 item 8",
    says={
        "medicine": red_flag(
            "Hair loss after a change in medicine is best talked over with the doctor who "
            "prescribed it. Please do not stop a medicine on your own."
        ),
    },
)
def after_a_medicine(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = a.pairs("triggers_recent", _sign("R6b", "medicine", "triggers_recent"))
    if because:
        yield say("medicine", because)


@rule(
    "R6c",
    "Hair loss or infection after earlier injections",
    trigger="Hair loss, lumps or an infection at the sites of any earlier injections.",
    reads={"past_injection_reaction": ("hair_loss_at_injection_sites", "infection_or_lumps")},
    source="clinical-facts §2.4 item 10, §4.5",
    says={
        "after_injections": red_flag(
            "Hair loss, lumps or infection where you had injections before needs a doctor's "
            "check first. Some of these infections grow slowly and need special tests."
        ),
    },
)
def after_injections(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    reaction = a.pairs(
        "past_injection_reaction",
        _sign("R6c", "after_injections", "past_injection_reaction"),
    )
    if reaction:
        yield say("after_injections", reaction + a.pairs_except_none("past_injection_types"))


@rule(
    "R6d",
    "Easy bruising or bleeding with no known cause",
    trigger="Bruising or bleeding easily, with no cause found yet.",
    reads={"bleeding_disorder": ("bruise_or_bleed_easily_undiagnosed",)},
    source="clinical-facts §3.5; rules.md v2 R6d",
    says={
        "bruising": red_flag(
            "Bruising or bleeding easily with no known cause needs a blood test first. A GP "
            "can arrange it."
        ),
    },
)
def unexplained_bruising(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = a.pairs("bleeding_disorder", _sign("R6d", "bruising", "bleeding_disorder"))
    if because:
        yield say("bruising", because)
