"""Global search (Ctrl+Shift+F): any record of the studio by its text, across sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import queries as Q
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.sections import SECTION_OF_KIND
from laomo_desktop.ui.plain import shown


class SearchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Find in the whole ledger"))
        self.setObjectName("search_dialog")
        self.resize(560, 440)
        self.query = QLineEdit()
        self.query.setObjectName("query")
        self.query.setPlaceholderText(tr("Type any word of a record: a name, a topic, a title…"))
        self.query.setAccessibleName(tr("Search text"))
        self.query.textChanged.connect(self.run)
        self.query.returnPressed.connect(self.open_current)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.itemActivated.connect(lambda _i: self.open_current())
        self.status = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.query)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.status)

    def run(self, text: str) -> None:
        self.results.clear()
        rows = Q.search(self.ctx.studio_uid, text) if self.ctx.studio_uid else []
        for kind, uid, title in rows:
            if kinds.rules(kind).is_file:
                continue
            item = QListWidgetItem(fmt.titled(fmt.label(S.kind(kind)), shown(str(title or ''))))
            item.setData(Qt.ItemDataRole.UserRole, (kind, uid))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.status.setText(tr("%1 found").replace("%1", str(self.results.count()))
                            if text.strip() else "")

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        kind, uid = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.ctx.navigate_requested.emit(SECTION_OF_KIND.get(kind, "studio"), uid)
