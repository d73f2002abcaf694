"""A record table that holds only the ids of its rows (ledger/rowquery.py): the search and the
sort run in SQLite, and a row's cells are read, a page of rows at a time, when the view first
shows it. A list over every studio's records paints without reading them all (issue 16, §6).

Its interface is RecordTableModel's (uid_at, text_at, row_of_uid, shown_rows, total_count and
the same roles), so selection, copying, the totals and the exported list work on the whole
filtered list as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from laomo_desktop.ledger.rowquery import PAGE, Cell, RowQuery, words_of
from laomo_desktop.ui.plain import shown, tip
from laomo_desktop.ui.widgets.tablemodel import MUTED, RAW_ROLE, UID_ROLE, VERSION_ROLE, Index

CACHED = 20 * PAGE  # rows kept; scrolling far reads again what it left behind
BY_IDS = 5000  # a search's rows up to this many are added up by their ids


class QueryTableModel(QAbstractTableModel):
    """Rows are ids; a row read is (uid, version, outside, *raw values); `formatters` turn raw
    values into text and `cells` say how each column's text is searched."""

    def __init__(self, headers: Sequence[str], formatters: Sequence[Callable[[Any], str]],
                 parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._formatters = list(formatters)
        self._cells: list[Cell] = []
        self._query: RowQuery | None = None
        self._ids: list[int] = []
        self._pos: dict[int, int] | None = None
        self._rows: dict[int, tuple] = {}
        self._text: dict[int, tuple[str, ...]] = {}
        self._total = 0
        self._words: list[str] = []
        self._sort: tuple[int, bool] | None = None
        self._muted_tip = ""

    # -- loading, filtering, sorting ----------------------------------------------------
    def set_formatters(self, formatters: Sequence[Callable[[Any], str]],
                       cells: Sequence[Cell]) -> None:
        """The formatters and searched texts for the next set_query (e.g. "not provided" for
        withheld fields)."""
        self._formatters, self._cells = list(formatters), list(cells)

    def set_query(self, query: RowQuery | None, muted_tip: str = "") -> None:
        """`muted_tip` heads the tooltips of the rows the query marks as outside its period."""
        self.beginResetModel()
        self._query, self._muted_tip = query, muted_tip
        self._reread()
        self._total = len(self._ids) if query is None or not self._words else query.count()
        self.endResetModel()

    def _reread(self) -> None:
        self._rows.clear()
        self._text.clear()
        self._pos = None
        q = self._query
        self._ids = [] if q is None else q.ids(self._words, self._cells, self._sort)

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._words = words_of(text)
        self._reread()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._reread()
        self.layoutChanged.emit()

    # -- reading rows ---------------------------------------------------------------------
    def _row(self, pos: int) -> tuple:
        rid = self._ids[pos]
        row = self._rows.get(rid)
        if row is None:
            if len(self._rows) > CACHED:
                self._rows.clear()
                self._text.clear()
            start = max(0, pos - PAGE // 4)
            page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
            assert self._query is not None
            self._rows.update(self._query.rows(page))
            row = self._rows.get(rid)
            if row is None:  # gone since the list was read (another program): an empty row
                row = (None, None, 0, *[None] * len(self._headers))
        return row

    def _row_text(self, pos: int) -> tuple[str, ...]:
        rid = self._ids[pos]
        text = self._text.get(rid)
        if text is None:
            row = self._row(pos)
            text = self._text[rid] = tuple(f(v) for f, v in
                                           zip(self._formatters, row[3:], strict=False))
        return text

    # -- queries --------------------------------------------------------------------------
    def total_count(self) -> int:
        return self._total

    def shown_rows(self, columns: Sequence[int] | None = None) -> list[tuple]:
        """The raw rows (uid, version, *values) the view shows, in its order: what the totals
        add up and what an exported list holds; with `columns` (positions) only those values
        are read, the others are None."""
        if self._query is None:
            return []
        got = self._query.rows(self._ids, columns)
        return [(r[0], r[1], *r[3:]) for r in (got[i] for i in self._ids)]

    def shown_groups(self, columns: Sequence[int]) -> tuple[list[tuple], list[int]]:
        """The shown rows' values in `columns` (positions; others None) as rows of equal values
        and how many rows each stands for: what the totals add up (ledger/listing.totals)."""
        return self.shaped_groups(columns, self.groups_reader(columns)())

    def groups_reader(self, columns: Sequence[int]) -> Callable[[], list[tuple]]:
        """What shown_groups reads, as a function of the list as it is now: it may run on a
        worker thread (its own connection) while the list changes."""
        query, words, cells = self._query, list(self._words), list(self._cells)
        columns = list(columns)
        if query is not None and words and len(self._ids) <= BY_IDS:
            ids = list(self._ids)  # the rows found: added up without searching again
            return lambda: query.grouped_ids(ids, columns)
        return lambda: [] if query is None else query.grouped(words, cells, columns)

    def shaped_groups(self, columns: Sequence[int], grouped: list[tuple]
                      ) -> tuple[list[tuple], list[int]]:
        """(rows of equal values, how many rows each stands for) from what groups_reader read."""
        n = len(self._headers)
        rows, times = [], []
        for count, *values in grouped:
            row: list = [None, None] + [None] * n
            for i, v in zip(columns, values, strict=True):
                row[i + 2] = v
            if count:
                rows.append(tuple(row))
                times.append(count)
        return rows, times

    def uid_at(self, row: int) -> str | None:
        return self._row(row)[0] if 0 <= row < len(self._ids) else None

    def text_at(self, row: int, column: int) -> str:
        """A shown cell's text as formatted (copying puts this on the clipboard)."""
        return self._row_text(row)[column]

    def row_of_uid(self, uid: str) -> int:
        rid = self._query.id_of(uid) if self._query is not None else None
        if rid is None:
            return -1
        if self._pos is None:
            self._pos = {i: p for p, i in enumerate(self._ids)}
        return self._pos.get(rid, -1)

    # -- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pos = index.row()
        if role == Qt.ItemDataRole.DisplayRole:  # read here: only rows on screen
            return shown(self._row_text(pos)[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:  # tooltips take markup: a title is shown as is
            text = self._row_text(pos)[index.column()]
            if self._row(pos)[2]:
                text = f"{self._muted_tip}\n{text}" if text else self._muted_tip
            return tip(text)
        if role == Qt.ItemDataRole.ForegroundRole:
            return MUTED if self._row(pos)[2] else None
        if role == UID_ROLE:
            return self._row(pos)[0]
        if role == VERSION_ROLE:
            return self._row(pos)[1]
        if role == RAW_ROLE:
            return self._row(pos)[index.column() + 3]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
