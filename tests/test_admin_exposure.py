"""No admin page leads to a patient's secret link, whoever is signed in.

Django's admin offers ``get_absolute_url`` to every user with Staff status through
"View on site" and the ``/admin/r/<content type>/<id>/`` shortcut, whatever their model
permissions. These tests walk every admin URL of every registered model, and the
shortcut for every model with a row, as each kind of user, and look for any patient's
token in what comes back.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from assessments.governance.services import approve_ruleset
from assessments.models import Assessment, AuditEvent, Draft, ReviewerProfile
from assessments.tasks import summary_pdf_enqueue
from content.approvals import registry
from content.approvals.models import ContentChange
from content.models import FAQ, ClinicDetails, Status
from tests.assessments.factories import make_assessment, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "content editor", "clinic staff with staff status", "clinical reviewer",
         "editor and reviewer", "bare staff status", "superuser"]


@pytest.fixture
def site_data(settings, guide):
    """A row of every registered model, an assessment with its audit trail, and a draft."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ClinicDetails.objects.get_or_create(pk=ClinicDetails.SINGLETON_PK,
                                        defaults={"name": "Riverside Dermatology"})
    make_assessment()
    make_assessment(nail_changes="yes")
    # The background queue's admin (django-tasks-db) gets a row: a queued PDF.
    summary_pdf_enqueue(assessment_id=Assessment.objects.first().pk)
    Draft.objects.create(answers={"age_band": "35_49"})
    AuditEvent.objects.create(actor_name="nurse", action=AuditEvent.Action.VIEW,
                              assessment=Assessment.objects.first())
    make_user("editor", group="Content editors", is_staff=True)
    make_user("nurse", group="Clinic staff", is_staff=True)
    reviewer = make_user("dr", group="Clinical reviewers", is_staff=True)
    ReviewerProfile.objects.create(user=reviewer, full_name="Dr A", profession="Dermatologist",
                                   registration_number="GMC 1")
    approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    make_user("both", group="Content editors", is_staff=True).groups.add(
        Group.objects.get(name="Clinical reviewers"))
    make_user("bare", is_staff=True)
    User.objects.create_superuser("root", password="a long test password")
    # An item reviewed and published once, then taken off and deleted: its history holds
    # a published, stamped row that a revert could try to bring back.
    gone = FAQ.objects.order_by("pk").last()
    FAQ.objects.filter(pk=gone.pk).update(reviewed_by="Dr A")
    gone.status = Status.DRAFT
    gone.save()
    gone.delete()
    # django-axes' own admin pages get rows too: a failed and a successful sign-in.
    Client().post("/staff/login/", {"username": "editor", "password": "wrong"})
    Client().post("/staff/login/", {"username": "nurse", "password": "a long test password"})


def client_as(role: str) -> Client:
    client = Client()
    username = {"content editor": "editor", "clinic staff with staff status": "nurse",
                "clinical reviewer": "dr", "editor and reviewer": "both",
                "bare staff status": "bare", "superuser": "root"}.get(role)
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def secrets() -> list[str]:
    """Everything that would let a reader open or resume a patient's answers."""
    found = []
    for assessment in Assessment.objects.all():
        found += [assessment.token, assessment.secret_summary_path()]
    for draft in Draft.objects.all():
        found += [draft.token, draft.resume_code]
    return found


def assert_reveals_nothing(response, where: str) -> None:
    assert response.status_code < 500, where
    text = response.content.decode(errors="replace") + response.headers.get("Location", "")
    for secret in secrets():
        assert secret not in text, f"{where} reveals {secret[:6]}…"


def admin_urls() -> list[str]:
    """Changelist, add, change, history and delete of every registered model."""
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        instance = model._default_manager.order_by("pk").first()
        urls += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        if instance is None:  # only axes' failure log, which settings switch off
            assert opts.app_label == "axes", f"site_data must make a {opts.label} row"
            continue
        urls += [reverse(f"{prefix}_{view}", args=[instance.pk])
                 for view in ("change", "history", "delete")]
    return urls


