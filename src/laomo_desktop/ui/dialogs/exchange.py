"""Data packages in the GUI, studio side: the export dialog, and the helpers the import dialogs
(ui.importdialogs) share. The work is exchange/'s; it runs off the GUI thread (tasks.start_job)
and its Chinese error messages are shown as they are."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import export, keys, privacy
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import studio_is_imported
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, inform, warn
from laomo_desktop.ui.system import drives
from laomo_desktop.ui.system.tasks import start_job

RED, ORANGE, GREEN, MUTED = "#b00020", "#8a5a00", "#1a7f37", "#6b7280"


def error_text(exc: BaseException) -> str:
    return exc.message if isinstance(exc, LaomoError) else str(exc)


def when_text(iso: str | None) -> str:
    """An ISO moment (UTC, "…Z") as local date and time."""
    if not iso:
        return ""
    try:
        t = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso[:16]
    return f"{fmt.date_text(t.date().isoformat())} {t:%H:%M}"


def mono_label(text: str, name: str) -> QLabel:
    lab = DataLabel(text)
    lab.setObjectName(name)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    lab.setFont(font)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def import_buttons(dlg, place: str, accept: str = "") -> QDialogButtonBox:
    """An import preview's buttons: Import (or `accept`) and Skip, or Cancel when one package
    alone is previewed (`place` empty); the dialog's trust and replace boxes update it."""
    buttons = QDialogButtonBox()
    dlg.import_button = buttons.addButton(accept or tr("Import"),
                                          QDialogButtonBox.ButtonRole.AcceptRole)
    dlg.import_button.setObjectName("import_button")
    skip = buttons.addButton(tr("Skip") if place else tr("Cancel"),
                             QDialogButtonBox.ButtonRole.RejectRole)
    skip.setObjectName("skip_button")
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    for box in (dlg.trust, dlg.replace):
        box.toggled.connect(dlg._update)
    return buttons


def key_box(pv, trust: QCheckBox, replace: QCheckBox, match: str, first: str, changed: str,
            *, red_new: bool = False) -> QFrame:
    """The signing-key part of an import preview (a studio's package or an office's): the key
    matches the registered one, is the first from this sender (tick `trust` after comparing the
    fingerprint by phone), or has changed (tick `replace`). The texts are the caller's, worded
    for a studio or an office; `pv` has key_status, fingerprint and pinned_fingerprint."""
    box = QFrame()
    box.setObjectName("key_box")
    box.setFrameShape(QFrame.Shape.StyledPanel)
    lay = QVBoxLayout(box)
    if pv.key_status == "match":
        text = DataLabel(match)
        text.setStyleSheet(f"color: {GREEN};")
        lay.addWidget(text)
    elif pv.key_status == "first":
        text = QLabel(first)
        lay.addWidget(text)
        lay.addWidget(mono_label(pv.fingerprint, "preview_fingerprint"))
        lay.addWidget(trust)
    else:
        box.setStyleSheet(f"QFrame#key_box {{ border: 2px solid {RED}; }}")
        text = QLabel(changed)
        text.setStyleSheet(f"color: {RED}; font-weight: bold;")
        lay.addWidget(text)
        lay.addWidget(DataLabel(tr("Registered: %1").replace("%1", pv.pinned_fingerprint or "")))
        new = mono_label(tr("This package: %1").replace("%1", pv.fingerprint),
                         "preview_fingerprint")
        if red_new:
            new.setStyleSheet(f"color: {RED};")
        lay.addWidget(new)
        lay.addWidget(replace)
    text.setObjectName("key_status")
    text.setWordWrap(True)
    return box


def key_accepted(pv, trust: QCheckBox, replace: QCheckBox) -> bool:
    """The key part of an import preview lets the import go ahead."""
    return {"match": True, "first": trust.isChecked(),
            "changed": replace.isChecked()}[pv.key_status]


def installation_fingerprint_text(paths) -> str:
    """This installation's key fingerprint, without making a key just to show it."""
    if not (keys.key_dir(paths) / keys.KEY_FILE).exists():
        return tr("not made yet (it is made with the first export)")
    try:
        return keys.installation_fingerprint(paths)
    except LaomoError as exc:
        return exc.message


