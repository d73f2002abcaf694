"""The annual summary and the plan as Word documents: the same headings, paragraphs and tables in
the same order as their PDFs (one description feeds both), real Word heading styles, the faces a
Chinese Word or WPS has named for East Asian text, A4 with the binding margin mirrored, page
numbers from Word fields; and LibreOffice opens one and gives its text back."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from docx_compare import assert_same_order, blocks, body_text, flat, out_of_order
from helpers import page_count, pdftotext, soffice_pdf
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual, write_annual_docx
from laomo_desktop.reports.plan import write_plan, write_plan_docx
from laomo_desktop.reports.text import printable
from sample_ledger import build

GENERATED = date(2026, 1, 15)
@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


@pytest.fixture
def annual(sample, tmp_path) -> tuple[Path, Path]:
    pdf, docx = tmp_path / "annual.pdf", tmp_path / "annual.docx"
    write_annual(sample["A"], 2025, pdf, generated=GENERATED)
    write_annual_docx(sample["A"], 2025, docx, generated=GENERATED)
    return pdf, docx


def test_the_word_summary_says_what_the_pdf_says_in_the_same_order(annual):
    pdf, docx = annual
    said = assert_same_order(docx, body_text(pdf, ("李明劳模创新工作室", "2025 年度工作总结"),
                                             cover=True))
    assert len(said) > 40, said  # the cover, the headings, the sentences, the table titles
    doc = Document(str(docx))
    levels = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert levels["一、基本情况"] == "Heading 1" and levels["（一）命名表彰"] == "Heading 2"
    assert levels["十一、存在问题与下一年度计划"] == "Heading 1" and levels["附表"] == "Heading 1"
    assert [t for t, s in levels.items() if s == "Heading 1"] == [
        "一、基本情况", "二、“八个必有”自查", "三、年度目标完成情况", "四、技术创新与攻关",
        "五、经济效益和社会效益", "六、人才培养", "七、交流与示范", "八、制度建设与经费",
        "九、党建工作", "十、荣誉", "十一、存在问题与下一年度计划", "附表"]
    body = [p.text for p in doc.paragraphs if p.style.name == "Normal" and p.text]
    assert any(t.startswith("本年度认定经济效益 12.35 万元") for t in body), body


def test_the_word_summarys_tables_are_word_tables(annual):
    pdf, docx = annual
    items = blocks(docx)
    titled = {items[i - 1].text: t for i, t in enumerate(items)
              if isinstance(t, Table) and isinstance(items[i - 1], Paragraph)}
    team = titled["表2 团队成员"]
    assert [c.text for c in team.rows[0].cells] == ["姓名", "角色", "岗位", "职称", "技能等级", "党员"]
    assert [r.cells[0].text for r in team.rows[1:]] == ["李明", "王芳", "张伟", "刘洋", "陈静"]
    assert team.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    pdf_lines = pdftotext(pdf, layout=True)
    for row in team.rows[1:]:  # each row is a line of the PDF's table, its cells in order
        cells = [re.escape(c.text) for c in row.cells if c.text]
        assert re.search(r"\s+".join(cells), pdf_lines), cells
    funds = titled["附表五 经费收支明细"]
    assert [c.text for c in funds.rows[-2].cells][:4] == ["收入合计", "", "", "50,000.00"]
    amount = funds.rows[1].cells[3].paragraphs[0]
    assert amount.alignment is not None and amount.alignment == 2  # right, like the PDF's
    # The chart of the activities per month: its figures, as a table under its title.
    months = titled["各月活动次数"]
    assert [c.text for c in months.rows[0].cells] == ["月份", "活动次数"] and len(months.rows) == 13


def test_the_styles_name_the_faces_chinese_word_has(annual):
    _, docx = annual
    doc = Document(str(docx))

    def faces(name: str) -> dict:
        fonts = doc.styles[name].element.rPr.rFonts
        return {k: fonts.get(qn(f"w:{k}")) for k in ("ascii", "eastAsia", "asciiTheme")}

    assert faces("Normal") == {"ascii": "Times New Roman", "eastAsia": "仿宋_GB2312",
                               "asciiTheme": None}  # digits as official documents set them
    assert faces("Heading 1")["eastAsia"] == "黑体"
    assert faces("Heading 2")["eastAsia"] == "楷体_GB2312"
    assert faces("Heading 3")["eastAsia"] == "仿宋_GB2312" and doc.styles["Heading 3"].font.bold
    assert faces("公文标题")["eastAsia"] == "宋体" and doc.styles["公文标题"].font.bold
    assert faces("表格文字")["eastAsia"] == "宋体" and faces("表头")["eastAsia"] == "黑体"
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == 16 and normal.paragraph_format.alignment == 3  # justified
    assert normal.paragraph_format.first_line_indent.pt == 32  # two characters
    assert doc.styles["Heading 1"].font.color.rgb == (0, 0, 0)
    with zipfile.ZipFile(docx) as z:
        assert not [n for n in z.namelist() if n.startswith("word/fonts/")]  # nothing embedded


def test_a4_with_the_binding_margin_mirrored_and_word_numbers_the_pages(annual):
    _, docx = annual
    doc = Document(str(docx))
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert round(s.left_margin.mm) == 28 and round(s.right_margin.mm) == 20
    assert doc.settings.element.find(qn("w:mirrorMargins")) is not None
    assert s.different_first_page_header_footer  # the cover has no page number
    footer = s.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "第 " in footer and " 页 共 " in footer
    assert "李明劳模创新工作室" in s.header.paragraphs[0].text


def test_libreoffice_opens_the_word_summary_and_its_text_comes_back(annual):
    pdf, docx = annual
    converted = soffice_pdf(docx)
    text = flat(pdftotext(converted))
    for words in ("一、基本情况", "十一、存在问题与下一年度计划", "附表五经费收支明细",
                  "本年度认定经济效益12.35万元", "表2团队成员"):
        assert words in text, words
    pages = page_count(converted)
    assert pages >= 4
    assert f"第2页共{pages}页" in text  # Word's fields, computed by LibreOffice


def test_the_word_plan_says_what_the_pdf_plan_says(sample, tmp_path):
    R.update("plan", sample["plan"], {"measures": "抓培训\n抓攻关", "schedule": ""})
    pdf, docx = tmp_path / "plan.pdf", tmp_path / "plan.docx"
    write_plan(sample["A"], 2025, pdf, generated=GENERATED)
    write_plan_docx(sample["A"], 2025, docx)
    said = assert_same_order(docx, body_text(pdf, ("李明劳模创新工作室", "2025 年度工作计划"),
                                             cover=False))
    assert flat(said[0]) == "李明劳模创新工作室2025年度工作计划"
    assert said[-2:] == ["李明劳模创新工作室（盖章）", "年　　月　　日"]
    doc = Document(str(docx))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "一、年度目标", "二、主要措施", "三、进度安排"]
    assert doc.paragraphs[0].style.name == "公文标题"
    assert not doc.sections[0].different_first_page_header_footer  # no cover: page 1 numbered


def test_the_self_assessment_sheet_in_word_merges_each_area_as_the_pdf_does(sample, ledger,
                                                                            tmp_path):
    from laomo_desktop.reports.sheet import write_sheet

    pdf, docx = tmp_path / "sheet.pdf", tmp_path / "sheet.docx"
    write_sheet(sample["A"], 2025, "union_100", ledger.templates, pdf, generated=GENERATED)
    write_sheet(sample["A"], 2025, "union_100", ledger.templates, docx, docx=True)
    pdf_text = body_text(pdf, ("李明劳模创新工作室", "2025 年度自评表"), cover=False)
    said = assert_same_order(docx, pdf_text)
    assert flat(said[0]) == "李明劳模创新工作室2025年度自评表"
    sheet = next(b for b in blocks(docx) if isinstance(b, Table))
    assert [c.text for c in sheet.rows[0].cells] == [
        "考核项目", "考核内容", "分值", "评分标准", "自评得分", "考核得分"]
    areas = [r.cells[0].text for r in sheet.rows[1:]]
    assert areas[:3] == ["组织建设"] * 3  # one cell merged down its rows: read from each
    assert sum(1 for tc in sheet._tbl.iter(qn("w:tc")) if tc.tcPr is not None
               and tc.tcPr.find(qn("w:vMerge")) is not None and "组织建设" in tc.xml) == 1
    rows = [[c.text for c in r.cells] for r in sheet.rows]
    total = next(r for r in rows if r[0] == "合计")
    assert total[1] == "合计" and total[5] == ""  # 合计 over two columns; 考核得分 left blank
    assert any(r[0] == "自评结论" and r[1].startswith("达到 ") for r in rows)
    assert [r[0] for r in rows[-2:]] == ["自评人\n（签字）", "日期"]  # a line break kept
    for row in sheet.rows[1:]:  # the criteria, in the PDF's order
        text = flat(printable(row.cells[1].text))
        assert text[:12] in pdf_text, text


def test_word_finds_every_property_in_the_order_of_the_schema(annual, sample, ledger, tmp_path):
    from laomo_desktop.reports.books import write_book
    from laomo_desktop.reports.sheet import write_sheet

    _, docx = annual
    sheet, book = tmp_path / "sheet.docx", tmp_path / "activities.docx"
    write_sheet(sample["A"], 2025, "union_100", ledger.templates, sheet, docx=True)
    write_book("trainings", ledger, sample["A"], 2025, book, docx=True)
    for made in (docx, sheet, book):
        assert out_of_order(made) == [], made.name
