"""Settling the leaning once every rule has run (rules.md v3, "Leaning"), and its
headline. Only R15's PRP line, R15m and R25 count as points; each caution line weighs
-1 (a rule writes one line per answer it names); a "stop" or R26 removes an option; a
lead needs a standing above 0 and a margin of at least 1.
"""

from assessments.reasoning.engine import ANY, OPTIONS, Answers, Finding, Findings, Option
from assessments.reasoning.pattern import at_norwood_5, pattern_loss_fit
from assessments.reasoning.standard_medicines import (
    STANDARD_MEDICINES,
    STANDARD_RESULT_KEYS,
    StandardMedicines,
    standard_medicines,
)
from assessments.summary import Leaning

# What step 4 reads directly (the other steps read what the rules found).
LEANING_READS: dict[str, tuple[str, ...]] = {
    "treatments_tried": STANDARD_MEDICINES,
    # Every result: "used less than 6 months" and "too early to tell" are not a fair try.
    **{key: ANY for key in STANDARD_RESULT_KEYS},
    "allergies": ("minoxidil", "finasteride_or_dutasteride"),
    "priorities": ("avoid_hormonal_medicines",),
}

# Neutral words (principle 9): what is worth asking about, never what answers "point to".
# The injection leanings have one headline per step-4 route (rules.md v3): "a fair try"
# is never said when the route was "nothing suitable left".
AFTER_A_FAIR_TRY = "A standard medicine has had a fair try. "
NOTHING_SUITABLE_LEFT = "The usual medicines do not suit you. "
HEADLINES: dict[str, str] = {
    "doctor_first": (
        "Some answers are best checked by a doctor before you choose any hair treatment."
    ),
    "neither_for_now": (
        "Something in your answers means both injections are best put off for now. Talk it "
        "over with your doctor."
    ),
    "standard_first": (
        "Your answers can fit pattern hair loss, which a doctor can confirm. Standard "
        "medicines are usually tried first. If you want to add an injection, ask your "
        "dermatologist about PRP and mesotherapy too."
    ),
    "prp.fair_try": AFTER_A_FAIR_TRY + (
        "PRP is one option to ask your dermatologist about, along with the others."
    ),
    "prp.nothing_left": NOTHING_SUITABLE_LEFT + (
        "PRP is one option to ask your dermatologist about, along with the others."
    ),
    "mesotherapy.fair_try": AFTER_A_FAIR_TRY + (
        "Mesotherapy is one option to ask your dermatologist about, along with the others."
    ),
    "mesotherapy.nothing_left": NOTHING_SUITABLE_LEFT + (
        "Mesotherapy is one option to ask your skin doctor about, along with the others."
    ),
    "combination": (
        "A standard medicine is helping you. Ask your dermatologist if adding PRP to it is "
        "worth it for you."
    ),
    "open": (
        "Your answers do not favour one choice. Go through each option with your "
        "dermatologist."
    ),
}


def standing(findings: Findings, option: Option) -> int | None:
    """Counting points minus one per caution line; None when the option is removed."""
    if findings.has_stop(option) or any(f.says.blocks == option for f in findings.found):
        return None
    points = sum(1 for f in findings.at(f"{option}_for") if f.says.counts)
    return points - len(findings.caution_lines(option))


def settle_leaning(answers: Answers, findings: Findings) -> Leaning:
    """The leaning, step by step as rules.md v3's table gives it."""
    if findings.has_red_flag():
        return "doctor_first"
    if neither_reasons(findings):
        return "neither_for_now"
    if not pattern_loss_fit(answers) or findings.any("holds"):
        return "open"  # R18's Norwood 5 hold is only written once step 4 is passed
    if not standard_medicines(answers).passed:
        return "combination" if findings.any("combination") else "standard_first"
    if at_norwood_5(answers):
        return "open"
    standings = {option: standing(findings, option) for option in OPTIONS}
    for option, other in (("prp", "mesotherapy"), ("mesotherapy", "prp")):
        mine, theirs = standings[option], standings[other]
        if mine is not None and mine > 0 and (theirs is None or mine >= theirs + 1):
            return option
    return "open"


def neither_reasons(findings: Findings) -> list[Finding]:
    """One line per rule that puts both options off (step 2), in the order found."""
    stopped_both = {
        f.rule for f in findings.at("prp_against") if f.says.severity == "stop"
    } & {f.rule for f in findings.at("mesotherapy_against") if f.says.severity == "stop"}
    reasons: dict[str, Finding] = {}
    for f in findings.found:
        if f.says.leaning_neither or (f.rule in stopped_both and f.says.severity == "stop"):
            reasons.setdefault(f.rule, f)
    if not reasons and all(findings.has_stop(option) for option in OPTIONS):
        # Each option stopped by a different rule: both are off all the same.
        for option in OPTIONS:
            first = next(f for f in findings.at(f"{option}_against") if f.says.severity == "stop")
            reasons.setdefault(first.rule, first)
    return list(reasons.values())


def hold_reasons(findings: Findings) -> list[Finding]:
    """One line per rule that holds the leaning at open (step 3), in the order found."""
    reasons: dict[str, Finding] = {}
    for f in findings.found:
        if f.says.holds:
            reasons.setdefault(f.rule, f)
    return list(reasons.values())


def _named_reason(reasons: list[Finding], fallback: str) -> str:
    """The first reason's own headline, and how many more reasons the summary gives."""
    first = next((f.says.headline for f in reasons if f.says.headline), "")
    if not first:
        return fallback
    more = len(reasons) - 1
    if more:
        first += f" There {'is' if more == 1 else 'are'} {more} more reason" + (
            "s" if more > 1 else "") + " below."
    return first


def headline(leaning: Leaning, answers: Answers, findings: Findings) -> str:
    """The summary's first sentence: for neither_for_now and a hold it names the reason
    (principle 10: a hold says why), never the equipoise of an open leaning."""
    if leaning == "neither_for_now":
        return _named_reason(neither_reasons(findings), HEADLINES["neither_for_now"])
    if leaning == "open" and findings.any("holds"):
        return _named_reason(hold_reasons(findings), HEADLINES["open"])
    if leaning in {"prp", "mesotherapy"}:
        route: StandardMedicines = standard_medicines(answers)
        return HEADLINES[f"{leaning}.{route.route}"]
    return HEADLINES[leaning]
