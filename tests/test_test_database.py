"""The test database between tests that commit: the flush that ends them (tests/conftest.py)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_every_table(guide):
    User.objects.create_user("someone")
    assert connection.introspection.django_table_names(only_existing=True)
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False,
                 inhibit_post_migrate=True)
    left = [model._meta.label for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
            and model._base_manager.exists()]
    assert left == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's flush only")
@pytest.mark.django_db  # so that the PostgreSQL pass (-m database) runs it
def test_the_flush_on_postgresql_deletes_rows_and_resets_numbering_as_django_does():
    tables = ["content_section", "auth_user"]
    assert connection.ops.sql_flush(no_style(), tables) == [
        "SET CONSTRAINTS ALL DEFERRED;", 'DELETE FROM "content_section";',
        'DELETE FROM "auth_user";']
    assert connection.ops.sql_flush(no_style(), tables, reset_sequences=True) == [
        'TRUNCATE "content_section", "auth_user" RESTART IDENTITY;']
