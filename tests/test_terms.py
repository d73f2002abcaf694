"""One spelling and one term: the ledger is 台账 (never the variant 台帐) wherever a user reads
it, and the project kind has one name (创新课题) in the navigation, its form, its documents and
the choices that name it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import pdftotext

ROOT = Path(__file__).resolve().parents[1]
VARIANT = "台" + "帐"  # spelled apart so that this file passes its own scan
TERM = "创新课题"


def _scanned() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "resources" / "translations").glob("*.ts"))]
    for folder, patterns in ((ROOT / "src", ("*.py", "*.sql")),
                             (ROOT / "resources" / "templates", ("*.json", "*.md")),
                             (ROOT / "docs", ("*.md",))):
        for pattern in patterns:
            files += sorted(folder.rglob(pattern))
    return files


def test_the_ledger_is_spelled_one_way_everywhere():
    files = _scanned()
    assert any(p.suffix == ".ts" for p in files) and any(p.name == "stats.py" for p in files)
    found = [f"{p.relative_to(ROOT)}:{n}" for p in files
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if VARIANT in line]
    assert found == []


def _translations() -> list[tuple[str, str, str]]:
    tree = ET.parse(ROOT / "resources" / "translations" / "laomo_zh_CN.ts")
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
            for ctx in tree.getroot().iter("context") for m in ctx.iter("message")]


def test_no_translation_calls_a_project_by_another_name():
    from laomo_desktop.ledger import kinds
    from laomo_desktop.store import schema as S

    projects = [(c, s, t) for c, s, t in _translations() if "project" in s.lower()]
    assert projects, "the forms' and pages' project wording is in the translation"
    assert [(c, s, t) for c, s, t in projects if "项目" in t] == []
    section = kinds.section_title(S.PROJECT)  # the navigation's entry, declared with the kind
    assert (section.zh, section.en) == (TERM, "Projects")
    assert S.PROJECT.label == TERM


def test_choices_that_name_projects_use_the_same_word():
    from laomo_desktop.store import enums as E

    assert "课题" in E.RuleCategory.PROJECT.zh and "项目" not in E.RuleCategory.PROJECT.zh
    assert "课题" in E.FundCategory.PROJECT.zh and "项目" not in E.FundCategory.PROJECT.zh
    template = (ROOT / "resources" / "templates" / "eight_must_haves.json").read_text("utf-8")
    assert "课题管理" in template and "项目管理" not in template


@pytest.fixture
def sample(ledger, tmp_path):
    from sample_ledger import build

    return build(ledger, tmp_path)


def test_navigation_form_and_summary_name_the_project_kind_alike(sample, ledger, tmp_path,
                                                                 qapp, qtbot):
    from PySide6.QtCore import QSettings

    from laomo_desktop.reports.annual import write_annual
    from laomo_desktop.ui import i18n
    from laomo_desktop.ui.context import AppContext
    from laomo_desktop.ui.dialogs.record import RecordDialog
    from laomo_desktop.ui.pages.sections import SECTIONS
    from laomo_desktop.ui.window.mainwindow import MainWindow

    i18n.install(qapp, "zh_CN")
    ctx = AppContext(ledger, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    ctx.settings.setValue("backup/on_close", False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    row = [s.key for s in SECTIONS].index("project")
    nav = win.nav.item(row).text()

    dlg = RecordDialog(ledger, "project", sample["A"], None, lambda v: v)
    qtbot.addWidget(dlg)
    title = dlg.windowTitle()

    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    # a heading as printed carries its number (一、 （一） 1. （1）), assigned by the outline
    number = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)\s*")
    headings = [number.sub("", line.strip()) for line in pdftotext(pdf).splitlines()]

    assert nav == TERM
    assert title == f"新建{TERM}"
    assert TERM in headings
