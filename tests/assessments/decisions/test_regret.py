"""The Decision Regret Scale's scoring, checked against a hand calculation for every
one of the 5^5 = 3,125 answer patterns."""

import itertools

import pytest

from assessments.decisions import regret


def hand_score(answers: tuple[int, ...]) -> float:
    """The scoring recipe (as reproduced in docs/decision-quality.md; the user manual
    itself could not be read to check it) written out the long way, as on paper.

    Answers are 1 (strongly agree) to 5 (strongly disagree). Items 2 and 4 are worded
    the other way round, so 1 becomes 5, 2 becomes 4 and so on. Then each item becomes
    0, 25, 50, 75 or 100, and the score is their average.
    """
    reverse = {1: 5, 2: 4, 3: 3, 4: 2, 5: 1}
    to_hundred = {1: 0, 2: 25, 3: 50, 4: 75, 5: 100}
    points = []
    for number, answer in enumerate(answers, start=1):
        if number in (2, 4):
            answer = reverse[answer]
        points.append(to_hundred[answer])
    return sum(points) / 5


def test_every_answer_pattern_scores_as_by_hand():
    patterns = list(itertools.product(range(1, 6), repeat=5))
    assert len(patterns) == 3125
    for answers in patterns:
        assert regret.regret_score(answers) == hand_score(answers), answers


def test_the_ends_of_the_scale():
    """Agreeing with the good statements and disagreeing with the bad ones is no regret."""
    assert regret.regret_score([1, 5, 1, 5, 1]) == 0
    assert regret.regret_score([5, 1, 5, 1, 5]) == 100
    assert regret.regret_score([3, 3, 3, 3, 3]) == 50


def test_items_two_and_four_are_the_reversed_ones():
    assert regret.REVERSED == {"regret_2", "regret_4"}
    assert "regret" in regret.ITEMS[1][1] and "harm" in regret.ITEMS[3][1]


@pytest.mark.parametrize("bad", [[1, 2, 3, 4], [1, 2, 3, 4, 5, 1], [0, 1, 1, 1, 1],
                                 [6, 1, 1, 1, 1]])
def test_impossible_answers_are_refused(bad):
    with pytest.raises(ValueError):
        regret.regret_score(bad)


def test_the_decision_is_named_and_nothing_else_changed():
    assert regret.DECISION_NAMED == "the decision you made about treating your hair loss"
    assert regret.DECISION_NAMED in regret.INTRODUCTION
    assert [text for _, text in regret.ITEMS] == [
        "It was the right decision.",
        "I regret the choice that was made.",
        "I would go for the same choice if I had to do it over again.",
        "The choice did me a lot of harm.",
        "It was a wise decision.",
    ]
