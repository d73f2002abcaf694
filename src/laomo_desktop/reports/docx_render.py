"""A document's blocks (reports/docmodel.py) as an editable Word document (.docx) that Word, WPS
and LibreOffice open: real heading styles (Heading 1–3, so the navigation pane and a table of
contents find them), paragraphs and tables in named styles set in the faces Chinese Word and WPS
installations have (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312, each as the East Asian font too), so
nothing is embedded. A4, the 28 mm binding margin mirrored for printing on both sides, a header
naming the studio and the document, "第 X 页 共 Y 页" from Word's own PAGE and NUMPAGES fields.

Charts cannot be drawn into the file here (ReportLab's bitmap renderer needs a Cairo backend
this program does not ship): a chart's figures are printed as a small table under its title."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import docx_parts, fonts, tables
from laomo_desktop.reports.docx_parts import (
    BODY_W_PT,
    HEAD_FILL,
    TOTAL_FILL,
    cell_margins,
    put_text,
    row_flag,
    set_style,
    shade,
)

SONG, FANG, HEI, KAI = "宋体", "仿宋_GB2312", "黑体", "楷体_GB2312"
# digits and letters as official documents set them, in faces of known widths everywhere
# (LibreOffice puts Liberation Serif and Sans, of the same metrics, in their place): a
# computer without 宋体 would set them in whatever face it has, of any width
SERIF_LATIN, SANS_LATIN = "Times New Roman", "Arial"
LATIN_METRICS = {SERIF_LATIN: "Times-Roman", SANS_LATIN: "Helvetica"}  # ReportLab's own
_OTHER_THAN_LATIN = re.compile("[\u2e80-\uffff]")
_MEETINGS = re.compile("(?<=[\u2e80-\uffff])(?=[^\u2e80-\uffff])"
                       "|(?<=[^\u2e80-\uffff])(?=[\u2e80-\uffff])")
BODY_PT, CELL_PT = 16, 10.5  # 三号 body as official documents print it; 五号 in tables
PAGE_W, PAGE_H = Mm(210), Mm(297)
BINDING, OUTER, TOP, BOTTOM = Mm(28), Mm(20), Mm(25), Mm(22)
NUMBER = re.compile(r"[-−－]?[¥￥]?[\d,]+(\.\d+)?%?")  # right-aligned, as layout.table does
BLACK = RGBColor(0, 0, 0)

# style name → (base, face, size, bold, alignment, first-line indent in characters)
_STYLES = {
    "Normal": (None, FANG, BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "Heading 1": ("Normal", HEI, BODY_PT, False, WD_ALIGN_PARAGRAPH.LEFT, 2),
    "Heading 2": ("Normal", KAI, BODY_PT, False, WD_ALIGN_PARAGRAPH.LEFT, 2),
    "Heading 3": ("Normal", FANG, BODY_PT, True, WD_ALIGN_PARAGRAPH.LEFT, 2),
    "公文标题": ("Normal", SONG, 22, True, WD_ALIGN_PARAGRAPH.CENTER, 0),  # 小标宋 二号
    "封面标题": ("Normal", SONG, 26, True, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "封面副标题": ("Normal", SONG, BODY_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "落款": ("Normal", FANG, BODY_PT, False, WD_ALIGN_PARAGRAPH.RIGHT, 0),
    "正文无缩进": ("Normal", FANG, BODY_PT, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "表题": ("Normal", HEI, 12, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "表格文字": ("Normal", SONG, CELL_PT, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "表头": ("Normal", HEI, CELL_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "表注": ("Normal", SONG, CELL_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "表格说明": ("Normal", SONG, 9, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "紧凑表格文字": ("Normal", SONG, 9, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "紧凑表头": ("Normal", HEI, 9, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "图题": ("Normal", FANG, 12, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "Header": ("Normal", SONG, 9, False, WD_ALIGN_PARAGRAPH.LEFT, 0),
    "Footer": ("Normal", SONG, 9, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
}
_ROLE = {"body": "Normal", "right": "落款", "plain": "正文无缩进", "small": "表格说明",
         "table_title": "表题"}


def latin_face(face: str) -> str:
    return SANS_LATIN if face == HEI else SERIF_LATIN


def set_faces(rpr, face: str) -> None:
    """Name `face` for Chinese (w:eastAsia: Word takes a Chinese character's face from it
    alone) and its Latin companion for digits and letters; drop the theme's fonts."""
    fonts_el = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts_el.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts_el.set(qn(attr), latin_face(face))
    for attr in ("w:eastAsia", "w:cs"):
        fonts_el.set(qn(attr), face)


