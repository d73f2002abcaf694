"""Every number is typed in the unit its label names and stored as the ledger keeps it: a plan's
经济效益 target in 万元 with two decimals, stored in fen (1 万元 = 1,000,000 fen); other targets
whole numbers; money in 元 (¥) stored in fen; areas and hours as typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    return open_window(u["A"], 2025), u


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    return win.pages[key]


def target_row(dlg: RecordDialog, row: int):
    """(metric combo, value line edit, unit label) of a row of the plan's targets."""
    metric, value = dlg.editors["targets"].rows[row]
    return metric.widget, value.widget.findChild(QLineEdit), value.widget.findChild(QLabel)


def type_into(qtbot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)


def test_a_benefit_target_of_50_is_50_wan_yuan(window, driver, qtbot):
    win, u = window
    R.trash("plan", u["plan"])
    page = open_section(win, "plan")

    def fill(dlg):
        dlg.editors["targets"].add_row()
        metric, value, unit = target_row(dlg, 0)
        metric.setCurrentIndex(metric.findData("benefit_fen"))
        assert unit.text() == "万元"
        type_into(qtbot, value, "50")
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    saved = driver.opened[-1].saved
    assert saved is not None, driver.opened[-1].errors
    assert saved["targets"] == [{"metric": "benefit_fen", "value": 50_000_000}]
    win.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: win.pages["dashboard"].up_to_date, timeout=5000)
    text = win.pages["dashboard"].findChild(QLabel, "target_text_benefit_fen").text()
    assert "目标 50.00 万元" in text


def test_a_benefit_target_shows_in_wan_yuan_and_takes_two_decimals(window, driver, qtbot):
    win, u = window
    page = open_section(win, "plan")
    page.select_uid(u["plan"])

    def fill(dlg):
        metric, value, unit = target_row(dlg, 4)
        assert metric.currentData() == "benefit_fen"
        assert value.text() == "10.00" and unit.text() == "万元"
        type_into(qtbot, value, "12.555")  # the third decimal is not taken
        assert value.text() == "12.55"
        dlg.accept()

    driver.fill = fill
    page.edit_current()
    assert R.get("plan", u["plan"])["targets"][4] == {"metric": "benefit_fen",
                                                      "value": 12_550_000}


def test_other_targets_are_whole_numbers_in_their_own_unit(window, driver, qtbot):
    win, u = window
    page = open_section(win, "plan")
    page.select_uid(u["plan"])

    def fill(dlg):
        metric, value, unit = target_row(dlg, 2)
        assert metric.currentData() == "results" and value.text() == "3"
        assert unit.text() == "项"
        type_into(qtbot, value, "5.5")
        assert value.text() == "55", "no decimals for a count"
        assert target_row(dlg, 1)[2].text() == "人次"
        assert target_row(dlg, 3)[2].text() == "件"
        dlg.accept()

    driver.fill = fill
    page.edit_current()
    assert R.get("plan", u["plan"])["targets"][2] == {"metric": "results", "value": 55}


def test_a_value_finer_than_two_decimals_is_kept_exactly(window, driver):
    win, u = window
    plan = R.get("plan", u["plan"])
    targets = plan["targets"]
    targets[4] = {"metric": "benefit_fen", "value": 1_234_567}
    R.update("plan", u["plan"], {"targets": targets})
    page = open_section(win, "plan")
    page.select_uid(u["plan"])

    def fill(dlg):
        assert target_row(dlg, 4)[1].text() == "1.234567"
        dlg.editors["measures"].set("每月一次培训")
        dlg.accept()

    driver.fill = fill
    page.edit_current()
    assert R.get("plan", u["plan"])["targets"][4]["value"] == 1_234_567


def test_switching_a_decimal_to_a_count_is_refused_by_the_field(window, driver, qtbot):
    win, u = window
    page = open_section(win, "plan")
    page.select_uid(u["plan"])
    before = R.get("plan", u["plan"])

    def fill(dlg):
        metric, value, unit = target_row(dlg, 4)
        type_into(qtbot, value, "2.5")
        metric.setCurrentIndex(metric.findData("apprentices"))
        assert unit.text() == "人"
        dlg.accept()

    driver.fill = fill
    page.edit_current()
    dlg = driver.opened[-1]
    assert dlg.saved is None and "整数" in dlg.errors["targets"].text()
    assert R.get("plan", u["plan"])["version"] == before["version"]


def test_the_sample_plans_benefit_target_shows_in_wan_yuan(window, qtbot):
    win, _ = window
    win.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: win.pages["dashboard"].up_to_date, timeout=5000)
    text = win.pages["dashboard"].findChild(QLabel, "target_text_benefit_fen").text()
    assert text.endswith("目标 10.00 万元")


@pytest.mark.parametrize(("kind", "name", "typed", "stored", "unit"), [
    ("equipment", "value_fen", "12.34", 1234, "¥"),
    ("fund", "amount_fen", "3000", 300_000, "¥"),
    ("benefit", "amount_fen", "0.5", 50, "¥"),
    ("project", "budget_fen", "100000", 10_000_000, "¥"),
    ("studio", "room_area", "60.5", 60.5, "平方米"),
    ("activity", "hours", "3.5", 3.5, "学时"),
    ("mentorship", "period_months", "12", 12, "月"),
    ("equipment", "quantity", "2", 2, "数量"),
])
def test_every_number_is_typed_in_the_unit_its_label_names(window, qtbot, kind, name, typed,
                                                           stored, unit):
    win, u = window
    dlg = RecordDialog(win.ctx.paths, kind, u["A"], None, lambda v: v, parent=win)
    qtbot.addWidget(dlg)
    editor = dlg.editors[name]
    line = editor.widget if isinstance(editor.widget, QLineEdit) else \
        editor.widget.findChild(QLineEdit)
    shown = S.kind(kind).field(name).label + " ".join(
        w.text() for w in editor.widget.findChildren(QLabel))
    assert unit in shown
    type_into(qtbot, line, typed)
    assert editor.get() == stored
