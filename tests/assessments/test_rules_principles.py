"""The principles of rules.md as tests that cannot drift from the code.

v2's five: (a) no dead answers; (b) the guide's warning signs and the red-flag rules are
one list; (c) no leaning from values alone; (d) cautions weigh; (e) the same facts for
both options. v3's six (issue 21 point 3), at the end: every caution line weighs; a fair
try per treatment; no answer read too narrowly; words that fit each option; balanced
values; the mesotherapy leaning is reachable. Plus answer sets built to trip the engine.
"""

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessments.intake import QUESTIONS, IntakeAnswers
from assessments.reasoning.engine import ANY, Answers
from assessments.reasoning.fit import pattern_loss_fit
from assessments.reasoning.informational import INFORMATIONAL
from assessments.reasoning.leaning import HEADLINES, LEANING_READS
from assessments.reasoning.ruleset import RULES
from assessments.rules import assess
from assessments.summary import Summary
from content.warning_signs import WARNING_SIGNS, see_a_doctor_first_body
from tests.answers import build_answer_dict
from tests.answers import valid_answer_sets

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
    ("R5", "periods_stopped"): {"sex_at_birth": "female"},
    ("R5", "low_dose"): {"sex_at_birth": "female", "hormone_medicines": ["testosterone"]},
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

COUNTING = {"prp": {"R15", "R25"}, "mesotherapy": {"R15m"}}


def standing_from_summary(summary: Summary, option: str) -> int | None:
    """The standing computed from the stored summary alone (not the engine's own code):
    counting points minus one per caution line (rules.md v3 principle 4)."""
    points = getattr(summary.options, option)
    if any(item.severity == "stop" for item in points.against):
        return None
    counted = sum(1 for item in points.for_ if item.rule in COUNTING[option])
    cautions = [item for item in points.against if item.severity == "caution"]
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

# Facts of which only part applies to mesotherapy: each option's line says only what
# applies to it (principle 8: a blood draw is PRP's alone).
WORDED_PER_OPTION = {("R13", "fainting")}


def test_shared_facts_are_declared_for_both_options_alike():
    for each in RULES:
        for key, says in each.says.items():
            stem, _, option = key.rpartition(".")
            if stem and option == "prp":
                twin = each.says[f"{stem}.mesotherapy"]
                assert twin.severity == says.severity, (each.id, key)
                if (each.id, stem) in WORDED_PER_OPTION:
                    assert "blood draw" in says.text and "blood draw" not in twin.text, key
                else:
                    assert twin.text == says.text, (each.id, key)


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


# ===========================================================================
# Rules v3 (ruleset 2027.01): the six new principle tests of issue 21
# ===========================================================================

TRIED_MINOXIDIL = {"treatments_tried": ["minoxidil_topical"],
                   "result_minoxidil_topical": "no_change_after_6_months"}
NOTHING_LEFT_FOR_A_MAN = {"allergies": ["minoxidil"], "treatments_tried": ["finasteride"],
                          "result_finasteride": "stopped_side_effects"}
STANDARD = ("minoxidil_topical", "minoxidil_oral", "finasteride", "dutasteride_oral",
            "antiandrogen_other")
RESULTS = QUESTIONS["result_finasteride"].values


def _merged(*parts: dict) -> dict:
    """Overrides merged, multi answers joined (two parts may both name allergies)."""
    merged: dict = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = list(dict.fromkeys(merged[key] + value))
            else:
                merged[key] = value
    return merged


# (v3 a) every caution line weighs ------------------------------------------------

RISKS = st.fixed_dictionaries({}, optional={
    "smoking": st.just("yes"),
    "blood_thinners": st.lists(st.sampled_from(
        ["aspirin_or_nsaid_self_bought_regularly", "fish_oil_vitamin_e_ginkgo_garlic"]),
        min_size=1, unique=True),
    "steroids_immunosuppressants": st.lists(st.sampled_from(
        ["steroid_tablets_last_2_weeks", "immunosuppressant_or_biologic"]),
        min_size=1, unique=True),
    "other_conditions": st.lists(st.sampled_from(
        ["diabetes_not_well_controlled", "liver_or_kidney_disease",
         "heart_condition_or_low_blood_pressure", "keloid_scars"]), min_size=1, unique=True),
    "allergies": st.lists(st.sampled_from(
        ["local_anaesthetic", "antiseptics", "latex", "vitamins_or_supplement_injections",
         "hyaluronic_acid_or_fillers"]), min_size=1, unique=True),
    "needle_comfort": st.sampled_from(["very_anxious", "have_fainted_before"]),
    "severe_allergy_ever": st.just("yes"),
})


