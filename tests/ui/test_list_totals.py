"""A totals line under a section's table adds up what the table shows, as the sum row of a
spreadsheet does (issue 11 §3): funds income / expense / balance, benefit in 万元, activities
场次 and 人次; it follows the year, the filter typed, "show all", and every change."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    return open_window(u["A"], 2025), u


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    assert page.isVisible()
    return page


def fund_lines(page) -> list[tuple[str, str]]:
    f = page.totals
    return [(f.label_of(i), f.text_under("amount_fen", i)) for i in range(len(f.lines))]


def type_filter(page, qtbot, text: str) -> None:
    page.search.setFocus()
    page.search.selectAll()
    QTest.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.search.text() == text)


def test_funds_show_income_expense_and_balance_of_the_year(window):
    win, _u = window
    page = open_section(win, "fund")
    assert page.totals.isVisible()
    assert fund_lines(page) == [("收入合计", "¥50,000.00"), ("支出合计", "¥12,345.67"),
                                ("结余", "¥37,654.33")]


def test_typing_a_filter_changes_the_totals(window, qtbot):
    win, _u = window
    page = open_section(win, "fund")
    type_filter(page, qtbot, "345")  # only the training expense of ¥345.67 matches
    assert page.model.rowCount() == 1
    assert fund_lines(page) == [("收入合计", "¥0.00"), ("支出合计", "¥345.67"),
                                ("结余", "-¥345.67")]
    QTest.keyClicks(page.search, "9")  # "3459": nothing matches
    assert page.model.rowCount() == 0
    assert fund_lines(page)[2] == ("结余", "¥0.00")
    page.search.clear()
    assert fund_lines(page)[0] == ("收入合计", "¥50,000.00")


def test_show_all_adds_the_other_years_to_the_totals(window, qtbot):
    win, _u = window
    page = open_section(win, "fund")
    page.show_all.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    assert fund_lines(page) == [("收入合计", "¥60,000.00"), ("支出合计", "¥17,345.67"),
                                ("结余", "¥42,654.33")]


def test_add_edit_delete_and_undo_update_the_totals(window, driver, qtbot):
    win, _u = window
    ctx = win.ctx
    page = open_section(win, "fund")

    def fill(dlg):
        dlg.editors["date"].set("2025-09-09")
        dlg.editors["direction"].set("expense")
        dlg.editors["category"].set("material")
        dlg.editors["amount_fen"].set(100_000)
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    assert driver.opened[-1].saved is not None, driver.opened[-1].errors
    assert fund_lines(page)[1] == ("支出合计", "¥13,345.67")

    def edit(dlg):
        dlg.editors["amount_fen"].set(200_000)
        dlg.accept()

    driver.fill = edit
    page.edit_current()
    assert fund_lines(page)[1] == ("支出合计", "¥14,345.67")
    page.delete_current()
    assert fund_lines(page)[1] == ("支出合计", "¥12,345.67")
    ctx.undo_stack.undo()  # the deletion
    assert fund_lines(page)[1] == ("支出合计", "¥14,345.67")
    ctx.undo_stack.undo()  # the edit
    ctx.undo_stack.undo()  # the new record
    assert fund_lines(page) == [("收入合计", "¥50,000.00"), ("支出合计", "¥12,345.67"),
                                ("结余", "¥37,654.33")]


def test_activities_count_sessions_and_person_times(window, qtbot):
    win, _u = window
    page = open_section(win, "activity")
    f = page.totals
    assert f.label_of(0) == "合计"
    assert (f.text_under("type"), f.text_under("person_times"), f.text_under("hours")) == \
        ("5 场", "41 人次", "9.5 学时")
    type_filter(page, qtbot, "13")  # the 13 person-times of the live-working training only
    assert page.model.rowCount() == 1
    assert (f.text_under("type"), f.text_under("person_times")) == ("1 场", "13 人次")


def test_benefit_is_totalled_in_wan_yuan(window):
    win, _u = window
    page = open_section(win, "benefit")
    assert page.totals.text_under("amount_fen") == "12.35 万元"


def test_a_section_without_money_or_counts_has_no_totals_line(window):
    win, _u = window
    page = open_section(win, "member")
    assert not page.totals.isVisible()


def test_each_total_stands_under_its_column(window, qtbot):
    win, _u = window
    page = open_section(win, "fund")
    header, footer = page.table.horizontalHeader(), page.totals
    amount = page.section.columns.index("amount_fen")
    header.resizeSection(amount, 217)
    assert footer.columnWidth(amount) == 217
    for c in range(header.count()):
        assert footer.columnWidth(c) == header.sectionSize(c)
    # the amount cell of the footer starts where the amount column starts on screen
    table_x = page.table.viewport().mapTo(page, page.table.visualRect(
        page.model.index(0, amount)).topLeft()).x()
    footer_x = footer.viewport().mapTo(page, footer.visualRect(
        footer.cells.index(0, amount)).topLeft()).x()
    assert abs(table_x - footer_x) <= 1


def test_the_totals_end_where_the_tables_rows_end(ctx, open_window, tmp_path, qtbot):
    """Beside the table's vertical scroll bar nothing of a total shows (a sliver of 学时 did at
    1366×768)."""
    from laomo_desktop.ledger import records as R

    u = build(ctx.paths, tmp_path)
    for i in range(40):
        R.create("fund", u["A"], {"date": f"2025-03-{i % 28 + 1:02d}", "direction": "expense",
                                  "category": "training", "amount_fen": 1000 + i})
    win = open_window(u["A"], 2025)
    win.resize(900, 500)
    page = open_section(win, "fund")
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().isVisible())
    table, footer = page.table.viewport(), page.totals.viewport()
    qtbot.waitUntil(lambda: abs(footer.mapTo(page, footer.rect().topRight()).x()
                                - table.mapTo(page, table.rect().topRight()).x()) <= 1)
