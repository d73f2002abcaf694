"""The conflicts an import kept aside (union office): each one with the fields that differ
between the ledger's copy and the package's, and the clerk's choice of which to keep."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import conflicts
from laomo_desktop.store import schema as S
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.exchange import GREEN, MUTED, ORANGE, when_text
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, ask, shown, tip, warn
from laomo_desktop.ui.system.tasks import JobRunner, start_job

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def record_text(c: dict) -> str:
    """“kind “title”” of a conflict's record, in the chosen language."""
    kind = fmt.label(S.kind(c["kind"]))
    if not c["title"]:
        return kind
    return f"{kind}“{c['title']}”" if fmt.is_chinese() else f"{kind} “{c['title']}”"


def package_text(c: dict) -> str:
    when = when_text(c["created_at"])
    if c["sequence"] is None:
        return when
    return tr("No. %1 · %2").replace("%1", str(c["sequence"])).replace("%2", when)


class ConflictsDialog(QDialog):
    """Open conflicts above, the selected one's differing fields below, and the two choices.

    A resolution runs as a job; `ended` is emitted once it has ended and the list is reloaded."""

    ended = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job: JobRunner | None = None
        self.rows: list[dict] = []
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(tr("Conflicts to review"))
        intro = QLabel(tr("These records came in a data package with the same version as the "
                          "ledger's copy but other content, so the import left them unchanged. "
                          "For each one, keep the ledger's copy or take the package's."))
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("conflict_list")
        self.list.setAccessibleName(tr("Conflicts to review"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([tr("Studio"), tr("Kind"), tr("Record"), tr("Package")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.empty = QLabel(tr("There are no conflicts to review."))
        self.empty.setObjectName("conflicts_empty")
        self.empty.setStyleSheet(f"color: {GREEN};")
        self.record = DataLabel()
        self.record.setObjectName("conflict_record")
        font = self.record.font()
        font.setBold(True)
        self.record.setFont(font)
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("conflict_fields")
        self.fields.setAccessibleName(tr("Fields that differ"))
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("In this ledger"),
                                               tr("In the package")])
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.status = DataLabel()
        self.status.setObjectName("conflict_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {MUTED};")

        self.keep_button = QPushButton(tr("Keep local"))
        self.keep_button.setObjectName("keep_local")
        self.keep_button.setToolTip(tr("Keep the ledger's copy; the package's is set aside"))
        self.keep_button.clicked.connect(self.keep_local)
        self.take_button = QPushButton(tr("Take the package's"))
        self.take_button.setObjectName("take_incoming")
        self.take_button.setToolTip(tr("Replace the ledger's copy with the package's (a backup "
                                       "is taken first)"))
        self.take_button.clicked.connect(self.take_incoming)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 2)
        lay.addWidget(self.empty)
        lay.addWidget(self.record)
        lay.addWidget(self.fields, 3)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.resize(820, 560)
        self.reload()

    # -- content ------------------------------------------------------------------------------
    def reload(self, row: int = 0) -> None:
        self.rows = conflicts.list_conflicts()
        self.list.clear()
        for c in self.rows:
            item = QTreeWidgetItem([shown(c["studio"]), fmt.label(S.kind(c["kind"])),
                                    shown(c["title"]), package_text(c)])
            item.setData(0, ID_ROLE, c["id"])
            item.setToolTip(3, tip(c["file_name"]))
            self.list.addTopLevelItem(item)
        for col in range(3):
            self.list.resizeColumnToContents(col)
        self.list.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        if self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(min(row, len(self.rows) - 1)))
        self._show_current()

    def current(self) -> dict | None:
        item = self.list.currentItem()
        if item is None:
            return None
        cid = item.data(0, ID_ROLE)
        return next((c for c in self.rows if c["id"] == cid), None)

    def _show_current(self) -> None:
        c = self.current()
        self.keep_button.setEnabled(c is not None)
        self.take_button.setEnabled(c is not None)
        self.record.setVisible(c is not None)
        self.fields.setVisible(c is not None)
        self.fields.setRowCount(0)
        if c is None:
            return
        self.record.setText(f"{c['studio']} · {record_text(c)}")
        self.record.setToolTip(tip(c["record_uid"]))
        diffs = conflicts.differences(c)
        self.fields.setRowCount(len(diffs))
        for r, cells in enumerate(diffs):
            for col, said in enumerate(cells):
                text = worded(said)
                item = QTableWidgetItem(shown(text, lines=True))  # a value may be paragraphs
                item.setToolTip(tip(text))
                if col == 2:
                    item.setForeground(QColor(ORANGE))
                self.fields.setItem(r, col, item)
        self.fields.resizeRowsToContents()

    # -- actions ------------------------------------------------------------------------------
    def keep_local(self) -> bool:
        """Start keeping the ledger's copy; False when there is nothing to resolve."""
        return self._resolve("local")

    def take_incoming(self) -> bool:
        """Ask, then start taking the package's copy (backup first); False when not started."""
        c = self.current()
        if c is None:
            return False
        if not ask(self, tr("Take the package's copy"),
                   tr("Replace the ledger's copy of %1 with the one from the package? A backup "
                      "of the ledger is taken first.").replace("%1", record_text(c))):
            return False
        return self._resolve("incoming")

    def reject(self) -> None:
        if self.job is None:  # not while a resolution runs: its outcome is shown here
            super().reject()

    def _resolve(self, keep: str) -> bool:
        """Run the resolution as a job (the backup, then the write); the list is reloaded when
        it has ended, whatever the outcome. `ended` tells the dialog's users when that is."""
        c = self.current()
        if c is None or self.job is not None:
            return False
        row = self.list.indexOfTopLevelItem(self.list.currentItem())

        def resolved(_result: dict) -> None:
            done = tr("Kept the ledger's copy of %1.") if keep == "local" else \
                tr("Took the package's copy of %1.")
            self.status.setText(done.replace("%1", record_text(c)))
            self.ctx.changed()
            finish()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, LaomoError):
                finish()
                raise exc
            warn(self, tr("Cannot resolve the conflict"), exc.message)
            finish()

        def finish() -> None:
            self.job = None
            self.reload(row)
            self.ended.emit()

        self.keep_button.setEnabled(False)
        self.take_button.setEnabled(False)
        self.job = start_job(self, tr("Conflicts to review"), tr("Resolving the conflict…"),
                             lambda: conflicts.resolve_steps(self.ctx.paths, c["id"], keep),
                             resolved, on_failed=failed, on_cancelled=finish)
        return True
