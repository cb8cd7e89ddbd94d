"""The Ottawa Decision Regret Scale (Brehaut et al. 2003), and the one question after it.

Sources (``docs/decision-quality.md``, "The Decision Regret Scale", says what each one
gave and what could not be checked):

- Brehaut JC et al., "Validation of a decision regret scale", Med Decis Making 2003
  (``CITATION``): five items, a five-point scale.
- O'Connor AM, "User Manual - Decision Regret Scale", Ottawa Hospital Research Institute,
  https://decisionaid.ohri.ca/eval.html (the page that offers the manual and the sample
  tool). The manual's own text could NOT be read with the tools of this project: the
  wording and scoring below are the scale as reproduced elsewhere (the MedEdPORTAL
  package's abstract for the introduction and the 0-100 range; a public questionnaire
  for the item wording), not checked against the manual. Check them there before the
  first patients answer.
- The terms of use (``TERMS``), from that OHRI page.

Each statement is answered on five points, stored as 1 (strongly agree) to 5 (strongly
disagree). Scoring as reproduced: items 2 and 4 are reversed (so that for every item 1
means no regret), one is taken from each item and the result multiplied by 25 (0 to
100 per item), and the score is the mean of the five. 0 means no regret, 100 the most.
Every answer pattern gives a whole number (a multiple of 5). There is no rule for a
missing answer here because none is stored: the form asks again until all five are
answered (``forms.RegretForm``).
"""

from collections.abc import Sequence

CITATION = (
    "Brehaut JC, O'Connor AM, Wood TJ, Hack TF, Siminoff L, Gordon E, Feldman-Stewart D. "
    "Validation of a decision regret scale. Medical Decision Making 2003;23(4):281-292. "
    "doi:10.1177/0272989X03256005"
)
# The OHRI's terms for its measures (https://decisionaid.ohri.ca/eval.html), in short.
TERMS = ("Used without asking permission, as the Ottawa Hospital Research Institute allows "
         "for its decision-aid measures: cited, not charged for or profited from, and not "
         "altered except to name the decision.")
DECISION_NAMED = "the decision you made about treating your hair loss"
INTRODUCTION = (
    f"Please think about {DECISION_NAMED} after talking to your doctor. Please show how "
    "strongly you agree or disagree with these statements."
)

# (linkId, statement): the scale's five items, in its order.
ITEMS: tuple[tuple[str, str], ...] = (
    ("regret_1", "It was the right decision."),
    ("regret_2", "I regret the choice that was made."),
    ("regret_3", "I would go for the same choice if I had to do it over again."),
    ("regret_4", "The choice did me a lot of harm."),
    ("regret_5", "It was a wise decision."),
)
ITEM_KEYS = tuple(key for key, _ in ITEMS)
# Agreeing with these means regret: reversed before scoring.
REVERSED = frozenset({"regret_2", "regret_4"})

RESPONSES: dict[int, str] = {
    1: "Strongly agree",
    2: "Agree",
    3: "Neither agree nor disagree",
    4: "Disagree",
    5: "Strongly disagree",
}

HAIR_CHANGE_QUESTION = "Has your hair changed since the decision?"
HAIR_CHANGES: dict[str, str] = {
    "better": "Better",
    "same": "The same",
    "worse": "Worse",
    "too_early": "Too early to tell",
}


def item_points(key: str, response: int) -> int:
    """One item's contribution, 0 (no regret) to 100, after reversing items 2 and 4."""
    if response not in RESPONSES:
        raise ValueError(f"A response is 1 to 5, not {response!r}.")
    regret_order = 6 - response if key in REVERSED else response
    return (regret_order - 1) * 25


def regret_score(responses: Sequence[int]) -> int:
    """The scale's score, 0 to 100, from the five responses in item order."""
    if len(responses) != len(ITEMS):
        raise ValueError(f"The scale has {len(ITEMS)} items, not {len(responses)}.")
    total = sum(item_points(key, response) for key, response in zip(ITEM_KEYS, responses))
    # The mean of five multiples of 25 is a multiple of 5: exact in integers.
    return total // len(ITEMS)
