"""Approval outcomes get values of their own (issue 27 point 4).

They were "published" and "draft", the same strings as the item's status, and approving
worked by copying one into the other. Now an outcome says what approval does ("publish",
"unpublish") and the service maps it to a status; the rows already stored follow.
"""

from django.db import migrations, models

RENAMED = {"published": "publish", "draft": "unpublish"}


def rename(apps, mapping):
    ContentChange = apps.get_model("content", "ContentChange")
    for old, new in mapping.items():
        ContentChange.objects.filter(outcome=old).update(outcome=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("content", "0006_clinical_reviewers_group")]

    operations = [
        migrations.AlterField(
            model_name="contentchange",
            name="outcome",
            field=models.CharField(
                choices=[("publish", "Publish (patients see it)"),
                         ("unpublish", "Take off the public site")],
                default="publish", max_length=10, verbose_name="what approval does",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
