"""Step 4 of the leaning: have the standard medicines had a fair try? (rules.md v3)

Judged per medicine, on each one's own result (intake schema 3):

- a **fair try**: some standard medicine's result is "no change after 6 months";
- **nothing suitable left**: minoxidil is ruled out (an allergy, or both forms stopped for
  side effects) and, for the 5-ARI group, finasteride and dutasteride are too (an
  allergy, side effects of either, or no hormone-type medicines wanted);
- a medicine that **helped** decides over one that did not (standard first, or PRP added).

Stopping one medicine for side effects rules out that medicine (or that form), not the
standard treatments as a whole. The 5-ARI group (people to whom finasteride or
dutasteride could be offered) is defined here once; step 4, R0 and R15m read it.
"""

from dataclasses import dataclass
from typing import Literal

from assessments.reasoning.engine import Answers, Pairs, per_answer_set

STANDARD_MEDICINES = (
    "minoxidil_topical", "minoxidil_oral", "finasteride", "dutasteride_oral",
    "antiandrogen_other",
)
MINOXIDIL_FORMS = ("minoxidil_topical", "minoxidil_oral")
FIVE_ARI_MEDICINES = ("finasteride", "dutasteride_oral")  # 5-alpha-reductase medicines
STANDARD_RESULT_KEYS = tuple(f"result_{medicine}" for medicine in STANDARD_MEDICINES)

Route = Literal["not_yet", "helped", "fair_try", "nothing_left"]


@per_answer_set
def five_ari_group(a: Answers) -> Pairs:
    """Why finasteride or dutasteride could be offered to this person (empty: they could not).

    Male at birth, periods stopped by the menopause, or gender-affirming testosterone.
    """
    if a.one("sex_at_birth") == "male":
        return a.pair("sex_at_birth")
    if a.one("periods") == "stopped_menopause":
        return a.pair("periods")
    if a.one("testosterone_purpose") == "gender_affirming":
        return a.pair("testosterone_purpose")
    return ()


def minoxidil_ruled_out(a: Answers) -> Pairs:
    allergy = a.pairs("allergies", {"minoxidil"})
    if allergy:
        return allergy
    both_forms = a.results(MINOXIDIL_FORMS, {"stopped_side_effects"})
    return both_forms if len(both_forms) == 2 * len(MINOXIDIL_FORMS) else ()


def five_ari_ruled_out(a: Answers) -> Pairs:
    """Why finasteride and dutasteride are both out (one rules out the other)."""
    return (
        a.pairs("allergies", {"finasteride_or_dutasteride"})
        + a.results(FIVE_ARI_MEDICINES, {"stopped_side_effects"})
        + a.pairs("priorities", {"avoid_hormonal_medicines"})
    )


@dataclass(frozen=True)
class StandardMedicines:
    route: Route
    because: Pairs  # the answers that decided the route

    @property
    def passed(self) -> bool:
        """Whether the injections may be weighed (step 5)."""
        return self.route in {"fair_try", "nothing_left"}


@per_answer_set
def standard_medicines(a: Answers) -> StandardMedicines:
    helped = a.results(STANDARD_MEDICINES, {"helped"})
    if helped:
        return StandardMedicines("helped", helped)
    fair_try = a.results(STANDARD_MEDICINES, {"no_change_after_6_months"})
    if fair_try:
        return StandardMedicines("fair_try", fair_try)
    minoxidil = minoxidil_ruled_out(a)
    group = five_ari_group(a)
    five_ari = five_ari_ruled_out(a)
    if minoxidil and (not group or five_ari):
        return StandardMedicines("nothing_left", minoxidil + (group + five_ari if group else ()))
    return StandardMedicines("not_yet", ())
