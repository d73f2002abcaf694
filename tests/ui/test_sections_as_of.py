"""Section tables with a year selected list what lasted into that statistics year; what the
year's list leaves out is never silently gone: the page says how many, and one switch shows
them all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

YEAR = 2026


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    a = u["A"]
    u["old_rule"] = R.create("rule", a, {"title": "旧考勤制度", "category": "management",
                                         "adopted_on": "2015-01-01",
                                         "repealed_on": "2018-06-30"})["uid"]
    u["old_eq"] = R.create("equipment", a, {"name": "旧万用表", "quantity": 1,
                                            "acquired_on": "2016-01-01",
                                            "disposed_on": "2020-03-01"})["uid"]
    # an activity in 2026, so the selector offers 2026 whatever today's date is
    R.create("activity", a, {"date": "2026-03-01", "type": "meeting", "topic": "年度启动会"})
    win = open_window(a, YEAR)
    win.resize(1366, 768)
    return win, u


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    assert page.isVisible()
    return page


def listed(page) -> set[str]:
    return {page.model.uid_at(r) for r in range(page.model.rowCount())}


def switch(page) -> QCheckBox:
    box = page.findChild(QCheckBox, "show_all")
    assert box is not None
    return box


def note(page) -> QLabel:
    label = page.findChild(QLabel, "outside_note")
    assert label is not None
    return label


def click(qtbot, box: QCheckBox) -> None:
    qtbot.waitUntil(lambda: box.x() > 0, timeout=2000)  # laid out in the toolbar
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def test_a_rule_in_force_shows_and_a_repealed_one_is_announced_not_lost(window, qtbot):
    win, u = window
    page = open_section(win, "rule")
    assert {u["rule1"], u["rule2"]} <= listed(page), "adopted in 2019/2020, still in force"
    assert u["old_rule"] not in listed(page), "repealed in 2018"
    assert page.count.text() == "2 条记录"
    assert note(page).isVisible()
    assert "另有 1 条记录不在 2026 年度内" in note(page).text()
    assert "显示全部记录" in note(page).text()
    box = switch(page)
    assert box.isVisible() and box.text() == "显示全部记录" and not box.isChecked()

    click(qtbot, box)
    assert box.isChecked()
    assert u["old_rule"] in listed(page)
    assert page.count.text() == "3 条记录"
    row = page.model.row_of_uid(u["old_rule"])
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None, \
        "a record outside the year is told apart"
    assert "2026 年度" in page.model.data(page.model.index(row, 0),
                                         Qt.ItemDataRole.ToolTipRole)
    assert "1 条不在 2026 年度内" in note(page).text()

    click(qtbot, box)
    assert u["old_rule"] not in listed(page)


def test_equipment_bought_earlier_shows_in_a_later_year(window):
    win, u = window
    page = open_section(win, "equipment")
    assert u["eq1"] in listed(page), "bought 2025-05-01, never disposed of"
    assert u["old_eq"] not in listed(page), "disposed of in 2020"
    assert "另有 1 条记录" in note(page).text()
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert "处置日期（报废/调出）" in headers


def test_the_note_link_shows_all(window):
    win, u = window
    page = open_section(win, "rule")
    note(page).linkActivated.emit("#all")
    assert switch(page).isChecked() and u["old_rule"] in listed(page)


def test_the_switch_is_kept_per_page_across_sections_years_and_studios(window, qtbot):
    win, u = window
    rules = open_section(win, "rule")
    click(qtbot, switch(rules))
    equipment = open_section(win, "equipment")
    assert not switch(equipment).isChecked(), "each page its own switch"
    assert u["old_eq"] not in listed(equipment)
    win.year_box.setCurrentIndex(win.year_box.findData(2025))
    win.studio_box.setCurrentIndex(win.studio_box.findData(u["B"]))
    win.studio_box.setCurrentIndex(win.studio_box.findData(u["A"]))
    rules = open_section(win, "rule")
    assert switch(rules).isChecked() and u["old_rule"] in listed(rules)


def test_nothing_left_out_no_note_and_all_years_no_switch(window):
    win, u = window
    page = open_section(win, "honour")
    assert listed(page) == set() and "另有 1 条记录不在 2026 年度内" in note(page).text(), \
        "an empty list says it is not a loss"
    win.year_box.setCurrentIndex(win.year_box.findData(2025))
    page = open_section(win, "plan")
    assert u["plan"] in listed(page) and not note(page).isVisible()
    win.year_box.setCurrentIndex(0)  # all years
    page = open_section(win, "rule")
    assert not switch(page).isVisible() and not note(page).isVisible()
    assert u["old_rule"] in listed(page)


def test_members_who_left_are_announced(window):
    win, u = window
    page = open_section(win, "member")
    assert u["zhaoqiang"] not in listed(page), "left in 2024"
    assert u["liming"] in listed(page)
    assert "另有 1 条记录不在 2026 年度内" in note(page).text()


def test_attachments_have_no_year_switch(window):
    win, u = window
    page = open_section(win, "attachment")
    assert not switch(page).isVisible() and not note(page).isVisible()