@PROPERTY_SETTINGS
@given(st.sampled_from([TRIED_MINOXIDIL, NOTHING_LEFT_FOR_A_MAN]), RISKS)
def test_v3_no_option_leads_unless_its_points_exceed_its_caution_lines(route, risks):
    summary = assess(IntakeAnswers.model_validate(build_answer_dict(**_merged(route, risks))))
    for option in ("prp", "mesotherapy"):
        points = getattr(summary.options, option)
        cautions = [i for i in points.against if i.severity == "caution"]
        counted = [i for i in points.for_ if i.rule in COUNTING[option]]
        if summary.leaning == option:
            assert len(counted) > len(cautions), (option, risks)
    # One rule naming several risks writes one line per risk on each option it cautions.
    for rule_id, keys in (("R13", ("other_conditions", "steroids_immunosuppressants")),
                          ("R10", ("allergies",))):
        named = {v for key in keys for v in risks.get(key, [])} & {
            "diabetes_not_well_controlled", "liver_or_kidney_disease",
            "heart_condition_or_low_blood_pressure", "keloid_scars", "local_anaesthetic",
            "antiseptics", "latex", "immunosuppressant_or_biologic"}
        lines = [i for i in summary.options.prp.against if i.rule == rule_id]
        if named and summary.leaning != "doctor_first":
            assert len(lines) == len(named), (rule_id, named)


def test_v3_the_issue_s_man_on_a_biologic_does_not_get_prp(answers_with):
    summary = assess(answers_with(
        **TRIED_MINOXIDIL, steroids_immunosuppressants=["immunosuppressant_or_biologic"],
        other_conditions=["diabetes_not_well_controlled",
                          "heart_condition_or_low_blood_pressure", "keloid_scars"]))
    assert summary.leaning == "open"
    assert len([i for i in summary.options.prp.against if i.severity == "caution"]) == 4


# (v3 b) a fair try per treatment -------------------------------------------------

@st.composite
def tried_answer_sets(draw) -> dict:
    """Pattern hair loss with a random history of standard medicines and injections."""
    sex = draw(st.sampled_from(["male", "female"]))
    overrides: dict = {"sex_at_birth": sex}
    if sex == "female":
        overrides["periods"] = draw(st.sampled_from(["regular", "stopped_menopause"]))
        overrides["age_band"] = "50_64" if overrides["periods"] == "stopped_menopause" else "35_49"
    tried = draw(st.lists(st.sampled_from([*STANDARD, "prp", "mesotherapy", "supplements"]),
                          max_size=4, unique=True))
    overrides["treatments_tried"] = tried or ["none"]
    for treatment in tried:
        if treatment != "supplements":
            overrides[f"result_{treatment}"] = draw(st.sampled_from(RESULTS))
    allergies = draw(st.lists(st.sampled_from(["minoxidil", "finasteride_or_dutasteride"]),
                              max_size=2, unique=True))
    overrides["allergies"] = allergies or ["none_known"]
    if draw(st.booleans()):
        overrides["priorities"] = ["avoid_hormonal_medicines"]
    return build_answer_dict(**overrides)


def _fair_try_or_nothing_left(plain: dict) -> tuple[bool, bool]:
    """Worked out here from the answers, not with the engine's code (rules.md v3 step 4)."""
    result = {t: plain.get(f"result_{t}") for t in STANDARD}
    if "helped" in result.values():
        return False, False
    fair_try = "no_change_after_6_months" in result.values()
    allergies = plain.get("allergies", [])
    minoxidil_out = "minoxidil" in allergies or (
        result["minoxidil_topical"] == result["minoxidil_oral"] == "stopped_side_effects")
    group = (plain["sex_at_birth"] == "male" or plain.get("periods") == "stopped_menopause"
             or plain.get("testosterone_purpose") == "gender_affirming")
    five_ari_out = ("finasteride_or_dutasteride" in allergies
                    or "stopped_side_effects" in (result["finasteride"],
                                                  result["dutasteride_oral"])
                    or "avoid_hormonal_medicines" in plain.get("priorities", []))
    return fair_try, minoxidil_out and (five_ari_out or not group)


