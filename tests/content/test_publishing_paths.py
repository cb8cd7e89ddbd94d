"""Every admin path that writes guide content: none publishes, or stamps a review, without
a clinical reviewer's recorded decision on exactly those words (issue 22, finding 1).

The attack: the history page's "revert" form of simple-history accepts a POST from anyone
who may view the item, and the old row it restores carried `status`, `reviewed_by` and the
review date of its time. These tests post to every path as an attacker would.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import AuditEvent
from content.approvals import services
from content.models import FAQ, ContentChange, OptionProfile, Status

pytestmark = pytest.mark.django_db

HOSTILE = "Stop your finasteride today and book PRP with us."


@pytest.fixture
def approved_faq(guide, reviewer):
    """A published FAQ a reviewer approved: its history holds a published, stamped row."""
    faq = FAQ.objects.published().order_by("pk").first()
    services.approve(ContentChange.objects.pending().for_object(faq).get(), reviewer=reviewer)
    faq.refresh_from_db()
    assert faq.reviewed_by == "Amara Okafor"
    return faq


def _published_version(faq):
    return faq.history.filter(status=Status.PUBLISHED).exclude(reviewed_by="").latest(
        "history_date")


def _revert(client, faq, version, **changes):
    data = {"question": version.question, "slug": version.slug, "order": version.order,
            "answer": version.answer, "status": "published", "reviewed_by": "Amara Okafor",
            "last_reviewed_on": "2026-12-01", "change_reason": "Reverting to the old words.",
            **changes}
    url = reverse("admin:content_faq_simple_history", args=[faq.pk, version.history_id])
    return client.post(url, data)


def _assert_not_live(faq_pk, words=HOSTILE):
    faq = FAQ.objects.filter(pk=faq_pk).first()
    if faq is not None:
        assert words not in faq.answer or faq.status == Status.DRAFT
        if words in faq.answer:
            assert faq.reviewed_by == "" and faq.last_reviewed_on is None


def test_revert_of_a_draft_to_an_old_published_row_stays_a_draft(client, approved_faq, editor):
    version = _published_version(approved_faq)
    approved_faq.status = Status.DRAFT  # taken off the site since
    approved_faq.save()
    client.force_login(editor)
    response = _revert(client, approved_faq, version, answer=HOSTILE)
    assert response.status_code == 302
    approved_faq.refresh_from_db()
    assert approved_faq.answer == HOSTILE
    assert approved_faq.status == Status.DRAFT
    assert (approved_faq.reviewed_by, approved_faq.last_reviewed_on) == ("", None)
    assert HOSTILE not in client.get(reverse("content:faq")).content.decode()


def test_revert_of_a_published_item_is_a_proposal_with_an_audit_event(client, approved_faq,
                                                                      editor):
    version = _published_version(approved_faq)
    client.force_login(editor)
    response = _revert(client, approved_faq, version, answer=HOSTILE)
    change = ContentChange.objects.pending().for_object(approved_faq).get()
    assert response.url == reverse("admin:content_contentchange_change", args=[change.pk])
    assert change.values["answer"] == HOSTILE and change.proposed_by == editor
    approved_faq.refresh_from_db()
    assert approved_faq.answer == version.answer and approved_faq.answer != HOSTILE
    assert AuditEvent.objects.filter(action="content_submit", actor=editor).exists()


def test_a_deleted_item_revived_from_history_comes_back_as_an_unstamped_draft(
        client, approved_faq, editor):
    version = _published_version(approved_faq)
    pk = approved_faq.pk
    approved_faq.status = Status.DRAFT
    approved_faq.save()
    approved_faq.delete()
    client.force_login(editor)
    _revert(client, FAQ(pk=pk), version, answer=HOSTILE)
    revived = FAQ.objects.get(pk=pk)
    assert revived.status == Status.DRAFT
    assert (revived.reviewed_by, revived.last_reviewed_on) == ("", None)


@pytest.mark.parametrize("deleted", [False, True])
def test_a_viewer_cannot_post_the_revert_form(client, approved_faq, reviewer, deleted):
    """A clinical reviewer may view content (no Revert button) but not change it."""
    version = _published_version(approved_faq)
    pk = approved_faq.pk
    approved_faq.status = Status.DRAFT
    approved_faq.save()
    if deleted:
        approved_faq.delete()
    client.force_login(reviewer)
    assert client.get(reverse("admin:content_faq_simple_history",
                              args=[pk, version.history_id])).status_code == 200
    assert _revert(client, FAQ(pk=pk), version, answer=HOSTILE).status_code == 403
    _assert_not_live(pk)
    assert FAQ.objects.filter(pk=pk).exists() is not deleted


def test_a_crafted_change_form_post_sets_no_status_or_stamp(client, guide, editor):
    faq = FAQ.objects.order_by("pk").first()
    faq.status = Status.DRAFT
    faq.save()
    client.force_login(editor)
    client.post(reverse("admin:content_faq_change", args=[faq.pk]), {
        "question": faq.question, "slug": faq.slug, "order": faq.order, "answer": HOSTILE,
        "status": "published", "reviewed_by": "A famous professor",
        "last_reviewed_on": "2026-12-01"})
    faq.refresh_from_db()
    assert faq.answer == HOSTILE and faq.status == Status.DRAFT
    assert (faq.reviewed_by, faq.last_reviewed_on) == ("", None)


def test_a_crafted_add_form_post_makes_an_unstamped_draft(client, guide, editor):
    client.force_login(editor)
    client.post(reverse("admin:content_faq_add"), {
        "question": "New?", "slug": "new-question", "order": 5, "answer": HOSTILE,
        "status": "published", "reviewed_by": "A famous professor",
        "last_reviewed_on": "2026-12-01"})
    faq = FAQ.objects.get(slug="new-question")
    assert faq.status == Status.DRAFT and faq.reviewed_by == "" and faq.last_reviewed_on is None


def test_list_editable_on_a_published_item_is_a_proposal(client, guide, editor):
    option = OptionProfile.objects.published().order_by("pk").first()
    client.force_login(editor)
    url = reverse("admin:content_optionprofile_changelist")
    rows = OptionProfile.objects.order_by("order", "pk")  # the change list's ordering
    data = {"form-TOTAL_FORMS": rows.count(), "form-INITIAL_FORMS": rows.count(),
            "form-MIN_NUM_FORMS": 0, "form-MAX_NUM_FORMS": 1000, "_save": "Save"}
    for index, row in enumerate(rows):
        data[f"form-{index}-id"] = row.pk
        data[f"form-{index}-order"] = row.order + (7 if row.pk == option.pk else 0)
        data[f"form-{index}-status"] = "published"
    assert client.post(url, data).status_code == 302
    change = ContentChange.objects.pending().for_object(option).filter(proposed_by=editor).get()
    assert int(change.values["order"]) == option.order + 7
    assert change.summary == "Changed on the list page (no reason is asked there)."
    live_order = option.order
    option.refresh_from_db()
    assert option.order == live_order


def test_no_bulk_action_publishes_or_deletes(client, guide, editor):
    faq = FAQ.objects.order_by("pk").first()
    faq.status = Status.DRAFT
    faq.save()
    client.force_login(editor)
    for action in ("ask_to_publish", "delete_selected"):
        client.post(reverse("admin:content_faq_changelist"),
                    {"action": action, "_selected_action": [faq.pk], "post": "yes",
                     "change_reason": "Ready for review."})
    faq.refresh_from_db()
    assert faq.status == Status.DRAFT
    assert ContentChange.objects.pending().for_object(faq).get().proposed_by == editor


def test_every_publish_writes_an_audit_event(client, guide, editor, reviewer):
    faq = FAQ.objects.order_by("pk").first()
    faq.status = Status.DRAFT
    faq.save()
    change = services.propose(faq, proposed_by=editor)
    services.approve(change, reviewer=reviewer)
    assert AuditEvent.objects.filter(action="content_publish", actor=reviewer,
                                     detail__contains=str(change.pk)).exists()


# --- finding 6: the author of the words never approves them -----------------------------

@pytest.fixture
def editor_reviewer(django_user_model):
    user = django_user_model.objects.create_user(
        username="both", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinical reviewers"),
                    Group.objects.get(name="Content editors"))
    return user


def _draft_faq():
    faq = FAQ.objects.order_by("pk").first()
    faq.status = Status.DRAFT
    faq.save()
    return faq


def test_an_editor_reviewer_cannot_approve_a_draft_they_wrote_sent_by_another(
        client, guide, editor, editor_reviewer):
    faq = _draft_faq()
    client.force_login(editor_reviewer)
    client.post(reverse("admin:content_faq_change", args=[faq.pk]), {
        "question": faq.question, "slug": faq.slug, "order": faq.order, "answer": HOSTILE,
        "change_reason": "New answer."})
    client.force_login(editor)
    client.post(reverse("admin:content_faq_changelist"),
                {"action": "ask_to_publish", "_selected_action": [faq.pk],
                 "change_reason": "Ready for review."})
    change = ContentChange.objects.pending().for_object(faq).get()
    assert change.proposed_by == editor and change.values["answer"] == HOSTILE

    client.force_login(editor_reviewer)
    page = client.get(reverse("admin:content_contentchange_change", args=[change.pk]))
    assert "another clinical reviewer must decide" in page.content.decode()
    client.post(reverse("admin:content_contentchange_decide", args=[change.pk]),
                {"decision": "approve"})
    change.refresh_from_db()
    faq.refresh_from_db()
    assert change.state == "pending" and faq.status == Status.DRAFT
    with pytest.raises(services.ApprovalRefused):
        services.approve(change, reviewer=editor_reviewer)


def test_words_proposed_then_built_on_by_another_editor_keep_their_first_author(
        client, approved_faq, editor, editor_reviewer, reviewer):
    first = services.propose(approved_faq, values={**services.registry.values_of(approved_faq),
                                                   "answer": HOSTILE},
                             proposed_by=editor_reviewer)
    second = services.propose(approved_faq, values={**first.values, "question": "Why?"},
                              proposed_by=editor)
    assert services.can_decide(second, editor_reviewer) is not None
    assert services.can_decide(second, reviewer) is None


def test_the_last_approval_starts_a_new_authorship(guide, editor, editor_reviewer, reviewer):
    """Someone who edited an older, approved version may decide on later words."""
    faq = _draft_faq()
    faq.answer = "Old words."
    faq._history_user = editor_reviewer
    faq.save()
    services.approve(services.propose(faq, proposed_by=editor), reviewer=reviewer)
    faq.refresh_from_db()
    change = services.propose(faq, values={**services.registry.values_of(faq),
                                           "answer": "New words."}, proposed_by=editor)
    assert services.can_decide(change, editor_reviewer) is None
    services.approve(change, reviewer=editor_reviewer)
    faq.refresh_from_db()
    assert faq.answer == "New words." and faq.reviewed_by == "both"
