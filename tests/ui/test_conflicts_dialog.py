"""The conflicts dialog at the union office: opened from the overview's conflict count, it lists
the open conflicts with the fields that differ and resolves them either way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from laomo_desktop.exchange import conflicts, export, importer
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database
from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.conflicts import ConflictsDialog
from laomo_desktop.ui.pages.union import UnionPage
from sample_ledger import build


@pytest.fixture
def office(tmp_path, qapp):
    """A union office ledger holding two conflicts from studio A's second package: a rule and
    an activity changed at the office behind the importer's back (same versions)."""
    i18n.install(qapp, "zh_CN")
    studio = open_ledger(LedgerPaths(tmp_path / "studio"))
    uids = build(studio, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = export.export_studio(studio, uids["A"], usb).path
    close_ledger()
    paths = open_ledger(LedgerPaths(tmp_path / "office"))
    importer.apply(paths, first, trust_new_key=True)
    database.execute_sql("UPDATE rule SET title = '办公室改的' WHERE uid = ?", (uids["rule1"],))
    database.execute_sql("UPDATE activity SET topic = '办公室改的主题' WHERE uid = ?",
                         (uids["t1"],))
    database.execute_sql("DELETE FROM activity_attendee WHERE parent_id = "
                         "(SELECT id FROM activity WHERE uid = ?) AND member_id = "
                         "(SELECT id FROM member WHERE uid = ?)", (uids["t1"], uids["liuyang"]))
    close_ledger()
    open_ledger(studio)
    second = export.export_studio(studio, uids["A"], usb).path
    close_ledger()
    open_ledger(paths)
    assert importer.apply(paths, second).preview.total("conflicting") == 2
    settings = QSettings(str(tmp_path / "office.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    yield AppContext(paths, settings), uids
    close_ledger()


@pytest.fixture
def asked(monkeypatch):
    """QMessageBox stand-ins: `answer` is what the user says to a question; calls are kept."""

    class Boxes:
        answer = QMessageBox.StandardButton.No
        calls: list[tuple[str, str]] = []

    def question(parent, title, text, *args, **kwargs):
        Boxes.calls.append(("question", text))
        return Boxes.answer

    def warning(parent, title, text, *args, **kwargs):
        Boxes.calls.append(("warning", text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    Boxes.calls = []
    return Boxes


def rows_of(dlg: ConflictsDialog) -> list[list[str]]:
    return [[dlg.list.topLevelItem(r).text(c) for c in range(3)]
            for r in range(dlg.list.topLevelItemCount())]


def fields_of(dlg: ConflictsDialog) -> list[tuple[str, ...]]:
    t = dlg.fields
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_the_union_page_opens_the_conflicts_and_resolving_updates_it(office, qtbot, asked,
                                                                    monkeypatch):
    ctx, uids = office
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.conflicts.text() == "待核对的冲突：2" and page.conflicts.isEnabled()
    backups = len(list(ctx.paths.backups.iterdir()))
    seen: dict = {}

    def run(dlg: ConflictsDialog) -> int:
        assert rows_of(dlg) == [["李明劳模创新工作室", "制度", "办公室改的"],
                                ["李明劳模创新工作室", "活动", "办公室改的主题"]]
        assert dlg.list.topLevelItem(0).text(3).startswith("第 2 号")
        header = [dlg.fields.horizontalHeaderItem(c).text() for c in range(3)]
        assert header == ["字段", "本地", "数据包"]
        assert fields_of(dlg) == [("制度名称", "办公室改的", "工作室学习培训制度")]
        dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
        assert "活动“办公室改的主题”" in dlg.record.text()
        assert fields_of(dlg) == [("主题", "办公室改的主题", "带电作业培训"),
                                  ("参加成员", "1. 王芳\n2. 张伟", "1. 王芳\n2. 张伟\n3. 刘洋")]

        asked.answer = QMessageBox.StandardButton.No  # asked first; "no" changes nothing
        dlg.take_button.click()
        assert asked.calls == [("question", asked.calls[0][1])]
        assert "活动“办公室改的主题”" in asked.calls[0][1]
        assert R.get("activity", uids["t1"])["topic"] == "办公室改的主题"
        assert len(rows_of(dlg)) == 2

        asked.answer = QMessageBox.StandardButton.Yes
        with qtbot.waitSignal(dlg.ended, timeout=10000):  # a job: the backup, then the write
            dlg.take_button.click()
        act = R.get("activity", uids["t1"])
        assert act["topic"] == "带电作业培训"
        assert [a["member"] for a in act["attendees"]] == [
            uids["wangfang"], uids["zhangwei"], uids["liuyang"]]
        assert "采用" in dlg.status.text()
        assert rows_of(dlg) == [["李明劳模创新工作室", "制度", "办公室改的"]]
        seen["count_after_one"] = page.conflicts.text()

        with qtbot.waitSignal(dlg.ended, timeout=10000):
            dlg.keep_button.click()  # keeping the ledger's copy needs no confirmation
        assert len(asked.calls) == 2
        assert R.get("rule", uids["rule1"])["title"] == "办公室改的"
        assert rows_of(dlg) == [] and dlg.empty.isVisibleTo(dlg)
        assert not dlg.keep_button.isEnabled() and not dlg.take_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConflictsDialog, "exec", run)
    page.conflicts.click()
    assert seen["count_after_one"] == "待核对的冲突：1"
    assert page.conflicts.text() == "待核对的冲突：0" and not page.conflicts.isEnabled()
    assert len(list(ctx.paths.backups.iterdir())) == backups + 1  # before "take", not "keep"
    assert conflicts.list_conflicts() == []


def test_a_conflict_resolved_meanwhile_is_refused_with_the_reason(office, qtbot, asked):
    ctx, uids = office
    dlg = ConflictsDialog(ctx)
    qtbot.addWidget(dlg)
    first = conflicts.list_conflicts()[0]
    conflicts.resolve(ctx.paths, first["id"], "local")  # e.g. from the command line
    assert len(rows_of(dlg)) == 2
    with qtbot.waitSignal(dlg.ended, timeout=10000):
        assert dlg.keep_local()
    assert asked.calls[-1][0] == "warning" and "处理过" in asked.calls[-1][1]
    assert rows_of(dlg) == [["李明劳模创新工作室", "活动", "办公室改的主题"]]


def test_a_resolution_shows_its_steps_and_a_failed_write_leaves_the_data(office, qtbot, asked,
                                                                        monkeypatch):
    """Taking the package's copy is a job: the backup, then the write, in a progress dialog;
    when the write fails half-way, the record and the conflict are as they were."""
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog

    from laomo_desktop.errors import LaomoError

    ctx, uids = office
    gate = threading.Event()
    real_backup, real_overwrite = conflicts.backup.take_backup, importer.overwrite_record

    def slow_backup(*args, **kwargs):
        gate.wait(10)  # until the test has seen the progress dialog
        return real_backup(*args, **kwargs)

    def half_then_fail(kind_name, rec):
        real_overwrite(kind_name, rec)  # the record is written…
        raise LaomoError("磁盘已满")  # …then the write fails

    monkeypatch.setattr(conflicts.backup, "take_backup", slow_backup)
    monkeypatch.setattr(importer, "overwrite_record", half_then_fail)
    dlg = ConflictsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.list.setCurrentItem(dlg.list.topLevelItem(1))
    asked.answer = QMessageBox.StandardButton.Yes
    audit_before = database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]

    def progress():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()]
        return shown[0] if shown else None

    with qtbot.waitSignal(dlg.ended, timeout=10000):
        dlg.take_button.click()
        qtbot.waitUntil(lambda: progress() is not None, timeout=5000)
        assert progress().labelText() == str(importer.STEP_BACKUP)
        assert progress().maximum() == 2
        gate.set()
    assert asked.calls[-1][0] == "warning" and "磁盘已满" in asked.calls[-1][1]
    assert R.get("activity", uids["t1"])["topic"] == "办公室改的主题"
    assert len(R.get("activity", uids["t1"])["attendees"]) == 2
    assert len(conflicts.list_conflicts()) == 2 and len(rows_of(dlg)) == 2
    assert database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0] == audit_before
