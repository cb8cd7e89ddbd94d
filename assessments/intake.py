"""The intake questionnaire: its vocabulary, wording, order and validation.

This module is the single source of truth for the questions hairtx asks. The keys and
answer values are a public contract (see the design note "intake.md"): stored
assessments, JSON exports and the ``assess`` command all use them, so they never change
without a new ``SCHEMA_VERSION``. Wording, help text and order within a step may be
improved freely.

Every fact about the questionnaire is written here once, and only here:

* plain data (``STEPS``, ``QUESTIONS``, ``STEP_OF``: which page asks a key) that the
  Django forms, the review page, the PDF and exports share;
* the "only if" conditions, as data (``Condition.rules``): Python evaluates them
  (``Question.applies``), the step page hands them to questionnaire.js for the live
  reveal, and the FHIR Questionnaire turns them into ``enableWhen``;
* what "answered" means (``is_answered``) and every validation message, one wording
  per rule (``exclusive_message``, ``too_many_message``, ...), which the step forms'
  validators get from here (``Question.choice_problem``, ``text_problem``);
* ``IntakeAnswers``, the pydantic model that validates one complete answer set with the
  same conditions and messages, so a question is "asked" in exactly one way.

Validation errors are written for patients: every message is a plain sentence tied to
the question's key (``error["loc"][0]``). ``field_errors`` turns a ``ValidationError``
into ``{key: [message, ...]}`` for the review page, FHIR and the command line.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

SCHEMA_VERSION = "3"
"""Version of the answer vocabulary (keys and values). Bump on any key or value change."""

NON_FIELD_ERRORS = "__all__"

# ---------------------------------------------------------------------------
# The vocabulary: one Literal per question, values exactly as in intake.md.
# ---------------------------------------------------------------------------

SexAtBirth = Literal["female", "male", "intersex", "prefer_not_to_say"]
AgeBand = Literal["under_18", "18_24", "25_34", "35_49", "50_64", "65_plus"]
Periods = Literal[
    "regular", "irregular", "stopped_menopause", "stopped_other_reason", "not_applicable"
]
Pregnancy = Literal["not_pregnant", "pregnant", "trying_to_conceive", "gave_birth_last_12_months"]
FamilyPlans = Literal["trying_for_baby_or_soon", "no", "not_sure"]
Pattern = Literal[
    "receding_temples", "crown_thinning", "widening_part", "diffuse_thinning",
    "diffuse_shedding", "patchy_bald_spots", "hairline_band_front_or_sides",
    "where_hair_is_pulled", "broken_hairs", "other", "not_sure",
]
NorwoodStage = Literal[
    "norwood_1", "norwood_2", "norwood_3", "norwood_3v", "norwood_4", "norwood_5",
    "norwood_6", "norwood_7", "not_sure",
]
LudwigStage = Literal["ludwig_1", "ludwig_2", "ludwig_3", "not_sure"]
Duration = Literal["lt_3_months", "3_6_months", "6_12_months", "1_5_years", "gt_5_years"]
OnsetSpeed = Literal["sudden_days_weeks", "over_months", "slowly_over_years", "not_sure"]
SheddingAmount = Literal["normal", "more_than_usual", "handfuls_or_clumps"]
TriggerRecent = Literal[
    "none", "major_stress", "gave_birth", "high_fever_or_severe_illness", "surgery",
    "rapid_weight_loss_or_crash_diet", "low_iron_or_heavy_periods", "thyroid_problem",
    "new_or_stopped_medicine", "tight_hairstyles_or_extensions", "harsh_chemicals_or_heat",
]
YesNoNotSure = Literal["yes", "no", "not_sure"]
YesNo = Literal["yes", "no"]
ScalpSymptom = Literal[
    "none", "mild_dandruff_only", "itching", "burning_or_pain", "redness",
    "scaling_or_flaking", "pustules_or_crusts", "shiny_smooth_areas", "tender_lumps",
]
OtherHairLoss = Literal["none", "eyebrows", "eyelashes", "beard", "body"]
AndrogenSign = Literal[
    "none", "irregular_or_absent_periods", "new_facial_or_body_hair",
    "new_or_severe_adult_acne", "deeper_voice_or_other_body_changes",
]
GeneralSymptom = Literal[
    "none", "unexplained_weight_loss", "fever_or_night_sweats", "marked_tiredness",
    "always_cold_or_hot_or_racing_heart", "joint_pain_or_facial_rash",
]
Allergy = Literal[
    "none_known", "local_anaesthetic", "vitamins_or_supplement_injections", "minoxidil",
    "finasteride_or_dutasteride", "hyaluronic_acid_or_fillers", "antiseptics", "latex", "other",
]
PastInjectionType = Literal[
    "none", "prp", "mesotherapy", "fillers", "steroid_injections", "botulinum_toxin", "other"
]
PastInjectionReaction = Literal[
    "no_problems", "rash_or_swelling", "infection_or_lumps", "hair_loss_at_injection_sites",
    "severe_reaction",
]
BleedingDisorder = Literal[
    "none", "low_platelets", "platelet_function_disorder", "haemophilia_or_von_willebrand",
    "anaemia", "bruise_or_bleed_easily_undiagnosed", "not_sure",
]
BloodThinner = Literal[
    "none", "warfarin_or_similar", "doac", "heparin_injections", "antiplatelet",
    "aspirin_prescribed", "aspirin_or_nsaid_self_bought_regularly",
    "fish_oil_vitamin_e_ginkgo_garlic",
]
SteroidOrImmunosuppressant = Literal[
    "none", "steroid_tablets_last_2_weeks", "steroid_injection_in_scalp_last_month",
    "immunosuppressant_or_biologic",
]
ScalpCondition = Literal[
    "none", "scalp_infection", "cold_sores_or_shingles_now", "psoriasis_flare",
    "dermatitis_or_eczema_flare", "open_wounds_or_sores", "diagnosed_scarring_alopecia",
    "diagnosed_alopecia_areata",
]
Cancer = Literal[
    "never", "active_or_under_treatment", "blood_or_bone_marrow_cancer_ever",
    "other_cancer_finished_treatment",
]
OtherCondition = Literal[
    "none", "diabetes_not_well_controlled", "autoimmune_disease", "liver_or_kidney_disease",
    "heart_condition_or_low_blood_pressure", "keloid_scars",
]
Smoking = Literal["yes", "no", "stopped"]
NeedleComfort = Literal["fine", "nervous_but_ok", "very_anxious", "have_fainted_before"]
VisitAvailability = Literal["weekly_possible", "every_2_4_weeks", "every_few_months", "not_sure"]
TreatmentTried = Literal[
    "none", "minoxidil_topical", "minoxidil_oral", "finasteride", "dutasteride_oral",
    "antiandrogen_other", "prp", "mesotherapy", "microneedling", "laser_device",
    "supplements", "hair_transplant", "special_shampoos",
]
TreatmentResult = Literal[
    "helped", "no_change_after_6_months", "stopped_side_effects", "used_less_than_6_months",
    "still_using_too_early",
]
# The treatments tried that get their own result question (intake schema 3): the
# standard medicines and the two injections.
TREATMENTS_WITH_RESULT: tuple[str, ...] = (
    "minoxidil_topical", "minoxidil_oral", "finasteride", "dutasteride_oral",
    "antiandrogen_other", "prp", "mesotherapy",
)
Goal = Literal["stop_it_getting_worse", "regrow_some_hair", "thicker_hair", "not_sure"]
Priority = Literal[
    "own_body", "avoid_added_substances", "low_allergy_risk", "strongest_evidence",
    "fewer_visits", "low_cost", "fewer_needles", "no_daily_routine",
    "avoid_hormonal_medicines", "fast_change", "maximum_effect", "no_blood_draw",
]
DecisionStage = Literal["not_thought_yet", "considering", "close_to_choosing", "already_chosen"]
HormoneMedicine = Literal[
    "none", "contraceptive_pill_patch_or_implant", "hrt", "testosterone",
    "anti_androgen_or_spironolactone", "other_hormone", "not_sure",
]
TestosteronePurpose = Literal["gender_affirming", "low_dose_for_symptoms", "prefer_not_to_say"]
DecisionRole = Literal[
    "decide_myself", "share_with_doctor", "doctor_decides", "with_family_or_partner"
]

MAX_PRIORITIES = 3
MAX_ALLERGY_DETAILS_LENGTH = 200


# ---------------------------------------------------------------------------
# Questions as plain data
# ---------------------------------------------------------------------------


def selected_values(answers: Mapping[str, object], key: str) -> frozenset[str]:
    """The values chosen for ``key``, whatever shape the raw answer has.

    Conditions are evaluated on raw, possibly invalid input (forms, JSON), so anything
    that is not a string or a list of strings counts as "nothing chosen".
    """
    value = answers.get(key)
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, (list, tuple)):
        return frozenset(item for item in value if isinstance(item, str))
    return frozenset()


def is_answered(value: object) -> bool:
    """Whether an answer was given: not missing, not blank text, not an empty list.

    The one meaning of "answered" for the step pages, the review page, the summary's
    answers and validation.
    """
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return bool(value)
    return value is not None


RuleMode = Literal["any_of", "none_of"]
Rule = tuple[str, RuleMode, tuple[str, ...]]
"""(key, mode, values): "any_of" holds when some chosen value of ``key`` is in
``values``, "none_of" when no chosen value is."""


def rule_holds(rule: Rule, answers: Mapping[str, object]) -> bool:
    key, mode, values = rule
    chosen_listed = bool(selected_values(answers, key) & set(values))
    return chosen_listed if mode == "any_of" else not chosen_listed


def rule_decided_and_holds(rule: Rule, answers: Mapping[str, object]) -> bool:
    """The rule's question is answered and the rule holds: what questionnaire.js
    evaluates for each rule on the page (it waits for the answer a rule reads)."""
    return bool(selected_values(answers, rule[0])) and rule_holds(rule, answers)


@dataclass(frozen=True)
class Condition:
    """An "only if" rule of intake.md, as data: rules that must all hold.

    The data is the condition: the server evaluates it here (``holds``), the step page
    sends it to questionnaire.js for the live reveal (``data-reveal-when``, the same
    rules, the same meaning) and the FHIR Questionnaire turns it into ``enableWhen``.
    """

    rules: tuple[Rule, ...]
    description: str  # in words, for the JSON Schema and messages

    @property
    def reads(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(key for key, _, _ in self.rules))

    def holds(self, answers: Mapping[str, object]) -> bool:
        """Whether the question applies. A "none_of" rule holds while its key is
        unanswered: "not male" is true of no answer yet (see ``decided_and_holds``)."""
        return all(rule_holds(rule, answers) for rule in self.rules)

    def decided_and_holds(self, answers: Mapping[str, object]) -> bool:
        """Whether the question is shown now: every answer it reads is given and it
        holds (questionnaire.js evaluates the same on the page)."""
        return all(rule_decided_and_holds(rule, answers) for rule in self.rules)


def _not_male() -> Condition:
    return Condition(rules=(("sex_at_birth", "none_of", ("male",)),),
                     description="sex_at_birth is not male")


def _has_any(key: str, *values: str) -> Condition:
    return Condition(rules=((key, "any_of", values),),
                     description=f"{key} has {' or '.join(values)}")


def _is_male() -> Condition:
    return Condition(rules=(("sex_at_birth", "any_of", ("male",)),),
                     description="sex_at_birth is male")


def _all_of(*conditions: Condition) -> Condition:
    return Condition(
        rules=tuple(rule for condition in conditions for rule in condition.rules),
        description=" and ".join(condition.description for condition in conditions),
    )


def _answered_other_than_none(key: str, vocabulary: Any) -> Condition:
    values = tuple(v for v in get_args(vocabulary) if v != "none")
    return Condition(rules=((key, "any_of", values),),
                     description=f"{key} is answered and is not none")


@dataclass(frozen=True)
class Choice:
    value: str  # the intake value, e.g. "receding_temples"
    label: str  # plain words, e.g. "Receding at the temples"
    help: str = ""  # optional short explanation


@dataclass(frozen=True)
class Question:
    key: str
    kind: Literal["one", "multi", "text"]
    label: str
    help_text: str
    choices: tuple[Choice, ...]
    required: bool
    # What to fix when a required question is left unanswered, in the GOV.UK pattern
    # ("Select how old you are"): shown by the step form, the review page, the FHIR
    # reader and ``assess``.
    error_message: str = ""
    exclusive: str | None = None
    max_choices: int | None = None
    max_length: int | None = None
    only_if: Condition | None = field(default=None, compare=False)

    def applies(self, answers: Mapping[str, object]) -> bool:
        """Whether this question is asked, given the other (plain) answers."""
        return self.only_if is None or self.only_if.holds(answers)

    def label_for(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        # Stored answers of an older schema keep their words.
        if value in RETIRED_VALUE_LABELS.get(self.key, {}):
            return RETIRED_VALUE_LABELS[self.key][value]
        raise KeyError(f"{value!r} is not an answer to {self.key!r}")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def choice_problem(self, chosen: Sequence[str]) -> tuple[str, str] | None:
        """(error type, message) for the first rule these choices break, else None."""
        return multi_choice_problem(
            chosen, exclusive=self.exclusive, max_choices=self.max_choices,
            exclusive_label=self.label_for(self.exclusive) if self.exclusive else "",
        )


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    # Questions of this step that are nearly always "none", asked as one checklist.
    checklist: "Checklist | None" = None

    @cached_property
    def keys(self) -> frozenset[str]:
        """The keys of this step's questions."""
        return frozenset(question.key for question in self.questions)


