"""Esc, 取消 or the window's × on a form with changes asks before throwing them away; a form
without changes closes at once (issue 11 §1: changes were thrown away without a word)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
from laomo_desktop.ui.dialogs.menus import SettingsDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.dialogs.yearstart import YearStartDialog

QUESTION = "放弃所做的修改？"
DISCARD, KEEP = "放弃修改", "继续编辑"


class Asked:
    """Stands in for the user at the question: records it and clicks `answer`."""

    def __init__(self):
        self.answer = KEEP
        self.seen: list[dict] = []

    def exec(self, box: QMessageBox) -> int:
        buttons = {b.text(): b for b in box.buttons()}
        self.seen.append({"text": box.text(), "buttons": sorted(buttons),
                          "default": box.defaultButton().text(),
                          "escape": box.escapeButton().text()})
        buttons[self.answer].click()
        return 0


@pytest.fixture
def asked(monkeypatch) -> Asked:
    a = Asked()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: a.exec(box))
    return a


@pytest.fixture
def studio():
    return R.create("studio", None, {"name": "测试工作室", "host_unit": "某厂",
                                     "founded_on": "2020-01-01"})


def show(qtbot, dlg: QDialog) -> QDialog:
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def record_form(ctx, qtbot, kind: str, studio_uid: str, record: dict | None = None):
    saved: list[dict] = []
    dlg = RecordDialog(ctx.paths, kind, studio_uid, record,
                       lambda values: saved.append(values) or values)
    return show(qtbot, dlg), saved


def cancel_button(dlg: QDialog):
    box = dlg.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Cancel)


def test_esc_on_a_changed_form_asks_and_keeping_on_editing_keeps_everything(
        ctx, qtbot, studio, asked):
    dlg, saved = record_form(ctx, qtbot, "equipment", studio["uid"])
    name = dlg.editors["name"].widget
    name.setFocus()
    QTest.keyClicks(name, "Lathe")
    QTest.keyClick(name, Qt.Key.Key_Escape)
    assert asked.seen == [{"text": QUESTION, "buttons": sorted([DISCARD, KEEP]),
                           "default": KEEP, "escape": KEEP}]
    assert dlg.isVisible() and name.text() == "Lathe"
    asked.answer = DISCARD
    QTest.keyClick(name, Qt.Key.Key_Escape)
    assert len(asked.seen) == 2
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Rejected
    assert not saved


def test_the_cancel_button_and_the_windows_close_button_ask_too(ctx, qtbot, studio, asked):
    dlg, saved = record_form(ctx, qtbot, "equipment", studio["uid"])
    QTest.keyClicks(dlg.editors["name"].widget, "Lathe")
    QTest.mouseClick(cancel_button(dlg), Qt.MouseButton.LeftButton)
    assert len(asked.seen) == 1 and dlg.isVisible()
    dlg.close()  # the window's ×
    assert len(asked.seen) == 2 and dlg.isVisible()
    asked.answer = DISCARD
    dlg.close()
    assert len(asked.seen) == 3 and not dlg.isVisible() and not saved


def test_a_form_without_changes_closes_at_once(ctx, qtbot, studio, asked):
    dlg, _ = record_form(ctx, qtbot, "equipment", studio["uid"])
    QTest.keyClick(dlg.editors["name"].widget, Qt.Key.Key_Escape)
    assert not asked.seen and not dlg.isVisible()


def test_typing_then_deleting_back_to_the_original_is_no_change(ctx, qtbot, studio, asked):
    record = R.create("equipment", studio["uid"], {"name": "车床", "acquired_on": "2024-05-01"})
    dlg, _ = record_form(ctx, qtbot, "equipment", studio["uid"], R.get("equipment",
                                                                         record["uid"]))
    name = dlg.editors["name"].widget
    name.setFocus()
    QTest.keyClick(name, Qt.Key.Key_End)
    QTest.keyClicks(name, "abc")
    for _ in range(3):
        QTest.keyClick(name, Qt.Key.Key_Backspace)
    date = dlg.editors["acquired_on"].line
    date.setFocus()
    QTest.keyClick(date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(date, "2024/5/1")  # the same day, typed another way
    QTest.mouseClick(cancel_button(dlg), Qt.MouseButton.LeftButton)
    assert not asked.seen and not dlg.isVisible()


def test_a_row_added_to_a_child_list_is_a_change(ctx, qtbot, studio, asked):
    dlg, _ = record_form(ctx, qtbot, "studio", studio["uid"], R.get("studio", studio["uid"]))
    leaders = dlg.editors["leaders"]
    QTest.mouseClick(next(b for b in leaders.findChildren(type(cancel_button(dlg)))
                          if b.text() == "添加一行"), Qt.MouseButton.LeftButton)
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert len(asked.seen) == 1 and dlg.isVisible()


def test_the_other_forms_ask_as_well(ctx, qtbot, studio, asked):
    member = R.create("member", studio["uid"], {"name": "王五", "role": "core"})
    leader = show(qtbot, ChangeLeaderDialog(studio["uid"], None, lambda m, s: []))
    leader.member.setFocus()
    QTest.keyClick(leader.member, Qt.Key.Key_Down)
    assert leader.member.currentData() == member["uid"]
    QTest.keyClick(leader.member, Qt.Key.Key_Escape)
    assert len(asked.seen) == 1 and leader.isVisible()

    year = show(qtbot, YearStartDialog(1, 2025, None))
    year.month_box.setFocus()
    QTest.keyClick(year.month_box, Qt.Key.Key_Down)
    QTest.mouseClick(cancel_button(year), Qt.MouseButton.LeftButton)
    assert len(asked.seen) == 2 and year.isVisible()
    QTest.keyClick(year.month_box, Qt.Key.Key_Up)  # back to January: nothing changed
    QTest.mouseClick(cancel_button(year), Qt.MouseButton.LeftButton)
    assert len(asked.seen) == 2 and not year.isVisible()

    settings = show(qtbot, SettingsDialog(QSettings(str(ctx.paths.root / "s.ini"),
                                                    QSettings.Format.IniFormat)))
    settings.backup_on_close.setFocus()
    QTest.keyClick(settings.backup_on_close, Qt.Key.Key_Space)
    asked.answer = DISCARD
    QTest.keyClick(settings, Qt.Key.Key_Escape)
    assert len(asked.seen) == 3 and not settings.isVisible()
