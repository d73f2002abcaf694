"""A table model over rows fetched in one query, for short lists (the recycle bin); a section's
records are listed by ui/widgets/sqltable.py, which holds only row ids. Filtering and sorting
work on the model's own row list (never a QSortFilterProxyModel: far too slow at 100,000 rows). A row's text is made
when the view first asks for it (the rows on screen), the text searched only once a search is
typed: a list of every studio's records paints without formatting all of them first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from laomo_desktop.ui.plain import shown, tip

UID_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2
RAW_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
MUTED = QBrush(QColor("#8a8f98"))


def _sort_key(v: Any) -> tuple:
    if v is None or v == "":
        return (1, 0, "")
    if isinstance(v, int | float):
        return (0, 0, v)
    return (0, 1, str(v))


class RecordTableModel(QAbstractTableModel):
    """Rows are tuples (uid, version, *raw values); `formatters` turn raw values into text."""

    def __init__(self, headers: Sequence[str], formatters: Sequence[Callable[[Any], str]],
                 parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._formatters = list(formatters)
        self._rows: list[tuple] = []
        self._text: list[tuple[str, ...] | None] = []
        self._hay_cache: list[str] | None = None
        self._view: list[int] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._muted: frozenset[str] = frozenset()
        self._muted_tip = ""

    # -- loading, filtering, sorting ----------------------------------------------------
    def set_formatters(self, formatters: Sequence[Callable[[Any], str]]) -> None:
        """Other formatters for the next set_rows (e.g. "not provided" for withheld fields)."""
        self._formatters = list(formatters)

    def set_rows(self, rows: list[tuple], muted: frozenset[str] = frozenset(),
                 muted_tip: str = "") -> None:
        """`muted`: uids of rows shown greyed, with `muted_tip` heading their tooltips (e.g.
        the records "show all" adds that are not in the selected year)."""
        self.beginResetModel()
        self._rows = rows
        self._muted, self._muted_tip = muted, muted_tip
        self._text = [None] * len(rows)
        self._hay_cache = None
        self._view = self._compute_view()
        self.endResetModel()

    def _row_text(self, i: int) -> tuple[str, ...]:
        text = self._text[i]
        if text is None:
            fmts = self._formatters
            text = self._text[i] = tuple(f(v) for f, v in
                                         zip(fmts, self._rows[i][2:], strict=False))
        return text

    @property
    def _hay(self) -> list[str]:
        """Each row's text as searched (made for every row at the first search)."""
        if self._hay_cache is None:
            self._hay_cache = ["\t".join(self._row_text(i)).casefold()
                               for i in range(len(self._rows))]
        return self._hay_cache

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self.beginResetModel()
        self._view = self._compute_view()
        self.endResetModel()

    def _compute_view(self) -> list[int]:
        words = self._filter.split()
        if words:
            hay = self._hay
            view = [i for i in range(len(hay)) if all(w in hay[i] for w in words)]
        else:
            view = list(range(len(self._rows)))
        if self._sort is not None:
            col, order = self._sort
            rows = self._rows
            view.sort(key=lambda i: _sort_key(rows[i][col + 2]),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        return view

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._view = self._compute_view()
        self.layoutChanged.emit()

    # -- queries --------------------------------------------------------------------------
    def total_count(self) -> int:
        return len(self._rows)

    def shown_rows(self) -> list[tuple]:
        """The raw rows (uid, version, *values) the view shows, in its order: what the totals
        add up and what an exported list holds."""
        rows = self._rows
        return [rows[i] for i in self._view]

    def uid_at(self, row: int) -> str | None:
        return self._rows[self._view[row]][0] if 0 <= row < len(self._view) else None

    def text_at(self, row: int, column: int) -> str:
        """A shown cell's text as formatted (copying puts this on the clipboard)."""
        return self._row_text(self._view[row])[column]

    def row_of_uid(self, uid: str) -> int:
        for pos, i in enumerate(self._view):
            if self._rows[i][0] == uid:
                return pos
        return -1

    # -- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self._view[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # made visible here: only cells on screen
            return shown(self._row_text(i)[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips take markup: a title is shown as is
            text = self._row_text(i)[index.column()]
            if self._muted and self._rows[i][0] in self._muted:
                text = f"{self._muted_tip}\n{text}" if text else self._muted_tip
            return tip(text)
        if role == Qt.ItemDataRole.ForegroundRole:
            return MUTED if self._muted and self._rows[i][0] in self._muted else None
        if role == UID_ROLE:
            return self._rows[i][0]
        if role == VERSION_ROLE:
            return self._rows[i][1]
        if role == RAW_ROLE:
            return self._rows[i][index.column() + 2]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
