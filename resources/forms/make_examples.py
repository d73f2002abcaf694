"""Writes the two example forms shipped beside this file, modelled on the forms unions attach
to their notices: 推荐表 (Word) and 年度统计表 (Excel). Run it after changing them:

    /work/main/.venv/bin/python resources/forms/make_examples.py

The forms use only the placeholders of the program's field vocabulary (laomo fill --fields)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
DOCX = HERE / "劳模创新工作室推荐表.docx"
XLSX = HERE / "劳模创新工作室年度统计表.xlsx"


def _font(run, face: str, size: float, bold: bool = False) -> None:
    run.font.name = face
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def _para(doc_or_cell, text: str, face: str = "仿宋_GB2312", size: float = 12,
          bold: bool = False, align=None):
    p = doc_or_cell.add_paragraph() if hasattr(doc_or_cell, "add_paragraph") else doc_or_cell
    _font(p.add_run(text), face, size, bold)
    if align is not None:
        p.alignment = align
    return p


def _cell(cell, text: str, bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER,
          face: str = "仿宋_GB2312", size: float = 11) -> None:
    p = cell.paragraphs[0]
    _font(p.add_run(text), "黑体" if bold else face, size)
    p.alignment = align


def _grid(doc, rows: int, widths: list[float]):
    t = doc.add_table(rows=rows, cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for col, w in zip(t.columns, widths, strict=True):
        col.width = Cm(w)  # the grid LibreOffice and WPS lay out by
    for row in t.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Cm(w)
    return t


def _repeat_header(table) -> None:
    """The heading row is printed again at the top of each page the table runs onto."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def make_docx() -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.5)
    _para(doc, "附件 1", "黑体", 14)
    _para(doc, "劳模和工匠人才创新工作室推荐表", "宋体", 20, True, WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "（{{ 年度 }} 年度）", "楷体_GB2312", 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "推荐单位（盖章）：                                    填表日期：      年    月    日",
          size=11)

    w = [3.2, 5.0, 3.2, 4.4]
    basic = [
        ("工作室名称", "{{ 工作室.名称 }}", None, None),
        ("所在单位", "{{ 工作室.所在单位 }}", "单位性质", "{{ 工作室.单位性质 }}"),
        ("领衔人", "{{ 工作室.领衔人 }}", "现命名级别", "{{ 工作室.级别 }}"),
        ("成立时间", "{{ 工作室.成立日期 }}", "所属行业", "{{ 工作室.所属行业 }}"),
        ("创新方向", "{{ 工作室.创新方向 }}", None, None),
        ("场所地址", "{{ 工作室.场所地址 }}", "面积（㎡）", "{{ 工作室.场所面积 }}"),
        ("团队人数", "{{ 统计.年度末在册成员 }} 人", "其中党员", "{{ 统计.年度末成员中党员 }} 人"),
        ("党组织形式", "{{ 工作室.党组织形式 }}", "已运行", "{{ 统计.工作室已运行 }} 年"),
        ("联系人", "{{ 工作室.联系人 }}", "联系电话", "{{ 工作室.联系电话 }}"),
    ]
    t = _grid(doc, len(basic) + 1, w)
    for row, (a, b, c, d) in zip(t.rows, basic, strict=False):
        _cell(row.cells[0], a, bold=True)
        if c is None:
            merged = row.cells[1].merge(row.cells[3])
            _cell(merged, b, align=WD_ALIGN_PARAGRAPH.LEFT)
        else:
            _cell(row.cells[1], b, align=WD_ALIGN_PARAGRAPH.LEFT)
            _cell(row.cells[2], c, bold=True)
            _cell(row.cells[3], d, align=WD_ALIGN_PARAGRAPH.LEFT)
    last = t.rows[-1]
    _cell(last.cells[0], "年度工作\n主要成效", bold=True)
    summary = last.cells[1].merge(last.cells[3])
    _cell(summary, "{{ 统计期间 }}，工作室开展活动 {{ 统计.开展活动 }} 次，其中培训 "
          "{{ 统计.培训场次 }} 场次、{{ 统计.培训人次 }} 人次；在研课题 {{ 统计.在研课题 }} 项；"
          "取得创新成果 {{ 统计.创新成果 }} 项（累计 {{ 统计.累计创新成果 }} 项），其中专利 "
          "{{ 统计.专利成果 }} 件；创造经济效益 {{ 统计.经济效益 }} 万元；在带师徒 "
          "{{ 统计.在带师徒 }} 对，技能晋级 {{ 统计.技能晋级 }} 人。",
          align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    _para(doc, "")
    _para(doc, "主要创新成果", "黑体", 14)
    heads = ("序号", "成果名称", "类型", "完成时间", "第一完成人", "专利号/获奖情况")
    r = _grid(doc, 4, [1.0, 3.9, 1.8, 3.4, 1.8, 3.7])
    _repeat_header(r)
    for cell, text in zip(r.rows[0].cells, heads, strict=True):
        _cell(cell, text, bold=True)
    _cell(r.rows[1].cells[0], "{%tr for x in 创新成果 %}")
    values = ("{{ loop.index }}", "{{ x.成果名称 }}", "{{ x.成果类型 }}", "{{ x.完成日期 }}",
              "{{ x.第一完成人 }}", "{{ x.专利号 }}{% if x.专利号 and x.获奖名称 %}；{% endif %}"
              "{{ x.获奖名称 }}{{ x.获奖等次 }}")
    for cell, text in zip(r.rows[2].cells, values, strict=True):
        _cell(cell, text, align=WD_ALIGN_PARAGRAPH.LEFT if "名称" in text else
              WD_ALIGN_PARAGRAPH.CENTER, size=10)
    _cell(r.rows[3].cells[0], "{%tr endfor %}")

    _para(doc, "")
    _para(doc, "工作室及成员所获荣誉", "黑体", 14)
    h = _grid(doc, 4, [1.0, 6.0, 2.2, 1.8, 4.6])
    _repeat_header(h)
    for cell, text in zip(h.rows[0].cells, ("序号", "荣誉名称", "级别", "年度", "授予单位"),
                          strict=True):
        _cell(cell, text, bold=True)
    _cell(h.rows[1].cells[0], "{%tr for x in 累计荣誉 %}")
    for cell, text in zip(h.rows[2].cells, ("{{ loop.index }}", "{{ x.荣誉名称 }}",
                                            "{{ x.荣誉级别 }}", "{{ x.获得年度 }}",
                                            "{{ x.授予单位 }}"), strict=True):
        _cell(cell, text, size=10)
    _cell(h.rows[3].cells[0], "{%tr endfor %}")

    _para(doc, "")
    s = _grid(doc, 2, [3.2, 13.4])
    for row, who in zip(s.rows, ("所在单位\n意见", "推荐单位\n（工会）意见"), strict=True):
        _cell(row.cells[0], who, bold=True)
        row.height = Cm(3.6)
        _cell(row.cells[1], "\n\n\n（盖章）            \n      年    月    日      ",
              align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.core_properties.title = "劳模和工匠人才创新工作室推荐表"
    doc.save(DOCX)


def make_xlsx() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "年度统计表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, width in zip("ABCD", (8, 34, 12, 16), strict=True):
        ws.column_dimensions[col].width = width
    ws.merge_cells("A1:D1")
    ws["A1"] = "{{ 年度 }}年度劳模创新工作室统计表"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = center
    ws.row_dimensions[1].height = 32
    ws.merge_cells("A2:D2")
    ws["A2"] = "工作室：{{ 工作室.名称 }}    所在单位：{{ 工作室.所在单位 }}"
    ws["A2"].font = Font(name="宋体", size=11)
    rows = [("序号", "指标", "单位", "数值")] + [
        (i, label, unit, "{{ 统计." + key + " }}") for i, (label, unit, key) in enumerate((
            ("开展活动", "次", "开展活动"), ("培训场次", "场次", "培训场次"),
            ("培训人次", "人次", "培训人次"), ("培训学时", "学时", "培训学时"),
            ("技术交流", "次", "技术交流"), ("在研课题", "项", "在研课题"),
            ("创新成果", "项", "创新成果"), ("其中：专利", "件", "专利成果"),
            ("获奖成果", "项", "获奖成果"), ("经济效益", "万元", "经济效益"),
            ("经费收入", "万元", "经费收入"), ("经费支出", "万元", "经费支出"),
            ("年度末在册成员", "人", "年度末在册成员"), ("在带师徒", "对", "在带师徒"),
            ("技能晋级", "人", "技能晋级")), start=1)]
    for r, values in enumerate(rows, start=4):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(r, c, v)
            cell.border, cell.alignment = box, center
            cell.font = Font(name="黑体" if r == 4 else "宋体", size=11)
            if c == 4 and values[2] == "万元":
                cell.number_format = "0.00"
    end = 4 + len(rows)
    ws.cell(end + 1, 1, "填表人：              审核人：              单位（盖章）：").font = \
        Font(name="宋体", size=11)

    d = wb.create_sheet("创新成果明细")
    for col, width in zip("ABCDEFG", (6, 30, 14, 16, 12, 24, 20), strict=True):
        d.column_dimensions[col].width = width
    d.merge_cells("A1:G1")
    d["A1"] = "{{ 工作室.名称 }} {{ 年度 }}年度创新成果明细"
    d["A1"].font = Font(name="黑体", size=14)
    d["A1"].alignment = center
    head = ("序号", "成果名称", "类型", "完成日期", "第一完成人", "专利号", "获奖情况")
    for c, v in enumerate(head, start=1):
        cell = d.cell(2, c, v)
        cell.border, cell.alignment, cell.font = box, center, Font(name="黑体", size=11)
    d["A3"] = "{%tr for x in 创新成果 %}"
    body = ("{{ loop.index }}", "{{ x.成果名称 }}", "{{ x.成果类型 }}", "{{ x.完成日期 }}",
            "{{ x.第一完成人 }}", "{{ x.专利号 }}", "{{ x.获奖名称 }}{{ x.获奖等次 }}")
    for c, v in enumerate(body, start=1):
        cell = d.cell(4, c, v)
        cell.border, cell.alignment, cell.font = box, center, Font(name="宋体", size=11)
    d["A5"] = "{%tr endfor %}"
    d.merge_cells("A6:E6")
    d["A6"] = "合计"
    d["A6"].alignment, d["A6"].font = center, Font(name="黑体", size=11)
    d["F6"] = "{{ 统计.创新成果 }}"
    d["G6"] = "项"
    for c in range(1, 8):
        d.cell(6, c).border = box
    for sheet, landscape in ((ws, False), (d, True)):
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if landscape else "portrait"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    wb.save(XLSX)


if __name__ == "__main__":
    make_docx()
    make_xlsx()
    print(DOCX, XLSX, sep="\n")
