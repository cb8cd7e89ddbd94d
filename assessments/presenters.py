"""Turn a stored summary into what the summary page and the PDF show.

Each item gains its reasons (a short name of the question and the answer in plain
words) and a link to the guide section that explains it. A reason is shown once: the
first item it explains carries it, later items do not repeat it (issue 12: the same
reason four times made the summary long and hard to read).
"""

from assessments import intake
from assessments.models import Assessment
from assessments.summary import NEED_ADVICE
from content.selectors import declaration_of_interest, section_titles, section_url

# What a reason calls each question: a few words, not the whole question (which may end
# in "(optional)" or "Choose all that apply."). A key missing here falls back to
# ``short_question_name``'s trimmed label, so a new question never breaks the page.
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
    "steroids_immunosuppressants": "Steroids and immune medicines",
    "scalp_conditions": "Scalp problems",
    "cancer": "Cancer",
    "other_conditions": "Other health problems",
    "smoking": "Smoking",
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
    "family_plans": "Plans for a baby",
    "testosterone_purpose": "Why testosterone",
    "goal": "Your goal",
    "priorities": "What matters most",
    "decision_stage": "Where you are in deciding",
    "decision_role": "How you want to decide",
    "sure_sure": "Feeling sure",
    "sure_understand": "Knowing good and bad points",
    "sure_risks_benefits": "What matters most",
    "sure_encouragement": "Support",
}


# Questions of an older intake schema that stored summaries may cite.
RETIRED_SHORT_QUESTION_NAMES = {"tried_result": "How everything tried went"}


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


def present_item(item: dict, titles: dict[str, str], shown: set | None = None) -> dict:
    """An item with its reasons in words and its guide link (none if the section is gone).

    ``shown`` holds the reasons already given by earlier items; this item gives only the
    new ones and adds them to it.
    """
    title = titles.get(item["see"], "")
    phrases = because_phrases(item.get("because", []))
    if shown is not None:
        phrases = [p for p in phrases if (p["key"], p["answer"]) not in shown]
        shown.update((p["key"], p["answer"]) for p in phrases)
    return {
        **item,
        "because_phrases": phrases,
        "see_url": section_url(item["see"]) if title else "",
        "see_title": title,
    }


def present_items(items: list[dict], titles: dict[str, str], shown: set | None = None) -> list[dict]:
    return [present_item(item, titles, shown) for item in items]


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
            if answers.get(question.key) not in (None, "", [])
        ]
        rows.append({"step": step, "items": items})
    return rows


def summary_context(assessment: Assessment) -> dict:
    """Everything the summary page and the PDF show, in the order a reader meets it.

    The next step and what to bring come first, then the red flags or the leaning, then
    the options. Reasons are deduplicated in that reading order. On a ``doctor_first``
    summary the options are for later (the template folds them under the doctor's
    check) and empty "for" or "against" lists are not shown at all.
    """
    summary = assessment.summary
    titles = section_titles()
    shown: set = set()
    to_bring = present_items(summary["to_bring"], titles, shown)
    red_flags = present_items(summary["red_flags"], titles, shown)
    # Standard treatments come before the injections (developers' guide), so their
    # reasons are given first.
    also_discuss = present_items(summary["also_discuss"], titles, shown)
    options = {}
    for name, label in (("prp", "PRP (platelet-rich plasma)"), ("mesotherapy", "Mesotherapy")):
        points_for = present_items(summary["options"][name]["for"], titles, shown)
        against = present_items(summary["options"][name]["against"], titles, shown)
        options[name] = {"label": label, "for": points_for, "against": against,
                         "links": guide_links(points_for, against)}
    expectations = present_items(summary["expectations"], titles, shown)
    questions_to_ask = present_items(summary["questions_to_ask"], titles, shown)
    readiness = summary["decision_readiness"]
    doctor_first = summary["leaning"] == "doctor_first"
    option_items = [item for o in options.values() for item in (*o["for"], *o["against"])]
    return {
        "assessment": assessment,
        "summary": summary,
        "doctor_first": doctor_first,
        "leaning_label": assessment.leaning_label,
        "red_flags": red_flags,
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
        "options_open": summary["leaning"] == "neither_for_now",
        "also_discuss": also_discuss,
        "questions_to_ask": questions_to_ask,
        "to_bring": to_bring,
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
        if question is not None and answers.get(key) not in (None, "", []):
            about.append({"question": short_question_name(key),
                          "answer": intake.answer_text(question, answers[key])})
    ruled_out = [
        {"option": label, "text": item["text"], "rule": item["rule"]}
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
