"""Treatment profiles become option profiles, for all seven options (issue 13).

- `Treatment` is renamed `OptionProfile`; its rows and history are kept.
- The profile fields become the questions every option answers. Old text moves to the
  nearest new field, so an editor's wording is never lost.
- The comparison grid gains a hair transplant column; the clinic details gain a
  declaration of interest.

`load_guide` tells an untouched default from an editor's change by a SHA-256
fingerprint of the default's values. The field names change here, so each untouched
row is re-fingerprinted under the new names: the next `load_guide` then brings it the
new default text, while rows an editor changed keep their wording.
"""

import hashlib
import json

from django.db import migrations, models

EDITORIAL = ("status", "last_reviewed_on", "reviewed_by")
OLD_PROFILE_KEYS = (
    "order", "name", "summary", "how_it_works", "what_is_used", "course_and_maintenance",
    "common_side_effects", "who_should_not_have_it", "who_it_may_suit",
    "strength_of_evidence", *EDITORIAL,
)
NEW_PROFILE_KEYS = (
    "order", "name", "summary", "what_it_is", "how_it_is_done", "how_often_and_how_long",
    "what_studies_show", "common_harms", "rare_harms", "who_should_not_have_it",
    "cost_and_time", "when_you_stop", *EDITORIAL,
)
OLD_ROW_KEYS = (
    "order", "question", "prp", "mesotherapy", "established_medicines",
    "watchful_waiting", *EDITORIAL,
)
NEW_ROW_KEYS = (*OLD_ROW_KEYS, "hair_transplant")


def fingerprint(values: dict) -> str:
    # A frozen copy of content.loading.fingerprint: migrations must not import app code.
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _values(item, keys):
    return {key: getattr(item, key) for key in keys}


def _untouched(item, keys) -> bool:
    return bool(item.default_content_hash) and (
        fingerprint(_values(item, keys)) == item.default_content_hash
    )


def move_profiles_to_new_fields(apps, schema_editor):
    OptionProfile = apps.get_model("content", "OptionProfile")
    for item in OptionProfile.objects.all():
        untouched = _untouched(item, OLD_PROFILE_KEYS)
        item.what_it_is = item.how_it_works
        if item.who_it_may_suit:
            item.what_it_is += "\n\n### Who it may suit\n\n" + item.who_it_may_suit
        item.how_it_is_done = item.what_is_used
        item.how_often_and_how_long = item.course_and_maintenance
        item.what_studies_show = item.strength_of_evidence
        item.common_harms = item.common_side_effects
        if untouched:
            item.default_content_hash = fingerprint(_values(item, NEW_PROFILE_KEYS))
        item.save()

    ComparisonRow = apps.get_model("content", "ComparisonRow")
    for row in ComparisonRow.objects.all():
        if _untouched(row, OLD_ROW_KEYS):
            row.default_content_hash = fingerprint(_values(row, NEW_ROW_KEYS))
            row.save(update_fields=["default_content_hash"])


