"""Markup typed into any field shows as the characters typed, wherever the window shows it.

Reported: a title `…<b>粗体</b>&amp;` showed bold in 概况 ▸ 最近记录, because a QLabel left at
Qt's default (AutoText) draws anything that looks like HTML as rich text. Here every text field
of every kind (the studio's name and child lists included) holds text with markup after a
plain prefix — the case Qt still detects as rich text — and the test walks what a user opens:
the overview, every section with each row selected, the union page, the reports page with the
self-assessment, each record's form, the check report, the change-of-leader and export dialogs
and search. Every label, tooltip and cell that shows the planted text must show it literally."""

from __future__ import annotations

import pytest
from PySide6.QtGui import Qt  # Qt.mightBeRichText is in QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QWidget,
)
from seen import cells, fill, rendered

from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.check import Problem
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import schema as S
from laomo_desktop.ui.dialogs.check import CheckReportDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.window.search import SearchDialog

PLANT = "标题<b>粗体</b>&amp;<i>x</i>"  # the prefix keeps Qt's rich-text guess on
SHORT = "甲<b>粗</b>&amp;"  # for fields of at most 15 characters
BOLD = "<b>粗"  # in every planted value: drawn as rich text, "粗" loses its "<b>"
FORMATTED = {"code", "phone", "contact_phone"}  # letters, digits and dashes only
EXTRA = {"result": {"type": "patent", "patent_kind": "invention"},
         "fund": {"source": "union"}}
def planted(f: S.Field) -> str:
    value = PLANT if f.text_limit >= len(PLANT) else SHORT
    return value + "\n第二行<b>粗</b>" if f.type == S.LONGTEXT else value


def plant(paths, tmp_path) -> dict[str, str]:
    """One record of each kind with markup in every text field and child-list text field."""
    made: dict[str, str] = {}
    studio = None
    for kind in S.KINDS:
        if kind.name == "attachment":
            continue
        values = fill(kind.fields, made, planted) | EXTRA.get(kind.name, {})
        for child in kind.children:
            values[child.name] = [fill(child.fields, made, planted)]
        try:
            made[kind.name] = R.create(kind.name, studio, values)["uid"]
        except ValidationError as exc:  # a field with a format of its own (a code, a phone)
            assert set(exc.errors) <= FORMATTED, exc.errors
            values = {k: v for k, v in values.items() if k not in exc.errors}
            made[kind.name] = R.create(kind.name, studio, values)["uid"]
        studio = studio or made["studio"]
    file = tmp_path / "<b>粗体<i>&amp;.txt"
    file.write_text("附件")
    made["attachment"] = attachments.attach(paths, "activity", made["activity"], file,
                                            title=PLANT)["uid"]
    return made


def what_is_drawn(root: QWidget) -> list[tuple[str, str]]:
    """(where, drawn text) of every visible label, tooltip and view cell under `root`."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((name, rendered(w.text(), w.textFormat())))
        if w.toolTip():
            out.append((name + " tooltip", rendered(w.toolTip())))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for text, tooltip in cells(w):  # item views draw their cells as plain text
                out.append((name + " cell", text))
                out.append((name + " cell tooltip", rendered(tooltip)))
    return out


def literal_count(root: QWidget) -> int:
    """How many planted values `root` shows; fails at the first one drawn as markup."""
    seen = 0
    for where, text in what_is_drawn(root):
        assert text.count("粗") == text.count(BOLD), f"{where} draws markup: {text!r}"
        seen += text.count(BOLD)
    return seen


@pytest.fixture
def window(ctx, tmp_path, open_window):
    made = plant(ctx.paths, tmp_path)
    return open_window(made["studio"], year=0), made


def _walk_section(win, key: str) -> int:
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    seen = literal_count(page)
    table = getattr(page, "table", None)
    if table is not None and table.model() is not None:
        for row in range(table.model().rowCount()):
            table.selectRow(row)
            seen += literal_count(page)
    return seen


def test_every_page_shows_planted_markup_literally(window, qtbot):
    win, made = window
    seen = {s.key: _walk_section(win, s.key) for s in SECTIONS if s.key != "reports"}
    for kind in S.KINDS:
        if kind.name not in ("studio", "plan"):
            assert seen[kind.name] >= 1, kind.name
    assert seen["dashboard"] >= 2  # the studio's name and the latest entries
    latest = [lab for lab in win.pages["dashboard"].findChildren(QLabel)
              if lab.objectName().startswith("latest_") and PLANT in lab.text()]
    assert latest and all(lab.textFormat() == Qt.TextFormat.PlainText for lab in latest)
    assert literal_count(win) >= 1


def test_the_reports_page_and_its_self_assessment_show_it_literally(window, qtbot):
    win, made = window
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("reports"))
    page = win.pages["reports"]
    page.year.setValue(2025)
    page.open_document("assessment")
    qtbot.waitUntil(lambda: page.current is not None, timeout=20000)
    title = page.findChild(QLabel, "assessment_title")
    assert PLANT in title.text()
    assert literal_count(page) >= 2


def test_every_record_form_shows_planted_markup_literally(window, qtbot):
    win, made = window
    for kind in S.KINDS:
        record = R.get(kind.name, made[kind.name])
        if kind.name == "studio":
            dlg = RecordDialog(win.ctx.paths, "studio", made["studio"], record, lambda v: v,
                               parent=win)
        else:
            win.nav.setCurrentRow([s.key for s in SECTIONS].index(kind.name))
            dlg = win.pages[kind.name].dialog(record, lambda v: v)
        qtbot.addWidget(dlg)
        dlg.show()
        literal_count(dlg)
        for f in kind.fields:
            if f.type in (S.TEXT, S.LONGTEXT) and f.name in dlg.editors.keys() - FORMATTED:
                assert dlg.editors[f.name].get() == planted(f), (kind.name, f.name)
        dlg.close()


def test_dialogs_that_name_records_show_them_literally(window, qtbot):
    win, made = window
    search = SearchDialog(win.ctx, win)
    qtbot.addWidget(search)
    search.show()
    search.query.setText("粗体")
    assert literal_count(search) >= 10

    check = CheckReportDialog([Problem("warning", f"成员“{PLANT}”没有填写出生日期")],
                              win.ctx.paths, win)
    qtbot.addWidget(check)
    check.show()
    literal_count(check)
    assert BOLD in check.report.toPlainText()

    from laomo_desktop.ui.dialogs.exchange import ExportDialog
    export = ExportDialog(win.ctx, win, targets=[])
    qtbot.addWidget(export)
    export.show()
    assert literal_count(export) >= 1

    from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
    leader = ChangeLeaderDialog(made["studio"], made["member"], lambda m, s: [], parent=win)
    qtbot.addWidget(leader)
    leader.show()
    literal_count(leader)


def test_the_recovery_dialog_names_the_studios_of_a_backup_literally(window, qtbot):
    """A damaged ledger offers its backups, each with the studios it holds (in a tooltip too)."""
    from laomo_desktop.store import backup
    from laomo_desktop.store.health import LedgerProblem
    from laomo_desktop.ui.dialogs.recovery import RecoveryDialog

    win, _made = window
    backup.take_backup(win.ctx.paths, "manual")
    dlg = RecoveryDialog(win.ctx.paths, LedgerProblem("damaged", "已损坏"), win)
    qtbot.addWidget(dlg)
    dlg.show()
    assert literal_count(dlg) >= 2
