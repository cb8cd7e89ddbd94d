"""Turn a stored summary into what the summary page and the PDF show.

Each item gains its reasons (a short name of the question and the answer in plain
words), the label its severity is shown with, and a link to the guide section that
explains it. Each "Why?" lists every answer of its line's ``because``, even when another
line shows the same answer (rules.md v3, principle 7: a line explained only by the
answers left over after earlier lines read as if unrelated answers caused it).

The display follows the leaning (rules.md v3): the reason comes first. On "neither for
now" the reason that puts both injections off is shown with the headline; on each
option what puts it off comes before what speaks for it; on "see a doctor first" the
reassurance the rules give for the same answers sits beside the warning sign.
"""

import functools

from assessments import intake
from assessments.governance.services import review_status
from assessments.models import Assessment
from assessments.reasoning import RULES
from assessments.reasoning.engine import Says
from assessments.summary import LEANING_LABELS, NEED_ADVICE, SEVERITY_LABELS
from content.selectors import declaration_of_interest, section_titles, section_url

# What a reason calls each question: a few words, not the whole question (which may end
# in "(optional)" or "Choose all that apply."). Two questions never share a name (a test
# checks): "What matters most" for two questions made a "Why?" ambiguous (issue 23).
# Retired keys are named below (RETIRED_SHORT_QUESTION_NAMES). A key missing from both
# falls back to ``short_question_name``'s trimmed label, so a new question never breaks
# the page.
SHORT_QUESTION_NAMES: dict[str, str] = {
    "sex_at_birth": "Sex at birth",
    "age_band": "Age",
    "periods": "Periods",
    "pregnancy": "Pregnancy and birth",
    "breastfeeding_now": "Breastfeeding",
    "pattern": "Where hair is thinning",
    "norwood_stage": "Stage (Norwood)",
    "ludwig_stage": "Stage (Ludwig)",
    "duration": "How long",
    "onset_speed": "How fast it started",
    "shedding_amount": "Hair lost each day",
    "triggers_recent": "What happened before",
    "family_history": "Family history",
    "scalp_symptoms": "Scalp",
    "other_hair_loss": "Hair loss elsewhere",
    "nail_changes": "Nail changes",
    "androgen_signs": "Hormone signs",
    "general_symptoms": "How you feel",
    "hair_pulling": "Pulling hair",
    "allergies": "Allergies",
    "allergy_other_details": "Other allergies",
    "severe_allergy_ever": "Severe allergic reaction",
    "past_injection_types": "Past injections",
    "past_injection_reaction": "Reaction to injections",
    "bleeding_disorder": "Bleeding problems",
    "blood_thinners": "Blood thinners",
    "hormone_medicines": "Hormone medicines",
    "testosterone_purpose": "Why you take testosterone",
    "steroids_immunosuppressants": "Steroids and immune medicines",
    "scalp_conditions": "Scalp problems",
    "cancer": "Cancer",
    "other_conditions": "Other health problems",
    "smoking": "Smoking",
    "family_plans": "Plans for a baby",
    "needle_comfort": "Needles",
    "visit_availability": "Clinic visits",
    "treatments_tried": "Tried before",
    "result_minoxidil_topical": "Minoxidil lotion: how it went",
    "result_minoxidil_oral": "Minoxidil tablets: how it went",
    "result_finasteride": "Finasteride: how it went",
    "result_dutasteride_oral": "Dutasteride: how it went",
    "result_antiandrogen_other": "Hormone blockers: how it went",
    "result_prp": "PRP: how it went",
    "result_mesotherapy": "Mesotherapy: how it went",
    "goal": "Your goal",
    "priorities": "What matters most",
    "decision_stage": "Where you are in deciding",
    "decision_role": "How you want to decide",
    "sure_sure": "Feeling sure",
    "sure_understand": "Knowing good and bad points",
    "sure_risks_benefits": "Clear on your priorities",
    "sure_encouragement": "Support",
}

