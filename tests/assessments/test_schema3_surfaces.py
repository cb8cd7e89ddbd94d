"""Intake schema 3 on every surface (issue 21 point 2) and the shorter questionnaire of
issue 23 (points 4 and 5): the step pages without JavaScript, drafts saved before the
change, the FHIR reader and writer, the staff pages and the CSV."""

import csv
import io
import json
import re
from typing import get_args

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments import intake
from assessments.fhir.response import (
    ResponseMismatch,
    answers_response,
    response_answers_as_given,
)
from assessments.models import Assessment, Draft
from assessments.staff.selectors import export_queryset, export_rows
from tests.answers import build_answer_dict
from tests.assessments.factories import make_assessment, make_staff

from .questionnaire_helpers import (
    MALE_ANSWERS,
    reveal_rules,
    start,
    step_post,
    step_url,
    walk_all_steps,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]

def _walk_to(client, key: str, answers: dict) -> tuple[Draft, intake.Step]:
    """Answer every step before the one that asks ``key``."""
    draft = start(client)
    step = intake.STEP_OF[key]
    for earlier in intake.STEPS[: step.number - 1]:
        response = client.post(step_url(earlier.number), step_post(earlier, answers, draft))
        assert response.status_code == 302, response.content.decode()[:1500]
    return draft, step


def _schema_2_answers(**overrides) -> dict:
    """A valid schema 2 answer set: one tried_result for every treatment tried."""
    answers = build_answer_dict(treatments_tried=["minoxidil_topical", "finasteride"],
                                result_minoxidil_topical="helped", result_finasteride="helped")
    answers = {k: v for k, v in answers.items() if k not in intake.RESULT_KEYS}
    answers.pop("family_plans", None)
    answers["tried_result"] = "stopped_side_effects"
    answers.update(overrides)
    return answers


class TestPerTreatmentResults:
    def test_one_compact_row_per_treatment_ticked_after_next(self, client):
        answers = {**MALE_ANSWERS, "treatments_tried": ["minoxidil_topical", "finasteride", "prp"]}
        draft, step = _walk_to(client, "treatments_tried", answers)
        posted = step_post(step, {k: v for k, v in answers.items()
                                  if k not in intake.RESULT_KEYS}, draft)
        response = client.post(step_url(step.number), posted)
        assert response.status_code == 302
        assert "new=result_minoxidil_topical,result_finasteride,result_prp" in response["Location"]
        html = client.get(response["Location"]).content.decode()
        # One group, one fieldset per treatment ticked, named by the treatment alone.
        assert html.count('class="question result-group"') == 1
        for key, name in (("result_minoxidil_topical", "Minoxidil lotion or foam"),
                          ("result_finasteride", "Finasteride tablets"), ("result_prp", "PRP")):
            row = html[html.index(f'id="question-{key}"'):]
            assert row.startswith(f'id="question-{key}">')  # shown, not hidden
            assert re.match(r'[^<]*(<[^l][^>]*>[^<]*)*<legend class="question-label">'
                            + re.escape(name) + "</legend>", row[row.index(">") + 1:]), key
        # Not ticked: sent hidden only, for the live reveal if it is ticked.
        assert 'id="question-result_minoxidil_oral" hidden' in html
        for value in get_args(intake.TreatmentResult):
            assert f'name="result_prp" value="{value}"' in html
        answers.update(result_finasteride="stopped_side_effects", result_prp="helped")
        response = client.post(step_url(step.number), step_post(step, answers, draft))
        assert response.status_code == 302 and "new=" not in response["Location"]
        draft.refresh_from_db()
        assert draft.answers["result_finasteride"] == "stopped_side_effects"
        assert draft.answers["result_prp"] == "helped"

    def test_every_row_is_sent_hidden_for_the_live_reveal(self, client):
        draft, step = _walk_to(client, "treatments_tried", MALE_ANSWERS)
        html = client.get(step_url(step.number)).content.decode()
        for key, treatment in intake.RESULT_KEYS.items():
            assert reveal_rules(html, key) == [["treatments_tried", "any_of", [treatment]]]

    def test_a_row_without_an_answer_names_its_treatment(self, client):
        answers = {**MALE_ANSWERS, "treatments_tried": ["minoxidil_oral"]}
        answers.pop("result_minoxidil_topical")
        draft, step = _walk_to(client, "treatments_tried", answers)
        client.post(step_url(step.number), step_post(step, answers, draft))  # reveals the row
        html = client.post(step_url(step.number), step_post(step, answers, draft)).content.decode()
        assert "Select how it went with minoxidil tablets" in html
        assert 'href="#id_result_minoxidil_oral_0"' in html


