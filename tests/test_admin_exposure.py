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
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from assessments.governance.services import approve_ruleset
from assessments.models import Assessment, AuditEvent, Draft, ReviewerProfile
from assessments.tasks import summary_pdf_enqueue
from content.models import ClinicDetails
from tests.assessments.factories import make_assessment, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "content editor", "clinic staff with staff status", "clinical reviewer",
         "superuser"]


@pytest.fixture
def site_data(settings):
    """A row of every registered model, an assessment with its audit trail, and a draft."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("load_guide", verbosity=0)
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
    User.objects.create_superuser("root", password="a long test password")
    # django-axes' own admin pages get rows too: a failed and a successful sign-in.
    Client().post("/staff/login/", {"username": "editor", "password": "wrong"})
    Client().post("/staff/login/", {"username": "nurse", "password": "a long test password"})


def client_as(role: str) -> Client:
    client = Client()
    username = {"content editor": "editor", "clinic staff with staff status": "nurse",
                "clinical reviewer": "dr", "superuser": "root"}.get(role)
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