# Questions of an older intake schema that stored summaries may cite.
RETIRED_SHORT_QUESTION_NAMES = {"tried_result": "How everything tried went"}

# The headline's heading when advanced loss (R18) is the only reason both injections are
# put off: they are unlikely to help at this stage, which "for now" would misstate.
ADVANCED_LOSS_RULE = "R18"
ADVANCED_LOSS_HEADING = "Injections unlikely to help at this stage"

# Rules whose lines reassure ("this often settles by itself"). On a doctor-first summary
# they are shown beside the warning sign instead of folded away with the options.
REASSURING_RULES = frozenset({"R16"})

OPTION_LABELS = {"prp": "PRP (platelet-rich plasma)", "mesotherapy": "Mesotherapy"}


@functools.cache
def _declarations() -> dict[tuple[str, str], Says]:
    """Every sentence the running rules may write, by (rule id, text)."""
    return {(each.id, says.text): says for each in RULES for says in each.says.values()}


@functools.cache
def _rule_stop_labels() -> dict[str, str]:
    """Each running rule's first stop label, for lines written in older words."""
    labels: dict[str, str] = {}
    for (rule_id, _), says in _declarations().items():
        if says.severity == "stop" and says.label:
            labels.setdefault(rule_id, says.label)
    return labels


def declared(item: dict) -> Says | None:
    """The running engine's declaration of a stored line; None for a line of a rule or
    wording that is no longer running (an older summary)."""
    return _declarations().get((item["rule"], item["text"]))


def severity_label(item: dict) -> str:
    """"Take care", or a stop line's own label; "" for information (shown unlabelled).

    A stop line says what it means for its rule (principle 9), not one "Not until a
    doctor agrees" for all: each stop sentence declares its label (``Says.label``,
    ruleset 2027.01); a line stored in an earlier ruleset's words takes its rule's.
    """
    if item["severity"] == "info":
        return ""
    if item["severity"] == "caution":
        return SEVERITY_LABELS["caution"]
    says = declared(item)
    return (says.label if says else "") or _rule_stop_labels().get(
        item["rule"], SEVERITY_LABELS["stop"]
    )


def puts_off(item: dict, both_options: set[str]) -> bool:
    """Whether an "against" line puts the option off (a stop, or a reason for "neither
    for now"), rather than asking for care. A line the running rules do not declare any
    more counts when it is said against both options, as every such reason is."""
    if item["severity"] == "stop":
        return True
    says = declared(item)
    return says.leaning_neither if says else item["text"] in both_options



def short_question_name(key: str) -> str:
    """A few words naming the question, for reasons and key facts."""
    if key in SHORT_QUESTION_NAMES:
        return SHORT_QUESTION_NAMES[key]
    if key in RETIRED_SHORT_QUESTION_NAMES:
        return RETIRED_SHORT_QUESTION_NAMES[key]
    question = intake.QUESTIONS.get(key)
    if question is None:  # a question retired since this summary was made
        return key.replace("_", " ").capitalize()
    label = question.label.replace("(optional)", "").replace("Choose all that apply.", "")
    return label.strip().rstrip("?").strip()


def because_phrases(because: list[dict]) -> list[dict]:
    """One phrase per question, its triggering answers joined, in the order given."""
    answers_by_question: dict[str, list[str]] = {}
    for pair in because:
        answers_by_question.setdefault(pair["question"], []).append(pair["answer"])
    phrases = []
    for key, values in answers_by_question.items():
        question = intake.QUESTIONS.get(key) or intake.RETIRED_QUESTIONS.get(key)
        answer = intake.answer_text(question, values) if question else ", ".join(values)
        phrases.append({"key": key, "question": short_question_name(key), "answer": answer})
    return phrases


def present_item(item: dict, titles: dict[str, str]) -> dict:
    """An item with all its reasons in words, its label and its guide link (none if the
    section is gone)."""
    title = titles.get(item["see"], "")
    return {
        **item,
        "because_phrases": because_phrases(item.get("because", [])),
        "label": severity_label(item),
        "see_url": section_url(item["see"]) if title else "",
        "see_title": title,
    }


