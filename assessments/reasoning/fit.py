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
    FindingsSoFar,
    Pairs,
    Say,
    against,
    against_both,
    ask,
    discuss,
    expect,
    favours,
    per_answer_set,
    rule,
)
from assessments.reasoning.groups import (
    DIFFUSE_PATTERN,
    FEMALE_PATTERN,
    MALE_PATTERN,
    MIXTURE_ALLERGIES,
    RECENT_DURATION,
    SHEDDING_TRIGGERS,
    explained_handfuls,
)
from assessments.reasoning.pattern import at_norwood_5, pattern_loss_fit
from assessments.reasoning.standard_medicines import (
    FIVE_ARI_MEDICINES,
    STANDARD_MEDICINES,
    STANDARD_RESULT_KEYS,
    five_ari_group,
    five_ari_ruled_out,
    standard_medicines,
)


@per_answer_set
def dutasteride_mixture_could_suit(a: Answers) -> Pairs:
    """Why a mesotherapy mixture with dutasteride could suit (R15m); empty if it could not.

    The R15 fit at an early or middle stage; an adult in the 5-ARI group; no allergy to
    finasteride or dutasteride or to what a mixture holds; neither 5-ARI medicine stopped
    for side effects; hormone-type medicines not declined; no past reaction to
    mesotherapy; visits possible.
    """
    fit = pattern_loss_fit(a)
    group = five_ari_group(a)
    reacted_to_mesotherapy = a.pairs("past_injection_types", {"mesotherapy"}) and a.one(
        "past_injection_reaction"
    ) not in {None, "no_problems"}
    if (
        fit and not at_norwood_5(a) and group
        and not a.pairs("allergies", MIXTURE_ALLERGIES)
        and not a.results(FIVE_ARI_MEDICINES, {"stopped_side_effects"})
        and not a.pairs("priorities", {"avoid_hormonal_medicines"})
        and not reacted_to_mesotherapy
        and a.one("visit_availability") not in {None, "not_sure"}
    ):
        return fit + group + a.pair("visit_availability")
    return ()


