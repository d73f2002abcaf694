"""A section's list as files: a workbook (XLSX), a CSV file and a printable PDF list, all from
one ledger.listing.Listing, so the three show the same rows, columns and totals.

Each writer writes to a temporary file next to the target and renames it over the target only
once it is complete: a failure (a full disk, a file Excel holds open) leaves nothing
half-written, and an older file of that name as it was.
"""

from __future__ import annotations

import csv
import io
import os
import uuid
from collections.abc import Callable
from copy import copy
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from laomo_desktop.ledger import listing as L
from laomo_desktop.ledger import money
from laomo_desktop.reports import fonts
from laomo_desktop.reports.layout import GRID, HEAD_BG, STRIPE, PagedCanvas, date_cn, styles
from laomo_desktop.reports.text import esc, printable

TOTAL_BG = colors.HexColor("#eeeeee")  # grey, as every table prints in black and white
MARGIN = 15 * mm
PORTRAIT_MAX_COLUMNS = 6  # more columns than this print across a landscape page


def _atomic(target: Path | str, write: Callable[[Path], None]) -> Path:
    """Run `write` on a temporary file next to `target`, then rename it over `target`."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


# -- text of cells -------------------------------------------------------------------------

def cell_text(value, column: L.Column) -> str:
    """A cell as printed: 元 with thousands separators, dates the Chinese way."""
    if value is None:
        return ""
    if isinstance(value, Decimal) and column.type == L.MONEY:
        return money.yuan(int(value.scaleb(2)))
    if isinstance(value, date):
        return date_cn(value)
    if isinstance(value, Decimal):
        return L.hours_text(value)
    return str(value)


def csv_text(value) -> str:
    """A cell as a spreadsheet reads it back: plain numbers (no separators), ISO dates."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, L.Figure):
        if value.unit == L.FEN:
            return format(Decimal(int(value.value)).scaleb(-2), "f")
        if value.unit in (L.COUNT, L.PERSONS):
            return str(value.value)
        return L.figure_text(value)
    return str(value)


# -- CSV -----------------------------------------------------------------------------------

def csv_bytes(listing: L.Listing) -> bytes:
    """UTF-8 with a byte-order mark (Excel and WPS then read the Chinese right), CRLF lines."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([listing.title])
    w.writerow([listing.subtitle])
    w.writerow([c.header for c in listing.columns])
    for r in listing.rows:
        w.writerow([_no_formula(csv_text(v)) for v in r])
    for line in listing.totals:
        w.writerow([csv_text(v) for v in L.total_cells(listing, line)])
    return buf.getvalue().encode("utf-8-sig")


def _no_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    if text[:1] in ("=", "+", "-", "@") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def write_csv(listing: L.Listing, target: Path | str) -> Path:
    data = csv_bytes(listing)
    return _atomic(target, lambda p: p.write_bytes(data))


# -- XLSX ----------------------------------------------------------------------------------

NUMBER_FORMAT = {L.MONEY: "#,##0.00", L.DATE: "yyyy-mm-dd", L.INT: "0", L.NUMBER: "0.##"}
FIGURE_FORMAT = {L.FEN: "#,##0.00", L.WAN: '#,##0.00" 万元"', L.SESSIONS: '0" 场"',
                 L.PERSONS: '0" 人次"', L.HOURS: '0.##" 学时"', L.COUNT: "#,##0"}


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _clean(value):
    """Characters an XLSX cannot hold (control codes) are dropped, never the whole file."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _figure_value(f: L.Figure):
    if f.unit == L.FEN:
        return Decimal(int(f.value)).scaleb(-2)
    if f.unit == L.WAN:
        return Decimal(int(f.value)).scaleb(-6)
    return f.value