def _choices(vocabulary: Any, labels: Mapping[str, str | tuple[str, str]]) -> tuple[Choice, ...]:
    """Choices in the vocabulary's order; fails at import if a value lacks a label."""
    values = get_args(vocabulary)
    if set(values) != set(labels):
        raise ValueError(f"labels {sorted(labels)} do not match the vocabulary {sorted(values)}")
    choices = []
    for value in values:
        label = labels[value]
        if isinstance(label, tuple):
            choices.append(Choice(value, label[0], label[1]))
        else:
            choices.append(Choice(value, label))
    return tuple(choices)


_YES_NO = {"yes": "Yes", "no": "No"}

# Page 1, about-you (the pages are STEPS, below) -----------------------------
SEX_AT_BIRTH = Question(
    key="sex_at_birth",
    kind="one",
    label="What sex were you given at birth?",
    help_text="We ask because hormones affect hair loss and some treatment risks.",
    choices=_choices(
        SexAtBirth,
        {"female": "Female", "male": "Male", "intersex": "Intersex",
         "prefer_not_to_say": "Prefer not to say"},
    ),
    required=True,
    error_message="Select the sex you were given at birth, or Prefer not to say",
)
AGE_BAND = Question(
    key="age_band",
    kind="one",
    label="How old are you?",
    help_text="",
    choices=_choices(
        AgeBand,
        {"under_18": "Under 18", "18_24": "18 to 24", "25_34": "25 to 34",
         "35_49": "35 to 49", "50_64": "50 to 64", "65_plus": "65 or older"},
    ),
    required=True,
    error_message="Select how old you are",
)
PERIODS = Question(
    key="periods",
    kind="one",
    label="What are your periods like now?",
    help_text="",
    choices=_choices(
        Periods,
        {"regular": "Regular",
         "irregular": "Irregular",
         "stopped_menopause": "Stopped because of the menopause",
         "stopped_other_reason": (
             "Stopped for another reason",
             "For example a hormone coil, a medicine or an illness.",
         ),
         "not_applicable": "I don't have periods, or this does not apply to me"},
    ),
    required=True,
    error_message="Select what your periods are like now",
    only_if=_not_male(),
)
PREGNANCY = Question(
    key="pregnancy",
    kind="one",
    label="Which of these is true for you now?",
    help_text="",
    choices=_choices(
        Pregnancy,
        {"not_pregnant": "I am not pregnant, and none of the others apply",
         "pregnant": "I am pregnant",
         "trying_to_conceive": "I am trying to get pregnant",
         "gave_birth_last_12_months": "I gave birth in the last 12 months"},
    ),
    required=True,
    error_message="Select which of these is true for you now",
    only_if=_not_male(),
)
BREASTFEEDING_NOW = Question(
    key="breastfeeding_now",
    kind="one",
    label="Are you breastfeeding now?",
    help_text="",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you are breastfeeding now",
    only_if=_not_male(),
)
FAMILY_PLANS = Question(
    key="family_plans",
    kind="one",
    label="Are you trying for a baby with a partner, or planning to soon?",
    help_text="Some hair loss tablets can lower sperm count for a while.",
    choices=_choices(
        FamilyPlans,
        {"trying_for_baby_or_soon": "Yes, now or soon", "no": "No", "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select whether you are trying for a baby, or may soon",
    only_if=_is_male(),
)

# Page 2, your-hair-loss ----------------------------------------------------
PATTERN = Question(
    key="pattern",
    kind="multi",
    label="Where is your hair thinning or falling out? Choose all that apply.",
    help_text="",
    choices=_choices(
        Pattern,
        {"receding_temples": ("Going back at the temples", "The corners of the forehead."),
         "crown_thinning": ("Thinning on the crown", "The top of the back of the head."),
         "widening_part": "A wider parting on top",
         "diffuse_thinning": "Thinner hair all over the top",
         "diffuse_shedding": (
             "Lots of hairs coming out from all over",
             "For example in the brush, the shower or on the pillow.",
         ),
         "patchy_bald_spots": "Round or patchy bald spots",
         "hairline_band_front_or_sides": "A band of hair loss along the front or sides",
         "where_hair_is_pulled": (
             "Where hair is pulled tight",
             "For example by braids, tight ponytails or extensions.",
         ),
         "broken_hairs": "Hairs breaking off",
         "other": "Somewhere else, or in another way",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select where your hair is thinning, or I'm not sure",
)
NORWOOD_STAGE = Question(
    key="norwood_stage",
    kind="one",
    label="Which picture is closest to your hair now?",
    help_text=(
        "Each drawing shows a head from above, face at the top (the Norwood scale)."
    ),
    choices=_choices(
        NorwoodStage,
        {"norwood_1": "Stage 1: little or no change at the hairline",
         "norwood_2": "Stage 2: small dips at the temples",
         "norwood_3": "Stage 3: deep dips at the temples",
         "norwood_3v": "Stage 3 crown: mainly thinning on the crown",
         "norwood_4": "Stage 4: deeper at the front, a thin spot on the crown, hair between them",
         "norwood_5": "Stage 5: bigger areas at the front and crown, with little hair between",
         "norwood_6": "Stage 6: the front and crown areas have joined",
         "norwood_7": "Stage 7: hair only around the sides and back",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select the picture closest to your hair, or I'm not sure",
    only_if=_has_any("pattern", "receding_temples", "crown_thinning"),
)
LUDWIG_STAGE = Question(
    key="ludwig_stage",
    kind="one",
    label="Which picture is closest to the hair on top of your head?",
    help_text=(
        "Each drawing shows a head from above, face at the top (the Ludwig scale)."
    ),
    choices=_choices(
        LudwigStage,
        {"ludwig_1": "Stage 1: some thinning on top, the parting is a little wider",
         "ludwig_2": "Stage 2: clear thinning on top, you can see the scalp",
         "ludwig_3": "Stage 3: very little hair on top, the front hairline is still there",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select the picture closest to your hair, or I'm not sure",
    only_if=_has_any("pattern", "widening_part", "diffuse_thinning"),
)
DURATION = Question(
    key="duration",
    kind="one",
    label="How long have you noticed hair loss?",
    help_text="",
    choices=_choices(
        Duration,
        {"lt_3_months": "Less than 3 months", "3_6_months": "3 to 6 months",
         "6_12_months": "6 to 12 months", "1_5_years": "1 to 5 years",
         "gt_5_years": "More than 5 years"},
    ),
    required=True,
    error_message="Select how long you have noticed hair loss",
)
ONSET_SPEED = Question(
    key="onset_speed",
    kind="one",
    label="How fast did it start?",
    help_text="",
    choices=_choices(
        OnsetSpeed,
        {"sudden_days_weeks": "Suddenly, over days or weeks",
         "over_months": "Over a few months",
         "slowly_over_years": "Slowly, over years",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select how fast your hair loss started, or I'm not sure",
)
SHEDDING_AMOUNT = Question(
    key="shedding_amount",
    kind="one",
    label="How much hair do you lose each day?",
    help_text="Losing 50 to 100 hairs a day is normal.",
    choices=_choices(
        SheddingAmount,
        {"normal": "About the normal amount",
         "more_than_usual": "More than usual",
         "handfuls_or_clumps": "Handfuls or clumps"},
    ),
    required=True,
    error_message="Select how much hair you lose each day",
)
TRIGGERS_RECENT = Question(
    key="triggers_recent",
    kind="multi",
    label="Did any of these happen in the months before your hair loss began?",
    help_text=(
        "Hair often sheds 2 to 3 months after a shock to the body."
    ),
    choices=_choices(
        TriggerRecent,
        {"none": "None of these",
         "major_stress": "A lot of stress",
         "gave_birth": "I gave birth",
         "high_fever_or_severe_illness": "A high fever or a serious illness",
         "surgery": "An operation",
         "rapid_weight_loss_or_crash_diet": "Fast weight loss or a very strict diet",
         "low_iron_or_heavy_periods": "Low iron or heavy periods",
         "thyroid_problem": "A thyroid problem",
         "new_or_stopped_medicine": (
             "I started or stopped a medicine", "This includes the contraceptive pill."
         ),
         "tight_hairstyles_or_extensions": "Tight hairstyles or hair extensions",
         "harsh_chemicals_or_heat": "Bleach, strong hair products or a lot of heat styling"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
FAMILY_HISTORY = Question(
    key="family_history",
    kind="one",
    label="Has anyone in your family had thinning hair or balding?",
    help_text="Parents, brothers, sisters or grandparents.",
    choices=_choices(
        YesNoNotSure, {"yes": "Yes", "no": "No", "not_sure": "I'm not sure"}
    ),
    required=True,
    error_message="Select yes if anyone in your family has thinning hair, or I'm not sure",
)

SCALP_SYMPTOMS = Question(
    key="scalp_symptoms",
    kind="multi",
    label="Do you have any of these on your scalp?",
    help_text="",
    choices=_choices(
        ScalpSymptom,
        {"none": "None of these",
         "mild_dandruff_only": "Only mild dandruff",
         "itching": "Itching",
         "burning_or_pain": "Burning, soreness or pain",
         "redness": "Redness",
         "scaling_or_flaking": "Scaly or flaky patches, more than mild dandruff",
         "pustules_or_crusts": "Spots with pus, or crusts",
         "shiny_smooth_areas": "Smooth, shiny areas with no hair",
         "tender_lumps": "Tender lumps"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)

# Page 3, health (most of it asked through the health checklist) --------------
OTHER_HAIR_LOSS = Question(
    key="other_hair_loss",
    kind="multi",
    label="Have you lost hair anywhere else on your body?",
    help_text="",
    choices=_choices(
        OtherHairLoss,
        {"none": "No, only on my scalp", "eyebrows": "Eyebrows", "eyelashes": "Eyelashes",
         "beard": "Beard", "body": "Body hair"},
    ),
    required=True,
    error_message="Select where else you have lost hair, or No, only on my scalp",
    exclusive="none",
)
NAIL_CHANGES = Question(
    key="nail_changes",
    kind="one",
    label="Have your nails changed lately, for example with tiny dents or ridges?",
    help_text="Small dents in the nails can go with some kinds of patchy hair loss.",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if your nails have changed lately",
)
ANDROGEN_SIGNS = Question(
    key="androgen_signs",
    kind="multi",
    label="Have you noticed any of these changes?",
    help_text="",
    choices=_choices(
        AndrogenSign,
        {"none": "None of these",
         "irregular_or_absent_periods": "Periods that are irregular or have stopped",
         "new_facial_or_body_hair": "New hair on the face or body",
         "new_or_severe_adult_acne": "New or bad acne as an adult",
         "deeper_voice_or_other_body_changes": "A deeper voice or other changes in your body"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
    only_if=_not_male(),
)
GENERAL_SYMPTOMS = Question(
    key="general_symptoms",
    kind="multi",
    label="Have you had any of these lately?",
    help_text="",
    choices=_choices(
        GeneralSymptom,
        {"none": "None of these",
         "unexplained_weight_loss": "Weight loss you can't explain",
         "fever_or_night_sweats": "Fever or night sweats",
         "marked_tiredness": "Feeling very tired",
         "always_cold_or_hot_or_racing_heart": "Always feeling cold or hot, or a racing heart",
         "joint_pain_or_facial_rash": "Joint pain or a rash on the face"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
HAIR_PULLING = Question(
    key="hair_pulling",
    kind="one",
    label="Do you often pull, twist or pluck out your own hair, even without meaning to?",
    help_text="This is common and nothing to be ashamed of. A doctor can help.",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you often pull out your own hair",
)

ALLERGIES = Question(
    key="allergies",
    kind="multi",
    label="Are you allergic to any of these?",
    help_text="",
    choices=_choices(
        Allergy,
        {"none_known": "No allergies that I know of",
         "local_anaesthetic": (
             "Numbing injections", "A local anaesthetic, like the ones dentists use."
         ),
         "vitamins_or_supplement_injections": "Vitamin or supplement injections",
         "minoxidil": ("Minoxidil", "A hair loss lotion, foam or tablet."),
         "finasteride_or_dutasteride": ("Finasteride or dutasteride", "Hair loss tablets."),
         "hyaluronic_acid_or_fillers": "Hyaluronic acid or skin fillers",
         "antiseptics": ("Antiseptics", "Liquids used to clean the skin."),
         "latex": ("Latex", "For example rubber gloves."),
         "other": "Something else"},
    ),
    required=True,
    error_message="Select at least one, or No allergies that I know of",
    exclusive="none_known",
)
ALLERGY_OTHER_DETAILS = Question(
    key="allergy_other_details",
    kind="text",
    label="What else are you allergic to? (optional)",
    help_text="A few words are enough, for example \"penicillin\" or \"nuts\".",
    choices=(),
    required=False,
    max_length=MAX_ALLERGY_DETAILS_LENGTH,
    only_if=_has_any("allergies", "other"),
)
SEVERE_ALLERGY_EVER = Question(
    key="severe_allergy_ever",
    kind="one",
    label="Have you ever had a severe allergic reaction?",
    help_text=(
        "For example a swollen face or throat, trouble breathing, or needing an "
        "adrenaline pen or hospital care."
    ),
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you have ever had a severe allergic reaction",
)
PAST_INJECTION_TYPES = Question(
    key="past_injection_types",
    kind="multi",
    label="Have you had any of these injections before?",
    help_text="",
    choices=_choices(
        PastInjectionType,
        {"none": "None of these",
         "prp": ("PRP", "Injections made from your own blood."),
         "mesotherapy": ("Mesotherapy", "Many small injections of a mixture into the skin."),
         "fillers": "Skin fillers",
         "steroid_injections": "Steroid injections into the skin or scalp",
         "botulinum_toxin": ("Botulinum toxin", "For example Botox."),
         "other": "Other beauty injections"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
PAST_INJECTION_REACTION = Question(
    key="past_injection_reaction",
    kind="one",
    label="How did your skin react to those injections?",
    help_text="If you had more than one, choose the worst reaction.",
    choices=_choices(
        PastInjectionReaction,
        {"no_problems": "No problems",
         "rash_or_swelling": "A rash or swelling",
         "infection_or_lumps": "An infection, or lumps that lasted",
         "hair_loss_at_injection_sites": "Hair loss where the needles went in",
         "severe_reaction": "A severe reaction that needed urgent care"},
    ),
    required=True,
    error_message="Select how your skin reacted to those injections",
    only_if=_answered_other_than_none("past_injection_types", PastInjectionType),
)
BLEEDING_DISORDER = Question(
    key="bleeding_disorder",
    kind="multi",
    label="Do you have, or might you have, a blood or bleeding problem?",
    help_text="Platelets are tiny blood cells that help stop bleeding.",
    choices=_choices(
        BleedingDisorder,
        {"none": "None of these",
         "low_platelets": "Low platelets",
         "platelet_function_disorder": "A problem with how my platelets work",
         "haemophilia_or_von_willebrand": (
             "Haemophilia or von Willebrand disease",
             "Conditions, often in families, in which blood does not clot well.",
         ),
         "anaemia": ("Anaemia", "Low red blood cells. It is often caused by low iron."),
         "bruise_or_bleed_easily_undiagnosed": "I bruise or bleed easily, and no one has found why",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
BLOOD_THINNERS = Question(
    key="blood_thinners",
    kind="multi",
    label="Do you take anything that thins the blood?",
    help_text="Do not stop any medicine because of this question.",
    choices=_choices(
        BloodThinner,
        {"none": "None of these",
         "warfarin_or_similar": (
             "Warfarin or a similar medicine", "You may have regular blood tests (INR) for it."
         ),
         "doac": (
             "Apixaban, rivaroxaban, edoxaban or dabigatran",
             "Blood thinners often taken for an uneven heartbeat or after a blood clot.",
         ),
         "heparin_injections": "Heparin injections",
         "antiplatelet": (
             "Clopidogrel, ticagrelor or prasugrel",
             "Often taken after a heart attack, a stent or a stroke.",
         ),
         "aspirin_prescribed": "Aspirin that a doctor told you to take",
         "aspirin_or_nsaid_self_bought_regularly": (
             "Aspirin or painkillers like ibuprofen that you buy and take often"
         ),
         "fish_oil_vitamin_e_ginkgo_garlic": "Fish oil, vitamin E, ginkgo or garlic pills"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
STEROIDS_IMMUNOSUPPRESSANTS = Question(
    key="steroids_immunosuppressants",
    kind="multi",
    label="Do any of these apply to you?",
    help_text="Steroids and some other medicines change how the body heals and fights germs.",
    choices=_choices(
        SteroidOrImmunosuppressant,
        {"none": "None of these",
         "steroid_tablets_last_2_weeks": (
             "Steroid tablets in the last 2 weeks", "For example prednisolone."
         ),
         "steroid_injection_in_scalp_last_month": "A steroid injection in the scalp in the last month",
         "immunosuppressant_or_biologic": (
             "A medicine that calms the immune system, or a biologic",
             "Often used for arthritis, psoriasis or bowel disease.",
         )},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
SCALP_CONDITIONS = Question(
    key="scalp_conditions",
    kind="multi",
    label="Do you have any of these scalp problems?",
    help_text="Choose the ones you have now, or that a doctor has told you about.",
    choices=_choices(
        ScalpCondition,
        {"none": "None of these",
         "scalp_infection": "A scalp infection",
         "cold_sores_or_shingles_now": "Cold sores or shingles right now",
         "psoriasis_flare": "Psoriasis that is flaring up",
         "dermatitis_or_eczema_flare": "Dermatitis or eczema that is flaring up",
         "open_wounds_or_sores": "Open cuts or sores on the scalp",
         "diagnosed_scarring_alopecia": "Scarring hair loss, found by a doctor",
         "diagnosed_alopecia_areata": (
             "Alopecia areata, found by a doctor", "A kind of patchy hair loss."
         )},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
CANCER = Question(
    key="cancer",
    kind="one",
    label="Have you ever had cancer?",
    help_text="",
    choices=_choices(
        Cancer,
        {"never": "No",
         "active_or_under_treatment": "Yes, I have it now or I am being treated",
         "blood_or_bone_marrow_cancer_ever": (
             "Yes, a blood or bone marrow cancer, at any time",
             "For example leukaemia, lymphoma or myeloma.",
         ),
         "other_cancer_finished_treatment": "Yes, another cancer, and my treatment has finished"},
    ),
    required=True,
    error_message="Select whether you have ever had cancer",
)
OTHER_CONDITIONS = Question(
    key="other_conditions",
    kind="multi",
    label="Do you have any of these health problems?",
    help_text="",
    choices=_choices(
        OtherCondition,
        {"none": "None of these",
         "diabetes_not_well_controlled": "Diabetes that is not well controlled",
         "autoimmune_disease": (
             "An autoimmune disease", "For example lupus or rheumatoid arthritis."
         ),
         "liver_or_kidney_disease": "Liver or kidney disease",
         "heart_condition_or_low_blood_pressure": "A heart problem or low blood pressure",
         "keloid_scars": ("Keloid scars", "Raised scars that keep growing.")},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
HORMONE_MEDICINES = Question(
    key="hormone_medicines",
    kind="multi",
    label="Do you take any of these hormone medicines?",
    help_text="Choose all you take now.",
    choices=_choices(
        HormoneMedicine,
        {"none": "None of these",
         "contraceptive_pill_patch_or_implant": (
             "Birth control with hormones", "A pill, patch, ring, implant or injection."
         ),
         "hrt": ("Hormone therapy for the menopause (HRT)", "Tablets, gel, patches or spray."),
         "testosterone": "Testosterone",
         "anti_androgen_or_spironolactone": (
             "A medicine that blocks male-type hormones", "For example spironolactone."
         ),
         "other_hormone": "Another hormone medicine",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select at least one, or None of these",
    exclusive="none",
)
TESTOSTERONE_PURPOSE = Question(
    key="testosterone_purpose",
    kind="one",
    label="What do you take testosterone for?",
    help_text="",
    choices=_choices(
        TestosteronePurpose,
        {"gender_affirming": "As part of gender-affirming care",
         "low_dose_for_symptoms": (
             "At a low dose, for example for low sex drive after the menopause"
         ),
         "prefer_not_to_say": "I'd rather not say"},
    ),
    required=True,
    error_message="Select what you take testosterone for, or I'd rather not say",
    only_if=_all_of(_has_any("hormone_medicines", "testosterone"), _not_male()),
)
SMOKING = Question(
    key="smoking",
    kind="one",
    label="Do you smoke?",
    help_text="",
    choices=_choices(Smoking, {"yes": "Yes", "no": "No", "stopped": "I used to, but I've stopped"}),
    required=True,
    error_message="Select whether you smoke",
)

# Page 4, practicalities ----------------------------------------------------
NEEDLE_COMFORT = Question(
    key="needle_comfort",
    kind="one",
    label="How do you feel about needles?",
    help_text="Both PRP and mesotherapy use many small injections in the scalp.",
    choices=_choices(
        NeedleComfort,
        {"fine": "I'm fine with them",
         "nervous_but_ok": "Nervous, but I manage",
         "very_anxious": "Very anxious",
         "have_fainted_before": "I have fainted at needles or blood tests before"},
    ),
    required=True,
    error_message="Select how you feel about needles",
)
VISIT_AVAILABILITY = Question(
    key="visit_availability",
    kind="one",
    label="How often could you get to a clinic?",
    help_text="",
    choices=_choices(
        VisitAvailability,
        {"weekly_possible": "Every week",
         "every_2_4_weeks": "Every 2 to 4 weeks",
         "every_few_months": "Only every few months",
         "not_sure": "I'm not sure yet"},
    ),
    required=True,
    error_message="Select how often you could get to a clinic",
)
TREATMENTS_TRIED = Question(
    key="treatments_tried",
    kind="multi",
    label="What have you tried for your hair loss?",
    help_text="",
    choices=_choices(
        TreatmentTried,
        {"none": "Nothing yet",
         "minoxidil_topical": ("Minoxidil lotion or foam", "For example Regaine."),
         "minoxidil_oral": "Minoxidil tablets",
         "finasteride": "Finasteride tablets",
         "dutasteride_oral": "Dutasteride tablets",
         "antiandrogen_other": (
             "Other hormone-blocking medicines", "For example spironolactone."
         ),
         "prp": "PRP",
         "mesotherapy": "Mesotherapy",
         "microneedling": ("Microneedling", "A roller or pen with tiny needles."),
         "laser_device": "A laser or light cap, comb or helmet",
         "supplements": "Hair vitamins or supplements",
         "hair_transplant": "A hair transplant",
         "special_shampoos": "Special shampoos"},
    ),
    required=True,
    error_message="Select what you have tried, or Nothing yet",
    exclusive="none",
)
_TREATMENT_RESULT_LABELS = {
    "helped": "It helped",
    "no_change_after_6_months": "No change after 6 months or more",
    "stopped_side_effects": "I stopped because of side effects",
    "used_less_than_6_months": "I used it for less than 6 months, then stopped",
    "still_using_too_early": "I still use it, and it is too early to tell",
}


def _in_a_sentence(name: str) -> str:
    """"Minoxidil tablets" -> "minoxidil tablets"; "PRP" stays "PRP"."""
    return name if name[1:2].isupper() else name[0].lower() + name[1:]


def _result_question(treatment: str) -> Question:
    """How one treatment tried went (schema 3: one answer per treatment)."""
    name = TREATMENTS_TRIED.label_for(treatment)
    return Question(
        key=f"result_{treatment}",
        kind="one",
        label=f"{name}: how did it go?",
        help_text="",
        choices=_choices(TreatmentResult, _TREATMENT_RESULT_LABELS),
        required=True,
        error_message=f"Select how it went with {_in_a_sentence(name)}",
        only_if=_has_any("treatments_tried", treatment),
    )


TREATMENT_RESULTS: tuple[Question, ...] = tuple(
    _result_question(treatment) for treatment in TREATMENTS_WITH_RESULT
)
RESULT_KEYS: dict[str, str] = {
    question.key: treatment for question, treatment in zip(TREATMENT_RESULTS, TREATMENTS_WITH_RESULT)
}
"""result_* key -> the treatment it is about."""
GOAL = Question(
    key="goal",
    kind="one",
    label="What would you most like to happen?",
    help_text="",
    choices=_choices(
        Goal,
        {"stop_it_getting_worse": "Stop it getting worse",
         "regrow_some_hair": "Grow some hair back",
         "thicker_hair": "Thicker, fuller hair",
         "not_sure": "I'm not sure"},
    ),
    required=True,
    error_message="Select what you would most like to happen",
)

# Page 5, what-matters ------------------------------------------------------
PRIORITIES = Question(
    key="priorities",
    kind="multi",
    label="What matters most to you? Choose up to 3. (optional)",
    help_text="",
    choices=_choices(
        Priority,
        {"own_body": "Using only my own body, such as my own blood",
         "avoid_added_substances": "Not having substances added to my body",
         "low_allergy_risk": "A low risk of allergy",
         "strongest_evidence": "The best proof that it works",
         "fewer_visits": "Fewer clinic visits",
         "low_cost": "Low cost",
         "fewer_needles": "Fewer needles",
         "no_daily_routine": "Nothing to do every day at home",
         "avoid_hormonal_medicines": "No hormone-type medicines",
         "fast_change": "Seeing a change quickly",
         "maximum_effect": "The biggest possible effect",
         "no_blood_draw": "Not having blood taken"},
    ),
    required=False,
    max_choices=MAX_PRIORITIES,
)
DECISION_STAGE = Question(
    key="decision_stage",
    kind="one",
    label="How far along are you with this decision?",
    help_text="",
    choices=_choices(
        DecisionStage,
        {"not_thought_yet": "I haven't really thought about it yet",
         "considering": "I'm thinking about the options",
         "close_to_choosing": "I'm close to choosing",
         "already_chosen": "I've already chosen"},
    ),
    required=True,
    error_message="Select how far along you are with this decision",
)
DECISION_ROLE = Question(
    key="decision_role",
    kind="one",
    label="How would you like to make the choice?",
    help_text="",
    choices=_choices(
        DecisionRole,
        {"decide_myself": "On my own, once I know the facts",
         "share_with_doctor": "Together with my doctor",
         "doctor_decides": "I'd like my doctor to decide",
         "with_family_or_partner": "With my family or partner"},
    ),
    required=True,
    error_message="Select how you would like to make the choice",
)
_SURE_HELP = "Answer for how you feel today. \"No\" is a useful answer too."
SURE_SURE = Question(
    key="sure_sure",
    kind="one",
    label="Do you feel sure about the best choice for you?",
    help_text=_SURE_HELP,
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you feel sure about the best choice for you",
)
SURE_UNDERSTAND = Question(
    key="sure_understand",
    kind="one",
    label="Do you know the good and bad points of each option?",
    help_text="",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you know the good and bad points of each option",
)
SURE_RISKS_BENEFITS = Question(
    key="sure_risks_benefits",
    kind="one",
    label="Are you clear which good and bad points matter most to you?",
    help_text="",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you are clear which points matter most to you",
)
SURE_ENCOURAGEMENT = Question(
    key="sure_encouragement",
    kind="one",
    label="Do you have enough support and advice to make a choice?",
    help_text="",
    choices=_choices(YesNo, _YES_NO),
    required=True,
    error_message="Select yes if you have enough support and advice",
)

# ---------------------------------------------------------------------------
# The health checklist (issue 23: a shorter questionnaire, same answers)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    """One line of a checklist: it stands for one question that is nearly always "none".

    Not ticked, the question's answer is ``none_value``; ticked, a yes/no question is
    answered ``yes_value`` by the tick itself, any other question is asked as a
    follow-up (without its "none" answer).
    """

    key: str
    label: str
    none_value: str
    yes_value: str | None = None
    help: str = ""


@dataclass(frozen=True)
class Checklist:
    """A page's "Do any of these apply to you?" with "None of these" first.

    It is a way of asking, not part of the answers: ``key`` is posted but never stored;
    the answers keep the keys and values of intake.md. ``ticks_from`` shows saved
    answers as ticks, and ``answers_from`` turns ticks (and follow-up answers) back.
    """

    NONE: ClassVar[str] = "none"
    NONE_LABEL: ClassVar[str] = "None of these"

    key: str
    label: str
    help_text: str
    error_message: str
    items: tuple[ChecklistItem, ...]

    def item_for(self, key: str) -> ChecklistItem | None:
        return next((item for item in self.items if item.key == key), None)

    def follow_up_rule(self, item: ChecklistItem) -> Rule:
        """When a line's question is asked as a follow-up: once the line is ticked."""
        return (self.key, "any_of", (item.key,))

    def choice_problem(self, ticks: Sequence[str]) -> tuple[str, str] | None:
        """"None of these" ticked with a line (or a line twice): (error type, message)."""
        return multi_choice_problem(ticks, exclusive=self.NONE, exclusive_label=self.NONE_LABEL)

    def ticks_from(self, answers: Mapping[str, object]) -> list[str] | None:
        """The ticked lines these answers show; ["none"] if every line's answer is its
        none; None if the checklist was never answered.

        Once it was answered, every line not ticked holds its none answer, so a line
        whose question has no answer was ticked and waits for its follow-up.
        """
        if not any(item.key in answers for item in self.items):
            return None
        ticks = [
            item.key for item in self.items
            if item.key not in answers
            or selected_values(answers, item.key) != {item.none_value}
        ]
        return ticks or [self.NONE]

    def answers_from(
        self, ticks: Iterable[str], follow_ups: Mapping[str, object]
    ) -> dict[str, object]:
        """The answers of every line's question: its none, its yes, or the follow-up's
        answer (left out while a ticked follow-up is unanswered)."""
        ticked = set(ticks) - {self.NONE}
        answers: dict[str, object] = {}
        for item in self.items:
            multi = QUESTIONS[item.key].kind == "multi"
            if item.key not in ticked:
                answers[item.key] = [item.none_value] if multi else item.none_value
            elif item.yes_value:
                answers[item.key] = item.yes_value
            elif follow_ups.get(item.key):
                answers[item.key] = follow_ups[item.key]
        return answers


# The health checklist: questions that nearly every patient answers "none" or "no",
# asked as one list with "None of these" first (issue 23: the same answers in fewer
# words). Each line stands for one question and fills in its answer.
HEALTH_CHECKLIST = Checklist(
    key="health_checklist",
    label="Do any of these apply to you? Tick all that do.",
    help_text="Most people have none. If you tick one, we ask a little more.",
    error_message="Select at least one, or None of these",
    items=(
        ChecklistItem("other_hair_loss", "Hair loss away from the scalp, such as eyebrows",
                      "none"),
        ChecklistItem("nail_changes", "Nails with new tiny dents or ridges", "no",
                      yes_value="yes"),
        ChecklistItem("general_symptoms", "Feeling unwell lately", "none",
                      help="Such as weight loss, fever, great tiredness or joint pain."),
        ChecklistItem("hair_pulling", "Often pulling out your own hair", "no", yes_value="yes"),
        ChecklistItem("severe_allergy_ever", "A severe allergic reaction, ever", "no",
                      yes_value="yes", help="Such as a swollen throat or trouble breathing."),
        ChecklistItem("past_injection_types", "Beauty or skin injections before", "none",
                      help="Such as PRP, fillers, Botox or steroids."),
        ChecklistItem("bleeding_disorder", "A blood or bleeding problem, or anaemia", "none"),
        ChecklistItem("blood_thinners", "Anything that thins the blood", "none",
                      help="Including aspirin, ibuprofen often, or fish oil."),
        ChecklistItem("steroids_immunosuppressants",
                      "Steroids, or medicines that calm the immune system", "none"),
        ChecklistItem("scalp_conditions", "A scalp infection, sores or skin condition",
                      "none"),
        ChecklistItem("cancer", "Cancer, now or in the past", "never"),
        ChecklistItem("other_conditions",
                      "Diabetes, heart, liver, kidney or autoimmune disease, or keloid scars",
                      "none"),
    ),
)

# Five pages (issue 23: fewer screens and words, the same answers). The question order
# overall is unchanged (IntakeAnswers follows it); only the grouping is. The health
# checklist stands for twelve questions of step 3 when the answer is "none".
STEPS: tuple[Step, ...] = (
    Step(
        number=1,
        slug="about-you",
        title="About you",
        intro="These help us ask only what fits you.",
        questions=(
            SEX_AT_BIRTH, AGE_BAND, PERIODS, PREGNANCY, BREASTFEEDING_NOW, FAMILY_PLANS,
        ),
    ),
    Step(
        number=2,
        slug="your-hair-loss",
        title="Your hair loss",
        intro="Your best guess is fine.",
        questions=(
            PATTERN, NORWOOD_STAGE, LUDWIG_STAGE, DURATION, ONSET_SPEED, SHEDDING_AMOUNT,
            TRIGGERS_RECENT, FAMILY_HISTORY, SCALP_SYMPTOMS,
        ),
    ),
    Step(
        number=3,
        slug="health",
        title="Your health",
        intro="Some health problems and medicines make a treatment less safe.",
        questions=(
            OTHER_HAIR_LOSS, NAIL_CHANGES, ANDROGEN_SIGNS, GENERAL_SYMPTOMS, HAIR_PULLING,
            ALLERGIES, ALLERGY_OTHER_DETAILS, SEVERE_ALLERGY_EVER, PAST_INJECTION_TYPES,
            PAST_INJECTION_REACTION, BLEEDING_DISORDER, BLOOD_THINNERS,
            STEROIDS_IMMUNOSUPPRESSANTS, SCALP_CONDITIONS, CANCER, OTHER_CONDITIONS,
            HORMONE_MEDICINES, TESTOSTERONE_PURPOSE, SMOKING,
        ),
        checklist=HEALTH_CHECKLIST,
    ),
    Step(
        number=4,
        slug="practicalities",
        title="Practicalities and what you have tried",
        intro="Treatments differ in visits, needles and daily effort.",
        questions=(
            NEEDLE_COMFORT, VISIT_AVAILABILITY, TREATMENTS_TRIED, *TREATMENT_RESULTS, GOAL,
        ),
    ),
    Step(
        number=5,
        slug="what-matters",
        title="What matters to you",
        intro="Last step. There are no right answers.",
        questions=(
            PRIORITIES, DECISION_STAGE, DECISION_ROLE, SURE_SURE, SURE_UNDERSTAND,
            SURE_RISKS_BENEFITS, SURE_ENCOURAGEMENT,
        ),
    ),
)

QUESTIONS: dict[str, Question] = {
    question.key: question for step in STEPS for question in step.questions
}
STEP_OF: dict[str, Step] = {question.key: step for step in STEPS for question in step.questions}
"""Question key -> the step (page) that asks it."""
CHECKLIST_OF: dict[str, Checklist] = {
    item.key: step.checklist
    for step in STEPS if step.checklist is not None
    for item in step.checklist.items
}
"""Question key -> the checklist whose line stands for it."""

# Retired in intake schema 3; kept so that answers and summaries stored under schema 2
# still read in words (intake.md "Schema versions", intake_versions).
RETIRED_VALUE_LABELS: dict[str, dict[str, str]] = {
    "pregnancy": {"breastfeeding": "I am breastfeeding"},
}
RETIRED_QUESTIONS: dict[str, Question] = {
    "tried_result": Question(
        key="tried_result",
        kind="one",
        label="How did it go? (one answer for every treatment tried)",
        help_text="",
        choices=tuple(
            Choice(value, _TREATMENT_RESULT_LABELS[value])
            for value in ("helped", "no_change_after_6_months", "stopped_side_effects",
                          "used_less_than_6_months")
        ),
        required=False,
    ),
}


def applicable_keys(answers: Mapping[str, object]) -> list[str]:
    """Keys of the questions that are asked, given these (plain) answers, in order."""
    return [key for key, question in QUESTIONS.items() if question.applies(answers)]


def first_incomplete_step(answers: Mapping[str, object]) -> int | None:
    """Number of the first step with a required question that applies and is not
    answered; None when every step is complete."""
    for key, question in QUESTIONS.items():
        if question.required and question.applies(answers) and not is_answered(answers.get(key)):
            return STEP_OF[key].number
    return None


def drop_inapplicable(answers: Mapping[str, object]) -> dict:
    """A copy of ``answers`` without answers to questions that no longer apply.

    Repeats until nothing changes, because dropping one answer can make another
    question stop applying. Keys that are not questions are kept (validation reports
    them).
    """
    kept = dict(answers)
    while True:
        stale = [
            key for key in kept if key in QUESTIONS and not QUESTIONS[key].applies(kept)
        ]
        if not stale:
            return kept
        for key in stale:
            del kept[key]


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

# One wording per rule, wherever the rule is checked: the step pages (forms.py), the
# review page, the FHIR reader and the ``assess`` command all show these.
INVALID_CHOICE_MESSAGE = "Please choose one of the listed answers."
DUPLICATE_CHOICE_MESSAGE = (
    "You chose the same answer more than once. Please choose each answer once."
)
NOT_APPLICABLE_MESSAGE = (
    "This question does not apply to your other answers. Please leave it out."
)


def exclusive_message(label: str) -> str:
    """"None of these" (or the like) ticked with another answer."""
    return (f"“{label}” cannot be combined with other answers. "
            "Please untick it, or untick the others.")


def too_many_message(limit: int) -> str:
    return f"Please choose no more than {limit} answers."


def too_long_message(limit: int, length: int) -> str:
    return f"Please keep this to {limit} characters or fewer (you have typed {length})."


def multi_choice_problem(
    chosen: Sequence[str], *, exclusive: str | None, exclusive_label: str,
    max_choices: int | None = None,
) -> tuple[str, str] | None:
    """The first rule a multi-select answer breaks, as (error type, message); None if
    it breaks none. ``Question.choice_problem`` and ``Checklist.choice_problem`` call it."""
    if len(set(chosen)) != len(chosen):
        return "answer_duplicate", DUPLICATE_CHOICE_MESSAGE
    if exclusive in chosen and len(chosen) > 1:
        return "answer_exclusive", exclusive_message(exclusive_label)
    if max_choices is not None and len(chosen) > max_choices:
        return "answer_too_many", too_many_message(max_choices)
    return None


def text_problem(question: Question, text: str) -> tuple[str, str] | None:
    """(error type, message) when typed text is too long (after trimming), else None."""
    length = len(text.strip())
    if question.max_length is not None and length > question.max_length:
        return "answer_too_long", too_long_message(question.max_length, length)
    return None


# Pydantic's own messages ("Input should be 'a' or 'b'", "Field required") are written
# for developers. These replace them, keyed by pydantic's error type.
FRIENDLY_MESSAGES: dict[str, str] = {
    "missing": "Please answer this question.",
    "literal_error": INVALID_CHOICE_MESSAGE,
    "enum": INVALID_CHOICE_MESSAGE,
    "string_type": "Please type your answer as text.",
    "list_type": "Please choose your answers from the list.",
    "extra_forbidden": "This is not one of our questions. Please leave it out.",
    "model_type": "The answers must be a set of questions and answers.",
    "model_attributes_type": "The answers must be a set of questions and answers.",
    "dict_type": "The answers must be a set of questions and answers.",
}
_TYPE_ERRORS = {"literal_error", "enum", "string_type", "list_type"}
_FALLBACK_MESSAGE = "This answer is not valid. Please check it."


def missing_message(key: str) -> str:
    """What to do about an unanswered question: its own message, else a general one."""
    question = QUESTIONS.get(key)
    return (question.error_message if question else "") or FRIENDLY_MESSAGES["missing"]


def _friendly(error: Mapping[str, Any]) -> InitErrorDetails:
    """Re-issue one pydantic error with a plain message, keeping its type and place."""
    key = str(error["loc"][0]) if error["loc"] else ""
    if error["type"] == "missing" or (
        error.get("input", ...) is None and error["type"] in _TYPE_ERRORS
    ):
        # null for a question that must be answered: pydantic calls it a type error.
        message = missing_message(key)
    elif error["type"] in FRIENDLY_MESSAGES:
        message = FRIENDLY_MESSAGES[error["type"]]
    elif error["type"].startswith("answer_"):
        message = error["msg"]  # already ours (raised by a field validator below)
    else:
        message = _FALLBACK_MESSAGE
    return InitErrorDetails(
        type=PydanticCustomError(error["type"], message),
        loc=error["loc"],
        input=error.get("input"),
    )


def _conditional_errors(
    answers: Mapping[str, object], skip: Iterable[str] = ()
) -> list[InitErrorDetails]:
    """Errors for "only if" questions: answered when not asked, or asked but unanswered.

    ``skip`` names keys whose own answers were invalid; a condition that reads one of
    them cannot be judged fairly, so it is left alone.
    """
    skip = set(skip)
    errors: list[InitErrorDetails] = []
    for key, question in QUESTIONS.items():
        condition = question.only_if
        if condition is None or key in skip or skip.intersection(condition.reads):
            continue
        answered = is_answered(answers.get(key))
        if answered and not condition.holds(answers):
            errors.append(
                InitErrorDetails(
                    type=PydanticCustomError("answer_not_applicable", NOT_APPLICABLE_MESSAGE),
                    loc=(key,),
                    input=answers.get(key),
                )
            )
        elif not answered and question.required and condition.holds(answers):
            errors.append(
                InitErrorDetails(
                    type=PydanticCustomError("missing", missing_message(key)),
                    loc=(key,),
                    input=None,
                )
            )
    return errors


def _schema_from_questions(schema: dict[str, Any]) -> None:
    """Give each property of the JSON Schema the question's wording and condition."""
    for key, prop in schema.get("properties", {}).items():
        question = QUESTIONS[key]
        prop["description"] = question.label
        if question.only_if is not None:
            prop["description"] += f" (asked only if {question.only_if.description})"


class IntakeAnswers(BaseModel):
    """One complete, valid answer set. Values are exactly those of intake.md.

    Single answers are strings, multi-select answers are lists of strings. Questions
    that are not asked are ``None``. Build it with ``IntakeAnswers.model_validate(dict)``
    or ``model_validate_json``; ``model_dump(exclude_none=True)`` gives the contract JSON.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        json_schema_extra=_schema_from_questions,
    )

    # In the order of the questions over the pages (checked at import), one field each.
    sex_at_birth: SexAtBirth
    age_band: AgeBand
    periods: Periods | None = None
    pregnancy: Pregnancy | None = None
    breastfeeding_now: YesNo | None = None
    family_plans: FamilyPlans | None = None
    pattern: list[Pattern]
    norwood_stage: NorwoodStage | None = None
    ludwig_stage: LudwigStage | None = None
    duration: Duration
    onset_speed: OnsetSpeed
    shedding_amount: SheddingAmount
    triggers_recent: list[TriggerRecent]
    family_history: YesNoNotSure
    scalp_symptoms: list[ScalpSymptom]
    other_hair_loss: list[OtherHairLoss]
    nail_changes: YesNo
    androgen_signs: list[AndrogenSign] | None = None
    general_symptoms: list[GeneralSymptom]
    hair_pulling: YesNo
    allergies: list[Allergy]
    allergy_other_details: str | None = None
    severe_allergy_ever: YesNo
    past_injection_types: list[PastInjectionType]
    past_injection_reaction: PastInjectionReaction | None = None
    bleeding_disorder: list[BleedingDisorder]
    blood_thinners: list[BloodThinner]
    steroids_immunosuppressants: list[SteroidOrImmunosuppressant]
    scalp_conditions: list[ScalpCondition]
    cancer: Cancer
    other_conditions: list[OtherCondition]
    hormone_medicines: list[HormoneMedicine]
    testosterone_purpose: TestosteronePurpose | None = None
    smoking: Smoking
    needle_comfort: NeedleComfort
    visit_availability: VisitAvailability
    treatments_tried: list[TreatmentTried]
    result_minoxidil_topical: TreatmentResult | None = None
    result_minoxidil_oral: TreatmentResult | None = None
    result_finasteride: TreatmentResult | None = None
    result_dutasteride_oral: TreatmentResult | None = None
    result_antiandrogen_other: TreatmentResult | None = None
    result_prp: TreatmentResult | None = None
    result_mesotherapy: TreatmentResult | None = None
    goal: Goal
    priorities: list[Priority] | None = None
    decision_stage: DecisionStage
    decision_role: DecisionRole
    sure_sure: YesNo
    sure_understand: YesNo
    sure_risks_benefits: YesNo
    sure_encouragement: YesNo

    @field_validator(
        *(key for key, question in QUESTIONS.items() if question.kind == "multi")
    )
    @classmethod
    def _check_multi_select(cls, chosen: list[str] | None, info) -> list[str] | None:
        question = QUESTIONS[info.field_name]
        if chosen is None:
            return None
        if not chosen:
            if question.required:  # an empty list is no answer: the question's own message
                raise PydanticCustomError("missing", missing_message(question.key))
            return None  # an optional multi left empty is simply not answered
        if problem := question.choice_problem(chosen):
            raise PydanticCustomError(*problem)
        return chosen

    @field_validator(
        *(key for key, question in QUESTIONS.items() if question.kind == "text")
    )
    @classmethod
    def _check_free_text(cls, text: str | None, info) -> str | None:
        if text is None:
            return None
        if problem := text_problem(QUESTIONS[info.field_name], text):
            raise PydanticCustomError(*problem)
        return text.strip() or None  # an empty box means "no details"

    @model_validator(mode="wrap")
    @classmethod
    def _validate_answer_set(cls, data: Any, handler) -> "IntakeAnswers":
        """Field checks with friendly messages, then the "only if" rules.

        The conditional checks also run when some fields are invalid, so that a person
        (or the ``assess`` command) sees every problem at once.
        """
        try:
            answers = handler(data)
        except ValidationError as exc:
            field_problems = exc.errors()
            line_errors = [_friendly(problem) for problem in field_problems]
            if isinstance(data, Mapping):
                broken = {str(problem["loc"][0]) for problem in field_problems if problem["loc"]}
                line_errors += _conditional_errors(data, skip=broken)
            raise ValidationError.from_exception_data(cls.__name__, line_errors) from None
        line_errors = _conditional_errors(answers.as_plain_dict())
        if line_errors:
            raise ValidationError.from_exception_data(cls.__name__, line_errors)
        return answers

    def as_plain_dict(self) -> dict[str, str | list[str]]:
        """The answers that were given, as plain strings and lists (contract JSON)."""
        return self.model_dump(mode="json", exclude_none=True)

    def selected(self, key: str) -> frozenset[str]:
        """The values chosen for ``key`` (empty when not asked or not answered)."""
        return selected_values(self.as_plain_dict(), key)


def field_errors(exc: ValidationError) -> dict[str, list[str]]:
    """Messages per question key; errors that belong to no question go under "__all__"."""
    by_field: dict[str, list[str]] = {}
    for error in exc.errors():
        key = str(error["loc"][0]) if error["loc"] else NON_FIELD_ERRORS
        messages = by_field.setdefault(key, [])
        # Several items of one list can fail the same way; say it once.
        if error["msg"] not in messages:
            messages.append(error["msg"])
    return by_field


def answer_text(question: Question, value: object) -> str:
    """An answer in plain words: the labels of the chosen values, or the text typed."""
    if value is None:
        return "Not answered"
    if question.kind == "text":
        return " ".join(value) if isinstance(value, list) else str(value)
    if isinstance(value, list):
        return "; ".join(question.label_for(item) for item in value)
    return question.label_for(str(value))


def answer_pairs(answers: IntakeAnswers) -> list[tuple[str, str]]:
    """(question as asked, answer in plain words) for every asked question, in order."""
    plain = answers.as_plain_dict()
    return [
        (QUESTIONS[key].label, answer_text(QUESTIONS[key], plain.get(key)))
        for key in applicable_keys(plain)
    ]


def _check_model_matches_questions() -> None:
    """Fail at import if the model and the question data ever drift apart."""
    fields = IntakeAnswers.model_fields
    if list(fields) != list(QUESTIONS):
        raise RuntimeError("IntakeAnswers fields and QUESTIONS differ in keys or order")
    for key, question in QUESTIONS.items():
        annotation = fields[key].annotation
        literal_values = _literal_values(annotation)
        if question.kind != "text" and literal_values != question.values:
            raise RuntimeError(f"choices of {key!r} differ from its Literal values")
        if question.required and not question.error_message:
            raise RuntimeError(f"{key!r} is required but has no error_message")
    for step in STEPS:
        for item in step.checklist.items if step.checklist else ():
            question = QUESTIONS.get(item.key)
            if question not in step.questions or question.only_if is not None:
                raise RuntimeError(f"checklist line {item.key!r}: not an unconditional "
                                   f"question of step {step.number}")
            if {item.none_value, item.yes_value} - {None} - set(question.values):
                raise RuntimeError(f"checklist line {item.key!r}: unknown answer")


def _literal_values(annotation: Any) -> tuple[str, ...]:
    """The string values inside Literal[...], list[Literal[...]] or Optional of either."""
    found: list[str] = []
    for arg in get_args(annotation) or ():
        if isinstance(arg, str):
            found.append(arg)
        elif arg is not type(None):
            found.extend(_literal_values(arg))
    return tuple(found)


_check_model_matches_questions()