@rule(
    "R15",
    "Early to middle pattern hair loss",
    trigger=(
        "Adult; hair thinning slowly over years; temples or crown (Norwood 2 to 5) for anyone "
        "not female at birth, or a wider parting or thinning all over (Ludwig 1 or 2) for "
        "anyone not male at birth, and either pattern for anyone on testosterone; no warning "
        "sign. PRP's line counts, except at Norwood 5 (R18). Mesotherapy's line counts only "
        "where a dutasteride mixture could suit (R15m). Not sure of the kind, speed or stage: "
        "a question."
    ),
    reads={
        "sex_at_birth": ANY, "age_band": ANY, "onset_speed": ANY,
        "pattern": (*sorted(MALE_PATTERN | FEMALE_PATTERN), "other", "not_sure"),
        "norwood_stage": ANY, "ludwig_stage": ANY, "family_history": ("yes",),
        "hormone_medicines": ("testosterone",),
    },
    source="clinical-facts §3.3, §4.4, §5, §11 (advanced stages); rules.md v3 R15",
    says={
        "prp": favours(
            "prp",
            "Your answers can fit pattern hair loss at an early or middle stage, which a doctor "
            "can confirm. PRP has been studied most for this, mostly added to a standard "
            "medicine.",
            counts=True,
        ),
        "prp_late": favours(
            "prp",
            "Your answers can fit pattern hair loss, which a doctor can confirm. PRP has been "
            "studied mostly in earlier stages, added to a standard medicine.",
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
    reads_found=("red_flags",),
)
def early_pattern_loss(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if found.has_red_flag():
        return
    fit = pattern_loss_fit(a)
    if fit:
        yield say("prp_late" if at_norwood_5(a) else "prp", fit)
        if not dutasteride_mixture_could_suit(a):  # else R15m writes mesotherapy's line
            yield say("mesotherapy", fit)
        return
    unsure = (
        a.pairs("pattern", {"other", "not_sure"}) + a.pairs("onset_speed", {"not_sure"})
        + a.pairs("norwood_stage", {"not_sure"}) + a.pairs("ludwig_stage", {"not_sure"})
    )
    if unsure:
        yield say("unsure", unsure)


@rule(
    "R15m",
    "Pattern hair loss where a dutasteride mixture could suit",
    trigger=(
        "All of: the R15 fit at Norwood 2 to 4 or Ludwig 1 or 2; adult; the 5-ARI group (male "
        "at birth, periods stopped by the menopause, or gender-affirming testosterone); no "
        "allergy to finasteride or dutasteride or to what a mixture holds; neither stopped for "
        "side effects; hormone-type medicines not declined; no reaction to mesotherapy; visits "
        "possible. Mesotherapy's fit line then counts."
    ),
    reads={
        "sex_at_birth": ("male",), "periods": ("stopped_menopause",),
        "testosterone_purpose": ("gender_affirming",),
        "allergies": tuple(sorted(MIXTURE_ALLERGIES)),
        "result_finasteride": ("stopped_side_effects",),
        "result_dutasteride_oral": ("stopped_side_effects",),
        "priorities": ("avoid_hormonal_medicines",),
        "past_injection_types": ("mesotherapy",), "past_injection_reaction": ANY,
        "visit_availability": ("not_sure",), "norwood_stage": ("norwood_5",),
    },
    source="clinical-facts §4.4, §4.6, §11 (dutasteride); rules.md v3 R15m",
    says={
        "mesotherapy": favours(
            "mesotherapy",
            "Mesotherapy with dutasteride has a few small trials in pattern hair loss (low "
            "certainty). Mixtures of vitamins only have almost none.",
            see="evidence", counts=True,
        ),
    },
    reads_found=("red_flags",),
)
def dutasteride_mixture_fit(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = dutasteride_mixture_could_suit(a)
    if because and not found.has_red_flag():
        yield say("mesotherapy", because)


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
        "shedding_amount": ("handfuls_or_clumps",),
    },
    source="clinical-facts §2.3, §5; rules.md v3 R2, R16",
    says={
        "settles": expect(
            "Shedding like this after a birth or an illness is common. It usually settles "
            "within 6 to 12 months.",
            see="temporary-shedding",
        ),
        **against_both(
            "both",
            "Your answers can fit a short spell of shedding after a shock to the body. This "
            "often stops by itself, so injections are not a first step.",
            "caution", see="temporary-shedding", leaning_neither=True,
            headline="Your answers can fit a short spell of shedding after a shock to the "
                     "body. It often stops by itself. So both injections are best put off for "
                     "now.",
        ),
        "handfuls": ask(
            "The shedding is heavy now. When should I see a doctor if it does not settle?",
            see="temporary-shedding",
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
def likely_temporary_shedding(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
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
    # The reassurance first (rules.md v3 R2): it is what this shedding most often is.
    yield say("settles", because)
    yield from say.both("both", because)
    handfuls = explained_handfuls(a)
    yield say("handfuls", handfuls) if handfuls else say("ask", because)
    yield say("treat_cause", because)


@rule(
    "R16b",
    "Low iron, heavy periods or a thyroid problem",
    trigger="Low iron, heavy periods or a thyroid problem, with any pattern of hair loss: "
            "neither for now, until the cause is checked and treated.",
    reads={"triggers_recent": ("low_iron_or_heavy_periods", "thyroid_problem")},
    source="clinical-facts §2.3, §2.4 item 6, §11 (iron, anaemia and thyroid); rules.md v3 R16b",
    says={
        **against_both(
            "both",
            "Low iron and thyroid problems can cause or add to hair loss of any kind. Checking "
            "and treating them comes before any injection.",
            "caution", see="temporary-shedding", leaning_neither=True,
            headline="Low iron or a thyroid problem is best checked and treated first. Both "
                     "injections can wait.",
        ),
        "ask": ask("Can I have my ferritin (iron stores) and thyroid checked with a blood test?",
                   see="temporary-shedding"),
    },
)
def iron_or_thyroid(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    causes = a.pairs("triggers_recent", {"low_iron_or_heavy_periods", "thyroid_problem"})
    if causes:
        yield from say.both("both", causes)
        yield say("ask", causes)


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
            see="temporary-shedding", holds=True, cause_open=True,
            headline="Shedding all over for this long needs its cause found first. So no "
                     "injection is favoured yet. Ask your dermatologist.",
        ),
    },
)
def long_shedding_without_trigger(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    shedding = a.pairs("pattern", {"diffuse_shedding"})
    no_trigger = not a.pairs("triggers_recent", SHEDDING_TRIGGERS)
    if shedding and no_trigger and a.one("duration") in {"6_12_months", "1_5_years"}:
        yield say("ask", shedding + a.pair("duration") + a.pairs("triggers_recent"))


NORWOOD_5_HEADLINE = (
    "At this stage of hair loss, the injections are less likely to help. So no injection is "
    "favoured. Ask your dermatologist what else may help, such as a transplant or camouflage."
)


@rule(
    "R18",
    "Advanced hair loss",
    trigger=(
        "Norwood 6 or 7, or Ludwig 3: neither, as the injections are unlikely to help at this "
        "stage. Norwood 5 with the R15 fit: standard medicines first until they had a fair "
        "try (or none suits); then no leaning (a hold), as the injections are less likely to "
        "help."
    ),
    reads={"norwood_stage": ("norwood_5", "norwood_6", "norwood_7"), "ludwig_stage": ("ludwig_3",)},
    source="clinical-facts §3.3, §5, §11 (advanced stages); rules.md v3 R18",
    says={
        **against_both(
            "both",
            "Injections help hair that is thinning but still there. At this stage they are "
            "unlikely to help.",
            "caution", see="who-each-may-suit", leaning_neither=True,
            headline="At this stage of hair loss, the injections are unlikely to help. Ask "
                     "your dermatologist about a transplant, hair fibres or medicines.",
        ),
        "norwood_5": expect(
            "At this stage the injections are less likely to help: they are studied mostly in "
            "earlier stages. Medicines keep the hair that is there. Ask about a transplant and "
            "camouflage too.",
            see="who-each-may-suit",
        ),
        # The hold, worded per step-4 route: the fair-try words never on another route.
        "norwood_5_hold.fair_try": expect(
            "A standard medicine has had a fair try. At this stage, no injection stands out "
            "after it.", see="who-each-may-suit", holds=True, headline=NORWOOD_5_HEADLINE,
        ),
        "norwood_5_hold.nothing_left": expect(
            "The standard medicines you tried did not suit you, and the others are ruled out "
            "for you. At this stage, no injection stands out either.",
            see="who-each-may-suit", holds=True, headline=NORWOOD_5_HEADLINE,
        ),
        "norwood_5_hold.nothing_tried": expect(
            "The usual medicines do not suit you. At this stage, no injection stands out "
            "either.", see="who-each-may-suit", holds=True, headline=NORWOOD_5_HEADLINE,
        ),
        "other_options": discuss(
            "A hair transplant, a hairpiece or hair fibres (camouflage) are other options at "
            "this stage.",
            see="other-options",
        ),
        "ask": ask("Would a hair transplant, a hairpiece or hair fibres suit me?",
                   see="other-options"),
    },
    reads_found=("red_flags",),
)
def advanced_loss(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    stage = a.pairs("norwood_stage", {"norwood_6", "norwood_7"}) + a.pairs(
        "ludwig_stage", {"ludwig_3"}
    )
    if stage:
        yield from say.both("both", stage)
        yield say("other_options", stage)
        yield say("ask", stage)
        return
    fit = pattern_loss_fit(a)
    if fit and at_norwood_5(a) and not found.has_red_flag():
        yield say("norwood_5", fit)
        yield say("other_options", a.pair("norwood_stage"))
        route = standard_medicines(a)
        if route.route == "fair_try":
            yield say("norwood_5_hold.fair_try", a.pair("norwood_stage") + route.because)
        elif route.passed:
            tried = a.pairs("treatments_tried", STANDARD_MEDICINES)
            yield say(f"norwood_5_hold.{'nothing_left' if tried else 'nothing_tried'}",
                      a.pair("norwood_stage") + route.because)


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
def styling_damage(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
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
    "Contraception, for anyone who could become pregnant",
    trigger="Anyone who could become pregnant: not male at birth, periods not stopped by the "
            "menopause, under 50, not pregnant now (R12 covers that), whatever the periods "
            "answer (testosterone is not contraception). A question about hormone-type mixtures; "
            "another about spironolactone and similar medicines when taken.",
    reads={"sex_at_birth": ANY, "periods": ANY, "pregnancy": ("pregnant",),
           "age_band": ("50_64", "65_plus"),
           "hormone_medicines": ("anti_androgen_or_spironolactone",)},
    source="clinical-facts §4.6, §5, §11 (spironolactone); rules.md v3 R20",
    says={
        "ask": ask(
            "Does the mixture contain dutasteride or finasteride? Then you need birth control "
            "(contraception) that works well, and for 6 months after.",
            see="who-should-not-have-mesotherapy",
        ),
        "anti_androgen": ask(
            "Medicines like spironolactone need birth control that works well. Is mine good "
            "enough?",
            see="other-options",
        ),
    },
)
def contraception(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if (
        a.one("sex_at_birth") == "male" or a.one("pregnancy") == "pregnant"
        or a.one("periods") == "stopped_menopause" or a.one("age_band") in {"50_64", "65_plus"}
    ):
        return
    who = a.pair("sex_at_birth") + a.pair("age_band")
    yield say("ask", who)
    blockers = a.pairs("hormone_medicines", {"anti_androgen_or_spironolactone"})
    if blockers:
        yield say("anti_androgen", who + blockers)


@rule(
    "R22",
    "Alopecia areata found by a doctor",
    trigger="A doctor has found alopecia areata: it needs its own plan, so no leaning.",
    reads={"scalp_conditions": ("diagnosed_alopecia_areata",)},
    source="clinical-facts §3.3; rules.md v2 R22",
    says={
        "ask": ask("Would steroid shots, PRP or newer tablets suit my alopecia areata?",
                   holds=True, cause_open=True,
                   headline="Alopecia areata needs its own plan, made with your "
                            "dermatologist. So no injection is favoured here."),
        "prp": favours(
            "prp",
            "In small studies of alopecia areata, PRP did about as well as steroid injections. "
            "Steroid injections are the usual first step.",
            see="evidence",
        ),
        "mesotherapy": against("mesotherapy", "Mesotherapy has not been studied for alopecia "
                               "areata.", "caution", see="evidence"),
    },
    reads_found=("red_flags",),
)
def diagnosed_alopecia_areata(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    areata = a.pairs("scalp_conditions", {"diagnosed_alopecia_areata"})
    if areata and not found.has_red_flag():
        yield say("ask", areata)
        yield say("prp", areata)
        yield say("mesotherapy", areata)


@rule(
    "R22b",
    "Steroid injections into the scalp",
    trigger="A steroid injection in the scalp in the last month, or steroid injections before: "
            "what were they for? Another diagnosis may be in play, so no leaning (a hold).",
    reads={"steroids_immunosuppressants": ("steroid_injection_in_scalp_last_month",),
           "past_injection_types": ("steroid_injections",)},
    source="clinical-facts §11 (steroid injections into the scalp); rules.md v3 R22b",
    says={
        "ask": ask(
            "What were the steroid injections for? The cause of the hair loss should be known "
            "before other injections.",
            see="see-a-doctor-first", holds=True, cause_open=True,
            headline="Steroid injections into the scalp are used for other kinds of hair loss. "
                     "The cause should be known first, so no injection is favoured yet.",
        ),
    },
)
def scalp_steroid_injections(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = a.pairs("steroids_immunosuppressants", {"steroid_injection_in_scalp_last_month"}) + (
        a.pairs("past_injection_types", {"steroid_injections"})
    )
    if because:
        yield say("ask", because)


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
def few_visits_possible(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if a.one("visit_availability") == "every_few_months":
        yield say("visits", a.pair("visit_availability"))


AFTER_NO_CHANGE = (
    "PRP has been studied as an add-on or another choice. Other standard options, such as "
    "another form or another medicine, are worth asking about too."
)
FAIR_TRY_NAMES = {
    "minoxidil_topical": "Minoxidil lotion or foam",
    "minoxidil_oral": "Minoxidil tablets",
    "finasteride": "Finasteride",
    "dutasteride_oral": "Dutasteride tablets",
    "antiandrogen_other": "The hormone-blocking medicine you tried",
    "several": "The standard medicines you tried (see Why?)",
}


@rule(
    "R25",
    "A standard medicine had a fair try",
    trigger="An adult tried a standard medicine (minoxidil, finasteride, dutasteride or another "
            "hormone blocker) and that medicine's own result is no change after 6 months. Not "
            "when another standard medicine helps (it decides), and not on the 'nothing "
            "suitable left' route.",
    reads={
        "treatments_tried": tuple(sorted(STANDARD_MEDICINES)),
        **{key: ("no_change_after_6_months", "helped") for key in STANDARD_RESULT_KEYS},
        "age_band": ("under_18",),
    },
    source="clinical-facts §3.3, §4.4; rules.md v3 R25, step 4",
    says={
        # The line names the medicine that had the fair try (rules.md v3 R25).
        f"no_change.{medicine}": favours(
            "prp", f"{name} did not help after 6 months. {AFTER_NO_CHANGE}", counts=True,
        )
        for medicine, name in FAIR_TRY_NAMES.items()
    },
)
def standard_medicine_fair_try(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    route = standard_medicines(a)
    if route.route == "fair_try" and a.one("age_band") != "under_18":
        failed = [m for key, m in route.because if key == "treatments_tried"]
        yield say(f"no_change.{failed[0] if len(failed) == 1 else 'several'}", route.because)


@rule(
    "R25d",
    "Mixtures with dutasteride, when hormone-type medicines do not suit",
    trigger="No hormone-type medicines wanted, finasteride or dutasteride stopped for side "
            "effects, or an allergy to them: a caution on mesotherapy (some mixtures hold "
            "dutasteride).",
    reads={
        "priorities": ("avoid_hormonal_medicines",),
        "result_finasteride": ("stopped_side_effects",),
        "result_dutasteride_oral": ("stopped_side_effects",),
        "allergies": ("finasteride_or_dutasteride",),
    },
    source="clinical-facts §4.2, §11 (dutasteride); rules.md v3 R25d",
    says={
        "mesotherapy": against(
            "mesotherapy",
            "Some mesotherapy mixtures contain dutasteride. It is a hormone-type medicine like "
            "finasteride, with the same warnings. Ask exactly what is in the mixture.",
            "caution", see="who-should-not-have-mesotherapy",
        ),
    },
)
def dutasteride_in_mixtures(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = five_ari_ruled_out(a)
    if because:
        yield say("mesotherapy", because)


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
def injection_did_not_help(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
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
def effect_sizes(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    yield say("prp", ())
    yield say("mesotherapy", ())
    yield say("fade", ())