def workbook(listing: L.Listing):
    """The list as an openpyxl workbook: a title line, a bold header, typed cells, totals."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "列表"
    wb.properties.title = listing.title
    wb.properties.creator = "Laomo Desktop"
    n = max(len(listing.columns), 1)
    ws.append([_clean(listing.title)])
    ws.append([_clean(listing.subtitle)])
    for row in (1, 2):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.row_dimensions[1].height = 24
    ws.cell(2, 1).font = Font(color="555555")
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([c.header for c in listing.columns])
    for c in ws[3]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="8B1A1A")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    widths = [_width(c.header) + 2 for c in listing.columns]
    at = 3  # the row just written (ws.max_row counts every cell: far too slow per row)
    formats: list = [None] * len(listing.columns)  # each column's cell style, made once
    for r in listing.rows:
        ws.append([_clean(v) for v in r])
        at += 1
        for i, col in enumerate(listing.columns):
            c = ws.cell(at, i + 1)
            if formats[i] is None:  # setting a style hashes it: 5 s for 5,000 rows each time
                c.border = border
                c.number_format = NUMBER_FORMAT.get(col.type, "General")
                formats[i] = c._style
            else:
                c._style = copy(formats[i])
            if isinstance(c.value, str):
                c.data_type = "s"  # text that looks like a formula stays text
            if at < 1004:  # the widths fit the first thousand rows
                widths[i] = max(widths[i], _width(cell_text(r[i], col)) + 2)
    for line in listing.totals:
        values = L.total_cells(listing, line)
        ws.append([_figure_value(v) if isinstance(v, L.Figure) else v for v in values])
        at += 1
        for i, v in enumerate(values):
            c = ws.cell(at, i + 1)
            c.font = Font(bold=True)
            c.fill = PatternFill("solid", fgColor="EFE3C8")
            c.border = border
            if isinstance(v, L.Figure):
                c.number_format = FIGURE_FORMAT[v.unit]
                widths[i] = max(widths[i], _width(L.figure_text(v)) + 2)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(w, 8), 50)
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = ("landscape" if len(listing.columns) > PORTRAIT_MAX_COLUMNS
                                 else "portrait")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    return wb


def write_xlsx(listing: L.Listing, target: Path | str) -> Path:
    wb = workbook(listing)
    return _atomic(target, lambda p: wb.save(p))


# -- PDF -----------------------------------------------------------------------------------

def _canvas_class(header: str, generated: date):
    """A canvas that numbers its pages "第 X 页 共 Y 页" (it knows the count when it saves)."""

    class ListCanvas(PagedCanvas):
        def decorate(self, total: int) -> None:
            w, h = self._pagesize
            self.saveState()
            self.setFont(fonts.register(), 8)
            self.setFillColor(colors.HexColor("#555555"))
            if self._pageNumber > 1:
                self.drawString(MARGIN, h - MARGIN + 4 * mm, printable(header))
            self.drawCentredString(w / 2, MARGIN - 8 * mm,
                                   f"第 {self._pageNumber} 页 共 {total} 页")
            self.drawRightString(w - MARGIN, MARGIN - 8 * mm, f"制表于 {date_cn(generated)}")
            self.restoreState()

    return ListCanvas


def _widths(listing: L.Listing, texts: list[list[str]], font: str, size: float,
            body_w: float) -> list[float]:
    """Column widths in proportion to what they hold (a sample of rows), each at least the
    width of a short word and at most a third of the page."""
    natural = []
    for i, c in enumerate(listing.columns):
        cells = [stringWidth(t[i], font, size) for t in texts[:300]]
        head = max(stringWidth(part, font, size) for part in c.header.split("\n"))
        natural.append(min(max([head, 36.0, *cells]) + 10, body_w / 3))
    total = sum(natural) or 1.0
    return [w * body_w / total for w in natural]


def pdf_page_size(listing: L.Listing) -> tuple[float, float]:
    return landscape(A4) if len(listing.columns) > PORTRAIT_MAX_COLUMNS else A4


def write_pdf(listing: L.Listing, target: Path | str, generated: date | None = None) -> Path:
    """The list on A4 (landscape when it has many columns): title, header row repeated on
    every page, the totals lines last, page numbers."""
    st = styles()
    cell_style, head_style = st["cell"], st["head"]
    font = cell_style.fontName
    page = pdf_page_size(listing)
    body_w = page[0] - 2 * MARGIN
    texts = [[cell_text(v, c) for v, c in zip(r, listing.columns, strict=False)]
             for r in listing.rows]
    widths = _widths(listing, texts, font, cell_style.fontSize, body_w)
    right = [i for i, c in enumerate(listing.columns) if c.type in (L.MONEY, L.INT, L.NUMBER)]

    def make(text: str, width: float):
        text = printable(text)
        if ("\n" not in text and stringWidth(text, font, cell_style.fontSize) <= width - 8
                and fonts.covers(font, text)):
            return text  # a plain string is drawn as-is: no markup is parsed
        return Paragraph(esc(text), cell_style)

    data = [[Paragraph(esc(c.header), head_style) for c in listing.columns]]
    data += [[make(t, widths[i]) for i, t in enumerate(row)] for row in texts]
    for line in listing.totals:
        data.append([L.figure_text(v) if isinstance(v, L.Figure) else (v or "")
                     for v in L.total_cells(listing, line)])
    first_total = len(data) - len(listing.totals)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), cell_style.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell_style.leading),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, first_total - 1), [colors.white, STRIPE]),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in right]
    if listing.totals:
        style.append(("BACKGROUND", (0, first_total), (-1, -1), TOTAL_BG))
        style.append(("LINEABOVE", (0, first_total), (-1, first_total), 0.8, GRID))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    story = [Paragraph(esc(listing.title), st["h2"]),
             Paragraph(esc(listing.subtitle), st["small"]), table]
    if not listing.rows:
        story.append(Paragraph("（没有记录）", st["small"]))

    def write(path: Path) -> None:
        doc = BaseDocTemplate(str(path), pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
                              topMargin=MARGIN, bottomMargin=MARGIN, title=listing.title,
                              author="劳模创新工作室台账", creator="Laomo Desktop")
        frame = Frame(MARGIN, MARGIN, body_w, page[1] - 2 * MARGIN, id="body")
        doc.addPageTemplates([PageTemplate(id="list", frames=[frame])])
        doc.build(story, canvasmaker=_canvas_class(listing.title, generated or date.today()))

    return _atomic(target, write)


WRITERS: dict[str, Callable[[L.Listing, Path | str], Path]] = {
    ".xlsx": write_xlsx, ".csv": write_csv, ".pdf": write_pdf}
