"""The preview of rows pasted from Excel/WPS: each pasted column with the field it goes to (or
"not imported"), each cell as pasted, the cells the ledger refuses in red with the reason in
their tooltip, and how many rows can be added. Nothing is written here: the caller adds the
valid rows when the dialog is accepted.

A model over the preview's rows (never a QTableWidget with an item per cell): a thousand pasted
rows show at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.ledger.paste import Preview
from laomo_desktop.texts import Joined, worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.record import available_geometry
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown, tip

Index = QModelIndex | QPersistentModelIndex
BAD = QBrush(QColor("#fbd5d5"))
BAD_TEXT = QBrush(QColor("#b00020"))
SKIPPED = QBrush(QColor("#8a8f98"))


def preview_table(name: str) -> QTableView:
    """A read-only table of rows about to be added (the paste's and the Excel import's
    previews): one line a row, columns as wide as the user drags them, the last one filling."""
    table = QTableView(objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(120)
    header.setStretchLastSection(True)
    return table


class PreviewModel(QAbstractTableModel):
    """The pasted cells, one column per pasted column and a last one for the problems of a row
    that no pasted column shows (a required field left out of the paste)."""

    def __init__(self, preview: Preview, parent=None):
        super().__init__(parent)
        self.preview = preview
        cols = preview.columns
        self._fields = [c.field.name if c.field else None for c in cols]
        self._problems = [preview.row_problems(r) for r in preview.rows]
        self._bad = [{i for i, name in enumerate(self._fields) if name in r.errors}
                     for r in preview.rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.preview.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields) + 1

    def error_at(self, row: int, column: int) -> str:
        """The message shown for a cell ("" when the cell is fine)."""
        if column == len(self._fields):
            return "\n".join(self._problems[row])
        name = self._fields[column]
        return self.preview.rows[row].errors.get(name, "") if name else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        last = c == len(self._fields)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(worded(Joined(tuple(self._problems[r]))) if last
                         else self.preview.rows[r].cells[c])
        if role == Qt.ItemDataRole.ToolTipRole:
            message = self.error_at(r, c)
            return tip(message) if message else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return BAD if (c in self._bad[r] or (last and self._problems[r])) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if last:
                return BAD_TEXT
            return SKIPPED if self._fields[c] is None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            if role == Qt.ItemDataRole.ForegroundRole and not self.preview.rows[section].ok:
                return BAD_TEXT
            return None
        if section == len(self._fields):
            return tr("Other problems") if role == Qt.ItemDataRole.DisplayRole else None
        col = self.preview.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            target = fmt.label(col.field) if col.field else tr("Not imported")
            return f"{shown(col.header.strip())}\n→ {target}"
        if role == Qt.ItemDataRole.ToolTipRole and col.field is None:
            return tip(worded(col.reason))
        if role == Qt.ItemDataRole.ForegroundRole and col.field is None:
            return SKIPPED
        return None


class PasteDialog(QDialog):
    """Accepted: the caller adds `preview.valid`. Rejected: nothing happens."""

    def __init__(self, preview: Preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("paste_dialog")
        self.setWindowTitle(tr("Paste %1 from a spreadsheet").replace("%1",
                                                                    fmt.label(preview.kind)))
        good, bad = preview.counts()
        self.summary = QLabel(tr("%1 rows can be added, %2 rows have errors")
                              .replace("%1", str(good)).replace("%2", str(bad)))
        self.summary.setObjectName("paste_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        skipped = [c.header.strip() or "—" for c in preview.columns if c.field is None]
        self.skipped = DataLabel(tr("Not imported: %1").replace("%1", fmt.listed(skipped))
                                 if skipped else "")
        self.skipped.setObjectName("paste_skipped")
        self.skipped.setWordWrap(True)
        self.skipped.setVisible(bool(skipped))
        self.notes = DataLabel(worded(Joined(tuple(preview.notes()))))
        self.notes.setObjectName("paste_notes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(preview.notes()))
        note = QLabel(tr("Rows with an error are not added: their cells are red, and pointing "
                         "at a cell tells why. Ctrl+Z undoes the whole paste."))
        note.setWordWrap(True)

        self.model = PreviewModel(preview, self)
        self.table = preview_table("paste_table")
        self.table.setModel(self.model)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(tr("Add %1 rows").replace("%1", str(good)))
        self.add_button.setEnabled(good > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.skipped)
        lay.addWidget(self.notes)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        screen = available_geometry(self)
        self.resize(min(1100, screen.width() - 40), min(640, screen.height() - 80))
