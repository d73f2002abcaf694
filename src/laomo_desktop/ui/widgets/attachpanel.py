"""The attachments of one record: add by button or drag-and-drop, open, remove.

Changes are collected and applied when the record is saved, so Cancel really cancels."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from laomo_desktop.ledger import filetypes
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import warn
from laomo_desktop.ui.widgets import thumbs
from laomo_desktop.visible import has_bidi, visible

OWNER_CHARS = 40  # a long title (an economic benefit's basis) is cut in the list


def size_text(n: int) -> str:
    """A size as people read it (12 KB, 3.4 MB); the list still sorts by the bytes."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    if n < 1024 ** 3:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024 ** 3:.1f} GB"


def owner_text(value: str | None) -> str:
    """"活动：2025 年技能比武": the kind and title of the record a file belongs to."""
    kind, title, where = A.split_owner(value)
    label = fmt.label(S.kind(kind)) if kind in S.BY_NAME else kind
    if where == "missing":
        return f"{label}{tr(' (not found)')}" if kind else ""
    if len(title) > OWNER_CHARS:
        title = title[:OWNER_CHARS - 1] + "…"
    text = fmt.titled(label, title)
    return text + tr(" (in the recycle bin)") if where == "bin" else text


def column_spec(name: str) -> tuple[str, Callable[[Any], str]] | None:
    """(header, formatter) of a column of the attachments section, None for a plain one."""
    if name == "owner":
        return tr("Belongs to"), owner_text
    if name == "owner_kind":
        return fmt.label(S.ATTACHMENT.field(name)), \
            lambda v: fmt.label(S.kind(v)) if v in S.BY_NAME else (v or "")
    if name == "size":  # shown in KB or MB: the header says no unit
        return tr("Size"), lambda v: size_text(v or 0)
    if name == "filename":  # a bidi override cannot disguise it
        return fmt.label(S.ATTACHMENT.field(name)), lambda v: visible(v or "")
    return None


class ProgramWarning(QMessageBox):
    """Asked before a program or script among the attachments is opened: on Windows a click
    on `报告.pdf.exe` runs it. Names the real file type; the default answer is not to open."""

    def __init__(self, parent: QWidget | None, filename: str, kind: filetypes.FileType):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("This attachment is a program"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        ext = filetypes.real_extension(filename)
        text = (tr("“%1” is not a document: it is a %2 (.%3). Opening it runs it on this "
                   "computer, with your permissions.")
                .replace("%1", visible(filename))
                .replace("%2", kind.label if fmt.is_chinese() else kind.en)
                .replace("%3", ext))
        if has_bidi(filename):
            text += "\n\n" + tr("Its name contains characters that reverse the text shown "
                                 "after them (shown here as [U+202E] and the like): a trick "
                                 "that makes a program look like a document.")
        self.setText(text)
        self.setInformativeText(tr("Open it only if you know who made it and why it was "
                                   "sent. Do you want to open it?"))
        self.open_button = self.addButton(tr("Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(tr("Do not open"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def confirmed(self) -> bool:
        self.exec()
        return self.clickedButton() is self.open_button


def confirm_opening(parent: QWidget | None, filename: str) -> bool:
    """Whether to go on opening a file of this name: asks first if it is a program."""
    kind = filetypes.program_type(filename)
    return kind is None or ProgramWarning(parent, filename, kind).confirmed()


def _cannot_open(parent: QWidget | None, filename: str, why: str) -> None:
    warn(parent, tr("Cannot open the attachment"),
         tr("“%1” cannot be opened: %2").replace("%1", visible(filename)).replace("%2", why))


def _hand_to_system(parent: QWidget | None, path: Path, filename: str) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        _cannot_open(parent, filename, tr("no program on this computer opens this kind of "
                                          "file."))


def open_file(parent: QWidget | None, path: Path) -> None:
    """Open a file the user chose but has not attached yet (same warning for programs)."""
    if not path.is_file():
        _cannot_open(parent, path.name, tr("the file is no longer there."))
    elif confirm_opening(parent, path.name):
        _hand_to_system(parent, path, path.name)


def open_attachment(paths: LedgerPaths, record: dict, parent: QWidget | None = None) -> None:
    """Open a copy with the system's program for it, or say why it cannot be; never raises.

    The copy gets a name safe to create anywhere: the stored name comes from packages too
    and may be empty, "..", hold a NUL or a path. A program or script is opened only after
    the user confirms it."""
    name = record.get("filename") or ""
    try:
        src = A.open_path(paths, record)
    except LaomoError as exc:
        warn(parent, tr("Cannot open the attachment"), exc.message)
        return
    if not confirm_opening(parent, name):
        return
    try:
        dest = Path(tempfile.mkdtemp(prefix="laomo-")) / filetypes.safe_name(name)
        with open(src, "rb") as fin, open(dest, "xb") as fout:  # a new file, never a link's
            while chunk := fin.read(1 << 20):
                fout.write(chunk)
    except OSError as exc:
        _cannot_open(parent, name, tr("it could not be copied to a temporary folder (%1).")
                     .replace("%1", exc.strerror or str(exc)))
        return
    _hand_to_system(parent, dest, name)


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
        self.list.setMaximumHeight(130)
        self.list.setIconSize(thumbs.icon_size())
        self._pictures: dict[str, list[QListWidgetItem]] = {}  # thumbnail key → its items
        thumbs.shared().ready.connect(self._picture_ready)
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
                self._add_item(fmt.noted(visible(rec['filename']), size_text(rec['size'])), rec)

    def _add_item(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        name = data["filename"] if isinstance(data, dict) else Path(data).name
        if filetypes.is_image(name or ""):  # a picture shows itself once it is decoded
            key, where = self._picture_source(data)
            item.setIcon(thumbs.shared().icon(key, where, name))
            self._pictures.setdefault(key, []).append(item)
        self.list.addItem(item)

    def _picture_source(self, data) -> tuple[str, Callable[[], Path | None]]:
        if isinstance(data, dict):
            sha, paths = data.get("sha256") or "", self.paths
            return sha, lambda: blobs.blob_path(paths, sha) if len(sha) == 64 else None
        return f"file:{data}", lambda: Path(data)

    def _picture_ready(self, key: str) -> None:
        items = self._pictures.pop(key, None)
        for item in items or ():
            if item.listWidget() is self.list:  # not removed meanwhile
                data = item.data(Qt.ItemDataRole.UserRole)
                name = data["filename"] if isinstance(data, dict) else Path(data).name
                item.setIcon(thumbs.shared().icon(key, lambda: None, name or ""))

    def add_paths(self, paths: list[Path]) -> None:
        for p in paths:
            if p.is_file():
                self.pending.append(p)
                self._add_item(fmt.noted(visible(p.name), tr('new')), str(p))
        self.changed.emit()

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Attach files"))
        self.add_paths([Path(f) for f in files])

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        data = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(data, dict):
            open_attachment(self.paths, data, self)
        else:
            open_file(self, Path(data))

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
                raise LaomoError(tr("Cannot find the file “%1”; choose it again.")
                                 .replace("%1", str(p)))
            if p.stat().st_size > A.MAX_BYTES:
                raise LaomoError(tr("The file “%1” is larger than %2 MB; compress or split it "
                                    "before adding it.").replace("%1", p.name)
                                 .replace("%2", str(A.MAX_BYTES // 1024 // 1024)))

    def commit(self, owner_uid: str) -> None:
        """Apply the additions and removals to the saved record."""
        for uid in self.removed:
            A.detach(uid)
        for p in self.pending:
            A.attach(self.paths, self.owner_kind, owner_uid, p)
        self.pending, self.removed = [], []
