"""Grants in the window: a secretary types a grant in its section, draws expenses on it in the
fund section (an expense against the grant's terms is saved and its warning shows in the list),
and prints the grant's use report from the reports page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpers import pdftotext
from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.reports import ReportsPage
from laomo_desktop.ui.pages.sections import SECTIONS

TODAY = date(2025, 6, 15)


@pytest.fixture
def studio(ctx) -> dict:
    s = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某重型机械厂",
                                  "founded_on": "2018-04-20"}, today=TODAY)
    R.create("member", s["uid"], {"name": "李明", "role": "leader"}, today=TODAY)
    return s


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    assert page.isVisible()
    return page


def type_into(widget, text: str) -> None:
    """Typed key by key; Chinese arrives whole, as an input method commits it (QTest types
    only what is on the keyboard)."""
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    if text.isascii():
        QTest.keyClicks(widget, text)
    elif hasattr(widget, "insert"):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


def cells(page) -> list[list[str]]:
    m = page.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_a_grant_typed_in_its_section_is_saved_and_listed_with_what_is_left(
        ctx, open_window, studio, driver, qtbot):
    win = open_window(studio["uid"], 0)
    page = open_section(win, "grant")

    def fill(dlg):
        dlg.show()
        qtbot.waitExposed(dlg)
        type_into(dlg.editors["name"].widget, "2025年省级示范工作室补助")
        type_into(dlg.editors["body"].widget, "江苏省总工会")
        type_into(dlg.editors["doc_no"].widget, "2025-12")
        type_into(dlg.editors["amount_fen"].line, "50000")
        type_into(dlg.editors["received_on"].line, "2025/3/10")
        for code in ("equipment", "training"):
            box = dlg.editors["categories"].boxes[code]
            box.setFocus()
            QTest.keyClick(box, Qt.Key.Key_Space)
        type_into(dlg.editors["period_from"].line, "2025-3-1")
        type_into(dlg.editors["period_to"].line, "2025-12-31")
        type_into(dlg.editors["conditions"].widget, "专款专用")
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    saved = driver.opened[-1].saved
    assert saved is not None, driver.opened[-1].errors
    grant = R.get("grant", saved["uid"])
    assert (grant["amount_fen"], grant["received_on"], grant["categories"]) == (
        5_000_000, "2025-03-10", "equipment,training")
    assert (grant["period_from"], grant["period_to"]) == ("2025-03-01", "2025-12-31")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = cells(page)[0]
    assert "2025年省级示范工作室补助" in row and "¥50,000.00" in row
    assert row.count("¥50,000.00") == 2  # the amount, and all of it left
    win.grab().save(str(ctx.paths.root / "grant_section.png"))


def test_an_expense_against_the_grants_terms_is_saved_and_warned_in_the_fund_list(
        ctx, open_window, studio, driver, qtbot):
    grant = R.create("grant", studio["uid"], {
        "name": "省级示范补助", "body": "省总工会", "amount_fen": 1_000_000,
        "received_on": "2025-03-10", "categories": "equipment", "period_to": "2025-12-31"},
        today=TODAY)
    win = open_window(studio["uid"], 0)
    page = open_section(win, "fund")

    def fill(dlg):
        dlg.editors["direction"].set("expense")
        dlg.editors["category"].set("material")
        dlg.editors["date"].set("2026-01-08")
        dlg.editors["note"].set("办公耗材")
        type_into(dlg.editors["amount_fen"].line, "12000")
        combo = dlg.editors["grant"].widget
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_Down)  # the first (only) grant under the empty choice
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    assert driver.opened[-1].saved is not None
    (fund,) = R.list_records("fund", studio["uid"])
    assert fund["grant"] == grant["uid"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = cells(page)[0]
    assert "省级示范补助" in row
    assert "超出可列支类别、超过使用期限、超出补助金额" in row
    win.grab().save(str(ctx.paths.root / "fund_section.png"))


def test_the_reports_page_prints_the_chosen_grants_use_report(ctx, studio, qtbot, tmp_path):
    for name in ("2024年市级补助", "2025年省级示范补助"):
        R.create("grant", studio["uid"], {"name": name, "body": "总工会",
                                          "amount_fen": 2_000_000, "received_on": "2025-01-01"},
                 today=TODAY)
    ctx.studio_uid, ctx.year = studio["uid"], 2025
    page = ReportsPage(ctx)
    page.preview_dir = tmp_path
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    page.choose("grant")
    assert page.record.isVisible() and page.record.label.text() == "补助资金："
    assert [page.record.itemText(i) for i in range(page.record.count())] == [
        "2025年省级示范补助", "2024年市级补助"]
    page.record.setCurrentIndex(1)
    page.generate_button.click()
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)
    assert page.current.file_name == "李明劳模创新工作室-2024年市级补助-使用情况.pdf"
    text = pdftotext(page.current.path)
    assert "2024年市级补助使用情况报告" in text and "尚未登记列支这笔补助资金的支出" in text
    page.grab().save(str(ctx.paths.root / "grant_report_page.png"))
    page.choose("annual")
    assert not page.record.isVisible()
