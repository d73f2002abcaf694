"""The union summary's columns (issue 16 §5): every figure of the metric registry the summary
can show, each ticked when shown, in the order shown (drag, or Move up / Move down); the
chosen first, the others after them by group. Restore default ticks the columns the summary
had before there was a choice. Kept in the ledger (ledger/unioncolumns.py) on OK."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _lang() -> str:
    return "zh" if fmt.is_chinese() else "en"


class UnionColumnsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Union summary columns"))
        self.setObjectName("union_columns_dialog")
        note = QLabel(tr("Tick the figures the union summary shows (the page, the PDF and the "
                         "XLSX alike); drag them or use Move up / Move down to order them."))
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("union_columns_list")
        self.list.setAccessibleName(tr("Columns"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up = QPushButton(tr("Move up"))
        self.up.setObjectName("column_up")
        self.down = QPushButton(tr("Move down"))
        self.down.setObjectName("column_down")
        self.default = QPushButton(tr("Restore default"))
        self.default.setObjectName("columns_default")
        self.up.clicked.connect(lambda: self.move_row(-1))
        self.down.clicked.connect(lambda: self.move_row(1))
        self.default.clicked.connect(lambda: self.fill(UC.DEFAULT))
        side = QVBoxLayout()
        for b in (self.up, self.down):
            side.addWidget(b)
        side.addStretch(1)
        side.addWidget(self.default)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(middle, 1)
        lay.addWidget(self.buttons)
        self.resize(520, 560)
        self.fill(UC.chosen().keys)

    def fill(self, keys: tuple[str, ...]) -> None:
        """`keys` ticked in their order, then every other figure by group."""
        self.list.clear()
        rest = [(k, g) for g, ks in UC.grouped() for k in ks if k not in keys]
        for key, group in [(k, UC.group_of(k)) for k in keys] + rest:
            lang = _lang()
            group_text = group.zh if lang == "zh" else group.en
            item = QListWidgetItem(f"{UC.head(key, lang)}  ·  {group_text}")
            m = UC.CHOOSABLE[key]
            item.setToolTip(m.label if lang == "zh" else m.en)
            item.setData(KEY_ROLE, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if key in keys
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def move_row(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)

    def keys(self) -> list[str]:
        """The ticked figures in the list's order."""
        items = [self.list.item(i) for i in range(self.list.count())]
        return [it.data(KEY_ROLE) for it in items if it.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        try:
            UC.choose(self.keys())
        except LaomoError as exc:
            QMessageBox.warning(self, tr("Union summary columns"), exc.message)
            return
        super().accept()
