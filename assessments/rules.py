"""The rules engine: ``IntakeAnswers`` in, a reasoned ``Summary`` out.

Each rule of the design note "rules.md" (R1-R32) is one small function below, declared
with ``@rule``: its id, the answers it reads, where the facts behind it are (sections
of "clinical-facts.md") and every sentence it may write. The function reads the
answers and returns findings; it never decides the overall leaning. ``assess`` runs all
rules in order, collects every finding (it never stops at the first) and then settles
the leaning exactly as rules.md says:

1. any red flag -> ``doctor_first``;
2. a "stop" on both options, or a "leaning neither" rule -> ``neither_for_now``;
3. otherwise weigh the points for and against each option (a stop removes an option);
   R32 -> ``combination``;
4. nothing points either way -> ``open``.

The wording is a patient-facing contract: a test pins a fingerprint of every text to
``RULESET_VERSION``. Change a sentence or a rule, bump the version. Texts are written
for a reading grade of 8 or less, never tell anyone what to have, never give a dose and
never make a diagnosis.

No Django imports here: this module must run anywhere (command line, tests, exports).
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from assessments.intake import IntakeAnswers
from assessments.summary import (
    SURE_NEEDS,
    Because,
    DecisionReadiness,
    Item,
    Leaning,
    OptionPoints,
    Options,
    SectionSlug,
    Severity,
    Summary,
)

RULESET_VERSION = "2026.11.1"

Option = Literal["prp", "mesotherapy"]
OPTIONS: tuple[Option, ...] = ("prp", "mesotherapy")
Place = Literal[
    "red_flags",
    "prp_for",
    "prp_against",
    "mesotherapy_for",
    "mesotherapy_against",
    "also_discuss",
    "questions_to_ask",
    "to_bring",
    "expectations",
]
Pairs = tuple[tuple[str, str], ...]


# ---------------------------------------------------------------------------
# Findings and the small helpers rules use to write them
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One thing a rule adds to the summary, plus how it affects the leaning."""

    place: Place
    text: str
    severity: Severity
    because: Pairs
    see: SectionSlug
    leaning_neither: bool = False  # rules out both options for now (rules.md "leaning_neither")
    counts_for_leaning: bool = True  # a "for" point that weighs towards that option
    holds_leaning: bool = False  # R17: no leaning until a diagnosis is made
    blocks_leaning_to: Option | None = None  # R26: never lean towards this option
    combination: bool = False  # R32


def red_flag(text: str, because: Pairs) -> Finding:
    return Finding("red_flags", text, "stop", because, "see-a-doctor-first")


def against(
    option: Option, text: str, severity: Severity, because: Pairs, see: SectionSlug | None = None,
    *, leaning_neither: bool = False,
) -> Finding:
    default_see: SectionSlug = (
        "who-should-not-have-prp" if option == "prp" else "who-should-not-have-mesotherapy"
    )
    return Finding(
        f"{option}_against", text, severity, because, see or default_see,
        leaning_neither=leaning_neither,
    )


def favours(
    option: Option, text: str, because: Pairs, see: SectionSlug = "who-each-may-suit",
    *, counts: bool = True, combination: bool = False,
) -> Finding:
    return Finding(
        f"{option}_for", text, "info", because, see,
        counts_for_leaning=counts, combination=combination,
    )


def ask(text: str, because: Pairs, see: SectionSlug = "preparing-for-your-appointment",
        **effects) -> Finding:
    return Finding("questions_to_ask", text, "info", because, see, **effects)


def discuss(text: str, because: Pairs, see: SectionSlug = "other-options") -> Finding:
    return Finding("also_discuss", text, "info", because, see)


def bring(text: str, because: Pairs) -> Finding:
    return Finding("to_bring", text, "info", because, "preparing-for-your-appointment")


def expect(text: str, because: Pairs, see: SectionSlug = "evidence") -> Finding:
    return Finding("expectations", text, "info", because, see)


class Answers:
    """Read-only helpers over one valid answer set, returning ``because`` pairs."""

    def __init__(self, answers: IntakeAnswers):
        self.plain = answers.as_plain_dict()

    def one(self, key: str) -> str | None:
        value = self.plain.get(key)
        return value if isinstance(value, str) else None

    def chosen(self, key: str) -> tuple[str, ...]:
        value = self.plain.get(key)
        if isinstance(value, list):
            return tuple(value)
        return (value,) if isinstance(value, str) else ()

    def pairs(self, key: str, values: Iterable[str] | None = None) -> Pairs:
        """(key, value) for each chosen value that is in ``values`` (all when None)."""
        wanted = None if values is None else set(values)
        return tuple(
            (key, value) for value in self.chosen(key) if wanted is None or value in wanted
        )

    def pairs_except_none(self, key: str) -> Pairs:
        return self.pairs(key, set(self.chosen(key)) - {"none", "none_known"})


@dataclass
class Findings:
    """Everything found so far; later rules may look at earlier ones (e.g. red flags)."""

    by_rule: list[tuple[str, Finding]] = field(default_factory=list)

    def add(self, rule_id: str, found: Iterable[Finding]) -> None:
        self.by_rule.extend((rule_id, finding) for finding in found)

    def at(self, place: Place) -> list[tuple[str, Finding]]:
        return [(rule_id, f) for rule_id, f in self.by_rule if f.place == place]

    def has_red_flag(self) -> bool:
        return bool(self.at("red_flags"))

    def has_stop(self, option: Option) -> bool:
        return any(f.severity == "stop" for _, f in self.at(f"{option}_against"))

    def rules_out_both(self) -> bool:
        return any(f.leaning_neither for _, f in self.by_rule) or all(
            self.has_stop(option) for option in OPTIONS
        )

    def fired(self, rule_id: str) -> bool:
        return any(rid == rule_id for rid, _ in self.by_rule)


