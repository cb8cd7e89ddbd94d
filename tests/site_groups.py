"""The staff, editor and reviewer groups, as their data migrations make them.

A test that flushes the database (live_server, ``transaction=True``) takes them away:
permissions come back through post_migrate, groups do not. ``restore_groups`` puts them
back with the permissions the migrations give them.
"""

import importlib

from django.contrib.auth.models import Group, Permission

SENTINEL_GROUP = "Clinic staff"


def restore_groups() -> None:
    """The staff and editor groups come from data migrations, and live_server flushes
    every table after each test (permissions come back through post_migrate, groups do
    not): put them back with the permissions the migrations give them."""
    staff = importlib.import_module("assessments.migrations.0002_clinic_staff_group")
    editors = importlib.import_module("content.migrations.0002_content_editors_group")
    reviewers = importlib.import_module("content.migrations.0006_clinical_reviewers_group")
    ruleset = importlib.import_module("assessments.migrations.0010_clinical_reviewers_permissions")
    for name, app_label, codenames in (
        (staff.GROUP_NAME, "assessments", staff.STAFF_CODENAMES),
        # 0004 renamed the "treatment" permissions to "optionprofile" in place.
        (editors.GROUP_NAME, "content",
         [*(codename.replace("treatment", "optionprofile")
            for codename in editors.editor_permission_codenames()), "view_contentchange"]),
        (reviewers.REVIEWERS, "content", reviewers.reviewer_codenames()),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    Group.objects.get(name=ruleset.GROUP_NAME).permissions.add(*Permission.objects.filter(
        content_type__app_label="assessments", codename__in=ruleset.CODENAMES))
    for migration in ("0015_decisions_permissions", "0016_decisions_reviewers"):
        decisions = importlib.import_module(f"assessments.migrations.{migration}")
        Group.objects.get(name=decisions.GROUP_NAME).permissions.add(*Permission.objects.filter(
            content_type__app_label="assessments", codename__in=decisions.CODENAMES))
    insights = importlib.import_module("assessments.migrations.0008_insights_access")
    for name in insights.INSIGHTS_GROUPS:
        Group.objects.get(name=name).permissions.add(Permission.objects.get(
            content_type__app_label="assessments", codename=insights.INSIGHTS_CODENAME))