@settings(max_examples=300, deadline=None)
@given(tried_answer_sets())
def test_v3_no_injection_leaning_without_a_fair_try_or_nothing_left(data):
    summary = assess(IntakeAnswers.model_validate(data))
    fair_try, nothing_left = _fair_try_or_nothing_left(data)
    if summary.leaning in {"prp", "mesotherapy"}:
        assert fair_try or nothing_left, data
        if fair_try:
            assert summary.headline.startswith("A standard medicine has had a fair try")
        else:
            assert summary.headline.startswith("The usual medicines do not suit you")
            assert "fair try" not in summary.headline
    if summary.leaning not in {"doctor_first", "neither_for_now", "open"}:
        # With the pattern fit, the step 4 route alone decides standard first.
        assert (summary.leaning in {"standard_first", "combination"}) == (
            not (fair_try or nothing_left)), data


def test_v3_the_issue_s_man_allergic_to_minoxidil_is_told_what_is_left(answers_with):
    summary = assess(answers_with(allergies=["minoxidil"], treatments_tried=["minoxidil_topical"],
                                  result_minoxidil_topical="stopped_side_effects"))
    assert summary.leaning == "standard_first"
    assert "fair try" not in summary.headline
    assert any("Finasteride has not had a try" in i.text for i in summary.also_discuss)


# (v3 c) no answer read too narrowly ----------------------------------------------

PATTERNS = {
    "temples": {"pattern": ["receding_temples"], "norwood_stage": "norwood_3"},
    "crown": {"pattern": ["crown_thinning"], "norwood_stage": "norwood_3v"},
    "parting": {"pattern": ["widening_part"], "ludwig_stage": "ludwig_1"},
    "all_over": {"pattern": ["diffuse_thinning"], "ludwig_stage": "ludwig_2"},
    "shedding": {"pattern": ["diffuse_shedding"]},
}
NOT_MALE = ("female", "intersex", "prefer_not_to_say")
HORMONES = {"none": {"hormone_medicines": ["none"]}, "hrt": {"hormone_medicines": ["hrt"]},
            "other": {"hormone_medicines": ["other_hormone"]}}


def _fires(summary: Summary, rule_id: str, place: str | None = None) -> bool:
    items = summary.red_flags if place == "red_flags" else summary.all_items()
    return any(item.rule == rule_id for item in items)


# Each answer that matters whatever the pattern, sex, periods or hormone answer, with
# every combination it must fire in: (name, overrides, contexts, rule, red flag?).
NARROW_READING_TABLE = [
    ("periods stopped for another reason",
     {"periods": "stopped_other_reason"},
     [{"sex_at_birth": sex, **pattern, **hormone} for sex in NOT_MALE
      for pattern in PATTERNS.values() for hormone in HORMONES.values()],
     "R5", True),
    ("temples before the menopause, whatever the periods answer",
     {"pattern": ["receding_temples"], "norwood_stage": "norwood_2"},
     [{"sex_at_birth": sex, "periods": periods} for sex in NOT_MALE
      for periods in ("regular", "irregular", "stopped_other_reason", "not_applicable")],
     "R5", True),
    ("anaemia",
     {"bleeding_disorder": ["anaemia"]},
     [{"sex_at_birth": sex, **pattern} for sex in ("male", *NOT_MALE)
      for pattern in PATTERNS.values()],
     "R7b", False),
    ("low iron or heavy periods",
     {"triggers_recent": ["low_iron_or_heavy_periods"]},
     [{"sex_at_birth": sex, **pattern} for sex in ("male", *NOT_MALE)
      for pattern in PATTERNS.values()],
     "R16b", False),
    ("a thyroid problem",
     {"triggers_recent": ["thyroid_problem"]},
     [{"sex_at_birth": sex, **pattern} for sex in ("male", *NOT_MALE)
      for pattern in PATTERNS.values()],
     "R16b", False),
    ("a deeper voice on low-dose testosterone",
     {"hormone_medicines": ["testosterone"], "testosterone_purpose": "low_dose_for_symptoms",
      "androgen_signs": ["deeper_voice_or_other_body_changes"]},
     [{"sex_at_birth": sex, "periods": periods, **pattern} for sex in NOT_MALE
      for periods in ("regular", "stopped_menopause", "not_applicable")
      for pattern in PATTERNS.values()],
     "R5", True),
    ("testosterone: either pattern set fits",
     {"hormone_medicines": ["testosterone"], "testosterone_purpose": "gender_affirming",
      "periods": "not_applicable"},
     [{"sex_at_birth": sex, **pattern} for sex in ("female", "intersex")
      for pattern in (PATTERNS["temples"], PATTERNS["crown"], PATTERNS["parting"])],
     "R15", False),
    ("the chance of pregnancy (contraception), whatever the periods or hormone answer",
     {"age_band": "25_34"},
     [{"sex_at_birth": sex, "periods": periods, **hormone} for sex in NOT_MALE
      for periods in ("regular", "irregular", "stopped_other_reason", "not_applicable")
      for hormone in ({"hormone_medicines": ["none"]},
                      {"hormone_medicines": ["testosterone"],
                       "testosterone_purpose": "gender_affirming"})],
     "R20", False),
]


