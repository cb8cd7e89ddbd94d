"""Create the "Content editors" group with exactly the permissions editing needs.

Permissions are normally created after all migrations (post_migrate), so on a fresh
database they do not exist yet; `create_permissions` makes them first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Content editors"
CONTENT_MODELS = ("article", "section", "treatment", "comparisonrow", "faq", "reference",
                  "clinicdetails")
ACTIONS = ("add", "change", "delete", "view")


def editor_permission_codenames() -> list[str]:
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in ACTIONS]
    # History is read-only for editors: restoring an old version is a "change".
    codenames += [f"view_historical{model}" for model in CONTENT_MODELS]
    return codenames


def create_group(apps, schema_editor):
    content_config = apps.get_app_config("content")
    content_config.models_module = True
    create_permissions(content_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = Permission.objects.filter(
        content_type__app_label="content", codename__in=editor_permission_codenames()
    )
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
