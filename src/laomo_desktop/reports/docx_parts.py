"""The parts of a Word document beyond paragraphs and plain tables (reports/docx_render.py):
the self-assessment sheet with its merged cells, a book's registration form, its photos and a
training's sign-in sheet; and the small XML helpers both modules use. Each part is written
through the document's writer `w` (docx_render._Writer: its paragraphs and tables)."""

from __future__ import annotations

import io
import re

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import tables

BODY_W_PT = (210 - 28 - 20) * 72 / 25.4  # the text block between the margins
HEAD_FILL, TOTAL_FILL, LABEL_FILL = "E6E6E6", "EEEEEE", "EFEFEF"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # no XML 1.0 file holds these


def put_text(paragraph, text: str) -> None:
    """`text` added to `paragraph`, its line breaks as Word line breaks."""
    for i, line in enumerate(_NOT_XML.sub("", text).split("\n")):
        if i:  # in a run of its own: setting a run's text replaces all it holds
            paragraph.add_run().add_break(WD_BREAK.LINE)
        paragraph.add_run(line.rstrip("\r"))


def set_style(paragraph, style) -> None:
    """`paragraph` in `style`, by its id: python-docx's own setter looks the default style up
    among all the styles on each call (most of the time of a long table)."""
    paragraph._p.style = style.style_id


def merge_cells(a, b):
    """Cells `a` to `b` as one, without the empty paragraphs the others bring in."""
    cell = a.merge(b)
    for p in cell.paragraphs[1:]:
        if not p.text:
            p._p.getparent().remove(p._p)
    return cell


def row_flag(row, tag: str) -> None:
    """A row property without a value (w:tblHeader: repeated on each page; w:cantSplit)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement(tag))


def cell_margins(table, pt: float) -> None:
    """Left and right cell margins of `pt` (the PDF's padding) instead of the 5.4 pt Word and
    LibreOffice give a table that sets none: the widths measured for the text are the room."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(pt * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")


