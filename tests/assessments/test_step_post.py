"""The questionnaire step POST's work, pinned (issue 24 point 4, docs/performance.md).

A Next that saves a step and moves on is three statements: read the draft, read the
session, save the draft (and a fourth, the funnel record, when the patient gets further
than before). The draft's two are hand-written SQL (assessments/drafts.py): they must
read and write exactly what the ORM would. Sessions are read through a shared cache of
their own (``cached_db``): losing it loses nothing, and signing out still ends a session
everywhere.
"""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.choices import normalize_choices

from assessments import intake
from assessments.drafts import draft_save_answers, live_draft
from assessments.forms import INVALID_CHOICE_MESSAGE, FixedChoices, StepForm
from assessments.models import Draft, QuestionnaireProgress
from assessments.services import draft_save_step, draft_start

from .factories import make_staff
from .questionnaire_helpers import MALE_ANSWERS, start, step_post, step_url

pytestmark = [pytest.mark.django_db]

ABOUT_YOU = intake.STEPS[0]


def statements(captured) -> list[tuple[str, str]]:
    """(verb, table) of each captured SQL statement, in order."""
    found = []
    for query in captured:
        sql = query["sql"]
        verb = sql.split(None, 1)[0].upper()
        table = sql.split(' FROM "' if verb in {"SELECT", "DELETE"} else '"', 1)[1]
        found.append((verb, table.split('"', 1)[0]))
    return found


def post_next(client, draft):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(step_url(1), step_post(ABOUT_YOU, MALE_ANSWERS, draft))
    assert response.status_code == 302
    assert response["Location"] == step_url(2)
    return statements(captured)


DRAFT_READ = ("SELECT", "assessments_draft")
SESSION_READ = ("SELECT", settings.CACHES[settings.SESSION_CACHE_ALIAS]["LOCATION"])
DRAFT_SAVE = ("UPDATE", "assessments_draft")
FUNNEL_MOVE = ("UPDATE", "assessments_questionnaireprogress")


class TestTheStatementsOfANext:
    def test_a_next_that_gets_further_also_moves_the_funnel_record(self, client):
        draft = start(client)
        assert post_next(client, draft) == [DRAFT_READ, SESSION_READ, DRAFT_SAVE, FUNNEL_MOVE]
        assert QuestionnaireProgress.objects.get(pk=draft.progress_id).furthest_step == 2

    def test_the_same_page_posted_again_is_three_statements(self, client):
        """What bench/run.py's step_post repeats: no funnel move, no session write."""
        draft = start(client)
        post_next(client, draft)
        assert post_next(client, draft) == [DRAFT_READ, SESSION_READ, DRAFT_SAVE]

    def test_a_page_left_open_after_the_session_ended_starts_a_new_one(self, client):
        """The posted draft goes into a new session (the only time a Next writes one),
        so the next page finds it."""
        draft = start(client)
        client.cookies.clear()
        done = post_next(client, draft)
        assert done[:3] == [DRAFT_READ, DRAFT_SAVE, FUNNEL_MOVE]  # no session to read
        assert ("INSERT", "django_session") in done[3:]
        page = client.get(step_url(2))
        assert page.status_code == 200
        assert f'name="draft" value="{draft.token}"' in page.content.decode()