def present_items(items: list[dict], titles: dict[str, str]) -> list[dict]:
    return [present_item(item, titles) for item in items]


def guide_links(*item_lists: list[dict]) -> list[dict]:
    """The guide sections a group of items points to, each once, in order of first use.

    One "Read more" line per section of the summary instead of one per item: the same
    link repeated under five lines was a good part of the page's length (issue 12).
    """
    links: dict[str, str] = {}
    for items in item_lists:
        for item in items:
            if item["see_url"] and item["see_url"] not in links:
                links[item["see_url"]] = item["see_title"]
    return [{"url": url, "title": title} for url, title in links.items()]


def safety_count(items: list[dict]) -> int:
    """How many lines ask for care ("take care", "not until a doctor agrees")."""
    return sum(1 for item in items if item["severity"] != "info")


def unique_texts(items: list[dict]) -> list[dict]:
    """The items with each text once (a fact said against both options is one reason)."""
    return list({item["text"]: item for item in items}.values())


def present_options(summary: dict, titles: dict[str, str]) -> tuple[dict, list[dict]]:
    """Each option's lines, what puts it off first; and the reasons that put both off.

    An option card lists its "against" lines before its "for" lines, and within them what
    puts the option off before what only asks for care (rules.md v3, "The display
    follows the leaning").
    """
    raw = {name: summary["options"][name] for name in OPTION_LABELS}
    on_both = {item["text"] for item in raw["prp"]["against"]} & {
        item["text"] for item in raw["mesotherapy"]["against"]
    }
    options, off = {}, []
    for name, label in OPTION_LABELS.items():
        against = present_items(raw[name]["against"], titles)
        putting_off = [item for item in against if puts_off(item, on_both)]
        against = putting_off + [item for item in against if item not in putting_off]
        points_for = present_items(raw[name]["for"], titles)
        options[name] = {"label": label, "against": against, "for": points_for,
                         "links": guide_links(against, points_for)}
        off.extend(putting_off)
    return options, unique_texts(off)


def leaning_heading(leaning: str, reasons: list[dict]) -> str:
    """The heading over the headline: the leaning in words, except that advanced loss
    alone puts the injections off for good at this stage, not "for now"."""
    if leaning == "neither_for_now" and reasons and all(
        item["rule"] == ADVANCED_LOSS_RULE for item in reasons
    ):
        return ADVANCED_LOSS_HEADING
    return LEANING_LABELS.get(leaning, leaning)


def reassurance(summary: dict, titles: dict[str, str]) -> list[dict]:
    """Lines of the reassuring rules (R16's "this often stops by itself"), each text once,
    outside the questions to ask (those keep their own place)."""
    sections = [*(summary["options"][name]["against"] for name in OPTION_LABELS),
                summary["red_flags"], summary["also_discuss"], summary["expectations"]]
    lines = [item for items in sections for item in items if item["rule"] in REASSURING_RULES]
    return [{**item, "severity": "info", "label": ""}
            for item in unique_texts(present_items(lines, titles))]


# A retired question that stored answers may hold, shown after the question it followed.
RETIRED_SHOWN_AFTER = {"treatments_tried": "tried_result"}


def answer_rows(answers: dict) -> list[dict]:
    """Every asked question with its answer, grouped by step, for review and PDF.

    Answers stored under intake schema 2 show their ``tried_result`` too."""
    rows = []
    for step in intake.STEPS:
        questions = []
        for question in step.questions:
            questions.append(question)
            if RETIRED_SHOWN_AFTER.get(question.key) in answers:
                questions.append(intake.RETIRED_QUESTIONS[RETIRED_SHOWN_AFTER[question.key]])
        items = [
            {"key": question.key, "question": question.label,
             "answer": intake.answer_text(question, answers[question.key])}
            for question in questions
            if intake.is_answered(answers.get(question.key))
        ]
        rows.append({"step": step, "items": items})
    return rows


