"""The principles of rules.md v2 as tests that cannot drift from the code:

(a) no dead answers; (b) the guide's warning signs and the red-flag rules are one list;
(c) no leaning from values alone; (d) cautions weigh; (e) the same facts for both
options. Plus the answer sets a dermatologist built to trip the first engine.
"""

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessments.intake import QUESTIONS, IntakeAnswers
from assessments.reasoning.engine import ANY, RULES, Answers
from assessments.reasoning.fit import pattern_loss_fit
from assessments.reasoning.informational import INFORMATIONAL
from assessments.reasoning.leaning import LEANING_READS
from assessments.rules import assess
from assessments.summary import Summary
from content.warning_signs import WARNING_SIGNS, see_a_doctor_first_body
from tests.assessments.conftest import build_answer_dict
from tests.assessments.test_rules_properties import valid_answer_sets

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)
INJECTION_LEANINGS = {"prp", "mesotherapy", "combination"}


# (a) ---------------------------------------------------------------------------

def _read_values() -> dict[str, set[str]]:
    read: dict[str, set[str]] = {}
    for reads in [each.reads for each in RULES] + [LEANING_READS]:
        for key, values in reads.items():
            read.setdefault(key, set()).update(QUESTIONS[key].values if values == ANY else values)
    return read


def _nothing_of_this_kind(key: str, read: set[str]) -> set[str]:
    """"None of these", and the other half of a yes/no question one of whose halves is read."""
    question = QUESTIONS[key]
    values = set(question.values)
    if question.exclusive:
        return {question.exclusive}
    if values == {"yes", "no"} and read & values:
        return values - read
    return set()


def test_no_dead_answers():
    read = _read_values()
    dead = []
    for key, question in QUESTIONS.items():
        if question.kind == "text":
            if (key, ANY[0]) not in INFORMATIONAL and key not in read:
                dead.append((key, "(text)"))
            continue
        covered = read.get(key, set()) | _nothing_of_this_kind(key, read.get(key, set()))
        for value in question.values:
            if value not in covered and (key, value) not in INFORMATIONAL and (
                (key, ANY[0]) not in INFORMATIONAL
            ):
                dead.append((key, value))
    assert not dead, f"read by no rule and not declared informational: {dead}"


def test_informational_answers_are_real_and_unread():
    read = _read_values()
    for (key, value), reason in INFORMATIONAL.items():
        assert key in QUESTIONS and reason
        if value != ANY[0]:
            assert value in QUESTIONS[key].values
            assert value not in read.get(key, set()), f"{key}={value} is read; drop it here"


def test_every_read_value_exists():
    for each in RULES:
        for key, values in each.reads.items():
            assert key in QUESTIONS, (each.id, key)
            if values != ANY:
                assert set(values) <= set(QUESTIONS[key].values), (each.id, key, values)


# (b) ---------------------------------------------------------------------------

RED_FLAG_SAYS = {
    (each.id, key) for each in RULES for key, says in each.says.items()
    if says.place == "red_flags"
}

# What else an answer set needs for a sign to apply (who is asked, or its only-if).
SIGN_CONTEXT = {
    ("R5", "signs"): {"sex_at_birth": "female"},
    ("R5", "urgent"): {"sex_at_birth": "female"},
    ("R5", "temples"): {"sex_at_birth": "female", "periods": "regular",
                        "norwood_stage": "norwood_2"},
    ("R6c", "after_injections"): {"past_injection_types": ["fillers"]},
}


def test_warning_signs_and_red_flag_rules_name_the_same_signs():
    listed = {(sign.rule, sign.says) for sign in WARNING_SIGNS}
    assert listed == RED_FLAG_SAYS, (
        f"in the guide only: {listed - RED_FLAG_SAYS}; in the rules only: {RED_FLAG_SAYS - listed}"
    )


@pytest.mark.parametrize("sign", WARNING_SIGNS, ids=lambda s: f"{s.rule}.{s.says}")
def test_every_warning_sign_raises_its_red_flag(sign):
    expected = next(each for each in RULES if each.id == sign.rule).says[sign.says].text
    longest = max(len(values) for _, values in sign.answers)
    for index in range(longest):
        overrides = dict(SIGN_CONTEXT.get((sign.rule, sign.says), {}))
        for key, values in sign.answers:
            value = values[min(index, len(values) - 1)]
            overrides[key] = [value] if QUESTIONS[key].kind == "multi" else value
        summary = assess(IntakeAnswers.model_validate(build_answer_dict(**overrides)))
        assert summary.leaning == "doctor_first"
        assert any(item.rule == sign.rule and item.text == expected
                   for item in summary.red_flags), overrides


def test_the_guide_section_lists_exactly_the_warning_signs():
    bullets = [line[2:] for line in see_a_doctor_first_body().splitlines()
               if line.startswith("- ")]
    assert bullets == [sign.guide for sign in WARNING_SIGNS]


@pytest.mark.django_db
def test_load_guide_writes_the_warning_signs_into_the_guide():
    from content.loading import load_default_guide
    from content.models import Section

    load_default_guide()
    body = Section.objects.get(slug="see-a-doctor-first").body
    assert body == see_a_doctor_first_body()


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_every_red_flag_is_a_listed_warning_sign(data):
    summary = assess(IntakeAnswers.model_validate(data))
    texts = {
        next(each for each in RULES if each.id == sign.rule).says[sign.says].text
        for sign in WARNING_SIGNS
    }
    for item in summary.red_flags:
        assert item.text in texts, item


# (c) ---------------------------------------------------------------------------

PRIORITY_SETS = st.lists(st.sampled_from(QUESTIONS["priorities"].values), max_size=3,
                         unique=True)