def rename_permissions(apps, schema_editor):
    """Keep the editors' rights on the renamed model.

    Django renames the content type with the model but not its permissions, so
    "change_treatment" would stay on the editors' group while the admin asks for
    "change_optionprofile". Renaming the rows in place keeps every group and user
    grant. (On a fresh database they were created by 0002 under the old name.)
    """
    Permission = apps.get_model("auth", "Permission")
    for old, new, label in (
        ("treatment", "optionprofile", "option profile"),
        ("historicaltreatment", "historicaloptionprofile", "historical option profile"),
    ):
        for action in ("add", "change", "delete", "view"):
            Permission.objects.filter(
                content_type__app_label="content", codename=f"{action}_{old}"
            ).update(codename=f"{action}_{new}", name=f"Can {action} {label}")


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_cache_table"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel("Treatment", "OptionProfile"),
        migrations.RenameModel("HistoricalTreatment", "HistoricalOptionProfile"),
        migrations.AddField(
            model_name='clinicdetails',
            name='declaration_of_interest',
            field=models.TextField(default='The clinic that runs this site offers PRP and mesotherapy, and it is paid for them. This guide does not ask you to choose either of them. You are free to choose any option, or none, and to have care somewhere else.', help_text='Which of the options in the guide the clinic sells, in plain words. Shown next to the guide and on every summary, e.g. “We offer PRP and mesotherapy, and we are paid for them.”', verbose_name='declaration of interest'),
        ),
        migrations.AddField(
            model_name='comparisonrow',
            name='hair_transplant',
            field=models.TextField(default='', help_text='Short answer for hair transplant surgery, e.g. “One operation, then check-ups.”', verbose_name='hair transplant'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicalclinicdetails',
            name='declaration_of_interest',
            field=models.TextField(default='The clinic that runs this site offers PRP and mesotherapy, and it is paid for them. This guide does not ask you to choose either of them. You are free to choose any option, or none, and to have care somewhere else.', help_text='Which of the options in the guide the clinic sells, in plain words. Shown next to the guide and on every summary, e.g. “We offer PRP and mesotherapy, and we are paid for them.”', verbose_name='declaration of interest'),
        ),
        migrations.AddField(
            model_name='historicalcomparisonrow',
            name='hair_transplant',
            field=models.TextField(default='', help_text='Short answer for hair transplant surgery, e.g. “One operation, then check-ups.”', verbose_name='hair transplant'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='common_harms',
            field=models.TextField(default='', help_text='Markdown list, e.g. “- Pain during the injections”.', verbose_name='common harms and burdens'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='cost_and_time',
            field=models.TextField(default='', help_text='Markdown. Who pays, and the time it takes, e.g. “You pay for each session. Not on the NHS.”', verbose_name='cost and time'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='how_it_is_done',
            field=models.TextField(default='', help_text='Markdown. What happens at home or at a visit, e.g. “Blood is taken from your arm.”', verbose_name='how it is done'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='how_often_and_how_long',
            field=models.TextField(default='', help_text='Markdown. Sessions or doses, gaps, and when a change may show, e.g. “Three sessions, about a month apart.”', verbose_name='how often and for how long'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='rare_harms',
            field=models.TextField(default='', help_text='Markdown list, e.g. “- An infection where the needles went in”.', verbose_name='rare but serious harms'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='what_it_is',
            field=models.TextField(default='', help_text='Markdown. What it is and what it is meant to do, in a few short sentences.', verbose_name='what it is'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='what_studies_show',
            field=models.TextField(default='', help_text='Markdown. Each effect with its range and certainty in words. Give “x out of 100” only where a cited study reports it; otherwise say no such figure is known. An icon array: a line like “[icon-array 45 of 100: had pain during the injections]”.', verbose_name='what studies show, and how sure they are'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicaloptionprofile',
            name='when_you_stop',
            field=models.TextField(default='', help_text='Markdown, e.g. “Any gain fades over the following months.”', verbose_name='what happens when you stop'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='common_harms',
            field=models.TextField(default='', help_text='Markdown list, e.g. “- Pain during the injections”.', verbose_name='common harms and burdens'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='cost_and_time',
            field=models.TextField(default='', help_text='Markdown. Who pays, and the time it takes, e.g. “You pay for each session. Not on the NHS.”', verbose_name='cost and time'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='how_it_is_done',
            field=models.TextField(default='', help_text='Markdown. What happens at home or at a visit, e.g. “Blood is taken from your arm.”', verbose_name='how it is done'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='how_often_and_how_long',
            field=models.TextField(default='', help_text='Markdown. Sessions or doses, gaps, and when a change may show, e.g. “Three sessions, about a month apart.”', verbose_name='how often and for how long'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='rare_harms',
            field=models.TextField(default='', help_text='Markdown list, e.g. “- An infection where the needles went in”.', verbose_name='rare but serious harms'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='what_it_is',
            field=models.TextField(default='', help_text='Markdown. What it is and what it is meant to do, in a few short sentences.', verbose_name='what it is'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='what_studies_show',
            field=models.TextField(default='', help_text='Markdown. Each effect with its range and certainty in words. Give “x out of 100” only where a cited study reports it; otherwise say no such figure is known. An icon array: a line like “[icon-array 45 of 100: had pain during the injections]”.', verbose_name='what studies show, and how sure they are'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='optionprofile',
            name='when_you_stop',
            field=models.TextField(default='', help_text='Markdown, e.g. “Any gain fades over the following months.”', verbose_name='what happens when you stop'),
            preserve_default=False,
        ),
        migrations.RunPython(move_profiles_to_new_fields, migrations.RunPython.noop),
        migrations.RunPython(rename_permissions, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='common_side_effects',
        ),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='course_and_maintenance',
        ),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='how_it_works',
        ),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='strength_of_evidence',
        ),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='what_is_used',
        ),
        migrations.RemoveField(
            model_name='historicaloptionprofile',
            name='who_it_may_suit',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='common_side_effects',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='course_and_maintenance',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='how_it_works',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='strength_of_evidence',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='what_is_used',
        ),
        migrations.RemoveField(
            model_name='optionprofile',
            name='who_it_may_suit',
        ),
        migrations.AlterModelOptions(
            name='historicaloptionprofile',
            options={'get_latest_by': ('history_date', 'history_id'), 'ordering': ('-history_date', '-history_id'), 'verbose_name': 'historical option profile', 'verbose_name_plural': 'historical option profiles'},
        ),
        migrations.AlterModelOptions(
            name='optionprofile',
            options={'ordering': ['order', 'name'], 'verbose_name': 'option profile', 'verbose_name_plural': 'option profiles'},
        ),
        migrations.AlterField(
            model_name='historicaloptionprofile',
            name='order',
            field=models.PositiveIntegerField(default=0, help_text='Position in lists, smallest first. Standard treatments come first, e.g. 10 for minoxidil, 50 for PRP.', verbose_name='order'),
        ),
        migrations.AlterField(
            model_name='historicaloptionprofile',
            name='slug',
            field=models.SlugField(help_text='Used in the address /options/<slug>/, e.g. “prp”. Do not change it.', max_length=80, verbose_name='slug'),
        ),
        migrations.AlterField(
            model_name='optionprofile',
            name='order',
            field=models.PositiveIntegerField(default=0, help_text='Position in lists, smallest first. Standard treatments come first, e.g. 10 for minoxidil, 50 for PRP.', verbose_name='order'),
        ),
        migrations.AlterField(
            model_name='optionprofile',
            name='slug',
            field=models.SlugField(help_text='Used in the address /options/<slug>/, e.g. “prp”. Do not change it.', max_length=80, unique=True, verbose_name='slug'),
        ),
    ]
