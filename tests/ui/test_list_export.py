"""Export what a section shows (with its filter, in the shown order and columns) to XLSX and CSV,
and print it as a list (issue 11 §3): read back with openpyxl, csv and pdftotext."""

from __future__ import annotations

import csv
import errno
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from helpers import pdftotext
from laomo_desktop.reports import listing as report
from laomo_desktop.ui.dialogs.listexport import ListPreview
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build


@pytest.fixture
def page(ctx, open_window, tmp_path, warnings):
    u = build(ctx.paths, tmp_path)
    win = open_window(u["A"], 2025)
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("fund"))
    p = win.pages["fund"]
    p.export.preview_dir = tmp_path / "previews"
    p.export.preview_dir.mkdir()
    return p


def save_to(monkeypatch, target: Path) -> list[tuple]:
    asked: list[tuple] = []

    def dialog(*args):
        asked.append(args)
        return str(target), args[4] if len(args) > 4 else ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def export(page, qtbot, action) -> None:
    action.trigger()
    qtbot.waitUntil(lambda: page.export.job is None and page.export.button.isEnabled())


def filter_by(page, text: str) -> None:
    page.search.setFocus()
    QTest.keyClicks(page.search, text)


def test_the_shown_list_exports_to_a_workbook(page, qtbot, tmp_path, monkeypatch, warnings):
    target = tmp_path / "out" / "经费.xlsx"
    target.parent.mkdir()
    asked = save_to(monkeypatch, target)
    page.table.sortByColumn(page.section.columns.index("amount_fen"),
                            Qt.SortOrder.AscendingOrder)
    export(page, qtbot, page.export.xlsx_action)
    assert not warnings.shown
    assert "李明劳模创新工作室-经费-2025年度.xlsx" in asked[0][2]
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value == "李明劳模创新工作室 · 经费 · 2025 年度"
    assert "共 4 条" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header == ["日期", "收支", "经费来源", "支出类别", "金额（元）", "摘要", "列支补助资金",
                      "补助资金提示", "凭证号"]
    assert all(c.font.bold for c in ws[3])
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=7)]
    assert [r[4] for r in rows] == [345.67, 12000, 20000, 30000]  # the shown (sorted) order
    assert rows[0][0] == datetime(2025, 6, 1) and ws.cell(4, 1).is_date
    assert ws.cell(4, 5).number_format == "#,##0.00"
    totals = [[c.value for c in r] for r in ws.iter_rows(min_row=8, max_row=10)]
    assert [(r[1], r[4]) for r in totals] == [("收入合计", 50000), ("支出合计", 12345.67),
                                              ("结余", 37654.33)]
    assert ws.column_dimensions["A"].width >= 12
    assert page.export.written == target


def test_the_filter_typed_is_what_is_exported_to_csv(page, qtbot, tmp_path, monkeypatch):
    filter_by(page, "345")
    assert page.model.rowCount() == 1
    target = tmp_path / "list.csv"
    save_to(monkeypatch, target)
    export(page, qtbot, page.export.csv_action)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel and WPS read the Chinese
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["李明劳模创新工作室 · 经费 · 2025 年度"]
    assert "筛选：“345”" in rows[1][0] and "显示 1 条（共 4 条）" in rows[1][0]
    assert rows[2][4] == "金额（元）"
    assert rows[3][:5] == ["2025-06-01", "支出", "", "培训", "345.67"]
    assert [(r[1], r[4]) for r in rows[4:]] == [("收入合计", "0.00"), ("支出合计", "345.67"),
                                                ("结余", "-345.67")]


def test_a_name_without_a_suffix_gets_the_chosen_type(page, qtbot, tmp_path, monkeypatch):
    save_to(monkeypatch, tmp_path / "经费列表")
    export(page, qtbot, page.export.csv_action)
    assert (tmp_path / "经费列表.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_file_open_in_excel_is_explained_and_left_as_it_was(page, qtbot, tmp_path,
                                                             monkeypatch, warnings):
    target = tmp_path / "经费.xlsx"
    target.write_bytes(b"the list exported last week")

    def locked(src, dst):  # what Windows answers while Excel holds the file open
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    monkeypatch.setattr(report.os, "replace", locked)
    save_to(monkeypatch, target)
    export(page, qtbot, page.export.xlsx_action)
    assert len(warnings.shown) == 1
    title, text = warnings.shown[0]
    assert title == "未导出"
    assert str(target) in text and "没有写入权限" in text and "Excel" in text
    assert target.read_bytes() == b"the list exported last week"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")) == []
    assert page.export.button.isEnabled()


def test_the_list_prints_through_a_preview(page, qtbot, monkeypatch):
    seen: list[tuple[str, int]] = []

    def exec_(dlg: ListPreview) -> int:
        seen.append((pdftotext(dlg.pdf), dlg.document.pageCount()))
        dlg.reject()
        return 0
    monkeypatch.setattr(ListPreview, "exec", exec_)
    filter_by(page, "000")  # the three amounts of whole thousands, not the ¥345.67
    export(page, qtbot, page.export.print_action)
    qtbot.waitUntil(lambda: bool(seen))
    text, pages = seen[0]
    assert pages == 1
    assert "李明劳模创新工作室 · 经费 · 2025 年度" in text
    assert "显示 3 条（共 4 条）" in text and "345.67" not in text
    assert "收入合计\n\n50,000.00" in text and "结余\n\n38,000.00" in text
    assert "第1页共1页" in text.replace(" ", "")
    assert list(page.export.preview_dir.iterdir()) == []  # the preview's file went with it
