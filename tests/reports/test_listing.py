"""The exported and printed list (issue 11 §3): one Listing written as XLSX, CSV and PDF; totals
in exact fen; the PDF's text read back with pdftotext; a long list repeats its header row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from helpers import page_count, pdftotext
from laomo_desktop.ledger import listing as L
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.reports import listing as report
from laomo_desktop.ui.pages.sections import BY_KEY
from sample_ledger import build

HOSTILE = "A&B <b>粗</b> x<y"
FORMULA = '=HYPERLINK("http://example.invalid","点我")'


def shown_list(kind: str, studio: str, year: int | None = 2025, **kw) -> L.Listing:
    cols = list(BY_KEY[kind].columns)
    rows = Q.fetch_rows(kind, studio, cols, year=year)
    return L.build(kind, cols, rows, studio="李明劳模创新工作室", section=R.S.kind(kind).label,
                   year=year, today=date(2026, 1, 15), **kw)


def test_fund_totals_are_exact_fen(ledger, tmp_path):
    u = build(ledger, tmp_path)
    lst = shown_list("fund", u["A"])
    assert [(t.key, t.figures[0].value) for t in lst.totals] == [
        ("income", 5_000_000), ("expense", 1_234_567), ("balance", 3_765_433)]
    assert [L.figure_text(t.figures[0]) for t in lst.totals] == [
        "50,000.00", "12,345.67", "37,654.33"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["income", "expense"]),
                          st.integers(min_value=0, max_value=10**12)), max_size=30))
def test_totals_never_lose_a_fen(entries):
    rows = [("u", 1, d, amount) for d, amount in entries]
    lines = L.totals("fund", ["direction", "amount_fen"], rows)
    income = sum(a for d, a in entries if d == "income")
    expense = sum(a for d, a in entries if d == "expense")
    assert [ln.figures[0].value for ln in lines] == [income, expense, income - expense]


def test_hours_add_up_as_the_table_shows_them():
    rows = [("u", 1, 0.1), ("v", 1, 0.2), ("w", 1, None)]
    (line,) = L.totals("activity", ["hours"], rows)
    assert line.figures[0].value == Decimal("0.3")
    assert L.figure_text(line.figures[0]) == "0.3 学时"


def test_benefit_totals_in_wan_rounded_half_up():
    (line,) = L.totals("benefit", ["year", "amount_fen"], [("u", 1, 2025, 125_000)])
    assert L.figure_text(line.figures[0]) == "0.13 万元"


def test_sections_without_money_or_counts_have_no_totals():
    for kind in ("member", "mentorship", "rule", "plan", "result", "honour", "attachment"):
        assert L.totals(kind, list(BY_KEY[kind].columns), []) == [], kind


def test_the_pdf_list_reads_back_in_chinese(ledger, tmp_path):
    u = build(ledger, tmp_path)
    out = report.write_pdf(shown_list("fund", u["A"], filter_text="培训"), tmp_path / "l.pdf")
    text = pdftotext(out)
    assert "李明劳模创新工作室 · 经费 · 2025 年度" in text
    assert "筛选：“培训”" in text
    assert "收入合计" in text and "支出合计" in text and "结余" in text
    assert "37,654.33" in text and "2025年6月1日" in text
    assert "第1页共1页" in text.replace(" ", "")
    upright = report.write_pdf(shown_list("benefit", u["A"]), tmp_path / "b.pdf")
    box = PdfReader(upright).pages[0].mediabox
    assert box.width < box.height  # six columns fit A4 upright


def test_many_columns_print_landscape_and_long_lists_repeat_the_header(ledger, tmp_path):
    u = build(ledger, tmp_path)
    for i in range(150):
        R.create("activity", u["A"], {"date": f"2025-{i % 12 + 1:02d}-01", "type": "training",
                                       "topic": f"培训第{i}讲 {HOSTILE}", "outside_count": 2})
    lst = shown_list("member", u["A"])
    assert len(lst.columns) > report.PORTRAIT_MAX_COLUMNS
    out = report.write_pdf(lst, tmp_path / "m.pdf")
    box = PdfReader(out).pages[0].mediabox
    assert box.width > box.height
    acts = shown_list("activity", u["A"])
    out = report.write_pdf(acts, tmp_path / "a.pdf")
    pages = page_count(out)
    assert pages >= 3
    text = pdftotext(out)
    assert text.count("参加人次") == pages  # the header row on every page
    assert HOSTILE in text  # printed literally, never parsed as markup
    assert f"共{pages}页" in text.replace(" ", "")
    assert "155 场" in text and "341 人次" in text  # 5 of the sample + 150 × 2 outside


def test_the_workbook_and_csv_keep_text_as_text(ledger, tmp_path):
    u = build(ledger, tmp_path)
    R.create("fund", u["A"], {"date": "2025-03-03", "direction": "income", "source": "union",
                              "amount_fen": 1, "note": FORMULA})
    lst = shown_list("fund", u["A"])
    ws = openpyxl.load_workbook(report.write_xlsx(lst, tmp_path / "f.xlsx")).active
    notes = [ws.cell(r, 6).value for r in range(4, ws.max_row + 1)]
    assert FORMULA in notes
    assert ws.cell(4 + notes.index(FORMULA), 6).data_type == "s"
    assert ws.cell(ws.max_row - 2, 5).number_format == "#,##0.00"
    text = report.write_csv(lst, tmp_path / "f.csv").read_text("utf-8-sig")
    assert "'" + FORMULA.replace('"', '""') in text  # a spreadsheet shows it, never runs it


def test_benefit_workbook_total_is_a_number_in_wan(ledger, tmp_path):
    u = build(ledger, tmp_path)
    ws = openpyxl.load_workbook(report.write_xlsx(shown_list("benefit", u["A"]),
                                                  tmp_path / "b.xlsx")).active
    total = ws.cell(ws.max_row, 4)
    assert ws.cell(3, 4).value == "效益金额（元）"
    assert ws.cell(ws.max_row, 1).value == "合计"
    assert abs(total.value - 12.3456) < 1e-9 and total.number_format.endswith('" 万元"')


def test_withheld_fields_read_not_provided(ledger, tmp_path):
    u = build(ledger, tmp_path)
    cols = list(BY_KEY["member"].columns)
    rows = Q.fetch_rows("member", u["A"], cols)
    lst = L.build("member", cols, rows, studio="某工作室", section="成员", year=None,
                  withheld={"post"})
    at = cols.index("post")
    assert {r[at] for r in lst.rows} == {"未提供"}
    assert lst.title == "某工作室 · 成员 · 全部记录"