@pytest.mark.parametrize(("name", "answer", "contexts", "rule_id", "red_flag"),
                         NARROW_READING_TABLE, ids=[row[0] for row in NARROW_READING_TABLE])
def test_v3_no_answer_is_read_too_narrowly(name, answer, contexts, rule_id, red_flag):
    missed = []
    for context in contexts:
        data = build_answer_dict(**{**context, **answer})
        summary = assess(IntakeAnswers.model_validate(data))
        if not _fires(summary, rule_id, "red_flags" if red_flag else None):
            missed.append(context)
    assert not missed, f"{name}: {rule_id} silent in {missed}"


# (v3 d) words that fit each option, age and sex -----------------------------------

ADULT_MEDICINE_HARMS = re.compile(
    r"suicide|sexual side effects|swollen ankles|sperm|PSA|breasts", re.IGNORECASE)


def test_v3_no_mesotherapy_line_speaks_of_a_blood_draw():
    for each in RULES:
        for key, says in each.says.items():
            if says.option == "mesotherapy":
                assert not re.search(r"blood (draw|test|taken)", says.text), (each.id, key)


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_v3_words_fit_the_option_age_and_sex(data):
    summary = assess(IntakeAnswers.model_validate(data))
    for item in summary.options.mesotherapy.for_ + summary.options.mesotherapy.against:
        assert "blood draw" not in item.text, item
    texts = " ".join(item.text for item in summary.all_items())
    if data["age_band"] == "under_18":
        assert not ADULT_MEDICINE_HARMS.search(texts), data
    if data["sex_at_birth"] != "male":
        assert "minoxidil and finasteride have the strongest proof" not in texts
        assert "PSA" not in texts


# (v3 e) balanced values ---------------------------------------------------------

# Priorities whose fact is one option's alone (every other priority has a sentence true
# of both). A new one-sided sentence must be added here on purpose.
ONE_OPTION_PRIORITIES = {
    "own_body": "prp", "avoid_added_substances": "prp", "low_allergy_risk": "prp",
    "no_blood_draw": "mesotherapy",
}


def _priority_sentences() -> dict[str, set[str]]:
    """priority -> the places of the sentences written for it (R28, R29, R30)."""
    found: dict[str, set[str]] = {}
    for each in RULES:
        if "priorities" not in each.reads:
            continue
        for key, says in each.says.items():
            for priority in QUESTIONS["priorities"].values:
                if key == priority or (each.id == "R29" and priority == "strongest_evidence"):
                    found.setdefault(priority, set()).add(says.place)
    return found


def test_v3_every_priority_has_a_sentence_and_both_options_have_one():
    sentences = _priority_sentences()
    assert set(sentences) == set(QUESTIONS["priorities"].values)
    one_sided = {
        priority: place.split("_")[0] for priority, places in sentences.items()
        for place in places if place.endswith("_for") and priority != "strongest_evidence"
    }
    assert one_sided == ONE_OPTION_PRIORITIES
    assert "mesotherapy" in one_sided.values() and "prp" in one_sided.values()