def summary_context(assessment: Assessment) -> dict:
    """Everything the summary page and the PDF show, in the order a reader meets it.

    The reason comes first: the red flags on a doctor-first summary, otherwise the
    headline with, on "neither for now", what puts both injections off. Then the next
    step and what to bring, then the options. On a ``doctor_first`` summary the options
    are for later (the template folds them under the doctor's check) and empty "for" or
    "against" lists are not shown at all.
    """
    summary = assessment.summary
    titles = section_titles()
    options, putting_off = present_options(summary, titles)
    leaning = summary["leaning"]
    doctor_first = leaning == "doctor_first"
    neither = leaning == "neither_for_now"
    # On doctor first the reassurance moves up beside the warning sign (not repeated in
    # the folded sections below it).
    comforting = reassurance(summary, titles) if doctor_first else []
    moved = {item["text"] for item in comforting}
    also_discuss = [item for item in present_items(summary["also_discuss"], titles)
                    if item["text"] not in moved]
    red_flags = present_items(summary["red_flags"], titles)
    expectations = [item for item in present_items(summary["expectations"], titles)
                    if item["text"] not in moved]
    questions_to_ask = present_items(summary["questions_to_ask"], titles)
    readiness = summary["decision_readiness"]
    option_items = [item for o in options.values() for item in (*o["for"], *o["against"])]
    return {
        "assessment": assessment,
        "summary": summary,
        "doctor_first": doctor_first,
        "leaning_label": leaning_heading(leaning, putting_off),
        # On "neither for now" the first reason is shown under the headline (which names
        # it and counts the others); all are given on the option cards below.
        "reasons_first": putting_off[:1] if neither else [],
        "reassurance": comforting,
        "red_flags": red_flags,
        "review_status": review_status(ruleset_approval=assessment.ruleset_approval),
        "options": options,
        "options_have_points": bool(option_items),
        # Off a doctor-first summary, both treatment sections are folded alike (standard
        # treatments and injections get the same weight); a fold's title says how many
        # of its lines ask for care. The injections' fold opens by itself only when the
        # leaning is about them ("both injections are best put off for now").
        "safety_counts": {
            "also_discuss": safety_count(also_discuss),
            "options": safety_count(option_items),
        },
        "options_open": neither,
        "also_discuss": also_discuss,
        "questions_to_ask": questions_to_ask,
        "to_bring": present_items(summary["to_bring"], titles),
        "expectations": expectations,
        "links": {
            "red_flags": guide_links(red_flags),
            "also_discuss": guide_links(also_discuss),
            "expectations": guide_links(expectations),
            "questions_to_ask": guide_links(questions_to_ask),
        },
        "sure_score": readiness["sure_score"],
        "needs": [{"need": need, "advice": NEED_ADVICE.get(need, "")} for need in readiness["needs"]],
        "answer_rows": answer_rows(assessment.answers),
        # Every summary carries what the clinic sells (issue 11; IPDAS conflicts of interest).
        "declaration": declaration_of_interest(),
    }


def key_facts(assessment: Assessment) -> dict:
    """What clinic staff need first: who, red flags, and what rules an option out."""
    summary = assessment.summary
    answers = assessment.answers
    about = []
    for key in ("sex_at_birth", "age_band", "pregnancy", "breastfeeding_now"):
        question = intake.QUESTIONS.get(key)
        if question is not None and intake.is_answered(answers.get(key)):
            about.append({"question": short_question_name(key),
                          "answer": intake.answer_text(question, answers[key])})
    ruled_out = [
        {"option": label, "text": item["text"], "rule": item["rule"],
         "label": severity_label(item)}
        for name, label in (("prp", "PRP"), ("mesotherapy", "Mesotherapy"))
        for item in summary["options"][name]["against"]
        if item["severity"] == "stop"
    ]
    return {
        "leaning_label": assessment.leaning_label,
        "about": about,
        "red_flags": [{"text": item["text"], "rule": item["rule"]} for item in summary["red_flags"]],
        "ruled_out": ruled_out,
    }
