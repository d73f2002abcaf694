"""The import rule: only ui/ imports Qt; store/ and ledger/ import neither Qt nor ReportLab."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).parents[1] / "src" / "laomo_desktop"
QT = ("PySide6", "shiboken6")
HEAVY = ("reportlab",)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_only_ui_imports_qt():
    offenders = []
    for p in PKG.rglob("*.py"):
        rel = p.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        bad = _imports(p) & set(QT)
        if bad:
            offenders.append(f"{rel}: {bad}")
    assert not offenders


def test_store_and_ledger_import_neither_qt_nor_reportlab():
    offenders = []
    for layer in ("store", "ledger"):
        for p in (PKG / layer).rglob("*.py"):
            bad = _imports(p) & set(QT + HEAVY)
            if bad:
                offenders.append(f"{p.relative_to(PKG)}: {bad}")
    assert not offenders


def test_loading_the_core_loads_no_qt_or_reportlab_at_run_time():
    code = (
        "import sys\n"
        "import laomo_desktop.cli, laomo_desktop.ledger.records, laomo_desktop.ledger.stats\n"
        "import laomo_desktop.ledger.demo, laomo_desktop.ledger.check, laomo_desktop.store.backup\n"
        "import laomo_desktop.exchange.export, laomo_desktop.exchange.importer\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'reportlab')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
