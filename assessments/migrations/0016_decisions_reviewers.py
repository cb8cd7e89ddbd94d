"""Let "Clinical reviewers" record and change the decision made at the visit (issue 26:
"clinic staff and clinical reviewers").

Reviewers still do not see patients' records (0010): they record a decision on its own
page, ``/staff/decisions/<code>/``, which shows the decision, the follow-up scores and
the form, and nothing of the answers or the summary. Clinic staff keep the form on the
record's page (0015).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinical reviewers"
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
        ("assessments", "0015_decisions_permissions"),
        ("content", "0006_clinical_reviewers_group"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
