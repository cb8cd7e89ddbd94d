"""Settling the leaning once every rule has run (rules.md v2, "Leaning"), and its
headline. Only R15's PRP line, R25 and R25m count as points; each rule that puts a
caution on an option weighs -1; a "stop" or R26 removes an option; a lead needs a
standing above 0 and a margin of at least 1.
"""

from assessments.reasoning.engine import ANY, OPTIONS, Answers, Findings, Option
from assessments.reasoning.fit import pattern_loss_fit
from assessments.reasoning.groups import DID_NOT_SUIT, RESULT_KEYS_OF_STANDARD, STANDARD_TREATMENTS
from assessments.summary import Leaning

# What step 4 reads directly (the other steps read what the rules found).
LEANING_READS: dict[str, tuple[str, ...]] = {
    "treatments_tried": tuple(sorted(STANDARD_TREATMENTS)),
    **{key: ANY for key in RESULT_KEYS_OF_STANDARD},
}

# Neutral words (principle 9): what is worth asking about, never what answers "point to".
HEADLINES: dict[Leaning, str] = {
    "doctor_first": (
        "Some answers are best checked by a doctor before you choose any hair treatment."
    ),
    "neither_for_now": (
        "Something in your answers means both injections are best put off for now. Talk it "
        "over with your doctor."
    ),
    "standard_first": (
        "Your answers can fit early pattern hair loss, which a doctor can confirm. Standard "
        "medicines are usually tried first. If you want to add an injection, ask your "
        "dermatologist about PRP and mesotherapy too."
    ),
    "prp": (
        "A standard medicine has had a fair try. PRP is one option to ask your "
        "dermatologist about, along with the others."
    ),
    "mesotherapy": (
        "A standard medicine has had a fair try. Mesotherapy is one option to ask your "
        "dermatologist about, along with the others."
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
    """Counting points minus one per cautioning rule; None when the option is removed."""
    if findings.has_stop(option) or any(f.says.blocks == option for f in findings.found):
        return None
    points = sum(1 for f in findings.at(f"{option}_for") if f.says.counts)
    return points - len(findings.caution_rules(option))


def settle_leaning(answers: Answers, findings: Findings) -> Leaning:
    """The leaning, step by step as rules.md's table gives it."""
    if findings.has_red_flag():
        return "doctor_first"
    if findings.any("leaning_neither") or all(findings.has_stop(o) for o in OPTIONS):
        return "neither_for_now"
    if not pattern_loss_fit(answers) or findings.any("holds"):
        return "open"
    helped = answers.results(STANDARD_TREATMENTS, {"helped"})
    did_not_suit = answers.results(STANDARD_TREATMENTS, DID_NOT_SUIT)
    if helped or not did_not_suit:
        return "combination" if findings.any("combination") else "standard_first"
    standings = {option: standing(findings, option) for option in OPTIONS}
    for option, other in (("prp", "mesotherapy"), ("mesotherapy", "prp")):
        mine, theirs = standings[option], standings[other]
        if mine is not None and mine > 0 and (theirs is None or mine >= theirs + 1):
            return option
    return "open"