@PROPERTY_SETTINGS
@given(valid_answer_sets(), PRIORITY_SETS)
def test_no_leaning_from_values_alone(data, priorities):
    answers = IntakeAnswers.model_validate(data)
    assume(not pattern_loss_fit(Answers(answers)))
    varied = dict(data, priorities=priorities) if priorities else {
        k: v for k, v in data.items() if k != "priorities"
    }
    leaning = assess(IntakeAnswers.model_validate(varied)).leaning
    assert leaning not in INJECTION_LEANINGS, (leaning, priorities)


@pytest.mark.parametrize("priority", QUESTIONS["priorities"].values)
def test_a_priority_with_an_unknown_kind_of_loss_leans_nowhere(answers_with, priority):
    summary = assess(answers_with(pattern=["not_sure"], priorities=[priority]))
    assert summary.leaning == "open"


# (d) ---------------------------------------------------------------------------

COUNTING = {"prp": {"R15", "R25"}, "mesotherapy": {"R25m"}}


def standing_from_summary(summary: Summary, option: str) -> int | None:
    """The standing computed from the stored summary alone (not the engine's own code)."""
    points = getattr(summary.options, option)
    if any(item.severity == "stop" for item in points.against):
        return None
    counted = sum(1 for item in points.for_ if item.rule in COUNTING[option])
    cautions = {item.rule for item in points.against if item.severity == "caution"}
    return counted - len(cautions)


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_an_option_never_leads_with_a_standing_of_zero_or_less(data):
    summary = assess(IntakeAnswers.model_validate(data))
    if summary.leaning in ("prp", "mesotherapy"):
        other = "mesotherapy" if summary.leaning == "prp" else "prp"
        lead = standing_from_summary(summary, summary.leaning)
        rival = standing_from_summary(summary, other)
        assert lead is not None and lead > 0
        assert rival is None or lead >= rival + 1


# (e) ---------------------------------------------------------------------------

def test_shared_facts_are_declared_for_both_options_alike():
    for each in RULES:
        for key, says in each.says.items():
            stem, _, option = key.rpartition(".")
            if stem and option == "prp":
                twin = each.says[f"{stem}.mesotherapy"]
                assert (twin.text, twin.severity) == (says.text, says.severity), (each.id, key)


# Rules whose facts rules.md says apply to both injections (numbing, bleeding, fainting,
# infection, temporary causes): whenever one puts something against one option, it puts
# the same severity against the other.
BOTH_OPTION_RULES = {"R3", "R6", "R7", "R7b", "R8", "R10", "R11", "R12", "R13", "R14", "R16",
                     "R16b", "R18", "R19", "R23"}


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_a_shared_fact_never_appears_against_only_one_option(data):
    summary = assess(IntakeAnswers.model_validate(data))
    for rule_id in BOTH_OPTION_RULES:
        prp = sorted(i.severity for i in summary.options.prp.against if i.rule == rule_id)
        meso = sorted(i.severity for i in summary.options.mesotherapy.against
                      if i.rule == rule_id)
        assert prp == meso, (rule_id, prp, meso)


# The answer sets of the clinical read ------------------------------------------

def test_doac_numbing_allergy_immunosuppressant_and_fainting_is_not_prp(answers_with):
    summary = assess(answers_with(
        blood_thinners=["doac"], allergies=["local_anaesthetic"],
        steroids_immunosuppressants=["immunosuppressant_or_biologic"],
        needle_comfort="have_fainted_before",
    ))
    assert summary.leaning == "neither_for_now"
    assert not re.search(r"point", summary.headline, re.IGNORECASE)


def test_own_body_with_an_unknown_kind_of_loss_is_open(answers_with):
    assert assess(answers_with(pattern=["not_sure"], priorities=["own_body"])).leaning == "open"


@pytest.mark.parametrize("overrides", [
    {"pattern": ["receding_temples", "broken_hairs"]},
    {"pattern": ["hairline_band_front_or_sides"]},
    {"triggers_recent": ["new_or_stopped_medicine"]},
    {"past_injection_types": ["mesotherapy"], "past_injection_reaction": "infection_or_lumps"},
    {"past_injection_types": ["prp"], "past_injection_reaction": "hair_loss_at_injection_sites"},
    {"bleeding_disorder": ["bruise_or_bleed_easily_undiagnosed"]},
], ids=["broken", "band", "new-medicine", "infection-after", "loss-after", "bruising"])
def test_warning_signs_the_guide_names_raise_red_flags(answers_with, overrides):
    assert assess(answers_with(**overrides)).leaning == "doctor_first"


@pytest.mark.parametrize("overrides", [
    {"other_conditions": ["heart_condition_or_low_blood_pressure"]},
    {"other_conditions": ["keloid_scars"]},
    {"allergies": ["antiseptics"]},
    {"allergies": ["latex"]},
    {"sex_at_birth": "female", "pregnancy": "gave_birth_last_12_months",
     "breastfeeding_now": "yes"},
])
def test_answers_the_first_engine_ignored_are_read(answers_with, overrides):
    quiet = assess(answers_with())
    assert assess(answers_with(**overrides)).model_dump() != quiet.model_dump()


@pytest.mark.parametrize("overrides", [
    {"periods": "stopped_menopause", "androgen_signs": ["irregular_or_absent_periods"]},
    {"hormone_medicines": ["contraceptive_pill_patch_or_implant"],
     "androgen_signs": ["irregular_or_absent_periods"]},
    {"hormone_medicines": ["testosterone"], "testosterone_purpose": "gender_affirming",
     "androgen_signs": ["new_facial_or_body_hair"]},
])
def test_hormone_changes_with_an_everyday_explanation_are_no_red_flag(answers_with, overrides):
    assert not assess(answers_with(sex_at_birth="female", **overrides)).red_flags
