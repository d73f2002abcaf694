"""The window's side of a damaged or lost ledger: the recovery dialog, restoring from it, and a
command holding the ledger while the window starts."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading

import pytest
from boxes import stand_in_for_message_boxes
from loops import event_loops_still_run
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup
from laomo_desktop.store import database as D
from laomo_desktop.store.health import LedgerProblem
from laomo_desktop.ui import app as gui_app
from laomo_desktop.ui.dialogs import recovery


def _ledger(tmp_path, members: int = 3):
    paths = D.open_ledger(LedgerPaths(tmp_path / "data"))
    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "单位",
                                       "founded_on": "2020-01-01"})
    for i in range(members):
        R.create("member", studio["uid"], {"name": f"成员{i}", "role": "member"})
    good = backup.take_backup(paths, "manual")
    D.close_ledger()
    return paths, good


class Chooser:
    """Stands in for the user at the recovery dialog."""

    def __init__(self, action):
        self.action = action
        self.seen: list[recovery.RecoveryDialog] = []

    def __call__(self, dlg):
        self.seen.append(dlg)
        return self.action(dlg)


@pytest.fixture
def quiet(monkeypatch):
    shown = []
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: shown.append(text))
    return shown


def test_a_damaged_ledger_offers_its_backups_and_restores_the_chosen_one(tmp_path, qapp, qtbot,
                                                                       monkeypatch, quiet):
    paths, good = _ledger(tmp_path)
    paths.db.write_bytes(paths.db.read_bytes()[:-1000])  # the last page cut off
    damaged = hashlib.sha256(paths.db.read_bytes()).hexdigest()

    def pick_first(dlg):
        tree = dlg.list
        assert tree.topLevelItemCount() == 1
        item = tree.topLevelItem(0)
        assert item.text(2) == "甲工作室" and item.text(3) == "4"  # the studio and 3 members
        assert "截断" in dlg.findChild(QLabel, "detail").text()
        assert dlg.empty_button is None  # damaged, not lost: no empty ledger offered
        fired.clear()
        dlg.restore_button.click()  # the backup is put in place off the GUI thread
        qtbot.waitUntil(lambda: dlg.job is None, timeout=10000)
        return dlg.result()

    fired, threads = threading.Event(), []
    real = backup.restore_over

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        assert fired.wait(5), "the dialog did not paint while the backup was put in place"
        return real(*args, **kwargs)

    monkeypatch.setattr(backup, "restore_over", watched)
    timer = QTimer()  # the GUI thread's turn: it fires only while that thread runs its loop
    timer.timeout.connect(fired.set)
    timer.start(20)

    chooser = Chooser(pick_first)
    monkeypatch.setattr(recovery.RecoveryDialog, "exec", lambda dlg: chooser(dlg))
    assert gui_app.open_or_recover(paths) is True
    try:
        assert [s["name"] for s in R.list_records("studio")] == ["甲工作室"]
        assert len(R.list_records("member")) == 3
    finally:
        D.close_ledger()
    kept = [p for p in (paths.root / "aside").iterdir() if p.name.startswith("ledger.sqlite3.")]
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in kept] == [damaged]
    assert any(good.path.name in t for t in quiet), "the user is told which backup came back"
    assert len(chooser.seen) == 1
    assert threads and threads[0] is not threading.main_thread()


def test_a_lost_ledger_is_not_a_first_run(tmp_path, qapp, monkeypatch, quiet):
    paths, _ = _ledger(tmp_path)
    paths.db.write_bytes(b"")

    def look_then_quit(dlg):
        assert dlg.empty_button is not None
        assert "0 字节" in dlg.findChild(QLabel, "detail").text()
        assert dlg.restore_button.isEnabled()  # the newest backup is chosen already
        return QDialog.DialogCode.Rejected

    chooser = Chooser(look_then_quit)
    monkeypatch.setattr(recovery.RecoveryDialog, "exec", lambda dlg: chooser(dlg))
    assert gui_app.open_or_recover(paths) is False
    assert paths.db.stat().st_size == 0


def test_a_lost_ledger_may_be_started_empty_on_purpose(tmp_path, qapp, monkeypatch, quiet):
    paths, _ = _ledger(tmp_path)
    paths.db.unlink()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))

    def start_empty(dlg):
        dlg.empty_button.click()
        return dlg.result()

    chooser = Chooser(start_empty)
    monkeypatch.setattr(recovery.RecoveryDialog, "exec", lambda dlg: chooser(dlg))
    assert gui_app.open_or_recover(paths) is True
    try:
        assert R.list_records("studio") == []
    finally:
        D.close_ledger()
    assert len(backup.list_backups(paths)) == 1, "the backups stay"


def _start(monkeypatch, paths, at_dialog):
    """run_gui on `paths` in this process; `at_dialog(dlg, window)` answers the recovery
    dialog, seeing the main window as it is then."""
    from laomo_desktop.ui.system import crash

    monkeypatch.setattr(crash, "install_excepthook", lambda *_a: None)  # pytest's own stays
    frames = []
    show = gui_app.WindowHost.show

    def shown(host, fill=True):
        frames.append(show(host, fill))
        return frames[-1]

    monkeypatch.setattr(gui_app.WindowHost, "show", shown)
    chooser = Chooser(lambda dlg: at_dialog(dlg, frames[-1]))
    monkeypatch.setattr(recovery.RecoveryDialog, "exec", lambda dlg: chooser(dlg))
    return gui_app.run_gui(paths), frames, chooser


def test_a_start_on_a_lost_ledger_shows_the_window_first_and_ends_when_the_user_declines(
        tmp_path, qapp, monkeypatch, quiet):
    paths, _ = _ledger(tmp_path)
    paths.db.write_bytes(b"")
    seen = []

    def decline(_dlg, window):
        seen.append((window.isVisible(), window.filled, window.studio_box.count()))
        return QDialog.DialogCode.Rejected

    code, frames, chooser = _start(monkeypatch, paths, decline)
    assert code == 1 and len(chooser.seen) == 1
    assert seen == [(True, False, 0)]  # the frame was up, not filled, while the dialog asked
    assert not frames[0].isVisible()
    assert paths.db.stat().st_size == 0
    from laomo_desktop.store import lock

    assert lock.try_acquire(paths, lock.GUI)  # the window let go of the ledger
    lock.release(paths)
    assert event_loops_still_run(), "a quit left over from the start stops every later loop"



def test_a_start_on_a_damaged_ledger_fills_the_window_with_the_restored_backup(
        tmp_path, qapp, qtbot, monkeypatch, quiet):
    from PySide6.QtCore import QTimer

    paths, _ = _ledger(tmp_path)
    paths.db.write_bytes(paths.db.read_bytes()[:-1000])

    def restore(dlg, window):
        assert window.isVisible() and not window.filled
        dlg.restore_button.click()
        qtbot.waitUntil(lambda: dlg.job is None, timeout=10000)  # the restore is a job

        def close_when_filled():
            if window.filled:
                window.close()
            else:
                QTimer.singleShot(20, close_when_filled)

        QTimer.singleShot(0, close_when_filled)
        return dlg.result()

    code, frames, _ = _start(monkeypatch, paths, restore)
    assert code == 0
    assert frames[0].filled and frames[0].studio_box.currentText() == "甲工作室"


def test_a_damaged_backup_is_listed_but_cannot_be_chosen(tmp_path, qapp):
    paths, good = _ledger(tmp_path)
    good.path.write_bytes(b"garbage" * 100)
    dlg = recovery.RecoveryDialog(paths, LedgerProblem("damaged", "已损坏"))
    try:
        assert dlg.list.topLevelItemCount() == 1
        assert dlg.selected_path() is None and not dlg.restore_button.isEnabled()
    finally:
        dlg.deleteLater()


HOLDER = """
import sys
from pathlib import Path
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import lock
assert lock.try_acquire(LedgerPaths(Path(sys.argv[1])), "import")
print("locked", flush=True)
sys.stdin.read()
"""


def test_the_window_does_not_open_while_a_command_changes_the_ledger(tmp_path, qapp,
                                                                      monkeypatch):
    paths, _ = _ledger(tmp_path)
    from laomo_desktop.ui.system.single import SingleInstance

    monkeypatch.setattr(SingleInstance, "COMMAND_WAIT_MS", 300)
    told = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: told.append(a[2]) or 0))
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.root)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert gui_app.run_gui(paths) == 1
        assert told and "laomo import" in told[0]
    finally:
        proc.kill()
        proc.wait(timeout=60)


def test_a_read_only_ledger_says_so_and_is_not_backed_up_on_close(ctx, qtbot):
    from laomo_desktop.ui.window.mainwindow import MainWindow

    R.create("studio", None, {"name": "甲工作室", "host_unit": "单位", "founded_on": "2020-01-01"})
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show_read_only("台账是只读的（“/x”不能写入），只能查看和打印，不能修改。")
    banner = win.findChild(QLabel, "read_only_banner")
    assert banner is not None and banner.text().startswith("台账是只读的")
    assert "只读" in win.windowTitle() or "read-only" in win.windowTitle()
    win.close()
    assert backup.list_backups(ctx.paths) == []


LEAVE_JOURNAL = """
import os, sys
from pathlib import Path
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
open_ledger(LedgerPaths(Path(sys.argv[1])))
R.create("studio", None, {"name": "乙工作室", "host_unit": "x", "founded_on": "2020-01-01"})
os._exit(0)
"""


def test_a_strangers_journal_is_set_aside_and_the_window_says_so(tmp_path, qapp, qtbot, quiet):
    import shutil

    from laomo_desktop.ui.context import AppContext
    from laomo_desktop.ui.window.mainwindow import MainWindow

    mine, _ = _ledger(tmp_path)
    other = tmp_path / "other"
    subprocess.run([sys.executable, "-c", LEAVE_JOURNAL, str(other)], check=True, timeout=60)
    shutil.copy(other / "ledger.sqlite3-wal", mine.root / "ledger.sqlite3-wal")
    assert gui_app.open_or_recover(mine) is True
    try:
        from PySide6.QtCore import QSettings

        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        win = MainWindow(AppContext(mine, settings))
        qtbot.addWidget(win)
        gui_app.tell_how_it_opened(win)
        assert [s["name"] for s in R.list_records("studio")] == ["甲工作室"]
    finally:
        D.close_ledger()
    assert len(quiet) == 1 and "不属于本台账" in quiet[0] and "aside" in quiet[0]


def test_a_start_waits_for_a_command_that_holds_the_ledger_briefly(tmp_path, qapp):
    import threading

    from laomo_desktop.ui.system.single import SingleInstance

    paths, _ = _ledger(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.root)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        threading.Timer(0.5, proc.stdin.close).start()  # the command ends half a second later
        inst = SingleInstance(paths)
        assert inst.acquire() is True and inst.busy_holder is None
        inst.release()
    finally:
        proc.kill()
        proc.wait(timeout=60)
