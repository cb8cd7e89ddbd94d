"""R28-R32: what matters to the person, readiness, and the one combined plan.

Values come last and never make a leaning on their own (principle 3): no sentence here
counts. ``priorities`` appears only as one condition among clinical ones (R32).
"""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    Answers,
    Finding,
    Findings,
    Say,
    ask,
    discuss,
    expect,
    favours,
    rule,
)
from assessments.reasoning.fit import pattern_loss_fit
from assessments.reasoning.groups import RESULT_KEYS_OF_STANDARD, STANDARD_TREATMENTS
from assessments.summary import SURE_NEEDS

FITS = "Fits what matters to you: "


@rule(
    "R28",
    "What matters to you",
    trigger="One sentence for each priority the person chose (own body, nothing added, low "
            "allergy risk, fewer needles, no hormone-type medicines, a quick change). Never "
            "counts towards the leaning.",
    reads={"priorities": ("own_body", "avoid_added_substances", "low_allergy_risk",
                          "fewer_needles", "avoid_hormonal_medicines", "fast_change")},
    source="clinical-facts §3.1, §4.2, §4.5; rules.md v2 R28",
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
        "fewer_needles": discuss(FITS + "lotions and tablets need no needles. Both injections "
                                 "mean many small needles at each visit."),
        "avoid_hormonal_medicines": discuss(
            FITS + "minoxidil and PRP hold no hormones. Finasteride, dutasteride and some "
            "mesotherapy mixes act on hormones."
        ),
        "fast_change": expect(FITS + "every option here takes months. Changes show after 2 to "
                              "3 months at the soonest, and often later."),
    },
)
def what_matters(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    for priority in a.chosen("priorities"):
        if priority in say.rule.says:  # only the priority the person chose (never others)
            yield say(priority, a.pairs("priorities", {priority}))


@rule(
    "R29",
    "Wants the strongest evidence",
    trigger="The best proof matters. Never counts towards the leaning.",
    reads={"priorities": ("strongest_evidence",)},
    source="clinical-facts §3.3, §4.4, §5",
    says={
        "medicines": discuss(
            FITS + "minoxidil and finasteride have the strongest proof of all.", see="evidence"
        ),
        "prp": favours("prp", "Of the two injections, PRP has more studies. The proof is still "
                       "weak.", see="evidence"),
    },
)
def evidence_priority(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    wish = a.pairs("priorities", {"strongest_evidence"})
    if wish:
        yield say("medicines", wish)
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
def cost_and_effort(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
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
def not_ready_to_decide(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    because = tuple((key, "no") for key in SURE_NEEDS if a.one(key) == "no")
    if a.one("decision_stage") == "not_thought_yet":
        because += a.pair("decision_stage")
    if because:
        yield say("not_ready", because)


@rule(
    "R32",
    "PRP added to a standard medicine that helps",
    trigger=(
        "All of: the R15 fit; a standard treatment helped; the goal is regrowth or thicker "
        "hair, or the biggest effect matters; visits every 2 to 4 weeks or more often are "
        "possible; no caution or stop on PRP."
    ),
    reads={
        "treatments_tried": ("minoxidil_topical", "minoxidil_oral", "finasteride",
                             "dutasteride_oral", "antiandrogen_other"),
        **{key: ("helped",) for key in RESULT_KEYS_OF_STANDARD},
        "goal": ("regrow_some_hair", "thicker_hair"),
        "priorities": ("maximum_effect",),
        "visit_availability": ("weekly_possible", "every_2_4_weeks"),
    },
    source="clinical-facts §3.2, §3.3, §4.4; rules.md v2 R32",
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
)
def prp_added_to_standard(a: Answers, say: Say, found: Findings) -> Iterable[Finding]:
    fit = pattern_loss_fit(a)
    helped = a.results(STANDARD_TREATMENTS, {"helped"})
    wish = a.pairs("goal", {"regrow_some_hair", "thicker_hair"}) + a.pairs(
        "priorities", {"maximum_effect"}
    )
    visits = a.pairs("visit_availability", {"weekly_possible", "every_2_4_weeks"})
    prp_clear = not found.has_stop("prp") and not found.caution_rules("prp")
    if (
        fit and helped and wish
        and visits and prp_clear and not found.has_red_flag()
    ):
        because = fit + helped + wish + visits
        yield say("prp", because)
        yield say("both_injections", because)
