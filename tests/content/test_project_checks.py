"""The content app leaves `check` and `makemigrations --check` clean."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_no_missing_migrations():
    """Model changes must ship with their migration."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
