"""The questionnaire end to end with the Django test client (no JavaScript)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import intake
from assessments.models import Assessment, AuditEvent, Draft
from assessments.services import assessment_rederive_summary
from tests.answers import build_answer_dict

from .questionnaire_helpers import (
    FEMALE_ANSWERS,
    MALE_ANSWERS,
    reveal_rules,
    start,
    step_post,
    step_url,
    walk_all_steps,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]



# Steps named by what they ask, not by number (the pages were regrouped before).
ABOUT_YOU = intake.STEP_OF["sex_at_birth"]
HAIR_LOSS = intake.STEP_OF["pattern"]
HEALTH = intake.STEP_OF["allergies"]
PRACTICALITIES = intake.STEP_OF["goal"]
WHAT_MATTERS = intake.STEP_OF["decision_stage"]


class TestSteps:
    def test_start_page_explains_and_starts_a_draft(self, client):
        page = client.get(reverse("assessments:start"))
        assert page.status_code == 200
        assert f"{len(intake.STEPS)} short steps" in page.content.decode()
        draft = start(client)
        assert draft.answers == {}

    def test_step_shows_progress_and_intake_field_names(self, client):
        start(client)
        html = client.get(step_url(HAIR_LOSS.number)).content.decode()  # not reached yet -> redirect
        html = client.get(step_url(1)).content.decode()
        assert f"Step 1 of {len(intake.STEPS)}" in html
        assert f'<progress class="w-100" max="{len(intake.STEPS)}" value="1"' in html
        assert 'name="sex_at_birth" value="prefer_not_to_say"' in html
        assert 'type="radio"' in html
        assert "novalidate" in html

    def test_cannot_skip_ahead(self, client):
        start(client)
        response = client.get(step_url(HEALTH.number))
        assert response.status_code == 302
        assert response["Location"] == step_url(1)

    def test_next_validates_only_the_current_step(self, client):
        draft = start(client)
        response = client.post(step_url(1), {"draft": draft.token, "action": "next"})
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="error-summary"' in html
        assert 'href="#id_sex_at_birth_0"' in html
        assert 'aria-invalid="true"' in html
        assert "Select the sex you were given at birth, or Prefer not to say" in html
        assert "Select how old you are" in html
        # Only step 1's questions are complained about.
        assert "pattern" not in re.findall(r'href="#id_(\w+?)_0"', html)

    def test_multi_with_none_and_another_answer_is_refused_next_to_the_field(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        data = step_post(HAIR_LOSS, {**MALE_ANSWERS, "scalp_symptoms": ["none", "itching"]}, draft)
        response = client.post(step_url(HAIR_LOSS.number), data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "cannot be combined with other answers" in html
        assert 'id="id_scalp_symptoms_error"' in html

    def test_walk_all_steps_reaches_review_with_every_answer(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        assert draft.answers == MALE_ANSWERS
        html = client.get(reverse("assessments:review")).content.decode()
        for question in intake.QUESTIONS.values():
            if question.key in MALE_ANSWERS:
                assert question.label in html.replace("&#x27;", "'").replace("&quot;", '"'), question.key
        assert html.count("?return=review") == len(intake.STEPS)


class TestConditionalQuestions:
    def test_female_answer_reveals_period_questions_on_the_same_step(self, client):
        """Without JavaScript the server shows the new questions after Next."""
        draft = start(client)
        response = client.post(
            step_url(1),
            {"draft": draft.token, "action": "next", "sex_at_birth": "female", "age_band": "35_49"},
        )
        # Post/redirect/get to the first new question: the browser scrolls to it.
        assert response.status_code == 302
        assert response["Location"] == (
            step_url(1) + "?new=periods,pregnancy,breastfeeding_now#question-periods"
        )
        response = client.get(response["Location"])
        html = response.content.decode()
        assert "there are more questions on this page" in html
        # The notice names each new question and links to it; each is marked as new.
        assert 'href="#question-periods"' in html and 'href="#question-pregnancy"' in html
        assert html.count("question--new") == 3
        assert 'name="periods"' in html and 'name="pregnancy"' in html
        assert 'aria-invalid="true"' not in html  # new questions are not errors
        draft.refresh_from_db()
        assert draft.answers == {"sex_at_birth": "female", "age_band": "35_49"}

    def test_male_answer_skips_period_questions(self, client):
        draft = start(client)
        response = client.post(step_url(1), step_post(ABOUT_YOU, MALE_ANSWERS, draft))
        assert response["Location"] == step_url(HAIR_LOSS.number)
        html = client.get(step_url(1)).content.decode()
        # Sent only hidden, for the optional live reveal if the answer is changed.
        assert reveal_rules(html, "periods") == [["sex_at_birth", "none_of", ["male"]]]

    def test_follow_up_questions_are_sent_hidden_with_their_rule(self, client):
        """JavaScript may reveal them live; without it they stay hidden until Next."""
        start(client)
        html = client.get(step_url(1)).content.decode()
        assert reveal_rules(html, "pregnancy") == [["sex_at_birth", "none_of", ["male"]]]
        assert 'id="question-age_band">' in html  # unconditional questions are visible

    def test_answers_to_questions_that_stopped_applying_are_dropped(self, client):
        draft = walk_all_steps(client, FEMALE_ANSWERS)
        assert "androgen_signs" in draft.answers
        response = client.post(
            step_url(1) + "?return=review",
            step_post(ABOUT_YOU, {**FEMALE_ANSWERS, "sex_at_birth": "male", "family_plans": "no"},
                      draft, return_to="review"),
        )
        draft.refresh_from_db()
        for key in ("periods", "pregnancy", "breastfeeding_now", "androgen_signs"):
            assert key not in draft.answers
        assert response["Location"] == reverse("assessments:review")

    def test_stage_question_follows_the_pattern(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        answers = {**MALE_ANSWERS, "pattern": ["diffuse_shedding"]}
        answers.pop("norwood_stage")
        client.post(step_url(HAIR_LOSS.number), step_post(HAIR_LOSS, answers, draft))
        draft.refresh_from_db()
        assert "norwood_stage" not in draft.answers
        assert "ludwig_stage" not in draft.answers

    def test_stage_question_shows_the_drawings(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        client.post(step_url(HAIR_LOSS.number), step_post(HAIR_LOSS, MALE_ANSWERS, draft, action="back"))
        html = client.get(step_url(HAIR_LOSS.number)).content.decode()
        # Each answer carries its drawing inside its label, after the question.
        assert html.index("Which picture is closest") < html.index("norwood-3.svg")
        assert re.search(r'<label[^>]*for="id_norwood_stage_2"><img[^>]*norwood-3\.svg', html)


class TestBackAndChange:
    def test_back_keeps_what_was_typed_without_validating(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        response = client.post(
            step_url(HAIR_LOSS.number),
            {"draft": draft.token, "action": "back", "pattern": ["crown_thinning"],
             "duration": "not-a-value"},
        )
        assert response["Location"] == step_url(1)
        draft.refresh_from_db()
        assert draft.answers["pattern"] == ["crown_thinning"]
        assert "duration" not in draft.answers  # not a real value, so not an answer
        html = client.get(step_url(HAIR_LOSS.number)).content.decode()
        assert re.search(r'value="crown_thinning"[^>]*checked', html)

    def test_change_from_review_returns_to_review(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        html = client.get(step_url(PRACTICALITIES.number) + "?return=review").content.decode()
        assert 'name="return_to" value="review"' in html
        response = client.post(
            step_url(PRACTICALITIES.number) + "?return=review",
            step_post(PRACTICALITIES, {**MALE_ANSWERS, "goal": "thicker_hair"}, draft, return_to="review"),
        )
        assert response["Location"] == reverse("assessments:review")
        draft.refresh_from_db()
        assert draft.answers["goal"] == "thicker_hair"

    def test_change_that_adds_a_question_elsewhere_goes_there_first(self, client):
        """Switching to female makes the hormone-signs question apply: ask it before review."""
        draft = walk_all_steps(client, MALE_ANSWERS)
        answers = {**MALE_ANSWERS, "sex_at_birth": "female", "periods": "regular",
                   "pregnancy": "not_pregnant", "breastfeeding_now": "no"}
        response = client.post(
            step_url(1) + "?return=review", step_post(ABOUT_YOU, answers, draft, return_to="review")
        )
        androgen_signs_page = step_url(intake.STEP_OF["androgen_signs"].number)
        assert response["Location"] == androgen_signs_page + "?return=review"


class TestDraftsAndResume:
    def test_save_and_continue_later_shows_code_and_link(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        response = client.post(step_url(HAIR_LOSS.number), step_post(HAIR_LOSS, MALE_ANSWERS, draft, action="save"))
        assert response["Location"] == reverse("assessments:saved")
        html = client.get(reverse("assessments:saved")).content.decode()
        draft.refresh_from_db()
        assert draft.resume_code_display in html
        assert reverse("assessments:resume_link", args=[draft.token]) in html
        assert draft.answers["norwood_stage"] == "norwood_3"

    def test_resume_with_code_in_a_new_session_forgives_case_and_dashes(self, client, django_user_model):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        client.logout()
        client.cookies.clear()
        code = draft.resume_code_display.lower().replace("-", " ")
        response = client.post(reverse("assessments:resume"), {"code": code})
        assert response.status_code == 302
        assert response["Location"] == step_url(HAIR_LOSS.number)
        html = client.get(step_url(1)).content.decode()
        assert re.search(r'value="male"[^>]*checked', html)

    def test_resume_with_unknown_code_says_so(self, client):
        response = client.post(reverse("assessments:resume"), {"code": "ABCD-EFGH-JKMN"})
        assert response.status_code == 400
        assert "could not find saved answers" in response.content.decode()

    def test_resume_link(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        client.cookies.clear()
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        assert response["Location"] == step_url(HAIR_LOSS.number)

    def test_expired_draft_cannot_be_resumed(self, client):
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        client.cookies.clear()
        assert client.post(reverse("assessments:resume"), {"code": draft.resume_code}).status_code == 400
        assert client.get(reverse("assessments:resume_link", args=[draft.token])).status_code == 404

    def test_posted_draft_token_survives_a_lost_session(self, client):
        """A page left open after the session ended still saves to its draft."""
        draft = walk_to(client, HAIR_LOSS.number, MALE_ANSWERS)
        client.cookies.clear()
        response = client.post(step_url(HAIR_LOSS.number), step_post(HAIR_LOSS, MALE_ANSWERS, draft))
        assert response["Location"] == step_url(HAIR_LOSS.number + 1)


class TestTamperedPosts:
    def test_unknown_field_is_refused_with_a_message(self, client):
        draft = start(client)
        data = {**step_post(ABOUT_YOU, MALE_ANSWERS, draft), "is_admin": "1"}
        response = client.post(step_url(1), data)
        assert response.status_code == 400
        assert "not part of this step" in response.content.decode()
        draft.refresh_from_db()
        assert draft.answers == {}

    def test_answer_from_another_step_is_refused(self, client):
        draft = start(client)
        data = {**step_post(ABOUT_YOU, MALE_ANSWERS, draft), "pattern": "crown_thinning"}
        assert client.post(step_url(1), data).status_code == 400

    def test_invalid_value_gets_a_field_message(self, client):
        draft = start(client)
        data = {**step_post(ABOUT_YOU, MALE_ANSWERS, draft), "age_band": "42"}
        html = client.post(step_url(1), data).content.decode()
        assert "Please choose one of the listed answers." in html

    def test_answer_to_question_that_does_not_apply_is_not_kept(self, client):
        draft = start(client)
        data = {**step_post(ABOUT_YOU, MALE_ANSWERS, draft), "periods": "regular"}
        client.post(step_url(1), data)
        draft.refresh_from_db()
        assert "periods" not in draft.answers

    def test_forged_draft_token_gets_the_restart_page(self, client):
        start(client)
        data = step_post(ABOUT_YOU, MALE_ANSWERS, Draft(token="forged" * 7))
        response = client.post(step_url(1), data)
        assert response.status_code == 400
        assert "Please start again" in response.content.decode()

    def test_unknown_action_is_refused(self, client):
        draft = start(client)
        response = client.post(step_url(1), step_post(ABOUT_YOU, MALE_ANSWERS, draft, action="delete"))
        assert response.status_code == 400

    def test_step_number_out_of_range_is_404(self, client):
        start(client)
        assert client.get(f"/questionnaire/step/{len(intake.STEPS) + 1}/").status_code == 404

    def test_no_draft_sends_to_the_start_page(self, client):
        response = client.get(step_url(1))
        assert response["Location"] == reverse("assessments:start")

    def test_over_long_text_gets_a_field_message(self, client):
        draft = walk_to(client, HEALTH.number, MALE_ANSWERS)
        answers = {**MALE_ANSWERS, "allergies": ["other"]}
        response = client.post(step_url(HEALTH.number), step_post(HEALTH, answers, draft), follow=True)
        html = response.content.decode()
        assert "one more question on this page" in html  # the details box appears
        assert 'href="#question-allergy_other_details"' in html
        answers["allergy_other_details"] = "x" * 201
        html = client.post(step_url(HEALTH.number), step_post(HEALTH, answers, draft)).content.decode()
        assert "200 characters or fewer" in html


class TestSubmission:
    def test_submit_stores_assessment_and_ends_the_draft(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        response = client.post(reverse("assessments:review"), {"draft": draft.token})
        assessment = Assessment.objects.get()
        assert response["Location"] == reverse("assessments:summary", args=[assessment.token])
        draft.refresh_from_db()  # kept as a pointer only: its answers moved to the assessment
        assert draft.answers == {} and draft.assessment == assessment
        assert not Draft.objects.in_progress().exists()
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{8}", assessment.reference_code)
        assert len(assessment.token) >= 43  # 256 bits, URL-safe
        assert assessment.answers == MALE_ANSWERS
        assert assessment.guide_reviewed_on is not None

    def test_stored_assessment_reproduces_its_summary(self, client):
        draft = walk_all_steps(client, FEMALE_ANSWERS)
        client.post(reverse("assessments:review"), {"draft": draft.token})
        assessment = Assessment.objects.get()
        assert assessment_rederive_summary(assessment=assessment) == assessment.summary

    def test_summary_page_shows_reasons_and_links(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        response = client.post(reverse("assessments:review"), {"draft": draft.token}, follow=True)
        html = response.content.decode()
        assessment = Assessment.objects.get()
        assert assessment.reference_display in html
        assert assessment.summary["headline"].replace("'", "&#x27;") in html
        assert "<summary>Why?</summary>" in html
        assert "Your answer" in html
        assert "(rule " not in html  # rule ids are for staff only
        assert "/guide/#" in html
        assert "Are you ready to decide?" in html
        assert "not a diagnosis" in html

    def test_red_flags_come_first(self, client):
        answers = {**MALE_ANSWERS, "pattern": ["patchy_bald_spots"]}
        answers.pop("norwood_stage")
        draft = walk_all_steps(client, answers)
        html = client.post(reverse("assessments:review"), {"draft": draft.token}, follow=True).content.decode()
        assert Assessment.objects.get().leaning == "doctor_first"
        # Why first (issue 23: the reason comes first), then the next step, then the
        # options folded for later.
        assert (html.index("Why see a doctor first") < html.index("What to do next")
                < html.index("See your GP or a dermatologist first")
                < html.index("Treatment options, for after the doctor"))

    def test_unknown_summary_token_is_404(self, client):
        assert client.get(reverse("assessments:summary", args=["x" * 43])).status_code == 404

    def test_delete_asks_first_then_really_deletes(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        client.post(reverse("assessments:review"), {"draft": draft.token})
        assessment = Assessment.objects.get()
        url = reverse("assessments:delete", args=[assessment.token])
        assert "cannot be undone" in client.get(url).content.decode()
        assert Assessment.objects.exists()
        client.post(url)
        assert not Assessment.objects.exists()
        assert client.get(assessment.secret_summary_path()).status_code == 404
        event = AuditEvent.objects.get(reference_code=assessment.reference_code)
        assert event.action == AuditEvent.Action.PATIENT_DELETE


def walk_to(client, number: int, answers: dict) -> Draft:
    """Answer steps before `number` so that the draft stands on step `number`."""
    draft = start(client)
    for step in intake.STEPS[: number - 1]:
        response = client.post(step_url(step.number), step_post(step, answers, draft))
        assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.furthest_step == number
    return draft


class TestNothingLostAfterSubmitting:
    """Issue 23 point 1: Back, reload, a second tab and the resume code lead to the summary."""

    def _submitted(self, client):
        draft = walk_all_steps(client, MALE_ANSWERS)
        client.post(reverse("assessments:review"), {"draft": draft.token})
        draft.refresh_from_db()
        return draft, Assessment.objects.get()

    def _assert_sent_page_links_summary(self, client, response, assessment):
        assert response.status_code in {302, 303}
        assert response["Location"] == reverse("assessments:sent")
        assert assessment.token not in response["Location"]  # no secret in a redirect
        page = client.get(reverse("assessments:sent"))
        html = page.content.decode()
        assert page.status_code == 200
        assert f'href="{assessment.secret_summary_path()}"' in html
        assert assessment.reference_display in html
        assert "session has ended" not in html

    def test_back_and_reload_of_the_review_page(self, client):
        draft, assessment = self._submitted(client)
        response = client.get(reverse("assessments:review"))
        self._assert_sent_page_links_summary(client, response, assessment)

    def test_back_to_a_step_page(self, client):
        draft, assessment = self._submitted(client)
        response = client.get(step_url(WHAT_MATTERS.number))
        self._assert_sent_page_links_summary(client, response, assessment)

    def test_a_second_tab_posting_an_old_page_saves_nothing(self, client):
        draft, assessment = self._submitted(client)
        response = client.post(step_url(HAIR_LOSS.number), step_post(HAIR_LOSS, MALE_ANSWERS, draft))
        assert response.status_code == 303
        self._assert_sent_page_links_summary(client, response, assessment)
        draft.refresh_from_db()
        assert draft.answers == {}
        response = client.post(reverse("assessments:review"), {"draft": draft.token})
        self._assert_sent_page_links_summary(client, response, assessment)
        assert Assessment.objects.count() == 1  # a second submit makes no second summary

    def test_a_posted_token_finds_it_without_the_session(self, client):
        draft, assessment = self._submitted(client)
        client.cookies.clear()
        response = client.post(step_url(WHAT_MATTERS.number), step_post(WHAT_MATTERS, MALE_ANSWERS, draft))
        self._assert_sent_page_links_summary(client, response, assessment)

    def test_resume_code_and_link_in_a_new_session(self, client):
        draft, assessment = self._submitted(client)
        client.cookies.clear()
        response = client.post(reverse("assessments:resume"), {"code": draft.resume_code_display})
        self._assert_sent_page_links_summary(client, response, assessment)
        client.cookies.clear()
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        self._assert_sent_page_links_summary(client, response, assessment)

    def test_start_page_links_back_and_can_start_afresh(self, client):
        draft, assessment = self._submitted(client)
        html = client.get(reverse("assessments:start")).content.decode()
        assert "You have sent your answers" in html
        assert f'href="{reverse("assessments:sent")}"' in html
        new_draft = start(client)
        assert new_draft.pk != draft.pk and not new_draft.is_submitted
        assert client.get(step_url(1)).status_code == 200

    def test_saved_page_after_submitting(self, client):
        draft, assessment = self._submitted(client)
        response = client.get(reverse("assessments:saved"))
        self._assert_sent_page_links_summary(client, response, assessment)

    def test_sent_page_without_a_submitted_draft_goes_to_the_start(self, client):
        assert client.get(reverse("assessments:sent"))["Location"] == reverse("assessments:start")
        start(client)
        assert client.get(reverse("assessments:sent"))["Location"] == reverse("assessments:start")

    def test_deleting_the_summary_deletes_the_pointer(self, client):
        draft, assessment = self._submitted(client)
        client.post(reverse("assessments:delete", args=[assessment.token]))
        assert not Draft.objects.filter(pk=draft.pk).exists()
        response = client.get(reverse("assessments:review"))
        assert response["Location"] == reverse("assessments:start")

    def test_the_pointer_expires_like_a_draft(self, client):
        draft, assessment = self._submitted(client)
        assert draft.expires_at > timezone.now() + timedelta(days=13)
        Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        client.cookies.clear()
        response = client.post(reverse("assessments:resume"), {"code": draft.resume_code})
        assert response.status_code == 400


class TestDraftsFromBeforeRuleset202612:
    """Drafts saved before hormone_medicines and breastfeeding_now existed still resume."""

    def _old_draft(self, **overrides) -> Draft:
        answers = build_answer_dict(**overrides)
        answers.pop("hormone_medicines")
        answers.pop("breastfeeding_now", None)
        return Draft.objects.create(answers=answers, furthest_step=len(intake.STEPS))

    def test_resume_asks_the_new_question_on_its_step(self, client):
        draft = self._old_draft()
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        assert response["Location"] == step_url(intake.STEP_OF["hormone_medicines"].number)

    def test_a_new_mother_is_asked_about_breastfeeding(self, client):
        draft = self._old_draft(sex_at_birth="female", pregnancy="gave_birth_last_12_months",
                                breastfeeding_now="no")
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        assert response["Location"] == step_url(1)


class TestDraftsFromBeforeIntakeSchema3:
    """Drafts saved under schema 2 resume and simply ask the new questions."""

    def _old_draft(self, **overrides) -> Draft:
        answers = build_answer_dict(**overrides)
        for key in ("family_plans", "breastfeeding_now", *intake.RESULT_KEYS):
            answers.pop(key, None)
        return Draft.objects.create(answers=answers, furthest_step=len(intake.STEPS))

    def test_one_answer_for_everything_tried_is_asked_again_per_treatment(self, client):
        draft = self._old_draft(treatments_tried=["minoxidil_topical", "finasteride"])
        draft.answers = {**draft.answers, "family_plans": "no", "tried_result": "helped"}
        draft.save()
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        step = intake.STEP_OF["result_finasteride"].number
        assert response["Location"] == step_url(step)
        page = client.get(step_url(step)).content.decode()
        assert 'name="result_minoxidil_topical"' in page and 'name="result_finasteride"' in page

    def test_breastfeeding_as_a_pregnancy_answer_asks_pregnancy_again(self, client):
        draft = self._old_draft(sex_at_birth="female")
        draft.answers = {**draft.answers, "pregnancy": "breastfeeding"}
        draft.save()
        response = client.get(reverse("assessments:resume_link", args=[draft.token]))
        assert response["Location"] == step_url(1)
        page = client.get(step_url(1)).content.decode()
        assert 'value="breastfeeding"' not in page

    def test_the_resumed_draft_submits_once_the_new_questions_are_answered(self, client):
        draft = self._old_draft()  # a man who tried nothing: only family_plans is new
        draft.answers = {**draft.answers, "tried_result": "helped"}
        draft.save()
        client.get(reverse("assessments:resume_link", args=[draft.token]))
        step = intake.STEPS[0]
        answers = {**build_answer_dict(), "family_plans": "not_sure"}
        response = client.post(step_url(1), step_post(step, answers, draft))
        assert response.status_code == 302
        response = client.post(reverse("assessments:review"), {"draft": draft.token})
        assessment = Assessment.objects.get()
        assert assessment.intake_schema == intake.SCHEMA_VERSION
        assert assessment.answers["family_plans"] == "not_sure"
        assert "tried_result" not in assessment.answers
