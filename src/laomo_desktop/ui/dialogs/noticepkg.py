"""Notice packages in the GUI (issue 16 §1): the studio's preview of a notice package from its
union office (the office, its level and key fingerprint, confirmed on first use with the same
key box as any package, then what the notice adds or changes), and the office's list of the
notices it writes, each written with the notice form and exported to the stick."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import noticepkg
from laomo_desktop.exchange.noticeimport import NoticePreview
from laomo_desktop.ledger import officenotices
from laomo_desktop.store import enums as E
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.exchange import MUTED, import_buttons, key_accepted, key_box
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown, warn
from laomo_desktop.ui.system.tasks import start_job


class NoticePreviewDialog(QDialog):
    def __init__(self, pv: NoticePreview, parent: QWidget | None = None, place: str = ""):
        super().__init__(parent)
        self.pv = pv
        self.setObjectName("notice_preview")
        self.setWindowTitle(tr("Import a notice from the union office")
                            + (f" ({place})" if place else ""))
        level = fmt.choice_label(E.OfficeLevel, pv.office["level"])
        head = DataLabel(tr("%1 (%2 level)").replace("%1", pv.office["name"]).replace("%2", level))
        head.setObjectName("preview_office")
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        head.setFont(font)
        n = pv.notice
        facts = DataLabel(tr("%1 · due %2 · into %3 · %4").replace("%1", " ".join(
            x for x in (n.get("doc_no") or "", n["title"]) if x))
            .replace("%2", fmt.date_text(n["due_on"])).replace("%3", pv.studio_name)
            .replace("%4", pv.file.name))
        facts.setStyleSheet(f"color: {MUTED};")
        facts.setWordWrap(True)
        what = DataLabel("\n".join([worded(pv.summary), *(f"· {worded(c)}" for c in pv.changes)]),
                         lines=True)
        what.setObjectName("notice_changes")
        what.setWordWrap(True)
        self.items = QTableWidget(len(n["items"]) + len(pv.attachments), 2)
        self.items.setObjectName("notice_package_items")
        self.items.setHorizontalHeaderLabels([tr("Required item or attached file"),
                                              tr("Kind")])
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = [(shown(i["what"]), fmt.choice_label(E.NoticeSource, i["source"])
                 if i["source"] else "") for i in n["items"]]
        rows += [(shown(a["filename"]), tr("attached file")) for a in pv.attachments]
        for r, (a, b) in enumerate(rows):
            self.items.setItem(r, 0, QTableWidgetItem(a))
            self.items.setItem(r, 1, QTableWidgetItem(b))
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.trust = QCheckBox(tr("I confirmed this fingerprint with the office (by phone or on "
                                  "paper)"))
        self.trust.setObjectName("trust_key")
        self.replace = QCheckBox(tr("Replace the registered key with this new one (I confirmed "
                                    "the new fingerprint with the office)"))
        self.replace.setObjectName("replace_key")
        buttons = import_buttons(self, place, tr("Close") if pv.action == "same" else "")
        lay = QVBoxLayout(self)
        for w in (head, facts, key_box(
                pv, self.trust, self.replace,
                tr("✓ Signed with the key registered for this office (%1).")
                .replace("%1", pv.fingerprint),
                tr("This is the first package from this office. Before importing, call the "
                   "office and compare its signing-key fingerprint with this one:"),
                tr("The signing key of this office has CHANGED. Call the office and compare the "
                   "new fingerprint before importing.")), what):
            lay.addWidget(w)
        lay.addWidget(self.items, 1)
        lay.addWidget(buttons)
        self._update()
        self.resize(680, 480)

    @property
    def trust_new_key(self) -> bool:
        return self.pv.key_status == "first" and self.trust.isChecked()

    @property
    def replace_key(self) -> bool:
        return self.pv.key_status == "changed" and self.replace.isChecked()

    def _update(self, *_args) -> None:
        self.import_button.setEnabled(key_accepted(self.pv, self.trust, self.replace))


OFFICE_LEAVES_OUT = frozenset({"closed_on", "items.done", "items.done_on"})


class OfficeNoticesDialog(QDialog):
    """The union office's own notices: write one with the notice form, attach the notice file
    and the union's forms, export it as a signed notice package to the stick."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("office_notices")
        self.setWindowTitle(tr("Notices to the studios"))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("office_notice_table")
        self.table.setHorizontalHeaderLabels([tr("Due on"), tr("Document no."), tr("Title"),
                                              tr("Version"), tr("Sent")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(tr("New notice…"))
        self.new_button.setObjectName("new_office_notice")
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.files_button = QPushButton(tr("Attach files…"))
        self.files_button.setObjectName("attach_office_notice")
        self.files_button.clicked.connect(self.attach)
        self.export_button = QPushButton(tr("Send to the studios (USB stick)…"))
        self.export_button.setObjectName("export_office_notice")
        self.export_button.clicked.connect(self.export)
        self.sent_label = DataLabel()
        self.sent_label.setObjectName("office_notice_sent")
        self.sent_label.setStyleSheet("color: #1a7f37;")
        self.files = QLabel()
        self.files.setObjectName("office_notice_files")
        self.files.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.files_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        intro = QLabel(tr("Write a notice, attach the notice file and the union's forms, "
                          "then send it to the studios on a USB stick as a signed notice "
                          "package. A studio that imports a newer version keeps its ticks."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.files)
        lay.addWidget(self.sent_label)
        lay.addLayout(row)
        lay.addWidget(close)
        self.table.itemSelectionChanged.connect(self._update)
        self.reload()
        self.resize(760, 420)
        self.setMinimumWidth(640)

    def reload(self, select: str | None = None) -> None:
        self.notices = officenotices.list_notices()
        self.table.setRowCount(len(self.notices))
        for r, n in enumerate(self.notices):
            f = n["fields"]
            sent = (tr("version %1").replace("%1", str(n["sent_revision"]))
                    if n["sent_revision"] else tr("not sent"))
            for c, text in enumerate((fmt.date_text(f["due_on"]), shown(f["doc_no"] or ""),
                                      shown(f["title"]), str(n["revision"]), sent)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if n["uid"] == select:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._update()

    def current(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.notices[rows[0].row()] if rows else None

    def _update(self) -> None:
        n = self.current()
        for b in (self.edit_button, self.files_button, self.export_button):
            b.setEnabled(n is not None)
        self.files.setText(tr("Attached: %1").replace("%1", "、".join(
            shown(a["filename"]) for a in n["attachments"])) if n and n["attachments"] else "")

    def notice_form(self, n: dict | None) -> QDialog:
        """The notice form for the office: without what only a studio fills in (办结日期, an
        item's done and done on) and without attachments (the office keeps its own files)."""
        from laomo_desktop.ui.dialogs.record import RecordDialog

        uid = n["uid"] if n else None
        return RecordDialog(self.ctx.paths, "notice", "",
                            officenotices.as_record(n) if n else None,
                            lambda v: officenotices.save(self.ctx.paths, v, uid=uid),
                            parent=self, attachments=False, leave_out=OFFICE_LEAVES_OUT)

    def edit(self, n: dict | None) -> None:
        dlg = self.notice_form(n)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.saved:
                self.reload(dlg.saved["uid"])
        finally:
            dlg.deleteLater()

    def attach(self) -> None:
        n = self.current()
        files, _ = QFileDialog.getOpenFileNames(self, tr("Attach the notice file and forms"))
        if not n or not files:
            return
        try:
            officenotices.save(self.ctx.paths, officenotices.as_record(n) | {"uid": None},
                               uid=n["uid"], add_files=[Path(f) for f in files])
        except LaomoError as exc:
            warn(self, tr("Not attached"), exc.message)
        self.reload(n["uid"])

    def export(self, folder: str | None = None) -> None:
        n = self.current()
        folder = folder or QFileDialog.getExistingDirectory(self, tr("Choose the USB stick"))
        if not n or not folder:
            return
        start_job(self, tr("Send the notice"), tr("Writing the notice package…"),
                  lambda: noticepkg.export_notice_steps(self.ctx.paths, n["uid"], Path(folder)),
                  lambda r: self._sent(r, n["uid"]),
                  on_failed=lambda exc: warn(self, tr("Not written"), getattr(exc, "message",
                                                                              str(exc))))

    def _sent(self, r, uid: str) -> None:
        self.last_sent = r.path
        self.reload(uid)
        self.sent_label.setText(tr("Written and read back: %1").replace("%1", str(r.path)))
