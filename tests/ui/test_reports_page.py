"""The reports page: every document is generated off the GUI thread into a temporary file,
previewed, saved and printed; a cancelled or failed run leaves nothing behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton

from laomo_desktop.ledger import assessment
from laomo_desktop.ledger import attachments as A
from laomo_desktop.reports import annual
from laomo_desktop.store import blobs
from laomo_desktop.ui.pages.reports import ReportsPage
from laomo_desktop.ui.widgets.reportparts import print_pdf
from laomo_desktop.ui.window.mainwindow import MainWindow
from sample_ledger import build

YEAR = 2025


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def page(ctx, qtbot, tmp_path, warnings):
    u = build(ctx.paths, tmp_path)
    ctx.studio_uid, ctx.year = u["A"], YEAR
    w = ReportsPage(ctx)
    w.preview_dir = tmp_path / "previews"
    w.preview_dir.mkdir()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.u = u
    return w


def generate(page: ReportsPage, qtbot, doc: str) -> None:
    page.choose(doc)
    page.generate_button.click()
    assert page._job is not None
    assert not page.generate_button.isEnabled(), "one run at a time"
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)


def previews(page: ReportsPage) -> list[Path]:
    return sorted(page.preview_dir.iterdir())


def test_the_annual_summary_is_previewed_with_every_page(page, qtbot, warnings):
    assert page.year.value() == YEAR
    generate(page, qtbot, "annual")
    assert page.stack.currentIndex() == 1
    pdf = page.current.path
    assert pdf.parent == page.preview_dir and pdf.is_file()
    assert page.document.pageCount() == page_count(pdf) > 1
    assert page.current.file_name == "李明劳模创新工作室-2025-年度工作总结.pdf"
    assert f"{page.document.pageCount()} 页" in page.pdf_title.text()
    assert not warnings.shown


def test_save_as_copies_the_pdf_and_offers_a_sensible_name(page, qtbot, tmp_path,
                                                           monkeypatch):
    generate(page, qtbot, "annual")
    asked = []
    chosen = tmp_path / "out" / "总结"  # without a suffix: .pdf is added
    chosen.parent.mkdir()

    def save_dialog(_parent, _title, start, _filter):
        asked.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    page.findChild(QPushButton, "save_report").click()
    assert Path(asked[0]).name == "李明劳模创新工作室-2025-年度工作总结.pdf"
    saved = chosen.with_name("总结.pdf")
    assert saved.read_bytes() == page.current.path.read_bytes()
    assert list(chosen.parent.iterdir()) == [saved], "no partial file is left"
    assert Path(page.ctx.settings.value("reports/save_dir")) == chosen.parent


def test_a_failed_save_is_explained_and_writes_nothing(page, qtbot, tmp_path, monkeypatch,
                                                        warnings):
    generate(page, qtbot, "annual")
    target = tmp_path / "missing-folder" / "a.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert page.save_as() is None
    assert not target.exists()
    assert warnings.shown and "a.pdf" in warnings.shown[0][1]


def test_print_pdf_prints_every_page(page, qtbot, tmp_path):
    generate(page, qtbot, "annual")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(page.document, printer) == page.document.pageCount()
    assert page_count(tmp_path / "printed.pdf") == page.document.pageCount()


def test_the_print_button_goes_through_the_print_dialog(page, qtbot, tmp_path, monkeypatch):
    generate(page, qtbot, "annual")
    out = tmp_path / "via-dialog.pdf"

    def accept(dlg):
        dlg.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dlg.printer().setOutputFileName(str(out))
        dlg.printer().setPrintRange(QPrinter.PrintRange.PageRange)
        dlg.printer().setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.findChild(QPushButton, "print_report").click()
    assert page_count(out) == 2, "only the pages asked for"


def test_the_self_assessment_shows_each_criterion_and_its_score(page, qtbot):
    page.template.setCurrentIndex(page.template.findData("eight_must_haves"))
    generate(page, qtbot, "assessment")
    assert page.stack.currentIndex() == 2
    assert page.current.path is None and not previews(page)
    expected = assessment.assess(page.u["A"], YEAR, "eight_must_haves")
    table = page.table
    assert table.rowCount() == 8 == len(expected["criteria"])
    for row, c in enumerate(expected["criteria"]):
        assert table.item(row, 0).text() == c["area"]
        assert table.item(row, 3).text() == f"{c['score']:g}"
        assert table.item(row, 5).text() == c["detail"]
    assert f"{expected['score']:g}" in page.assessment_summary.text()
    assert "导出考核材料" in page.findChild(QPushButton, "export_packet").text()
    page.findChild(QPushButton, "export_packet").click()
    assert page.chosen() == "packet" and page.attachments.isEnabled()


def test_the_template_is_used_only_by_documents_that_need_it(page):
    for doc, uses in (("annual", False), ("packet", True), ("assessment", True),
                      ("union_pdf", False), ("union_xlsx", False)):
        page.choose(doc)
        assert page.template.isEnabled() is uses, doc
        assert page.attachments.isEnabled() is (doc == "packet"), doc


def test_a_broken_template_file_does_not_break_the_page(page, qtbot):
    folder = page.ctx.paths.root / "templates"
    folder.mkdir()
    (folder / "broken.json").write_text("{not json", "utf-8")
    page.reload()
    combo = page.template
    broken = next(i for i in range(combo.count()) if "broken" in combo.itemText(i))
    assert not combo.model().item(broken).isEnabled() and combo.itemData(broken) is None
    assert "broken.json" in combo.itemData(broken, Qt.ItemDataRole.ToolTipRole)
    assert page.template_problems.isVisibleTo(page) and "broken.json" in \
        page.template_problems.toolTip()
    assert combo.currentData() == "eight_must_haves"
    generate(page, qtbot, "assessment")
    assert page.table.rowCount() == 8


def test_cancel_discards_the_result(page, qtbot):
    page.choose("annual")
    page.generate_button.click()
    runner = page._job
    runner.dialog.findChild(QPushButton).click()  # Cancel, before the result is taken
    with qtbot.waitSignal(runner.ended, timeout=60_000):
        pass
    assert page._job is None
    assert runner.last is not None and runner.last.total == 2  # the writing step was shown
    assert page.current is None and page.stack.currentIndex() == 0
    assert "取消" in page.empty_state.text()
    assert page.document.pageCount() == 0
    assert not previews(page), "the temporary file is gone"
    assert page.generate_button.isEnabled()


def test_a_missing_attachment_file_is_explained_in_chinese_and_nothing_is_left(page, qtbot,
                                                                              warnings):
    rec = A.attachments_of(page.u["r1"])[0]
    blobs.blob_path(page.ctx.paths, rec["sha256"]).unlink()
    page.choose("packet")
    item = page.attachments.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == rec["uid"]
    item.setCheckState(Qt.CheckState.Checked)
    generate(page, qtbot, "packet")
    assert len(warnings.shown) == 1
    assert "证书.png" in warnings.shown[0][1] and "文件丢失" in warnings.shown[0][1]
    assert page.current is None and page.stack.currentIndex() == 0
    assert not previews(page)


def test_the_review_packet_without_attachments_is_previewed(page, qtbot):
    page.template.setCurrentIndex(page.template.findData("eight_must_haves"))
    generate(page, qtbot, "packet")
    assert page.stack.currentIndex() == 1
    assert page.document.pageCount() == page_count(page.current.path)
    assert page.current.file_name == "李明劳模创新工作室-2025-考核材料.pdf"


def test_the_union_summary_pdf_and_xlsx(page, qtbot, tmp_path, monkeypatch):
    generate(page, qtbot, "union_pdf")
    assert page.stack.currentIndex() == 1
    assert page.document.pageCount() == page_count(page.current.path)
    first = page.current.path
    generate(page, qtbot, "union_xlsx")
    assert not first.exists(), "the previous preview was thrown away"
    assert page.stack.currentIndex() == 3 and page.document.pageCount() == 0
    assert page.current.file_name == "2025-劳模创新工作室汇总表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "汇总.xlsx"), ""))
    page.findChild(QPushButton, "save_xlsx").click()
    assert load_workbook(tmp_path / "汇总.xlsx").sheetnames[0] == "汇总表"


def test_the_annual_summary_as_a_word_document_is_saved_not_previewed(page, qtbot, tmp_path,
                                                                      monkeypatch):
    page.choose("packet")
    assert not page.format.isEnabled() and page.format.count() == 1  # a PDF only
    page.choose("annual")
    assert page.format.isEnabled()
    page.format.setCurrentIndex(page.format.findData(".docx"))
    generate(page, qtbot, "annual")
    assert page.stack.currentIndex() == 3 and page.document.pageCount() == 0
    assert page.current.file_name == "李明劳模创新工作室-2025-年度工作总结.docx"
    assert "Word" in page.xlsx_text.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "总结"), ""))
    page.findChild(QPushButton, "save_xlsx").click()
    headings = [p.text for p in Document(str(tmp_path / "总结.docx")).paragraphs
                if p.style.name == "Heading 1"]
    assert headings[:2] == ["一、基本情况", "二、“八个必有”自查"]
    page.choose("plan")  # the choice of Word carries over to the next document written both ways
    assert page.format.currentData() == ".docx"
    page.choose("packet")
    assert page.format.currentData() == ".pdf"


def test_studio_documents_need_a_studio(page):
    page.ctx.set_studio("")
    page.reload()
    page.choose("annual")
    assert not page.generate_button.isEnabled()
    page.choose("union_pdf")
    assert page.generate_button.isEnabled()


def test_the_year_follows_the_toolbar(page):
    page.ctx.set_year(2024)
    assert page.year.value() == 2024
    page.year.setValue(2023)
    page.ctx.changed()  # a reload that is not a change of year keeps the user's choice
    assert page.year.value() == 2023


def test_the_dashboard_link_opens_the_self_assessment(ctx, qtbot, tmp_path, monkeypatch):
    u = build(ctx.paths, tmp_path)
    ctx.settings.setValue("backup/on_close", False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.refresh_studios(select=u["A"])
    win.year_box.setCurrentIndex(win.year_box.findData(YEAR))
    win.nav.setCurrentRow(0)
    link = win.page("dashboard").findChild(QLabel, "open_assessment")
    assert link is not None and "自评" in link.text()
    link.linkActivated.emit("#")
    page = win.stack.currentWidget()
    assert isinstance(page, ReportsPage) and page.objectName() == "page_reports"
    assert win.nav.currentItem().text() == "报表"
    assert page.chosen() == "assessment" and ctx.year == YEAR
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)
    assert page.stack.currentIndex() == 2 and page.table.rowCount() > 0


def test_the_writers_run_off_the_gui_thread(page, qtbot, monkeypatch):
    import threading

    seen = []
    real = annual.write_annual
    monkeypatch.setattr(annual, "write_annual",
                        lambda *a, **k: (seen.append(threading.current_thread()), real(*a, **k)))
    generate(page, qtbot, "annual")
    assert seen and seen[0] is not threading.main_thread()
