"""Assessments remember their intake schema: rows stored before schema 3 are "2"."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0011_audit_fhir_actions"),
    ]

    operations = [
        # Every row that exists now was given under intake schema 2.
        migrations.AddField(
            model_name="assessment",
            name="intake_schema",
            field=models.CharField(default="2", max_length=8, verbose_name="intake schema"),
        ),
        migrations.AlterField(
            model_name="assessment",
            name="intake_schema",
            field=models.CharField(default="3", max_length=8, verbose_name="intake schema"),
        ),
    ]
