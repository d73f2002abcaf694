"""Pieces of the reports page: printing a PDF, safe file names, the generated-file record and
small widget makers. Split out to keep reportspage.py to the page itself."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMargins, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QLayout, QPushButton, QWidget

from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, warn

PRINT_DPI = 200  # pages are rendered at most this fine for the printer


def safe_file_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", text).strip(" .") or "report"


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Print a loaded PDF: each page rendered to an image and scaled into the printable area
    (centred across, from the top). Honours the printer's page range; returns pages printed."""
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() or count, count) - 1
    painter = QPainter()
    if count <= 0 or first > last or not painter.begin(printer):
        return 0
    printed = 0
    try:
        width, height = printer.width(), printer.height()
        scale = min(printer.resolution(), dpi) / 72.0
        for i in range(first, last + 1):
            if printed and not printer.newPage():
                break
            points = document.pagePointSize(i)
            image = document.render(i, QSize(round(points.width() * scale),
                                              round(points.height() * scale)))
            fit = QSizeF(image.size()).scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF((width - fit.width()) / 2, 0, fit.width(), fit.height()),
                              image)
            printed += 1
    finally:
        painter.end()
    return printed


@dataclass
class Generated:
    doc: str
    year: int
    file_name: str              # the name "Save as…" offers, with its suffix
    path: Path | None = None    # the temporary file; None for the self-assessment
    result: dict | None = None  # the self-assessment


def pdf_view(document: QPdfDocument, name: str) -> QPdfView:
    """A document's pages one under the other, as wide as the view, on a grey desk."""
    view = QPdfView()
    view.setObjectName(name)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.setPageSpacing(12)
    view.setDocumentMargins(QMargins(12, 12, 12, 12))
    view.setDocument(document)
    view.setStyleSheet("QPdfView { background: #8a8f98; }")
    return view


def ask_and_print(parent: QWidget, document: QPdfDocument, file_name: str,
                  failed: str) -> int:
    """The print dialog for `document`, then printing; `failed` tells the user what to do
    when the printer cannot be started. Returns the pages printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(file_name).stem)
    dlg = QPrintDialog(printer, parent)
    dlg.setMinMax(1, max(document.pageCount(), 1))
    accepted = dlg.exec() == QDialog.DialogCode.Accepted
    dlg.deleteLater()
    printed = print_pdf(document, printer) if accepted else 0
    if accepted and not printed:
        warn(parent, tr("Not printed"), failed)
    return printed


def _discard(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _label(name: str = "", style: str = "", scale: float = 1.0, bold: bool = False) -> QLabel:
    lab = DataLabel(lines=True)  # titles and file names of the studio's documents
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setStyleSheet(style)
    if scale != 1.0 or bold:
        font = lab.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        lab.setFont(font)
    return lab


def _button(text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _box(lay: QBoxLayout, *items, margins: int | None = 0) -> QBoxLayout:
    """Fill a layout: widgets, layouts, (widget, stretch) pairs and stretches (ints)."""
    if margins is not None:
        lay.setContentsMargins(margins, margins, margins, margins)
    for item in items:
        if isinstance(item, int):
            lay.addStretch(item)
        elif isinstance(item, QLayout):
            lay.addLayout(item)
        elif isinstance(item, tuple):
            lay.addWidget(*item)
        else:
            lay.addWidget(item)
    return lay


