"""Page layout shared by every document: A4 printed on both sides, its binding margin on the left
of odd pages and the right of even ones; a header naming the studio and year, a footer
"第 X 页 共 Y 页" with the generation date; the styles of each role; tables (reports/tables.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
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

from laomo_desktop.ledger.typed import date_cn  # noqa: F401 - the documents' dates, re-exported
from laomo_desktop.reports import fonts, tables
from laomo_desktop.reports.text import esc, printable

PAGE_W, PAGE_H = A4
BINDING, OUTER, TOP, BOTTOM = 28 * mm, 20 * mm, 24 * mm, 22 * mm
LEFT, RIGHT = BINDING, OUTER  # an odd page's margins; an even page's are mirrored
BODY_W = PAGE_W - BINDING - OUTER
NUMBER = re.compile(r"[-−－]?[¥￥]?[\d,]+(\.\d+)?%?")  # a cell right-aligned in its column
BLACK = colors.black


def left_margin(page: int) -> float:
    """Printed on both sides, the binding edge is on the left of an odd page and on the right
    of an even one (its back): the wide margin alternates."""
    return BINDING if page % 2 else OUTER


def styles() -> dict[str, ParagraphStyle]:
    """The roles of an official document (GB/T 9704 as unions print): title in 宋体 bold (for
    小标宋), level-1 headings 黑体, level-2 楷体, level-3 仿宋 bold (headings.BoldParagraph),
    body 仿宋 justified with a two-character first-line indent; tables in 宋体, headed in 黑体;
    everything black."""
    fonts.register()
    size = 12  # 小四
    base = ParagraphStyle("body", fontName=fonts.FANG, fontSize=size, leading=20,
                          wordWrap="CJK", alignment=TA_JUSTIFY, firstLineIndent=2 * size,
                          textColor=BLACK)
    plain = ParagraphStyle("plain", parent=base, firstLineIndent=0, alignment=TA_LEFT)

    def heading(name, face, pt, before, after):
        return ParagraphStyle(name, parent=base, fontName=face, fontSize=pt, leading=pt * 1.6,
                              firstLineIndent=2 * pt, alignment=TA_LEFT, spaceBefore=before,
                              spaceAfter=after, keepWithNext=1)

    return {
        "body": base,
        "plain": plain,
        "small": ParagraphStyle("small", parent=plain, fontName=fonts.SONG, fontSize=8.5,
                                leading=12, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=plain, fontName=fonts.SONG, fontSize=8.5,
                               leading=11.5),
        "head": ParagraphStyle("head", parent=plain, fontName=fonts.HEI, fontSize=8.5,
                               leading=11.5, alignment=TA_CENTER),
        "h1": heading("h1", fonts.HEI, 15, 8, 6),
        "h2": heading("h2", fonts.KAI, 14, 6, 4),
        "h3": heading("h3", fonts.FANG, 12, 4, 2),
        "h4": heading("h4", fonts.FANG, 12, 2, 0),
        "empty": ParagraphStyle("empty", parent=plain, fontName=fonts.SONG, fontSize=9,
                                leading=14, alignment=TA_CENTER, spaceAfter=4),
        "table_title": ParagraphStyle("table_title", parent=plain, fontName=fonts.HEI,
                                      fontSize=10, leading=15, alignment=TA_CENTER,
                                      spaceBefore=4, spaceAfter=3, keepWithNext=1),
        "title": ParagraphStyle("title", parent=plain, fontName=fonts.SONG_BOLD, fontSize=24,
                                leading=36, alignment=TA_CENTER),
        "doc_title": ParagraphStyle("doc_title", parent=plain, fontName=fonts.SONG_BOLD,
                                    fontSize=20, leading=32, alignment=TA_CENTER,
                                    spaceAfter=6),  # a document without a cover (the plan)
        "subtitle": ParagraphStyle("subtitle", parent=plain, fontName=fonts.SONG, fontSize=15,
                                   leading=24, alignment=TA_CENTER),
        "center": ParagraphStyle("center", parent=plain, alignment=TA_CENTER),
    }


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
                      has_cover: bool = True, pagesize: tuple[float, float] = A4):
    """The documents' canvas: no header or footer on the cover (page 1 when `has_cover`); then
    the two header texts, "第 X 页 共 Y 页" and the generation date."""

    class NumberedCanvas(PagedCanvas):
        def decorate(self, total: int) -> None:
            if has_cover and self._pageNumber == 1:  # the cover has neither header nor footer
                return
            page = self._pageNumber
            x0 = left_margin(page)
            body_w, page_h = pagesize[0] - BINDING - OUTER, pagesize[1]
            x1 = x0 + body_w
            self.saveState()
            self.setFont(fonts.SONG, 9)
            self.setFillColor(colors.HexColor("#333333"))
            y = page_h - TOP + 8 * mm
            draw_runs(self, x0, y, printable(header_left), fonts.SONG, 9)
            right = printable(header_right)
            draw_runs(self, x1 - runs_width(right, fonts.SONG, 9), y, right, fonts.SONG, 9)
            self.setStrokeColor(colors.HexColor("#777777"))
            self.setLineWidth(0.5)
            self.line(x0, y - 2 * mm, x1, y - 2 * mm)
            self.setFont(fonts.SONG, 9)
            self.drawCentredString(x0 + body_w / 2, BOTTOM - 10 * mm,
                                   f"第 {page} 页 共 {total} 页")
            made = f"生成于 {date_cn(generated)}"  # on the outer edge
            if page % 2:
                self.drawRightString(x1, BOTTOM - 10 * mm, made)
            else:
                self.drawString(x0, BOTTOM - 10 * mm, made)
            self.restoreState()

    return NumberedCanvas


def runs_width(text: str, face: str, size: float) -> float:
    return sum(stringWidth(t, f, size) for f, t in fonts.runs(text, face))


def draw_runs(canvas, x: float, y: float, text: str, face: str, size: float) -> None:
    """A plain string drawn with each character in a face that has it (fonts.runs)."""
    for f, t in fonts.runs(text, face):
        canvas.setFont(f, size)
        canvas.drawString(x, y, t)
        x += stringWidth(t, f, size)


class BoundPageTemplate(PageTemplate):
    """A page template whose frame moves with the binding margin: left on odd pages, right
    on even ones."""

    def beforeDrawPage(self, canv, doc):  # noqa: N802 - ReportLab API
        for frame in self.frames:
            frame.x1 = left_margin(doc.page)  # Frame recomputes its geometry on assignment
        super().beforeDrawPage(canv, doc)


def build(path, story: list, *, title: str, header_left: str, header_right: str,
          generated: date | None = None, author: str = "劳模创新工作室台账",
          has_cover: bool = True, pagesize: tuple[float, float] = A4) -> None:
    """Write `story` to `path` (a file name or a binary file object); without `has_cover`
    page 1 carries the header and footer like every other page; `pagesize`: A4 unless a wide
    table asks for landscape(A4)."""
    doc = BaseDocTemplate(str(path) if not hasattr(path, "write") else path, pagesize=pagesize,
                          leftMargin=BINDING, rightMargin=OUTER, topMargin=TOP,
                          bottomMargin=BOTTOM, title=title, author=author,
                          creator="Laomo Desktop")
    doc.keepTogetherClass = tables.KeepHeadingWithRows  # a heading with its table's first rows
    doc.addPageTemplates([
        BoundPageTemplate(id=name, frames=[Frame(BINDING, BOTTOM, pagesize[0] - BINDING - OUTER,
                                                 pagesize[1] - TOP - BOTTOM, id="body")])
        for name in ("cover", "body")])
    doc.build(story, canvasmaker=make_canvas_class(header_left, header_right,
                                                   generated or date.today(), has_cover,
                                                   pagesize))


def cover(st: dict, title: str, subtitle_lines: Sequence[str]) -> list:
    out = [Spacer(1, 55 * mm), Paragraph(esc(title), st["title"]), Spacer(1, 16 * mm)]
    out += [Paragraph(esc(line), st["subtitle"]) for line in subtitle_lines]
    out += [NextPageTemplate("body"), PageBreak()]
    return out


HEAD_BG = colors.HexColor("#e6e6e6")  # black on light grey: the page prints in black and white
GRID = colors.HexColor("#666666")
STRIPE = colors.HexColor("#f5f5f5")


def table(st: dict, header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
          empty: str = "（无记录）", *, totals: Sequence[Sequence] = (),
          after: Sequence = (), title: str = "") -> list:
    """One table, its header row on top of every page it runs over; every cell escaped.

    `widths` are weights: short columns get the width of their longest value (a date or a
    voucher number never breaks), the widest columns share the rest by weight and wrap.
    `totals`: rows of sums under the rows; `after`: flowables kept under the last rows;
    `title`: printed above the table (headings.Outline.table numbers it), kept with its rows."""
    above = [Paragraph(esc(title), st["table_title"])] if title else []
    if not rows:
        return [*above, Paragraph(esc(empty), st["empty"] if title else st["small"]), *after]
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
        if ("\n" not in text and stringWidth(text, cell.fontName, cell.fontSize) <= width
                and fonts.covers(cell.fontName, text)):
            return text  # drawn as-is: no markup is parsed, so nothing to escape
        return Paragraph(esc(text), cell)

    vpad = 2 * 2.5
    head = [Paragraph(esc(tables.head_lines(h, lambda t, i=i: tables.text_width(
        t, hst.fontName, hst.fontSize) <= room[i])), hst) for i, h in enumerate(header)]
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
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), tables.PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), tables.PAD),
    ] + [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    return [*above, tables.PagedTable(head, data, heights, head_h, col, style,
                                      totals=len(totals), after=after), Spacer(1, 5)]


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