def _define_styles(doc) -> dict:
    out = {}
    for name, (base, face, size, bold, align, indent) in _STYLES.items():
        try:
            style = doc.styles[name]
        except KeyError:
            style = doc.styles.add_style(name, 1)  # WD_STYLE_TYPE.PARAGRAPH
            style.quick_style = True
        if base:
            style.base_style = doc.styles[base]
        rpr = style.element.get_or_add_rPr()
        set_faces(rpr, face)
        color = rpr.find(qn("w:color"))
        if color is not None:  # the template's blue headings, theme colour and all
            rpr.remove(color)
        style.font.color.rgb = BLACK
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        pf = style.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(indent * size)
        small = size < BODY_PT
        pf.line_spacing = Pt(size * 1.3) if small else Pt(28)  # 公文: 22 lines a page
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.widow_control = True
        pf.tab_stops.clear_all()  # the template's Header has centre and right stops of its own
        out[name] = style
    for name in ("Heading 1", "Heading 2", "Heading 3", "表题"):
        out[name].paragraph_format.keep_with_next = True
    for name, before, after in (("Heading 1", 6, 3), ("Heading 2", 3, 0), ("表题", 6, 3),
                                ("表注", 0, 6), ("封面副标题", 6, 6)):
        out[name].paragraph_format.space_before = Pt(before)
        out[name].paragraph_format.space_after = Pt(after)
    lang = OxmlElement("w:lang")  # Chinese rules for Chinese, Western ones (no break inside
    lang.set(qn("w:val"), "en-US")  # a number) for digits and letters, as Word writes it
    lang.set(qn("w:eastAsia"), "zh-CN")
    out["Normal"].element.get_or_add_rPr().append(lang)
    return out


def _page_setup(doc, title: str, header_left: str, header_right: str, cover: bool) -> None:
    s = doc.sections[0]
    s.start_type = WD_SECTION.NEW_PAGE
    s.page_width, s.page_height = PAGE_W, PAGE_H
    s.left_margin, s.right_margin = BINDING, OUTER  # the inside margin, mirrored (below)
    s.top_margin, s.bottom_margin = TOP, BOTTOM
    s.header_distance, s.footer_distance = Mm(15), Mm(12)
    settings = doc.settings.element
    mirror = OxmlElement("w:mirrorMargins")  # its place: right after w:zoom (CT_Settings)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.addnext(mirror)
    else:
        settings.insert(0, mirror)
    s.different_first_page_header_footer = cover  # the cover has neither header nor footer
    head = s.header.paragraphs[0]
    head.style = doc.styles["Header"]
    head.paragraph_format.tab_stops.add_tab_stop(Pt(BODY_W_PT), WD_TAB_ALIGNMENT.RIGHT)
    put_text(head, f"{header_left}\t{header_right}")
    _border(head, "bottom")
    foot = s.footer.paragraphs[0]
    foot.style = doc.styles["Footer"]
    put_text(foot, "第 ")
    _field(foot, "PAGE")
    put_text(foot, " 页 共 ")
    _field(foot, "NUMPAGES")
    put_text(foot, " 页")
    props = doc.core_properties
    props.title, props.author, props.comments = title, "劳模创新工作室台账", "Laomo Desktop"


_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
               "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
               "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
               "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _border(paragraph, side: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for k, v in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "777777")):
        edge.set(qn(f"w:{k}"), v)
    bdr.append(edge)
    ppr.insert_element_before(bdr, *_AFTER_PBDR)  # Word reads pPr's children in schema order