@PROPERTY_SETTINGS
@given(valid_answer_sets(), PRIORITY_SETS)
def test_v3_fits_lines_follow_the_priorities_chosen_only(data, priorities):
    data = {**data, "priorities": priorities} if priorities else data
    summary = assess(IntakeAnswers.model_validate(data))
    chosen = set(data.get("priorities", []))
    for option in ("prp", "mesotherapy"):
        fits = [i for i in getattr(summary.options, option).for_ if i.text.startswith("Fits")]
        assert len(fits) <= len(
            {p for p, o in ONE_OPTION_PRIORITIES.items() if o == option} & chosen)


# (v3 f) the mesotherapy leaning is reachable by a plain clinical route -------------

def test_v3_mesotherapy_after_a_fair_try_when_prp_carries_more_caution_lines(answers_with):
    """A man after a fair try of minoxidil who smokes and took steroid tablets lately:
    PRP 2 points - 2 caution lines = 0; mesotherapy 1 (R15m, a dutasteride mixture could
    suit) - 0 = 1. docs/examples/mesotherapy-after-fair-try.json is the same route."""
    summary = assess(answers_with(**TRIED_MINOXIDIL, smoking="yes",
                                  steroids_immunosuppressants=["steroid_tablets_last_2_weeks"]))
    assert summary.leaning == "mesotherapy"
    assert summary.headline.startswith("A standard medicine has had a fair try")
    assert standing_from_summary(summary, "prp") == 0
    assert standing_from_summary(summary, "mesotherapy") == 1


def test_v3_declining_hormones_never_adds_a_point_to_mesotherapy(answers_with):
    for declined in ({"priorities": ["avoid_hormonal_medicines"]},
                     {"treatments_tried": ["finasteride", "minoxidil_topical"],
                      "result_finasteride": "stopped_side_effects",
                      "result_minoxidil_topical": "no_change_after_6_months"}):
        summary = assess(answers_with(**_merged(TRIED_MINOXIDIL, declined)))
        assert not [i for i in summary.options.mesotherapy.for_ if i.rule == "R15m"]
        assert summary.leaning != "mesotherapy"


def test_v3_the_red_flag_rules_run_before_the_rules_that_read_them():
    order = [each.id for each in RULES]
    assert order[0] == "R0"
    assert order.index("R6d") < order.index("R15") < order.index("R32")


# ===========================================================================
# Ruleset 2027.01.2: after a dermatologist's probe (twenty answer sets built to trip it)
# ===========================================================================

R0 = next(each for each in RULES if each.id == "R0")
LEFT_TO_TRY = {says.text for key, says in R0.says.items() if key.startswith("left_")}
CAUSE_OPEN_HOLDS = {
    (each.id, says.text) for each in RULES for says in each.says.values() if says.cause_open
}
RED_FLAG_ANSWERS = [
    {"scalp_conditions": ["scalp_infection"]},
    {"shedding_amount": "handfuls_or_clumps"},
    {"pattern": ["receding_temples", "broken_hairs"]},
    {"bleeding_disorder": ["bruise_or_bleed_easily_undiagnosed"]},
]
CAUSE_OPEN_HOLD_ANSWERS = [
    {"other_conditions": ["autoimmune_disease"]},
    {"past_injection_types": ["steroid_injections"], "past_injection_reaction": "no_problems"},
    {"scalp_conditions": ["diagnosed_alopecia_areata"]},
]
# Where a line of what is left to try is written when nothing else is in the way.
LEFT_TO_TRY_ROUTES = [
    {},  # a man who has tried nothing: finasteride is left
    {"treatments_tried": ["minoxidil_topical"],
     "result_minoxidil_topical": "stopped_side_effects"},  # the other form is left
    {"sex_at_birth": "female"},  # other medicines a doctor may suggest
]


def _is_cause_open(summary: Summary) -> bool:
    return summary.leaning == "doctor_first" or any(
        (item.rule, item.text) in CAUSE_OPEN_HOLDS for item in summary.all_items())


def test_2027_01_2_the_routes_below_do_write_what_is_left_to_try(answers_with):
    for route in LEFT_TO_TRY_ROUTES:
        texts = {item.text for item in assess(answers_with(**route)).also_discuss}
        assert texts & LEFT_TO_TRY, route


