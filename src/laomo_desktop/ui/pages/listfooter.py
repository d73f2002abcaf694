"""The totals under a section's table: a small frozen table whose columns follow the table's
column widths and horizontal scrolling, so each total stands under its column, as the sum row
of a spreadsheet does. It adds up what the table shows (the year, the filter text and "show
all" as chosen) and follows every change of the rows: typing a filter, a new, edited, deleted
or undone record."""

from __future__ import annotations

import sys
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import listing as L
from laomo_desktop.ledger import money
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.widgets.sqltable import QueryTableModel
from laomo_desktop.work import Job, Progress

BACKGROUND = QBrush(QColor("#f4eddf"))
LONG = 5000  # rows above which the totals are added up after the table has painted


def line_label(key: str) -> str:
    return {L.TOTAL: tr("Total"), L.INCOME: tr("Income total"),
            L.EXPENSE: tr("Expense total"), L.BALANCE: tr("Balance")}[key]


def figure_text(f: L.Figure) -> str:
    """A total as the table shows it: ¥ like the money cells above it, 万元 for the benefit."""
    if f.unit == L.FEN:
        fen = int(f.value)
        return ("-" if fen < 0 else "") + "¥" + money.yuan(abs(fen))
    if f.unit == L.WAN:
        return tr("%1 (10k yuan)").replace("%1", money.wan(int(f.value)))
    if f.unit == L.SESSIONS:
        return tr("%1 sessions").replace("%1", str(f.value))
    if f.unit == L.PERSONS:
        return tr("%1 person-times").replace("%1", str(f.value))
    if f.unit == L.HOURS:
        return tr("%1 hours").replace("%1", L.hours_text(Decimal(f.value)))
    return f"{f.value:,}"


class ColumnFooter(QTableView):
    """A frozen row or two under `table` whose cells stand under the table's columns: they
    follow its column widths and its horizontal scrolling."""

    def __init__(self, table: QTableView, columns: int, parent=None):
        super().__init__(parent)
        self.setObjectName("totals")
        self.table = table
        self.cells = QStandardItemModel(0, columns, self)
        self.setModel(self.cells)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setShowGrid(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setStyleSheet("QTableView#totals { background: #f4eddf; "
                           "border-top: 2px solid #8b1a1a; }")
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda i, _old, new: self.setColumnWidth(i, new))
        header.geometriesChanged.connect(self.follow_widths)
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        table.viewport().installEventFilter(self)  # a scroll bar appearing narrows the rows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.Resize and hasattr(self, "table")
                and watched is self.table.viewport()):
            self.follow_widths()
        return super().eventFilter(watched, event)

    def follow_widths(self) -> None:
        header = self.table.horizontalHeader()
        edge = self.table.frameWidth()  # the table's frame: the footer's columns start inside it
        self.setContentsMargins(edge, 0, edge, 0)
        # and end where the table's rows end: an empty scroll bar of its own stands under the
        # table's (else the next column's total peeks out beside it)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if self.table.verticalScrollBar().isVisible()
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i in range(min(header.count(), self.cells.columnCount())):
            self.setColumnWidth(i, header.sectionSize(i))
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())

    def fit_height(self) -> None:
        """As high as its lines (hidden when it has none)."""
        rows = self.cells.rowCount()
        self.setVisible(bool(rows))
        height = sum(self.rowHeight(r) for r in range(rows)) if rows else 0
        self.setFixedHeight(height + 4)
        self.follow_widths()


class TotalsFooter(ColumnFooter):
    """Totals lines of `model` (rows of the section kind `kind_name` with `columns`) under
    `table`; hidden for a section that has no money or count column."""

    def __init__(self, table: QTableView, model: QueryTableModel, kind_name: str,
                 columns: list[str], parent=None):
        super().__init__(table, len(columns), parent)
        self.source = model
        self.kind_name, self.columns = kind_name, list(columns)
        self.lines: list[L.TotalLine] = []
        self.setAccessibleName(tr("Totals of the records shown"))
        self._asked = 0  # lists asked to be added up: only the newest one's totals are shown
        self._running = 0
        model.modelReset.connect(self.follow_rows)
        self.refresh()

    def follow_rows(self) -> None:
        """The rows changed: add them up now, or for a long list on a worker thread while the
        table paints and answers (adding up 100,000 rows takes longer than showing the first of
        them); the totals of the newest list asked for are the ones shown."""
        if self.source.rowCount() <= LONG:
            self.refresh()
            return
        for r in range(self.cells.rowCount()):
            for c in range(self.cells.columnCount()):
                if item := self.cells.item(r, c):
                    item.setText("…" if item.text() else "")
        self._asked += 1
        if not L.has_totals(self.kind_name):
            self._show([])
            return
        asked, at = self._asked, self._totalled()
        read = self.source.groups_reader(at)

        def job() -> Job:
            yield Progress(0, 0)
            return read()

        def done(grouped: list[tuple]) -> None:
            self._running -= 1
            if asked == self._asked:  # a newer list's totals are due: this one's are stale
                rows, times = self.source.shaped_groups(at, grouped)
                self._show(L.totals(self.kind_name, self.columns, rows, times))

        def failed(exc: BaseException) -> None:
            self._running -= 1
            if not isinstance(exc, LaomoError):  # a defect: recorded as any other
                sys.excepthook(type(exc), exc, exc.__traceback__)
            if asked == self._asked:
                self._show([])

        self._running += 1
        start_job(self, tr("Totals of the records shown"), "", job, done, on_failed=failed,
                  cancellable=False, quiet=True)

    @property
    def adding_up(self) -> bool:
        """Totals are being added up on a worker thread."""
        return self._running > 0

    def _totalled(self) -> list[int]:
        needed = L.totalled_columns(self.kind_name)
        return [i for i, c in enumerate(self.columns) if c in needed]

    def refresh(self) -> None:
        """Add up the rows shown now."""
        self._asked += 1
        if not L.has_totals(self.kind_name):
            self._show([])  # nothing to add up: nothing is read
        else:  # rows of equal values, counted in SQL: the shown rows are not read one by one
            at = self._totalled()
            rows, times = self.source.shown_groups(at)
            self._show(L.totals(self.kind_name, self.columns, rows, times))

    def _show(self, lines: list[L.TotalLine]) -> None:
        self.lines = lines
        self.cells.setRowCount(0)
        names = self.columns
        bold = QFont(self.font())
        bold.setBold(True)
        for line in self.lines:
            items = [QStandardItem("") for _ in names]
            if line.label_column in names:
                items[names.index(line.label_column)].setText(line_label(line.key))
            for f in line.figures:
                if f.column in names:
                    items[names.index(f.column)].setText(figure_text(f))  # aligned as the cells
            for item in items:
                item.setFont(bold)
                item.setBackground(BACKGROUND)
                item.setToolTip(tr("Totals of the %1 records shown").replace(
                    "%1", str(self.source.rowCount())))
            self.cells.appendRow(items)
        self.fit_height()

    def text_under(self, column: str, line: int = 0) -> str:
        """What the footer shows under `column` in its `line`-th line (for the tests)."""
        return self.cells.item(line, self.columns.index(column)).text()

    def label_of(self, line: int) -> str:
        lab = self.lines[line].label_column
        return self.cells.item(line, self.columns.index(lab)).text()
