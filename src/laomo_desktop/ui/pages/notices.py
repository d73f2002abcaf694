"""The notices section (通知): the record table, and under it the chosen notice's required
items. Each item is ticked done there (one undoable edit of the notice), and opens what
produces it: the Reports page with that document chosen, or the fill-a-form dialog with the
notice's attached union forms offered first. 打印清单… writes the notice's checklist."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
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
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import notices as N
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.filetypes import safe_name
from laomo_desktop.ledger.period import current_year
from laomo_desktop.reports.documents import BY_KEY, Job
from laomo_desktop.store import enums as E
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.noticeline import colour
from laomo_desktop.ui.pages.section import SectionPage
from laomo_desktop.ui.pages.sections import Section
from laomo_desktop.ui.plain import shown, warn
from laomo_desktop.ui.system import undo
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.work import Progress

ITEM, SOURCE, DONE, DONE_ON, OPEN = range(5)
FORM_SUFFIXES = (".docx", ".xlsx")


def sent_by(notice_uid: str) -> str:
    """Which office sent the notice in a notice package, and its version; "" for one the studio
    entered itself."""
    from laomo_desktop.exchange.noticeimport import origin_of

    origin = origin_of(notice_uid)
    if origin is None:
        return ""
    return tr("sent by %1 (%2), version %3").replace("%1", origin["office_name"]).replace(
        "%2", fmt.choice_label(E.OfficeLevel, origin["office_level"])).replace(
        "%3", str(origin["revision"]))


class NoticeSectionPage(SectionPage):
    edit_on_navigate = False  # the overview's countdown shows the notice with its items

    def __init__(self, ctx: AppContext, section: Section, parent: QWidget | None = None):
        super().__init__(ctx, section, parent)
        self.record: dict | None = None
        self._filling = False
        self._job = None
        box = QGroupBox(tr("Required items of the chosen notice"))
        box.setObjectName("notice_items_box")
        self.state = QLabel()
        self.state.setObjectName("notice_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.items = QTableWidget(0, 5)
        self.items.setObjectName("notice_items")
        self.items.setAccessibleName(tr("Required items"))
        self.items.setHorizontalHeaderLabels([tr("Item to hand in"), tr("Produced by"),
                                              tr("Done"), tr("Done on"), ""])
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for c in (SOURCE, DONE, DONE_ON, OPEN):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.items.itemChanged.connect(self._ticked)
        self.print_button = QPushButton(tr("Print checklist…"))
        self.print_button.setObjectName("print_checklist")
        self.print_button.setToolTip(tr("Save the notice and its items, with a box for each, "
                                        "as a PDF to print"))
        self.print_button.clicked.connect(self.print_checklist)
        # the union office writes notices to its studios and sends them as signed packages
        self.office_button = QPushButton(tr("Notices to the studios…"))
        self.office_button.setObjectName("office_notices")
        self.office_button.setToolTip(tr("Write a notice and send it to the studios on a USB "
                                         "stick as a signed notice package"))
        self.office_button.clicked.connect(self.office_notices)
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.office_button)
        top.addWidget(self.print_button)
        lay = QVBoxLayout(box)
        lay.addLayout(top)
        lay.addWidget(self.items)
        self.layout().addWidget(box, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self.model.modelReset.connect(self.show_current)

    def office_notices(self) -> None:
        from laomo_desktop.ui.dialogs.noticepkg import OfficeNoticesDialog

        dlg = OfficeNoticesDialog(self.ctx, self)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()

    # -- the chosen notice --------------------------------------------------------------------
    def show_current(self) -> None:
        from laomo_desktop.ledger import offices

        self.office_button.setVisible(offices.own_office() is not None)
        uid = self.current_uid()
        try:
            self.record = R.get("notice", uid) if uid else None
        except LaomoError:
            self.record = None
        rec = self.record
        self._filling = True
        try:
            self.items.setRowCount(0)
            self.print_button.setEnabled(rec is not None)
            if rec is None:
                self.state.setText(tr("Choose a notice to see its required items."))
                return
            st = N.state(rec["due_on"], date.today(), closed=N.is_closed(rec))
            facts = [worded(st), rec.get("issuer") or "", rec.get("doc_no") or "",
                     tr("due %1").replace("%1", fmt.date_text(rec["due_on"])), sent_by(uid)]
            self.state.setText(shown("  ·  ".join(f for f in facts if f)))
            days = N.days_left(rec["due_on"], date.today())
            self.state.setStyleSheet("" if N.is_closed(rec) or not colour(days)
                                     else f"color: {colour(days)};")
            for row, item in enumerate(rec.get("items") or []):
                self._add_row(row, item)
        finally:
            self._filling = False

    def _add_row(self, row: int, item: dict) -> None:
        self.items.insertRow(row)
        self.items.setItem(row, ITEM, QTableWidgetItem(shown(item.get("what") or "")))
        self.items.setItem(row, SOURCE, QTableWidgetItem(
            worded(N.source_label(item.get("source")))))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                      if not self.read_only else Qt.ItemFlag.ItemIsEnabled)
        tick.setCheckState(Qt.CheckState.Checked if item.get("done")
                           else Qt.CheckState.Unchecked)
        self.items.setItem(row, DONE, tick)
        self.items.setItem(row, DONE_ON, QTableWidgetItem(fmt.date_text(item.get("done_on"))))
        source = item.get("source")
        if source in BY_KEY or source == E.NoticeSource.UNION_FORM:
            b = QPushButton(tr("Fill the form…") if source == E.NoticeSource.UNION_FORM
                            else tr("Open in Reports"))
            b.setObjectName(f"open_item_{row}")
            b.clicked.connect(lambda _c=False, r=row: self.open_item(r))
            self.items.setCellWidget(row, OPEN, b)

    def _ticked(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != DONE or self.record is None:
            return
        before = self.record
        done = cell.checkState() == Qt.CheckState.Checked
        try:
            after = N.set_item_done(before["uid"], cell.row(), done,
                                    expected_version=before["version"])
        except LaomoError as exc:
            warn(self, tr("Not saved"), exc.message)
            self.show_current()
            return
        if after["version"] != before["version"]:
            self.ctx.undo_stack.push(undo.edited(self.ctx, "notice", before, after,
                                                 tr("Tick a required item")))
            self.ctx.changed()
        self.reload()

    # -- what produces an item ----------------------------------------------------------------
    def open_item(self, row: int) -> None:
        items = (self.record or {}).get("items") or []
        if not 0 <= row < len(items):
            return
        source = items[row].get("source")
        if source == E.NoticeSource.UNION_FORM:
            self.fill_form()
        elif source in BY_KEY:
            self.ctx.navigate_requested.emit("reports", source)

    def attached_forms(self) -> list[Path]:
        """Copies of the notice's attached Word and Excel files, under their own names."""
        out = []
        folder: Path | None = None
        for att in A.attachments_of(self.record["uid"]) if self.record else []:
            name = safe_name(att.get("filename") or "")
            if Path(name).suffix.lower() not in FORM_SUFFIXES:
                continue
            try:
                folder = folder or Path(tempfile.mkdtemp(prefix="laomo-form-"))
                dest = folder / name
                dest.write_bytes(A.open_path(self.ctx.paths, att).read_bytes())
            except (OSError, LaomoError):
                continue
            out.append(dest)
        return out

    def fill_form(self) -> None:
        from laomo_desktop.ui.dialogs.fillform import FillFormDialog

        dlg = FillFormDialog(self.ctx, self.ctx.year or current_year(), self)
        forms = self.attached_forms()
        if forms:
            dlg.reload_forms(select=forms[0])
        dlg.exec()

    # -- the checklist ------------------------------------------------------------------------
    def print_checklist(self) -> None:
        rec, studio = self.record, self.ctx.studio_uid
        if rec is None or not studio or self._job is not None:
            return
        doc = BY_KEY["notice_checklist"]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = safe_name(f"{rec['title'] or doc.label}-{doc.label}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the checklist"),
                                              str(Path(folder) / name), "PDF (*.pdf)")
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        year = int(rec["due_on"][:4])
        job = Job(self.ctx.paths, year, studio, record_uid=rec["uid"])
        working = tr("Writing the checklist…")

        def steps():
            yield Progress(0, 1, working)
            doc.write(job, out)
            yield Progress(1, 1, working)
            return out

        def finished(result) -> None:
            self._job = None
            self.printed = result
            win = self.window()
            if hasattr(win, "statusBar"):
                win.statusBar().showMessage(tr("Saved %1").replace("%1", str(result)), 8000)

        def failed(exc: BaseException) -> None:
            self._job = None
            warn(self, tr("Not saved"), exc.message if isinstance(exc, LaomoError) else str(exc))

        self._job = start_job(self, tr("Print checklist"), working, steps, finished,
                              on_failed=failed, on_cancelled=lambda: setattr(self, "_job", None))
