"""Create the shared database cache table as part of `migrate`.

The site's cache (settings.CACHES) lives in the database so that every application
server shares it. Django makes that table with `createcachetable`, a separate command;
running it here means `migrate` alone leaves a working site. It is idempotent.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("content", "0002_content_editors_group")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
