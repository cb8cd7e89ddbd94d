"""Create the sessions' cache table (settings.CACHES["sessions"]) as part of `migrate`.

Sessions are read through a shared database cache of their own since issue 24 (the
step POST's speed). Like 0003, this runs `createcachetable`, which makes every cache
table the settings name and leaves existing ones alone.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("content", "0007_approval_outcome_values")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
