"""The statistics year in the GUI: the selector names it as the union does ("2025 统计年度
（2024-10-01 至 2025-09-30）" or "2025 年度"), and Tools ▸ 统计年度起始月… changes the ledger's
setting, after which the selector, the dashboard and the sections follow at once."""

from __future__ import annotations

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtWidgets import QDialog, QLabel

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import period
from laomo_desktop.store.models import database
from laomo_desktop.ui.dialogs import yearstart
from laomo_desktop.ui.dialogs.yearstart import YearStartDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

OCTOBER_2025 = "2025 统计年度（2024-10-01 至 2025-09-30）"


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    return open_window(u["A"], 2025), u


class Driver:
    """The user at the year-start dialog: picks `month` and presses OK (or cancels)."""

    def __init__(self, month: int | None):
        self.month = month
        self.seen: list[YearStartDialog] = []

    def exec(self, dlg: YearStartDialog) -> int:
        self.seen.append(dlg)
        if self.month is None or not dlg.ok_button.isEnabled():
            return QDialog.DialogCode.Rejected
        dlg.month_box.setCurrentIndex(dlg.month_box.findData(self.month))
        return QDialog.DialogCode.Accepted


@pytest.fixture
def user(monkeypatch):
    def pick(month):
        d = Driver(month)
        monkeypatch.setattr(YearStartDialog, "exec", lambda self: d.exec(self))
        return d
    return pick


def menu_action(win, text):
    for menu_action in win.menuBar().actions():
        for act in menu_action.menu().actions():
            if act.text() == text:
                return act
    raise AssertionError(f"no menu item {text}")


def listed(page) -> set[str]:
    return {page.model.uid_at(r) for r in range(page.model.rowCount())}


def test_the_selector_names_the_calendar_year(window):
    win, _ = window
    assert win.year_box.itemText(win.year_box.findData(2025)) == "2025 年度"
    assert win.year_box.itemText(0) == "全部年度"


def test_changing_the_first_month_is_followed_everywhere_at_once(window, user, qtbot):
    win, u = window
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("activity"))
    activities = win.pages["activity"]
    assert u["t3"] in listed(activities), "2025-11-01 is in calendar year 2025 … "
    win.year_box.setCurrentIndex(win.year_box.findData(2026))
    assert u["t3"] not in listed(activities)

    driver = user(10)
    menu_action(win, "统计年度起始月…").trigger()
    dlg = driver.seen[-1]
    assert "10 月 1 日" in dlg.findChild(QLabel, "explanation").text()
    assert period.start_month() == 10
    assert win.year_box.itemText(win.year_box.findData(2025)) == OCTOBER_2025
    assert win.ctx.year == 2026, "the selected year stays selected"
    assert u["t3"] in listed(activities), "… and in statistics year 2026 from October"

    win.nav.setCurrentRow(0)
    dashboard = win.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.up_to_date, timeout=5000)  # filled after its first paint
    assert "2026 统计年度（2025-10-01 至 2026-09-30）" in \
        dashboard.findChild(QLabel, "subheading").text()
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("reports"))
    assert win.pages["reports"].findChild(QLabel, "report_period").text() == \
        "2026 统计年度（2025-10-01 至 2026-09-30）"


def test_the_dialog_shows_the_setting_and_what_a_month_means(window, qtbot):
    win, _ = window
    period.set_start_month(10)
    dlg = YearStartDialog(period.start_month(), 2025, None, win)
    qtbot.addWidget(dlg)
    assert dlg.month_box.currentData() == 10
    preview = dlg.findChild(QLabel, "preview")
    assert "2025 统计年度" in preview.text()
    assert "2024-10-01" in preview.text() and "2025-09-30" in preview.text()
    dlg.month_box.setCurrentIndex(dlg.month_box.findData(1))
    assert "2025 年度" in preview.text()
    assert "2025-01-01" in preview.text() and "2025-12-31" in preview.text()


def test_cancel_changes_nothing(window, user):
    win, _ = window
    user(None)
    menu_action(win, "统计年度起始月…").trigger()
    assert period.start_month() == 1
    assert win.year_box.itemText(win.year_box.findData(2025)) == "2025 年度"


def test_a_read_only_ledger_shows_the_setting_but_does_not_change_it(window, user, monkeypatch):
    win, _ = window
    message = "台账是只读的，只能查看和打印，不能修改。"
    monkeypatch.setattr(database, "read_only_message", message)
    driver = user(10)
    menu_action(win, "统计年度起始月…").trigger()
    dlg = driver.seen[-1]
    assert not dlg.month_box.isEnabled() and not dlg.ok_button.isEnabled()
    assert message in dlg.findChild(QLabel, "read_only_note").text()
    monkeypatch.setattr(database, "read_only_message", None)
    assert period.start_month() == 1


def test_a_refused_write_is_told_and_nothing_changes(window, user, monkeypatch):
    win, _ = window
    told = []
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: told.append(text))

    def refuse(month):
        raise LaomoError("磁盘已满，无法保存。")

    monkeypatch.setattr(yearstart.period, "set_start_month", refuse)
    user(10)
    menu_action(win, "统计年度起始月…").trigger()
    assert told == ["磁盘已满，无法保存。"]
    assert period.start_month() == 1
    assert win.year_box.itemText(win.year_box.findData(2025)) == "2025 年度"


def test_the_selector_offers_every_year_the_ledgers_studios_hold(window):
    """A union office picking a past year was limited to the selected studio's years."""
    win, u = window
    win.refresh_studios(select=u["B"])  # founded 2024; studio A since 2019
    years = [win.year_box.itemData(i) for i in range(win.year_box.count())]
    assert 2019 in years and 2023 in years