def _field(paragraph, code: str) -> None:
    """A field Word computes when it lays the pages out (PAGE, NUMPAGES); "1" until then."""
    def char(kind):
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r

    instr = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {code} "
    instr.append(it)
    shown = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    shown.append(t)
    for el in (char("begin"), instr, char("separate"), shown, char("end")):
        paragraph._p.append(el)


class _Writer:
    def __init__(self, doc, styles: dict):
        self.doc, self.st = doc, styles
        self.page_break = False
        self.space = 0.0

    def para(self, text: str, style: str):
        p = self.doc.add_paragraph()
        set_style(p, self.st[style])
        put_text(p, text)
        if self.page_break:
            p.paragraph_format.page_break_before = True
            self.page_break = False
        if self.space:
            p.paragraph_format.space_before = Pt(self.space)
            self.space = 0.0
        return p

    def flush_break(self) -> None:
        """A page break still pending before a table (which has no "page break before")."""
        if self.page_break:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            self.page_break = False

    def table(self, header: Sequence[str], rows: Sequence[Sequence], weights: Sequence[float],
              totals: Sequence[Sequence] = (), grid: bool = True, head_row: bool = True,
              compact: bool = False, shares: bool = False):
        self.flush_break()
        body = [[D.cell_text(v) for v in r] for r in rows]
        sums = [[D.cell_text(v) for v in r] for r in totals]
        n = len(weights)
        size = 9 if compact else CELL_PT
        widths = ([Pt(BODY_W_PT * w / sum(weights)) for w in weights] if shares  # as on paper
                  else _widths(header if head_row else (), body + sums, weights, size))
        t = self.doc.add_table(rows=0, cols=n)
        t.style = self.doc.styles["Table Grid"] if grid else None
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        cell_margins(t, tables.PAD)
        numeric = {i for i in range(n)
                   if any(r[i] for r in body) and all(NUMBER.fullmatch(r[i]) for r in body if r[i])}
        cell_st = self.st["紧凑表格文字" if compact else "表格文字"]
        head_st = self.st["紧凑表头" if compact else "表头"]
        head_pt = head_st.font.size.pt
        header = [tables.head_lines(h, lambda t, j=j: word_width(t, fonts.HEI, head_pt)
                                    <= widths[j].pt - 2 * tables.PAD) for j, h in enumerate(header)]
        lines = [(header, head_st, HEAD_FILL)] if head_row else []
        lines += [(r, cell_st, None) for r in body] + [(r, cell_st, TOTAL_FILL) for r in sums]
        for i, (values, style, fill) in enumerate(lines):
            row = t.add_row()
            if head_row and i == 0:
                row_flag(row, "w:tblHeader")  # repeated atop each page the table runs over
            row_flag(row, "w:cantSplit")
            for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = widths[j]
                p = cell.paragraphs[0]
                set_style(p, style)
                if style is cell_st and j in numeric:  # and the totals under them
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                put_text(p, value)
                if fill:
                    shade(cell, fill)
        for j, col in enumerate(t.columns):
            col.width = widths[j]
        return t


    def part(self, b) -> None:
        """The blocks a book's record is made of (and a page break or room)."""
        if isinstance(b, D.Para):
            self.para(b.text, _ROLE.get(b.role, "Normal"))
        elif isinstance(b, D.Form):
            docx_parts.form(self, b)
        elif isinstance(b, D.Photos):
            docx_parts.photos(self, b)
        elif isinstance(b, D.SignIn):
            docx_parts.sign_in(self, b)
        elif isinstance(b, D.PageBreak):
            self.page_break = True
        elif isinstance(b, D.Space):
            self.space += b.points
        else:
            raise TypeError(f"not a block: {b!r}")

