"""A record form's child list gives the room it has beyond its columns' least widths to its
text columns (年度任务, not 年度), and shows up to four rows without scrolling."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from laomo_desktop.store import schema as S
from laomo_desktop.ui.widgets.childlists import RowsEditor

ALLIANCE = next(k for k in S.KINDS if k.name == "alliance")


def child(name: str) -> S.Child:
    return next(c for c in ALLIANCE.children if c.name == name)


def rows_editor(qtbot, name: str, width: int, height: int) -> RowsEditor:
    """The list inside a window, as in a form (RowsEditor.move is its rows' move, not a
    window's)."""
    window = QWidget()
    qtbot.addWidget(window)
    editor = RowsEditor(child(name), "")
    lay = QVBoxLayout(window)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(editor)
    window.resize(width, height)
    window.show()
    editor.held_by = window  # kept alive as long as the list
    return editor


def test_the_text_column_gets_the_spare_width(ctx, qtbot):
    editor = rows_editor(qtbot, "plans", 700, 200)
    editor.set([{"year": 2025, "joint_projects": 2, "tasks": "联合攻关变电设备状态检修"}])
    table = editor.table
    qtbot.waitUntil(lambda: table.viewport().width() > 600)
    widths = [table.columnWidth(c) for c in range(3)]
    assert widths[0] == table.least[0] and widths[1] == table.least[1]
    assert widths[2] == table.viewport().width() - widths[0] - widths[1]


def test_four_rows_show_without_scrolling(ctx, qtbot):
    editor = rows_editor(qtbot, "members", 700, 100)  # as low as the form lets it be
    editor.set([{"studio_name": f"第{i}工作室", "host_unit": "单位", "role": "member"}
                for i in range(4)])
    table = editor.table
    qtbot.waitUntil(lambda: table.height() >= table.minimumHeight())
    last = table.rowViewportPosition(3) + table.rowHeight(3)
    assert last <= table.viewport().height()


def test_a_long_text_shows_its_beginning(ctx, qtbot):
    editor = rows_editor(qtbot, "plans", 700, 200)
    editor.set([{"year": 2025, "joint_projects": 2, "tasks": "联合攻关" + "很长的任务" * 20}])
    assert editor.rows[0][2].widget.cursorPosition() == 0
