"""Any top-level window, whoever made it, is moved and shrunk into the screen when it is shown,
and a window the user then moves keeps where the user put it until it is shown again."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from laomo_desktop.ui.window import screenfit


def _inside(widget) -> bool:
    return screenfit.available(widget).contains(widget.frameGeometry())


def test_a_dialog_shown_off_the_screen_is_brought_inside_it(qapp, qtbot):
    screenfit.install(qapp)
    dlg = QDialog()
    qtbot.addWidget(dlg)
    room = screenfit.room(dlg)
    dlg.resize(room.width() + 300, room.height() + 200)
    dlg.move(room.width() - 50, room.height() - 40)
    dlg.show()
    qtbot.waitUntil(lambda: _inside(dlg), timeout=3000)

    dlg.hide()  # shown again off the screen: brought inside again
    dlg.move(room.width() - 50, 0)
    dlg.show()
    qtbot.waitUntil(lambda: _inside(dlg), timeout=3000)


def test_a_message_box_made_by_qt_itself_is_brought_inside_the_screen(qapp, qtbot):
    screenfit.install(qapp)
    seen: list[bool] = []

    def look() -> None:
        box = qapp.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        qtbot.waitUntil(lambda: _inside(box), timeout=3000)
        seen.append(True)
        box.close()

    room = screenfit.room(QDialog())
    long_line = "很长的一行字" * (room.width() // 20)
    QTimer.singleShot(0, look)
    QMessageBox.information(None, "title", long_line)
    assert seen == [True]


class _Rows(QDialog):
    """A dialog whose own move() moves a row (as the union columns dialog's did)."""

    def move(self, step: int) -> None:  # noqa: D102 - shadows QWidget.move on purpose
        self.moved = step


def test_a_dialog_with_a_move_method_of_its_own_is_still_brought_inside(qapp, qtbot):
    screenfit.install(qapp)
    dlg = _Rows()
    qtbot.addWidget(dlg)
    room = screenfit.room(dlg)
    QDialog.move(dlg, room.width() - 50, room.height() - 40)
    dlg.show()  # the filter moved it with move(x, y): a TypeError, and PySide 6.11 crashed
    qtbot.waitUntil(lambda: _inside(dlg), timeout=3000)
    assert not hasattr(dlg, "moved")