class TestNewQuestions:
    def test_family_plans_for_men_and_breastfeeding_for_everyone_else(self, client):
        start(client)
        html = client.get(step_url(1)).content.decode()
        assert reveal_rules(html, "family_plans") == [["sex_at_birth", "any_of", ["male"]]]
        assert reveal_rules(html, "breastfeeding_now") == [["sex_at_birth", "none_of", ["male"]]]
        assert 'value="breastfeeding"' not in html  # the pregnancy answer is retired

    def test_testosterone_purpose_is_revealed_live_for_someone_not_male(self, client):
        answers = build_answer_dict(sex_at_birth="female")
        draft, step = _walk_to(client, "hormone_medicines", answers)
        html = client.get(step_url(step.number)).content.decode()
        # Only the rule this page decides: "not male" was answered on page 1.
        assert reveal_rules(html, "testosterone_purpose") == [
            ["hormone_medicines", "any_of", ["testosterone"]]]
        answers = {**answers, "hormone_medicines": ["testosterone"],
                   "testosterone_purpose": "low_dose_for_symptoms"}
        response = client.post(step_url(step.number), step_post(step, answers, draft))
        assert response.status_code == 302 and "new=" not in response["Location"]
        draft.refresh_from_db()
        assert draft.answers["testosterone_purpose"] == "low_dose_for_symptoms"

    def test_no_blood_draw_is_a_priority(self, client):
        draft, step = _walk_to(client, "priorities", MALE_ANSWERS)
        html = client.get(step_url(step.number)).content.decode()
        assert 'name="priorities" value="no_blood_draw"' in html


