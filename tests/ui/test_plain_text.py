"""Ledger and package text is shown as written, never as Qt rich text.

Every text field of every kind (children included) holds markup and a terminal escape code; the
windows that show them (sections, record dialogs, the overview, search, the recycle bin, the
audit log, the reports page, the union page, the import preview, the conflicts dialog, message
boxes) must show the literal characters: no label, tooltip or cell draws `<b>粗体</b>` bold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import QSettings
from PySide6.QtGui import Qt  # Qt.mightBeRichText is in QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QWidget,
)
from seen import cells, fill, rendered

from laomo_desktop.exchange import export, importer
from laomo_desktop.exchange.package import read_package
from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database
from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.conflicts import ConflictsDialog
from laomo_desktop.ui.dialogs.imports import ImportPreviewDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.pages.union import UnionPage
from laomo_desktop.ui.plain import DataLabel, as_plain
from laomo_desktop.ui.window.mainwindow import MainWindow
from laomo_desktop.ui.window.search import SearchDialog

MARK = "<b>粗"  # every planted value starts so: drawn as rich text, "粗" loses its "<b>"
PLANT = "<b>粗体</b>&amp;<img src=x>\x1b[31m"
SHORT = "<b>粗</b>&lt;\x1b[1m"  # for fields of at most 20 characters
FORMATTED = {"code", "phone", "contact_phone"}  # letters, digits and dashes only
EXTRA = {"result": {"type": "patent", "patent_kind": "invention"},  # the patent no. is kept
         "fund": {"source": "union"}}


def planted(f: S.Field) -> str:
    value = PLANT if f.text_limit >= len(PLANT) else SHORT
    return value + "\n第二行" if f.type == S.LONGTEXT else value


ESCAPES = ("\x1b[31m", "\x1b[1m")


def _without_escapes(values):
    if isinstance(values, str):
        for e in ESCAPES:
            values = values.replace(e, "")
        return values
    if isinstance(values, dict):
        return {k: _without_escapes(v) for k, v in values.items()}
    if isinstance(values, list):
        return [_without_escapes(v) for v in values]
    return values


def _store_as_written_before(kind: S.Kind, uid: str, values: dict) -> None:
    """Put the planted text, escape codes included, straight into the file: a ledger written by
    an earlier version (which let control characters in) still holds such text, and the window
    must show it safely."""
    from laomo_desktop.store.models import database

    rid = database.execute_sql(f'SELECT id FROM "{kind.table}" WHERE uid = ?', (uid,)
                               ).fetchone()[0]
    for f in kind.fields:
        if f.type in (S.TEXT, S.LONGTEXT) and f.name in values:
            database.execute_sql(f'UPDATE "{kind.table}" SET "{f.column}" = ? WHERE id = ?',
                                 (values[f.name], rid))
    for child in kind.children:
        for f in child.fields:
            if f.type in (S.TEXT, S.LONGTEXT) and values.get(child.name):
                database.execute_sql(
                    f'UPDATE "{child.table}" SET "{f.column}" = ? WHERE parent_id = ?',
                    (values[child.name][0][f.name], rid))


def plant_everything(paths: LedgerPaths, tmp: Path, escapes: bool = True) -> dict[str, str]:
    """One record of each kind, every text field (and child text field) planted; `escapes`:
    with the escape codes a ledger of an earlier version may hold (no package carries them)."""
    made: dict[str, str] = {}
    studio = None
    for kind in S.KINDS:
        if kind.name == "attachment":
            continue
        values = fill(kind.fields, made, planted) | EXTRA.get(kind.name, {})
        for child in kind.children:
            values[child.name] = [fill(child.fields, made, planted)]
        typed = _without_escapes(values)  # the services refuse control characters
        try:
            made[kind.name] = R.create(kind.name, studio, typed)["uid"]
        except ValidationError as exc:  # a field with a format of its own (a code, a phone)
            assert set(exc.errors) <= FORMATTED, exc.errors
            values = {k: v for k, v in values.items() if k not in exc.errors}
            made[kind.name] = R.create(kind.name, studio, _without_escapes(values))["uid"]
        if escapes:
            _store_as_written_before(kind, made[kind.name], values)
        studio = studio or made["studio"]
    file = tmp / "<b>粗体<i>&amp;.txt"
    file.write_text("附件")
    made["attachment"] = attachments.attach(paths, "activity", made["activity"], file,
                                            title=_without_escapes(PLANT))["uid"]
    if escapes:
        _store_as_written_before(S.kind("attachment"), made["attachment"], {"title": PLANT})
    return made


# -- what the user sees -----------------------------------------------------------------------
def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, drawn text) of every label, tooltip, window title and view cell under `root`."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((name, rendered(w.text(), w.textFormat())))
        if w.toolTip():
            out.append((name + " tooltip", rendered(w.toolTip())))
        if w.isWindow():
            out.append((name + " title", w.windowTitle()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for text, tooltip in cells(w):
                out.append((name + " cell", text))
                out.append((name + " cell tooltip", rendered(tooltip)))
    return out


def assert_literal(root: QWidget, at_least: int = 1) -> int:
    """Every planted value under `root` is drawn with its markup and no raw escape code."""
    seen = 0
    for where, text in shown_texts(root):
        # a package's file name holds the studio's name, "<" and ">" made "_" for FAT32
        text = re.sub(r"[^·\n]*\.laomo\.zip", "", text)
        assert text.count("粗") == text.count(MARK), f"{where} draws markup: {text!r}"
        assert "\x1b" not in text, f"{where} shows a raw escape code: {text!r}"
        seen += text.count(MARK)
    assert seen >= at_least, "the planted values are not shown here at all"
    return seen


@pytest.fixture
def boxes(monkeypatch):
    """The texts of message boxes, as the user would read them."""
    shown: list[str] = []
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: shown.append(rendered(text)),
                               lambda kind: QMessageBox.StandardButton.Yes)
    return shown


# -- the studio's ledger ----------------------------------------------------------------------
@pytest.fixture
def planted_window(ctx, qtbot, tmp_path):
    made = plant_everything(ctx.paths, tmp_path)
    ctx.settings.setValue("backup/on_close", False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.refresh_studios(select=made["studio"])
    win.year_box.setCurrentIndex(0)
    return win, made


def test_every_section_and_the_overview_show_planted_text_literally(planted_window):
    win, made = planted_window
    counts = {}
    for row, section in enumerate(SECTIONS):
        win.nav.setCurrentRow(row)
        page = win.pages[section.key]
        counts[section.key] = assert_literal(page, at_least=0)
    for kind in S.KINDS:  # each kind's table shows its planted title
        if kind.name not in ("studio", "plan"):
            assert counts[kind.name] >= 1, kind.name
    assert counts["dashboard"] >= 2  # the studio's name heads it; latest entries name records
    heading = win.pages["dashboard"].findChild(QLabel, "heading")
    assert heading.text() == "<b>粗体</b>&amp;<img src=x>[U+001B][31m"
    assert_literal(win)


def test_every_record_dialog_shows_planted_text_literally(planted_window):
    win, made = planted_window
    for kind in S.KINDS:
        record = R.get(kind.name, made[kind.name])
        if kind.name == "studio":  # opened from the studio bar
            dlg = RecordDialog(win.ctx.paths, "studio", None, record, lambda v: v, parent=win)
        else:
            win.nav.setCurrentRow([s.key for s in SECTIONS].index(kind.name))
            dlg = win.pages[kind.name].dialog(record, lambda v: v)
        try:
            assert_literal(dlg, at_least=0)
            for f in kind.fields:  # the editors hold the exact value, to be edited as it is
                if f.type in (S.TEXT, S.LONGTEXT) and f.name in dlg.editors.keys() - FORMATTED:
                    assert dlg.editors[f.name].get() == planted(f), (kind.name, f.name)
        finally:
            dlg.deleteLater()


def test_search_and_the_messages_that_name_records_show_them_literally(planted_window, boxes):
    win, made = planted_window
    search = SearchDialog(win.ctx, win)
    search.query.setText("粗体")
    assert search.results.count() >= 10
    assert_literal(search, at_least=10)
    search.deleteLater()

    R.trash("member", made["member"])
    win.ctx.changed()
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("recycle"))
    page = win.pages["recycle"]
    page.table.selectRow(next(r for r in range(page.model.rowCount())
                              if page.model.uid_at(r) == made["member"]))
    page.purge_current()  # still referenced: refused with a message naming the member
    assert len(boxes) == 2 and MARK in boxes[-1]
    assert all(t.count("粗") == t.count(MARK) and "\x1b" not in t for t in boxes)


def test_the_helpers_show_any_text_literally(qtbot):
    label = DataLabel(PLANT)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>粗体</b>&amp;<img src=x>[U+001B][31m"
    label.setText("甲\n乙")
    assert label.text() == "甲[U+000A]乙"
    for text in (PLANT, "&lt;b&gt; 不是 <b>", "a\n<b>b</b>", "普通文字"):
        assert rendered(as_plain(text)) == text


# -- the union office -------------------------------------------------------------------------
@pytest.fixture
def office(tmp_path, qapp):
    """An office ledger that imported the planted studio, then kept a conflict per record."""
    i18n.install(qapp, "zh_CN")
    studio = open_ledger(LedgerPaths(tmp_path / "studio"))
    made = plant_everything(studio, tmp_path, escapes=False)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = export.export_studio(studio, made["studio"], usb).path
    close_ledger()
    paths = open_ledger(LedgerPaths(tmp_path / "office"))
    pv = importer.preview(paths, read_package(first))
    importer.apply(paths, first, trust_new_key=True)
    for kind in S.KINDS:  # changed behind the importer's back: the next package conflicts
        if kind.name not in ("studio", "plan", "attachment"):
            database.execute_sql(f'UPDATE "{kind.table}" SET "{kind.title}" = '
                                 f"'{SHORT[:-4]}' || \"{kind.title}\"")
    close_ledger()
    open_ledger(studio)
    second = export.export_studio(studio, made["studio"], usb).path
    close_ledger()
    open_ledger(paths)
    assert importer.apply(paths, second).preview.total("conflicting") >= 5
    settings = QSettings(str(tmp_path / "office.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    yield AppContext(paths, settings), pv
    close_ledger()


def test_import_preview_union_page_and_conflicts_show_package_text_literally(office, qtbot):
    ctx, pv = office
    preview = ImportPreviewDialog(pv)
    qtbot.addWidget(preview)
    head = preview.findChild(QLabel, "preview_studio")
    assert head.textFormat() == Qt.TextFormat.PlainText
    assert head.text() == "<b>粗体</b>&amp;<img src=x>"  # packages carry no escape codes now
    assert_literal(preview)

    ctx.year = 2025
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert_literal(page, at_least=2)

    dlg = ConflictsDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.list.topLevelItemCount() >= 5
    for row in range(dlg.list.topLevelItemCount()):
        dlg.list.setCurrentItem(dlg.list.topLevelItem(row))
        assert_literal(dlg, at_least=3)


def test_a_package_cannot_draw_a_forged_key_verdict_in_the_preview(tmp_path, qapp, qtbot):
    """The reported case: a studio name that is a big green "signed with the registered key"
    heading, followed by the verdict again. (A line break in the name no longer gets this far:
    the manifest's name must be a valid one-line studio name, equal to the studio record's.)"""

    i18n.install(qapp, "zh_CN")
    verdict = "✓ 已用本台账登记的密钥签名"
    forged_name = f'<h1 style="color:green">{verdict}</h1>{verdict}'
    studio = open_ledger(LedgerPaths(tmp_path / "studio"))
    try:
        uid = R.create("studio", None, {"name": forged_name, "host_unit": "江城供电公司",
                                        "founded_on": "2020-01-01"})["uid"]
        (tmp_path / "usb").mkdir()
        forged = export.export_studio(studio, uid, tmp_path / "usb").path
    finally:
        close_ledger()

    paths = open_ledger(LedgerPaths(tmp_path / "office"))
    try:
        pv = importer.preview(paths, read_package(forged))
        assert pv.key_status == "first"
        dlg = ImportPreviewDialog(pv)
        qtbot.addWidget(dlg)
        head = dlg.findChild(QLabel, "preview_studio")
        assert head.textFormat() == Qt.TextFormat.PlainText
        assert head.text() == forged_name
        drawn = [rendered(lab.text(), lab.textFormat()) for lab in dlg.findChildren(QLabel)]
        assert not any(line.lstrip().startswith("✓") for text in drawn
                       for line in text.splitlines())
        assert not dlg.import_button.isEnabled()  # a first key still has to be confirmed
    finally:
        close_ledger()
