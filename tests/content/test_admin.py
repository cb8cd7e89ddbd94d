"""Editors can edit content and nothing else; staff outside the group cannot edit content."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from content.models import ClinicDetails, ContentChange, OptionProfile, Section

pytestmark = pytest.mark.django_db


def test_editor_can_open_a_section_change_form(client, guide, editor):
    section = Section.objects.first()
    client.force_login(editor)
    response = client.get(reverse("admin:content_section_change", args=[section.pk]))
    assert response.status_code == 200


def test_editor_can_save_a_change_to_a_section(client, guide, editor):
    """The group's purpose: change content through the admin. A published section keeps
    its live text; the change waits for a clinical reviewer (content/approvals)."""
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    url = reverse("admin:content_section_change", args=[section.pk])
    data = {
        "article": section.article_id, "order": section.order, "title": "Waiting, for now",
        "slug": section.slug, "body": section.body, "change_reason": "Shorter title.",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title != "Waiting, for now"
    proposal = ContentChange.objects.pending().for_object(section).get()
    assert proposal.values["title"] == "Waiting, for now"
    assert proposal.proposed_by == editor


def test_editor_cannot_change_users(client, editor, django_user_model):
    """Content editors must not manage accounts."""
    client.force_login(editor)
    response = client.get(reverse("admin:auth_user_change", args=[editor.pk]))
    assert response.status_code == 403


def test_staff_without_the_group_cannot_change_content(client, guide, plain_staff):
    """is_staff alone opens the admin, not the guide."""
    section = Section.objects.first()
    client.force_login(plain_staff)
    response = client.get(reverse("admin:content_section_change", args=[section.pk]))
    assert response.status_code == 403


def test_editors_group_holds_only_content_permissions():
    """Least privilege: nothing outside the content app."""
    group = Group.objects.get(name="Content editors")
    app_labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert app_labels == {"content"}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "view_historicalsection" in codenames
    assert "change_historicalsection" not in codenames


def test_editor_can_see_the_history_of_a_section(client, guide, editor):
    """Restoring an earlier version starts from the history page."""
    section = Section.objects.first()
    client.force_login(editor)
    response = client.get(reverse("admin:content_section_history", args=[section.pk]))
    assert response.status_code == 200


def test_editor_can_restore_an_earlier_version(client, guide, editor):
    """Restoring an earlier version from the history is a proposal like any other edit."""
    section = Section.objects.get(slug="watchful-waiting")
    original_title = section.title
    section.title = "A title to undo"
    section.save()
    earlier = section.history.filter(title=original_title).latest("history_date")
    client.force_login(editor)

    revert_url = reverse(
        "admin:content_section_simple_history", args=[section.pk, earlier.history_id]
    )
    page = client.get(revert_url)
    assert page.status_code == 200 and original_title in page.content.decode()
    data = {"article": section.article_id, "order": section.order, "title": earlier.title,
            "slug": section.slug, "body": earlier.body, "change_reason": "Undo the title."}
    response = client.post(revert_url, data)

    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title == "A title to undo"  # live until a reviewer approves
    proposal = ContentChange.objects.pending().for_object(section).get()
    assert proposal.values["title"] == original_title


def test_clinic_details_cannot_get_a_second_row(client, editor):
    """Clinic details are edited in one place: once a row exists there is no "add"."""
    ClinicDetails.objects.create(name="Riverside Dermatology")
    client.force_login(editor)
    response = client.get(reverse("admin:content_clinicdetails_add"))
    assert response.status_code == 403


def test_clinic_details_cannot_be_deleted(client, editor):
    clinic = ClinicDetails.objects.create(name="Riverside Dermatology")
    client.force_login(editor)
    response = client.get(reverse("admin:content_clinicdetails_delete", args=[clinic.pk]))
    assert response.status_code == 403


def test_view_on_site_previews_a_draft(guide):
    """The admin link for a draft must open the preview, not a 404."""
    from django.contrib.admin.sites import site

    section = Section.objects.get(slug="evidence")
    section.status = "draft"
    model_admin = site._registry[Section]
    assert model_admin.view_on_site(section) == "/guide/?preview=1#evidence"


def test_editor_can_edit_an_option_profile(client, guide, editor):
    """The renamed model keeps the editors' rights (permissions renamed in 0004)."""
    option = OptionProfile.objects.get(slug="hair-transplant")
    client.force_login(editor)
    url = reverse("admin:content_optionprofile_change", args=[option.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = {name: getattr(option, name) for name in
            ("name", "slug", "order", "summary", *OptionProfile.PROFILE_FIELDS)}
    data |= {"cost_and_time": "Edited by the clinic.", "status": option.status,
             "last_reviewed_on": "2026-12-02", "reviewed_by": option.reviewed_by,
             "change_reason": "The clinic's own prices."}
    assert client.post(url, data).status_code == 302
    # Published, so the edit waits for a clinical reviewer (content/approvals).
    proposal = ContentChange.objects.pending().for_object(option).get()
    assert proposal.values["cost_and_time"] == "Edited by the clinic."
    assert proposal.proposed_by == editor


def test_editors_group_has_the_option_profile_permissions_and_no_stale_ones():
    group = Group.objects.get(name="Content editors")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_optionprofile", "view_historicaloptionprofile"} <= codenames
    assert not any("treatment" in codename for codename in codenames)


def test_editor_can_change_the_declaration_of_interest(client, editor):
    clinic = ClinicDetails.objects.create(name="Riverside Dermatology", status="published")
    client.force_login(editor)
    url = reverse("admin:content_clinicdetails_change", args=[clinic.pk])
    page = client.get(url).content.decode()
    assert "Declaration of interest" in page
    data = {"name": clinic.name, "address": "", "phone": "", "booking_url": "",
            "logo_alt_text": "", "status": "published", "last_reviewed_on": "",
            "reviewed_by": "", "declaration_of_interest": "We sell PRP and mesotherapy.",
            "change_reason": "States what the clinic sells."}
    assert client.post(url, data).status_code == 302
    proposal = ContentChange.objects.pending().for_object(clinic).get()
    assert proposal.values["declaration_of_interest"] == "We sell PRP and mesotherapy."


def test_reviewer_profile_picks_a_user_by_name(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password="x" * 16)
    django_user_model.objects.create_user("dr-okafor", password="x" * 16, is_staff=True,
                                          first_name="Amara", last_name="Okafor")
    django_user_model.objects.create_user("patient-like", password="x" * 16)  # not staff
    client.force_login(admin_user)
    html = client.get(reverse("admin:assessments_reviewerprofile_add")).content.decode()
    assert "dr-okafor (Amara Okafor)</option>" in html
    assert "patient-like" not in html
    assert "vForeignKeyRawIdAdminField" not in html