class TestHealthChecklist:
    """Issue 23 point 4: the safety questions nearly always "none" as one checklist."""

    def test_none_of_these_answers_twelve_questions(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        for item in intake.HEALTH_CHECKLIST.items:
            expected = MALE_ANSWERS[item.key]
            assert draft.answers[item.key] == expected
        page = client.get(step_url(intake.STEP_OF["blood_thinners"].number)).content.decode()
        assert re.search(r'name="health_checklist" value="none"[^>]*checked', page)
        assert 'name="cancer"' not in page.split('id="question-cancer"')[0]

    def test_a_ticked_line_asks_its_question_without_none(self, client):
        draft, step = _walk_to(client, "blood_thinners", MALE_ANSWERS)
        posted = step_post(step, MALE_ANSWERS, draft)
        posted["health_checklist"] = ["blood_thinners", "nail_changes"]
        response = client.post(step_url(step.number), posted)
        assert response.status_code == 302
        assert "new=blood_thinners" in response["Location"]
        html = client.get(response["Location"]).content.decode()
        thinners = html[html.index('id="question-blood_thinners"'):]
        thinners = thinners[:thinners.index("</fieldset>")]
        assert 'value="warfarin_or_similar"' in thinners and 'value="none"' not in thinners
        posted["blood_thinners"] = ["warfarin_or_similar"]
        response = client.post(step_url(step.number), posted)
        assert response.status_code == 302 and "new=" not in response["Location"]
        draft.refresh_from_db()
        assert draft.answers["blood_thinners"] == ["warfarin_or_similar"]
        assert draft.answers["nail_changes"] == "yes"  # a yes/no line is its own answer
        assert draft.answers["cancer"] == "never" and draft.answers["bleeding_disorder"] == ["none"]

    def test_nothing_ticked_says_what_to_do(self, client):
        draft, step = _walk_to(client, "blood_thinners", MALE_ANSWERS)
        posted = step_post(step, MALE_ANSWERS, draft)
        del posted["health_checklist"]
        html = client.post(step_url(step.number), posted).content.decode()
        assert "Select at least one, or None of these" in html
        assert 'href="#id_health_checklist_0"' in html

    def test_none_with_a_line_is_refused(self, client):
        draft, step = _walk_to(client, "blood_thinners", MALE_ANSWERS)
        posted = step_post(step, MALE_ANSWERS, draft)
        posted["health_checklist"] = ["none", "cancer"]
        html = client.post(step_url(step.number), posted).content.decode()
        assert "“None of these” cannot be combined with other answers" in html


class TestErrorsAndLimits:
    def test_every_question_has_its_own_message(self):
        for key, question in intake.QUESTIONS.items():
            if question.required:
                assert question.error_message.startswith("Select "), key
                assert question.error_message != intake.FRIENDLY_MESSAGES["missing"]

    def test_an_empty_step_names_each_question(self, client):
        draft, step = _walk_to(client, "decision_stage", MALE_ANSWERS)
        html = client.post(step_url(step.number), {"draft": draft.token, "action": "next"}).content.decode()
        for key in ("decision_stage", "decision_role", "sure_sure"):
            assert intake.QUESTIONS[key].error_message in html
        assert "Please answer this question." not in html

    def test_the_limit_is_said_and_never_cut_silently(self, client):
        answers = {**MALE_ANSWERS, "allergies": ["other"], "allergy_other_details": "x" * 230}
        draft, step = _walk_to(client, "allergy_other_details", answers)
        client.post(step_url(step.number), step_post(step, answers, draft))  # reveals the box
        html = client.post(step_url(step.number), step_post(step, answers, draft)).content.decode()
        assert "You can type up to 200 characters." in html
        assert "maxlength" not in html  # a browser would cut pasted text without a word
        assert "200 characters or fewer" in html and "x" * 230 in html


class TestDraftsFromSchema2:
    def test_a_schema_2_draft_resumes_and_asks_the_new_questions(self, client):
        old = _schema_2_answers(sex_at_birth="female", age_band="25_34", periods="regular",
                                pregnancy="breastfeeding", pattern=["widening_part"],
                                ludwig_stage="ludwig_1", androgen_signs=["none"])
        old.pop("breastfeeding_now", None)
        old.pop("norwood_stage", None)
        draft = Draft.objects.create(answers=old, furthest_step=len(intake.STEPS))
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        assert response["Location"] == step_url(1)  # pregnancy is asked again
        html = client.get(step_url(1)).content.decode()
        assert re.search(r'name="breastfeeding_now" value="yes"[^>]*checked', html)
        answers = {**old, "pregnancy": "gave_birth_last_12_months", "breastfeeding_now": "yes"}
        client.post(step_url(1), step_post(intake.STEPS[0], answers, draft))
        step = intake.STEP_OF["treatments_tried"]
        back_to = client.get(reverse("assessments:review"))["Location"]
        assert back_to == step_url(step.number) + "?return=review"
        answers.update(result_minoxidil_topical="helped", result_finasteride="helped")
        response = client.post(back_to, step_post(step, answers, draft, return_to="review"))
        assert response["Location"] == reverse("assessments:review")
        assert client.get(reverse("assessments:review")).status_code == 200


def _stored_schema_2() -> Assessment:
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(
        answers=_schema_2_answers(), intake_schema="2")
    assessment.refresh_from_db()
    return assessment


class TestFhirSchema2:
    def test_a_version_2_response_is_read_as_intake_md_says(self):
        given = _schema_2_answers()
        response = answers_response(given, schema="2").model_dump(mode="json")
        assert response["questionnaire"].endswith("|2")
        answers, as_given = response_answers_as_given(response)
        assert answers.result_minoxidil_topical == "stopped_side_effects"
        assert answers.result_finasteride == "stopped_side_effects"
        assert as_given.schema == "2" and as_given.tried_result == "stopped_side_effects"

    def test_tried_result_in_a_version_3_response_names_the_key(self):
        response = answers_response(_schema_2_answers(), schema="2").model_dump(mode="json")
        response["questionnaire"] = response["questionnaire"][:-1] + intake.SCHEMA_VERSION
        with pytest.raises(ResponseMismatch) as caught:
            response_answers_as_given(response)
        assert any(p.link_id == "tried_result" and "version 2" in p.reason
                   for p in caught.value.problems)

    def test_a_result_key_in_a_version_2_response_names_the_key(self):
        answers = build_answer_dict(treatments_tried=["finasteride"], result_finasteride="helped")
        response = answers_response(answers, schema=intake.SCHEMA_VERSION).model_dump(mode="json")
        response["questionnaire"] = response["questionnaire"].rsplit("|", 1)[0] + "|2"
        with pytest.raises(ResponseMismatch) as caught:
            response_answers_as_given(response)
        assert "result_finasteride" in {p.link_id for p in caught.value.problems}

    def test_assess_refuses_a_mixed_response_with_exit_2(self, tmp_path):
        response = answers_response(_schema_2_answers(), schema="2").model_dump(mode="json")
        response["questionnaire"] = response["questionnaire"][:-1] + intake.SCHEMA_VERSION
        path = tmp_path / "mixed.json"
        path.write_text(json.dumps(response))
        with pytest.raises(CommandError) as refused:
            call_command("assess", str(path))
        assert refused.value.returncode == 2
        assert "tried_result: this question is in version 2" in str(refused.value)

    def test_a_stored_schema_2_assessment_exports_as_given(self):
        from assessments.fhir.bundle import assessment_bundle

        assessment = _stored_schema_2()
        bundle = assessment_bundle(assessment, pdf=b"%PDF-1.7", leaning_label="x",
                                   assembled_at=assessment.created_at).model_dump(mode="json")
        response = bundle["entry"][0]["resource"]
        assert response["questionnaire"].endswith("|2")
        keys = {item["linkId"] for group in response["item"] for item in group["item"]}
        assert "tried_result" in keys and not keys & set(intake.RESULT_KEYS)
        answers, _ = response_answers_as_given(response)  # and reads back
        assert answers.result_finasteride == "stopped_side_effects"


class TestStaffAndExport:
    def test_staff_detail_shows_schema_2_answers(self, client):
        assessment = _stored_schema_2()
        client.force_login(make_staff())
        html = client.get(reverse("staff:detail", args=[assessment.reference_code])).content.decode()
        assert "How did it go? (one answer for every treatment tried)" in html
        assert "I stopped because of side effects" in html

    def test_staff_detail_shows_the_new_answers(self, client):
        assessment = make_assessment(treatments_tried=["finasteride"],
                                     result_finasteride="no_change_after_6_months",
                                     family_plans="trying_for_baby_or_soon")
        client.force_login(make_staff())
        html = client.get(reverse("staff:detail", args=[assessment.reference_code])).content.decode()
        assert "Finasteride tablets: how did it go?" in html
        assert "No change after 6 months or more" in html
        assert intake.QUESTIONS["family_plans"].label in html

    def test_csv_has_the_new_columns_and_old_rows_still_export(self):
        new = make_assessment(treatments_tried=["finasteride"], result_finasteride="helped")
        _stored_schema_2()
        rows = list(export_rows(export_queryset(date_from=new.created_on, date_to=new.created_on)))
        header, *body = rows
        for column in ("intake_schema", "family_plans", "result_finasteride", "tried_result"):
            assert column in header
        by_schema = {row[header.index("intake_schema")]: dict(zip(header, row)) for row in body}
        assert by_schema[intake.SCHEMA_VERSION]["result_finasteride"] == "helped"
        assert by_schema[intake.SCHEMA_VERSION]["tried_result"] == ""
        assert by_schema["2"]["tried_result"] == "stopped_side_effects"
        assert by_schema["2"]["result_finasteride"] == ""
        assert len({len(row) for row in rows}) == 1
        csv.writer(io.StringIO()).writerows(rows)


def test_intake_schema_command_has_the_new_questions():
    out = io.StringIO()
    call_command("intake_schema", stdout=out)
    schema = json.loads(out.getvalue())
    properties = schema["properties"]
    for key in ("family_plans", "testosterone_purpose", "breastfeeding_now", *intake.RESULT_KEYS):
        assert key in properties
    assert "tried_result" not in properties
    assert "no_blood_draw" in json.dumps(properties["priorities"])
    assert "asked only if" in properties["testosterone_purpose"]["description"]