def shortcut_urls() -> list[str]:
    """/admin/r/<content type>/<id>/ for one row of every model that has one."""
    urls = []
    for model in apps.get_models():
        instance = model._default_manager.order_by("pk").first()
        if instance is not None:
            content_type = ContentType.objects.get_for_model(model)
            urls.append(reverse("admin:view_on_site", args=[content_type.pk, instance.pk]))
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_page_reveals_a_secret_link(site_data, role):
    client = client_as(role)
    urls = admin_urls()
    assert len(urls) >= 5 * 8  # every content model, assessments, audit log, users, groups
    for url in urls:
        assert_reveals_nothing(client.get(url), f"{role} GET {url}")


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_shortcut_never_leads_to_a_secret_link(site_data, role):
    client = client_as(role)
    for url in shortcut_urls():
        assert_reveals_nothing(client.get(url), f"{role} GET {url}")


@pytest.mark.parametrize("role", ROLES[1:])
def test_assessments_have_no_page_on_the_site(site_data, role):
    """The shortcut answers 404 for an assessment, not a redirect to the patient's link."""
    assessment = Assessment.objects.first()
    content_type = ContentType.objects.get_for_model(Assessment)
    response = client_as(role).get(
        reverse("admin:view_on_site", args=[content_type.pk, assessment.pk])
    )
    assert response.status_code == 404
    assert not hasattr(assessment, "get_absolute_url")


def test_superuser_sees_no_view_on_site_link_for_an_assessment(site_data):
    assessment = Assessment.objects.first()
    response = client_as("superuser").get(
        reverse("admin:assessments_assessment_change", args=[assessment.pk])
    )
    assert response.status_code == 200
    assert "View on site" not in response.content.decode()


# --- issue 22, finding 4: no lookup, filter, ordering or search on a secret ---------------

# What opens something: a patient's summary or draft, an account, a session.
SECRET_FIELD_NAMES = {"token", "resume_code", "password", "session_key", "session_data",
                      "session_hash"}


def test_the_site_guards_every_secret_this_test_knows():
    from hairtx.admin_site import SECRET_FIELD_NAMES as guarded

    assert SECRET_FIELD_NAMES <= guarded

def secret_lookups() -> list[tuple[str, str]]:
    """(change list URL, lookup) for every secret field of every registered model, on
    the model itself and one relation away (e.g. the audit log's assessment__token)."""
    found = []
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        for field in opts.get_fields():
            if field.name in SECRET_FIELD_NAMES:
                found.append((url, f"{field.name}__gte"))
            elif field.is_relation and field.related_model and not field.auto_created:
                found += [(url, f"{field.name}__{secret.name}__gte")
                          for secret in field.related_model._meta.concrete_fields
                          if secret.name in SECRET_FIELD_NAMES]
    return found


def test_a_superuser_cannot_binary_search_a_secret_in_a_change_list(site_data):
    lookups = secret_lookups()
    urls = {url for url, _ in lookups}
    assert reverse("admin:assessments_assessment_changelist") in urls
    assert reverse("admin:auth_user_changelist") in urls  # password hashes
    assert reverse("admin:assessments_auditevent_changelist") in urls  # assessment__token
    client = client_as("superuser")
    for url, lookup in lookups:
        for value in ("", "8", "zzzz"):  # the first steps of a binary search
            response = client.get(url, {lookup: value})
            assert response.status_code == 400, f"{url}?{lookup}={value}"


def test_search_and_ordering_never_use_a_secret(site_data):
    from hairtx.admin_site import touches_secret

    for model, model_admin in admin.site._registry.items():
        fields = [*model_admin.search_fields, *(model_admin.ordering or ()),
                  *[f for f in model_admin.list_display if isinstance(f, str)]]
        assert not any(touches_secret(name) for name in fields), model
    client = client_as("superuser")
    token = Assessment.objects.first().token
    response = client.get(reverse("admin:assessments_assessment_changelist"), {"q": token})
    assert response.status_code == 200 and "0 assessments" in response.content.decode()


def test_registering_an_admin_that_searches_a_secret_fails_at_start():
    from django.core.exceptions import ImproperlyConfigured

    from hairtx.admin_site import HairtxAdminSite

    class Careless(admin.ModelAdmin):
        search_fields = ["=token"]

    with pytest.raises(ImproperlyConfigured):
        HairtxAdminSite().register(Draft, Careless)


