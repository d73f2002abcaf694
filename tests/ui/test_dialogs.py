from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

import laomo_desktop
from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, blobs
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs import check as checkdialog
from laomo_desktop.ui.dialogs import menus as dialogs
from laomo_desktop.ui.system import crash
from laomo_desktop.ui.system.single import SingleInstance

NOW = datetime(2026, 3, 5, 6, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def chinese():
    fmt.set_language("zh_CN")
    yield
    fmt.set_language("zh_CN")


@pytest.fixture
def app_ctx(ledger, tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(ledger, settings)


@pytest.fixture
def boxes(monkeypatch):
    """Records every static QMessageBox call; `question` answers with `boxes.answer`."""

    class Boxes:
        answer = QMessageBox.StandardButton.Yes
        calls: list[tuple[str, str, str]] = []

    calls = Boxes.calls = []
    stand_in_for_message_boxes(
        monkeypatch, lambda *call: calls.append(call),
        lambda kind: Boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok)
    return Boxes


def _studio(name="测试工作室"):
    return R.create("studio", None, {"name": name, "host_unit": "某单位",
                                     "founded_on": "2020-01-01"})


def _names():
    return sorted(s["name"] for s in R.list_records("studio"))


def ended(qtbot, start) -> object:
    """What a long job's `then` got once the job has ended (start_job: callbacks on the GUI
    thread, no nested event loop)."""
    got: list = []
    start(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return got[0]


def _rows(tree: QTreeWidget) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


# -- backup now -------------------------------------------------------------------------------
def test_backup_now_makes_a_backup_and_names_it(app_ctx, boxes, qtbot):
    _studio()
    info = ended(qtbot, lambda then: dialogs.backup_now(app_ctx, None, then))
    assert info is not None and info.path.is_file()
    assert [b.path for b in backup.list_backups(app_ctx.paths)] == [info.path]
    kind, _title, text = boxes.calls[-1]
    assert kind == "information" and info.path.name in text and "KB" in text


def test_backup_now_says_why_it_failed(app_ctx, boxes, qtbot):
    app_ctx.paths.backups.rmdir()
    app_ctx.paths.backups.write_text("a file where the backups folder should be")
    assert ended(qtbot, lambda then: dialogs.backup_now(app_ctx, None, then)) is None
    kind, _title, text = boxes.calls[-1]
    assert kind == "warning" and "备份失败" in text


# -- restore ----------------------------------------------------------------------------------
def test_restore_dialog_lists_backups_newest_first(ledger, qtbot):
    _studio()
    oldest = backup.take_backup(ledger, "manual", now=NOW - timedelta(days=3))
    newest = backup.take_backup(ledger, "pre-import", now=NOW)
    middle = backup.take_backup(ledger, "auto", now=NOW - timedelta(hours=5))
    dlg = dialogs.RestoreDialog([oldest, newest, middle], ledger.backups)
    qtbot.addWidget(dlg)
    tree = dlg.findChild(QTreeWidget, "backup_list")
    rows = _rows(tree)
    assert [r[2] for r in rows] == ["导入前备份", "自动备份", "手动备份"]
    assert rows[0][0] == dialogs.when_text(NOW)
    assert all(re.fullmatch(r"[\d,]+ KB", r[1]) for r in rows)
    # the newest is chosen already; another row can be chosen
    assert dlg.selected_path() == newest.path
    tree.setCurrentItem(tree.topLevelItem(2))
    assert dlg.selected_path() == oldest.path
    assert dlg.findChild(QPushButton, "restore_button").isEnabled()
    # in English the kinds are English too
    fmt.set_language("en")
    english = dialogs.RestoreDialog([oldest], ledger.backups)
    qtbot.addWidget(english)
    assert _rows(english.findChild(QTreeWidget, "backup_list"))[0][2] == "Manual backup"


def test_restore_dialog_without_backups_offers_another_file(ledger, qtbot):
    dlg = dialogs.RestoreDialog([], ledger.backups)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.findChild(QLabel, "no_backups").isVisible()
    assert not dlg.findChild(QPushButton, "restore_button").isEnabled()
    assert dlg.findChild(QPushButton, "other_file").isEnabled()
    assert dlg.selected_path() is None


def test_restoring_brings_back_the_old_content(app_ctx, boxes, monkeypatch, qtbot):
    s = _studio()
    kept = backup.take_backup(app_ctx.paths, "manual", now=NOW - timedelta(days=1))
    backup.take_backup(app_ctx.paths, "auto", now=NOW - timedelta(hours=1))
    R.update("studio", s["uid"], {"name": "改过名字的工作室"})
    _studio("后来新建的")
    app_ctx.undo_stack.push(QUndoCommand("something to undo"))
    opened = []

    def choose_kept(dlg):
        opened.append(dlg)
        tree = dlg.findChild(QTreeWidget, "backup_list")
        for i in range(tree.topLevelItemCount()):
            if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).path == kept.path:
                tree.setCurrentItem(tree.topLevelItem(i))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.RestoreDialog, "exec", choose_kept)
    with qtbot.waitSignal(app_ctx.ledger_changed, timeout=5000):
        assert ended(qtbot, lambda then: dialogs.restore_from_backup(app_ctx, None, then))
    assert len(opened) == 1
    assert _names() == ["测试工作室"]
    assert app_ctx.undo_stack.count() == 0
    # the state before the restore is kept as a backup, and the user is told its name
    pre = [b for b in backup.list_backups(app_ctx.paths) if b.reason == "pre-restore"]
    assert len(pre) == 1
    con = sqlite3.connect(pre[0].path)
    assert sorted(r[0] for r in con.execute("SELECT name FROM studio")) == [
        "后来新建的", "改过名字的工作室"]
    con.close()
    kinds = [c[0] for c in boxes.calls]
    assert kinds == ["question", "information"]
    assert dialogs.when_text(kept.created) in boxes.calls[0][2]
    assert pre[0].path.name in boxes.calls[1][2]
    # the restored ledger takes changes as before
    R.update("studio", s["uid"], {"industry": "电力"})
    assert R.get("studio", s["uid"])["industry"] == "电力"


def test_saying_no_to_the_confirmation_changes_nothing(app_ctx, boxes, monkeypatch, qtbot):
    _studio()
    backup.take_backup(app_ctx.paths, "manual")
    _studio("后来新建的")
    boxes.answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(dialogs.RestoreDialog, "exec", lambda dlg: QDialog.DialogCode.Accepted)
    assert ended(qtbot, lambda then: dialogs.restore_from_backup(app_ctx, None, then)) is False
    assert _names() == ["后来新建的", "测试工作室"]
    assert [b.reason for b in backup.list_backups(app_ctx.paths)] == ["manual"]


def test_restoring_a_corrupt_file_warns_and_changes_nothing(app_ctx, boxes, monkeypatch,
                                                            tmp_path, qtbot):
    _studio()
    good = backup.take_backup(app_ctx.paths, "manual")
    _studio("后来新建的")
    bad = tmp_path / "broken.sqlite3"
    data = bytearray(good.path.read_bytes())
    data[4096:8192] = b"\x00" * 4096
    bad.write_bytes(bytes(data[:6000]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))

    def other_file(dlg):
        dlg.findChild(QPushButton, "other_file").click()
        return dlg.result()

    monkeypatch.setattr(dialogs.RestoreDialog, "exec", other_file)
    changed = []
    app_ctx.ledger_changed.connect(lambda: changed.append(1))
    assert ended(qtbot, lambda then: dialogs.restore_from_backup(app_ctx, None, then)) is False
    assert [c[0] for c in boxes.calls] == ["warning"]
    assert re.search("损坏|不完整|不是有效", boxes.calls[0][2])
    assert _names() == ["后来新建的", "测试工作室"]
    assert [b.reason for b in backup.list_backups(app_ctx.paths)] == ["manual"]
    assert changed == []


# -- check ------------------------------------------------------------------------------------
@pytest.fixture
def reports(monkeypatch):
    shown: list[checkdialog.CheckReportDialog] = []

    def record(dlg):
        shown.append(dlg)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(checkdialog.CheckReportDialog, "exec", record)
    monkeypatch.setattr(checkdialog.CheckReportDialog, "deleteLater", lambda dlg: None)
    return shown


def test_check_report_passes_a_sound_ledger(app_ctx, reports, qtbot):
    checkdialog.check_ledger_dialog(app_ctx, None)
    qtbot.waitUntil(lambda: bool(reports), timeout=10000)
    assert len(reports) == 1
    qtbot.addWidget(reports[0])
    text = reports[0].findChild(QPlainTextEdit, "check_report").toPlainText()
    assert checkdialog.passed_text() in text
    assert str(app_ctx.paths.root) in text
    assert "✗" not in text and "!" not in text
    assert reports[0].findChild(QPlainTextEdit, "check_report").isReadOnly()


def test_check_report_names_a_tampered_attachment_first(app_ctx, reports, qtbot, tmp_path):
    s = _studio()
    f = tmp_path / "证书.txt"
    f.write_text("一等奖证书扫描件", encoding="utf-8")
    att = attachments.attach(app_ctx.paths, "studio", s["uid"], f)
    blob = blobs.blob_path(app_ctx.paths, att["sha256"])
    blob.chmod(0o644)
    blob.write_text("被改过的内容", encoding="utf-8")
    checkdialog.check_ledger_dialog(app_ctx, None)
    qtbot.waitUntil(lambda: bool(reports), timeout=10000)
    dlg = reports[0]
    qtbot.addWidget(dlg)
    text = dlg.findChild(QPlainTextEdit, "check_report").toPlainText()
    assert "附件“证书.txt”的文件内容已损坏" in text
    assert checkdialog.passed_text() not in text
    # the damage comes before the warning that the studio has no leader
    assert text.index("证书.txt") < text.index("没有登记领衔人")
    assert "1" in dlg.findChild(QLabel, "check_summary").text()
    dlg.findChild(QPushButton, "copy_report").click()
    assert QGuiApplication.clipboard().text() == text


# -- settings ---------------------------------------------------------------------------------
def test_settings_dialog_saves_the_language_and_backup_policy(app_ctx, monkeypatch, qtbot):
    assert app_ctx.settings.value("language", "zh_CN") == "zh_CN"

    def choose_english(dlg):
        qtbot.addWidget(dlg)
        combo = dlg.findChild(QComboBox, "language")
        assert combo.currentData() == "zh_CN"  # the default
        combo.setCurrentIndex(combo.findData("en"))
        box = dlg.findChild(QCheckBox, "backup_on_close")
        assert box.isChecked()
        box.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.SettingsDialog, "exec", choose_english)
    assert dialogs.settings_dialog(app_ctx, None) is True
    again = QSettings(app_ctx.settings.fileName(), QSettings.Format.IniFormat)
    assert again.value("language") == "en"
    assert again.value("backup/on_close", True, type=bool) is False

    # opened again it shows what was saved; OK without a change is no language change
    def keep(dlg):
        qtbot.addWidget(dlg)
        assert dlg.findChild(QComboBox, "language").currentData() == "en"
        assert not dlg.findChild(QCheckBox, "backup_on_close").isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.SettingsDialog, "exec", keep)
    assert dialogs.settings_dialog(app_ctx, None) is False


