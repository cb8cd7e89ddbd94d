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
    Findings,
    Say,
    against_both,
    ask,
    red_flag,
    rule,
)
from assessments.reasoning.groups import (
    HORMONE_MEDICINES_TAKEN,
    PERIODS_BEFORE_MENOPAUSE,
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
def under_18(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if a.one("age_band") in _sign("R1", "flag", "age_band"):
        yield say("flag", a.pair("age_band"))


@rule(
    "R2",
    "Sudden loss, clumps, bald patches, broken hairs or nail changes",
    trigger=(
        "Hair loss started over days or weeks; or hair comes out in handfuls; or there are "
        "bald patches; or broken hairs; or nail changes."
    ),
    reads={
        "onset_speed": ("sudden_days_weeks",),
        "shedding_amount": ("handfuls_or_clumps",),
        "pattern": ("patchy_bald_spots", "broken_hairs"),
        "nail_changes": ("yes",),
    },
    source="clinical-facts §1.6, §2.4 items 1, 2, 9, 11; §10",
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
def sudden_patchy_or_broken(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if a.one("onset_speed") in _sign("R2", "sudden", "onset_speed"):
        yield say("sudden", a.pair("onset_speed"))
    if a.one("shedding_amount") in _sign("R2", "clumps", "shedding_amount"):
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
            "stop", leaning_neither=True,
        ),
        "itch_only": ask("Could the itch on my scalp be linked to my hair loss?"),
    },
)
def inflamed_or_scarring_scalp(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def loss_elsewhere_or_hairline_band(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    elsewhere = a.pairs("other_hair_loss", _sign("R4", "elsewhere", "other_hair_loss"))
    if elsewhere:
        yield say("elsewhere", elsewhere)
    band = a.pairs("pattern", _sign("R4", "band", "pattern"))
    if band:
        yield say("band", band)


@rule(
    "R5",
    "Signs of high male-type hormones",
    trigger=(
        "For anyone not male at birth. Soon: a deeper voice or other body changes, or any "
        "hormone sign when the loss came on suddenly. Doctor first: new face or body hair, "
        "irregular or absent periods, or temples going back before the menopause, unless "
        "explained (periods by the menopause, pregnancy, breastfeeding or a hormone medicine; "
        "testosterone explains every sign). Adult acne alone is a question."
    ),
    reads={
        "sex_at_birth": ANY,
        "androgen_signs": ANY,
        "pattern": ("receding_temples",),
        "periods": ("regular", "irregular", "stopped_menopause"),
        "onset_speed": ("sudden_days_weeks",),
        "pregnancy": ("pregnant",),
        "breastfeeding_now": ("yes",),
        "hormone_medicines": tuple(sorted(HORMONE_MEDICINES_TAKEN)),
    },
    source="clinical-facts §2.4 item 5, §10 (hormone signs, warning signs); rules.md v2 R5",
    says={
        "urgent": red_flag(
            "New body changes like these, or signs that came on fast, need a doctor soon. "
            "Please do not wait for a hair clinic visit."
        ),
        "signs": red_flag(
            "New face or body hair, or periods that have changed, can be a sign of high "
            "male-type hormones. A doctor can check with a blood test first."
        ),
        "temples": red_flag(
            "Hair going back at the temples before the menopause can be a sign of high "
            "male-type hormones. A doctor can check with a blood test."
        ),
        "acne": ask("Could my acne be linked to my hormones or to my hair loss?"),
    },
)
def androgen_excess(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if a.one("sex_at_birth") == "male":
        return
    testosterone = a.pairs("hormone_medicines", {"testosterone"})
    if testosterone:
        return  # testosterone explains every hormone sign and temple recession (rules.md)
    signs = a.pairs_except_none("androgen_signs")
    voice = a.pairs("androgen_signs", _sign("R5", "urgent", "androgen_signs"))
    sudden = a.pairs("onset_speed", {"sudden_days_weeks"})
    if voice or (signs and sudden):
        yield say("urgent", voice + (signs + sudden if sudden else ()))

    periods_explained = (
        a.one("periods") == "stopped_menopause"
        or a.one("pregnancy") == "pregnant"
        or a.one("breastfeeding_now") == "yes"
        or bool(a.pairs("hormone_medicines", HORMONE_MEDICINES_TAKEN))
    )
    routine = a.pairs("androgen_signs", {"new_facial_or_body_hair"})
    if not periods_explained:
        routine += a.pairs("androgen_signs", {"irregular_or_absent_periods"})
    if routine:
        yield say("signs", routine)

    temples = a.pairs("pattern", _sign("R5", "temples", "pattern"))
    if a.one("periods") not in PERIODS_BEFORE_MENOPAUSE:
        temples = ()
    if temples:
        yield say("temples", temples + a.pair("periods"))

    acne = a.pairs("androgen_signs", {"new_or_severe_adult_acne"})
    already_to_a_doctor = voice or (signs and sudden) or routine or temples
    if acne and not already_to_a_doctor:
        yield say("acne", acne)


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
def hormone_medicines(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def body_symptoms_or_pulling(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def after_a_medicine(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def after_injections(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def unexplained_bruising(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    because = a.pairs("bleeding_disorder", _sign("R6d", "bruising", "bleeding_disorder"))
    if because:
        yield say("bruising", because)
