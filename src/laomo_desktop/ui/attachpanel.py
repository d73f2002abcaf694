"""The attachments of one record: add by button or drag-and-drop, open, remove.

Changes are collected and applied when the record is saved, so Cancel really cancels."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments as A
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui.i18n import tr


def size_text(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def open_attachment(paths: LedgerPaths, record: dict) -> None:
    """Open a copy under its own file name with the system's program for it."""
    src = A.open_path(paths, record)
    folder = Path(tempfile.mkdtemp(prefix="laomo-"))
    dest = folder / Path(record["filename"]).name
    shutil.copyfile(src, dest)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(dest)))


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(self, paths: LedgerPaths, owner_kind: str, owner_uid: str | None):
        super().__init__()
        self.paths = paths
        self.owner_kind = owner_kind
        self.pending: list[Path] = []
        self.removed: list[str] = []
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Attachments"))
        self.list.setMaximumHeight(110)
        self.list.setToolTip(tr("Drop files here to attach them"))
        self.list.itemDoubleClicked.connect(lambda _i: self.open_current())
        lay.addWidget(self.list)
        row = QHBoxLayout()
        for text, slot in ((tr("Add files…"), self.choose), (tr("Open"), self.open_current),
                           (tr("Remove"), self.remove_current)):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        if owner_uid:
            for rec in A.attachments_of(owner_uid):
                self._add_item(f"{rec['filename']}（{size_text(rec['size'])}）", rec)

    def _add_item(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.list.addItem(item)

    def add_paths(self, paths: list[Path]) -> None:
        for p in paths:
            if p.is_file():
                self.pending.append(p)
                self._add_item(f"{p.name}（{tr('new')}）", str(p))
        self.changed.emit()

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Attach files"))
        self.add_paths([Path(f) for f in files])

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        data = item.data(Qt.ItemDataRole.UserRole)
        try:
            if isinstance(data, dict):
                open_attachment(self.paths, data)
            else:
                QDesktopServices.openUrl(QUrl.fromLocalFile(data))
        except (LaomoError, OSError) as exc:
            QMessageBox.warning(self, tr("Cannot open the attachment"), str(exc))

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        data = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(data, dict):
            self.removed.append(data["uid"])
        else:
            self.pending = [p for p in self.pending if str(p) != data]
        self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.add_paths([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def check(self) -> None:
        """Refuse before anything is saved when a file to attach is gone or too large."""
        for p in self.pending:
            if not p.is_file():
                raise LaomoError(f"找不到文件“{p}”，请重新选择。")
            if p.stat().st_size > A.MAX_BYTES:
                raise LaomoError(f"文件“{p.name}”超过 {A.MAX_BYTES // 1024 // 1024} MB，"
                                 "请压缩或拆分后再添加。")

    def commit(self, owner_uid: str) -> None:
        """Apply the additions and removals to the saved record."""
        for uid in self.removed:
            A.detach(uid)
        for p in self.pending:
            A.attach(self.paths, self.owner_kind, owner_uid, p)
        self.pending, self.removed = [], []
