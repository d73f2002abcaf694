"""Export and print what a section shows: the button "Export list…" with its menu (a workbook,
a CSV file, a printed list). The list is taken from the table as it is (year, filter text,
"show all", sort order), written off the GUI thread by reports/listing.py to a temporary file
renamed over the target when complete, so a failure leaves nothing half-written. The printed
list is a PDF shown in a preview with Print… and Save as…, as the reports page shows its
documents."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import listing as L
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import studio_is_imported
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.texts import worded
from laomo_desktop.ui import prefs
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.widgets.reportparts import ask_and_print, pdf_view, safe_file_name
from laomo_desktop.work import single_step

SUFFIXES = (".xlsx", ".csv")


def failure_text(target: Path, exc: BaseException) -> str:
    """Why the list was not written, in words a secretary can act on."""
    if isinstance(exc, LaomoError):
        return exc.message
    if isinstance(exc, OSError):
        return tr("The list could not be written to “%1”: %2. If the file is open in Excel or "
                  "WPS, close it first, or choose another name or folder, and try again.").replace(
            "%1", str(target)).replace("%2", worded(blobs.describe_os_error(exc)))
    return tr("The list could not be written to “%1”: %2.").replace(
        "%1", str(target)).replace("%2", str(exc))


class ListPreview(QDialog):
    """The printed list before it is printed or saved; its temporary file goes with it."""

    def __init__(self, pdf: Path, file_name: str, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("list_preview")
        self.setWindowTitle(tr("Print the list"))
        self.pdf, self.file_name, self.settings = pdf, file_name, settings
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = pdf_view(self.document, "list_preview_view")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for text, name, slot in ((tr("Print…"), "print_list", self.print_list),
                                 (tr("Save as…"), "save_list_pdf", self.save_as),
                                 (tr("Close"), "close_preview", self.reject)):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1000, screen.width() - 40), min(760, screen.height() - 60))
        self.finished.connect(self._discard)

    def _discard(self, _result: int = 0) -> None:
        self.document.close()
        with contextlib.suppress(OSError):
            self.pdf.unlink()

    def print_list(self) -> int:
        return ask_and_print(self, self.document, self.file_name, tr(
            "The printer could not be started. Check that it is switched on and connected, "
            "or save the list as a PDF and print that."))

    def save_as(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the list"), str(save_folder(self.settings) / self.file_name),
            tr("PDF documents (*.pdf)"))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        partial = target.with_name(f".{target.name}.partial")
        try:
            partial.write_bytes(self.pdf.read_bytes())
            os.replace(partial, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink()
            warn(self, tr("Not saved"), failure_text(target, exc))
            return None
        prefs.write(self.settings, declared.LISTS_SAVE_DIR, str(target.parent))
        return target


def save_folder(settings) -> Path:
    return Path(prefs.read(settings, declared.LISTS_SAVE_DIR) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))


class ListExport(QObject):
    """The export menu of a SectionPage: builds the list from the page, writes it off the GUI
    thread and says where it went or why it could not."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.preview_dir = Path(tempfile.gettempdir())
        self.job = None
        self.written: Path | None = None  # the last file written (the status bar names it)
        self.preview: ListPreview | None = None
        self.button = QToolButton(page)
        self.button.setObjectName("export_list")
        self.button.setText(tr("Export list…"))
        self.button.setToolTip(tr("Export or print the records shown, with the filter, "
                                  "in the shown order, with their totals"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.xlsx_action = menu.addAction(tr("Excel workbook (.xlsx)…"),
                                          lambda: self.export(".xlsx"))
        self.csv_action = menu.addAction(tr("CSV file (.csv)…"), lambda: self.export(".csv"))
        menu.addSeparator()
        self.print_action = menu.addAction(tr("Print the list…"), self.print_list)
        self.button.setMenu(menu)

    # -- the list ---------------------------------------------------------------------------
    def listing(self) -> L.Listing:
        page, ctx = self.page, self.page.ctx
        kind = page.kind
        withheld: frozenset[str] = frozenset()
        if studio_is_imported(ctx.studio_uid):
            from laomo_desktop.exchange import privacy

            withheld = frozenset(privacy.withheld(ctx.studio_uid).get(kind.name, ()))
        filtered = page.by_period and bool(ctx.year)
        return L.build(kind.name, list(page.section.columns), page.model.shown_rows(),
                       studio=R.get("studio", ctx.studio_uid)["name"],
                       section=S.kind(kind.name).label,
                       year=ctx.year if filtered else None,
                       show_all=filtered and page.show_all.isChecked(),
                       filter_text=page.search.text(), withheld=withheld,
                       total_count=page.model.total_count())

    def _start(self, work, done, target: Path) -> None:
        self.button.setEnabled(False)

        def finished(result) -> None:
            self.job = None
            self.button.setEnabled(True)
            done(result)

        def failed(exc: BaseException) -> None:
            finished_without()
            warn(self.page, tr("Not exported"), failure_text(target, exc))

        def finished_without() -> None:  # failed or cancelled: the writer left no file
            self.job = None
            self.button.setEnabled(True)

        self.job = start_job(self.page, tr("Export the list"), tr("Writing “%1”…").replace(
            "%1", target.name), lambda: single_step(work), finished, on_failed=failed,
            on_cancelled=finished_without, cancellable=False)

    # -- export -----------------------------------------------------------------------------
    def export(self, suffix: str = ".xlsx") -> None:
        """Ask where, then write the shown list as a workbook or CSV file."""
        if self.job is not None or not self.page.ctx.studio_uid:
            return
        listing = self.listing()
        filters = {".xlsx": tr("Excel workbooks (*.xlsx)"), ".csv": tr("CSV files (*.csv)")}
        name, chosen = QFileDialog.getSaveFileName(
            self.page, tr("Export the list"),
            str(save_folder(self.page.ctx.settings) / (safe_file_name(listing.file_stem)
                                                       + suffix)),
            ";;".join(filters.values()), filters[suffix])
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in SUFFIXES:
            wanted = next((s for s, f in filters.items() if f == chosen), suffix)
            target = target.with_name(target.name + wanted)
        from laomo_desktop.reports.listing import WRITERS

        writer = WRITERS[target.suffix.lower()]

        def done(path: Path) -> None:
            self.written = path
            prefs.write(self.page.ctx.settings, declared.LISTS_SAVE_DIR, str(path.parent))
            win = self.page.window()
            if hasattr(win, "statusBar"):
                win.statusBar().showMessage(
                    tr("The list was exported to “%1”.").replace("%1", str(path)), 10000)

        self._start(lambda: writer(listing, target), done, target)

    # -- printing ---------------------------------------------------------------------------
    def print_list(self) -> None:
        """Write the shown list as a PDF and show it with Print… and Save as…."""
        if self.job is not None or not self.page.ctx.studio_uid:
            return
        listing = self.listing()
        try:
            fd, name = tempfile.mkstemp(".pdf", "laomo-list-", self.preview_dir)
        except OSError as exc:
            warn(self.page, tr("Not exported"), failure_text(self.preview_dir, exc))
            return
        os.close(fd)
        pdf = Path(name)
        from laomo_desktop.reports.listing import write_pdf

        def done(path: Path) -> None:
            self.preview = ListPreview(path, safe_file_name(listing.file_stem) + ".pdf",
                                       self.page.ctx.settings, self.page)
            self.preview.exec()
            self.preview.deleteLater()

        def work() -> Path:
            try:
                return write_pdf(listing, pdf)
            except BaseException:
                pdf.unlink(missing_ok=True)
                raise

        self._start(work, done, pdf)
