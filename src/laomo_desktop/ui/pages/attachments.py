"""The attachments section: every file of the studio, with a thumbnail for pictures and the
record each file belongs to ("活动：2025 年技能比武"), which opens that record as the search does.

Thumbnails are asked for by the delegate that paints the file-name cell, so only the rows on
screen are ever decoded (ui/widgets/thumbs.py); the table model stays the shared one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.store import blobs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.section import SectionPage
from laomo_desktop.ui.pages.sections import SECTION_OF_KIND, Section
from laomo_desktop.ui.plain import warn
from laomo_desktop.ui.system import undo
from laomo_desktop.ui.widgets import thumbs
from laomo_desktop.ui.widgets.attachpanel import open_attachment
from laomo_desktop.ui.widgets.tablemodel import RAW_ROLE, UID_ROLE


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints a picture attachment's file name with its thumbnail (the file-type icon until
    the picture is decoded, or for ever if it is not a readable one)."""

    def __init__(self, page: AttachmentSectionPage):
        super().__init__(page.table)
        self.page = page
        self.painting = False  # only a painted row asks for its picture to be decoded

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.painting = True
        try:
            super().paint(painter, option, index)
        finally:
            self.painting = False

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        source = self.page.pictures.get(index.data(UID_ROLE))
        if source is None:
            return
        sha, name = source
        paths, cache = self.page.ctx.paths, thumbs.shared()
        option.icon = (cache.icon(sha, lambda: blobs.blob_path(paths, sha), name)
                       if self.painting else cache.peek(sha, name))
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.decorationSize = thumbs.icon_size()


class LinkDelegate(QStyledItemDelegate):
    """The owner column reads as a link: double-click or Enter on it opens the record."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.font.setUnderline(True)
        option.palette.setColor(QPalette.ColorRole.Text,
                                option.palette.color(QPalette.ColorRole.Link))


class AttachmentSectionPage(SectionPage):
    """Attachments of the whole studio: new ones are attached to the studio itself."""

    def __init__(self, ctx: AppContext, section: Section):
        super().__init__(ctx, section)
        self.pictures: dict[str, tuple[str, str]] = {}  # uid → (sha256, name) of pictures
        self.new_button.setText(tr("Add files…"))
        open_button = QPushButton(tr("Open"))
        open_button.clicked.connect(self.open_current)
        self.owner_button = QPushButton(tr("Open its record"))
        self.owner_button.setObjectName("open_owner")
        self.owner_button.setToolTip(tr("Open the record this file belongs to"))
        self.owner_button.clicked.connect(self.open_owner)
        bar = self.layout().itemAt(0).layout()
        bar.insertWidget(3, open_button)
        bar.insertWidget(4, self.owner_button)
        self.owner_column = section.columns.index("owner")
        self.table.setItemDelegateForColumn(section.columns.index("filename"),
                                            ThumbnailDelegate(self))
        self.table.setItemDelegateForColumn(self.owner_column, LinkDelegate(self.table))
        self.table.setIconSize(thumbs.icon_size())
        self.table.verticalHeader().setDefaultSectionSize(thumbs.SIZE + 6)
        thumbs.shared().ready.connect(self._picture_ready)

    def _load_rows(self) -> None:
        self.pictures = A.pictures_of(self.ctx.studio_uid) if self.ctx.studio_uid else {}
        super()._load_rows()

    def _picture_ready(self, sha: str) -> None:
        if self.isVisible() and any(s == sha for s, _ in self.pictures.values()):
            self.table.viewport().update()

    def new_record(self) -> None:
        if not self.ctx.studio_uid or self.read_only:
            return
        files, _ = QFileDialog.getOpenFileNames(self, tr("Attach files to the studio"))
        for f in files:
            try:
                rec = A.attach(self.ctx.paths, "studio", self.ctx.studio_uid, Path(f))
            except LaomoError as exc:
                warn(self, tr("Not attached"), exc.message)
                continue
            self.ctx.undo_stack.push(undo.created(self.ctx, "attachment", rec, tr("Add files…")))
        self.ctx.changed()

    def open_current(self) -> None:
        uid = self.current_uid()
        if uid:
            try:
                record = R.get("attachment", uid)
            except LaomoError as exc:
                warn(self, tr("Cannot open the attachment"), exc.message)
                return
            open_attachment(self.ctx.paths, record, self)

    def edit_current(self) -> None:
        """Double-click or Enter: on the owner column opens the record the file belongs to,
        elsewhere the attachment's own form (its caption)."""
        if self.table.currentIndex().column() == self.owner_column:
            self.open_owner()
        else:
            super().edit_current()

    def open_owner(self) -> None:
        """Open the record the current file belongs to: its section selected and its form
        opened (the studio's own files open the studio profile)."""
        idx = self.table.currentIndex()
        uid = self.current_uid()
        if not uid:
            return
        kind, _title, where = A.split_owner(
            self.model.data(idx.siblingAtColumn(self.owner_column), RAW_ROLE))
        if where != "live":
            warn(self, tr("Cannot open"), tr("The record this file belongs to is in the recycle "
                                            "bin; restore it there to open it.") if where == "bin"
                 else tr("The record this file belongs to is not in the ledger."))
            return
        try:
            owner_uid = R.get("attachment", uid)["owner_uid"]
        except LaomoError as exc:
            warn(self, tr("Cannot open"), exc.message)
            return
        self.ctx.navigate_requested.emit(SECTION_OF_KIND.get(kind, "studio"), owner_uid)
