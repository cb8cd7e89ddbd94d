"""Two-person publishing for the guide: proposals, a reviewer's decision, diffs, roles."""

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from assessments.models import AuditEvent
from content.approvals import registry, services
from content.approvals.diff import field_diffs, word_diff_html
from content.models import FAQ, ClinicDetails, ContentChange, Section, Status

pytestmark = pytest.mark.django_db

REVIEWERS = "Clinical reviewers"


def _edit(client, section, **changes):
    data = {"article": section.article_id, "order": section.order, "title": section.title,
            "slug": section.slug, "body": section.body,
            "change_reason": "A test edit.", **changes}
    return client.post(reverse("admin:content_section_change", args=[section.pk]), data)


def _decide(client, change, decision, comment=""):
    return client.post(reverse("admin:content_contentchange_decide", args=[change.pk]),
                       {"decision": decision, "comment": comment})


# --- the diff ---------------------------------------------------------------------------

def test_word_diff_marks_only_the_changed_words():
    html = word_diff_html("Most people need three sessions.", "Most people need four sessions.")
    assert html == "Most people need <del>three</del><ins>four</ins> sessions."


def test_word_diff_escapes_html_in_content():
    html = word_diff_html("a <b>", "a <script>")
    assert html == "a &lt;<del>b</del><ins>script</ins>&gt;"


def test_field_diffs_list_changed_fields_with_word_counts():
    diffs = field_diffs({"title": "A", "body": "one two three"},
                        {"title": "A", "body": "one 2 three four"},
                        {"title": "Title", "body": "Body"})
    assert [d.name for d in diffs] == ["body"]
    assert (diffs[0].added_words, diffs[0].removed_words) == (2, 1)


# --- the fresh install ---------------------------------------------------------------------

def test_fresh_install_is_published_unapproved_and_says_so(client, guide):
    assert Section.objects.filter(status=Status.PUBLISHED).exists()
    unapproved = services.unapproved_published_items()
    assert len(unapproved) == sum(
        model.objects.filter(status=Status.PUBLISHED).count()
        for model in registry.registered_models()
    )
    # Each one waits in the reviewers' queue, proposed by nobody (the loader).
    assert ContentChange.objects.pending().filter(proposed_by=None).count() == len(unapproved)
    page = client.get(reverse("content:guide"))
    assert page.status_code == 200
    assert f"Guide: none of its {len(unapproved)} parts reviewed by a clinician yet." in (
        page.content.decode())


def test_load_guide_twice_does_not_duplicate_review_requests(guide):
    from django.core.management import call_command

    before = ContentChange.objects.count()
    call_command("load_guide", stdout=io.StringIO())
    assert ContentChange.objects.count() == before


def test_approving_everything_removes_the_unreviewed_notice(client, guide, reviewer):
    for change in ContentChange.objects.pending():
        services.approve(change, reviewer=reviewer)
    assert services.unapproved_published_items() == []
    page = client.get(reverse("content:guide")).content.decode()
    assert "Guide: all " in page and "parts reviewed by a clinician." in page
    section = Section.objects.get(slug="watchful-waiting")
    assert section.reviewed_by == "Amara Okafor"
    assert "approved by Amara Okafor" in section.history.first().history_change_reason


# --- an editor's change waits ---------------------------------------------------------------