@pytest.mark.parametrize("route", LEFT_TO_TRY_ROUTES)
@pytest.mark.parametrize("cause_open", RED_FLAG_ANSWERS + CAUSE_OPEN_HOLD_ANSWERS)
def test_2027_01_2_no_medicine_lead_while_the_cause_is_open(answers_with, route, cause_open):
    """X1: R15 needs "no warning sign", and a hold asks for the cause first (principle
    10): beside either, no line suggests what medicine to try next."""
    summary = assess(answers_with(**_merged(route, cause_open)))
    assert _is_cause_open(summary)
    assert not {item.text for item in summary.all_items()} & LEFT_TO_TRY


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_2027_01_2_no_medicine_lead_while_the_cause_is_open_any_answers(data):
    summary = assess(IntakeAnswers.model_validate(data))
    if _is_cause_open(summary):
        assert not {item.text for item in summary.all_items()} & LEFT_TO_TRY


# Ruled out for the person -> never named as a medicine to use or ask about (R28, R29,
# R0's what is left). "Finasteride ... act on hormones" names it as one to avoid: only
# the sentence that says what fits or what to ask about is checked.
RULED_OUT = {
    "minoxidil": [
        {"allergies": ["minoxidil"]},
        {"treatments_tried": ["minoxidil_topical", "minoxidil_oral"],
         "result_minoxidil_topical": "stopped_side_effects",
         "result_minoxidil_oral": "stopped_side_effects"},
    ],
    "finasteride|dutasteride": [
        {"priorities": ["avoid_hormonal_medicines"]},
        {"allergies": ["finasteride_or_dutasteride"]},
        {"treatments_tried": ["finasteride"], "result_finasteride": "stopped_side_effects"},
        {"treatments_tried": ["dutasteride_oral"],
         "result_dutasteride_oral": "stopped_side_effects"},
    ],
}
OFFERING_LINES = {"R28", "R29"}


def _offered(summary: Summary) -> list[str]:
    """The sentences that name medicines to use or to ask about."""
    offered = [item.text.split(". ")[0] for item in summary.all_items()
               if item.rule in OFFERING_LINES and item.text.startswith("Fits")]
    return offered + [item.text for item in summary.all_items() if item.text in LEFT_TO_TRY]


@PROPERTY_SETTINGS
@given(
    st.sampled_from(sorted(RULED_OUT)),
    st.data(),
    st.sampled_from(["male", "female", "intersex"]),
    st.sampled_from([[], ["avoid_hormonal_medicines"], ["strongest_evidence"]]),
    st.sampled_from([{}, TRIED_MINOXIDIL]),
)
def test_2027_01_2_no_medicine_ruled_out_for_the_person_is_offered(
        medicine, data, sex, priorities, route):
    ruled_out = data.draw(st.sampled_from(RULED_OUT[medicine]))
    for other in RULED_OUT:  # sometimes both kinds are ruled out
        if other != medicine and data.draw(st.booleans()):
            ruled_out = _merged(ruled_out, data.draw(st.sampled_from(RULED_OUT[other])))
    wishes = {"priorities": ["avoid_hormonal_medicines", "strongest_evidence"]}
    overrides = _merged({"sex_at_birth": sex}, wishes if not priorities else
                        {"priorities": priorities}, route, ruled_out)
    summary = assess(IntakeAnswers.model_validate(build_answer_dict(**overrides)))
    names = "|".join(m for m, sets in RULED_OUT.items()
                     if any(_ruled_out_in(s, overrides) for s in sets))
    for sentence in _offered(summary):
        assert not re.search(names, sentence, re.IGNORECASE), (sentence, overrides)


def _ruled_out_in(ruled_out: dict, overrides: dict) -> bool:
    """Whether ``overrides`` holds every answer of one way a medicine is ruled out."""
    for key, value in ruled_out.items():
        given_ = overrides.get(key)
        if isinstance(value, list):
            if not set(value) <= set(given_ or []):
                return False
        elif given_ != value:
            return False
    return True


def test_2027_01_2_the_probe_s_declining_man_is_not_offered_finasteride(answers_with):
    """Probe sets 09 and 16: R29 and R28 as a clinician would sign them."""
    declines = answers_with(**TRIED_MINOXIDIL,
                            priorities=["avoid_hormonal_medicines", "strongest_evidence"])
    texts = [i.text for i in assess(declines).also_discuss if i.rule == "R29"]
    assert texts == ["Fits what matters to you: minoxidil has the strongest proof of all."]
    allergic = answers_with(allergies=["minoxidil"], priorities=["avoid_hormonal_medicines"])
    texts = [i.text for i in assess(allergic).also_discuss if i.rule == "R28"]
    assert texts and not any("minoxidil" in t for t in texts)