def test_cancelled_settings_are_not_saved(app_ctx, monkeypatch, qtbot):
    def cancel(dlg):
        qtbot.addWidget(dlg)
        combo = dlg.findChild(QComboBox, "language")
        combo.setCurrentIndex(combo.findData("en"))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs.SettingsDialog, "exec", cancel)
    assert dialogs.settings_dialog(app_ctx, None) is False
    assert app_ctx.settings.value("language") is None


def test_about_names_the_program_version_and_data_folder(app_ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    dialogs.about_dialog(app_ctx, None)
    assert "劳模创新工作室台账" in shown[0] and "Laomo Desktop" in shown[0]
    assert laomo_desktop.__version__ in shown[0]
    assert str(app_ctx.paths.root) in shown[0]
    assert "PySide6" in shown[0]


# -- single instance --------------------------------------------------------------------------
def test_a_second_start_on_the_same_ledger_brings_the_first_to_the_front(tmp_path, qtbot):
    paths = LedgerPaths(tmp_path / "data")
    first = SingleInstance(paths)
    assert first.acquire() is True
    try:
        second = SingleInstance(paths)
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.acquire() is False
        # another ledger is another program
        other = SingleInstance(LedgerPaths(tmp_path / "other"))
        assert other.acquire() is True
        other.release()
    finally:
        first.release()
    third = SingleInstance(paths)
    assert third.acquire() is True
    third.release()


LOCKER = """
import os, signal, sys
from pathlib import Path
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import lock
assert lock.try_acquire(LedgerPaths(Path(sys.argv[1]).parent), lock.GUI)
print("locked", flush=True)
if sys.argv[2] == "crash":
    os.kill(os.getpid(), signal.SIGKILL)
sys.stdin.read()
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_crash_is_taken_over(tmp_path):
    paths = LedgerPaths(tmp_path / "data")
    paths.root.mkdir(parents=True)
    lock = paths.root / "ledger.lock"
    done = subprocess.run([sys.executable, "-c", LOCKER, str(lock), "crash"],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "locked" and done.returncode == -signal.SIGKILL
    assert lock.exists()
    inst = SingleInstance(paths)
    assert inst.acquire() is True
    inst.release()


def test_a_running_owner_that_does_not_answer_keeps_the_ledger(tmp_path):
    paths = LedgerPaths(tmp_path / "data")
    paths.root.mkdir(parents=True)
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(paths.root / "ledger.lock"),
                             "hang"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        inst = SingleInstance(paths, timeout_ms=300)
        assert inst.acquire() is False
    finally:
        proc.kill()
        proc.wait(timeout=60)


# -- unexpected errors ------------------------------------------------------------------------
def test_an_unexpected_error_is_logged_and_explained(tmp_path, monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    paths = LedgerPaths(tmp_path / "data")
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    try:
        crash.install_excepthook(crash.log_dir_for(paths), lambda: None)
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
        logs = list((paths.root / "logs").iterdir())
        assert len(logs) == 1
        assert re.fullmatch(r"laomo-error-\d{8}-\d{6}\.log", logs[0].name)
        text = logs[0].read_text(encoding="utf-8")
        assert "ZeroDivisionError" in text and laomo_desktop.__version__ in text
        assert "PySide6" in text and "Platform" in text
        assert len(shown) == 1 and str(logs[0]) in shown[0]

        # an error in another thread is logged too, and shown on the GUI thread
        def boom():
            raise ValueError("in a worker")

        t = threading.Thread(target=boom)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
        [second] = set((paths.root / "logs").iterdir()) - {logs[0]}
        assert str(second) in shown[1]
        assert "in a worker" in second.read_text(encoding="utf-8")

        # Ctrl+C is not an error to report
        passed = []
        monkeypatch.setattr(sys, "__excepthook__", lambda *a: passed.append(a[0]))
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        assert passed == [KeyboardInterrupt] and len(shown) == 2
    finally:
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook


def test_restoring_over_a_damaged_ledger_keeps_the_damaged_file(app_ctx, boxes, monkeypatch,
                                                                 qtbot):
    from laomo_desktop.store.database import close_ledger, open_ledger

    s = _studio()
    for i in range(300):
        R.create("member", s["uid"], {"name": f"成员{i}", "role": "member",
                                      "specialty": "钳工" * 30})
    kept = backup.take_backup(app_ctx.paths, "manual")
    close_ledger()
    db = app_ctx.paths.db
    size = int.from_bytes(db.read_bytes()[16:18], "big")
    with open(db, "r+b") as f:  # a page of the members lost while the program was closed
        f.seek(5 * size)
        f.write(b"\0" * size)
    damaged = db.read_bytes()
    open_ledger(app_ctx.paths)  # it opens: only reading every page would show the damage
    monkeypatch.setattr(dialogs.RestoreDialog, "exec", lambda dlg: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(app_ctx.ledger_changed, timeout=5000):
        assert ended(qtbot, lambda then: dialogs.restore_from_backup(app_ctx, None, then))
    assert _names() == ["测试工作室"] and len(R.list_records("member")) == 300
    aside = list((app_ctx.paths.root / "aside").glob("ledger.sqlite3.*"))
    assert [p.read_bytes() for p in aside] == [damaged]
    assert [c[0] for c in boxes.calls] == ["question", "information"]
    assert str(aside[0]) in boxes.calls[1][2]
    assert kept.path.exists()
