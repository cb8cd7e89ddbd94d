"""Create the "Clinic staff" group with exactly what the staff area needs.

Staff read assessments, mark them reviewed and export de-identified CSVs. They cannot
change answers or summaries, edit content or users, or read the audit log (superusers
only). Permissions are created post_migrate, so `create_permissions` makes them first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinic staff"
STAFF_CODENAMES = ("view_assessment", "review_assessment", "export_assessments")


def create_group(apps, schema_editor):
    config = apps.get_app_config("assessments")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="assessments", codename__in=STAFF_CODENAMES
        )
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
