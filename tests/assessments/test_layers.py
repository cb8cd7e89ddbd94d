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


# Decision quality (issue 26) has a staff half (recording the decision, its insights) that
# builds on the staff area's forms, views and insights; its patient half imports none of it.
STAFF_FACING = {"staff", "decisions"}
PATIENT_HALF_OF_DECISIONS = ("decisions/calendar.py", "decisions/regret.py",
                             "decisions/schedule.py", "decisions/services.py")


def test_only_the_staff_area_imports_the_staff_area():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in ROOT.rglob("*.py")
        if not STAFF_FACING & set(path.relative_to(ROOT).parts)
        or str(path.relative_to(ROOT)) in PATIENT_HALF_OF_DECISIONS
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