# --- issue 22, finding 1: every history, revert and bulk URL, for every role ---------------

def content_state() -> dict:
    """Every guide item: (status, review stamp, fingerprint of its words)."""
    return {
        (model.__name__, obj.pk): (obj.status, obj.reviewed_by, obj.last_reviewed_on,
                                   registry.fingerprint(registry.values_of(obj)))
        for model in registry.registered_models() for obj in model.objects.all()
    }


def assert_nothing_published_or_stamped(before: dict, where: str) -> None:
    """Only a reviewer's decision publishes or stamps; none is made in these walks."""
    assert not ContentChange.objects.approved().exists(), where
    for key, (status, reviewed_by, reviewed_on, words) in content_state().items():
        if key not in before:  # revived from history: a draft with no stamp
            assert (status, reviewed_by, reviewed_on) == (Status.DRAFT, "", None), (where, key)
            continue
        old_status, old_by, old_on, old_words = before[key]
        if status == Status.PUBLISHED:
            assert (old_status, old_words) == (Status.PUBLISHED, words), (where, key)
        if (reviewed_by, reviewed_on) != (old_by, old_on):
            assert (reviewed_by, reviewed_on) == ("", None) and words != old_words, (where, key)


def history_form_urls() -> list[tuple[str, dict]]:
    """The revert form of every version of every item with a history (deleted ones too),
    with a POST that claims the version's words, published and stamped."""
    from django.db.models.fields.files import FieldFile
    from django.forms.models import model_to_dict
    from simple_history.admin import SimpleHistoryAdmin

    found = []
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, SimpleHistoryAdmin):
            continue
        opts = model._meta
        for record in model.history.order_by("id", "-history_date")[:40]:
            data = {key: "" if value is None else value
                    for key, value in model_to_dict(record.instance).items()
                    if not isinstance(value, FieldFile)}  # an image field: no upload
            data |= {"status": "published", "reviewed_by": "A famous professor",
                     "last_reviewed_on": "2026-12-01", "_save": "Save"}
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history",
                          args=[record.id, record.history_id])
            found.append((url, data))
    return found


@pytest.mark.parametrize("role", ROLES)
def test_no_history_or_revert_url_publishes_or_reveals(site_data, role):
    client = client_as(role)
    urls = history_form_urls()
    assert any(not FAQ.objects.filter(pk=int(url.split("/")[-4])).exists()
               for url, _ in urls if "/faq/" in url), "a deleted item's history is walked"
    before = content_state()
    for url, data in urls:
        assert_reveals_nothing(client.get(url), f"{role} GET {url}")
        assert_reveals_nothing(client.post(url, data), f"{role} POST {url}")
    assert_nothing_published_or_stamped(before, role)


def bulk_actions() -> list[tuple[str, str, int]]:
    """(change list URL, action, first row) for every action of every registered model."""
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = User.objects.get(username="root")
    found = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        first = model._default_manager.order_by("pk").first()
        if first is None:
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        found += [(url, name, first.pk) for name in model_admin.get_actions(request)]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_no_bulk_action_publishes_or_reveals(site_data, role):
    client = client_as(role)
    actions = bulk_actions()
    assert {"ask_to_publish", "approve_selected"} <= {name for _, name, _ in actions}
    before = content_state()
    for url, name, pk in actions:
        data = {"action": name, "_selected_action": [pk], "index": 0}
        if name != "delete_selected":  # its confirmation page is walked, not confirmed
            data["post"] = "yes"
        assert_reveals_nothing(client.post(url, data), f"{role} {name} on {url}")
    for key, state in content_state().items():  # only proposals: nothing published
        if state[0] == Status.PUBLISHED:
            assert before[key][0] == Status.PUBLISHED and before[key][3] == state[3], key
    # approve_selected is a reviewer's recorded decision on exactly those words.
    for change in ContentChange.objects.approved():
        assert change.decided_by.has_perm("content.approve_contentchange")
        assert change.decided_by_id != change.proposed_by_id
