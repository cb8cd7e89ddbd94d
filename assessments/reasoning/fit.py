"""R15-R27: whether the answers fit pattern hair loss, likely temporary causes, and what
the person has already tried.

Only three sentences here count towards the leaning (principle 3, rules.md "Counting
points"): R15's PRP line, R25 and R25m. The rest inform.
"""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    ANY,
    Answers,
    Finding,
    Findings,
    Pairs,
    Say,
    against,
    against_both,
    ask,
    discuss,
    expect,
    favours,
    rule,
)
from assessments.reasoning.groups import (
    DID_NOT_SUIT,
    DIFFUSE_PATTERN,
    EARLY_LUDWIG,
    EARLY_NORWOOD,
    FEMALE_PATTERN,
    HORMONE_BLOCKING_TABLETS,
    MALE_PATTERN,
    MIXTURE_ALLERGIES,
    RECENT_DURATION,
    RESULT_KEYS_OF_STANDARD,
    SHEDDING_TRIGGERS,
    STANDARD_TREATMENTS,
)


def pattern_loss_fit(a: Answers) -> Pairs:
    """The answers that make early-to-middle pattern hair loss a likely fit (R15).

    Empty when the conditions are not all met. Self-staging is a hint, never a
    diagnosis, so an unsure stage does not count. For intersex people and those who
    prefer not to say, either pattern set can fit.
    """
    if a.one("age_band") == "under_18" or a.one("onset_speed") != "slowly_over_years":
        return ()
    sex = a.one("sex_at_birth")
    male_fit = a.pairs("pattern", MALE_PATTERN) if sex != "female" else ()
    female_fit = a.pairs("pattern", FEMALE_PATTERN) if sex != "male" else ()
    if male_fit and a.one("norwood_stage") in EARLY_NORWOOD:
        fit = male_fit + a.pair("norwood_stage")
    elif female_fit and a.one("ludwig_stage") in EARLY_LUDWIG:
        fit = female_fit + a.pair("ludwig_stage")
    else:
        return ()
    fit += a.pair("onset_speed")
    if a.one("family_history") == "yes":
        fit += a.pair("family_history")
    return fit


def standard_treatment_tried(a: Answers) -> Pairs:
    return a.pairs("treatments_tried", STANDARD_TREATMENTS)


