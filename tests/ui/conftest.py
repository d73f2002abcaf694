from __future__ import annotations

from collections.abc import Callable

import pytest
from boxes import Warnings
from loops import event_loops_still_run
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.window.mainwindow import MainWindow


@pytest.fixture
def ctx(ledger, tmp_path, qapp):
    i18n.install(qapp, "zh_CN")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(ledger, settings)


@pytest.fixture(autouse=True)
def unanswered_message_boxes(monkeypatch):
    """A message box the program builds and runs itself would wait for a user the suite does
    not have (pytest-qt closes the widgets a test leaves open: a form left with changes asks
    before it closes). Unless a test answers it, it gets its Escape button: keep editing."""

    def escape(box: QMessageBox) -> int:
        button = box.escapeButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", escape)


class DialogDriver:
    """Stands in for the user at a modal RecordDialog: `fill` runs when the dialog opens."""

    def __init__(self):
        self.fill: Callable[[RecordDialog], None] | None = None
        self.opened: list[RecordDialog] = []

    def exec(self, dlg: RecordDialog) -> int:
        self.opened.append(dlg)
        if self.fill is not None:
            self.fill(dlg)
        return dlg.result()


@pytest.fixture
def driver(monkeypatch) -> DialogDriver:
    d = DialogDriver()
    monkeypatch.setattr(RecordDialog, "exec", lambda self: d.exec(self))
    return d



@pytest.fixture
def open_window(ctx, qtbot) -> Callable[..., MainWindow]:
    """Opens the main window on a studio, as a user finds it; `year`: the year to select
    (0: all years; None: leave the window's own choice)."""
    def open_(studio_uid: str, year: int | None = None) -> MainWindow:
        ctx.settings.setValue("backup/on_close", False)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        win.refresh_studios(select=studio_uid)
        if year is not None:
            win.year_box.setCurrentIndex(win.year_box.findData(year))
            assert ctx.studio_uid == studio_uid and ctx.year == year
        shown = win.stack.currentWidget()
        if shown is not None and hasattr(shown, "up_to_date"):  # filled after its first paint
            qtbot.waitUntil(lambda: shown.up_to_date, timeout=5000)
        return win
    return open_


@pytest.fixture
def warnings(monkeypatch) -> Warnings:
    """What QMessageBox.warning would have told the user, instead of a modal box."""
    w = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", w)
    return w


@pytest.fixture(scope="session", autouse=True)
def _collector_on_the_gui_thread(qapp):
    """As make_app does: cycles are collected on the GUI thread, never by a worker's job."""
    from laomo_desktop.ui.system.collector import keep_gc_on_gui_thread

    keep_gc_on_gui_thread(qapp)


@pytest.fixture(scope="session", autouse=True)
def _clipboard_handed_over():
    """As the program does when it ends (ui/app.run_gui): rows a test copied are handed back
    to the clipboard as Qt's own text, so the test process does not crash on its way out."""
    yield
    from laomo_desktop.ui.pages.tableclip import hand_over_clipboard

    hand_over_clipboard()


@pytest.fixture(autouse=True)
def _event_loops_still_run_after_the_test(qapp):
    """A test (or the program under it) must not leave the process unable to run an event loop:
    every later wait would time out, far from the cause (seen on CI as random timeouts)."""
    yield
    assert event_loops_still_run(), "this test left a quit behind: later event loops end at once"
