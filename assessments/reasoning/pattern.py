"""Whether the answers fit pattern hair loss, and at which stage (R15's fit).

Read by several rules (R15, R15m, R18, R32, R0's "what is left") and by the leaning, so it
lives apart from the rules themselves: importing it registers no rule.
"""

from assessments.reasoning.engine import Answers, Pairs, per_answer_set
from assessments.reasoning.groups import EARLY_LUDWIG, EARLY_NORWOOD, FEMALE_PATTERN, MALE_PATTERN


@per_answer_set
def pattern_loss_fit(a: Answers) -> Pairs:
    """The answers that make early-to-middle pattern hair loss a likely fit (R15).

    Empty when the conditions are not all met. Self-staging is a hint, never a
    diagnosis, so an unsure stage does not count. Norwood 5 fits (R18 then decides what
    it means). For intersex people, those who prefer not to say and anyone on
    testosterone, either pattern set can fit (the pattern follows hormones as well as
    sex at birth).
    """
    if a.one("age_band") == "under_18" or a.one("onset_speed") != "slowly_over_years":
        return ()
    sex = a.one("sex_at_birth")
    testosterone = a.pairs("hormone_medicines", {"testosterone"})
    male_fit = a.pairs("pattern", MALE_PATTERN) if sex != "female" or testosterone else ()
    female_fit = a.pairs("pattern", FEMALE_PATTERN) if sex != "male" or testosterone else ()
    if male_fit and a.one("norwood_stage") in EARLY_NORWOOD | {"norwood_5"}:
        fit = male_fit + a.pair("norwood_stage")
        if sex == "female":
            fit += testosterone
    elif female_fit and a.one("ludwig_stage") in EARLY_LUDWIG:
        fit = female_fit + a.pair("ludwig_stage")
        if sex == "male":
            fit += testosterone
    else:
        return ()
    fit += a.pair("onset_speed")
    if a.one("family_history") == "yes":
        fit += a.pair("family_history")
    return fit


def at_norwood_5(a: Answers) -> bool:
    return a.one("norwood_stage") == "norwood_5"
