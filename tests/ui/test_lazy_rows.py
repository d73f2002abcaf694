"""A record table makes a row's text only when it is shown or searched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from laomo_desktop.ui.widgets.tablemodel import RecordTableModel


def test_rows_are_formatted_as_they_are_shown_and_searched(qtbot):
    made: list[int] = []

    def fmt(v: int) -> str:
        made.append(v)
        return f"第{v}行"

    model = RecordTableModel(["行"], [fmt])
    model.set_rows([(f"u{i}", 1, i) for i in range(20_000)])
    assert made == []  # nothing formatted before anything is shown
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    view.grab()
    assert 0 < len(made) < 200 and max(made) < 200
    view.scrollToBottom()
    view.grab()
    last = view.rowAt(view.viewport().height() - 2)
    assert model.index(last, 0).data(Qt.ItemDataRole.DisplayRole) == f"第{last}行"
    assert model.uid_at(last) == f"u{last}"
    model.set_filter("第19999行")
    assert model.rowCount() == 1 and model.text_at(0, 0) == "第19999行"
    assert len(made) == 20_000  # the search read every row's text once
