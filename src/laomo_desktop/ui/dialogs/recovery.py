"""When the ledger cannot be opened as it is — damaged, or lost while backups exist — the user
chooses a backup to restore (the damaged file is moved aside, never deleted), opens the data
folder to look for themselves, or (for a lost ledger) starts an empty one on purpose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup
from laomo_desktop.store.health import LedgerProblem
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.menus import reason_text, when_text
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, ask, inform, shown, tip, warn
from laomo_desktop.ui.system.tasks import JobRunner, start_job
from laomo_desktop.work import single_step

RESTORE, EMPTY = "restore", "empty"


def _plain(text: str) -> QLabel:
    label = DataLabel(text, lines=True)
    label.setWordWrap(True)
    return label


class RecoveryDialog(QDialog):
    def __init__(self, paths: LedgerPaths, problem: LedgerProblem,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(tr("The ledger needs your help"))
        self.paths, self.problem = paths, problem
        self.choice: tuple[str, Path | None] | None = None
        self.job: JobRunner | None = None
        self.moved: list[Path] = []  # where the damaged file went, once restored

        if problem.kind == "lost":
            head = tr("The ledger file is missing or empty, but there are backups of it.")
        else:
            head = tr("The ledger file is damaged. The program has not changed it.")
        headline = _plain(head)
        headline.setObjectName("headline")
        font = headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        headline.setFont(font)
        detail = _plain(tr("File: %1\nWhat is wrong: %2").replace("%1", str(paths.db))
                        .replace("%2", worded(problem.detail) or problem.message))
        detail.setObjectName("detail")
        advice = _plain(tr(
            "Choose a backup to go back to. The ledger will hold exactly what it held when that "
            "backup was made. The current file is kept as it is in the folder “aside” of the "
            "data folder; nothing is deleted."))

        self.list = QTreeWidget()
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName(tr("Backups"))
        self.list.setHeaderLabels([tr("Made at"), tr("Kind"), tr("Studios"), tr("Records")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for info in backup.list_backups(paths):
            summary = backup.summarize(info.path)
            if summary["error"]:
                studios, records = tr("(cannot be read)"), ""
            else:
                studios = shown(fmt.listed(summary["studios"])) or tr("(none)")
                records = f"{summary['records']:,}"
            item = QTreeWidgetItem([when_text(info.created), reason_text(info), studios, records])
            item.setData(0, Qt.ItemDataRole.UserRole, info.path)
            item.setToolTip(0, tip(info.path.name))
            item.setToolTip(2, tip(studios))
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if summary["error"]:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.itemDoubleClicked.connect(lambda *_: self._restore())

        self.buttons = buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(tr("Restore this one"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self._restore)
        self.folder_button = QPushButton(tr("Open the data folder"))
        self.folder_button.setObjectName("folder_button")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.empty_button = None
        if problem.kind == "lost":
            self.empty_button = buttons.addButton(tr("Start an empty ledger"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
            self.empty_button.setObjectName("empty_button")
            self.empty_button.setAutoDefault(False)
            self.empty_button.clicked.connect(self._start_empty)
        quit_button = buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quit_button")
        quit_button.clicked.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(headline)
        lay.addWidget(detail)
        lay.addWidget(advice)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.list.currentItemChanged.connect(self._update)
        for i in range(self.list.topLevelItemCount()):
            if self.list.topLevelItem(i).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(self.list.topLevelItem(i))  # the newest sound backup
                break
        self._update()
        self.resize(760, 460)

    def _update(self, *_args) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def selected_path(self) -> Path | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _restore(self) -> None:
        """Put the chosen backup in place as a job (the dialog keeps painting); the dialog is
        accepted once it is done, and stays open to choose again when it failed."""
        path = self.selected_path()
        if path is None or self.job is not None:
            return
        for button in self.buttons.buttons():
            button.setEnabled(False)

        def restored(moved: list[Path]) -> None:
            self.job, self.moved, self.choice = None, moved, (RESTORE, path)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.job = None
            for button in self.buttons.buttons():
                button.setEnabled(True)
            self._update()
            if not isinstance(exc, LaomoError):
                raise exc
            warn(self, tr("Restore failed"), exc.message)

        self.job = start_job(self, tr("Restore from a backup"), tr("Restoring the ledger…"),
                             lambda: single_step(lambda: backup.restore_over(
                                 self.paths, path, self.problem.kind)),
                             restored, on_failed=failed, cancellable=False)

    def reject(self) -> None:
        if self.job is None:  # not while a backup is being put in place
            super().reject()

    def _start_empty(self) -> None:
        if ask(self, tr("Start an empty ledger"),
               tr("Start with an empty ledger? The backups stay in the data folder, and you can "
                  "restore one later from File ▸ Restore from a backup.")):
            self.choice = (EMPTY, None)
            self.accept()

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.root)))


def recover(paths: LedgerPaths, problem: LedgerProblem) -> tuple[str, Path | None] | None:
    """Ask what to do; a backup chosen is put over the ledger file by the dialog itself, off
    the GUI thread. Returns the choice made (already carried out for a restore), or None when
    the user quits."""
    dlg = RecoveryDialog(paths, problem)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.choice is None:
            return None
        choice, moved = dlg.choice, dlg.moved
    finally:
        dlg.deleteLater()
    if choice[0] == EMPTY:
        return choice
    kept = "\n".join(str(m) for m in moved)
    text = tr("The ledger was restored from the backup “%1”.").replace("%1", choice[1].name)
    if kept:
        text += "\n\n" + tr("The previous file was kept, unchanged, as:") + "\n" + kept
    inform(None, tr("Ledger restored"), text)
    return choice
