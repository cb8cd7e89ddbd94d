"""Walk the questionnaire with the Django test client, as a browser without JavaScript."""

import json
import re
from html import unescape

from django.urls import reverse

from assessments import intake
from assessments.models import Draft
from tests.answers import build_answer_dict

# The rules tests' quiet baseline, varied so that more of the summary is exercised:
# several patterns, a tried treatment with its follow-up, priorities, a SURE "no".
MALE_ANSWERS = build_answer_dict(
    age_band="25_34",
    pattern=["receding_temples", "crown_thinning"],
    needle_comfort="fine",
    treatments_tried=["minoxidil_topical"],
    result_minoxidil_topical="no_change_after_6_months",
    goal="regrow_some_hair",
    priorities=["own_body", "strongest_evidence"],
    sure_sure="no",
)

# Female-pattern thinning (Ludwig 1) with the same other answers.
FEMALE_ANSWERS = build_answer_dict(
    **{
        **{k: v for k, v in MALE_ANSWERS.items() if k not in {"pattern", "norwood_stage"}},
        "sex_at_birth": "female",
        "age_band": "35_49",
    }
)


def step_url(number: int) -> str:
    return reverse("assessments:step", args=[number])


def step_post(step: intake.Step, answers: dict, draft: Draft, action: str = "next", **extra):
    """Form data for one step: the applicable answers, as the browser would post them
    (the health checklist ticked as the answers show it)."""
    data = {"draft": draft.token, "action": action}
    checklist = step.checklist
    ticks = checklist.ticks_from(answers) if checklist else None
    for question in step.questions:
        item = checklist.item_for(question.key) if checklist else None
        if item is not None and (item.yes_value or question.key not in ticks):
            continue  # the checklist's tick (or its absence) gives this answer
        if question.key in answers and question.applies(answers):
            data[question.key] = answers[question.key]
    if ticks:
        data[checklist.key] = ticks
    data.update(extra)
    return data


def start(client) -> Draft:
    response = client.post(reverse("assessments:start"))
    assert response.status_code == 302
    assert response["Location"] == step_url(1)
    return Draft.objects.get(token=client.session["draft_token"])


def walk_all_steps(client, answers: dict) -> Draft:
    """Start and answer every step with Next; ends on the review page."""
    draft = start(client)
    for step in intake.STEPS:
        response = client.post(step_url(step.number), step_post(step, answers, draft))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("assessments:review")
    draft.refresh_from_db()
    return draft


def reveal_rules(html: str, key: str) -> list | None:
    """The live-reveal rules a step page sends with a hidden question, as data
    ([[key, mode, [values]], ...]); None when the question is not sent hidden."""
    match = re.search(rf'id="question-{key}" hidden data-reveal-when="([^"]*)"', html)
    return json.loads(unescape(match.group(1))) if match else None
