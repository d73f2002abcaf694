"""The union page's table of studios: a model over the rows of union_year that makes a cell's
text, tooltip and colour only when the view asks for it (the cells on screen), instead of
2,000 × 12 table items built at each reload; sorted by a key per column, as the items sorted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QStandardItem
from PySide6.QtWidgets import QTableView

from laomo_desktop.exchange import privacy
from laomo_desktop.ledger import union
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.metrics import WAN, metric
from laomo_desktop.store import enums as E
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.exchange import when_text
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.listfooter import BACKGROUND, ColumnFooter
from laomo_desktop.ui.pages.unioncards import UID_ROLE
from laomo_desktop.ui.plain import shown

# (row key, header); headers translated in context "Union"
COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("Union", "Studio")),
    ("level", QT_TRANSLATE_NOOP("Union", "Level")),
    ("category", QT_TRANSLATE_NOOP("Union", "Category")),
    ("party_org", QT_TRANSLATE_NOOP("Union", "Party organisation")),
    ("last_package", QT_TRANSLATE_NOOP("Union", "Last package")),
    ("came_through", QT_TRANSLATE_NOOP("Union", "Came through")),
    ("projects_started", QT_TRANSLATE_NOOP("Union", "Projects")),
    ("results_total", QT_TRANSLATE_NOOP("Union", "Results")),
    ("results_technical", QT_TRANSLATE_NOOP("Union", "Technical innovations")),
    ("patents_total", QT_TRANSLATE_NOOP("Union", "Patents")),
    ("training_sessions", QT_TRANSLATE_NOOP("Union", "Trainings")),
    ("training_person_times", QT_TRANSLATE_NOOP("Union", "Person-times")),
    ("mentoring_new", QT_TRANSLATE_NOOP("Union", "New apprentices")),
    ("benefit_wan", QT_TRANSLATE_NOOP("Union", "Benefit (10k yuan)")),
    # grants (补助资金)
    ("grants_received_wan", QT_TRANSLATE_NOOP("Union", "Grants received (10k yuan)")),
    ("grants_spent_wan", QT_TRANSLATE_NOOP("Union", "Grants spent (10k yuan)")),
)
NUMERIC = tuple(k for k, _ in COLUMNS[6:])
# ---- the union summary's columns chosen from the metric registry (ledger/unioncolumns.py) ----
OWN = COLUMNS[:6]  # the studio's own columns; the figures the office chose follow
HEADS = dict(COLUMNS[6:])  # the figures' heads the page had before there was a choice


def metric_head(key: str, lines: bool = False) -> str:
    """A figure's column head in the reader's language, worded as the summary's PDF and XLSX
    word it (ledger/unioncolumns.py); `lines`: its unit on a line of its own, as a table's
    header shows it (the column stays as narrow as its figures)."""
    lang = "zh" if fmt.is_chinese() else "en"
    head = UC.head(key, lang)
    name = UC.head(key, lang, unit=False)
    if not lines or head == name:
        return head
    return f"{name}\n{head[len(name):].strip()}"


def columns_of(keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return OWN + tuple((k, HEADS.get(k, "")) for k in keys)


COLUMNS = columns_of(UC.DEFAULT)  # what a ledger shows until its office chooses
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


def ut(text: str) -> str:
    return QCoreApplication.translate("Union", text)


def withheld_text(withheld: dict) -> str:
    """"Not provided: …" for the personal fields a studio withheld ("" when none)."""
    names = [worded(x) for x in privacy.labels(withheld)]
    if not names:
        return ""
    return tr("Not provided: %1").replace("%1", fmt.listed(names))


def cell_text(row: dict, key: str) -> str:
    if key in UC.CHOOSABLE:  # shown as ledger/metrics.py declares the figure
        m = metric(key)
        return m.text_of(row[m.column])
    if key == "level":
        return fmt.choice_label(E.Level, row["level"]) if row["level"] else tr("Not rated")
    if key == "party_org":
        return fmt.choice_label(E.PartyOrg, row["party_org"])
    if key == "category":
        return fmt.choice_label(E.StudioCategory, row["category"])
    return str(row.get(key, ""))


def sort_value(row: dict, key: str, last: tuple | None) -> Any:
    if key == "last_package":
        return last[0] if last else ""
    if key in UC.CHOOSABLE:
        return row[metric(key).column]
    if key == "level":
        return E.LEVEL_RANK[E.Level(row["level"])] if row["level"] else len(E.Level)
    return None  # by the shown text


class UnionTableModel(QAbstractTableModel):
    """The year's studios (union_year's rows, in its order until a header is clicked)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._view: list[int] = []
        self._imported: dict[str, tuple[str, int]] = {}
        self._withheld: Callable[[], dict] = dict
        self._withheld_loaded: dict | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.columns = COLUMNS

    def set_columns(self, keys: tuple[str, ...]) -> None:
        """Show the figures `keys` (the office's choice) after the studio's own columns."""
        columns = columns_of(keys)
        if columns != self.columns:
            self.beginResetModel()
            self.columns, self._sort = columns, None
            self._view = self._compute_view()
            self.endResetModel()

    def set_rows(self, rows: list[dict], imported: dict,
                 withheld: Callable[[], dict]) -> None:
        """`withheld`: the personal fields each studio withheld, asked for the first time a
        tooltip needs them (it reads the newest import record of every studio)."""
        self.beginResetModel()
        self._rows, self._imported = rows, imported
        self._withheld, self._withheld_loaded = withheld, None
        self._view = self._compute_view()
        self.endResetModel()

    def _compute_view(self) -> list[int]:
        view = list(range(len(self._rows)))
        if self._sort is not None:
            col, order = self._sort
            key = self.columns[col][0]

            def by(i: int) -> tuple:
                row = self._rows[i]
                v = sort_value(row, key, self._imported.get(row["uid"]))
                return (0, v) if v is not None else (1, cell_text(row, key))

            view.sort(key=by, reverse=order == Qt.SortOrder.DescendingOrder)
        return view

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._view = self._compute_view()
        self.layoutChanged.emit()

    def row_at(self, row: int) -> dict | None:
        return self._rows[self._view[row]] if 0 <= row < len(self._view) else None

    def uid_at(self, row: int) -> str | None:
        r = self.row_at(row)
        return r["uid"] if r else None

    def _withheld_of(self, uid: str) -> dict:
        if self._withheld_loaded is None:
            self._withheld_loaded = self._withheld()
        return self._withheld_loaded.get(uid, {})

    # -- Qt interface -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def text(self, row: dict, key: str) -> str:
        if key == "last_package":
            last = self._imported.get(row["uid"])
            return when_text(last[0]) if last else "—"
        return shown(cell_text(row, key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._view[index.row()]]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == UID_ROLE:
            return row["uid"]
        if role == Qt.ItemDataRole.ToolTipRole and key == "last_package":
            last = self._imported.get(row["uid"])
            if not last:
                return tr("Entered in this ledger, not imported")
            return "\n".join(filter(None, (
                tr("Package No. %1").replace("%1", str(last[1])),
                withheld_text(self._withheld_of(row["uid"])))))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in UC.CHOOSABLE:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key == "party_org" \
                and not union.has_party_org(row):
            return Qt.GlobalColor.red
        if role == SORT_ROLE:
            return sort_value(row, key, self._imported.get(row["uid"]))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key, head = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return metric_head(key, lines=True) if key in UC.CHOOSABLE else ut(head)
        if role == Qt.ItemDataRole.ToolTipRole and key in UC.CHOOSABLE:
            return metric_head(key)
        return None


class _Cell:
    """A shown cell, read as a QTableWidgetItem is (its text, tooltip and roles)."""

    def __init__(self, index: QModelIndex):
        self.index = index

    def text(self) -> str:
        return self.index.data(Qt.ItemDataRole.DisplayRole) or ""

    def toolTip(self) -> str:  # noqa: N802 - as QTableWidgetItem
        return self.index.data(Qt.ItemDataRole.ToolTipRole) or ""

    def data(self, role: int) -> Any:
        return self.index.data(role)


class UnionTable(QTableView):
    """The view of UnionTableModel; rowCount() and item() read it as the table widget was."""

    def rowCount(self) -> int:  # noqa: N802 - as QTableWidget
        return self.model().rowCount()

    def columnCount(self) -> int:  # noqa: N802 - as QTableWidget
        return self.model().columnCount()

    def item(self, row: int, column: int) -> _Cell | None:
        index = self.model().index(row, column)
        return _Cell(index) if index.isValid() else None


class UnionTotals(ColumnFooter):
    """The city's totals of the figures shown, one line under the table, each under its column
    (as the summary's 合计 row): one line whatever the number of columns the office chose."""

    def __init__(self, table: QTableView, parent=None):
        super().__init__(table, 0, parent)
        self.setObjectName("union_totals")
        self._text = ""

    def show_totals(self, columns: tuple[tuple[str, str], ...], totals: dict) -> None:
        self.cells.clear()
        self.cells.setColumnCount(len(columns))
        bold = QFont(self.font())
        bold.setBold(True)
        items, parts = [], []
        for key, _head in columns:
            text = ""
            if key in UC.CHOOSABLE:
                m = metric(key)
                value = totals[m.column]
                text = fmt.wan_text(value) if m.kind == WAN else str(value)
                parts.append(f"{metric_head(key)} {text}")
            items.append(QStandardItem(text))
        if items:
            items[0].setText(tr("Total"))
        self._text = tr("Total: %1").replace("%1", " · ".join(parts))
        for item in items:
            item.setFont(bold)
            item.setBackground(BACKGROUND)
            item.setToolTip(self._text)
            if item is not items[0]:
                item.setTextAlignment(RIGHT)
        self.cells.appendRow(items)
        self.setAccessibleName(self._text)
        self.fit_height()

    def text(self) -> str:
        """The totals as one line of text (its tooltip and what a screen reader says)."""
        return self._text
