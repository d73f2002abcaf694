"""Keys a secretary presses: redo with Ctrl+Y and Ctrl+Shift+Z on every platform, and the section's
keys (new, open, delete, search) wherever the focus is in the main window, including the
navigation list right after a section was clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ctx, open_window, tmp_path, qtbot):
    u = build(ctx.paths, tmp_path)
    win = open_window(u["A"], 0)  # all years: every record is listed
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def click_section(qtbot, win, key: str):
    """Clicks the section's entry in the navigation list, as a user does with the mouse."""
    row = [s.key for s in SECTIONS].index(key)
    item = win.nav.item(row)
    win.nav.scrollToItem(item)
    qtbot.mouseClick(win.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.nav.visualItemRect(item).center())
    qtbot.waitUntil(lambda: win.pages.get(key) is not None and win.pages[key].isVisible())
    return win.pages[key]


def test_redo_takes_ctrl_y_and_ctrl_shift_z(window, driver, qtbot):
    win = window
    page = click_section(qtbot, win, "honour")
    before = page.model.total_count()
    driver.fill = lambda dlg: (dlg.editors["name"].set("工人先锋号"),
                               dlg.editors["level"].set("city"),
                               dlg.editors["year"].set(2025), dlg.accept())
    page.new_button.click()
    uid = driver.opened[-1].saved["uid"]
    assert page.model.total_count() == before + 1

    for redo in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        QTest.keyClick(page.table, Qt.Key.Key_Z, CTRL)
        assert page.model.total_count() == before, "Ctrl+Z takes the new record back"
        assert R.get("honour", uid)["deleted_at"]
        QTest.keyClick(page.table, *redo)
        assert page.model.total_count() == before + 1, f"{redo} redoes the new record"
        assert not R.get("honour", uid)["deleted_at"]


def test_the_edit_menu_shows_both_redo_keys(window):
    redo = window.redo_action
    assert redo in window.menuBar().actions()[1].menu().actions()
    assert redo.shortcuts() == [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    assert redo.shortcut() == QKeySequence("Ctrl+Y"), "the menu shows Ctrl+Y"
    assert "Ctrl+Shift+Z" in redo.toolTip() and "Ctrl+Shift+Z" in redo.statusTip()


def focus_in(qtbot, win, page, where: str):
    """Puts the focus where a user would have it: the navigation list after the click, the
    table, the search box or the year selector."""
    widget = {"navigation": win.nav, "table": page.table, "search": page.search,
              "year": win.year_box}[where]
    widget.setFocus(Qt.FocusReason.MouseFocusReason)  # the list has it after a click
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


@pytest.mark.parametrize("key", ["activity", "member", "fund"])
def test_ctrl_n_opens_the_sections_form_wherever_the_focus_is(window, driver, qtbot, key):
    win = window
    for n, where in enumerate(["navigation", "table", "search", "year"], start=1):
        page = click_section(qtbot, win, "dashboard" if n % 2 else "honour")
        page = click_section(qtbot, win, key)
        assert QApplication.focusWidget() is win.nav, "a click leaves the focus in the list"
        widget = focus_in(qtbot, win, page, where)
        QTest.keyClick(widget, Qt.Key.Key_N, CTRL)
        assert len(driver.opened) == n, f"Ctrl+N in the {where} opened no form"
        assert driver.opened[-1].kind.name == key


@pytest.mark.parametrize("where", ["navigation", "table", "year"])
def test_delete_open_and_search_keys_work_from_anywhere(window, driver, qtbot, where):
    win = window
    page = click_section(qtbot, win, "honour")
    page.table.selectRow(0)
    uid = page.current_uid()
    widget = focus_in(qtbot, win, page, where)

    QTest.keyClick(widget, Qt.Key.Key_Return)
    assert [d.record["uid"] for d in driver.opened] == [uid], "Enter opens the selected record"

    QTest.keyClick(widget, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)
    widget = focus_in(qtbot, win, page, where)

    before = page.model.total_count()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    assert page.model.total_count() == before - 1, "Del moves the record to the recycle bin"
    assert R.get("honour", uid)["deleted_at"]


def test_delete_in_the_search_box_edits_the_text(window, qtbot):
    """The window's Del is the record's only where no text field wants the key."""
    win = window
    page = click_section(qtbot, win, "honour")
    page.table.selectRow(0)
    before = page.model.total_count()
    focus_in(qtbot, win, page, "search")
    QTest.keyClicks(page.search, "ab")
    QTest.keyClick(page.search, Qt.Key.Key_Home)
    QTest.keyClick(page.search, Qt.Key.Key_Delete)
    assert page.search.text() == "b"
    page.search.clear()
    assert page.model.total_count() == before


def test_the_overview_leaves_the_keys_to_its_widgets(window, driver, qtbot):
    """A page with no records to make (the overview) gets no Ctrl+N and no Enter: its own
    buttons and links keep their keys."""
    win = window
    click_section(qtbot, win, "dashboard")
    QTest.keyClick(win.nav, Qt.Key.Key_N, CTRL)
    QTest.keyClick(win.nav, Qt.Key.Key_Return)
    assert driver.opened == []
    assert not win.record_actions["new_record"].isEnabled()
