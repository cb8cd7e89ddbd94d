"""The "Clinical reviewers" group (content side) and editors' view of their proposals.

Reviewers read every content item and its history and decide on guide changes
(`approve_contentchange`); they cannot edit content or users. Editors may read the
proposals (theirs and others'), to see a reviewer's comment. The group is shared with
`assessments` (ruleset approval), whose migration adds its own permissions to it by name.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWERS = "Clinical reviewers"
EDITORS = "Content editors"
CONTENT_MODELS = ("article", "section", "optionprofile", "comparisonrow", "faq", "reference",
                  "clinicdetails")


def reviewer_codenames() -> list[str]:
    codenames = [f"view_{model}" for model in CONTENT_MODELS]
    codenames += [f"view_historical{model}" for model in CONTENT_MODELS]
    return [*codenames, "view_contentchange", "approve_contentchange"]


def create_group(apps, schema_editor):
    config = apps.get_app_config("content")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_permissions = Permission.objects.filter(content_type__app_label="content")
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*content_permissions.filter(codename__in=reviewer_codenames()))
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*content_permissions.filter(codename="view_contentchange"))


def remove_group(apps, schema_editor):
    # Only what this migration added: other apps give the shared group permissions too.
    Group = apps.get_model("auth", "Group")
    reviewers = Group.objects.filter(name=REVIEWERS).first()
    if reviewers:
        reviewers.permissions.remove(*reviewers.permissions.filter(
            content_type__app_label="content", codename__in=reviewer_codenames()))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(*editors.permissions.filter(codename="view_contentchange"))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_content_change"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
