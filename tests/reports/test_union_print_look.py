"""The union summary as the clerk files it: a caption never ends a page without its table, a
short table is never split, heads break between words with the unit on a line of its own, the
prose speaks in the table's 万元, 小计 and 合计 say the same in the 党组织 column, the notes say
that alliance funds are part of the funds, the workbook's notes and signature print after the
table's last page and its percentages read as the PDF's."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from reportlab.platypus import Paragraph, Spacer
from test_union_columns_print import GENERATED, YEAR, routed, text_of  # noqa: F401

from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.period import period
from laomo_desktop.reports import tables
from laomo_desktop.reports import union_rows as R
from laomo_desktop.reports import union_table as T
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.gridtable import GridTable
from laomo_desktop.reports.layout import BODY_W, BOTTOM, TOP, build, styles, table
from laomo_desktop.reports.union import studio_tables, write_union_pdf, write_union_xlsx
from sample_ledger import build as build_sample

FRAME_H = 297 / 25.4 * 72 - TOP - BOTTOM


def pages(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return out.split("\f")


def flat(text: str) -> str:
    return text.replace("\n", "").replace(" ", "")


@pytest.fixture
def sample(ledger, tmp_path):
    return build_sample(ledger, tmp_path)


# ---- P2: a caption with its table ----

@pytest.mark.parametrize("room", [70, 100, 130, 160])
def test_a_continued_tables_caption_is_on_the_page_of_its_rows(sample, tmp_path, room):
    """Whatever room the page has left, 续表（第 2 部分…） heads rows on the same page."""
    UC.choose(list(UC.CHOOSABLE))
    data = R.summary_data(YEAR, None, period(YEAR))
    st = styles()
    data["body_w"] = BODY_W
    story = studio_tables(data, st)
    start = next(i for i, f in enumerate(story)
                 if isinstance(f, Paragraph) and "续表" in f.getPlainText())
    while start and not isinstance(story[start - 1], Spacer | GridTable):
        start -= 1  # what goes with the caption (a conditional page break)
    pdf = tmp_path / "blocks.pdf"
    build(pdf, [Spacer(1, FRAME_H - room)] + story[start:], title="t",
          header_left="", header_right="", has_cover=False)
    for text in pages(pdf):
        if "续表" in text:
            after = text[text.index("续表"):]
            assert "李明劳模创新工作室" in after, (room, text)


# ---- P3: heads break between words ----

@pytest.mark.parametrize("key", list(UC.CHOOSABLE))
def test_a_head_breaks_between_words_and_its_unit_stands_alone(key):
    lines = T.head(key).split("\n")
    assert not any(line[0] in "）〕】」，、：；" for line in lines), lines
    assert all(line.count("（") == line.count("）") for line in lines), lines
    unit = UC.CHOOSABLE[key].unit
    if unit and not UC.head(key, unit=False).endswith(unit):
        assert lines[-1] == f"（{unit}）", lines
    assert len(lines) <= 4, lines


def test_the_alliance_heads_are_short():
    for key in UC.GROUPS[-1][1]:
        assert len(UC.head(key, unit=False)) <= 6, UC.head(key)


# ---- P4, P7: the prose in 万元; alliance funds said to be inside the funds ----

def test_the_opening_prose_gives_the_funds_in_wan_like_the_table(sample, tmp_path):
    pdf = tmp_path / "union.pdf"
    write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    text = flat("".join(pages(pdf)))
    assert re.search(r"经费收入[\d.]+万元，支出[\d.]+万元", text), text[:600]


def test_the_notes_say_alliance_funds_are_part_of_the_funds(sample, tmp_path):
    UC.choose(["fund_income_wan", "alliance_funds_received_wan", "alliance_funds_spent_wan"])
    pdf, xlsx = tmp_path / "union.pdf", tmp_path / "union.xlsx"
    write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    write_union_xlsx(YEAR, None, xlsx)
    said = "联盟经费收入、支出已含在经费收入、支出中"
    assert said in flat("".join(pages(pdf)))
    ws = openpyxl.load_workbook(xlsx)["汇总表"]
    assert any(said in str(c.value) for r in ws.iter_rows() for c in r if c.value)
    UC.choose(["fund_income_wan"])
    write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    assert said not in flat("".join(pages(pdf)))


# ---- P5: 小计 and 合计 alike under 党组织 ----

def test_subtotals_count_the_studios_with_a_party_org_as_the_total_does(routed, tmp_path):  # noqa: F811
    pdf = tmp_path / "union.pdf"
    write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    lines = [ln.split() for ln in text_of(pdf).splitlines()]
    subtotals = [w for w in lines if w[:1] == ["小计"]]
    total = next(w for w in lines if w[:1] == ["合计"])
    assert "0个" in total and len(subtotals) == 3
    assert all("0个" in w for w in subtotals), subtotals
    ws = openpyxl.load_workbook(tmp_path / "u.xlsx" if write_union_xlsx(
        YEAR, None, tmp_path / "u.xlsx") else None)["汇总表"]
    notes = [ws.cell(r, 5).value for r in range(3, ws.max_row + 1)
             if ws.cell(r, 1).value in ("小计", "合计")]
    assert notes == ["0 个"] * 4


# ---- P6: a short table kept whole ----

def test_a_short_table_is_not_split_across_pages(tmp_path):
    st = styles()
    rows = [[f"指标{i}", 10, 5, "50%", "未完成"] for i in range(3)] + [["专利", 50, 22, "44%", "未完成"]]
    for room in (60, 75, 90):
        pdf = tmp_path / f"short{room}.pdf"
        build(pdf, [Spacer(1, FRAME_H - room)] + table(st, ["指标", "目标", "完成", "完成率", "结论"],
                                                      rows, [6, 1.6, 1.6, 1.6, 1.4]),
              title="t", header_left="", header_right="", has_cover=False)
        page = next(p for p in pages(pdf) if "专利" in p)
        assert "指标0" in page, room


def test_page_end_moves_a_short_table_whole_but_splits_a_long_one():
    heights = [0.0, 20, 40, 60, 80]  # four rows of 20 pt
    assert tables.page_end(heights, 0, 65) is None  # three fit: all four go over together
    assert tables.page_end(heights, 0, 65, atop=True) == 3  # a fresh page takes what fits
    long = [20.0 * i for i in range(21)]
    assert tables.page_end(long, 0, 205) == 10


# ---- P8: the workbook's notes after the table; its percentages as the PDF's ----

def test_the_workbooks_notes_and_signature_print_on_the_last_page_across(sample, tmp_path):
    UC.choose(list(UC.CHOOSABLE))
    path = tmp_path / "union.xlsx"
    write_union_xlsx(YEAR, None, path)
    ws = openpyxl.load_workbook(path)["汇总表"]
    last_page_first_col = ws.col_breaks.brk[-1].id + 1
    notes = [c for r in ws.iter_rows() for c in r
             if isinstance(c.value, str) and c.value.startswith(("说明：", "填报单位"))]
    assert len(notes) == 2
    assert all(c.column >= last_page_first_col for c in notes), [c.coordinate for c in notes]
    sign = notes[1]
    units = sum(ws.column_dimensions[get_column_letter(c)].width
                for c in range(sign.column, ws.max_column + 1))
    for line in sign.value.split("\n"):  # each line of the signature whole on its line
        assert sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) <= units, line


def shown(value: float, fmt: str) -> str:
    """A percentage as a spreadsheet shows it in `fmt` (0%, 0.0%)."""
    places = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else 0
    return f"{value * 100:.{places}f}%"


def test_the_workbooks_percentages_read_as_the_pdfs(sample, tmp_path):
    path = tmp_path / "union.xlsx"
    data = write_union_xlsx(YEAR, {"training_person_times": 400, "patents": 3}, path)
    ws = openpyxl.load_workbook(path)["目标完成情况"]
    got = {ws.cell(r, 1).value: shown(ws.cell(r, 4).value, ws.cell(r, 4).number_format)
           for r in range(3, 3 + len(data["goals"]))}
    assert got == {g["label"]: W.completion(g["actual"], g["target"], met=g["met"])
                   for g in data["goals"]}
