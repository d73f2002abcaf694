"""The recycle bin (回收站) and the audit log (操作日志) pages."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.lazypage import LazyPage
from laomo_desktop.ui.plain import ask, warn
from laomo_desktop.ui.system import undo
from laomo_desktop.ui.widgets.tablemodel import RAW_ROLE, RecordTableModel


def local_time(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def kind_label(name: str) -> str:
    if name == "union_targets":  # the union's targets of a year (ledger/targets.py)
        return tr("Union targets")
    return fmt.label(S.kind(name)) if name in S.BY_NAME else name


class _ListPage(LazyPage):
    """A filterable table that reloads when the ledger or the studio changes."""

    def __init__(self, ctx: AppContext, headers, formatters, name: str):
        super().__init__(ctx, by_year=False)
        self.setObjectName(name)
        self.model = RecordTableModel(headers, formatters, self)
        self.bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        lay = QVBoxLayout(self)
        lay.addLayout(self.bar)
        lay.addWidget(self.table, 1)

    def finish_bar(self) -> None:
        self.bar.addStretch(1)
        self.bar.addWidget(self.search)
        self.bar.addWidget(self.count)

    def rows(self) -> list[tuple]:
        return []

    def reload(self) -> None:
        self._dirty = False
        self.model.set_rows(self.rows() if self.ctx.studio_uid else [])
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self.count.setText(tr("%1 shown").replace("%1", str(self.model.rowCount())))

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        return idx.row() if idx.isValid() else -1


class RecycleBinPage(_ListPage):
    def __init__(self, ctx: AppContext):
        super().__init__(ctx, [tr("Kind"), tr("Record"), tr("Deleted at")],
                         [kind_label, lambda v: v or "", local_time], "page_recycle")
        self.restore_button = QPushButton(tr("Restore"))
        self.restore_button.clicked.connect(self.restore_current)
        self.purge_button = QPushButton(tr("Delete for good…"))
        self.purge_button.clicked.connect(self.purge_current)
        self.bar.addWidget(self.restore_button)
        self.bar.addWidget(self.purge_button)
        self.finish_bar()

    def rows(self) -> list[tuple]:
        return [(uid, kind, kind, title, at) for kind, uid, title, at in
                Q.binned(self.ctx.studio_uid)]

    def _current(self) -> tuple[str, str] | None:
        row = self.current_row()
        if row < 0:
            return None
        uid = self.model.uid_at(row)
        kind = self.model.data(self.model.index(row, 0), RAW_ROLE)
        return kind, uid

    def restore_current(self) -> None:
        cur = self._current()
        if not cur:
            return
        try:
            R.restore(*cur)
        except LaomoError as exc:
            warn(self, tr("Not restored"), exc.message)
            return
        self.ctx.undo_stack.push(undo.ServiceCommand(
            self.ctx, tr("Restore"), lambda c=cur: R.trash(*c), lambda c=cur: R.restore(*c)))
        self.ctx.changed()

    def purge_current(self) -> None:
        cur = self._current()
        if not cur:
            return
        if not ask(self, tr("Delete for good"),
                   tr("This record will be removed for good and cannot be restored. Continue?")):
            return
        try:
            R.purge(*cur)
        except LaomoError as exc:
            warn(self, tr("Not deleted"), exc.message)
            return
        self.ctx.undo_stack.clear()  # a purged record cannot come back
        self.ctx.changed()


def action_text(action: str) -> str:
    return {"create": tr("Create"), "update": tr("Edit"), "trash": tr("Delete"),
            "restore": tr("Restore"), "purge": tr("Delete for good"),
            "bulk": tr("Bulk import"), "targets": tr("Set targets")}.get(action, action)


class AuditPage(_ListPage):
    def __init__(self, ctx: AppContext):
        super().__init__(ctx, [tr("Time"), tr("User"), tr("Action"), tr("Kind"), tr("What")],
                         [local_time, str, action_text,
                          kind_label, str], "page_audit")
        self.finish_bar()

    def rows(self) -> list[tuple]:
        return [(uid or "", 0, at, actor, action, kind, summary)
                for at, actor, action, kind, summary, uid in Q.audit_rows(self.ctx.studio_uid)]
