"""R7-R14, R21, R23: what makes either injection less safe, or rules both out for now.

Where a fact applies to both injections (numbing, bleeding, fainting, infection) both
get it with the same severity, through ``against_both`` (principle 8). A caution weighs
-1 on that option's standing; a "stop" removes the option (principle 4).
"""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    ANY,
    Answers,
    Finding,
    FindingsSoFar,
    Say,
    against,
    against_both,
    ask,
    red_flag,
    rule,
)
from assessments.reasoning.groups import (
    ACTIVE_SCALP_PROBLEMS,
    HEALING_RISK_CONDITIONS,
    INJECTION_REACTIONS,
    MIXTURE_ALLERGIES,
    PLATELET_OR_CLOTTING_DISORDERS,
    POSSIBLE_BLOOD_PROBLEMS,
    PRESCRIBED_BLOOD_THINNERS,
    RECENT_STEROIDS,
    SELF_CHOSEN_BLOOD_THINNERS,
    SHARED_MATERIAL_ALLERGIES,
    pregnant_or_breastfeeding,
    warning_sign_values,
)


@rule(
    "R7",
    "Platelet or clotting disorder",
    trigger="Low platelets, a platelet function disorder, haemophilia or von Willebrand disease.",
    reads={"bleeding_disorder": tuple(sorted(PLATELET_OR_CLOTTING_DISORDERS))},
    source="clinical-facts §3.5, §4.6; rules.md v2 R7",
    says={
        **against_both(
            "both",
            "Not with a platelet or clotting problem, unless a blood specialist agrees. The "
            "many small injections can bleed and bruise.",
            "stop", leaning_neither=True, label="Not until a blood specialist agrees",
            headline="With a platelet or clotting problem, both injections are best put off. "
                     "A blood specialist can say if they are safe.",
        ),
        "ask": ask("Would my blood specialist agree to scalp injections for me?"),
    },
)
def platelet_or_clotting_disorder(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    disorders = a.pairs("bleeding_disorder", PLATELET_OR_CLOTTING_DISORDERS)
    if disorders:
        yield from say.both("both", disorders)
        yield say("ask", disorders)


@rule(
    "R7b",
    "Possible anaemia, or unsure about a blood problem",
    trigger="Anaemia, or not sure whether there is a blood problem: neither for now, until a "
            "blood count and ferritin are checked.",
    reads={"bleeding_disorder": tuple(sorted(POSSIBLE_BLOOD_PROBLEMS))},
    source="clinical-facts §3.5, §2.3, §11 (iron, anaemia and thyroid); rules.md v3 R7b",
    says={
        **against_both(
            "both",
            "Anaemia and low iron are treatable causes of hair loss. Treat them first: a blood "
            "count and an iron test (ferritin) can tell.",
            "caution", leaning_neither=True,
            headline="Anaemia, or a blood problem you are unsure about, is best checked and "
                     "treated first. Both injections can wait.",
        ),
        "ask": ask("Should I have a blood count first? Could low iron be part of my hair loss?"),
    },
)
def possible_blood_problem(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    problems = a.pairs("bleeding_disorder", POSSIBLE_BLOOD_PROBLEMS)
    if problems:
        yield from say.both("both", problems)
        yield say("ask", problems)


@rule(
    "R8",
    "Prescribed blood thinners",
    trigger="Warfarin or similar, a DOAC, heparin injections, an antiplatelet or prescribed "
            "aspirin.",
    reads={"blood_thinners": tuple(sorted(PRESCRIBED_BLOOD_THINNERS))},
    source="clinical-facts §3.5; rules.md v2 R8",
    says={
        **against_both(
            "both",
            "Not while you take a prescribed blood thinner, unless the doctor who prescribes "
            "it agrees. It raises the risk of bleeding and bruising.",
            "stop", label="Not until the doctor who prescribes it agrees",
            headline="You take a blood thinner from a doctor. So both injections are best put "
                     "off until the doctor who prescribes it agrees.",
        ),
        "ask": ask(
            "Is this safe with my blood thinner, and who decides about it? Please do not stop "
            "a blood thinner on your own."
        ),
    },
)
def prescribed_blood_thinners(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    thinners = a.pairs("blood_thinners", PRESCRIBED_BLOOD_THINNERS)
    if thinners:
        yield from say.both("both", thinners)
        yield say("ask", thinners)


@rule(
    "R8b",
    "Painkillers, supplements, smoking or recent steroids",
    trigger=(
        "One caution line per answer: smoking (PRP); self-bought aspirin or anti-inflammatory "
        "painkillers (PRP: weaker platelets and bruising; mesotherapy: bruising); fish oil, "
        "vitamin E, ginkgo or garlic (each injection: bruising); steroid tablets in the last 2 "
        "weeks or a scalp steroid injection in the last month (PRP)."
    ),
    reads={
        "blood_thinners": tuple(sorted(SELF_CHOSEN_BLOOD_THINNERS)),
        "smoking": ("yes",),
        "steroids_immunosuppressants": tuple(sorted(RECENT_STEROIDS)),
    },
    source="clinical-facts §3.5, §4.6; rules.md v3 R8b",
    says={
        "smoking": against("prp", "Smoking can make PRP work less well.", "caution"),
        "painkillers_prp": against(
            "prp",
            "Aspirin and painkillers like ibuprofen make platelets work less well, so PRP may "
            "work less well. They also make bruising more likely.",
            "caution",
        ),
        "painkillers_mesotherapy": against(
            "mesotherapy",
            "Aspirin and painkillers like ibuprofen can make you bruise more from the "
            "needles.",
            "caution",
        ),
        **against_both(
            "supplements",
            "Fish oil, vitamin E, ginkgo and garlic pills can make you bruise more from the "
            "many small needles.",
            "caution",
        ),
        "steroids": against(
            "prp", "Recent steroids can make PRP work less well.", "caution"
        ),
        "ask": ask("Should I pause any of these before a session, and for how long? The clinic "
                   "should tell me when."),
    },
)
def prp_relative_risks(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    smoking = a.pair("smoking") if a.one("smoking") == "yes" else ()
    painkillers = a.pairs("blood_thinners", {"aspirin_or_nsaid_self_bought_regularly"})
    supplements = a.pairs("blood_thinners", {"fish_oil_vitamin_e_ginkgo_garlic"})
    steroids = a.pairs("steroids_immunosuppressants", RECENT_STEROIDS)
    yield from say.each("smoking", smoking)
    yield from say.each("painkillers_prp", painkillers)
    yield from say.each("painkillers_mesotherapy", painkillers)
    yield from say.both_each("supplements", supplements)
    yield from say.each("steroids", steroids)
    because = smoking + painkillers + supplements + steroids
    if because:
        yield say("ask", because)


@rule(
    "R9",
    "Allergy to what a mixture may hold, or a severe allergy",
    trigger=(
        "An allergy to vitamin injections, minoxidil, finasteride or dutasteride, or "
        "hyaluronic acid or fillers: a caution on mesotherapy, one line per allergy. A severe "
        "allergic reaction ever, or a severe reaction to an injection: a caution on both, one "
        "line per answer."
    ),
    reads={
        "allergies": tuple(sorted(MIXTURE_ALLERGIES)),
        "severe_allergy_ever": ("yes",),
        "past_injection_reaction": ("severe_reaction",),
    },
    source="clinical-facts §4.5, §4.6, §3.1; rules.md v2 R9",
    says={
        "mesotherapy": against(
            "mesotherapy",
            "Mesotherapy puts a mix of substances into the skin. An allergy to one of them "
            "makes a reaction more likely.",
            "caution",
        ),
        "ask": ask("Exactly what is in the mixture? Can I see the full list before I decide?"),
        **against_both(
            "severe",
            "You once had a severe allergic reaction. Numbing drugs, skin cleaners and "
            "mixtures can all cause reactions, so both need care.",
            "caution",
        ),
    },
)
def allergies(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    mixture = a.pairs("allergies", MIXTURE_ALLERGIES)
    if mixture:
        yield from say.each("mesotherapy", mixture)
        yield say("ask", mixture)
    severe = (a.pair("severe_allergy_ever") if a.one("severe_allergy_ever") == "yes" else ()) + (
        a.pairs("past_injection_reaction", {"severe_reaction"})
    )
    yield from say.both_each("severe", severe)


@rule(
    "R10",
    "Allergy to numbing drugs, skin cleaners or latex",
    trigger=(
        "An allergy to local anaesthetic, antiseptics or latex: a caution on both, one line per "
        "allergy. Another allergy: a question."
    ),
    reads={"allergies": (*sorted(SHARED_MATERIAL_ALLERGIES), "other")},
    source="clinical-facts §3.1, §4.2, §10 (numbing-drug allergy)",
    says={
        **against_both(
            "both",
            "Numbing drugs, skin cleaners and gloves are used for both injections. An allergy "
            "to one of them needs a plan first.",
            "caution", see="what-a-session-is-like",
        ),
        "ask": ask(
            "What can you use instead of the things I am allergic to? Could cold packs numb "
            "the scalp?",
            see="what-a-session-is-like",
        ),
        "other": ask("I will tell the clinic exactly what I react to. Is any of it used in "
                     "these treatments?"),
    },
)
def shared_material_allergy(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    allergy = a.pairs("allergies", SHARED_MATERIAL_ALLERGIES)
    if allergy:
        yield from say.both_each("both", allergy)
        yield say("ask", allergy)
    other = a.pairs("allergies", {"other"})
    if other:
        yield say("other", other)


@rule(
    "R11",
    "Infection, sores or a flare on the scalp now",
    trigger="A scalp infection: a warning sign (it can itself cause hair loss). Cold sores or "
            "shingles, open sores, or a psoriasis, dermatitis or eczema flare now: neither "
            "injection until the skin has healed.",
    reads={"scalp_conditions": tuple(sorted(ACTIVE_SCALP_PROBLEMS))},
    source="clinical-facts §3.5, §4.6, §11 (scalp infection); rules.md v3 R11",
    says={
        "infection": red_flag(
            "A scalp infection can itself cause hair loss, and injections cannot go through "
            "infected skin. Please see a doctor first."
        ),
        **against_both(
            "both",
            "Not while the scalp has sores or a flare. Treat the scalp first, then think again.",
            "stop", leaning_neither=True, label="Not until the skin has healed",
            headline="Because your scalp has sores or a flare now, both injections are best "
                     "put off until the skin has healed.",
        ),
    },
)
def active_scalp_problem(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    infection = a.pairs("scalp_conditions", warning_sign_values("R11", "infection",
                                                                "scalp_conditions"))
    if infection:
        yield say("infection", infection)
    problems = a.pairs("scalp_conditions", ACTIVE_SCALP_PROBLEMS - {"scalp_infection"})
    if problems:
        yield from say.both("both", problems)


@rule(
    "R12",
    "Pregnant, breastfeeding or trying for a baby",
    trigger="Pregnant, trying to get pregnant, or breastfeeding (also after a birth in the "
            "last 12 months).",
    reads={"pregnancy": ANY, "breastfeeding_now": ANY},
    source="clinical-facts §3.5, §4.6, §5; rules.md v2 R12",
    says={
        # One set per reason, so that the headline names the one that applies.
        **{
            line: says
            for reason, you_are in (("pregnant", "You are pregnant"),
                                    ("trying_to_conceive", "You are trying for a baby"),
                                    ("breastfeeding", "You are breastfeeding"))
            for line, says in against_both(
                reason,
                "Clinics do not give these injections during pregnancy or breastfeeding. "
                "Safety has not been tested.",
                "stop", leaning_neither=True, label="Not during pregnancy or breastfeeding",
                headline=f"{you_are}. So both injections are best put off for now.",
            ).items()
        },
        "ask": ask("Which hair treatments are safe for me now, and when can I think about the "
                   "others?"),
    },
)
def pregnancy_now_or_planned(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    because = pregnant_or_breastfeeding(a)
    if because:
        question, answer = because[0]
        yield from say.both(answer if question == "pregnancy" else "breastfeeding", because)
        yield say("ask", because)


@rule(
    "R13",
    "Slower healing, fainting or raised scars",
    trigger=(
        "One caution line per answer, on both: a medicine that calms the immune system, "
        "diabetes that is not well controlled, an autoimmune disease, or liver or kidney "
        "disease (infection and healing); a heart problem or low blood pressure (fainting: for "
        "PRP the blood draw and the injections, for mesotherapy the injections); keloid scars."
    ),
    reads={
        "steroids_immunosuppressants": ("immunosuppressant_or_biologic",),
        "other_conditions": (*sorted(HEALING_RISK_CONDITIONS),
                             "heart_condition_or_low_blood_pressure", "keloid_scars"),
    },
    source="clinical-facts §3.4, §3.5, §4.5, §4.6; rules.md v3 R13",
    says={
        **against_both(
            "healing",
            "Your health problem or medicine may make an infection more likely. It may also "
            "slow healing.",
            "caution", see="side-effects",
        ),
        "fainting.prp": against(
            "prp",
            "With a heart problem or low blood pressure, fainting during the blood draw or "
            "the injections is more likely.",
            "caution", see="side-effects",
        ),
        "fainting.mesotherapy": against(
            "mesotherapy",
            "With a heart problem or low blood pressure, fainting during the injections is "
            "more likely.",
            "caution", see="side-effects",
        ),
        **against_both(
            "keloid",
            "Keloid scars can form where a needle went in, so many small injections are a risk.",
            "caution", see="side-effects",
        ),
        "ask": ask("Could my health or my medicines make infection or slow healing more likely?"),
    },
)
def healing_fainting_or_scars(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    healing = a.pairs("steroids_immunosuppressants", {"immunosuppressant_or_biologic"}) + (
        a.pairs("other_conditions", HEALING_RISK_CONDITIONS)
    )
    if healing:
        yield from say.both_each("healing", healing)
        yield say("ask", healing)
    yield from say.both_each("fainting", a.pairs("other_conditions",
                                                 {"heart_condition_or_low_blood_pressure"}))
    yield from say.both_each("keloid", a.pairs("other_conditions", {"keloid_scars"}))


@rule(
    "R13b",
    "An autoimmune disease",
    trigger="An autoimmune disease: some (such as lupus) can scar, and some of their medicines "
            "cause shedding, so the cause is asked first and there is no leaning (a hold).",
    reads={"other_conditions": ("autoimmune_disease",)},
    source="clinical-facts §11 (autoimmune disease); rules.md v3 R13b",
    says={
        "ask": ask(
            "Could my autoimmune condition or its medicines be causing my hair loss? Some, "
            "such as lupus, can leave scars.",
            see="see-a-doctor-first", holds=True, cause_open=True,
            headline="Your autoimmune condition or its medicines may be part of the cause of "
                     "your hair loss. That should be known first, so no injection is favoured "
                     "yet.",
        ),
    },
)
def autoimmune_cause_first(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    autoimmune = a.pairs("other_conditions", {"autoimmune_disease"})
    if autoimmune:
        yield say("ask", autoimmune)


@rule(
    "R14",
    "Cancer now, a blood cancer at any time, or past cancer",
    trigger=(
        "Cancer now or under treatment, or a blood or bone marrow cancer at any time: neither "
        "for now. Another cancer whose treatment has finished: a question."
    ),
    reads={"cancer": ("active_or_under_treatment", "blood_or_bone_marrow_cancer_ever",
                      "other_cancer_finished_treatment")},
    source="clinical-facts §3.5, §4.6, §2.4 item 8; rules.md v2 R14",
    says={
        **against_both(
            "active",
            "Not for now. Cancer care comes first, and these injections are not advised with it.",
            "stop", leaning_neither=True, label="Not during cancer care",
            headline="Because cancer care comes first, both injections are best put off for "
                     "now.",
        ),
        "active_ask": ask(
            "Talk with your cancer team before any hair treatment. Hair lost to cancer "
            "treatment often grows back, but some medicines and radiotherapy can cause "
            "lasting loss."
        ),
        "blood_prp": against(
            "prp",
            "PRP is not advised after a blood or bone marrow cancer, as it uses your own "
            "blood cells.",
            "stop", leaning_neither=True, label="Not after a blood cancer",
            headline="You had a blood or bone marrow cancer. So both injections are best put "
                     "off until your blood doctor agrees.",
        ),
        "blood_mesotherapy": against(
            "mesotherapy",
            "After a blood or bone marrow cancer, ask your blood doctor first. Do this before "
            "any scalp injections.",
            "stop", leaning_neither=True, label="Not until your blood doctor agrees",
        ),
        "past": ask("I had cancer in the past. Does my treatment then change anything now?"),
    },
)
def cancer(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    answer = a.one("cancer")
    because = a.pair("cancer")
    if answer == "active_or_under_treatment":
        yield from say.both("active", because)
        yield say("active_ask", because)
    elif answer == "blood_or_bone_marrow_cancer_ever":
        # Not one shared fact: PRP's reason is its own (it uses blood cells).
        yield say("blood_prp", because)
        yield say("blood_mesotherapy", because)
    elif answer == "other_cancer_finished_treatment":
        yield say("past", because)


@rule(
    "R21",
    "A reaction to earlier injections",
    trigger=(
        "A rash, swelling, infection, lumps, hair loss or a severe reaction after earlier "
        "injections. After mesotherapy: not mesotherapy again unless a skin doctor agrees, and "
        "a caution on PRP (numbing and skin cleaners are shared). After PRP, fillers or other "
        "injections: a caution on both."
    ),
    reads={
        "past_injection_reaction": tuple(sorted(INJECTION_REACTIONS)),
        "past_injection_types": ANY,
    },
    source="clinical-facts §4.5, §2.4 item 10; rules.md v2 R21",
    says={
        "mesotherapy_again": against(
            "mesotherapy",
            "You reacted to mesotherapy before. It is best not to have it again, unless a "
            "skin doctor says it is safe.",
            "stop", see="side-effects", label="Not until a skin doctor agrees",
        ),
        "prp_after_mesotherapy": against(
            "prp",
            "PRP uses the same numbing drugs and skin cleaners. Tell the clinic how you "
            "reacted to mesotherapy.",
            "caution", see="side-effects",
        ),
        **against_both(
            "other",
            "You reacted to injections before. Both use needles, numbing drugs and skin "
            "cleaners, so tell the clinic what happened.",
            "caution", see="side-effects",
        ),
    },
)
def reaction_to_earlier_injections(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    reaction = a.pairs("past_injection_reaction", INJECTION_REACTIONS)
    if not reaction:
        return
    had_mesotherapy = a.pairs("past_injection_types", {"mesotherapy"})
    if had_mesotherapy:
        because = reaction + had_mesotherapy
        yield say("mesotherapy_again", because)
        yield say("prp_after_mesotherapy", because)
    else:
        yield from say.both("other", reaction + a.pairs_except_none("past_injection_types"))


@rule(
    "R23",
    "Fear of needles or fainting",
    trigger="Very anxious about needles, or has fainted at needles or blood tests.",
    reads={"needle_comfort": ("very_anxious", "have_fainted_before")},
    source="clinical-facts §3.4, §4.5",
    says={
        "prp": against("prp", "PRP means a blood draw and many small scalp injections at each "
                       "visit. Some people faint.", "caution", see="what-a-session-is-like"),
        "mesotherapy": against("mesotherapy", "Mesotherapy means many small scalp injections "
                               "at each visit. Some people faint.", "caution",
                               see="what-a-session-is-like"),
        "ask": ask("Can I lie down during the session? What numbing do you use?",
                   see="what-a-session-is-like"),
        "no_needles": ask("Lotions and tablets for hair loss need no needles. Could one of "
                          "them suit me?", see="other-options"),
    },
)
def needle_fear(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    if a.one("needle_comfort") in {"very_anxious", "have_fainted_before"}:
        because = a.pair("needle_comfort")
        yield say("prp", because)
        yield say("mesotherapy", because)
        yield say("ask", because)
        yield say("no_needles", because)
