"""Editors for a record's child lists: attendees as a checklist of members, other lists as
rows of field editors that can be added, removed and put in order."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.ledger import queries as Q
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown
from laomo_desktop.ui.widgets.editors import Editor, make_editor


class MemberChecklist(QWidget):
    """Tick the members who took part; a search box narrows a long list."""

    def __init__(self, child: S.Child, studio_uid: str):
        super().__init__()
        self.child = child
        self.field = child.fields[0].name
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find a member…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        lay.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(fmt.label(child))
        self.list.setMaximumHeight(150)
        for uid, name in Q.member_choices(studio_uid):
            item = QListWidgetItem(shown(name))
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        lay.addWidget(self.list)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text())

    def get(self) -> list[dict]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append({self.field: item.data(Qt.ItemDataRole.UserRole)})
        return out

    def set(self, items: list[dict] | None) -> None:
        wanted = [it.get(self.field) for it in items or [] if it.get(self.field)]
        listed = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            uid = item.data(Qt.ItemDataRole.UserRole)
            listed.add(uid)
            checked = uid in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for uid in wanted:  # a member now in the recycle bin stays ticked: saving must not drop it
            if uid not in listed:
                from laomo_desktop.ledger import records as R

                try:
                    name = R.get("member", uid)["name"]
                except Exception:
                    name = uid
                item = QListWidgetItem(shown(name) + tr(" (in the recycle bin)"))
                item.setData(Qt.ItemDataRole.UserRole, uid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.list.addItem(item)
                listed.add(uid)


FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 fen
# the unit a plan target's value is typed in (context "Unit")
TARGET_UNITS = {
    E.TargetMetric.PROJECTS: QT_TRANSLATE_NOOP("Unit", "items"),
    E.TargetMetric.RESULTS: QT_TRANSLATE_NOOP("Unit", "items"),
    E.TargetMetric.PATENTS: QT_TRANSLATE_NOOP("Unit", "patents"),
    E.TargetMetric.TRAINING_PERSON_TIMES: QT_TRANSLATE_NOOP("Unit", "person-times"),
    E.TargetMetric.TRAINING_SESSIONS: QT_TRANSLATE_NOOP("Unit", "sessions"),
    E.TargetMetric.APPRENTICES: QT_TRANSLATE_NOOP("Unit", "persons"),
    E.TargetMetric.PROMOTIONS: QT_TRANSLATE_NOOP("Unit", "persons"),
    E.TargetMetric.BENEFIT_FEN: QT_TRANSLATE_NOOP("Unit", "10k yuan"),
}
WHOLE = QRegularExpression(r"\d{0,12}")
WAN = QRegularExpression(r"\d{0,6}(\.\d{0,2})?")  # up to 999,999.99 万元, below the field's max


def wan_entry_text(fen: int) -> str:
    """Fen as 万元 with two decimals, or with every decimal a finer value needs (so that
    saving the form unchanged never rounds what is stored)."""
    wan = Decimal(int(fen)) / FEN_PER_WAN
    return f"{wan:.2f}" if fen % 10_000 == 0 else format(wan.normalize(), "f")


class TargetValueEditor(Editor):
    """A plan target's value in the unit of the metric chosen in the same row: 经济效益 in 万元
    with two decimals, stored in fen; every other metric a whole number. The unit stands
    beside the number and changes with the metric."""

    def __init__(self, field: S.Field, metric: Editor):
        self.metric = metric
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 4, 0)
        self.line = QLineEdit()
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.setAccessibleName(fmt.label(field))
        self.unit = QLabel()
        self.unit.setObjectName("unit")
        self.line.setMaximumWidth(180)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.unit)
        lay.addStretch(1)
        super().__init__(field, box)
        metric.widget.currentIndexChanged.connect(lambda _i: self._follow_metric())
        self._follow_metric()

    def money(self) -> bool:
        return self.metric.get() == E.TargetMetric.BENEFIT_FEN

    def _follow_metric(self) -> None:
        unit = TARGET_UNITS.get(self.metric.get(), "")
        self.unit.setText(QCoreApplication.translate("Unit", unit) if unit else "")
        self.line.setValidator(QRegularExpressionValidator(WAN if self.money() else WHOLE,
                                                           self.line))
        self.line.setPlaceholderText("0.00" if self.money() else "0")

    def get(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text  # the ledger's validation names the problem by the field
        if self.money():
            return int((number * FEN_PER_WAN).to_integral_value())
        return int(number) if number == number.to_integral_value() and "." not in text \
            else text

    def set(self, value: Any) -> None:
        if value is None:
            self.line.setText("")
        elif self.money() and isinstance(value, int):
            self.line.setText(wan_entry_text(value))
        else:
            self.line.setText(str(value))


def row_editors(child: S.Child, studio_uid: str) -> list[Editor]:
    """The editors of one row; a plan target's value follows its metric's unit."""
    editors = [make_editor(f, studio_uid) for f in child.fields]
    if child.table == "plan_target":
        names = [f.name for f in child.fields]
        metric, value = names.index("metric"), names.index("value")
        editors[value] = TargetValueEditor(child.fields[value], editors[metric])
    return editors


ROWS_SHOWN = 4  # a child list's rows shown without scrolling


class FittedTable(QTableWidget):
    """A table whose columns never get narrower than their least widths and give any room
    beyond them to the columns that `grow` names (free text: a task, a name), in proportion
    to their least widths; to every column when none grows."""

    least: list[int] = []
    grow: list[int] = []

    def set_least_widths(self, widths: list[int], grow: list[int] | None = None) -> None:
        self.least = widths
        self.grow = [c for c in grow or [] if 0 <= c < len(widths)]
        self.fit()

    def fit(self) -> None:
        if not self.least:
            return
        total, room = sum(self.least), self.viewport().width()
        widths = list(self.least)
        if room > total:
            grow = self.grow or list(range(len(widths)))
            share = sum(widths[c] for c in grow)
            spare = room - total
            for c in grow:
                widths[c] += spare * self.least[c] // share
            widths[grow[-1]] += room - sum(widths)  # the rounding's pixels
        header = self.horizontalHeader()
        for c, w in enumerate(widths):
            header.resizeSection(c, w)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def sizeHint(self):  # noqa: N802 - Qt override
        """Wide enough for the least widths, so that a dialog can make room for them."""
        hint = super().sizeHint()
        if self.least:
            hint.setWidth(sum(self.least) + self.verticalHeader().sizeHint().width()
                          + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width())
        return hint


class RowsEditor(QWidget):
    """A small table whose every cell is the field's own editor."""

    def __init__(self, child: S.Child, studio_uid: str):
        super().__init__()
        self.child = child
        self.studio_uid = studio_uid
        self.rows: list[list[Editor]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = FittedTable(0, len(child.fields))
        self.table.setAccessibleName(fmt.label(child))
        self.table.setHorizontalHeaderLabels([fmt.label(f) for f in child.fields])
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(190)  # grows with the rows shown (_fit_height)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fit_columns()
        lay.addWidget(self.table)
        buttons = QHBoxLayout()
        for text, slot in ((tr("Add row"), self.add_row), (tr("Remove"), self.remove_row),
                           (tr("Move up"), lambda: self.move(-1)),
                           (tr("Move down"), lambda: self.move(1))):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)

    def _fit_columns(self) -> None:
        """Each column at least as wide as its editor and its heading (a naming has nine
        fields: the list scrolls sideways rather than squeeze dates and choices into
        slivers); room to spare is shared out in proportion."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        text = [c for c, f in enumerate(self.child.fields)
                if f.type in (S.TEXT, S.LONGTEXT) and f.choices is None]
        # a number or a year typed in a line needs ten digits' room, not a line edit's width
        digits = self.fontMetrics().horizontalAdvance("0" * 10) + 16
        widths = []
        for c, editor in enumerate(row_editors(self.child, self.studio_uid)):
            w = editor.widget
            need = digits if isinstance(w, QLineEdit) and c not in text else w.sizeHint().width()
            widths.append(max(need, header.sectionSizeHint(c)) + 8)
            w.deleteLater()
        self.table.set_least_widths(widths, text)

    def _fit_height(self) -> None:
        """Tall enough for its rows, up to ROWS_SHOWN of them (two at least: room to add);
        a longer list scrolls."""
        t = self.table
        rows = min(max(len(self.rows), 2), ROWS_SHOWN)
        scroll = t.horizontalScrollBar().sizeHint().height() \
            if sum(t.least) > t.viewport().width() else 0
        height = (t.horizontalHeader().sizeHint().height() + 2 * t.frameWidth()
                  + rows * t.verticalHeader().defaultSectionSize() + scroll)
        t.setMinimumHeight(height)
        t.setMaximumHeight(max(height, t.maximumHeight()))

    def add_row(self, values: dict | None = None) -> None:
        if self.child.max_items and len(self.rows) >= self.child.max_items:
            return
        r = self.table.rowCount()
        self.table.insertRow(r)
        editors = row_editors(self.child, self.studio_uid)
        for c, e in enumerate(editors):
            if isinstance(values, dict):
                e.set(values.get(e.field.name))
            if isinstance(e.widget, QLineEdit):
                e.widget.setCursorPosition(0)  # a long text shows its beginning, not its end
            self.table.setCellWidget(r, c, e.widget)
        self.rows.append(editors)
        self._fit_height()

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self.rows):
            self.table.removeRow(r)
            del self.rows[r]
            self._fit_height()

    def move(self, step: int) -> None:
        r = self.table.currentRow()
        other = r + step
        if not (0 <= r < len(self.rows) and 0 <= other < len(self.rows)):
            return
        values = self.get()
        values[r], values[other] = values[other], values[r]
        self.set(values)
        self.table.selectRow(other)

    def get(self) -> list[dict]:
        return [{e.field.name: e.get() for e in editors} for editors in self.rows]

    def set(self, items: list[dict] | None) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for it in items or []:
            self.add_row(it)
        self._fit_height()


def make_child_editor(child: S.Child, studio_uid: str, people: bool = False) -> Any:
    """`people`: the list holds the studio's members (the kind's rules say so,
    KindRules.people_lists): a checklist of them."""
    if people:
        return MemberChecklist(child, studio_uid)
    return RowsEditor(child, studio_uid)
