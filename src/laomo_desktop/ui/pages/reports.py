"""The reports page (报表): choose a document and a year, generate it off the GUI thread, look at
it, then save or print it. PDFs are previewed with Qt PDF, the union workbook (XLSX) and the
Word documents (DOCX: the summary and the plan, chosen as their format) are only saved, the
self-assessment is a table. Files are written to a temporary file first: nothing
reaches the user's folder until "Save as…", and a cancelled or failed run leaves nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.period import current_year
from laomo_desktop.reports.documents import BY_KEY, DOCUMENTS, Job
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.menus import size_text
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.lazypage import LazyPage
from laomo_desktop.ui.plain import shown, tip, warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.widgets.recordpick import RecordPicker
from laomo_desktop.ui.widgets.reportparts import (
    Generated,
    _box,
    _button,
    _discard,
    _label,
    ask_and_print,
    pdf_view,
    safe_file_name,
)
from laomo_desktop.work import Progress

STATUS_COLORS = {"met": "#1a7f37", "partly": "#8a5a00", "missing": "#c62828"}
MUTED = "color: #6b7280;"


def doc_texts() -> dict[str, tuple[str, str]]:
    """(name, hint) of each document of the registry, in the chosen language."""
    zh = fmt.is_chinese()
    return {d.key: (d.label, d.hint) if zh else (d.en, d.hint_en) for d in DOCUMENTS}


class ReportsPage(LazyPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("page_reports")
        self.current: Generated | None = None
        self._job = None
        self._seen_year = ctx.year
        self.preview_dir = Path(tempfile.gettempdir())  # where files wait for "Save as…"
        self.document = QPdfDocument(self)
        ctx.studio_changed.connect(lambda _uid: self.clear_result())
        QCoreApplication.instance().aboutToQuit.connect(self.clear_result)  # no temp file left

        heading = _label(scale=1.4, bold=True)
        heading.setText(tr("Reports"))
        docs = QGroupBox(tr("Document"))
        self.doc_group = QButtonGroup(self)
        self.doc_buttons: dict[str, QRadioButton] = {}
        for i, (key, (name, _hint)) in enumerate(doc_texts().items()):
            self.doc_buttons[key] = button = QRadioButton(name)
            button.setObjectName(f"doc_{key}")
            self.doc_group.addButton(button, i)
        self.hint = _label("doc_hint", MUTED)
        _box(QVBoxLayout(docs), *self.doc_buttons.values(), self.hint, margins=None)
        union_form = _button(tr("Fill a union form…"), "fill_union_form", self.fill_union_form)
        union_form.setToolTip(tr("A union's own Word or Excel form, filled from the ledger"))

        options = QGroupBox(tr("Options"))
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(1990, 2100)
        self.year.setValue(ctx.year or current_year())
        self.year.setAccessibleName(tr("Year"))
        self.period_text = _label("report_period", MUTED)  # the months the year covers
        self.year.valueChanged.connect(self._show_period)
        self.template = QComboBox()
        self.template.setObjectName("report_template")
        self.template.setAccessibleName(tr("Assessment template"))
        self.template.setMinimumContentsLength(12)
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_problems = _label("template_problems", "color: #8a5a00;")
        self.format = QComboBox()  # PDF or Word, for a document written both ways
        self.format.setObjectName("report_format")
        self.format.setAccessibleName(tr("File format"))
        form = QFormLayout(options)
        form.addRow(tr("Year:"), self.year)
        form.addRow("", self.period_text)
        form.addRow(tr("Format:"), self.format)
        self.record = RecordPicker()  # the record a document is about (a grant)
        form.addRow(self.record.label, self.record)
        form.addRow(tr("Template:"), self.template)
        form.addRow(self.template_problems)

        files = QGroupBox(tr("Attachments to include"))
        self.attachments = QListWidget()
        self.attachments.setObjectName("report_attachments")
        self.attachments.setAccessibleName(tr("Attachments to include"))
        self.attachments.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        _box(QVBoxLayout(files), self.attachments, margins=None)
        self.generate_button = _button(tr("Generate"), "generate_report", self.generate)
        self.generate_button.setMinimumHeight(34)
        choices = QWidget()
        _box(QVBoxLayout(choices), heading, docs, union_form, options, (files, 1),
             self.generate_button)
        left = QScrollArea()  # the choices scroll on a low screen (768 pixels at 125 %)
        left.setObjectName("report_choices")
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setWidget(choices)
        left.setFixedWidth(330 + left.verticalScrollBar().sizeHint().width())

        self.stack = QStackedWidget()
        self.stack.setObjectName("report_result")
        self.empty_state = _label("report_empty_state", MUTED, 1.1)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for pane in (self.empty_state, self._pdf_pane(), self._assessment_pane(),
                     self._xlsx_pane()):
            self.stack.addWidget(pane)
        _box(QHBoxLayout(self), left, (self.stack, 1), margins=14).setSpacing(16)

        self.doc_group.idToggled.connect(lambda _i, on: on and self._doc_chosen())
        saved = prefs.read(ctx.settings, declared.REPORT_DOCUMENT)
        fallback = self.doc_buttons[declared.REPORT_DOCUMENT.default]
        self.doc_buttons.get(saved, fallback).setChecked(True)
        self.clear_result()

    # -- building ---------------------------------------------------------------------------
    def _pdf_pane(self) -> QWidget:
        self.pdf_title = _label("preview_title", scale=1.1, bold=True)
        self.view = pdf_view(self.document, "report_preview")
        head = _box(QHBoxLayout(), (self.pdf_title, 1),
                    _button(tr("Save as…"), "save_report", self.save_as),
                    _button(tr("Print…"), "print_report", self.print_current))
        pane = QWidget()
        _box(QVBoxLayout(pane), head, (self.view, 1))
        return pane

    def _assessment_pane(self) -> QWidget:
        self.assessment_title = _label("assessment_title", scale=1.1, bold=True)
        self.assessment_summary = _label("assessment_summary")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("assessment_table")
        self.table.setHorizontalHeaderLabels([tr("Area"), tr("Criterion"), tr("Points"),
                                              tr("Score"), tr("Result"), tr("Explanation")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setStyleSheet("QTableWidget::item { padding: 4px 6px; }")
        mode = QHeaderView.ResizeMode
        for col, stretch in enumerate((0, 1, 0, 0, 0, 1)):
            self.table.horizontalHeader().setSectionResizeMode(
                col, mode.Stretch if stretch else mode.ResizeToContents)
        note = _label(style=MUTED)
        note.setText(tr("To hand the self-assessment in, export the review packet: "
                        "it holds this table with the annual summary and the evidence."))
        bottom = _box(QHBoxLayout(), (note, 1), _button(
            tr("Export the review packet…"), "export_packet", lambda: self.choose("packet")))
        pane = QWidget()
        _box(QVBoxLayout(pane), self.assessment_title, self.assessment_summary,
             (self.table, 1), bottom)
        return pane

    def _xlsx_pane(self) -> QWidget:
        self.xlsx_text = _label("xlsx_ready", scale=1.1)
        self.xlsx_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pane = QWidget()
        _box(QVBoxLayout(pane), 1, self.xlsx_text, (_button(
            tr("Save as…"), "save_xlsx", self.save_as), 0, Qt.AlignmentFlag.AlignHCenter), 2)
        return pane

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._dirty = False
        if self.ctx.year != self._seen_year:  # follow the toolbar; keep the user's own choice
            self._seen_year = self.ctx.year
            self.year.setValue(self.ctx.year or current_year())
        self._show_period()
        self._fill_templates()
        self._fill_attachments()
        self._doc_chosen()

    def _show_period(self) -> None:
        """The statistics year's days (the ledger's setting may start it in October)."""
        self.period_text.setText(fmt.period_label(self.year.value()))

    def _fill_templates(self) -> None:
        keep = self.template.currentData() or prefs.read(self.ctx.settings,
                                                         declared.REPORT_TEMPLATE)
        self.template.clear()
        problems = []
        for t in assessment.list_templates(self.ctx.paths.templates):
            if "error" in t:  # listed, greyed out, the reason as its tooltip
                problems.append(t["error"])
                self.template.addItem(tr("%1 (cannot be used)").replace("%1", t["name"]))
                self.template.model().item(self.template.count() - 1).setEnabled(False)
            else:
                self.template.addItem(shown(t["title"] or t["name"]), t["name"])
            self.template.setItemData(
                self.template.count() - 1, tip(t.get("error") or tr("%1 criteria, %2 points")
                .replace("%1", str(t["criteria"])).replace("%2", f"{t['total_points']:g}")),
                Qt.ItemDataRole.ToolTipRole)
        found = self.template.findData(keep)
        self.template.setCurrentIndex(found if found >= 0 else next(
            (i for i in range(self.template.count()) if self.template.itemData(i)), -1))
        self.template_problems.setVisible(bool(problems))
        self.template_problems.setText(tr("%1 template file(s) cannot be used; point at them "
                                          "in the list to see why.")
                                       .replace("%1", str(len(problems))))
        self.template_problems.setToolTip(tip("\n".join(problems)))

    def _fill_attachments(self) -> None:
        checked = set(self.checked_attachments())
        self.attachments.clear()
        uid = self.ctx.studio_uid
        rows = Q.fetch_rows("attachment", uid, ["filename", "title", "owner_kind", "size"]) \
            if uid else []
        for auid, _version, filename, title, owner_kind, size in rows:
            item = QListWidgetItem(shown(filename + (f" — {title}" if title else "")))
            item.setData(Qt.ItemDataRole.UserRole, auid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if auid in checked
                               else Qt.CheckState.Unchecked)
            kind = S.BY_NAME.get(owner_kind)
            item.setToolTip(" · ".join(x for x in (fmt.label(kind) if kind else "",
                                                   size_text(size) if size else "") if x))
            self.attachments.addItem(item)
        if not rows:
            self.attachments.addItem(tr("This studio has no attachments."))
            self.attachments.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def checked_attachments(self) -> list[str]:
        items = (self.attachments.item(i) for i in range(self.attachments.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items
                if it.checkState() == Qt.CheckState.Checked and it.data(Qt.ItemDataRole.UserRole)]

    def chosen(self) -> str:
        return DOCUMENTS[max(self.doc_group.checkedId(), 0)].key

    def choose(self, doc: str) -> None:
        self.doc_buttons[doc].setChecked(True)

    def _doc_chosen(self) -> None:
        doc = BY_KEY[self.chosen()]
        prefs.write(self.ctx.settings, declared.REPORT_DOCUMENT, doc.key)
        self.hint.setText(doc_texts()[doc.key][1])
        self.template.setEnabled(doc.uses_template)
        self._fill_formats(doc.formats)
        self.attachments.setEnabled(doc.takes_attachments)
        self.record.fill(doc.picks, self.ctx.studio_uid)
        no_studio = doc.needs_studio and not self.ctx.studio_uid
        no_record = bool(doc.picks) and self.record.chosen()[0] is None
        self.generate_button.setEnabled(self._job is None and not no_studio and not no_record)
        self.generate_button.setToolTip(tr("Choose a studio first.") if no_studio else "")

    def _fill_formats(self, formats: tuple[str, ...]) -> None:
        """The formats of the chosen document; the user's last choice kept where offered."""
        keep = self.format.currentData()
        names = {".pdf": tr("PDF (for printing)"), ".docx": tr("Word document (editable)"),
                 ".xlsx": tr("Excel workbook")}
        self.format.clear()
        for suffix in formats:
            self.format.addItem(names.get(suffix, suffix), suffix)
        found = self.format.findData(keep)
        self.format.setCurrentIndex(max(found, 0))
        self.format.setEnabled(len(formats) > 1 and self._job is None)

    def chosen_format(self) -> str:
        """The suffix of the file to write: the chosen format, else the document's own."""
        return BY_KEY[self.chosen()].writes(self.format.currentData() or "")

    def open_document(self, doc: str) -> None:
        """Select a document (navigate_requested("reports", doc)); the self-assessment runs."""
        if doc in BY_KEY:
            if self._dirty:
                self.reload()
            self.choose(doc)
            if doc == "assessment":
                self.generate()

    def fill_union_form(self) -> None:
        """The union's own forms (ui/dialogs/fillform.py), for the year chosen here."""
        from laomo_desktop.ui.dialogs.fillform import FillFormDialog

        FillFormDialog(self.ctx, self.year.value(), self).exec()

    # -- generating -------------------------------------------------------------------------
    def generate(self) -> None:
        doc, year, uid = BY_KEY[self.chosen()], self.year.value(), self.ctx.studio_uid
        template = self.template.currentData()
        record_uid, record = self.record.chosen() if doc.picks else (None, "")
        if self._job is not None or (doc.needs_studio and not uid) or (doc.picks
                                                                      and not record_uid):
            return
        if doc.uses_template and not template:
            warn(self, tr("Not generated"), tr("Choose an assessment template."))
            return
        if template:
            prefs.write(self.ctx.settings, declared.REPORT_TEMPLATE, template)
        studio = R.get("studio", uid)["name"] if doc.needs_studio else ""
        suffix = self.chosen_format()
        gen = Generated(doc.key, year, safe_file_name(doc.file_name(studio, year, record))
                        + suffix)
        if suffix:
            try:
                fd, name = tempfile.mkstemp(suffix, "laomo-preview-", self.preview_dir)
            except OSError as exc:
                warn(self, tr("Not generated"), tr(
                    "No temporary file can be made in %1: %2.").replace(
                    "%1", str(self.preview_dir)).replace("%2", worded(blobs.describe_os_error(exc))))
                return
            os.close(fd)
            gen.path = Path(name)
        job_of = Job(self.ctx.paths, year, uid if doc.needs_studio else None,
                     template if doc.uses_template else None,
                     self.checked_attachments() if doc.takes_attachments else (),
                     record_uid=record_uid)
        working, finished = tr("Writing %1…").replace("%1", doc_texts()[doc.key][0]), tr("Done")

        def steps():  # the writers are single calls: cancelling stops before or after one
            yield Progress(0, 2, working)
            result = doc.write(job_of, gen.path)
            if not doc.formats:  # shown, not written: the self-assessment
                gen.result = result
            yield Progress(2, 2, finished)
            return gen

        self._job = start_job(self, tr("Generating"), working, steps, self._done,
                              on_failed=lambda exc: self._failed(gen, exc),
                              on_cancelled=lambda: self._cancelled(gen))
        self._doc_chosen()

    def _done(self, gen: Generated) -> None:
        self._job = None
        self._doc_chosen()
        self._show(gen)

    def _cancelled(self, gen: Generated) -> None:
        self._job = None
        self._doc_chosen()
        _discard(gen.path)
        self.clear_result(tr("Cancelled; nothing was kept."))

    def _failed(self, gen: Generated, exc: BaseException) -> None:
        self._job = None
        self._doc_chosen()
        _discard(gen.path)
        warn(self, tr("Not generated"), exc.message if isinstance(exc, LaomoError) else str(exc))

    # -- showing ----------------------------------------------------------------------------
    def clear_result(self, text: str = "") -> None:
        self.document.close()
        if self.current is not None:
            _discard(self.current.path)
        self.current = None
        self.empty_state.setText(text or tr("Choose a document on the left and press Generate. "
                                            "It is shown here before anything is saved."))
        self.stack.setCurrentIndex(0)

    def _show(self, gen: Generated) -> None:
        self.clear_result()
        self.current = gen
        if gen.doc == "assessment":
            self._fill_assessment(gen.result)
            self.stack.setCurrentIndex(2)
        elif gen.doc == "union_xlsx":
            self.xlsx_text.setText(tr("The workbook “%1” is ready. Save it to open it in Excel "
                                      "or WPS.").replace("%1", gen.file_name))
            self.stack.setCurrentIndex(3)
        elif gen.path is not None and gen.path.suffix == ".docx":  # no preview: saved, edited
            self.xlsx_text.setText(tr("The Word document “%1” is ready. Save it to edit it in "
                                      "Word or WPS.").replace("%1", gen.file_name))
            self.stack.setCurrentIndex(3)
        elif self.document.load(str(gen.path)) != QPdfDocument.Error.None_:
            self.clear_result(tr("The document was written but cannot be shown."))
        else:
            self.pdf_title.setText(tr("%1 — %2 pages").replace("%1", Path(gen.file_name).stem)
                                   .replace("%2", str(self.document.pageCount())))
            self.stack.setCurrentIndex(1)

    def _fill_assessment(self, r: dict) -> None:
        self.assessment_title.setText(f"{r['studio']['name']} {r['year']} · "
                                      f"{r['template']['title']}")
        summary = (tr("Score %1 of %2: met %3, partly met %4, not met %5.")
                   .replace("%1", f"{r['score']:g}").replace("%2", f"{r['points']:g}")
                   .replace("%3", str(r["met"])).replace("%4", str(r["partly"]))
                   .replace("%5", str(r["missing"])))
        if "eligible" in r:
            summary += " " + (tr("Eligible.") if r["eligible"] else tr("Not yet eligible."))
        if r.get("grade"):
            summary += " " + tr("Grade: %1.").replace("%1", r["grade"])
        self.assessment_summary.setText(summary)
        marks = {"met": tr("✓ Met"), "partly": tr("◐ Partly met"), "missing": tr("✗ Not met")}
        self.table.setRowCount(len(r["criteria"]))
        for row, c in enumerate(r["criteria"]):
            evidence = "\n".join(e["title"] for e in c["evidence"] if e["title"])
            for col, text in enumerate((c["area"], c["item"], f"{c['points']:g}",
                                        f"{c['score']:g}", marks[c["status"]],
                                        c["detail"] if fmt.is_chinese() else c["detail_en"])):
                item = QTableWidgetItem(shown(text))
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if col == 4:
                    item.setForeground(QColor(STATUS_COLORS[c["status"]]))
                item.setToolTip(tip(tr("Evidence:") + "\n" + evidence if evidence else ""))
                self.table.setItem(row, col, item)

    # -- saving and printing ----------------------------------------------------------------
    def save_as(self) -> Path | None:
        """Copy the generated file where the user says; None if not saved (they were told)."""
        gen = self.current
        if gen is None or gen.path is None:
            return None
        folder = prefs.read(self.ctx.settings, declared.REPORTS_SAVE_DIR) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the report"), str(Path(folder) / gen.file_name),
            {".pdf": tr("PDF documents (*.pdf)"), ".docx": tr("Word documents (*.docx)")}.get(
                gen.path.suffix, tr("Excel workbooks (*.xlsx)")))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != gen.path.suffix:
            target = target.with_name(target.name + gen.path.suffix)
        partial = target.with_name(f".{target.name}.partial")
        try:
            partial.write_bytes(gen.path.read_bytes())
            os.replace(partial, target)
        except OSError as exc:
            _discard(partial)
            warn(self, tr("Not saved"), tr(
                "The report could not be saved as “%1”: %2. Choose another folder, or free "
                "some space, and try again.").replace("%1", str(target))
                .replace("%2", worded(blobs.describe_os_error(exc))))
            return None
        prefs.write(self.ctx.settings, declared.REPORTS_SAVE_DIR, str(target.parent))
        return target

    def print_current(self) -> int:
        if self.current is None or self.document.pageCount() <= 0:
            return 0
        return ask_and_print(self, self.document, self.current.file_name, tr(
            "The printer could not be started. Check that it is switched on and connected, "
            "or save the report as a PDF and print that."))
