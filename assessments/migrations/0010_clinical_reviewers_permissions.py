"""Give the shared "Clinical reviewers" group the ruleset sign-off permissions.

The group is looked up by name and made if missing (content's migration makes it too):
reviewers read the rulebook and past approvals and approve a ruleset version. Nothing
about assessments, the audit log or users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinical reviewers"
CODENAMES = ("view_rulesetapproval", "approve_ruleset")


def add_permissions(apps, schema_editor):
    config = apps.get_app_config("assessments")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="assessments", codename__in=CODENAMES))


def remove_permissions(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
    if group:
        group.permissions.remove(*group.permissions.filter(
            content_type__app_label="assessments", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0009_clinical_signoff"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