# X3: a hold says why, first (principle 10) -------------------------------------------

HOLD_TEXTS = {says.text: says for each in RULES for says in each.says.values() if says.holds}
HOLDS_AFTER_A_FAIR_TRY = {
    "R13b": {"other_conditions": ["autoimmune_disease"]},
    "R22b": {"past_injection_types": ["steroid_injections"],
             "past_injection_reaction": "no_problems"},
    "R22": {"scalp_conditions": ["diagnosed_alopecia_areata"]},
    "R17": {"pattern": ["diffuse_shedding"], "duration": "1_5_years"},
    "R18": {"norwood_stage": "norwood_5"},
}


def test_2027_01_2_every_hold_has_its_own_headline():
    assert HOLD_TEXTS
    for text, says in HOLD_TEXTS.items():
        assert says.headline and says.headline != HEADLINES["open"], text


@pytest.mark.parametrize("rule_id", sorted(HOLDS_AFTER_A_FAIR_TRY))
def test_2027_01_2_a_hold_s_headline_names_its_reason(answers_with, rule_id):
    summary = assess(answers_with(**_merged(TRIED_MINOXIDIL, HOLDS_AFTER_A_FAIR_TRY[rule_id])))
    holds = [item for item in summary.all_items() if item.text in HOLD_TEXTS]
    assert summary.leaning == "open"
    assert [item.rule for item in holds] == [rule_id]
    assert summary.headline == HOLD_TEXTS[holds[0].text].headline
    assert "do not favour one choice" not in summary.headline


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_2027_01_2_an_open_leaning_with_a_hold_never_reads_as_equipoise(data):
    summary = assess(IntakeAnswers.model_validate(data))
    holds = [item for item in summary.all_items() if item.text in HOLD_TEXTS]
    if summary.leaning == "open" and holds:
        assert summary.headline.startswith(HOLD_TEXTS[holds[0].text].headline)


# 09: R18's Norwood 5 hold is worded per step-4 route ------------------------------

@PROPERTY_SETTINGS
@given(tried_answer_sets())
def test_2027_01_2_the_norwood_5_hold_speaks_of_a_fair_try_only_after_one(data):
    assume(data["sex_at_birth"] == "male")
    data = build_answer_dict(**{**data, "norwood_stage": "norwood_5"})
    summary = assess(IntakeAnswers.model_validate(data))
    fair_try, nothing_left = _fair_try_or_nothing_left(data)
    holds = [i.text for i in summary.expectations if i.rule == "R18" and i.text in HOLD_TEXTS]
    assert bool(holds) == (fair_try or nothing_left) or summary.leaning == "doctor_first"
    tried = set(data["treatments_tried"]) & set(STANDARD)
    for text in holds:
        assert ("fair try" in text) == fair_try, (text, data)
        assert ("you tried" in text) == (not fair_try and bool(tried)), (text, data)


# X4, J1: R0 in words for the person; step 4's other medicines for women ------------

WORDS_FOR_MEN_ONLY = re.compile(r"sperm|PSA|prostate|(tablet|spray) for men", re.IGNORECASE)
NOT_MALE_IN_THE_5ARI_GROUP = st.sampled_from([
    {"sex_at_birth": "female", "periods": "stopped_menopause", "age_band": "50_64"},
    {"sex_at_birth": "female", "hormone_medicines": ["testosterone"],
     "testosterone_purpose": "gender_affirming"},
    {"sex_at_birth": "intersex", "hormone_medicines": ["testosterone"],
     "testosterone_purpose": "gender_affirming"},
])


@PROPERTY_SETTINGS
@given(valid_answer_sets())
def test_2027_01_2_no_words_for_men_only_to_anyone_not_male_at_birth(data):
    assume(data["sex_at_birth"] != "male")
    texts = " ".join(item.text for item in assess(IntakeAnswers.model_validate(data)).all_items())
    assert not WORDS_FOR_MEN_ONLY.search(texts), data


