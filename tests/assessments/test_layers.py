"""Imports point down: the audit log's writer sits at the bottom of the app (issue 22),
and each room keeps its views to itself (issue 27 point 3).

Governance, the FHIR export, the patient's services and the management commands audit
through ``assessments.audit``; none of them reaches up into the staff area for it. The
HTTP pieces every room's views share (access, the same-site check, the audit line of a
request, the PDF responses) live in ``assessments.http``: no view module imports another
room's views, and no module reaches for another module's private ``_name``."""

import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ROOT = PROJECT / "assessments"
PACKAGES = ("assessments", "content", "hairtx", "worker")


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
    allowed = {"assessments.models"}
    assert set(imported_modules(ROOT / "audit.py")) <= allowed


def test_audit_lines_are_written_in_one_place():
    writers = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
               if "migrations" not in path.parts
               and "AuditEvent.objects.create(" in path.read_text(encoding="utf-8")]
    assert writers == ["audit.py"]


# --------------------------------------------------------------------------- rooms


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages by dotted name (migrations aside)."""
    modules = {}
    for package in PACKAGES:
        for path in (PROJECT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(PROJECT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


MODULES = project_modules()


def room(module: str) -> str:
    """The package a module sits in: assessments, assessments.staff, content.approvals..."""
    return module.rpartition(".")[0]


def is_views(module: str) -> bool:
    last = module.rpartition(".")[2]
    return last == "views" or last.endswith("_views")


def imports_of(module: str) -> list[tuple[str, str, ast.AST]]:
    """(module imported from, name imported or "", node) for every import of ``module``,
    relative imports resolved; ``from a import b`` where ``a.b`` is a module counts as
    importing ``a.b``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else room(module)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "", node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.append((f"{base}.{alias.name}", "", node))
                else:
                    found.append((base, alias.name, node))
    return found


def test_the_rooms_are_found():
    # Guards the scans below against finding nothing to check.
    assert {"assessments.views", "assessments.staff.views", "assessments.decisions.views",
            "assessments.governance.views", "assessments.staff.insights_views",
            "assessments.http"} <= MODULES.keys()


def test_every_rooms_views_take_the_shared_pieces_from_one_module():
    for views in ("assessments.views", "assessments.staff.views",
                  "assessments.staff.insights_views", "assessments.decisions.views",
                  "assessments.governance.views"):
        assert "assessments.http" in {source for source, _, _ in imports_of(views)}, views


def test_no_view_module_imports_another_rooms_views():
    offenders = [
        f"{module} imports {source}"
        for module in MODULES if is_views(module)
        for source, _, _ in imports_of(module)
        if is_views(source) and room(source) != room(module)
    ]
    assert offenders == []


def private_uses(module: str) -> list[str]:
    """Private names of other project modules that ``module`` imports or reads."""
    uses = []
    bound_modules = set()
    for source, name, node in imports_of(module):
        if name.startswith("_") and not name.startswith("__") and source in MODULES:
            uses.append(f"{module}: from {source} import {name}")
        if not name and source in MODULES and isinstance(node, ast.ImportFrom):
            bound_modules.add(source.rpartition(".")[2])
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in bound_modules and node.attr.startswith("_")
                and not node.attr.startswith("__")):
            uses.append(f"{module}: {node.value.id}.{node.attr}")
    return uses


def test_no_module_uses_a_private_name_of_another():
    assert [use for module in MODULES for use in private_uses(module)] == []


def test_the_private_name_scan_sees_one(tmp_path, monkeypatch):
    # The scan must catch both forms; a module of its own shows that it would.
    probe = tmp_path / "probe.py"
    probe.write_text("from assessments.staff.charts import _style\n"
                     "from assessments import pdf\n"
                     "pdf._static_path('x')\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "assessments.probe", probe)
    assert private_uses("assessments.probe") == [
        "assessments.probe: from assessments.staff.charts import _style",
        "assessments.probe: pdf._static_path",
    ]


def test_access_checks_are_written_once():
    """Sign-in, permission and no-cache go together through ``http.permission_view``."""
    writers = sorted(
        module for module, path in MODULES.items()
        if "permission_required" in path.read_text(encoding="utf-8")
        or "login_required" in path.read_text(encoding="utf-8")
    )
    assert writers == ["assessments.http"]
