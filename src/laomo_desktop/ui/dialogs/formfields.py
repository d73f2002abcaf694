"""The help on form fields: every placeholder a union's form may use, what it means and an
example value — the chosen studio's own for the chosen year when there is one. The list comes
from ledger/formfields.py (generated from the registries), never typed here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.ledger import formfields
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown


class FieldsHelp(QDialog):
    """A searchable table of the placeholders; double-click (or Copy) puts one on the
    clipboard, ready to paste into the form."""

    def __init__(self, values: dict | None, about: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("form_fields_help")
        self.setWindowTitle(tr("Form fields"))
        self.entries = formfields.describe(values)
        intro = QLabel(tr(
            "Type these placeholders into a Word or Excel form. A value: {{ 工作室.名称 }}. A "
            "table row repeated for each record: a row holding {%tr for x in 创新成果 %}, then "
            "the row with {{ x.成果名称 }} and the other fields, then a row holding "
            "{%tr endfor %}. In Excel the same three rows work. Conditions: {% if … %} … "
            "{% endif %}."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        source = QLabel(about)
        source.setObjectName("form_fields_example_source")
        source.setStyleSheet("color: #6b7280;")
        self.search = QLineEdit()
        self.search.setObjectName("form_fields_search")
        self.search.setPlaceholderText(tr("Search placeholders and meanings"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(len(self.entries), 4)
        self.table.setObjectName("form_fields_table")
        self.table.setHorizontalHeaderLabels([tr("Group"), tr("Placeholder"), tr("Meaning"),
                                              tr("Example")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        for row, e in enumerate(self.entries):
            for col, text in enumerate((e.group, e.placeholder, e.meaning, e.example)):
                item = QTableWidgetItem(shown(text))
                if col == 3:
                    item.setToolTip(shown(text))
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.Interactive)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(3, 220)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.copy(row))
        copy = QPushButton(tr("Copy the placeholder"))
        copy.setObjectName("copy_placeholder")
        copy.clicked.connect(lambda: self.copy(self.table.currentRow()))
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        self.copied = QLabel()
        self.copied.setObjectName("placeholder_copied")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copied, 1)
        buttons.addWidget(copy)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        for w in (intro, source, self.search):
            lay.addWidget(w)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.resize(1000, 640)

    def _filter(self, text: str) -> None:
        text = text.strip()
        for row, e in enumerate(self.entries):
            hit = not text or any(text in s for s in (e.group, e.placeholder, e.meaning))
            self.table.setRowHidden(row, not hit)

    def copy(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            text = self.entries[row].placeholder
            QGuiApplication.clipboard().setText(text)
            self.copied.setText(tr("Copied: %1").replace("%1", text))
