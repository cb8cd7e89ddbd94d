"""Imports point down: the audit log's writer sits at the bottom of the app (issue 22).

Governance, the FHIR export, the patient's services and the management commands audit
through ``assessments.audit``; none of them reaches up into the staff area for it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "assessments"


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def test_only_the_staff_area_imports_the_staff_area():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in ROOT.rglob("*.py")
        if "staff" not in path.relative_to(ROOT).parts
        for name in imported_modules(path)
        if name.startswith("assessments.staff")
    ]
    assert offenders == []


def test_the_audit_writer_imports_only_the_bottom():
    allowed = {"assessments.models", "hairtx.addresses"}
    assert set(imported_modules(ROOT / "audit.py")) <= allowed


def test_audit_lines_are_written_in_one_place():
    writers = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
               if "migrations" not in path.parts
               and "AuditEvent.objects.create(" in path.read_text(encoding="utf-8")]
    assert writers == ["audit.py"]
