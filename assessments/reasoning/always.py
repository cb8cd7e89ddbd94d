"""R0: what every summary carries. Standard treatments come first (principle 2), with
their main harms in words that fit the person's age and sex, what is left to try when one
medicine did not suit, then the other options; what to bring; no promises."""

from collections.abc import Iterable

from assessments.reasoning.engine import (
    ANY,
    Answers,
    Finding,
    Pairs,
    FindingsSoFar,
    Say,
    ask,
    bring,
    discuss,
    expect,
    rule,
)
from assessments.reasoning.pattern import pattern_loss_fit
from assessments.reasoning.groups import pregnant_or_breastfeeding
from assessments.reasoning.standard_medicines import (
    FIVE_ARI_MEDICINES,
    MINOXIDIL_FORMS,
    five_ari_group,
    five_ari_ruled_out,
    minoxidil_ruled_out,
    standard_medicines,
)


@rule(
    "R0",
    "Every summary: standard treatments first, other options, what to bring",
    trigger=(
        "Every summary. Under 18: a doctor advises, and adult medicines are not listed with "
        "their harms. Finasteride's and dutasteride's harms are spelled out for the 5-ARI group "
        "(male at birth, periods stopped by the menopause, or gender-affirming testosterone); "
        "for everyone else, only that they are not for anyone who is or may become pregnant. "
        "When a standard medicine was stopped or not yet tried, what is left to ask about. "
        "The medicines wait during pregnancy and breastfeeding."
    ),
    reads={
        "age_band": ("under_18",), "sex_at_birth": ("male",), "periods": ("stopped_menopause",),
        "testosterone_purpose": ANY, "hormone_medicines": ("testosterone",),
        "treatments_tried": ANY,
        "allergies": ("minoxidil", "finasteride_or_dutasteride"),
        "result_minoxidil_topical": ("stopped_side_effects",),
        "result_minoxidil_oral": ("stopped_side_effects",),
        "priorities": ("avoid_hormonal_medicines",),
        "pregnancy": ANY, "breastfeeding_now": ANY,
    },
    source="rules.md v3 R0; clinical-facts §5, §10 (finasteride, minoxidil, transplant, "
           "devices, GP first), §11 (minoxidil tablets, PSA, fertility, dutasteride, under 18, "
           "spironolactone), §1.2",
    says={
        "gp_first": discuss(
            "The NHS advises seeing a GP first to find the cause of hair loss, before you pay "
            "a private clinic.", see="see-a-doctor-first",
        ),
        "under_18": discuss(
            "A doctor will say which treatments suit someone of your age. Finasteride, "
            "minoxidil tablets and hair transplants are not often used under 18."
        ),
        "minoxidil": discuss(
            "Standard medicines are usually tried first. Minoxidil is a lotion or foam for men "
            "and women. It can itch or flake, and extra shedding in the first weeks is common. "
            "Minoxidil tablets need a prescription. In a large study, about 15 in 100 people "
            "grew extra face or body hair, and about 1 in 100 had swollen ankles, a fast "
            "heartbeat or dizziness."
        ),
        "finasteride": discuss(
            "Finasteride is a tablet or skin spray for men. Its pack warns of low mood and "
            "thoughts of suicide: stop it and see a doctor if these happen. Sexual side "
            "effects can last after stopping. It can make breasts tender or larger, and lower "
            "sperm count for a while. Dutasteride is the same kind of medicine, with the same "
            "warnings. Neither is for anyone who is or may become pregnant."
        ),
        # The 5-ARI group when not male at birth (periods stopped by the menopause, or
        # gender-affirming testosterone): the same warnings, none about sperm or the PSA.
        "finasteride_not_male": discuss(
            "A doctor may offer you finasteride, a tablet. Its pack warns of low mood and "
            "thoughts of suicide: stop it and see a doctor if these happen. Sexual side "
            "effects can last after stopping. Dutasteride is the same kind of medicine, with "
            "the same warnings. Neither is for anyone who is or may become pregnant."
        ),
        "psa": discuss(
            "Finasteride and dutasteride lower the PSA blood test, used to check the prostate, "
            "by about half. Tell any doctor who checks it."
        ),
        "finasteride_not_for_you": discuss(
            "Finasteride and dutasteride are not for anyone who is pregnant or may get "
            "pregnant. After the menopause, a doctor may offer one."
        ),
        "left_other_form": discuss(
            "You stopped one form of minoxidil because of side effects. The other form may "
            "suit you: a foam without propylene glycol, or tablets, which a doctor prescribes.",
            hidden_when_cause_open=True,
        ),
        "left_finasteride": discuss(
            "Finasteride has not had a try yet. It is worth asking about, with its warnings "
            "above.", hidden_when_cause_open=True,
        ),
        "left_for_women": discuss(
            "A doctor may suggest other medicines too, like minoxidil tablets or "
            "spironolactone. With it, you need birth control that works well.",
            hidden_when_cause_open=True,
        ),
        "left_for_women_no_minoxidil": discuss(
            "A doctor may suggest other medicines too, like spironolactone. With it, you need "
            "birth control that works well.", hidden_when_cause_open=True,
        ),
        "left_after_menopause": discuss(
            "A doctor may suggest other medicines too. Two of them are minoxidil tablets and "
            "spironolactone.", hidden_when_cause_open=True,
        ),
        "left_after_menopause_no_minoxidil": discuss(
            "A doctor may suggest other medicines too. One is spironolactone.",
            hidden_when_cause_open=True,
        ),
        # Spironolactone works against testosterone: not named until a doctor knows why
        # it is taken (a gender-affirming purpose puts the person in the 5-ARI group).
        "left_with_testosterone": discuss(
            "A doctor may suggest other medicines too, like minoxidil tablets. Some others "
            "work against testosterone. So tell them why you take it.",
            hidden_when_cause_open=True,
        ),
        "left_with_testosterone_no_minoxidil": discuss(
            "A doctor may suggest other medicines too. Some work against testosterone, so "
            "tell them why you take it.", hidden_when_cause_open=True,
        ),
        "medicines_wait": discuss(
            "During pregnancy and breastfeeding these medicines wait too. Ask which care is "
            "safe for now."
        ),
        "transplant_devices": discuss(
            "A hair transplant moves hair from the back of the head. It costs a lot, can scar "
            "and needs medicine to keep the rest. Laser caps and microneedling have small "
            "studies with modest gains."
        ),
        "waiting": discuss(
            "Waiting and watching is a fair choice too. Pattern loss changes slowly, and photos "
            "every few months show any change.",
            see="watchful-waiting", hidden_when_doctor_first=True,
        ),
        "medicine_list": bring("A list of all your medicines and supplements."),
        "photos": bring("Any photos of your hair from the past, to show how it has changed."),
        "blood_tests": bring("Results of any blood tests you had in the past year."),
        "products": bring("The names of the hair products and treatments you used."),
        "one_answer_for_all": bring(
            "Your answers gave one result for every treatment you tried. Bring a note of how "
            "each one went: helped, no change after 6 months, or stopped for side effects."
        ),
        "no_promise": expect(
            "No treatment works for everyone. Most take a few months to show any change."
        ),
    },
)
def always(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    yield say("gp_first", ())
    if a.one("age_band") == "under_18":
        # No harms list of adult medicines for a young person (principle 8).
        yield say("under_18", a.pair("age_band"))
    else:
        yield from _medicines(a, say)
    waiting_for_baby = pregnant_or_breastfeeding(a)
    if waiting_for_baby:
        yield say("medicines_wait", waiting_for_baby)
    if a.one("age_band") != "under_18":
        yield say("transplant_devices", ())
    yield say("waiting", ())
    yield say("medicine_list", ())
    yield say("photos", ())
    yield say("blood_tests", ())
    tried = a.pairs_except_none("treatments_tried")
    if tried:
        yield say("products", tried)
    if a.as_given.tried_result is not None:
        yield say("one_answer_for_all", tried + (("tried_result", a.as_given.tried_result),))
    yield say("no_promise", ())


def _medicines(a: Answers, say: Say) -> Iterable[Finding]:
    """The standard medicines in words that fit this person, and what is left to try."""
    yield say("minoxidil", ())
    group = five_ari_group(a)
    if group and a.one("sex_at_birth") == "male":
        yield say("finasteride", group)
        yield say("psa", a.pair("sex_at_birth"))
    elif group:
        yield say("finasteride_not_male", group)
    else:
        yield say("finasteride_not_for_you", ())
    # What is left to try matters where a standard medicine is the next step: pattern hair
    # loss, no medicine helping or tried fairly, and no pregnancy or breastfeeding.
    if (
        not pattern_loss_fit(a) or pregnant_or_breastfeeding(a)
        or standard_medicines(a).route in {"helped", "fair_try"}
    ):
        return
    stopped = a.results(MINOXIDIL_FORMS, {"stopped_side_effects"})
    if len(stopped) == 2 and not a.pairs("allergies", {"minoxidil"}):
        yield say("left_other_form", stopped)
    untried_5ari = not set(a.chosen("treatments_tried")) & set(FIVE_ARI_MEDICINES)
    if group and untried_5ari and not five_ari_ruled_out(a):
        yield say("left_finasteride", group + a.pairs("treatments_tried"))
    if a.one("sex_at_birth") != "male" and a.one("testosterone_purpose") != "gender_affirming":
        yield _left_for_women(a, say, group)


def _left_for_women(a: Answers, say: Say, group: Pairs) -> Finding:
    """Step 4's "other medicines a doctor may suggest", never naming one ruled out for her
    (minoxidil) or one that works against testosterone she takes for a reason not known."""
    no_minoxidil = minoxidil_ruled_out(a)
    suffix = "_no_minoxidil" if no_minoxidil else ""
    testosterone = a.pairs("hormone_medicines", {"testosterone"})
    if testosterone:
        return say(f"left_with_testosterone{suffix}",
                   testosterone + a.pair("testosterone_purpose") + no_minoxidil)
    if group:
        return say(f"left_after_menopause{suffix}", group + no_minoxidil)
    return say(f"left_for_women{suffix}", a.pair("sex_at_birth") + no_minoxidil)


@rule(
    "R33",
    "Minoxidil tablets and the heart",
    trigger="Minoxidil tablets tried (any result), with a heart problem or low blood pressure: "
            "a question.",
    reads={"treatments_tried": ("minoxidil_oral",),
           "other_conditions": ("heart_condition_or_low_blood_pressure",)},
    source="clinical-facts §11 (minoxidil tablets); rules.md v3 R33",
    says={
        "ask": ask("Are minoxidil tablets safe with my heart problem or low blood pressure?",
                   see="other-options"),
    },
)
def minoxidil_tablets_and_heart(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    heart = a.pairs("other_conditions", {"heart_condition_or_low_blood_pressure"})
    tablets = a.pairs("treatments_tried", {"minoxidil_oral"})
    # The medicines line names the tablets to every adult, so the question is asked
    # whenever the heart answer is given, and cites the tablets when they were tried.
    if heart and a.one("age_band") != "under_18":
        yield say("ask", heart + tablets)


@rule(
    "R34",
    "Trying for a baby: finasteride, dutasteride and fertility",
    trigger="An adult man trying for a baby now or soon: a question about finasteride and "
            "dutasteride and sperm.",
    reads={"family_plans": ("trying_for_baby_or_soon",), "age_band": ("under_18",)},
    source="clinical-facts §11 (fertility); rules.md v3 R34",
    says={
        "ask": ask(
            "Finasteride and dutasteride can lower sperm count and quality for a while. Should "
            "I use them while we try for a baby?",
            see="other-options",
        ),
    },
)
def fertility(a: Answers, say: Say, found: FindingsSoFar) -> Iterable[Finding]:
    plans = a.pairs("family_plans", {"trying_for_baby_or_soon"})
    if plans and a.one("age_band") != "under_18":  # no adult medicines' harms under 18
        yield say("ask", plans)
