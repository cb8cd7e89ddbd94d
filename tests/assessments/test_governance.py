"""Clinical sign-off of the rules: the rulebook, ruleset approval, the banner on every
summary and PDF, `clinical_status`, the deploy check and the audit trail."""

import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from assessments import pdf, rules
from assessments.governance import rulebook, services
from assessments.governance.checks import (
    GUIDE_NOT_APPROVED,
    RULESET_NOT_APPROVED,
    clinical_sign_off_check,
)
from assessments.models import AuditEvent, RulesetApproval
from content.approvals import services as content_approvals
from content.models import ContentChange
from tests.assessments.factories import make_assessment, make_staff, make_user

pytestmark = pytest.mark.django_db

UNREVIEWED = "Rules: not yet reviewed by a clinician."


def _approve(client, reviewer, **data):
    client.force_login(reviewer)
    return client.post(reverse("staff:rulebook_approve"),
                       {"note": "Read every rule.", "confirm": "on", **data})


def _status() -> tuple[int, dict]:
    out = io.StringIO()
    try:
        call_command("clinical_status", stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, json.loads(out.getvalue())


# --- the rulebook ------------------------------------------------------------------------

def test_rulebook_lists_every_rule_with_trigger_texts_and_examples(client, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("staff:rulebook")).content.decode()
    for each in rules.RULES:
        assert f'id="rule-{each.id}"' in page
        assert each.trigger.split(";")[0].replace("'", "&#x27;")[:30] in page
        for says in each.says.values():
            text = says.text.replace("'", "&#x27;").replace("&", "&amp;")[:40]
            assert text.split("&")[0] in page
    examples = rulebook.worked_examples()
    assert len(examples) >= 10
    for example in examples:
        assert example.file in page
    assert "No earlier ruleset has been signed off" in page


def test_rulebook_command_writes_markdown_with_every_rule(tmp_path):
    target = tmp_path / "rulebook.md"
    call_command("rulebook", output=target, stderr=io.StringIO())
    text = target.read_text()
    assert text.startswith(f"# Rulebook: ruleset {rules.RULESET_VERSION}")
    for each in rules.RULES:
        assert f"### {each.id}: {each.title}" in text
        assert f"**Trigger:** {each.trigger}" in text
    assert "## Worked examples" in text and "Leaning today:" in text


def test_examples_run_through_todays_rules(tmp_path):
    """The rulebook runs each listed example; a wrong expectation shows as a difference."""
    source = rulebook.EXAMPLES_DIR
    (tmp_path / "teen.json").write_text((source / "teenager.json").read_text())
    (tmp_path / "README.md").write_text(
        "| file | who | expected leaning | main rules |\n|---|---|---|---|\n"
        "| teen.json | A teenager | prp | R1 |\n")
    [example] = rulebook.worked_examples(tmp_path)
    assert example.leaning == "doctor_first" and not example.as_expected
    assert any(line.rule == "R1" for line in example.lines)


def test_a_broken_example_is_reported_not_a_crash(tmp_path):
    (tmp_path / "broken.json").write_text('{"age_band": "very old"}')
    (tmp_path / "README.md").write_text(
        "| file | who | expected leaning | main rules |\n|---|---|---|---|\n"
        "| broken.json | Nobody | open | R0 |\n| missing.json | Nobody | open | R0 |\n")
    broken, missing = rulebook.worked_examples(tmp_path)
    assert broken.problem.startswith("cannot be run") and missing.problem
    text = rulebook.to_markdown(approved_snapshot=None, approval_line="", examples=[broken])
    assert "**This example cannot be run" in text


def test_diff_shows_changed_triggers_and_texts_since_the_last_sign_off(client, reviewer):
    old = rulebook.snapshot()
    first = next(iter(old["rules"]))
    old["rules"][first]["trigger"] = "An older trigger in other words."
    key = next(iter(old["rules"][first]["texts"]))
    old["rules"][first]["texts"][key] = "An older sentence."
    old["rules"]["R99"] = {"title": "Retired rule", "trigger": "Never.", "texts": {"x": "Gone."}}
    RulesetApproval.objects.create(
        ruleset_version="2026.11.1", fingerprint="0" * 64, approved_by=reviewer,
        reviewer_name="Dr Amara Okafor", reviewer_profession="Consultant dermatologist",
        reviewer_registration="GMC 7654321", rules_snapshot=old,
    )
    changes = {change.id: change for change in rulebook.compare(old, rulebook.snapshot())}
    assert changes["R99"].kind == "removed"
    assert {diff.label for diff in changes[first].diffs} >= {"trigger", f"text “{key}”"}
    client.force_login(reviewer)
    page = client.get(reverse("staff:rulebook")).content.decode()
    assert "Compared with ruleset 2026.11.1" in page
    assert re.search(r"<del>[^<]*older", page)
    assert "Retired rule" in page


def test_rulebook_page_needs_the_reviewer_permission(client):
    assert client.get(reverse("staff:rulebook")).status_code == 302  # to the login page
    client.force_login(make_staff())
    assert client.get(reverse("staff:rulebook")).status_code == 403


# --- ruleset approval --------------------------------------------------------------------

def test_reviewer_approves_the_running_ruleset(client, reviewer):
    response = _approve(client, reviewer)
    assert response.status_code == 302
    approval = services.current_approval()
    assert approval.approved_by == reviewer
    assert approval.fingerprint == rules.ruleset_fingerprint()
    assert approval.ruleset_version == rules.RULESET_VERSION
    assert approval.reviewer_registration == "GMC 7654321"
    assert set(approval.rules_snapshot["rules"]) == {each.id for each in rules.RULES}
    event = AuditEvent.objects.get(action="ruleset_approve")
    assert event.actor == reviewer and rules.RULESET_VERSION in event.detail
    page = client.get(reverse("staff:rulebook")).content.decode()
    assert "Approved</strong> by Dr Amara Okafor" in page


def test_approval_needs_the_confirmation_box(client, reviewer):
    response = _approve(client, reviewer, confirm="")
    assert response.status_code == 400
    assert "Tick the box" in response.content.decode()
    assert services.current_approval() is None


def test_a_reviewer_without_a_profile_cannot_approve(client):
    user = make_user("no-profile", group="Clinical reviewers", is_staff=True)
    _approve(client, user)
    assert services.current_approval() is None
    with pytest.raises(services.SignOffRefused, match="profile"):
        services.approve_ruleset(reviewer=user, note="", ip_address=None)


def test_clinic_staff_cannot_approve_the_ruleset(client):
    staff = make_staff()
    assert _approve(client, staff).status_code == 403
    assert services.current_approval() is None


def test_editor_cannot_approve_the_ruleset(client):
    editor = make_user("editor", group="Content editors", is_staff=True)
    assert _approve(client, editor).status_code == 403
    assert services.current_approval() is None


def test_approvals_cannot_be_changed_or_deleted(reviewer):
    approval = services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    with pytest.raises(ValueError):
        approval.save()
    with pytest.raises(ValueError):
        approval.delete()


# --- what patients see ------------------------------------------------------------------

def test_summary_says_unreviewed_until_the_ruleset_is_approved(client, reviewer):
    before = make_assessment()
    assert before.ruleset_approval is None
    assert UNREVIEWED in client.get(before.secret_summary_path()).content.decode()

    approval = services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    after = make_assessment()
    assert after.ruleset_approval == approval
    page = client.get(after.secret_summary_path()).content.decode()
    assert UNREVIEWED not in page
    assert "Rules: reviewed by Dr Amara Okafor, Consultant dermatologist, GMC 7654321, on" in page
    # An earlier summary keeps what was true when it was made.
    assert UNREVIEWED in client.get(before.secret_summary_path()).content.decode()


def test_pdf_html_carries_the_banner(reviewer):
    unreviewed = make_assessment()
    html = render_to_string(pdf.TEMPLATE, pdf.summary_pdf_context(assessment=unreviewed))
    assert UNREVIEWED in html
    services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    reviewed = make_assessment()
    html = render_to_string(pdf.TEMPLATE, pdf.summary_pdf_context(assessment=reviewed))
    assert "Rules: reviewed by Dr Amara Okafor" in html and UNREVIEWED not in html


# --- clinical_status and the deploy check --------------------------------------------------

def test_clinical_status_exits_1_until_everything_is_approved(guide, reviewer):
    code, status = _status()
    assert code == 1
    assert status["ruleset_version"] == rules.RULESET_VERSION
    assert status["ruleset_approved"] is False
    assert status["approved_by"] is None
    assert status["guide_pages_unapproved"] > 0
    assert {issue.id for issue in clinical_sign_off_check()} == {RULESET_NOT_APPROVED,
                                                                 GUIDE_NOT_APPROVED}

    services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    code, status = _status()
    assert code == 1 and status["ruleset_approved"] is True
    assert {issue.id for issue in clinical_sign_off_check()} == {GUIDE_NOT_APPROVED}

    for change in ContentChange.objects.pending():
        content_approvals.approve(change, reviewer=reviewer)
    code, status = _status()
    assert code == 0
    assert status["guide_pages_unapproved"] == 0
    assert status["approved_by"]["name"] == "Dr Amara Okafor"
    assert status["approved_by"]["registration_number"] == "GMC 7654321"
    assert clinical_sign_off_check() == []
    call_command("check", "--deploy", "--tag", "clinical", "--fail-level", "WARNING",
                 stdout=io.StringIO())


def test_deploy_check_fails_a_strict_release_while_unapproved(guide):
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="hairtx.W101"):
        call_command("check", "--deploy", "--tag", "clinical", "--fail-level", "WARNING",
                     stdout=io.StringIO(), stderr=io.StringIO())