def shade(cell, fill: str) -> None:
    """`cell` filled with the colour `fill` (RRGGBB)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(  # in schema order, as Word reads it
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
        "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def sheet(w, sheet: D.ScoreSheet) -> None:
    """The score sheet as inspectors score on it: 考核项目 merged down its rows; the
    signature, seal and date rows kept with the last criterion."""
    from laomo_desktop.reports.packet_sheet import HEADER, WEIGHTS

    w.flush_break()
    widths = [Pt(BODY_W_PT * w / sum(WEIGHTS)) for w in WEIGHTS]
    t = w.doc.add_table(rows=0, cols=len(HEADER))
    t.style = w.doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    cell_margins(t, tables.PAD)
    st, right, centre = w.st, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER

    def row(values, style="表格文字", align=(), height=None):
        r = t.add_row()
        row_flag(r, "w:cantSplit")
        if height:
            r.height, r.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
        for j, (c, v) in enumerate(zip(r.cells, values, strict=True)):
            c.width = widths[j]
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = c.paragraphs[0]
            set_style(p, st[style])
            if j in align:
                p.alignment = align[j]
            put_text(p, v)
        return r

    head = row(HEADER, "表头")
    row_flag(head, "w:tblHeader")
    for c in head.cells:
        shade(c, HEAD_FILL)
    runs: list[list] = []
    for c in sheet.criteria:
        r = row(["", c.item, c.points, c.standard, c.score, ""], align={2: right, 4: right})
        found = r.cells[1].add_paragraph()
        set_style(found, st["表格说明"])
        put_text(found, c.found)
        if runs and runs[-1][0] == c.area:
            runs[-1].append(r)
        else:
            runs.append([c.area, r])
    for area, first, *rest in runs:
        cell = merge_cells(first.cells[0], rest[-1].cells[0]) if rest else first.cells[0]
        cell.paragraphs[0].alignment = centre
        put_text(cell.paragraphs[0], area)
    last = [row(["合计", "", sheet.points, "", sheet.score, ""], align={2: right, 4: right}),
            row(["自评结论", sheet.conclusion, "", "", "", ""]),
            row(["自评人\n（签字）", "", "单位（盖章）", "", "", ""], align={2: centre},
                height=Mm(16)),
            row(["日期", "　　　　年　　月　　日", "", "", "", ""], height=Mm(9))]
    for r in last:
        r.cells[0].paragraphs[0].alignment = centre
        shade(r.cells[0], TOTAL_FILL)
    for r, a, b in ((0, 0, 1), (1, 1, 5), (2, 2, 3), (2, 4, 5), (3, 1, 5)):
        merge_cells(last[r].cells[a], last[r].cells[b])
    for j, col in enumerate(t.columns):  # the grid LibreOffice lays the columns out by
        col.width = widths[j]
    for r in [runs[-1][-1] if runs else head, *last[:-1]]:  # kept with the next row
        for c in r.cells:
            for p in c.paragraphs:
                p.paragraph_format.keep_with_next = True


def form(w, f: D.Form) -> None:
    """Label | value, a long value across the row; labels shaded."""
    cells: list[list[str]] = []
    for row in f.rows:
        if isinstance(row[0], tuple):
            (k1, v1), (k2, v2) = row  # type: ignore[misc]
            cells.append([k1, D.cell_text(v1), k2, D.cell_text(v2)])
        else:
            k, v = row  # type: ignore[misc]
            cells.append([k, D.cell_text(v), "", ""])
    t = w.table((), cells, (0.15, 0.35, 0.15, 0.35), head_row=False, shares=True)
    for row, r in zip(f.rows, t.rows, strict=True):
        shade(r.cells[0], LABEL_FILL)
        if isinstance(row[0], tuple):
            shade(r.cells[2], LABEL_FILL)
        else:
            merge_cells(r.cells[1], r.cells[3])

def photos(w, p: D.Photos) -> None:
    """Two pictures to a row, each with its caption under it."""
    from laomo_desktop.reports.book_parts import photo_jpeg

    if not p.photos:
        w.para("（无照片）", "表格说明")
        return
    w.flush_break()
    t = w.doc.add_table(rows=0, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    box_w, box_h = Mm(78), Mm(62)
    for i in range(0, len(p.photos), 2):
        row = t.add_row()
        row_flag(row, "w:cantSplit")
        for cell, photo in zip(row.cells, p.photos[i:i + 2], strict=False):
            para = cell.paragraphs[0]
            pic = photo_jpeg(photo.file)
            if pic is None:
                set_style(para, w.st["表格说明"])
                put_text(para, f"（照片“{photo.filename}”无法读取）")
                continue
            data, px_w, px_h = pic
            scale = min(box_w / px_w, box_h / px_h)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.first_line_indent = Pt(0)
            para.paragraph_format.line_spacing = 1.0  # an exact line would crop it
            para.add_run().add_picture(io.BytesIO(data), width=int(px_w * scale),
                                       height=int(px_h * scale))
            words = cell.add_paragraph()
            set_style(words, w.st["图题"])
            put_text(words, photo.caption)


def sign_in(w, s: D.SignIn) -> None:
    """序号, 姓名, 岗位/单位 and rows tall enough to sign in."""
    from laomo_desktop.reports.book_parts import SIGN_HEAD, SIGN_WIDTHS

    if s.people:
        t = w.table(SIGN_HEAD, [[str(i), n, p, "", ""] for i, (n, p)
                                   in enumerate(s.people, 1)], SIGN_WIDTHS, shares=True)
        for r in t.rows[1:]:
            r.height, r.height_rule = Mm(9), WD_ROW_HEIGHT_RULE.AT_LEAST
            for c in r.cells:
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            r.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        w.para("（未登记本工作室参加成员）", "表格说明")
    if s.outside:
        w.para(f"另有外部学员 {s.outside} 人（名单另附）。", "表格说明")