Texts = Mapping[str, str]
RuleFunction = Callable[[Answers, Texts, Findings], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    reads: tuple[str, ...]
    source: str
    texts: Mapping[str, str]
    function: RuleFunction

    def run(self, answers: Answers, findings: Findings) -> list[Finding]:
        return list(self.function(answers, self.texts, findings))


RULES: list[Rule] = []


def rule(rule_id: str, title: str, *, reads: tuple[str, ...], source: str, texts: Texts):
    """Register a rule. Its texts are declared here, next to the logic, for review."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(rule_id, title, reads, source, dict(texts), function))
        return function

    return register


# ---------------------------------------------------------------------------
# Vocabulary groups the rules share
# ---------------------------------------------------------------------------

WORRYING_SCALP_SYMPTOMS = {
    "burning_or_pain", "redness", "scaling_or_flaking", "pustules_or_crusts",
    "shiny_smooth_areas", "tender_lumps",
}
PLATELET_OR_CLOTTING_DISORDERS = {
    "low_platelets", "platelet_function_disorder", "haemophilia_or_von_willebrand",
}
POSSIBLE_BLOOD_PROBLEMS = {"anaemia", "bruise_or_bleed_easily_undiagnosed", "not_sure"}
PRESCRIBED_BLOOD_THINNERS = {
    "warfarin_or_similar", "doac", "heparin_injections", "antiplatelet", "aspirin_prescribed",
}
SELF_CHOSEN_BLOOD_THINNERS = {
    "aspirin_or_nsaid_self_bought_regularly", "fish_oil_vitamin_e_ginkgo_garlic",
}
RECENT_STEROIDS = {"steroid_tablets_last_2_weeks", "steroid_injection_in_scalp_last_month"}
MIXTURE_ALLERGIES = {
    "vitamins_or_supplement_injections", "minoxidil", "finasteride_or_dutasteride",
    "hyaluronic_acid_or_fillers",
}
ACTIVE_SCALP_PROBLEMS = {
    "scalp_infection", "cold_sores_or_shingles_now", "open_wounds_or_sores",
    "psoriasis_flare", "dermatitis_or_eczema_flare",
}
HEALING_RISK_CONDITIONS = {"diabetes_not_well_controlled", "autoimmune_disease", "liver_or_kidney_disease"}
PREGNANCY_NOW_OR_SOON = {"pregnant", "breastfeeding", "trying_to_conceive"}
CANCER_RULING_OUT = {"active_or_under_treatment", "blood_or_bone_marrow_cancer_ever"}
# Triggers of temporary shedding (telogen effluvium); hair styling causes other losses.
SHEDDING_TRIGGERS = {
    "major_stress", "gave_birth", "high_fever_or_severe_illness", "surgery",
    "rapid_weight_loss_or_crash_diet", "low_iron_or_heavy_periods", "thyroid_problem",
    "new_or_stopped_medicine",
}
MALE_PATTERN = {"receding_temples", "crown_thinning"}
FEMALE_PATTERN = {"widening_part", "diffuse_thinning"}
EARLY_NORWOOD = {"norwood_2", "norwood_3", "norwood_3v", "norwood_4"}
EARLY_LUDWIG = {"ludwig_1", "ludwig_2"}
FIRST_LINE_MEDICINES = {"minoxidil_topical", "minoxidil_oral", "finasteride"}
HORMONE_BLOCKING_TABLETS = {"finasteride", "dutasteride_oral", "antiandrogen_other"}
PERIODS_BEFORE_MENOPAUSE = {"regular", "irregular", "stopped_other_reason"}


def _pair(answers: Answers, key: str) -> Pairs:
    value = answers.one(key)
    return ((key, value),) if value is not None else ()


# ---------------------------------------------------------------------------
# R0: what every summary carries
# ---------------------------------------------------------------------------


@rule(
    "R0",
    "Every summary: other options, what to bring, what to expect",
    reads=("treatments_tried",),
    source="rules.md 'also_discuss'; clinical-facts §5, §1.2",
    texts={
        "medicines": (
            "Standard medicines have the best proof. Minoxidil is a lotion, foam or tablet "
            "for men and women. Finasteride is a tablet for men. They work only while you use them."
        ),
        "waiting": (
            "Waiting and watching is a fair choice too. Much hair loss settles by itself, "
            "and pattern loss changes slowly. Photos every few months show any change."
        ),
        "medicine_list": "A list of all your medicines and supplements.",
        "photos": "Any photos of your hair from the past, to show how it has changed.",
        "blood_tests": "Results of any blood tests you had in the past year.",
        "products": "The names of the hair products and treatments you used.",
        "no_promise": (
            "No treatment works for everyone. Most take a few months to show any change."
        ),
    },
)
def always(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    yield discuss(t["medicines"], (), see="other-options")
    yield discuss(t["waiting"], (), see="watchful-waiting")
    yield bring(t["medicine_list"], ())
    yield bring(t["photos"], ())
    yield bring(t["blood_tests"], ())
    tried = a.pairs_except_none("treatments_tried")
    if tried:
        yield bring(t["products"], tried)
    yield expect(t["no_promise"], ())


# ---------------------------------------------------------------------------
# R1-R6: red flags (a doctor first)
# ---------------------------------------------------------------------------


@rule(
    "R1",
    "Under 18",
    reads=("age_band",),
    source="clinical-facts §2.3, §2.4 item 7",
    texts={
        "flag": (
            "Hair loss in young people often has a cause a doctor can treat. Please see your "
            "family doctor first. Studies of these injections were in adults."
        ),
    },
)
def under_18(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("age_band") == "under_18":
        yield red_flag(t["flag"], _pair(a, "age_band"))


@rule(
    "R2",
    "Sudden loss, clumps, bald patches or nail changes",
    reads=("onset_speed", "shedding_amount", "pattern", "nail_changes"),
    source="clinical-facts §1.6, §2.4 items 1, 2, 9",
    texts={
        "sudden": (
            "Hair loss that starts suddenly is best checked by a doctor before you choose a treatment."
        ),
        "clumps": "Losing hair in handfuls or clumps is a reason to see a doctor first.",
        "patches": (
            "Patchy bald spots can fit alopecia areata or a scalp infection. A doctor can tell "
            "which, and both can be treated."
        ),
        "nails": (
            "Nail changes together with hair loss can point to alopecia areata. A doctor can check."
        ),
    },
)
def sudden_or_patchy_loss(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("onset_speed") == "sudden_days_weeks":
        yield red_flag(t["sudden"], _pair(a, "onset_speed"))
    if a.one("shedding_amount") == "handfuls_or_clumps":
        yield red_flag(t["clumps"], _pair(a, "shedding_amount"))
    patches = a.pairs("pattern", {"patchy_bald_spots"})
    if patches:
        yield red_flag(t["patches"], patches)
    if a.one("nail_changes") == "yes":
        yield red_flag(t["nails"], _pair(a, "nail_changes"))


@rule(
    "R3",
    "Scalp signs of inflammation or scarring",
    reads=("scalp_symptoms", "scalp_conditions"),
    source="clinical-facts §2.3, §2.4 item 3, §3.5",
    texts={
        "flag": (
            "Pain, redness, scale, pus, lumps or shiny patches on the scalp need a doctor soon. "
            "Some causes leave scars where hair cannot grow back, so early care matters."
        ),
        "scarring_known": (
            "Scarring hair loss needs a dermatologist's care first. These injections are not "
            "a treatment for it."
        ),
        "not_now": (
            "Not while the scalp may be inflamed or scarring. A doctor needs to check it first."
        ),
    },
)
def inflamed_or_scarring_scalp(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    symptoms = a.pairs("scalp_symptoms", WORRYING_SCALP_SYMPTOMS)
    scarring = a.pairs("scalp_conditions", {"diagnosed_scarring_alopecia"})
    if symptoms:
        yield red_flag(t["flag"], symptoms)
    if scarring:
        yield red_flag(t["scarring_known"], scarring)
    if symptoms or scarring:
        for option in OPTIONS:
            yield against(option, t["not_now"], "stop", symptoms + scarring, leaning_neither=True)


@rule(
    "R4",
    "Hair loss elsewhere, or a receding band after the menopause",
    reads=("other_hair_loss", "pattern", "periods"),
    source="clinical-facts §2.3, §2.4 item 4",
    texts={
        "elsewhere": (
            "Losing eyebrows, eyelashes, beard or body hair can fit alopecia areata or a "
            "thyroid problem. A doctor can tell, so please see one first."
        ),
        "band": (
            "A band of hair loss at the front or sides after the menopause can fit a scarring "
            "kind of hair loss. Please see a doctor soon, as early care matters."
        ),
    },
)
def loss_elsewhere_or_frontal_band(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    elsewhere = a.pairs_except_none("other_hair_loss")
    if elsewhere:
        yield red_flag(t["elsewhere"], elsewhere)
    band = a.pairs("pattern", {"hairline_band_front_or_sides"})
    if band and a.one("periods") == "stopped_menopause":
        yield red_flag(t["band"], band + _pair(a, "periods"))


@rule(
    "R5",
    "Signs of high male-type hormones",
    reads=("sex_at_birth", "androgen_signs", "pattern", "periods"),
    source="clinical-facts §2.4 item 5",
    texts={
        "signs": (
            "These changes can be a sign of high male-type hormones. A doctor can check with a "
            "blood test. It is best to do this before any hair treatment."
        ),
        "urgent": (
            "A deeper voice or other new body changes need a doctor soon. Please do not wait "
            "for a hair clinic visit."
        ),
        "temples": (
            "Hair going back at the temples before the menopause can be a sign of high "
            "male-type hormones. A doctor can check with a blood test."
        ),
    },
)
def androgen_excess(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    # androgen_signs is asked whenever sex_at_birth is not male; a hormone check is
    # just as relevant for intersex people or those who prefer not to say.
    signs = a.pairs_except_none("androgen_signs")
    if signs:
        yield red_flag(t["signs"], signs)
    voice = a.pairs("androgen_signs", {"deeper_voice_or_other_body_changes"})
    if voice:
        yield red_flag(t["urgent"], voice)
    temples = a.pairs("pattern", {"receding_temples"})
    if (
        a.one("sex_at_birth") == "female"
        and temples
        and a.one("periods") in PERIODS_BEFORE_MENOPAUSE
    ):
        yield red_flag(t["temples"], _pair(a, "sex_at_birth") + temples + _pair(a, "periods"))


@rule(
    "R6",
    "Whole-body symptoms or hair pulling",
    reads=("general_symptoms", "hair_pulling"),
    source="clinical-facts §2.4 items 6, 11",
    texts={
        "body": (
            "Feeling unwell in these ways along with hair loss can come from a thyroid problem, "
            "low iron or another illness. Please see a doctor first."
        ),
        "pulling": (
            "Pulling out hair is common, and it is not your fault. A doctor can help with "
            "the urge itself. Injections do not help with this."
        ),
    },
)
def body_symptoms_or_pulling(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    symptoms = a.pairs_except_none("general_symptoms")
    if symptoms:
        yield red_flag(t["body"], symptoms)
    if a.one("hair_pulling") == "yes":
        yield red_flag(t["pulling"], _pair(a, "hair_pulling"))


# ---------------------------------------------------------------------------
# R7-R14: safety
# ---------------------------------------------------------------------------


@rule(
    "R7",
    "Platelet or clotting disorder",
    reads=("bleeding_disorder",),
    source="clinical-facts §3.5, §4.6",
    texts={
        "prp": (
            "PRP is not used with a platelet or clotting problem unless a blood doctor agrees."
        ),
        "mesotherapy": (
            "Clinics list clotting disorders as a reason not to have mesotherapy. Ask a blood "
            "specialist first."
        ),
    },
)
def platelet_or_clotting_disorder(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    disorders = a.pairs("bleeding_disorder", PLATELET_OR_CLOTTING_DISORDERS)
    if disorders:
        yield against("prp", t["prp"], "stop", disorders, leaning_neither=True)
        yield against("mesotherapy", t["mesotherapy"], "stop", disorders, leaning_neither=True)


@rule(
    "R7b",
    "Possible anaemia or easy bruising",
    reads=("bleeding_disorder",),
    source="clinical-facts §3.5, §2.3",
    texts={
        "prp": (
            "Anaemia or easy bruising can make PRP less safe. A simple blood test can check."
        ),
        "ask": "Should I have a blood count first? Could low iron be part of my hair loss?",
    },
)
def possible_blood_problem(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    problems = a.pairs("bleeding_disorder", POSSIBLE_BLOOD_PROBLEMS)
    if problems:
        yield against("prp", t["prp"], "caution", problems)
        yield ask(t["ask"], problems)


@rule(
    "R8",
    "Prescribed blood thinners",
    reads=("blood_thinners",),
    source="clinical-facts §3.5",
    texts={
        "prp": (
            "Blood thinners raise the risk of bleeding and bruising. They may also make PRP "
            "work less well."
        ),
        "mesotherapy": "Blood thinners raise the risk of bleeding and bruising from the many small injections.",
        "ask": (
            "Is this safe with my blood thinner, and who decides about it? Please do not stop "
            "a blood thinner on your own."
        ),
    },
)
def prescribed_blood_thinners(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    thinners = a.pairs("blood_thinners", PRESCRIBED_BLOOD_THINNERS)
    if thinners:
        yield against("prp", t["prp"], "caution", thinners)
        yield against("mesotherapy", t["mesotherapy"], "caution", thinners)
        yield ask(t["ask"], thinners)


@rule(
    "R8b",
    "Painkillers, supplements, smoking or recent steroids",
    reads=("blood_thinners", "smoking", "steroids_immunosuppressants"),
    source="clinical-facts §3.5",
    texts={
        "prp": (
            "Some painkillers, some supplements, smoking and recent steroids can make you bleed "
            "more. They can also make PRP work less well."
        ),
        "ask": "Should I pause any of these before a session, and for how long?",
    },
)
def prp_relative_risks(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    because = (
        a.pairs("blood_thinners", SELF_CHOSEN_BLOOD_THINNERS)
        + (_pair(a, "smoking") if a.one("smoking") == "yes" else ())
        + a.pairs("steroids_immunosuppressants", RECENT_STEROIDS)
    )
    if because:
        yield against("prp", t["prp"], "caution", because)
        yield ask(t["ask"], because)


@rule(
    "R9",
    "Allergy to what mesotherapy may contain",
    reads=("allergies", "severe_allergy_ever", "past_injection_reaction"),
    source="clinical-facts §4.5, §4.6, §3.1",
    texts={
        "prp": (
            "PRP is made from your own blood, so an allergy to it is not expected. This fits "
            "your allergy history."
        ),
        "mesotherapy": (
            "Mesotherapy puts a mix of substances into the skin. With your allergy history, "
            "a reaction is more of a risk."
        ),
        "ask": "Exactly what is in the mixture? Can I see the full list before I decide?",
    },
)
def allergy_to_mixtures(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    because = (
        a.pairs("allergies", MIXTURE_ALLERGIES)
        + (_pair(a, "severe_allergy_ever") if a.one("severe_allergy_ever") == "yes" else ())
        + (
            _pair(a, "past_injection_reaction")
            if a.one("past_injection_reaction") == "severe_reaction"
            else ()
        )
    )
    if because:
        yield favours("prp", t["prp"], because, see="how-they-differ")
        yield against("mesotherapy", t["mesotherapy"], "caution", because)
        yield ask(t["ask"], because)


@rule(
    "R10",
    "Allergy to local anaesthetic",
    reads=("allergies",),
    source="clinical-facts §3.1, §4.2",
    texts={
        "both": "Numbing drugs are often used for these injections, and you are allergic to them.",
        "ask": (
            "Can the scalp be numbed some other way, such as with cold packs or a device that "
            "buzzes?"
        ),
    },
)
def anaesthetic_allergy(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    allergy = a.pairs("allergies", {"local_anaesthetic"})
    if allergy:
        for option in OPTIONS:
            yield against(option, t["both"], "caution", allergy)
        yield ask(t["ask"], allergy, see="what-a-session-is-like")


@rule(
    "R11",
    "Infection, sores or a flare on the scalp now",
    reads=("scalp_conditions",),
    source="clinical-facts §3.5, §4.6",
    texts={
        "both": "Not while the scalp has an infection, sores or a flare. Treat the scalp first, then think again.",
    },
)
def active_scalp_problem(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    problems = a.pairs("scalp_conditions", ACTIVE_SCALP_PROBLEMS)
    if problems:
        for option in OPTIONS:
            yield against(option, t["both"], "stop", problems, leaning_neither=True)


@rule(
    "R12",
    "Pregnant, breastfeeding or trying for a baby",
    reads=("pregnancy",),
    source="clinical-facts §3.5, §4.6, §5",
    texts={
        "both": (
            "Clinics do not give these injections during pregnancy or breastfeeding. Safety "
            "has not been tested."
        ),
        "hormone_medicines": (
            "Finasteride and dutasteride can harm a baby boy in the womb. This is true for "
            "tablets and for mixes. After dutasteride mesotherapy, wait 6 months before a "
            "pregnancy."
        ),
        "ask": "Which hair treatments are safe for me now, and when can I think about the others?",
    },
)
def pregnancy_now_or_planned(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("pregnancy") in PREGNANCY_NOW_OR_SOON:
        because = _pair(a, "pregnancy")
        for option in OPTIONS:
            yield against(option, t["both"], "stop", because, leaning_neither=True)
        yield discuss(t["hormone_medicines"], because, see="who-should-not-have-mesotherapy")
        yield ask(t["ask"], because)


@rule(
    "R13",
    "Weaker healing or immune system",
    reads=("steroids_immunosuppressants", "other_conditions"),
    source="clinical-facts §3.5, §4.5, §4.6",
    texts={
        "both": (
            "Your health problem or medicine may make an infection more likely. It may also "
            "slow healing."
        ),
        "ask": "Could my health or my medicines make infection or slow healing more likely?",
    },
)
def weaker_healing(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    because = a.pairs("steroids_immunosuppressants", {"immunosuppressant_or_biologic"}) + a.pairs(
        "other_conditions", HEALING_RISK_CONDITIONS
    )
    if because:
        for option in OPTIONS:
            yield against(option, t["both"], "caution", because, see="side-effects")
        yield ask(t["ask"], because)


@rule(
    "R14",
    "Cancer now, or a blood cancer at any time",
    reads=("cancer",),
    source="clinical-facts §3.5, §4.6, §2.4 item 8",
    texts={
        "both": "Not for now. Cancer care comes first, and these injections are not advised with it.",
        "ask": (
            "Talk with your cancer team before any hair treatment. Hair lost to cancer "
            "treatment usually grows back."
        ),
    },
)
def cancer(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("cancer") in CANCER_RULING_OUT:
        because = _pair(a, "cancer")
        for option in OPTIONS:
            yield against(option, t["both"], "stop", because, leaning_neither=True)
        yield ask(t["ask"], because)


# ---------------------------------------------------------------------------
# R15-R30: what the answers point towards, and notes
# ---------------------------------------------------------------------------


def pattern_loss_fit(a: Answers) -> Pairs:
    """The answers that make early-to-moderate pattern hair loss a likely fit (R15).

    Empty when the conditions are not all met. Self-staging is a hint, never a
    diagnosis, so an unsure stage does not count.
    """
    if a.one("age_band") == "under_18" or a.one("onset_speed") != "slowly_over_years":
        return ()
    sex = a.one("sex_at_birth")
    male_fit = a.pairs("pattern", MALE_PATTERN) if sex != "female" else ()
    female_fit = a.pairs("pattern", FEMALE_PATTERN) if sex != "male" else ()
    if male_fit and a.one("norwood_stage") in EARLY_NORWOOD:
        fit = male_fit + _pair(a, "norwood_stage")
    elif female_fit and a.one("ludwig_stage") in EARLY_LUDWIG:
        fit = female_fit + _pair(a, "ludwig_stage")
    else:
        return ()
    fit += _pair(a, "onset_speed")
    if a.one("family_history") == "yes":
        fit += _pair(a, "family_history")
    return fit


@rule(
    "R15",
    "Early to middle pattern hair loss",
    reads=("sex_at_birth", "age_band", "pattern", "norwood_stage", "ludwig_stage",
           "onset_speed", "family_history"),
    source="clinical-facts §3.3, §4.4, §5",
    texts={
        "prp": (
            "Your answers can fit pattern hair loss at an early or middle stage. A doctor can "
            "tell. This is where PRP has been studied most, often added to a standard medicine."
        ),
        "mesotherapy": (
            "Mesotherapy has also been tried for pattern hair loss. The studies are fewer and "
            "weaker, and each clinic's mix is different."
        ),
    },
)
def early_pattern_loss(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if found.has_red_flag():
        return
    fit = pattern_loss_fit(a)
    if fit:
        yield favours("prp", t["prp"], fit)
        yield favours("mesotherapy", t["mesotherapy"], fit, see="evidence", counts=False)


@rule(
    "R16",
    "Recent shedding after a trigger",
    reads=("triggers_recent", "pattern", "duration"),
    source="clinical-facts §2.3, §5",
    texts={
        "both": (
            "Your answers can fit a short spell of shedding after a shock to the body. This "
            "often stops by itself, so injections are not a first step."
        ),
        "ask": (
            "Could this be shedding that will settle? Should I have my iron and thyroid "
            "checked? When should we look again if it does not stop?"
        ),
        "treat_cause": (
            "Ask about treating the cause, such as low iron. Shedding usually settles a few "
            "months after the cause has passed."
        ),
    },
)
def recent_shedding_after_trigger(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    triggers = a.pairs("triggers_recent", SHEDDING_TRIGGERS)
    shedding = a.pairs("pattern", {"diffuse_shedding"})
    if triggers and shedding and a.one("duration") in {"lt_3_months", "3_6_months"}:
        because = triggers + shedding + _pair(a, "duration")
        for option in OPTIONS:
            yield against(option, t["both"], "caution", because, see="temporary-shedding",
                          leaning_neither=True)
        yield ask(t["ask"], because, see="temporary-shedding")
        yield discuss(t["treat_cause"], because, see="temporary-shedding")


@rule(
    "R17",
    "Long shedding with no clear trigger",
    reads=("triggers_recent", "pattern", "duration"),
    source="clinical-facts §2.3",
    texts={
        "ask": (
            "Is this long-lasting shedding, or early pattern loss? Do I need blood tests or a "
            "close look at my scalp?"
        ),
    },
)
def long_shedding_without_trigger(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    shedding = a.pairs("pattern", {"diffuse_shedding"})
    no_trigger = not a.pairs("triggers_recent", SHEDDING_TRIGGERS)
    if shedding and no_trigger and a.one("duration") in {"6_12_months", "1_5_years"}:
        because = shedding + _pair(a, "duration") + a.pairs("triggers_recent")
        yield ask(t["ask"], because, see="temporary-shedding", holds_leaning=True)


@rule(
    "R18",
    "Advanced hair loss",
    reads=("norwood_stage", "ludwig_stage"),
    source="clinical-facts §3.3, §5",
    texts={
        "both": (
            "Injections help hair that is thinning but still there. With this much loss, they "
            "are not likely to help much on their own."
        ),
        "ask": "Would a hair transplant, a hairpiece or hair fibres suit me?",
    },
)
def advanced_loss(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    stage = a.pairs("norwood_stage", {"norwood_6", "norwood_7"}) + a.pairs(
        "ludwig_stage", {"ludwig_3"}
    )
    if stage:
        for option in OPTIONS:
            yield against(option, t["both"], "caution", stage, see="who-each-may-suit",
                          leaning_neither=True)
        yield ask(t["ask"], stage, see="other-options")


@rule(
    "R19",
    "Loss where hair is pulled tight",
    reads=("triggers_recent", "pattern"),
    source="clinical-facts §2.3",
    texts={
        "both": (
            "Your answers can fit hair loss from pulling. Easing the pull comes first, and "
            "then hair often grows back."
        ),
        "ease": (
            "Looser styles and breaks from extensions give the hair a rest. See a dermatologist "
            "if it does not grow back."
        ),
    },
)
def traction(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    styles = a.pairs("triggers_recent", {"tight_hairstyles_or_extensions"})
    where = a.pairs("pattern", {"where_hair_is_pulled"})
    if styles and where:
        for option in OPTIONS:
            yield against(option, t["both"], "caution", styles + where,
                          see="about-hair-loss", leaning_neither=True)
        yield discuss(t["ease"], styles + where, see="about-hair-loss")


@rule(
    "R20",
    "Hormone-blocking drugs in a mixture, and pregnancy",
    reads=("sex_at_birth", "periods"),
    source="clinical-facts §4.6, §5",
    texts={
        "mesotherapy": (
            "Some mixtures hold dutasteride or finasteride. These can harm a baby boy in the womb."
        ),
        "ask": (
            "Does the mixture hold dutasteride or finasteride? If so, what birth control do I "
            "need, and for how long after?"
        ),
    },
)
def hormone_mixture_and_pregnancy(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("sex_at_birth") == "female" and a.one("periods") in PERIODS_BEFORE_MENOPAUSE:
        because = _pair(a, "sex_at_birth") + _pair(a, "periods")
        yield against("mesotherapy", t["mesotherapy"], "caution", because)
        yield ask(t["ask"], because)


@rule(
    "R21",
    "Infection or hair loss after earlier injections",
    reads=("past_injection_reaction", "past_injection_types"),
    source="clinical-facts §4.5, §2.4 item 10",
    texts={
        "mesotherapy": (
            "Your reaction to past injections makes mesotherapy more of a risk. Patchy hair loss "
            "and long infections have been seen after it."
        ),
        "mesotherapy_again": (
            "You reacted badly to mesotherapy before. It is best not to have it again, unless a "
            "skin doctor says it is safe."
        ),
        "prp": (
            "After a bad reaction to mesotherapy, ask if PRP or a way with no needles could "
            "suit you."
        ),
    },
)
def reaction_to_earlier_injections(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    reaction = a.pairs(
        "past_injection_reaction", {"hair_loss_at_injection_sites", "infection_or_lumps"}
    )
    if not reaction:
        return
    had_mesotherapy = a.pairs("past_injection_types", {"mesotherapy"})
    if had_mesotherapy:
        because = reaction + had_mesotherapy
        yield against("mesotherapy", t["mesotherapy_again"], "stop", because, see="side-effects")
        yield favours("prp", t["prp"], because, see="how-they-differ")
    else:
        because = reaction + a.pairs_except_none("past_injection_types")
        yield against("mesotherapy", t["mesotherapy"], "caution", because, see="side-effects")


@rule(
    "R22",
    "Alopecia areata found by a doctor",
    reads=("scalp_conditions",),
    source="clinical-facts §3.3",
    texts={
        "ask": "Would steroid shots, PRP or newer tablets suit my alopecia areata?",
        "prp": (
            "In small studies of alopecia areata, PRP did about as well as steroid injections. "
            "Steroid injections are the usual first step."
        ),
        "mesotherapy": "Mesotherapy has not been studied for alopecia areata.",
    },
)
def diagnosed_alopecia_areata(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    areata = a.pairs("scalp_conditions", {"diagnosed_alopecia_areata"})
    if areata and not found.has_red_flag():
        yield ask(t["ask"], areata)
        yield favours("prp", t["prp"], areata, see="evidence", counts=False)
        yield against("mesotherapy", t["mesotherapy"], "caution", areata, see="evidence")


@rule(
    "R23",
    "Fear of needles or fainting",
    reads=("needle_comfort",),
    source="clinical-facts §3.4",
    texts={
        "prp": "PRP needs a blood draw and many small scalp injections. Fainting can happen.",
        "mesotherapy": "Mesotherapy means many small injections in the scalp at each visit.",
        "ask": "Can I lie down during the session? What numbing do you use?",
        "no_needles": "Lotions and tablets for hair loss need no needles. Ask about them too.",
    },
)
def needle_fear(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("needle_comfort") in {"very_anxious", "have_fainted_before"}:
        because = _pair(a, "needle_comfort")
        yield against("prp", t["prp"], "caution", because, see="what-a-session-is-like")
        yield against("mesotherapy", t["mesotherapy"], "caution", because,
                      see="what-a-session-is-like")
        yield ask(t["ask"], because, see="what-a-session-is-like")
        yield discuss(t["no_needles"], because)


@rule(
    "R24",
    "Visits only every few months",
    reads=("visit_availability",),
    source="clinical-facts §3.2, §4.3",
    texts={
        "mesotherapy": (
            "With vitamin mixes, mesotherapy often starts with a visit each week. Mixes with "
            "dutasteride are often every 3 months."
        ),
        "prp_schedule": (
            "PRP usually starts with about 3 visits a month apart. Then there is one visit "
            "every 3 to 6 months."
        ),
    },
)
def few_visits_possible(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("visit_availability") == "every_few_months":
        because = _pair(a, "visit_availability")
        yield against("mesotherapy", t["mesotherapy"], "caution", because,
                      see="schedules-and-costs")
        yield expect(t["prp_schedule"], because, see="schedules-and-costs")


@rule(
    "R25",
    "Standard medicine did not help or was not tolerated",
    reads=("treatments_tried", "tried_result", "age_band"),
    source="clinical-facts §3.3, §4.4",
    texts={
        "prp": (
            "Standard medicine did not work well for you. PRP has been studied as an extra "
            "or another choice for people like you."
        ),
        "ask_dutasteride": (
            "If hormone tablets did not suit me, could dutasteride mesotherapy be an option?"
        ),
    },
)
def medicine_failed_or_not_tolerated(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    medicines = a.pairs("treatments_tried", FIRST_LINE_MEDICINES)
    result = a.one("tried_result")
    if not medicines or result not in {"no_change_after_6_months", "stopped_side_effects"}:
        return
    if a.one("age_band") != "under_18":  # R1: no leaning for young people
        yield favours("prp", t["prp"], medicines + _pair(a, "tried_result"))
    hormone_tablets = a.pairs("treatments_tried", HORMONE_BLOCKING_TABLETS)
    if result == "stopped_side_effects" and hormone_tablets:
        yield ask(t["ask_dutasteride"], hormone_tablets + _pair(a, "tried_result"))


@rule(
    "R26",
    "PRP tried without change",
    reads=("treatments_tried", "tried_result"),
    source="clinical-facts §3.3",
    texts={
        "ask": (
            "PRP did not help me after 6 months. Should we check the cause of my hair loss "
            "again before trying more?"
        ),
    },
)
def prp_did_not_help(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    prp = a.pairs("treatments_tried", {"prp"})
    if prp and a.one("tried_result") == "no_change_after_6_months":
        yield ask(t["ask"], prp + _pair(a, "tried_result"), see="evidence",
                  blocks_leaning_to="prp")


@rule(
    "R27",
    "Hoping for regrowth or thicker hair",
    reads=("goal",),
    source="clinical-facts §3.2, §3.3",
    texts={
        "gains": (
            "In studies, gains were small on average: a few more hairs in each fingertip-sized "
            "patch of scalp. Changes show after 2 to 3 months and fade if treatment stops."
        ),
    },
)
def regrowth_expectations(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    if a.one("goal") in {"regrow_some_hair", "thicker_hair"}:
        yield expect(t["gains"], _pair(a, "goal"))


@rule(
    "R28",
    "Wants own-body, low-allergy treatment",
    reads=("priorities", "age_band"),
    source="clinical-facts §3.1, §4.5",
    texts={
        "prp": (
            "You value your own body and a low allergy risk. PRP uses your own blood, while "
            "mesotherapy adds other substances."
        ),
    },
)
def own_body_priority(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    wishes = a.pairs("priorities", {"own_body", "avoid_added_substances", "low_allergy_risk"})
    if wishes and not found.has_stop("prp") and a.one("age_band") != "under_18":
        yield favours("prp", t["prp"], wishes, see="how-they-differ")


@rule(
    "R29",
    "Wants the strongest evidence",
    reads=("priorities",),
    source="clinical-facts §3.3, §4.4, §5",
    texts={
        "medicines": (
            "You value strong proof. Minoxidil and finasteride have the strongest proof of all."
        ),
        "prp": (
            "Of the two injections, PRP has more studies. The proof is still weak."
        ),
    },
)
def evidence_priority(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    wish = a.pairs("priorities", {"strongest_evidence"})
    if wish:
        yield discuss(t["medicines"], wish, see="evidence")
        yield favours("prp", t["prp"], wish, see="evidence", counts=not found.has_stop("prp"))


@rule(
    "R30",
    "Cost, visits or daily effort matter",
    reads=("priorities",),
    source="clinical-facts §1.6, §3.2, §4.3",
    texts={
        "low_cost": (
            "Both injections need repeat visits and top-ups, and you usually pay for them. "
            "Minoxidil costs less. Waiting costs nothing."
        ),
        "fewer_visits": (
            "Both injections need repeat visits and top-ups. Mesotherapy often needs the most "
            "visits at the start."
        ),
        "no_daily_routine": (
            "Injections need no daily routine, but they need repeat visits. Minoxidil is used "
            "every day."
        ),
    },
)
def cost_and_effort(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    for wish in ("low_cost", "fewer_visits", "no_daily_routine"):
        because = a.pairs("priorities", {wish})
        if because:
            yield expect(t[wish], because, see="schedules-and-costs")


@rule(
    "R31",
    "Not yet ready to decide (SURE)",
    reads=("sure_sure", "sure_understand", "sure_risks_benefits", "sure_encouragement",
           "decision_stage"),
    source="clinical-facts §1.4, §1.5",
    texts={
        "not_ready": (
            "You may not feel ready to decide yet. That is normal. Tell your dermatologist "
            "what would help you."
        ),
    },
)
def not_ready_to_decide(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    because = tuple(
        (key, "no") for key in SURE_NEEDS if a.one(key) == "no"
    )
    if a.one("decision_stage") == "not_thought_yet":
        because += _pair(a, "decision_stage")
    if because:
        yield ask(t["not_ready"], because)


@rule(
    "R32",
    "Wants the biggest effect and can visit often",
    reads=("priorities", "visit_availability"),
    source="clinical-facts §3.2, §3.3, §4.4",
    texts={
        "prp": (
            "You want the biggest effect and can visit often. PRP together with a standard "
            "medicine is the best-studied mix."
        ),
        "mesotherapy": (
            "Some clinics mix PRP and mesotherapy. There are no good trials of that mix."
        ),
    },
)
def combination_plan(a: Answers, t: Texts, found: Findings) -> Iterable[Finding]:
    fit = pattern_loss_fit(a)
    wish = a.pairs("priorities", {"maximum_effect"})
    visits = a.one("visit_availability") in {"weekly_possible", "every_2_4_weeks"}
    # R30: a combined plan only if more visits and cost are acceptable to the person.
    cost_or_visits_matter = a.pairs("priorities", {"low_cost", "fewer_visits"})
    contraindicated = found.has_stop("prp") or found.has_stop("mesotherapy") or (
        found.rules_out_both()
    )
    if (
        fit and wish and visits and not cost_or_visits_matter and not contraindicated
        and not found.has_red_flag()
    ):
        because = fit + wish + _pair(a, "visit_availability")
        yield favours("prp", t["prp"], because, see="combined-plans", combination=True)
        yield against("mesotherapy", t["mesotherapy"], "info", because, see="combined-plans")


# ---------------------------------------------------------------------------
# Settling the leaning and building the Summary
# ---------------------------------------------------------------------------

HEADLINES: dict[Leaning, str] = {
    "doctor_first": (
        "Some answers are best checked by a doctor before you choose any hair treatment."
    ),
    "neither_for_now": (
        "For now your answers point to holding off on both, to talk over with your dermatologist."
    ),
    "prp": "Your answers point to PRP, so ask your dermatologist about it and about the rest too.",
    "mesotherapy": (
        "Your answers point to mesotherapy as one of the things to talk through with your "
        "dermatologist."
    ),
    "combination": (
        "Your answers point to PRP plus a standard hair drug, so ask your dermatologist about that."
    ),
    "open": (
        "Nothing in your answers points one way, so go through each choice with your "
        "dermatologist."
    ),
}


def _support(findings: Findings, option: Option) -> tuple[int, int]:
    """(points for that count towards a leaning, cautions against) for one option."""
    points_for = sum(1 for _, f in findings.at(f"{option}_for") if f.counts_for_leaning)
    if any(f.blocks_leaning_to == option for _, f in findings.by_rule):
        points_for = 0
    cautions = sum(1 for _, f in findings.at(f"{option}_against") if f.severity != "info")
    return points_for, cautions


def settle_leaning(findings: Findings) -> Leaning:
    """The leaning, in the order rules.md gives (see the module docstring)."""
    if findings.has_red_flag():
        return "doctor_first"
    if findings.rules_out_both():
        return "neither_for_now"
    if any(f.holds_leaning for _, f in findings.by_rule):
        return "open"
    available = [option for option in OPTIONS if not findings.has_stop(option)]
    if any(f.combination for _, f in findings.by_rule) and len(available) == 2:
        return "combination"
    net: dict[Option, int] = {}
    for option in available:
        points_for, cautions = _support(findings, option)
        if points_for:
            net[option] = points_for - cautions
    if not net:
        return "open"
    best = max(net, key=lambda option: net[option])
    rivals = [option for option in available if option != best]
    rival_net = {
        option: _support(findings, option)[0] - _support(findings, option)[1] for option in rivals
    }
    if all(net[best] > value for value in rival_net.values()):
        return best
    return "open"


def _item(rule_id: str, finding: Finding) -> Item:
    return Item(
        rule=rule_id,
        text=finding.text,
        severity=finding.severity,
        because=[Because(question=q, answer=v) for q, v in finding.because],
        see=finding.see,
    )


def decision_readiness(answers: Answers) -> DecisionReadiness:
    needs = [need for key, need in SURE_NEEDS.items() if answers.one(key) == "no"]
    return DecisionReadiness(sure_score=len(SURE_NEEDS) - len(needs), needs=needs)


def assess(answers: IntakeAnswers) -> Summary:
    """Run every rule on one valid answer set and build the reasoned summary."""
    readable = Answers(answers)
    findings = Findings()
    for each in RULES:
        findings.add(each.id, each.run(readable, findings))

    def items(place: Place) -> list[Item]:
        return [_item(rule_id, finding) for rule_id, finding in findings.at(place)]

    leaning = settle_leaning(findings)
    return Summary(
        ruleset_version=RULESET_VERSION,
        leaning=leaning,
        headline=HEADLINES[leaning],
        red_flags=items("red_flags"),
        options=Options(
            prp=OptionPoints(for_=items("prp_for"), against=items("prp_against")),
            mesotherapy=OptionPoints(
                for_=items("mesotherapy_for"), against=items("mesotherapy_against")
            ),
        ),
        also_discuss=items("also_discuss"),
        questions_to_ask=items("questions_to_ask"),
        to_bring=items("to_bring"),
        expectations=items("expectations"),
        decision_readiness=decision_readiness(readable),
    )


def all_texts() -> dict[str, str]:
    """Every sentence the engine can write, keyed "R8.prp", "headline.open", ..."""
    texts = {f"{each.id}.{key}": text for each in RULES for key, text in each.texts.items()}
    texts.update({f"headline.{leaning}": text for leaning, text in HEADLINES.items()})
    return texts


def ruleset_fingerprint() -> str:
    """A hash of every rule's id, inputs and texts, pinned to RULESET_VERSION by a test."""
    described = {
        "rules": [[each.id, list(each.reads), dict(each.texts)] for each in RULES],
        "headlines": HEADLINES,
    }
    return hashlib.sha256(
        json.dumps(described, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