@rule(
    "R15",
    "Early to middle pattern hair loss",
    trigger=(
        "Adult; hair thinning slowly over years; temples or crown (Norwood 2 to 4) for anyone "
        "not female at birth, or a wider parting or thinning all over (Ludwig 1 or 2) for "
        "anyone not male at birth; no warning sign. Not sure of the kind, speed or stage: a "
        "question."
    ),
    reads={
        "sex_at_birth": ANY, "age_band": ANY, "onset_speed": ANY,
        "pattern": (*sorted(MALE_PATTERN | FEMALE_PATTERN), "other", "not_sure"),
        "norwood_stage": ANY, "ludwig_stage": ANY, "family_history": ("yes",),
    },
    source="clinical-facts §3.3, §4.4, §5; rules.md v2 R15",
    says={
        "prp": favours(
            "prp",
            "Your answers can fit pattern hair loss at an early or middle stage, which a doctor "
            "can confirm. PRP has been studied most for this, mostly added to a standard "
            "medicine.",
            counts=True,
        ),
        "mesotherapy": favours(
            "mesotherapy",
            "Mesotherapy has also been tried for pattern hair loss. The studies are fewer and "
            "weaker, and each clinic's mix is different.",
            see="evidence",
        ),
        "unsure": ask("I am not sure what kind of hair loss I have, or how far along it is. "
                      "Can you look at my scalp and tell me?", see="about-hair-loss"),
    },
)
def early_pattern_loss(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if found.has_red_flag():
        return
    fit = pattern_loss_fit(a)
    if fit:
        yield say("prp", fit)
        yield say("mesotherapy", fit)
        return
    unsure = (
        a.pairs("pattern", {"other", "not_sure"}) + a.pairs("onset_speed", {"not_sure"})
        + a.pairs("norwood_stage", {"not_sure"}) + a.pairs("ludwig_stage", {"not_sure"})
    )
    if unsure:
        yield say("unsure", unsure)


@rule(
    "R16",
    "Likely short-term shedding",
    trigger=(
        "Thinning or shedding all over, with a shedding trigger and hair loss for under 6 "
        "months, or after giving birth."
    ),
    reads={
        "pattern": tuple(sorted(DIFFUSE_PATTERN)),
        "triggers_recent": tuple(sorted(SHEDDING_TRIGGERS)),
        "duration": tuple(sorted(RECENT_DURATION)),
        "pregnancy": ("gave_birth_last_12_months",),
    },
    source="clinical-facts §2.3, §5; rules.md v2 R16",
    says={
        **against_both(
            "both",
            "Your answers can fit a short spell of shedding after a shock to the body. This "
            "often stops by itself, so injections are not a first step.",
            "caution", see="temporary-shedding", leaning_neither=True,
        ),
        "ask": ask(
            "Could this be shedding that will settle? When should we look again if it does "
            "not stop?",
            see="temporary-shedding",
        ),
        "treat_cause": discuss(
            "Ask about treating the cause. Shedding usually settles a few months after the "
            "cause has passed.",
            see="temporary-shedding",
        ),
    },
)
def likely_temporary_shedding(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    diffuse = a.pairs("pattern", DIFFUSE_PATTERN)
    if not diffuse:
        return
    triggers = a.pairs("triggers_recent", SHEDDING_TRIGGERS)
    recent = a.pairs("duration", RECENT_DURATION)
    birth = a.pairs("triggers_recent", {"gave_birth"}) + a.pairs(
        "pregnancy", {"gave_birth_last_12_months"}
    )
    if triggers and recent:
        because = diffuse + triggers + recent + a.pairs("pregnancy", {"gave_birth_last_12_months"})
    elif birth:
        because = diffuse + birth
    else:
        return
    yield from say.both("both", because)
    yield say("ask", because)
    yield say("treat_cause", because)


@rule(
    "R16b",
    "Low iron, heavy periods or a thyroid problem",
    trigger="Low iron, heavy periods or a thyroid problem, with thinning or shedding all over.",
    reads={
        "triggers_recent": ("low_iron_or_heavy_periods", "thyroid_problem"),
        "pattern": tuple(sorted(DIFFUSE_PATTERN)),
    },
    source="clinical-facts §2.3, §2.4 item 6; rules.md v2 R16b",
    says={
        **against_both(
            "both",
            "Low iron and thyroid problems can thin hair all over. Checking and treating them "
            "comes before any injection.",
            "caution", see="temporary-shedding", leaning_neither=True,
        ),
        "ask": ask("Can I have my ferritin (iron stores) and thyroid checked with a blood test?",
                   see="temporary-shedding"),
    },
)
def iron_or_thyroid(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    causes = a.pairs("triggers_recent", {"low_iron_or_heavy_periods", "thyroid_problem"})
    diffuse = a.pairs("pattern", DIFFUSE_PATTERN)
    if causes and diffuse:
        yield from say.both("both", causes + diffuse)
        yield say("ask", causes + diffuse)


@rule(
    "R17",
    "Long shedding with no clear trigger",
    trigger="Shedding all over for 6 months to 5 years with no shedding trigger: no leaning "
            "until a doctor finds the cause.",
    reads={
        "pattern": ("diffuse_shedding",),
        "duration": ("6_12_months", "1_5_years"),
        "triggers_recent": tuple(sorted(SHEDDING_TRIGGERS)),
    },
    source="clinical-facts §2.3",
    says={
        "ask": ask(
            "Is this long-lasting shedding, or early pattern loss? Do I need blood tests or a "
            "close look at my scalp?",
            see="temporary-shedding", holds=True,
        ),
    },
)
def long_shedding_without_trigger(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    shedding = a.pairs("pattern", {"diffuse_shedding"})
    no_trigger = not a.pairs("triggers_recent", SHEDDING_TRIGGERS)
    if shedding and no_trigger and a.one("duration") in {"6_12_months", "1_5_years"}:
        yield say("ask", shedding + a.pair("duration") + a.pairs("triggers_recent"))


@rule(
    "R18",
    "Advanced hair loss",
    trigger="Norwood 6 or 7, or Ludwig 3.",
    reads={"norwood_stage": ("norwood_6", "norwood_7"), "ludwig_stage": ("ludwig_3",)},
    source="clinical-facts §3.3, §5",
    says={
        **against_both(
            "both",
            "Injections help hair that is thinning but still there. With this much loss, they "
            "are not likely to help much on their own.",
            "caution", see="who-each-may-suit", leaning_neither=True,
        ),
        "ask": ask("Would a hair transplant, a hairpiece or hair fibres suit me?",
                   see="other-options"),
    },
)
def advanced_loss(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    stage = a.pairs("norwood_stage", {"norwood_6", "norwood_7"}) + a.pairs(
        "ludwig_stage", {"ludwig_3"}
    )
    if stage:
        yield from say.both("both", stage)
        yield say("ask", stage)


@rule(
    "R19",
    "Loss from tight styles, chemicals or heat",
    trigger=(
        "Tight hairstyles or extensions, with loss where hair is pulled or a band along the "
        "hairline: neither for now. Harsh chemicals or heat: a question."
    ),
    reads={
        "triggers_recent": ("tight_hairstyles_or_extensions", "harsh_chemicals_or_heat"),
        "pattern": ("where_hair_is_pulled", "hairline_band_front_or_sides"),
    },
    source="clinical-facts §2.3; rules.md v2 R19",
    says={
        **against_both(
            "both",
            "Your answers can fit hair loss from pulling. Easing the pull comes first, and "
            "then hair often grows back.",
            "caution", see="about-hair-loss", leaning_neither=True,
        ),
        "ease": discuss(
            "Looser styles and breaks from extensions give the hair a rest. See a dermatologist "
            "if it does not grow back.",
            see="about-hair-loss",
        ),
        "chemicals": ask("Could dyes, relaxers or heat be breaking my hair? What could I change?",
                         see="about-hair-loss"),
    },
)
def styling_damage(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    styles = a.pairs("triggers_recent", {"tight_hairstyles_or_extensions"})
    where = a.pairs("pattern", {"where_hair_is_pulled", "hairline_band_front_or_sides"})
    if styles and where:
        yield from say.both("both", styles + where)
        yield say("ease", styles + where)
    chemicals = a.pairs("triggers_recent", {"harsh_chemicals_or_heat"})
    if chemicals:
        yield say("chemicals", chemicals)


@rule(
    "R20",
    "Hormone-blocking drugs in a mixture, for anyone who could become pregnant",
    trigger="Not male at birth, not pregnant now (R12 covers that), and periods regular, "
            "irregular or stopped for a reason other than the menopause.",
    reads={"sex_at_birth": ANY, "periods": ANY, "pregnancy": ("pregnant",)},
    source="clinical-facts §4.6, §5; rules.md v2 R20",
    says={
        "ask": ask(
            "Does the mixture contain dutasteride or finasteride? Then reliable birth control "
            "is needed, and for 6 months after.",
            see="who-should-not-have-mesotherapy",
        ),
    },
)
def hormone_mixture_and_pregnancy(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if a.one("sex_at_birth") != "male" and a.one("pregnancy") != "pregnant" and a.one(
        "periods"
    ) in {"regular", "irregular", "stopped_other_reason"}:
        yield say("ask", a.pair("sex_at_birth") + a.pair("periods"))


@rule(
    "R22",
    "Alopecia areata found by a doctor",
    trigger="A doctor has found alopecia areata: it needs its own plan, so no leaning.",
    reads={"scalp_conditions": ("diagnosed_alopecia_areata",)},
    source="clinical-facts §3.3; rules.md v2 R22",
    says={
        "ask": ask("Would steroid shots, PRP or newer tablets suit my alopecia areata?",
                   holds=True),
        "prp": favours(
            "prp",
            "In small studies of alopecia areata, PRP did about as well as steroid injections. "
            "Steroid injections are the usual first step.",
            see="evidence",
        ),
        "mesotherapy": against("mesotherapy", "Mesotherapy has not been studied for alopecia "
                               "areata.", "caution", see="evidence"),
    },
)
def diagnosed_alopecia_areata(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    areata = a.pairs("scalp_conditions", {"diagnosed_alopecia_areata"})
    if areata and not found.has_red_flag():
        yield say("ask", areata)
        yield say("prp", areata)
        yield say("mesotherapy", areata)


@rule(
    "R24",
    "Visits only every few months",
    trigger="Can get to a clinic only every few months.",
    reads={"visit_availability": ("every_few_months",)},
    source="clinical-facts §3.2, §4.3; rules.md v2 R24",
    says={
        "visits": expect(
            "PRP usually starts with about 3 visits a month apart. Mesotherapy with vitamins "
            "is often every week or two. With dutasteride it is often every 3 months.",
            see="schedules-and-costs",
        ),
    },
)
def few_visits_possible(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    if a.one("visit_availability") == "every_few_months":
        yield say("visits", a.pair("visit_availability"))


@rule(
    "R25",
    "A standard medicine did not help or was not tolerated",
    trigger="An adult tried a standard treatment (minoxidil, finasteride, dutasteride or "
            "another hormone blocker) and it did not help after 6 months, or was stopped "
            "for side effects.",
    reads={
        "treatments_tried": tuple(sorted(STANDARD_TREATMENTS)),
        **{key: tuple(sorted(DID_NOT_SUIT)) for key in RESULT_KEYS_OF_STANDARD},
        "age_band": ("under_18",),
    },
    source="clinical-facts §3.3, §4.4; rules.md v2 R25",
    says={
        "no_change": favours(
            "prp",
            "A standard medicine did not help after 6 months. PRP has been studied as an add-on "
            "or another choice. Other standard options, such as tablets, are worth asking about "
            "first.",
            counts=True,
        ),
        "side_effects": favours(
            "prp",
            "You stopped a standard medicine because of side effects. PRP has been studied as "
            "another choice. Other standard options are worth asking about first.",
            counts=True,
        ),
    },
)
def standard_medicine_did_not_suit(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    no_change = a.results(STANDARD_TREATMENTS, {"no_change_after_6_months"})
    side_effects = a.results(STANDARD_TREATMENTS, {"stopped_side_effects"})
    if a.one("age_band") != "under_18" and (no_change or side_effects):
        key = "no_change" if no_change else "side_effects"
        yield say(key, no_change or side_effects)


@rule(
    "R25m",
    "Hormone tablets did not suit: mesotherapy with dutasteride",
    trigger=(
        "All of: the R15 fit; adult; finasteride, dutasteride or another hormone blocker "
        "stopped for side effects, or no hormone-type medicines wanted and a standard "
        "treatment gave no change after 6 months; male at birth or periods stopped by the "
        "menopause; no allergy to a mixture and no reaction to mesotherapy; visits possible."
    ),
    reads={
        "treatments_tried": tuple(sorted(STANDARD_TREATMENTS | {"mesotherapy"})),
        **{key: ("stopped_side_effects", "no_change_after_6_months")
           for key in RESULT_KEYS_OF_STANDARD},
        "priorities": ("avoid_hormonal_medicines",),
        "sex_at_birth": ("male",),
        "periods": ("stopped_menopause",),
        "allergies": tuple(sorted(MIXTURE_ALLERGIES)),
        "past_injection_types": ("mesotherapy",),
        "past_injection_reaction": ANY,
        "visit_availability": ("not_sure",),
    },
    source="clinical-facts §4.4, §4.6; rules.md v2 R25m",
    says={
        "mesotherapy": favours(
            "mesotherapy",
            "Mesotherapy with dutasteride is worth asking about when hormone tablets do not "
            "suit. The proof for it is low certainty.",
            see="evidence", counts=True,
        ),
    },
)
def dutasteride_mesotherapy(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    fit = pattern_loss_fit(a)
    tablets = a.results(HORMONE_BLOCKING_TABLETS, {"stopped_side_effects"})
    no_hormones = a.pairs("priorities", {"avoid_hormonal_medicines"})
    no_change = a.results(STANDARD_TREATMENTS, {"no_change_after_6_months"})
    if tablets:
        reason = tablets
    elif no_hormones and no_change:
        reason = no_hormones + no_change
    else:
        return
    who = a.pair("sex_at_birth") if a.one("sex_at_birth") == "male" else (
        a.pair("periods") if a.one("periods") == "stopped_menopause" else ()
    )
    reacted_to_mesotherapy = a.pairs("past_injection_types", {"mesotherapy"}) and a.one(
        "past_injection_reaction"
    ) not in {None, "no_problems"}
    if (
        fit and who and a.one("age_band") != "under_18"
        and not a.pairs("allergies", MIXTURE_ALLERGIES) and not reacted_to_mesotherapy
        and a.one("visit_availability") != "not_sure"
    ):
        yield say("mesotherapy", fit + reason + who + a.pair("visit_availability"))


@rule(
    "R26",
    "An injection tried without change",
    trigger="PRP (or mesotherapy) tried with no change after 6 months: check the diagnosis "
            "again, and that injection cannot be the leaning.",
    reads={"treatments_tried": ("prp", "mesotherapy"),
           "result_prp": ("no_change_after_6_months",),
           "result_mesotherapy": ("no_change_after_6_months",)},
    source="clinical-facts §3.3; rules.md v2 R26",
    says={
        "prp": ask("PRP did not help me after 6 months. Should we check the cause of my hair "
                   "loss again before trying more?", see="evidence", blocks="prp"),
        "mesotherapy": ask("Mesotherapy did not help me after 6 months. Should we check the "
                           "cause of my hair loss again before trying more?", see="evidence",
                           blocks="mesotherapy"),
    },
)
def injection_did_not_help(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    for option in ("prp", "mesotherapy"):
        tried = a.results({option}, {"no_change_after_6_months"})
        if tried:
            yield say(option, tried)


@rule(
    "R27",
    "What the studies found, with the uncertainty",
    trigger="Every summary without a warning sign.",
    reads={},
    source="clinical-facts §3.3 (Kieling 2024), §4.4, §10 (size of effect)",
    says={
        "prp": expect(
            "In studies, PRP gave about 28 more hairs per square centimetre than a dummy "
            "treatment. The true figure may be anywhere from about 14 to 41. Results differed "
            "a lot, so the proof is weak.",
            hidden_when_doctor_first=True,
        ),
        "mesotherapy": expect(
            "For mesotherapy there is no such figure. The studies are too few and too "
            "different to add up.",
            hidden_when_doctor_first=True,
        ),
        "fade": expect("Any gain fades over some months if the sessions stop.",
                       hidden_when_doctor_first=True),
    },
)
def effect_sizes(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    yield say("prp", ())
    yield say("mesotherapy", ())
    yield say("fade", ())