@PROPERTY_SETTINGS
@given(NOT_MALE_IN_THE_5ARI_GROUP, st.sampled_from([{}, TRIED_MINOXIDIL]))
def test_2027_01_2_the_5ari_group_not_male_gets_the_harms_in_words_for_them(who, route):
    summary = assess(IntakeAnswers.model_validate(build_answer_dict(**who, **route)))
    texts = " ".join(item.text for item in summary.all_items())
    assert "Its pack warns of low mood" in texts and "pregnant" in texts
    assert not WORDS_FOR_MEN_ONLY.search(texts)


@PROPERTY_SETTINGS
@given(tried_answer_sets(), st.sampled_from([[], ["testosterone"]]))
def test_2027_01_2_women_on_standard_first_are_told_of_other_medicines(data, hormones):
    assume(data["sex_at_birth"] == "female")
    data = build_answer_dict(**{**data, "hormone_medicines": hormones or ["none"],
                                **({"testosterone_purpose": "prefer_not_to_say"}
                                   if hormones else {})})
    summary = assess(IntakeAnswers.model_validate(data))
    others = [i.text for i in summary.also_discuss
              if i.text.startswith("A doctor may suggest other medicines")]
    if summary.leaning == "standard_first" and "helped" not in data.values():
        assert len(others) == 1, data  # not when a medicine helps: it is the plan
    for text in others:
        # J1: nothing that works against testosterone taken for a reason not known.
        assert ("spironolactone" in text) == (not hormones), text


# X2: R25 names the medicine that had the fair try ---------------------------------

MEDICINE_WORDS = {"minoxidil_topical": "Minoxidil lotion or foam",
                  "minoxidil_oral": "Minoxidil tablets", "finasteride": "Finasteride",
                  "dutasteride_oral": "Dutasteride", "antiandrogen_other": "hormone-blocking"}


@settings(max_examples=300, deadline=None)
@given(tried_answer_sets())
def test_2027_01_2_r25_names_the_medicine_that_had_a_fair_try(data):
    summary = assess(IntakeAnswers.model_validate(data))
    for item in summary.options.prp.for_:
        if item.rule != "R25":
            continue
        no_change = [b.answer for b in item.because if b.question == "treatments_tried"]
        assert no_change and all(
            data[f"result_{m}"] == "no_change_after_6_months" for m in no_change)
        if len(no_change) == 1:
            assert MEDICINE_WORDS[no_change[0]] in item.text.split(".")[0], item.text
        else:
            assert "see Why?" in item.text


# M1: R12's headline names the reason that applies; "Why?" lists only what made it fire

R12_REASONS = {"pregnant": "You are pregnant.", "trying_to_conceive": "You are trying for a baby.",
               "breastfeeding": "You are breastfeeding."}


@pytest.mark.parametrize("pregnancy", QUESTIONS["pregnancy"].values)
@pytest.mark.parametrize("breastfeeding", QUESTIONS["breastfeeding_now"].values)
def test_2027_01_2_r12_names_the_one_reason_and_only_its_answers(
        answers_with, pregnancy, breastfeeding):
    summary = assess(answers_with(sex_at_birth="female", pregnancy=pregnancy,
                                  breastfeeding_now=breastfeeding))
    lines = [i for i in summary.all_items() if i.rule == "R12"]
    reason = pregnancy if pregnancy in {"pregnant", "trying_to_conceive"} else (
        "breastfeeding" if breastfeeding == "yes" else None)
    assert bool(lines) == bool(reason)
    if reason:
        assert summary.headline.startswith(R12_REASONS[reason])
        for other in set(R12_REASONS.values()) - {R12_REASONS[reason]}:
            assert other not in summary.headline
    fired_by = {("pregnancy", reason), ("breastfeeding_now", "yes")}
    for line in lines:
        assert {(b.question, b.answer) for b in line.because} <= fired_by, line


# J2: the temples flag fits everyone it fires for -----------------------------------

@pytest.mark.parametrize("periods", QUESTIONS["periods"].values)
def test_2027_01_2_the_temples_flag_assumes_no_menopause_status(answers_with, periods):
    summary = assess(answers_with(sex_at_birth="female", periods=periods,
                                  pattern=["receding_temples"]))
    for item in summary.red_flags:
        assert "menopause" not in item.text or periods == "stopped_other_reason", item.text