class TestTheDraftStatementsMatchTheOrm:
    def test_a_draft_is_read_whole_and_as_the_orm_reads_it(self):
        draft = draft_start()
        answers = {"sex_at_birth": "female", "allergy_other_details": "Ça pique ? « oui » \u2014 100 %",
                   "pattern": ["diffuse_thinning", "widening_part"]}
        Draft.objects.filter(pk=draft.pk).update(answers=answers, furthest_step=3)
        by_orm = Draft.objects.get(pk=draft.pk)
        by_sql = live_draft(draft.token)
        assert by_sql.get_deferred_fields() == set()
        for field in Draft._meta.concrete_fields:
            assert getattr(by_sql, field.attname) == getattr(by_orm, field.attname), field.name
        assert by_sql.answers == answers
        assert by_sql.expires_at.tzinfo is not None

    def test_an_expired_or_unknown_token_finds_nothing(self):
        draft = draft_start()
        assert live_draft("x" * 43) is None
        Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        assert live_draft(draft.token) is None
        assert not Draft.objects.live().filter(pk=draft.pk).exists()

    def test_a_step_saved_is_what_the_orm_reads_back(self):
        draft = draft_start()
        before = Draft.objects.get(pk=draft.pk)
        draft = live_draft(draft.token)
        draft.expires_at = before.expires_at - timedelta(days=1)  # touch() must push it back
        saved = draft_save_step(draft=draft, step=ABOUT_YOU, reached=2, step_answers={
            "sex_at_birth": "male", "age_band": "25_34", "family_plans": "not_sure"})
        stored = Draft.objects.get(pk=draft.pk)
        assert stored.answers == saved == {"sex_at_birth": "male", "age_band": "25_34",
                                           "family_plans": "not_sure"}
        assert stored.furthest_step == 2
        assert stored.expires_at == draft.expires_at > before.expires_at
        assert stored.updated_at == draft.updated_at > before.updated_at
        assert stored.resume_code == before.resume_code
        # Stored as JSON the database can query, as the ORM writes it.
        assert Draft.objects.filter(pk=draft.pk, answers__sex_at_birth="male").exists()

    def test_saving_a_draft_that_was_purged_fails_like_the_orm(self):
        draft = draft_start()
        Draft.objects.filter(pk=draft.pk).delete()
        with pytest.raises(DatabaseError):
            draft_save_answers(draft)


class TestSessionsThroughTheSharedCache:
    def test_sessions_use_their_own_shared_database_cache(self):
        assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
        sessions, default = settings.CACHES[settings.SESSION_CACHE_ALIAS], settings.CACHES["default"]
        assert sessions["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        assert sessions["LOCATION"] != default["LOCATION"]

    def test_a_session_the_cache_lost_is_read_from_the_database(self, client):
        draft = start(client)
        caches[settings.SESSION_CACHE_ALIAS].clear()
        page = client.get(step_url(1))
        assert page.status_code == 200
        assert f'name="draft" value="{draft.token}"' in page.content.decode()
        assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + client.session.session_key)

    def test_signing_out_ends_the_session_in_the_cache_too(self, client):
        client.force_login(make_staff())
        old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        assert client.get(reverse("staff:list")).status_code == 200
        client.post(reverse("staff:logout"))
        assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + old_cookie) is None
        client.cookies[settings.SESSION_COOKIE_NAME] = old_cookie  # replayed
        response = client.get(reverse("staff:list"))
        assert response.status_code == 302
        assert reverse("staff:login") in response["Location"]

    def test_a_password_changed_elsewhere_ends_other_sessions(self, client):
        staff = make_staff()
        client.force_login(staff)
        assert client.get(reverse("staff:list")).status_code == 200
        staff.set_password("another long test password")
        staff.save()
        assert client.get(reverse("staff:list")).status_code == 302

    def test_the_session_data_is_the_databases(self, client):
        """The cache holds what the database holds: the database stays the record."""
        start(client)
        store = client.session
        cached = caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + store.session_key)
        assert cached == store.decode(store.model.objects.get(
            session_key=store.session_key).session_data)
        assert json.dumps(cached)  # plain values only (the JSON session serializer)


def test_choice_fields_keep_their_choices_as_made_and_still_check_them():
    """The choices reach Django already normalised (forms.FixedChoices): Django keeps them
    as they are instead of normalising them again for each field and widget per request.
    The field still offers every intake value, in order, and refuses anything else."""
    question = intake.QUESTIONS["age_band"]
    form = StepForm({"age_band": "not-a-band"}, step=ABOUT_YOU, answers={})
    field = form.fields["age_band"]
    assert isinstance(field.choices, FixedChoices)
    assert normalize_choices(field.choices) is field.choices
    assert [value for value, _ in field.choices] == [c.value for c in question.choices]
    assert [value for value, _ in field.widget.choices] == [c.value for c in question.choices]
    assert not form.is_valid()
    assert form.errors["age_band"] == [INVALID_CHOICE_MESSAGE]
    good = StepForm({"age_band": question.choices[-1].value}, step=ABOUT_YOU, answers={})
    good.is_valid()
    assert "age_band" not in good.errors