# --- roles and audit ------------------------------------------------------------------------

def test_reviewer_cannot_edit_users_or_read_assessments(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("admin:auth_user_change", args=[reviewer.pk])).status_code == 403
    assert client.get(reverse("staff:list")).status_code == 403
    assert client.get(reverse("admin:assessments_reviewerprofile_changelist")).status_code == 403


def test_clinical_reviewers_group_is_made_by_migration():
    group = Group.objects.get(name="Clinical reviewers")
    assert group.permissions.filter(codename="approve_ruleset").exists()
    assert group.permissions.filter(codename="approve_contentchange").exists()


def test_export_audit_includes_sign_off_steps(guide, reviewer):
    services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    content_approvals.send_back(ContentChange.objects.pending().first(), reviewer=reviewer,
                                comment="Needs a source.")
    content_approvals.approve(ContentChange.objects.pending().first(), reviewer=reviewer)
    out = io.StringIO()
    call_command("export_audit", stdout=out)
    text = out.getvalue()
    assert text.splitlines()[0] == "when,who,action,reference_code,detail,from_address"
    for label in ("approved the ruleset", "sent a guide change back", "approved a guide change",
                  "published guide content"):
        assert label in text
    assert text.count("dr-okafor") >= 4


def test_staff_detail_says_whether_the_rules_were_approved(client, reviewer):
    unreviewed = make_assessment()
    services.approve_ruleset(reviewer=reviewer, note="", ip_address=None)
    reviewed = make_assessment()
    client.force_login(make_staff())
    page = client.get(reverse("staff:detail", args=[unreviewed.reference_code])).content.decode()
    assert "Rules: not yet reviewed by a clinician." in page
    page = client.get(reverse("staff:detail", args=[reviewed.reference_code])).content.decode()
    assert "Rules: reviewed by Dr Amara Okafor, Consultant dermatologist, GMC 7654321" in page


def test_load_guide_publication_is_one_audit_line(guide):
    [event] = AuditEvent.objects.filter(action="content_publish")
    assert event.actor is None and event.detail.startswith("load_guide published")
    call_command("load_guide", stdout=io.StringIO())  # nothing new: no second line
    assert AuditEvent.objects.filter(action="content_publish").count() == 1


def test_clinical_status_exits_2_when_the_database_cannot_be_read(monkeypatch):
    from django.core.management.base import CommandError
    from django.db import OperationalError

    from assessments.management.commands import clinical_status as command

    def unreadable():
        raise OperationalError("no such table: assessments_rulesetapproval")

    monkeypatch.setattr(command, "clinical_status", unreadable)
    with pytest.raises(CommandError, match="Run migrate first") as raised:
        call_command("clinical_status", stdout=io.StringIO())
    assert raised.value.returncode == 2