def test_editors_change_waits_for_approval_then_reaches_patients(client, guide, editor, reviewer):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    response = _edit(client, section, body=section.body + "\n\nA new sentence for patients.")
    change = ContentChange.objects.pending().for_object(section).get()
    assert response.url == reverse("admin:content_contentchange_change", args=[change.pk])
    guide_page = client.get(reverse("content:guide")).content.decode()
    assert "A new sentence for patients." not in guide_page
    assert AuditEvent.objects.filter(action="content_submit", actor=editor).exists()

    client.force_login(reviewer)
    detail = client.get(reverse("admin:content_contentchange_change", args=[change.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    # Shipped text counts as seen: only the editor's sentence is new, not the section.
    assert "as shipped with the site" in html
    assert "<ins>\n\nA new sentence for patients.</ins>" in html
    assert "(+6 / −0 words)" in html
    assert "A test edit." in html  # the editor's reason
    assert "Approve and publish" in html
    # The decision form must not sit inside the admin's own form (it would post there).
    before_decision = html[: html.index(reverse("admin:content_contentchange_decide",
                                                args=[change.pk]))]
    assert before_decision.count("<form") == before_decision.count("</form>") + 1

    response = _decide(client, change, "approve", "Checked against the NICE guidance.")
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body.endswith("A new sentence for patients.")
    change.refresh_from_db()
    assert change.state == "approved" and change.decided_by == reviewer
    assert "A new sentence for patients." in client.get(reverse("content:guide")).content.decode()
    actions = set(AuditEvent.objects.filter(actor=reviewer).values_list("action", flat=True))
    assert {"content_approve", "content_publish"} <= actions


def test_reviewer_sees_a_word_level_diff_against_the_approved_published_version(
        client, guide, editor, reviewer):
    section = Section.objects.get(slug="watchful-waiting")
    services.approve(ContentChange.objects.pending().for_object(section).get(), reviewer=reviewer)
    client.force_login(editor)
    _edit(client, section, title="Waiting and watching")
    change = ContentChange.objects.pending().for_object(section).get()
    client.force_login(reviewer)
    url = reverse("admin:content_contentchange_change", args=[change.pk])
    html = client.get(url).content.decode()
    assert "the published version (approved)" in html
    assert "<ins>Waiting and watching</ins>" in html or "<ins>and watching</ins>" in html
    assert "<del>" in html


def test_send_back_needs_a_comment_and_leaves_the_site_alone(client, guide, editor, reviewer):
    section = Section.objects.get(slug="watchful-waiting")
    title = section.title
    client.force_login(editor)
    _edit(client, section, title="Do nothing")
    change = ContentChange.objects.pending().for_object(section).get()
    client.force_login(reviewer)
    _decide(client, change, "send_back", "")
    change.refresh_from_db()
    assert change.state == "pending"
    _decide(client, change, "send_back", "Too blunt: say what waiting means.")
    change.refresh_from_db()
    section.refresh_from_db()
    assert change.state == "sent_back" and change.comment.startswith("Too blunt")
    assert section.title == title
    event = AuditEvent.objects.get(action="content_send_back")
    assert event.actor == reviewer and "Too blunt" in event.detail


def test_a_new_item_is_a_draft_until_a_reviewer_publishes_it(client, guide, editor, reviewer):
    client.force_login(editor)
    client.post(reverse("admin:content_faq_add"), {
        "question": "Is PRP vegan?", "slug": "is-prp-vegan", "order": 200,
        "answer": "It is made from your own blood.",
    })
    faq = FAQ.objects.get(slug="is-prp-vegan")
    assert faq.status == Status.DRAFT
    asked = client.post(reverse("admin:content_faq_changelist"),
                        {"action": "ask_to_publish", "_selected_action": [faq.pk]})
    assert "Reason for this change" in asked.content.decode()  # asked first, nothing sent
    assert not ContentChange.objects.for_object(faq).exists()
    client.post(reverse("admin:content_faq_changelist"),
                {"action": "ask_to_publish", "_selected_action": [faq.pk],
                 "change_reason": "A question patients ask."})
    assert ContentChange.objects.for_object(faq).get().summary == "A question patients ask."
    change = ContentChange.objects.pending().for_object(faq).get()
    assert "Is PRP vegan?" not in Client().get(reverse("content:faq")).content.decode()
    client.force_login(reviewer)
    _decide(client, change, "approve")
    faq.refresh_from_db()
    assert faq.status == Status.PUBLISHED
    assert "Is PRP vegan?" in Client().get(reverse("content:faq")).content.decode()


def test_published_items_cannot_be_deleted_directly(client, guide, editor):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    assert client.get(reverse("admin:content_section_delete", args=[section.pk])).status_code == 403


def test_editor_cannot_set_status_or_review_stamp_in_the_form(client, guide, editor):
    section = Section.objects.get(slug="watchful-waiting")
    section.status = Status.DRAFT
    section.save()
    client.force_login(editor)
    _edit(client, section, status="published", reviewed_by="A famous professor")
    section.refresh_from_db()
    assert section.status == Status.DRAFT and section.reviewed_by != "A famous professor"


# --- roles --------------------------------------------------------------------------------

def test_editor_cannot_approve(client, guide, editor):
    change = ContentChange.objects.pending().first()
    client.force_login(editor)
    assert _decide(client, change, "approve").status_code == 403
    change.refresh_from_db()
    assert change.state == "pending"


def test_clinic_staff_cannot_approve(client, guide, django_user_model):
    staff = django_user_model.objects.create_user(username="nurse", password="x" * 20,
                                                  is_staff=True)
    staff.groups.add(Group.objects.get(name="Clinic staff"))
    change = ContentChange.objects.pending().first()
    client.force_login(staff)
    assert _decide(client, change, "approve").status_code == 403
    assert not staff.has_perm(services.APPROVE_PERMISSION)


def test_nobody_approves_their_own_change(client, guide, editor, reviewer):
    reviewer.groups.add(Group.objects.get(name="Content editors"))
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(reviewer)
    _edit(client, section, title="My own wording")
    change = ContentChange.objects.pending().for_object(section).get()
    page = client.get(reverse("admin:content_contentchange_change", args=[change.pk]))
    assert "another clinical reviewer must decide" in page.content.decode()
    _decide(client, change, "approve")
    change.refresh_from_db()
    assert change.state == "pending"
    with pytest.raises(services.ApprovalRefused):
        services.approve(change, reviewer=reviewer)


def test_reviewer_cannot_edit_content_or_users(client, guide, reviewer):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(reviewer)
    assert client.get(reverse("admin:content_section_change", args=[section.pk])).status_code == 200
    response = _edit(client, section, title="Changed by a reviewer")
    assert response.status_code == 403
    assert client.get(reverse("admin:auth_user_change", args=[reviewer.pk])).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_reviewers_group_has_no_user_or_assessment_data_permissions():
    group = Group.objects.get(name=REVIEWERS)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("content", "approve_contentchange") in codenames
    assert ("assessments", "approve_ruleset") in codenames
    assert not {c for c in codenames if c[0] == "auth"}
    assert not {c for c in codenames if c[1].startswith(("change_", "add_", "delete_"))}
    assert ("assessments", "view_assessment") not in codenames


# --- approval follows the values -----------------------------------------------------------

def test_approval_belongs_to_exact_values(guide, reviewer):
    faq = FAQ.objects.first()
    services.approve(ContentChange.objects.pending().for_object(faq).get(), reviewer=reviewer)
    assert services.is_approved(faq)
    original = faq.answer
    faq.answer = "Something nobody approved."
    faq.save()  # e.g. a shell edit: the site must say so
    assert not services.is_approved(faq)
    faq.answer = original
    faq.save()
    assert services.is_approved(faq)


def test_a_newer_proposal_supersedes_the_older(guide, editor):
    faq = FAQ.objects.first()
    first = services.propose(faq, values={**registry.values_of(faq), "question": "One?"},
                             proposed_by=editor)
    services.propose(faq, values={**registry.values_of(faq), "question": "Two?"},
                     proposed_by=editor)
    first.refresh_from_db()
    assert first.state == "superseded"
    assert ContentChange.objects.pending().for_object(faq).get().values["question"] == "Two?"


def test_reviewer_approves_many_shipped_items_at_once_but_not_their_own(client, guide, reviewer):
    reviewer.groups.add(Group.objects.get(name="Content editors"))
    own = services.propose(FAQ.objects.first(), proposed_by=reviewer)
    pending = list(ContentChange.objects.pending().values_list("pk", flat=True))
    client.force_login(reviewer)
    response = client.post(reverse("admin:content_contentchange_changelist"),
                           {"action": "approve_selected", "_selected_action": pending})
    assert response.status_code == 302
    assert list(ContentChange.objects.pending()) == [own]
    assert AuditEvent.objects.filter(action="content_approve").count() == len(pending) - 1


def test_editor_has_no_bulk_approve(client, guide, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:content_contentchange_changelist")).content.decode()
    assert "approve_selected" not in page
    client.post(reverse("admin:content_contentchange_changelist"),
                {"action": "approve_selected",
                 "_selected_action": [ContentChange.objects.pending().first().pk]})
    assert not ContentChange.objects.approved().exists()


def test_a_second_edit_starts_from_the_pending_proposal(client, guide, editor):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    _edit(client, section, title="First proposed title")
    form = client.get(reverse("admin:content_section_change", args=[section.pk]))
    html = form.content.decode()
    assert 'value="First proposed title"' in html
    assert "waiting for a clinical reviewer" in html


def test_editor_sees_why_a_change_was_sent_back(client, guide, editor, reviewer):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    _edit(client, section, title="Too short")
    services.send_back(ContentChange.objects.pending().for_object(section).get(),
                       reviewer=reviewer, comment="Say what waiting means.")
    html = client.get(reverse("admin:content_section_change", args=[section.pk])).content.decode()
    assert "Say what waiting means." in html
    assert 'value="Too short"' not in html  # the form is back to the published version


def test_shipped_items_review_request_does_not_claim_an_edit(client, guide, editor):
    section = Section.objects.get(slug="watchful-waiting")
    client.force_login(editor)
    html = client.get(reverse("admin:content_section_change", args=[section.pk])).content.decode()
    assert "a proposed change" not in html


def test_editing_a_draft_withdraws_its_pending_review_request(client, guide, editor):
    faq = FAQ.objects.first()
    faq.status = Status.DRAFT
    faq.save()
    services.withdraw_pending(faq)
    change = services.propose(faq, proposed_by=editor)
    client.force_login(editor)
    client.post(reverse("admin:content_faq_change", args=[faq.pk]), {
        "question": faq.question, "slug": faq.slug, "order": faq.order,
        "answer": faq.answer + " One more line.",
    })
    change.refresh_from_db()
    assert change.state == "superseded"
    faq.refresh_from_db()
    assert faq.answer.endswith("One more line.") and faq.status == Status.DRAFT


def test_clinic_details_reach_patients_only_after_approval(client, guide, editor, reviewer):
    client.force_login(editor)
    client.post(reverse("admin:content_clinicdetails_add"), {
        "name": "Riverside Dermatology", "address": "12 High Street", "phone": "0113 496 0000",
        "booking_url": "", "logo_alt_text": "",
        "declaration_of_interest": "The clinic offers both injections for a fee.",
    })
    clinic = ClinicDetails.objects.get()
    assert clinic.status == Status.DRAFT
    assert "Riverside Dermatology" not in Client().get(reverse("content:home")).content.decode()
    client.post(reverse("admin:content_clinicdetails_changelist"),
                {"action": "ask_to_publish", "_selected_action": [clinic.pk],
                 "change_reason": "Our clinic's details."})
    services.approve(ContentChange.objects.pending().for_object(clinic).get(), reviewer=reviewer)
    assert "Riverside Dermatology" in Client().get(reverse("content:home")).content.decode()


def test_approving_removal_is_not_approving_the_words(guide, editor, reviewer):
    faq = FAQ.objects.first()
    services.approve(services.propose(faq, outcome=ContentChange.Outcome.UNPUBLISH,
                                      proposed_by=editor), reviewer=reviewer)
    faq.refresh_from_db()
    assert faq.status == Status.DRAFT
    assert AuditEvent.objects.filter(action="content_unpublish", actor=reviewer).exists()
    faq.status = Status.PUBLISHED  # e.g. put back from a shell, without review
    faq.save()
    assert faq in services.unapproved_published_items()


# --- each decision does and says what it is (issue 27 point 4) ------------------------------

def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("outcome", "before", "after", "button", "said", "audited"), [
    (ContentChange.Outcome.PUBLISH, Status.DRAFT, Status.PUBLISHED, "Approve and publish",
     "Approved and published: {item}. Patients now see this version.", "content_publish"),
    (ContentChange.Outcome.UNPUBLISH, Status.PUBLISHED, Status.DRAFT,
     "Approve and take off the site",
     "Approved and taken off the public site: {item}. Patients no longer see it.",
     "content_unpublish"),
])
def test_approving_each_outcome_does_and_says_what_happened(
        client, guide, editor, reviewer, outcome, before, after, button, said, audited):
    faq = FAQ.objects.first()
    FAQ.objects.filter(pk=faq.pk).update(status=before)
    change = services.propose(faq, outcome=outcome, proposed_by=editor)
    client.force_login(reviewer)
    page = client.get(reverse("admin:content_contentchange_change", args=[change.pk]))
    assert f'value="approve" class="button default">{button}</button>' in page.content.decode()

    response = _decide(client, change, "approve")

    assert _messages(response) == [said.format(item=change.item_label)]
    faq.refresh_from_db()
    assert faq.status == after
    assert AuditEvent.objects.filter(action=audited, actor=reviewer).exists()


def test_sending_back_says_so_and_changes_nothing_for_patients(client, guide, editor, reviewer):
    faq = FAQ.objects.first()
    change = services.propose(faq, outcome=ContentChange.Outcome.UNPUBLISH, proposed_by=editor)
    client.force_login(reviewer)
    response = _decide(client, change, "send_back", "Keep it: patients ask this often.")
    assert _messages(response) == [
        f"Sent back to the editor: {change.item_label}. Patients see no change."]
    faq.refresh_from_db()
    assert faq.status == Status.PUBLISHED
    change.refresh_from_db()
    assert (change.state, change.decided_by, change.comment) == (
        ContentChange.State.SENT_BACK, reviewer, "Keep it: patients ask this often.")
    assert change.decided_at is not None and change.decided_by_name == "Amara Okafor"


def test_a_bulk_approval_counts_each_outcome(client, guide, editor, reviewer):
    first, second = FAQ.objects.all()[:2]
    FAQ.objects.filter(pk=first.pk).update(status=Status.DRAFT)
    ContentChange.objects.pending().update(state=ContentChange.State.SUPERSEDED)
    to_publish = services.propose(first, proposed_by=editor)
    to_remove = services.propose(second, outcome=ContentChange.Outcome.UNPUBLISH,
                                 proposed_by=editor)
    client.force_login(reviewer)
    response = client.post(reverse("admin:content_contentchange_changelist"),
                           {"action": "approve_selected",
                            "_selected_action": [to_publish.pk, to_remove.pk]})
    assert _messages(response) == ["1 change(s) approved and published.",
                                   "1 change(s) approved and taken off the public site."]
    assert set(FAQ.objects.filter(pk__in=[first.pk, second.pk]).values_list(
        "pk", "status")) == {(first.pk, Status.PUBLISHED), (second.pk, Status.DRAFT)}


def test_outcomes_are_not_statuses():
    """An outcome says what approval does, a status what an item is. They share no value,
    so approving works only through the written-out map (the tests above fail if an
    outcome is copied into the status, as it once was)."""
    assert set(ContentChange.Outcome.values).isdisjoint(Status.values)
    assert services.STATUS_ONCE_APPROVED == {ContentChange.Outcome.PUBLISH: Status.PUBLISHED,
                                             ContentChange.Outcome.UNPUBLISH: Status.DRAFT}


@pytest.mark.parametrize("outcome", list(ContentChange.Outcome))
def test_approval_sets_the_status_only_through_the_map(guide, editor, reviewer, monkeypatch,
                                                       outcome):
    # Turned around, the map alone decides: nothing else reads the outcome as a status.
    swapped = {ContentChange.Outcome.PUBLISH: Status.DRAFT,
               ContentChange.Outcome.UNPUBLISH: Status.PUBLISHED}
    monkeypatch.setattr(services, "STATUS_ONCE_APPROVED", swapped)
    faq = FAQ.objects.first()
    services.approve(services.propose(faq, outcome=outcome, proposed_by=editor),
                     reviewer=reviewer)
    faq.refresh_from_db()
    assert faq.status == swapped[outcome]


def test_a_correction_keeps_the_items_status():
    assert services.outcome_keeping(Status.PUBLISHED) == ContentChange.Outcome.PUBLISH
    assert services.outcome_keeping(Status.DRAFT) == ContentChange.Outcome.UNPUBLISH


# --- reviewers see the change, not the section (issue 23 point 6) ---------------------------

def test_an_edit_to_a_published_item_needs_a_one_line_reason(client, guide, editor):
    section = Section.objects.get(slug="prp-explained")
    client.force_login(editor)
    response = _edit(client, section, body=section.body + " More.", change_reason="  ")
    assert response.status_code == 200
    assert "Say in one line why you made this change" in response.content.decode()
    assert not ContentChange.objects.pending().for_object(section).exclude(
        proposed_by=None).exists()

    _edit(client, section, body=section.body + " More.", change_reason="Adds a word.")
    change = ContentChange.objects.pending().for_object(section).get()
    assert change.summary == "Adds a word." and change.proposed_by == editor


def test_one_sentence_changed_in_shipped_text_shows_that_sentence_only(client, guide, editor,
                                                                        reviewer):
    """On a fresh install, one changed sentence of "PRP explained" is that sentence, not
    the whole section as new words."""
    section = Section.objects.get(slug="prp-explained")
    old = "Researchers do not yet fully know how it works."
    new = "Nobody yet knows for sure how it works."
    client.force_login(editor)
    _edit(client, section, body=section.body.replace(old, new))
    change = ContentChange.objects.pending().for_object(section).get()
    [diff] = services.review_view(change).diffs
    assert diff.added_words <= 8 and diff.removed_words <= 8
    assert "<ins>" in diff.html and "Platelets are tiny cells" in diff.html


def test_approving_shipped_text_as_published_still_shows_every_word(guide):
    section = Section.objects.get(slug="prp-explained")
    review = services.review_view(ContentChange.objects.pending().for_object(section).get())
    assert "no version of this item was ever approved" in review.compared_with
    body = next(diff for diff in review.diffs if diff.name == "body")
    assert body.removed_words == 0 and body.added_words > 300


def _proposed_sentence(client, editor, section, sentence="A sentence added for the test."):
    client.force_login(editor)
    _edit(client, section, body=section.body + "\n\n" + sentence,
          change_reason="Adds one sentence.")
    return ContentChange.objects.pending().for_object(section).get()


def test_reviewer_page_shows_the_author_the_reason_and_a_preview_link(client, guide, editor,
                                                                       reviewer):
    section = Section.objects.get(slug="prp-explained")
    change = _proposed_sentence(client, editor, section)
    client.force_login(reviewer)
    html = client.get(reverse("admin:content_contentchange_change", args=[change.pk])).content
    html = html.decode()
    assert "Words by <strong>editor</strong>" in html
    assert "Adds one sentence." in html
    assert reverse("admin:content_contentchange_preview", args=[change.pk]) in html


@pytest.mark.parametrize("slug", ["prp-explained", "about-this-guide"])
def test_preview_shows_the_proposed_words_in_the_public_layout(client, guide, editor, reviewer,
                                                               slug):
    section = Section.objects.get(slug=slug)
    change = _proposed_sentence(client, editor, section)
    client.force_login(reviewer)
    response = client.get(reverse("admin:content_contentchange_preview", args=[change.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "A sentence added for the test." in html
    assert "Preview of a proposed change" in html
    assert "<h1>PRP and mesotherapy for hair loss: a guide" in html  # the public page
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    # Nothing is saved, and patients still see the published words.
    public = client.get(reverse("content:guide")).content.decode()
    assert "A sentence added for the test." not in public


@pytest.mark.parametrize("model_slug", [("faq", "nhs"), ("optionprofile", "prp"),
                                        ("comparisonrow", "cost"), ("reference", "kanti-2018")])
def test_every_kind_of_guide_content_has_a_preview(client, guide, reviewer, model_slug):
    from django.apps import apps

    model = apps.get_model("content", model_slug[0])
    item = model.objects.get(slug=model_slug[1])
    change = ContentChange.objects.pending().for_object(item).get()
    client.force_login(reviewer)
    response = client.get(reverse("admin:content_contentchange_preview", args=[change.pk]))
    assert response.status_code == 200
    assert "Preview of a proposed change" in response.content.decode()


def test_the_public_cannot_open_a_preview(client, guide):
    change = ContentChange.objects.pending().first()
    response = client.get(reverse("admin:content_contentchange_preview", args=[change.pk]))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_editor_sees_changes_sent_back_to_them_on_the_admin_front_page(client, guide, editor,
                                                                       reviewer):
    section = Section.objects.get(slug="prp-explained")
    change = _proposed_sentence(client, editor, section)
    services.send_back(change, reviewer=reviewer, comment="Cite the 2024 review.")
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Changes sent back to you" in html and "Cite the 2024 review." in html
    assert reverse("admin:content_section_change", args=[section.pk]) in html

    _proposed_sentence(client, editor, section, "A better sentence.")  # answered
    assert "Changes sent back to you" not in client.get(reverse("admin:index")).content.decode()


def test_history_says_who_wrote_the_words_and_who_approved_them_untruncated(
        client, guide, editor, reviewer):
    section = Section.objects.get(slug="prp-explained")
    long_sentence = "This sentence is long. " * 12
    change = _proposed_sentence(client, editor, section, long_sentence.strip())
    services.approve(change, reviewer=reviewer)
    client.force_login(editor)
    html = client.get(reverse("admin:content_section_history", args=[section.pk])).content
    html = html.decode()
    row = html[html.index("<tbody>"):]
    row = row[:row.index("</tr>")]
    assert "<td>editor</td>" in row and "<td>Amara Okafor</td>" in row
    assert long_sentence.strip() in row  # the whole change, not cut at 100 characters
    assert "Shipped with the site" in html  # the version load_guide wrote


def test_reviewers_kind_of_content_filter_lists_only_guide_content(client, guide, reviewer):
    client.force_login(reviewer)
    html = client.get(reverse("admin:content_contentchange_changelist")).content.decode()
    filters = html[html.index('id="changelist-filter"'):]
    assert "Option profile" in filters and "Section" in filters
    assert "Assessment" not in filters and "permission" not in filters.lower()
    url = reverse("admin:content_contentchange_changelist")
    assert client.get(url, {"kind": "not-a-number"}).status_code == 200


def test_a_browsers_crlf_line_ends_do_not_make_every_line_a_change(client, guide, editor):
    section = Section.objects.get(slug="prp-explained")
    client.force_login(editor)
    posted = (section.body + "\n\nOne more sentence.").replace("\n", "\r\n")
    _edit(client, section, body=posted)
    change = ContentChange.objects.pending().for_object(section).get()
    assert "\r" not in change.values["body"]
    [diff] = services.review_view(change).diffs
    assert diff.html.count("<ins>") == 1 and diff.removed_words == 0
