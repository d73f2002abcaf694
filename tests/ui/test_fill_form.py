"""Filling a union's own form from the reports page: pick a form (the data folder's forms/, an
example, or a file), fill it for this studio or every studio, save it under the union's
pattern; the help lists the placeholders with this studio's values."""

from __future__ import annotations

import threading

import openpyxl
import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog, QMessageBox

from laomo_desktop.ledger import formfields
from laomo_desktop.ui.dialogs import fillform
from laomo_desktop.ui.dialogs.fillform import FillFormDialog
from laomo_desktop.ui.dialogs.formfields import FieldsHelp
from laomo_desktop.ui.pages.reports import ReportsPage
from sample_ledger import build


@pytest.fixture
def dialog(ctx, qtbot, tmp_path, monkeypatch):
    u = build(ctx.paths, tmp_path)
    ctx.studio_uid, ctx.year = u["A"], 2025
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, t, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, t, text, *a: told.append(text))
    d = FillFormDialog(ctx, 2025)
    qtbot.addWidget(d)
    d.show()
    d.told = told
    return d


def choose(d: FillFormDialog, stem: str) -> None:
    row = next(i for i in range(d.form_list.count())
               if stem in d.form_list.item(i).text())
    d.form_list.setCurrentRow(row)


def test_fill_the_example_form_for_this_studio_and_save_it(dialog, qtbot, tmp_path,
                                                           monkeypatch):
    d = dialog
    names = [d.form_list.item(i).text() for i in range(d.form_list.count())]
    assert any("劳模创新工作室推荐表.docx" in n for n in names)
    choose(d, "推荐表")
    assert d.name_preview.text().endswith("李明劳模创新工作室2025考核材料.docx")
    offered = []

    def save(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(tmp_path / "交给工会"), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    d.fill_button.click()
    qtbot.waitUntil(lambda: d._job is None, timeout=30_000)
    assert offered[0].endswith("李明劳模创新工作室2025考核材料.docx")
    out = tmp_path / "交给工会.docx"  # the form's suffix added
    cells = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
    assert "李明劳模创新工作室" in cells and "带电作业方法" in cells
    assert d.told and "交给工会.docx" in d.told[-1]


def test_a_bad_pattern_is_said_and_nothing_can_be_filled(dialog):
    choose(dialog, "推荐表")
    dialog.pattern.setText("{工作室}{年度}")
    assert "{工作室}" in dialog.name_preview.text()
    assert not dialog.fill_button.isEnabled()
    dialog.pattern.setText("{年度}-{工作室名称}")
    assert dialog.fill_button.isEnabled()
    assert dialog.name_preview.text().endswith("2025-李明劳模创新工作室.docx")


def test_a_form_dropped_in_the_forms_folder_is_listed_and_a_bad_one_explained(
        dialog, qtbot, tmp_path, monkeypatch):
    d = dialog
    d.ctx.paths.forms.mkdir()
    doc = Document()
    doc.add_paragraph("{{ 工作室.名字 }}")
    doc.save(str(d.ctx.paths.forms / "区总工会申报表.docx"))
    d.reload_forms()
    assert "区总工会申报表.docx" in d.form_list.item(0).text()
    d.form_list.setCurrentRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "申报.docx"), ""))
    d.fill_button.click()
    qtbot.waitUntil(lambda: d._job is None, timeout=30_000)
    assert "区总工会申报表.docx" in d.told[-1] and "工作室.名字" in d.told[-1]
    assert not (tmp_path / "申报.docx").exists()


def test_every_studio_with_progress_and_cancel_leaving_nothing(dialog, qtbot, tmp_path,
                                                               monkeypatch):
    d = dialog
    choose(d, "年度统计表")
    d.all_studios.setChecked(True)
    folder = tmp_path / "全部"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    go = threading.Event()
    real = formfields.context

    def held(uid, year, **kw):
        go.wait(30)
        return real(uid, year, **kw)
    monkeypatch.setattr(formfields, "context", held)
    d.fill_button.click()
    assert d._job is not None and not d.fill_button.isEnabled()
    d._job.cancel()
    go.set()
    qtbot.waitUntil(lambda: d._job is None, timeout=30_000)
    assert list(folder.iterdir()) == []
    d.fill_button.click()
    qtbot.waitUntil(lambda: d._job is None, timeout=30_000)
    assert sorted(p.name for p in folder.iterdir()) == [
        "周红职工创新工作室2025考核材料.xlsx", "李明劳模创新工作室2025考核材料.xlsx"]
    assert "2" in d.told[-1]
    wb = openpyxl.load_workbook(folder / "李明劳模创新工作室2025考核材料.xlsx")
    assert wb["年度统计表"]["D7"].value == 40


def test_the_help_lists_the_placeholders_with_this_studios_values(dialog, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(FieldsHelp, "exec", lambda self: shown.append(self) or 0)
    dialog.show_fields()
    help_ = shown[0]
    qtbot.addWidget(help_)
    rows = {help_.table.item(r, 1).text(): r for r in range(help_.table.rowCount())}
    r = rows["{{ 统计.培训人次 }}"]
    assert help_.table.item(r, 2).text() == "本年度培训（人次）"
    assert help_.table.item(r, 3).text() == "40"
    assert help_.table.item(rows["{{ 工作室.名称 }}"], 3).text() == "李明劳模创新工作室"
    help_.search.setText("培训人次")
    visible = [row for row in range(help_.table.rowCount()) if not help_.table.isRowHidden(row)]
    assert r in visible and len(visible) < 5
    help_.copy(r)
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == "{{ 统计.培训人次 }}"


def test_the_reports_page_opens_the_dialog_for_its_year(ctx, qtbot, tmp_path, monkeypatch):
    u = build(ctx.paths, tmp_path)
    ctx.studio_uid, ctx.year = u["A"], 2025
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2024)
    opened = []
    monkeypatch.setattr(fillform.FillFormDialog, "exec", lambda self: opened.append(self) or 0)
    page.findChild(type(page.generate_button), "fill_union_form").click()
    assert opened and opened[0].year.value() == 2024
