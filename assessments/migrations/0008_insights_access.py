"""Who may see clinic insights: the "Clinic staff" group and the "Clinical reviewers".

Insights are aggregates only, so the clinic's reviewing dermatologists may see them
without being able to open single assessments. The "Clinical reviewers" group may be
made by another migration too: it is looked up by name (get_or_create), and the
permission is added to what it has, never replacing it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUP = "Clinic staff"
REVIEWERS_GROUP = "Clinical reviewers"
INSIGHTS_GROUPS = (STAFF_GROUP, REVIEWERS_GROUP)
INSIGHTS_CODENAME = "view_insights"


def grant(apps, schema_editor):
    config = apps.get_app_config("assessments")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="assessments", codename=INSIGHTS_CODENAME
    )
    for name in INSIGHTS_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="assessments", codename=INSIGHTS_CODENAME
    ):
        permission.group_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0007_assessment_created_on_required"),
        ("assessments", "0002_clinic_staff_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
