"""R28-R32: what matters to the person, readiness, and the one combined plan.

Values come last and never make a leaning on their own (principle 3): no sentence here
counts. ``priorities`` appears only as one condition among clinical ones (R32).
"""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    Answers,
    Finding,
    FindingsSoFar,
    Say,
    ask,
    discuss,
    expect,
    favours,
    rule,
)
from assessments.reasoning.pattern import pattern_loss_fit
from assessments.reasoning.standard_medicines import (
    STANDARD_MEDICINES,
    STANDARD_RESULT_KEYS,
    five_ari_ruled_out,
    minoxidil_ruled_out,
)
from assessments.summary import SURE_NEEDS

FITS = "Fits what matters to you: "


@rule(
    "R28",
    "What matters to you",
    trigger="One sentence for each priority the person chose (own body, nothing added, low "
            "allergy risk, no blood taken, fewer needles, no hormone-type medicines, a quick "
            "change, the biggest effect), true of both options or naming the option it fits, "
            "never naming a medicine ruled out for the person. "
            "Never counts towards the leaning.",
    reads={"priorities": ("own_body", "avoid_added_substances", "low_allergy_risk",
                          "no_blood_draw", "fewer_needles", "avoid_hormonal_medicines",
                          "fast_change", "maximum_effect"),
           # Minoxidil ruled out: the hormone-free line does not name it.
           "allergies": ("minoxidil",), "result_minoxidil_topical": ("stopped_side_effects",),
           "result_minoxidil_oral": ("stopped_side_effects",)},
    source="clinical-facts §3.1, §3.3, §4.2, §4.5; rules.md v3 R28",
    says={
        "own_body": favours("prp", FITS + "PRP uses your own blood.", see="how-they-differ"),
        "avoid_added_substances": favours(
            "prp", FITS + "PRP adds nothing to your blood, though numbing drugs may be used. "
            "Mesotherapy puts a mix of substances into the skin.", see="how-they-differ",
        ),
        "low_allergy_risk": favours(
            "prp", FITS + "an allergy to your own blood is not expected. Numbing drugs and "
            "skin cleaners, used for both injections, can still cause reactions.",
            see="how-they-differ",
        ),
        "no_blood_draw": favours(
            "mesotherapy", FITS + "mesotherapy needs no blood to be taken.",
            see="how-they-differ",
        ),
        "fewer_needles": discuss(FITS + "lotions and tablets need no needles. Both injections "
                                 "mean many small needles at each visit, and PRP also needs "
                                 "a blood draw."),
        "avoid_hormonal_medicines": discuss(
            FITS + "minoxidil and PRP hold no hormones. Finasteride, dutasteride and some "
            "mesotherapy mixes act on hormones."
        ),
        # Minoxidil is ruled out for this person (an allergy, or both forms stopped).
        "avoid_hormonal_medicines.no_minoxidil": discuss(
            FITS + "PRP holds no hormones. Finasteride, dutasteride and some mesotherapy "
            "mixes act on hormones."
        ),
        "fast_change": expect(FITS + "every option here takes months. Changes show after 2 to "
                              "3 months at the soonest, and often later."),
        "maximum_effect": expect(
            FITS + "in studies, the standard medicines gave the clearest gains. Adding PRP to "
            "one of them is the best-studied mix, though the proof is weak.", see="evidence",
        ),
    },
)
def what_matters(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    for priority in a.chosen("priorities"):
        if priority not in say.rule.says:  # only the priority the person chose (never others)
            continue
        because = a.pairs("priorities", {priority})
        no_minoxidil = minoxidil_ruled_out(a)
        if priority == "avoid_hormonal_medicines" and no_minoxidil:
            # Never name a medicine that is ruled out for the person.
            yield say(f"{priority}.no_minoxidil", because + no_minoxidil)
        else:
            yield say(priority, because)


@rule(
    "R29",
    "Wants the strongest evidence",
    trigger="The best proof matters: for men, finasteride and minoxidil; for women and others, "
            "minoxidil; never a medicine that is not for them or is ruled out for them (an "
            "allergy, stopped for side effects, or hormone-type medicines declined); of the "
            "two injections, PRP has more studies. Never counts towards the leaning.",
    reads={"priorities": ("strongest_evidence", "avoid_hormonal_medicines"),
           "sex_at_birth": ("male",), "allergies": ("minoxidil", "finasteride_or_dutasteride"),
           "result_minoxidil_topical": ("stopped_side_effects",),
           "result_minoxidil_oral": ("stopped_side_effects",),
           "result_finasteride": ("stopped_side_effects",),
           "result_dutasteride_oral": ("stopped_side_effects",)},
    source="clinical-facts §3.3, §4.4, §5; rules.md v3 R29",
    says={
        "medicines_men": discuss(
            FITS + "minoxidil and finasteride have the strongest proof of all.", see="evidence"
        ),
        "medicines": discuss(
            FITS + "minoxidil has the strongest proof of all.", see="evidence"
        ),
        "finasteride_only": discuss(
            FITS + "finasteride has the strongest proof of all.", see="evidence"
        ),
        "none_left": discuss(
            FITS + "the standard medicines have the strongest proof of all, but the usual "
            "ones do not suit you. Ask your dermatologist what is left.", see="evidence"
        ),
        "prp": favours("prp", "Of the two injections, PRP has more studies. The proof is still "
                       "weak.", see="evidence"),
    },
)
def evidence_priority(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    wish = a.pairs("priorities", {"strongest_evidence"})
    if not wish:
        return
    # Name only the medicines that could be offered and are not ruled out for the person.
    no_minoxidil = minoxidil_ruled_out(a)
    man = a.pair("sex_at_birth") if a.one("sex_at_birth") == "male" else ()
    no_finasteride = five_ari_ruled_out(a) if man else ()
    finasteride = man and not no_finasteride
    if not no_minoxidil:
        if finasteride:
            yield say("medicines_men", wish + man)
        else:
            yield say("medicines", wish + no_finasteride)
    elif finasteride:
        yield say("finasteride_only", wish + man + no_minoxidil)
    else:
        yield say("none_left", wish + no_minoxidil + no_finasteride)
    yield say("prp", wish)


@rule(
    "R30",
    "Cost, visits or daily effort matter",
    trigger="Low cost, fewer visits or no daily routine matters.",
    reads={"priorities": ("low_cost", "fewer_visits", "no_daily_routine")},
    source="clinical-facts §1.6, §3.2, §4.3",
    says={
        "low_cost": expect(
            "Both injections need repeat visits and top-ups, and you usually pay for them. "
            "Minoxidil costs less. Waiting costs nothing.", see="schedules-and-costs",
        ),
        "fewer_visits": expect(
            "Both injections need repeat visits and top-ups. Mesotherapy often needs the most "
            "visits at the start.", see="schedules-and-costs",
        ),
        "no_daily_routine": expect(
            "Injections need no daily routine, but they need repeat visits. Minoxidil is used "
            "every day.", see="schedules-and-costs",
        ),
    },
)
def cost_and_effort(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    for wish in ("low_cost", "fewer_visits", "no_daily_routine"):
        because = a.pairs("priorities", {wish})
        if because:
            yield say(wish, because)


@rule(
    "R31",
    "Not yet ready to decide (SURE)",
    trigger="Any SURE answer is no, or the person has not thought about the decision yet.",
    reads={"sure_sure": ("no",), "sure_understand": ("no",), "sure_risks_benefits": ("no",),
           "sure_encouragement": ("no",), "decision_stage": ("not_thought_yet",)},
    source="clinical-facts §1.4, §1.5",
    says={
        "not_ready": ask(
            "You may not feel ready to decide yet. That is normal. Tell your dermatologist "
            "what would help you."
        ),
    },
)
def not_ready_to_decide(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = tuple((key, "no") for key in SURE_NEEDS if a.one(key) == "no")
    if a.one("decision_stage") == "not_thought_yet":
        because += a.pair("decision_stage")
    if because:
        yield say("not_ready", because)


@rule(
    "R32",
    "PRP added to a standard medicine that helps",
    trigger=(
        "All of: the R15 fit; a standard medicine's own result is 'helped'; the goal is "
        "regrowth or thicker hair, or the biggest effect matters; visits every 2 to 4 weeks "
        "or more often are possible; no caution or stop on PRP; PRP not tried without benefit."
    ),
    reads={
        "treatments_tried": STANDARD_MEDICINES,
        **{key: ("helped",) for key in STANDARD_RESULT_KEYS},
        "result_prp": ("no_change_after_6_months",),
        "goal": ("regrow_some_hair", "thicker_hair"),
        "priorities": ("maximum_effect",),
        "visit_availability": ("weekly_possible", "every_2_4_weeks"),
    },
    source="clinical-facts §3.2, §3.3, §4.4; rules.md v3 R32",
    says={
        "prp": favours(
            "prp",
            "A standard medicine is helping you. Adding PRP to it is the best-studied mix, "
            "though the proof is still weak.",
            see="combined-plans", combination=True,
        ),
        "both_injections": discuss(
            "Some clinics mix PRP and mesotherapy. There are no good trials of that mix.",
            see="combined-plans",
        ),
    },
    reads_found=("red_flags", "prp_against"),
)
def prp_added_to_standard(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    fit = pattern_loss_fit(a)
    helped = a.results(STANDARD_MEDICINES, {"helped"})
    wish = a.pairs("goal", {"regrow_some_hair", "thicker_hair"}) + a.pairs(
        "priorities", {"maximum_effect"}
    )
    visits = a.pairs("visit_availability", {"weekly_possible", "every_2_4_weeks"})
    prp_clear = not found.has_stop("prp") and not found.caution_lines("prp")
    prp_failed = a.one("result_prp") == "no_change_after_6_months"
    if (
        fit and helped and wish and visits and prp_clear and not prp_failed
        and not found.has_red_flag()
    ):
        because = fit + helped + wish + visits
        yield say("prp", because)
        yield say("both_injections", because)
