"""Clinical sign-off in a real browser: an editor's change waits, a clinical reviewer
reads the word-level diff and approves it, then approves the ruleset; from then on
patients see the reviewer's name on their summary."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Browser, Page, expect

from assessments.models import AuditEvent, ReviewerProfile
from content.models import ContentChange, Section
from tests.assessments.factories import make_assessment
from tests.browser.helpers import PASSWORD, assert_no_axe_violations, press

pytestmark = pytest.mark.browser

NEW_SENTENCE = "Each hair grows from its own root, called a follicle."


def _admin_login(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    press(page, "Log in")
    expect(page.locator("#site-name")).to_be_visible()


def test_editor_change_waits_then_reviewer_approves_guide_and_rules(
        page: Page, browser: Browser, live_server):
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    reviewer = User.objects.create_user("dr-okafor", password=PASSWORD, is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    ReviewerProfile.objects.create(user=reviewer, full_name="Dr Amara Okafor",
                                   profession="Consultant dermatologist",
                                   registration_number="GMC 7654321")
    section = Section.objects.get(slug="how-hair-grows")

    # A fresh install: patients are told honestly that nobody has reviewed anything.
    before = make_assessment()
    page.goto(live_server.url + before.secret_summary_path())
    expect(page.locator(".clinical-review")).to_contain_text(
        "Rules: not yet reviewed by a clinician.")
    expect(page.locator(".clinical-review")).to_contain_text("Guide: none of its")
    page.goto(live_server.url + "/guide/")
    expect(page.locator(".guide-review--none")).to_be_visible()

    # The editor changes a published section: it becomes a proposal.
    _admin_login(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/admin/content/section/{section.pk}/change/")
    body = page.get_by_label("Body (Markdown)")
    body.fill(NEW_SENTENCE + "\n\n" + body.input_value())
    press(page, "Save")
    # A change to a published item needs the editor's one-line reason for the reviewer.
    expect(page.locator(".errorlist")).to_contain_text("Say in one line why")
    page.get_by_label("Reason for this change").fill("Says what a follicle is first.")
    press(page, "Save")
    expect(page.locator(".messagelist")).to_contain_text("saved as a proposal")
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)
    page.goto(live_server.url + "/guide/")
    expect(page.get_by_text(NEW_SENTENCE)).to_have_count(0)

    # The clinical reviewer, in another browser session, reads the diff and approves.
    reviewer_page = browser.new_context().new_page()
    _admin_login(reviewer_page, live_server.url, "dr-okafor")
    reviewer_page.goto(live_server.url
                       + "/admin/content/contentchange/?state__exact=pending&q=hair+grows")
    reviewer_page.get_by_role("link", name=str(section), exact=False).first.click()
    # Shipped text counts as seen: the one new sentence is highlighted, nothing else.
    added = reviewer_page.locator(".word-diff ins")
    expect(added).to_have_count(1)
    expect(added).to_contain_text(NEW_SENTENCE)
    expect(added).to_be_visible()
    assert added.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    expect(reviewer_page.locator(".change-reason")).to_have_text("Says what a follicle is first.")
    # The rendered preview, in the public layout, before anything is approved.
    reviewer_page.get_by_role("link", name="See it as patients would").click()
    expect(reviewer_page.locator(".preview-banner")).to_contain_text("Preview of a proposed change")
    expect(reviewer_page.locator("#how-hair-grows")).to_contain_text(NEW_SENTENCE)
    reviewer_page.get_by_role("link", name="Back to the review").click()
    reviewer_page.get_by_label("Comment for the editor").fill("Accurate and plain.")
    press(reviewer_page, "Approve and publish")
    expect(reviewer_page.locator(".messagelist")).to_contain_text("Approved")
    page.goto(live_server.url + "/guide/")
    expect(page.get_by_text(NEW_SENTENCE)).to_be_visible()

    # The reviewer reads the rulebook and approves the running ruleset.
    reviewer_page.goto(live_server.url + "/staff/rulebook/")
    expect(reviewer_page.locator(".signoff-status")).to_contain_text("Not yet approved")
    assert_no_axe_violations(reviewer_page, "rulebook")
    reviewer_page.get_by_label("Note (optional)").fill("Read every rule and example.")
    reviewer_page.get_by_label("I have read every rule").check()
    reviewer_page.get_by_role("button", name="Approve ruleset").click()
    expect(reviewer_page.locator(".signoff-status")).to_contain_text(
        "Approved by Dr Amara Okafor, Consultant dermatologist, GMC 7654321")

    # From now on, patients see who reviewed the rules; the earlier summary is unchanged.
    after = make_assessment()
    page.goto(live_server.url + after.secret_summary_path())
    expect(page.locator(".clinical-review")).to_contain_text(
        "Rules: reviewed by Dr Amara Okafor, Consultant dermatologist, GMC 7654321, on")
    page.goto(live_server.url + before.secret_summary_path())
    expect(page.locator(".clinical-review")).to_contain_text(
        "Rules: not yet reviewed by a clinician.")

    change = ContentChange.objects.filter(object_id=section.pk, state="approved").get()
    assert change.proposed_by == editor and change.decided_by == reviewer
    actions = list(AuditEvent.objects.order_by("id").values_list("actor_name", "action"))
    assert ("editor", "content_submit") in actions
    assert ("dr-okafor", "content_approve") in actions
    assert ("dr-okafor", "content_publish") in actions
    assert ("dr-okafor", "ruleset_approve") in actions
    reviewer_page.context.close()
