"""Text longer than its field allows is kept, counted and refused with a message, never cut
(issue 11 §1: a 5,000-character title was saved as its first 100 with no notice)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.dialogs.record import RecordDialog

RED = "#b00020"


def commit_text(widget, text: str) -> None:
    """Text as an input method hands it over (Chinese; QTest.keyClicks takes Latin-1 only)."""
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def paste(widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def counter(widget) -> QLabel:
    return next(c for c in widget.findChildren(QLabel) if c.objectName().startswith("count_"))


@pytest.fixture
def studio():
    return R.create("studio", None, {"name": "测试工作室", "host_unit": "某厂",
                                     "founded_on": "2020-01-01"})


def open_form(qtbot, ctx, kind: str, studio_uid: str, record: dict | None = None):
    saved: list[dict] = []

    def save(values):
        if record is None:
            saved.append(R.create(kind, studio_uid, values))
        else:
            saved.append(R.update(kind, record["uid"], values,
                                  expected_version=record["version"]))
        return saved[-1]

    dlg = RecordDialog(ctx.paths, kind, studio_uid, record, save)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg, saved


def test_a_pasted_5000_character_name_is_kept_counted_and_refused(ctx, qtbot, studio):
    dlg, saved = open_form(qtbot, ctx, "equipment", studio["uid"])
    name = dlg.editors["name"].widget
    paste(name, "长" * 5000)
    assert len(name.text()) == 5000  # kept whole, not cut to the limit
    count = counter(name)
    assert count.isVisible() and count.text() == "多 4900 字 · 5000/100"
    assert RED in count.styleSheet()
    QTest.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not saved and dlg.isVisible()
    error = dlg.errors["name"]
    assert error.isVisible()
    assert error.text() == "“设备名称”不能超过 100 个字（现有 5000 个）"
    assert len(name.text()) == 5000  # still there to be shortened


def test_the_count_shows_as_one_types_and_turns_red_near_the_limit(ctx, qtbot, studio):
    dlg, saved = open_form(qtbot, ctx, "equipment", studio["uid"])
    name = dlg.editors["name"].widget
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    QTest.keyClicks(name, "Lathe model X")
    count = counter(name)
    assert count.isVisible() and count.text() == "13/100"
    assert RED not in count.styleSheet()
    QTest.keyClicks(name, "y" * 77)
    assert count.text() == "90/100" and RED in count.styleSheet()
    QTest.keyClicks(name, "z" * 10)
    assert count.text() == "100/100"
    QTest.keyClick(name, Qt.Key.Key_Tab)
    assert not name.hasFocus() and count.isVisible()  # near the limit: stays shown
    dlg.accept()
    assert saved and len(saved[-1]["name"]) == 100  # at the limit: saved whole


def test_the_count_is_what_the_ledger_counts(ctx, qtbot, studio):
    """Spaces around the text are not stored, so they do not count against the limit."""
    dlg, saved = open_form(qtbot, ctx, "equipment", studio["uid"])
    name = dlg.editors["name"].widget
    name.setFocus()
    QTest.keyClicks(name, "   " + "n" * 100 + "   ")
    assert counter(name).text() == "100/100"
    dlg.accept()
    assert saved and saved[-1]["name"] == "n" * 100


def test_chinese_from_an_input_method_over_the_limit_is_refused(ctx, qtbot, studio):
    dlg, saved = open_form(qtbot, ctx, "equipment", studio["uid"])
    name = dlg.editors["name"].widget
    name.setFocus()
    commit_text(name, "数控车床" * 26)
    assert counter(name).text() == "多 4 字 · 104/100"
    dlg.accept()
    assert not saved and "不能超过 100 个字（现有 104 个）" in dlg.errors["name"].text()
    QTest.keyClick(name, Qt.Key.Key_End)
    for _ in range(4):
        QTest.keyClick(name, Qt.Key.Key_Backspace)
    assert counter(name).text() == "100/100"
    dlg.accept()
    assert saved and saved[-1]["name"] == "数控车床" * 25


def test_multi_line_text_with_a_limit_counts_and_is_refused_when_too_long(ctx, qtbot, studio):
    dlg, saved = open_form(qtbot, ctx, "studio", studio["uid"], R.get("studio", studio["uid"]))
    box = dlg.editors["room_functions"].widget
    paste(box, "培训\n" * 700)  # 2,100 characters once the last line break is trimmed
    count = counter(box)
    assert count.isVisible() and count.text() == "多 99 字 · 2099/2000"
    dlg.accept()
    assert not saved
    assert dlg.errors["room_functions"].text() == "“场所功能”不能超过 2000 个字（现有 2099 个）"
    assert box.toPlainText() == "培训\n" * 700


def test_a_child_list_cell_counts_and_its_row_is_refused_when_too_long(ctx, qtbot, studio):
    dlg, saved = open_form(qtbot, ctx, "studio", studio["uid"], R.get("studio", studio["uid"]))
    names = dlg.editors["recognitions"]
    names.add_row()
    cell = names.rows[0][3].widget  # 命名单位, at most 100 characters
    cell.setFocus()
    QTest.keyClicks(cell, "Alliance " * 12)
    assert len(cell.text()) == 108
    assert counter(cell).text() == "多 7 字 · 107/100"  # the trailing space does not count
    dlg.accept()
    assert not saved
    error = dlg.errors["recognitions"]
    assert error.isVisible()
    assert error.text() == "命名表彰第 1 行：“命名单位”不能超过 100 个字（现有 107 个）"
    assert len(cell.text()) == 108


def test_the_first_run_form_counts_the_studio_name_too(ctx, qtbot):
    from laomo_desktop.ui.dialogs.welcome import WelcomePage

    page = WelcomePage(ctx.paths)
    qtbot.addWidget(page)
    page.show()
    created: list[str] = []
    page.studio_created.connect(created.append)
    page.name.setFocus()
    QTest.keyClicks(page.name, "Studio " * 10)  # 70 characters, 69 once trimmed; 60 allowed
    assert counter(page.name).text() == "多 9 字 · 69/60"
    QTest.keyClicks(page.host, "Works")
    QTest.keyClicks(page.leader, "Li Ming")
    QTest.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert not created
    assert page.errors["name"].text() == "“工作室名称”不能超过 60 个字（现有 69 个）"
    assert page.name.text() == "Studio " * 10
