"""Let "Clinic staff" record and change the decision made at the visit (issue 26).

Not "Clinical reviewers": they do not see patients' records (0010), and the decision
form is on the record's page. A reviewer who also sees patients is put in both groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinic staff"
CODENAMES = ("add_decision", "change_decision", "view_decision")


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
        ("assessments", "0014_decisions_followup"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
