"""The content app leaves `check` and `makemigrations --check` clean."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_no_missing_migrations():
    """Model changes must ship with their migration."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_content_never_imports_assessments():
    """The arrows point one way (docs/clinical-signoff.md): approvals audit through a signal."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "content"
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {name}" for name in names
                          if name.split(".")[0] == "assessments"]
    assert offenders == []
