"""Page layout shared by every document: A4 with a binding margin, a header naming the studio and
year, a footer "第 X 页 共 Y 页" with the generation date; styles; tables (reports/tables.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from laomo_desktop.reports import fonts, tables
from laomo_desktop.reports.text import esc, printable

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 20 * mm, 24 * mm, 22 * mm  # left: binding
BODY_W = PAGE_W - LEFT - RIGHT
NUMBER = re.compile(r"[-−]?[\d,]+(\.\d+)?%?")  # a cell right-aligned in its column


def styles() -> dict[str, ParagraphStyle]:
    f = fonts.register()
    base = ParagraphStyle("body", fontName=f, fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12,
                                textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11.5,
                               textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=base, fontSize=16, leading=24, spaceBefore=6,
                             spaceAfter=8, textColor=colors.HexColor("#8b1a1a"),
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12.5, leading=19, spaceBefore=8,
                             spaceAfter=4, keepWithNext=1),
        "title": ParagraphStyle("title", parent=base, fontSize=26, leading=38,
                                alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=15, leading=24,
                                   alignment=TA_CENTER),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def date_cn(d: date | str | None) -> str:
    if not d:
        return ""
    if isinstance(d, str):
        try:
            d = date.fromisoformat(d[:10])
        except ValueError:
            return d
    return f"{d.year}年{d.month}月{d.day}日"


class PagedCanvas(rl_canvas.Canvas):
    """A canvas that knows the page count when it draws each page's header and footer: pages
    are kept until `save`, then `decorate(total)` runs on each (two-pass numbering)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", fonts.register())  # no stray Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - ReportLab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.decorate(total)
            super().showPage()
        super().save()

    def decorate(self, total: int) -> None:
        """Draw the current page's header and footer, knowing there are `total` pages."""


def make_canvas_class(header_left: str, header_right: str, generated: date,
                      has_cover: bool = True):
    """The documents' canvas: no header or footer on the cover (page 1 when `has_cover`); then
    the two header texts, "第 X 页 共 Y 页" and the generation date."""

    class NumberedCanvas(PagedCanvas):
        def decorate(self, total: int) -> None:
            if has_cover and self._pageNumber == 1:  # the cover has neither header nor footer
                return
            font = fonts.register()
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(colors.HexColor("#555555"))
            y = PAGE_H - TOP + 8 * mm
            self.drawString(LEFT, y, printable(header_left))
            self.drawRightString(PAGE_W - RIGHT, y, printable(header_right))
            self.setStrokeColor(colors.HexColor("#bbbbbb"))
            self.line(LEFT, y - 2 * mm, PAGE_W - RIGHT, y - 2 * mm)
            footer = f"第 {self._pageNumber} 页 共 {total} 页"
            self.drawCentredString(PAGE_W / 2, BOTTOM - 10 * mm, footer)
            self.drawRightString(PAGE_W - RIGHT, BOTTOM - 10 * mm,
                                 f"生成于 {date_cn(generated)}")
            self.restoreState()

    return NumberedCanvas


def build(path, story: list, *, title: str, header_left: str, header_right: str,
          generated: date | None = None, author: str = "劳模创新工作室台账",
          has_cover: bool = True) -> None:
    """Write `story` to `path` (a file name or a binary file object); without `has_cover`
    page 1 carries the header and footer like every other page."""
    doc = BaseDocTemplate(str(path) if not hasattr(path, "write") else path, pagesize=A4,
                          leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                          bottomMargin=BOTTOM, title=title, author=author,
                          creator="Laomo Desktop")
    doc.keepTogetherClass = tables.KeepHeadingWithRows  # a heading with its table's first rows
    frame = Frame(LEFT, BOTTOM, BODY_W, PAGE_H - TOP - BOTTOM, id="body")
    doc.addPageTemplates([PageTemplate(id="cover", frames=[frame]),
                          PageTemplate(id="body", frames=[frame])])
    doc.build(story, canvasmaker=make_canvas_class(header_left, header_right,
                                                   generated or date.today(), has_cover))


def cover(st: dict, title: str, subtitle_lines: Sequence[str]) -> list:
    out = [Spacer(1, 55 * mm), Paragraph(esc(title), st["title"]), Spacer(1, 16 * mm)]
    out += [Paragraph(esc(line), st["subtitle"]) for line in subtitle_lines]
    out += [NextPageTemplate("body"), PageBreak()]
    return out


HEAD_BG = colors.HexColor("#8b1a1a")
GRID = colors.HexColor("#c8c8c8")
STRIPE = colors.HexColor("#f6f1f1")


def table(st: dict, header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
          empty: str = "（无记录）", *, totals: Sequence[Sequence] = (),
          after: Sequence = ()) -> list:
    """One table, its header row on top of every page it runs over; every cell escaped.

    `widths` are weights: short columns get the width of their longest value (a date or a
    voucher number never breaks), the widest columns share the rest by weight and wrap.
    `totals`: rows of sums under the rows; `after`: flowables kept under the last rows."""
    if not rows:
        return [Paragraph(esc(empty), st["small"]), *after]
    cell, hst = st["cell"], st["head"]
    body = [["" if v is None else printable(str(v)) for v in r] for r in rows]
    body += [["" if v is None else printable(str(v)) for v in t] for t in totals]
    need = [max(tables.text_width(r[i], cell.fontName, cell.fontSize) for r in body)
            + 2 * tables.PAD for i in range(len(header))]
    head_w = [tables.text_width(h, hst.fontName, hst.fontSize) + 2 * tables.PAD for h in header]
    col = tables.column_widths(need, head_w, widths, BODY_W, cell.fontSize)
    room = [w - 2 * tables.PAD for w in col]

    def make(text, width):
        # A Paragraph wraps but costs ~10× a plain string: use it only where text must wrap.
        if "\n" not in text and stringWidth(text, cell.fontName, cell.fontSize) <= width:
            return text  # drawn as-is: no markup is parsed, so nothing to escape
        return Paragraph(esc(text), cell)

    vpad = 2 * 2.5
    head = [Paragraph(esc(h), hst) for h in header]
    head_h = max(p.wrap(room[i], 0xFFFFFF)[1] for i, p in enumerate(head)) + vpad
    data, heights = [], []
    for r in body:
        cells = [make(v, room[i]) for i, v in enumerate(r)]
        data.append(cells)
        heights.append(max(tables.row_height([c], room[i], cell.leading, 0)
                           for i, c in enumerate(cells)) + vpad)
    numeric = [i for i in range(len(header))
               if all(NUMBER.fullmatch(r[i]) for r in body[:len(rows)] if r[i])
               and any(r[i] for r in body)]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), tables.PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), tables.PAD),
    ] + [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    return [tables.PagedTable(head, data, heights, head_h, col, style, totals=len(totals),
                              after=after), Spacer(1, 5)]


def key_values(st: dict, pairs: Sequence[tuple[str, object]], columns: int = 2) -> Table:
    """A compact two-column grid of label: value."""
    cells = [[Paragraph(esc(k), st["small"]), Paragraph(esc(v), st["cell"])] for k, v in pairs]
    rows = []
    for i in range(0, len(cells), columns):
        row = []
        for c in cells[i:i + columns]:
            row += c
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    label_w, value_w = 0.16 * BODY_W, (1 / columns - 0.16) * BODY_W
    t = Table(rows, colWidths=[label_w, value_w] * columns)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.register()),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                           ("TOPPADDING", (0, 0), (-1, -1), 2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return t