def word_width(text: str, face: str, size: float, *, safe: bool = True) -> float:
    """`text`'s width in Word: Chinese in the bundled `face`, digits and letters in the Latin
    face the document names for them (set_faces) — `safe`: or in `face` where that is wider —
    and a quarter em where Chinese and Latin text meet ("2025 年 10 月": Word and LibreOffice
    space them so)."""
    fonts.register()  # the bundled faces' widths (once per process)
    width = tables.text_width(text, face, size)
    latin = _OTHER_THAN_LATIN.sub("", text)
    if latin:
        metrics = LATIN_METRICS[latin_face(HEI if face == fonts.HEI else SONG)]
        named = tables.text_width(latin, metrics, size)
        own = tables.text_width(latin, face, size)
        width += max(0.0, named - own) if safe else named - own
        width += size / 4 * len(_MEETINGS.findall(text))
    return width


def _widths(header: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float],
            size: float = CELL_PT):
    """Column widths as layout.table sets them (tables.column_widths), at the table's size,
    with the cell margins (cell_margins) and a point for Word's rounding to twips."""
    n, pad = len(weights), 2 * tables.PAD + 1
    need = [max((word_width(r[i], fonts.SONG, size) for r in rows), default=0.0) + pad
            for i in range(n)]
    head = [word_width(h, fonts.HEI, size) + pad for h in header] or [0.0] * n
    return [Pt(w) for w in tables.column_widths(need, head, weights, BODY_W_PT, size)]


def _title_fits(line: str) -> bool:
    return word_width(line, fonts.SONG_BOLD, _STYLES["公文标题"][2], safe=False) <= BODY_W_PT


def write_docx(out, blocks: Sequence[D.Block], *, title: str, header_left: str,
               header_right: str) -> None:
    """Write `blocks` as a .docx to `out` (a path or a binary file)."""
    doc = new_document()
    st = _define_styles(doc)
    cover = any(isinstance(b, D.Cover) for b in blocks[:1])
    _page_setup(doc, title, header_left, header_right, cover)
    w = _Writer(doc, st)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    for b in blocks:
        if isinstance(b, D.Cover):
            w.space = 150  # about where the PDF's cover title stands
            w.para(b.title, "封面标题")
            w.space = 40
            for line in b.lines:
                w.para(D.cell_text(line), "封面副标题")
            w.page_break = True
        elif isinstance(b, D.Title):
            w.para(b.lines(_title_fits), "公文标题").paragraph_format.space_after = Pt(12)
        elif isinstance(b, D.Heading):
            w.para(b.text, f"Heading {b.level}")
        elif isinstance(b, D.Para):
            w.para(b.text, _ROLE.get(b.role, "Normal"))
        elif isinstance(b, D.Table):
            w.para(b.title, "表题")
            if b.rows:
                w.table(b.header, b.rows, b.widths, b.totals, compact=b.compact)
            else:
                w.para(b.empty, "表注")
        elif isinstance(b, D.KeyValues):
            cells = [x for k, v in b.pairs for x in (k, D.cell_text(v))]
            cells += [""] * (-len(cells) % 4)
            w.table((), [cells[i:i + 4] for i in range(0, len(cells), 4)], (1, 2.1, 1, 2.1),
                    head_row=False)
        elif isinstance(b, D.Chart):
            w.para(b.title, "表题")
            if b.items:
                w.table(b.header, b.items, (3, 2))
            else:
                w.para(b.empty or "（无记录）", "表注")
        elif isinstance(b, D.ScoreSheet):
            docx_parts.sheet(w, b)
        elif isinstance(b, D.Record):  # its heading keeps with what follows (Heading style)
            if b.section is not None:  # and the section's, with the record's heading
                w.para(b.section.text, f"Heading {b.section.level}"
                       ).paragraph_format.keep_with_next = True
            w.para(b.heading.text, f"Heading {b.heading.level}")
            for part in b.parts:
                w.part(part)
        else:
            w.part(b)
    w.flush_break()
    if body[-2].tag == qn("w:tbl"):  # the body ends with a paragraph (before w:sectPr)
        doc.add_paragraph()
    doc.save(out)