# -- File ▸ Export data package ---------------------------------------------------------------
class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 targets: list[drives.Target] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("export_dialog")
        self.setWindowTitle(tr("Export data package"))
        self.opener = export.default_opener  # tests put a failing drive here
        self.job = None
        self.result_value: export.ExportResult | None = None
        self.last_file: Path | None = None  # the newest package kept in the outbox
        studio = R.get("studio", ctx.studio_uid)
        self.read_only = studio_is_imported(ctx.studio_uid)

        name = DataLabel(studio["name"])
        name.setObjectName("export_studio")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        name.setFont(font)
        self.fingerprint = mono_label("", "export_fingerprint")
        fp_hint = QLabel(tr("The union office confirms this fingerprint with you (by phone or on "
                            "paper) before it imports your first package. It is also printed on "
                            "the review packet."))
        fp_hint.setWordWrap(True)
        fp_hint.setStyleSheet(f"color: {MUTED};")

        self.drive_list = QTreeWidget()
        self.drive_list.setObjectName("drive_list")
        self.drive_list.setAccessibleName(tr("Where to write the package"))
        self.drive_list.setHeaderLabels([tr("Drive"), tr("Location"), tr("Free space")])
        self.drive_list.setRootIsDecorated(False)
        self.drive_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.drive_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.drive_list.currentItemChanged.connect(self._update)
        refresh = QPushButton(tr("Refresh"))
        refresh.setObjectName("refresh_drives")
        refresh.setToolTip(tr("List the drives again (after plugging in a USB stick)"))
        refresh.clicked.connect(lambda: self.fill_drives(drives.list_targets()))
        browse = QPushButton(tr("Browse…"))
        browse.setObjectName("browse_button")
        browse.clicked.connect(self.browse)
        for b in (refresh, browse):
            b.setAutoDefault(False)

        self.last_label = QLabel()
        self.last_label.setObjectName("last_package")
        self.last_label.setWordWrap(True)
        self.rewrite_button = QPushButton(tr("Write the last package again"))
        self.rewrite_button.setObjectName("rewrite_button")
        self.rewrite_button.setAutoDefault(False)
        self.rewrite_button.setToolTip(tr("For a USB stick that failed: write the package kept "
                                          "on this computer to another drive, without "
                                          "exporting again"))
        self.rewrite_button.clicked.connect(self.rewrite)

        personal = self._personal_box()

        self.note = DataLabel(lines=True)
        self.note.setObjectName("export_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {RED};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(name)
        key_row = QHBoxLayout()
        key_row.addWidget(QLabel(tr("Signing-key fingerprint of this computer:")))
        key_row.addWidget(self.fingerprint)
        key_row.addStretch(1)
        lay.addLayout(key_row)
        lay.addWidget(fp_hint)
        lay.addSpacing(6)
        lay.addWidget(QLabel(tr("Write the package to (USB sticks are listed first):")))
        lay.addWidget(self.drive_list, 1)
        row = QHBoxLayout()
        row.addWidget(refresh)
        row.addWidget(browse)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(personal)
        again = QGroupBox(tr("Last package"))
        alay = QHBoxLayout(again)
        alay.addWidget(self.last_label, 1)
        alay.addWidget(self.rewrite_button)
        lay.addWidget(again)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.resize(640, 560)

        if self.read_only:
            self.fingerprint.setText("—")
            self.note.setText(tr("This studio's data was imported from its data packages; only "
                                 "the studio itself can export it."))
        else:
            self.fingerprint.setText(self._fingerprint())
        self.fill_drives(drives.list_targets() if targets is None else targets)
        self._fill_last()

    def _personal_box(self) -> QGroupBox:
        """A checkbox per optional personal field, unticked: privacy by default."""
        box = QGroupBox(tr("Personal data in the package"))
        box.setObjectName("personal_fields")
        lay = QVBoxLayout(box)
        hint = QLabel(tr("The union's statistics and review need none of these; tick only what "
                         "the union office should also receive."))
        hint.setObjectName("personal_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        lay.addWidget(hint)
        grid = QGridLayout()
        self.include_boxes: dict[str, QCheckBox] = {}
        for i, o in enumerate(privacy.OPTIONAL):
            check = QCheckBox(o.label if fmt.is_chinese() else o.en)
            check.setObjectName(f"include_{o.name}")
            check.setEnabled(not self.read_only)
            self.include_boxes[o.name] = check
            grid.addWidget(check, i // 3, i % 3)
        lay.addLayout(grid)
        return box

    def included(self) -> list[str]:
        """The optional personal fields ticked to travel in the package."""
        return [name for name, check in self.include_boxes.items() if check.isChecked()]

    def _fingerprint(self) -> str:
        try:
            return keys.installation_fingerprint(self.ctx.paths)
        except LaomoError as exc:
            self.note.setText(exc.message)
            return "—"

    # -- where to --------------------------------------------------------------------------
    def fill_drives(self, targets: list[drives.Target]) -> None:
        chosen = self.target()
        self.drive_list.clear()
        for t in targets:
            self._add_target(t.root, t.name or str(t.root),
                             tr("USB stick") if t.removable else tr("Local disk"),
                             drives.free_text(t))
        self._select(chosen)

    def _add_target(self, root: Path, name: str, kind: str, free: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{kind} · {name}" if name != str(root) else kind,
                                str(root), free])
        item.setData(0, Qt.ItemDataRole.UserRole, str(root))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.drive_list.addTopLevelItem(item)
        return item

    def _select(self, root: Path | None) -> None:
        for i in range(self.drive_list.topLevelItemCount()):
            item = self.drive_list.topLevelItem(i)
            if root is None or item.data(0, Qt.ItemDataRole.UserRole) == str(root):
                self.drive_list.setCurrentItem(item)
                return

    def browse(self) -> None:
        start = self.target()
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the folder to write to"),
                                                  str(start) if start else "")
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        """Any folder, chosen with Browse…: listed first and selected."""
        try:
            free = drives.size_text(shutil.disk_usage(folder).free)
        except OSError:
            free = ""
        item = self._add_target(folder, str(folder), tr("Folder"),
                                tr("%1 free").replace("%1", free) if free else "")
        self.drive_list.takeTopLevelItem(self.drive_list.indexOfTopLevelItem(item))
        self.drive_list.insertTopLevelItem(0, item)
        self.drive_list.setCurrentItem(item)

    def target(self) -> Path | None:
        item = self.drive_list.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _fill_last(self) -> None:
        kept = [] if self.read_only else export.outbox_packages(self.ctx.paths,
                                                                self.ctx.studio_uid)
        self.last_file = kept[0][0] if kept else None
        if kept:
            m = kept[0][1]
            self.last_label.setText(tr("No. %1, made %2: %3").replace("%1", str(m["sequence"]))
                                    .replace("%2", when_text(m.get("created_at")))
                                    .replace("%3", self.last_file.name))
        else:
            self.last_label.setText(tr("None yet."))
        self._update()

    def _update(self, *_args) -> None:
        idle = self.job is None and not self.read_only
        self.export_button.setEnabled(idle and self.target() is not None)
        self.rewrite_button.setEnabled(idle and self.target() is not None
                                       and self.last_file is not None)

    # -- writing ---------------------------------------------------------------------------
    def export(self) -> None:
        target, paths, uid, opener = self.target(), self.ctx.paths, self.ctx.studio_uid, self.opener
        if target is None or self.job is not None or self.read_only:
            return
        include = self.included()
        self._run(lambda: export.export_steps(paths, uid, target, opener=opener, include=include),
                  tr("Exporting the data package…"))

    def rewrite(self) -> None:
        target, paths, source, opener = self.target(), self.ctx.paths, self.last_file, self.opener
        if target is None or source is None or self.job is not None:
            return
        self._run(lambda: export.rewrite_steps(paths, source, target, opener=opener),
                  tr("Writing the package again…"))

    def _run(self, make_job, text: str) -> None:
        self.job = start_job(self, tr("Export data package"), text, make_job, self._done,
                             on_failed=self._failed, on_cancelled=self._cancelled)
        self._update()

    def reject(self) -> None:
        if self.job is None:  # while writing, only the progress dialog's Cancel stops it
            super().reject()

    def _end(self) -> None:
        self.job = None
        self._fill_last()

    def _cancelled(self) -> None:
        self._end()
        QMessageBox.information(self, tr("Export cancelled"),
                                tr("The export was cancelled; no package was written."))

    def _done(self, r: export.ExportResult) -> None:
        self._end()
        self.result_value = r
        left_out = [worded(x) for x in privacy.labels(r.omitted_fields)]
        inform(
            self, tr("Package written"),
            tr("The data package “%1” (No. %2, %3) was written to %4 and checked by reading it "
               "back.\n\nIt is now safe to remove the USB stick.")
            .replace("%1", r.path.name).replace("%2", str(r.sequence))
            .replace("%3", drives.size_text(r.size)).replace("%4", str(r.path.parent))
            + ("\n\n" + tr("Personal data left out: %1").replace("%1", fmt.listed(left_out))
               if left_out else ""))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._end()
        warn(self, tr("Export failed"), error_text(exc))


def export_dialog(ctx: AppContext, parent: QWidget | None) -> None:
    if not ctx.studio_uid:
        return
    dlg = ExportDialog(ctx, parent)
    try:
        dlg.exec()
    finally:
        dlg.deleteLater()
