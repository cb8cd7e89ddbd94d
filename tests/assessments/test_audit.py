"""The audit log: one row per staff action, append-only, readable by superusers only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import AuditEvent
from tests.assessments.factories import make_assessment, make_staff, make_user

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


@pytest.fixture
def nurse():
    return make_staff("nurse")


@pytest.fixture
def staff_client(client, nurse):
    client.force_login(nurse)
    return client


def only_event() -> AuditEvent:
    events = list(AuditEvent.objects.all())
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize(
    ("url_name", "action"),
    [
        ("staff:detail", AuditEvent.Action.VIEW),
        ("staff:print", AuditEvent.Action.PRINT),
        ("staff:pdf", AuditEvent.Action.DOWNLOAD),
    ],
)
def test_each_look_is_recorded(staff_client, nurse, url_name, action):
    assessment = make_assessment()
    response = staff_client.get(reverse(url_name, args=[assessment.reference_code]),
                                REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    event = only_event()
    assert event.action == action
    assert event.actor == nurse and event.actor_name == "nurse"
    assert event.assessment == assessment
    assert event.reference_code == assessment.reference_code
    assert event.ip_address == ADDRESS
    assert abs((timezone.now() - event.created_at).total_seconds()) < 60


def test_review_is_recorded(staff_client, nurse):
    assessment = make_assessment()
    staff_client.post(reverse("staff:review", args=[assessment.reference_code]),
                      {"note": "Seen"}, REMOTE_ADDR=ADDRESS)
    event = only_event()
    assert (event.action, event.assessment, event.ip_address) == (
        AuditEvent.Action.REVIEW, assessment, ADDRESS)
    assert "Seen" not in event.detail  # the note itself stays on the assessment


def test_refused_review_is_not_recorded(staff_client):
    assessment = make_assessment()
    url = reverse("staff:review", args=[assessment.reference_code])
    staff_client.post(url, {"note": "x" * 501})
    assert not AuditEvent.objects.exists()


def test_search_is_recorded(staff_client):
    assessment = make_assessment()
    staff_client.get(reverse("staff:list"), {"q": assessment.reference_display.lower()})
    event = only_event()
    assert event.action == AuditEvent.Action.SEARCH
    assert event.assessment == assessment


def test_plain_list_is_not_an_event(staff_client):
    make_assessment()
    staff_client.get(reverse("staff:list"))
    assert not AuditEvent.objects.exists()


def test_export_is_recorded(staff_client, nurse):
    make_assessment()
    today = timezone.localdate().isoformat()
    response = staff_client.post(reverse("staff:export"), {"date_from": today, "date_to": today},
                                 REMOTE_ADDR=ADDRESS)
    b"".join(response.streaming_content)
    event = only_event()
    assert event.action == AuditEvent.Action.EXPORT
    assert event.actor == nurse and event.assessment is None
    assert event.detail == f"{today} to {today}"


def test_denied_requests_leave_no_event(client):
    assessment = make_assessment()
    client.force_login(make_user("visitor"))
    client.get(reverse("staff:detail", args=[assessment.reference_code]))
    assert not AuditEvent.objects.exists()


def test_events_cannot_be_changed_or_deleted(staff_client):
    assessment = make_assessment()
    staff_client.get(reverse("staff:detail", args=[assessment.reference_code]))
    event = only_event()
    event.detail = "changed"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


class TestAdmin:
    @pytest.fixture
    def event(self, staff_client):
        assessment = make_assessment()
        staff_client.get(reverse("staff:detail", args=[assessment.reference_code]))
        return only_event()

    @pytest.fixture
    def superuser_client(self, event):
        from django.test import Client

        client = Client()  # not the staff member's client that made the event
        client.force_login(make_user("root", is_staff=True, is_superuser=True))
        return client

    def test_superusers_read_the_log_and_search_by_code(self, superuser_client, event):
        changelist = reverse("admin:assessments_auditevent_changelist")
        assert superuser_client.get(changelist).status_code == 200
        code = event.reference_code
        found = superuser_client.get(changelist, {"q": f"{code[:4].lower()}-{code[4:]}"})
        assert code in found.content.decode()
        assert superuser_client.get(changelist, {"action__exact": "view"}).status_code == 200
        page = superuser_client.get(reverse("admin:assessments_auditevent_change", args=[event.pk]))
        assert page.status_code == 200
        assert b'name="_save"' not in page.content  # read only

    def test_nobody_adds_changes_or_deletes(self, superuser_client, event):
        assert superuser_client.get(reverse("admin:assessments_auditevent_add")).status_code == 403
        delete = reverse("admin:assessments_auditevent_delete", args=[event.pk])
        assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
        change = reverse("admin:assessments_auditevent_change", args=[event.pk])
        superuser_client.post(change, {"detail": "rewritten"})
        event.refresh_from_db()
        assert event.detail != "rewritten"

    def test_non_superuser_staff_cannot_read_it(self, event):
        from django.contrib.auth.models import Permission
        from django.test import Client

        client = Client()
        admin_user = make_user("office", is_staff=True)
        admin_user.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
        client.force_login(admin_user)
        assert client.get(reverse("admin:assessments_auditevent_changelist")).status_code == 403

    def test_assessments_read_only_and_drafts_absent(self, superuser_client, event):
        assessment = event.assessment
        changelist = reverse("admin:assessments_assessment_changelist")
        assert superuser_client.get(changelist).status_code == 200
        page = superuser_client.get(
            reverse("admin:assessments_assessment_change", args=[assessment.pk])
        )
        assert page.status_code == 200
        assert assessment.token not in page.content.decode()
        assert superuser_client.get(reverse("admin:assessments_assessment_add")).status_code == 403
        from django.urls import NoReverseMatch

        with pytest.raises(NoReverseMatch):
            reverse("admin:assessments_draft_changelist")
