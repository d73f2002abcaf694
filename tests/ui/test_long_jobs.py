"""Backup, restore, the check and the paste of many rows run as jobs in the GUI (tasks.start_job):
a progress dialog whose Cancel leaves the ledger and the backups as they were, outcomes handled
on the GUI thread, no nested event loop."""

from __future__ import annotations

import threading

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QPushButton

from laomo_desktop.ledger import paste as P
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs import check as checkdialog
from laomo_desktop.ui.dialogs import menus as dialogs
from laomo_desktop.ui.dialogs.paste import PasteDialog
from laomo_desktop.ui.pages import tableclip
from laomo_desktop.ui.pages.sections import SECTIONS


@pytest.fixture
def app_ctx(ledger, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(backup, "PAGES", 2)
    s = R.create("studio", None, {"name": "测试工作室", "host_unit": "某单位",
                                  "founded_on": "2020-01-01"})
    for i in range(40):
        R.create("member", s["uid"], {"name": f"成员{i}", "role": "member",
                                      "specialty": "钳工" * 30})
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(ledger, settings)


@pytest.fixture
def boxes(monkeypatch):
    seen: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *call: seen.append(call),
                               lambda kind: QMessageBox.StandardButton.Yes)
    return seen


def gate(monkeypatch, owner, name: str, when=lambda *a, **k: True) -> threading.Event:
    """Make the job `owner.name(...)` wait after its first step until the test opens the gate
    (so the test can press Cancel while it runs)."""
    opened = threading.Event()
    real = getattr(owner, name)

    def gated(*args, **kwargs):
        inner = real(*args, **kwargs)
        if not when(*args, **kwargs):
            return (yield from inner)
        try:
            yield next(inner)
            opened.wait(10)
            return (yield from inner)
        finally:
            inner.close()

    monkeypatch.setattr(owner, name, gated)
    return opened


def press_cancel(qtbot, opened: threading.Event) -> None:
    """The user presses the progress dialog's Cancel button; then the job goes on."""
    def dialog():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5000)
    qtbot.mouseClick(dialog().findChild(QPushButton), Qt.MouseButton.LeftButton)
    opened.set()


def ended(qtbot, got: list) -> object:
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return got[0]


def _names() -> list[str]:
    return sorted(s["name"] for s in R.list_records("studio"))


def test_cancelling_a_backup_leaves_no_file(app_ctx, boxes, qtbot, monkeypatch):
    opened = gate(monkeypatch, backup, "copy_steps")
    got: list = []
    dialogs.backup_now(app_ctx, None, got.append)
    press_cancel(qtbot, opened)
    assert ended(qtbot, got) is None
    assert list(app_ctx.paths.backups.iterdir()) == [] and boxes == []


def test_a_failed_backup_is_said_and_leaves_no_file(app_ctx, boxes, qtbot, monkeypatch):
    def fail(*_a, **_k):
        yield backup.Progress(1, 9, "")
        raise backup.sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup, "copy_steps", fail)
    got: list = []
    dialogs.backup_now(app_ctx, None, got.append)
    assert ended(qtbot, got) is None
    assert [b[0] for b in boxes] == ["warning"] and "备份失败" in boxes[0][2]
    assert list(app_ctx.paths.backups.iterdir()) == []


def test_cancelling_a_restore_leaves_the_ledger(app_ctx, boxes, qtbot, monkeypatch):
    kept = backup.take_backup(app_ctx.paths, "manual")
    R.create("studio", None, {"name": "后来新建的", "host_unit": "某单位",
                              "founded_on": "2021-01-01"})
    files = sorted(app_ctx.paths.backups.iterdir())
    opened = gate(monkeypatch, backup, "copy_steps",
                  lambda _src, _target, text: text is backup.RESTORING)
    monkeypatch.setattr(dialogs.RestoreDialog, "exec", lambda dlg: QDialog.DialogCode.Accepted)
    changed: list = []
    app_ctx.ledger_changed.connect(lambda: changed.append(1))
    got: list = []
    dialogs.restore_from_backup(app_ctx, None, got.append)
    press_cancel(qtbot, opened)
    assert ended(qtbot, got) is False
    assert _names() == ["后来新建的", "测试工作室"]
    assert sorted(app_ctx.paths.backups.iterdir()) == files
    assert [b[0] for b in boxes] == ["question"] and changed == []
    assert kept.path.is_file()


