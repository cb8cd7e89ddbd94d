from django.db import migrations, models


class Migration(migrations.Migration):
    """Every assessment has its day now (0006); new ones get it in Assessment.save()."""

    dependencies = [("assessments", "0006_insights_backfill")]

    operations = [
        migrations.AlterField(
            model_name="assessment",
            name="created_on",
            field=models.DateField(editable=False, verbose_name="submitted on (local day)"),
        ),
    ]
