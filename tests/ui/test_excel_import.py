"""文件 ▸ 从 Excel 导入… (issue 14 §3): the workbook picked, the sheet and kind suggested, the
columns matched and changed by the user, the preview with its errors and differences, the
import as one undo step, a second import adding nothing, a bad file refused."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from laomo_desktop.ledger import excelimport as I
from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, AuditEntry
from laomo_desktop.ui.dialogs import excelimport as dialogs
from laomo_desktop.ui.dialogs.paste import BAD
from sample_ledger import build

OLD = Path(__file__).parents[1] / "fixtures" / "old_ledger.xlsx"


@pytest.fixture
def window(ctx, open_window, tmp_path, qtbot):
    u = build(ctx.paths, tmp_path)
    win = open_window(u["A"], 0)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win, u


@pytest.fixture
def boxes(monkeypatch):
    seen: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *a: seen.append(a))
    return seen


def pick_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def open_dialog(win, qtbot, monkeypatch, path: Path = OLD) -> dialogs.ExcelImportDialog:
    pick_file(monkeypatch, path)
    win.excel_action.trigger()
    qtbot.waitUntil(lambda: (d := win.findChild(QDialog, "excel_import_dialog")) is not None
                    and d.isVisible(), timeout=10000)
    return win.findChild(QDialog, "excel_import_dialog")


def click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(dlg, qtbot) -> None:
    click(dlg.next_button)
    qtbot.waitUntil(lambda: dlg.stack.currentIndex() == 1, timeout=20000)


def snapshot() -> tuple[int, ...]:
    return (AuditEntry.select().count(), *(MODELS[k.name].select().count() for k in S.KINDS))


def members(u) -> list[str]:
    return [m["name"] for m in R.list_records("member", u["A"])]


def test_menu_import_maps_previews_and_imports_as_one_undo_step(window, qtbot, monkeypatch):
    win, u = window
    dlg = open_dialog(win, qtbot, monkeypatch)
    dlg.sheet_box.setCurrentIndex([i.name for i in dlg.infos].index("成员名单"))
    assert dlg.kind == "member"  # suggested by the sheet's name
    assert dlg.header_note.text() == "表头在工作表的第 3 行。"
    assert dlg.mapping()["A"] == "-" and dlg.mapping()["B"] == "name"
    assert dlg.mapping()["H"] == "-"  # 是否党员: no header the ledger knows
    dlg.set_column("H", "party_member")
    to_preview(dlg, qtbot)
    ip = dlg.preview
    assert [c.field.name if c.field else None for c in ip.preview.columns][7] == "party_member"
    assert dlg.summary.text().startswith("可导入 19 行")
    liming = ip.lines.index(4)
    assert ip.status[liming] == I.DIFFERENT
    post = [c.field.name if c.field else None for c in ip.preview.columns].index("post")
    cell = dlg.model.index(liming, post)
    assert dlg.model.data(cell, Qt.ItemDataRole.BackgroundRole) == dialogs.DIFF
    assert "台账中为“（空）”" in dlg.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert dlg.model.headerData(liming, Qt.Orientation.Vertical) == "4"  # the sheet's row
    assert dlg.import_button.text() == "导入 19 行"
    before, audits, steps = members(u), AuditEntry.select().count(), win.ctx.undo_stack.count()
    click(dlg.import_button)
    qtbot.waitUntil(lambda: win.ctx.undo_stack.count() == steps + 1, timeout=10000)
    after = members(u)
    assert len(after) == len(before) + 19 and after.count("李明") == 1
    assert "周建" in after and "王芳" in after  # 王 芳 was already a member
    assert AuditEntry.select().count() == audits + 19
    win.ctx.undo_stack.undo()
    assert members(u) == before
    win.ctx.undo_stack.redo()
    assert len(members(u)) == len(before) + 19


def test_a_second_import_of_the_same_sheet_adds_nothing(window, qtbot, monkeypatch):
    win, u = window
    dlg = open_dialog(win, qtbot, monkeypatch)
    dlg.sheet_box.setCurrentIndex([i.name for i in dlg.infos].index("荣誉"))
    to_preview(dlg, qtbot)
    steps = win.ctx.undo_stack.count()
    click(dlg.import_button)
    qtbot.waitUntil(lambda: win.ctx.undo_stack.count() == steps + 1, timeout=10000)
    dlg = open_dialog(win, qtbot, monkeypatch)
    dlg.sheet_box.setCurrentIndex([i.name for i in dlg.infos].index("荣誉"))
    to_preview(dlg, qtbot)
    assert dlg.preview.count(I.KNOWN) == 10 and not dlg.import_button.isEnabled()
    assert dlg.summary.text().startswith("可导入 0 行；台账中已有 10 行")


def test_a_refused_cell_is_red_and_its_row_is_not_imported(window, qtbot, monkeypatch):
    win, u = window
    dlg = open_dialog(win, qtbot, monkeypatch)
    dlg.sheet_box.setCurrentIndex([i.name for i in dlg.infos].index("活动及培训记录"))
    dlg.set_column("C", "topic")  # 活动类型 read as the topic: the topic column goes unread
    assert dlg.mapping()["D"] == "-"
    to_preview(dlg, qtbot)
    cols = [c.field.name if c.field else None for c in dlg.preview.preview.columns]
    assert cols[2] == "topic" and cols[3] is None
    type_missing = dlg.preview.count(I.ERROR)
    assert type_missing == 144 and not dlg.import_button.isEnabled()
    last = dlg.model.columnCount() - 1
    assert dlg.model.data(dlg.model.index(0, last), Qt.ItemDataRole.BackgroundRole) == BAD
    click(dlg.findChild(type(dlg.next_button), "excel_back"))
    assert dlg.stack.currentIndex() == 0


def test_cancel_while_a_long_sheet_is_read_leaves_the_dialog_at_its_columns(
        window, qtbot, monkeypatch, tmp_path):
    win, u = window
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "经费"
    ws.append(["日期", "收支", "支出类别", "金额", "摘要"])
    for i in range(20_000):
        ws.append([f"2023.{1 + i % 12}.{1 + i % 28}", "支出", "材料", 100 + i, f"第{i}笔"])
    wb.save(tmp_path / "long.xlsx")
    before = snapshot()
    dlg = open_dialog(win, qtbot, monkeypatch, tmp_path / "long.xlsx")
    assert dlg.kind == "fund"
    click(dlg.next_button)
    dlg.reading.cancel()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: not dlg.reading.running, timeout=20000)
    assert dlg.stack.currentIndex() == 0 and dlg.preview is None
    assert snapshot() == before


def test_a_file_that_is_not_a_workbook_is_refused_with_its_name(window, qtbot, monkeypatch,
                                                                 boxes, tmp_path):
    win, u = window
    bad = tmp_path / "旧台账.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                    + "Workbook".encode("utf-16-le"))
    pick_file(monkeypatch, bad)
    win.excel_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    kind, _title, text = boxes[0]
    assert kind == "warning" and "“旧台账.xls”是旧版 Excel 97-2003 格式" in text
    assert win.findChild(QDialog, "excel_import_dialog") is None