def test_the_check_shows_progress_and_cancel_shows_no_report(app_ctx, qtbot, monkeypatch):
    from laomo_desktop.ledger import check

    reports: list = []
    monkeypatch.setattr(checkdialog.CheckReportDialog, "exec", lambda dlg: reports.append(dlg))
    opened = gate(monkeypatch, checkdialog, "check_steps")
    checkdialog.check_ledger_dialog(app_ctx, None)
    labels: list[str] = []
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    [dlg] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QProgressDialog) and w.isVisible()]
    labels.append(dlg.labelText())
    assert str(check.FILE_CHECK) in labels[0] and dlg.maximum() == 4
    press_cancel(qtbot, opened)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    qtbot.wait(50)
    assert reports == []


def test_cancelling_a_paste_adds_no_row(ctx, open_window, tmp_path, qtbot, monkeypatch):
    from sample_ledger import build

    u = build(ctx.paths, tmp_path)
    win = open_window(u["A"], 0)
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("rule"))
    page = win.pages["rule"]
    monkeypatch.setattr(P, "BATCH", 5)
    monkeypatch.setattr(PasteDialog, "exec", lambda dlg: 1)
    opened = gate(monkeypatch, P, "add_steps")
    before = (len(R.list_records("rule", u["A"])), ctx.undo_stack.count())
    QApplication.clipboard().setText(
        "制度名称\t制度类别\r\n" + "".join(f"制度{i}\t管理\r\n" for i in range(30)))
    tableclip.paste_rows(page)
    press_cancel(qtbot, opened)
    qtbot.waitUntil(lambda: not any(isinstance(w, QProgressDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=5000)
    qtbot.wait(50)
    assert (len(R.list_records("rule", u["A"])), ctx.undo_stack.count()) == before


def test_no_nested_event_loop_in_the_gui():
    """What follows a long job is its callback: no QEventLoop is made anywhere in ui/ but the
    driver itself (ui/system/tasks.py)."""
    from pathlib import Path

    import laomo_desktop.ui as ui

    root = Path(ui.__file__).parent
    found = [str(p.relative_to(root)) for p in sorted(root.rglob("*.py"))
             if "QEventLoop" in p.read_text(encoding="utf-8")
             and p.relative_to(root).as_posix() != "system/tasks.py"]
    assert found == []


def test_restoring_over_a_damaged_ledger_runs_off_the_gui_thread(app_ctx, boxes, qtbot,
                                                                 monkeypatch):
    """The backup is put over the damaged ledger on a worker: a timer on the GUI thread fires
    while it runs (the window keeps painting)."""
    from PySide6.QtCore import QTimer

    from laomo_desktop.store.health import LedgerProblem

    kept = backup.take_backup(app_ctx.paths, "manual")
    fired, threads = threading.Event(), []
    real = backup.restore_over

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        assert fired.wait(5), "the GUI thread did not run while the backup was put in place"
        return real(*args, **kwargs)

    def damaged(*_a, **_k):
        raise LedgerProblem("damaged", "已损坏")
        yield  # a job

    monkeypatch.setattr(backup, "restore_over", watched)
    monkeypatch.setattr(backup, "restore_backup_steps", damaged)
    monkeypatch.setattr(dialogs.RestoreDialog, "exec", lambda dlg: QDialog.DialogCode.Accepted)
    timer = QTimer()
    timer.timeout.connect(fired.set)
    timer.start(20)
    got: list = []
    dialogs.restore_from_backup(app_ctx, None, got.append)
    assert ended(qtbot, got) is True
    assert threads and threads[0] is not threading.main_thread()
    assert kept.path.is_file() and _names() == ["测试工作室"]
