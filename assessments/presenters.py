"""Turn a stored summary into what the summary page and the PDF show.

Each item gains its "because you answered …" sentences (question and answer in plain
words) and a link to the guide section that explains it.
"""

from assessments import intake
from assessments.models import Assessment
from assessments.summary import LEANING_LABELS, NEED_ADVICE
from content.selectors import section_titles, section_url


def because_phrases(because: list[dict]) -> list[dict]:
    """One phrase per question, its triggering answers joined, in the order given."""
    answers_by_question: dict[str, list[str]] = {}
    for pair in because:
        answers_by_question.setdefault(pair["question"], []).append(pair["answer"])
    phrases = []
    for key, values in answers_by_question.items():
        question = intake.QUESTIONS.get(key)
        if question is None:  # a question retired since this summary was made
            phrases.append({"question": key, "answer": ", ".join(values)})
            continue
        phrases.append({"question": question.label, "answer": intake.answer_text(question, values)})
    return phrases


def present_item(item: dict, titles: dict[str, str]) -> dict:
    """An item with its reasons in words and its guide link (none if the section is gone)."""
    title = titles.get(item["see"], "")
    return {
        **item,
        "because_phrases": because_phrases(item.get("because", [])),
        "see_url": section_url(item["see"]) if title else "",
        "see_title": title,
    }


def present_items(items: list[dict], titles: dict[str, str]) -> list[dict]:
    return [present_item(item, titles) for item in items]


def answer_rows(answers: dict) -> list[dict]:
    """Every asked question with its answer, grouped by step, for review and PDF."""
    rows = []
    for step in intake.STEPS:
        items = [
            {"key": question.key, "question": question.label,
             "answer": intake.answer_text(question, answers[question.key])}
            for question in step.questions
            if answers.get(question.key) not in (None, "", [])
        ]
        rows.append({"step": step, "items": items})
    return rows


def summary_context(assessment: Assessment) -> dict:
    summary = assessment.summary
    titles = section_titles()
    options = {
        name: {
            "label": label,
            "for": present_items(summary["options"][name]["for"], titles),
            "against": present_items(summary["options"][name]["against"], titles),
        }
        for name, label in (("prp", "PRP (platelet-rich plasma)"), ("mesotherapy", "Mesotherapy"))
    }
    readiness = summary["decision_readiness"]
    return {
        "assessment": assessment,
        "summary": summary,
        "leaning_label": LEANING_LABELS.get(summary["leaning"], summary["leaning"]),
        "red_flags": present_items(summary["red_flags"], titles),
        "options": options,
        "also_discuss": present_items(summary["also_discuss"], titles),
        "questions_to_ask": present_items(summary["questions_to_ask"], titles),
        "to_bring": present_items(summary["to_bring"], titles),
        "expectations": present_items(summary["expectations"], titles),
        "sure_score": readiness["sure_score"],
        "needs": [{"need": need, "advice": NEED_ADVICE.get(need, "")} for need in readiness["needs"]],
        "answer_rows": answer_rows(assessment.answers),
    }
