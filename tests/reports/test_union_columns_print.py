"""The printed union summary (PDF and XLSX) with the office's columns (issue 16 §5): exactly
the chosen figures in the chosen order; every column of a wide choice printed whole, in column
blocks that each repeat the studio's name; studios grouped by the office they came through
with 小计 per office, the directly imported in a group of their own, a 合计 counting a studio
that came by two paths once and a note naming it; the title after the studios' category."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from laomo_desktop.ledger import offices
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.reports import union_table as T
from laomo_desktop.reports.union import write_union_pdf, write_union_xlsx
from laomo_desktop.store.models import database
from sample_ledger import build

YEAR = 2025
GENERATED = date(2026, 1, 15)


def text_of(pdf, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", *pages, str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def words(pdf, page: int) -> list[tuple[str, float, float, float]]:
    html = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l",
                           str(page), str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [(w, float(x0), float(x1), float(y1)) for x0, x1, y1, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def pdf_of(tmp_path, name="union.pdf"):
    pdf = tmp_path / name
    write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    return pdf


def xlsx_sheet(tmp_path, name="union.xlsx"):
    path = tmp_path / name
    write_union_xlsx(YEAR, None, path)
    return openpyxl.load_workbook(path)["汇总表"]


def table_line(text: str, name: str) -> list[str]:
    """The studio table's line of studio `name` (the last line naming it), split."""
    return [ln.split() for ln in text.splitlines() if name in ln.split()][-1]


# ---- exactly the chosen columns, in the chosen order ------------------------------------------

CHOICE = ["benefit_wan", "training_person_times", "qc_groups", "projects_started"]


def test_the_pdf_prints_exactly_the_chosen_columns_in_their_order(ledger, tmp_path):
    build(ledger, tmp_path)
    UC.choose(CHOICE)
    pdf = pdf_of(tmp_path)
    pages = len(PdfReader(str(pdf)).pages)
    text = text_of(pdf)
    # 李明's row: its own columns, then 经济效益 12.35, 培训人次 40, QC 0, 课题 1 and nothing else
    assert table_line(text, "李明劳模创新工作室")[1:] == [
        "李明劳模创新工作室", "李明", "省级", "党小组", "劳模", "12.35", "40", "0", "1"]
    assert table_line(text, "合计")[-4:] == ["12.35", "541", "0", "1"]
    drawn = next(w for w in (words(pdf, p) for p in range(pages, 0, -1))
                 if any(t == "序号" for t, *_ in w))
    y = next(y for t, _, _, y in drawn if t == "序号")
    heads = [(x0, t) for t, x0, _, y2 in drawn if abs(y2 - y) < 30 and t not in R_OWN]
    firsts = [T.head(k).split("\n")[0] for k in CHOICE]
    assert [t for _, t in sorted(heads) if t in firsts] == firsts
    for other in ("创新", "专利", "经费", "获得"):  # heads of the default not chosen
        assert other not in [t for _, t in heads], other
    # four figures fit across portrait A4: the summary stays upright
    assert PdfReader(str(pdf)).pages[0].mediabox.width < PdfReader(str(pdf)).pages[0].mediabox.height


R_OWN = ("序号", "工作室", "领衔人", "级别", "党组织", "类别")


def test_the_xlsx_shows_exactly_the_chosen_columns_in_their_order(ledger, tmp_path):
    build(ledger, tmp_path)
    UC.choose(CHOICE)
    ws = xlsx_sheet(tmp_path)
    header = [c.value for c in ws[2] if c.value is not None]
    assert header == list(R_OWN) + [UC.head(k).replace("（", "\n（", 1) for k in CHOICE]
    first = [c.value for c in ws[3]][:len(header)]
    assert first[6:] == [pytest.approx(12.3456), 40, 0, 1]  # 万元, shown as 12.35


def test_an_unknown_stored_column_is_left_out_and_the_rest_print(ledger, tmp_path):
    build(ledger, tmp_path)
    with database.atomic():
        for i, k in enumerate(["training_person_times", "old_metric", "projects_started"]):
            database.execute_sql("INSERT INTO union_column VALUES (?, ?)", (i, k))
    pdf = tmp_path / "union.pdf"
    data = write_union_pdf(YEAR, None, pdf, generated=GENERATED)
    assert data["skipped_columns"] == ["old_metric"]
    assert table_line(text_of(pdf), "李明劳模创新工作室")[-2:] == ["40", "1"]
    assert "old_metric" not in text_of(pdf)
    header = [c.value for c in xlsx_sheet(tmp_path)[2] if c.value is not None]
    assert header[6:] == [UC.head("training_person_times"),
                          UC.head("projects_started").replace("（", "\n（", 1)]


# ---- every column of a wide choice, whole ----------------------------------------------------

def test_all_columns_print_whole_in_blocks_repeating_the_studio(ledger, tmp_path):
    build(ledger, tmp_path)
    UC.choose(list(UC.CHOOSABLE))
    pdf = pdf_of(tmp_path)
    reader = PdfReader(str(pdf))
    found, names, totals = set(), 0, 0
    firsts = {T.head(k).split("\n")[0] for k in UC.CHOOSABLE}
    for page in range(1, len(reader.pages) + 1):
        width = float(reader.pages[page - 1].mediabox.width)
        drawn = words(pdf, page)
        for t, x0, x1, _ in drawn:  # nothing beyond the margins (20 mm = 56.7 pt)
            assert x0 >= 56 and x1 <= width - 56, (page, t, x0, x1)
        found |= {t for t, *_ in drawn} & firsts
        names += sum(t == "周红职工创新工作室" for t, *_ in drawn)
        totals += sum(t == "合计" for t, *_ in drawn)
    assert found == firsts  # every column's head printed
    assert names >= 2 and totals >= names  # each block its studios and its 合计
    text = text_of(pdf)
    assert "续表" in text
    figures = [v for ln in text.splitlines() if "李明劳模创新工作室" in ln.split()
               for v in ln.split()[ln.split().index("李明劳模创新工作室") + 1:]]
    assert len(figures) == 4 + len(UC.CHOOSABLE)  # leader, level, party, category + figures


def test_all_columns_in_the_xlsx_print_on_pages_across_repeating_the_name(ledger, tmp_path):
    build(ledger, tmp_path)
    UC.choose(list(UC.CHOOSABLE))
    ws = xlsx_sheet(tmp_path)
    assert len([c.value for c in ws[2] if c.value]) == 6 + len(UC.CHOOSABLE)
    assert ws.print_title_cols == "$A:$B"
    assert ws.col_breaks.brk and not ws.sheet_properties.pageSetUpPr.fitToPage


# ---- grouped by the office they came through ------------------------------------------------

COUNTY_A = {"uid": "11111111-1111-4111-8111-111111111111", "name": "江城区总工会",
            "code": None, "level": "county"}
COUNTY_B = {"uid": "22222222-2222-4222-8222-222222222222", "name": "滨海区总工会",
            "code": None, "level": "county"}


@pytest.fixture
def routed(ledger):
    """甲 (10 person-times) and 乙 (100) through 江城区, 乙 also through 滨海区 with other
    content; 丙 (1) imported directly."""
    offices.set_own_office("江城市总工会", "city")
    u = {}
    for n, people in (("甲", 10), ("乙", 100), ("丙", 1)):
        u[n] = R.create("studio", None, {"name": f"{n}工作室", "host_unit": "江城供电公司",
                                         "founded_on": "2019-01-01"},
                        today=date(2025, 6, 1))["uid"]
        R.create("activity", u[n], {"date": "2025-03-10", "type": "training", "topic": "培训",
                                    "hours": 2, "outside_count": people},
                 today=date(2025, 6, 1))
    with database.atomic():
        for i, office in enumerate((COUNTY_A, COUNTY_B), 1):
            offices.register_office_package(office, f"0000000{i}-0000-4000-8000-000000000000",
                                            1, "2025-12-01T00:00:00Z", YEAR, {}, "x", {}, None)
        offices.record_route(u["甲"], COUNTY_A["uid"], YEAR, "p1", 1, "a" * 64)
        offices.record_route(u["乙"], COUNTY_A["uid"], YEAR, "p2", 1, "b" * 64)
        offices.record_route(u["乙"], COUNTY_B["uid"], YEAR, "p3", 2, "c" * 64)
    UC.choose(["training_person_times"])
    return u


def test_the_pdf_groups_by_office_with_subtotals_and_counts_a_studio_once(routed, tmp_path):
    pdf = pdf_of(tmp_path)
    lines = [ln.split() for ln in text_of(pdf).splitlines() if ln.strip()]
    start = next(i for i, w in enumerate(lines) if w[:2] == ["序号", "工作室"])
    table = lines[start + 1:]
    groups = [w[0] for w in table if w[0].endswith(("（区县）", "本台账录入"))]
    assert groups == ["江城区总工会（区县）", "滨海区总工会（区县）", "直接导入或本台账录入"]
    subtotals = [w for w in table if w[0] == "小计"]
    assert [(w[1], w[-1]) for w in subtotals] == [("2", "110"), ("1", "100"), ("1", "1")]
    total = next(w for w in table if w[0] == "合计")
    assert total[1:3] == ["3", "个工作室（不重复计）"] and total[-1] == "111"  # not 211
    flat = text_of(pdf).replace("\n", "").replace(" ", "")
    assert "乙工作室经两个以上单位报送" in flat and "合计只计一次" in flat
    assert "乙工作室各路报送的数据不一致" in flat


def test_the_xlsx_groups_by_office_with_subtotals_and_counts_a_studio_once(routed, tmp_path):
    ws = xlsx_sheet(tmp_path)
    rows = [[c.value for c in r][:7] for r in ws.iter_rows(min_row=3, max_row=ws.max_row)]
    col = [r[1] for r in rows]
    assert col[:col.index("3 个工作室（不重复计）") + 1] == [
        "江城区总工会（区县）", "乙工作室", "甲工作室", "2 个工作室",
        "滨海区总工会（区县）", "乙工作室", "1 个工作室",
        "直接导入或本台账录入", "丙工作室", "1 个工作室", "3 个工作室（不重复计）"]
    subtotal_rows = [i + 3 for i, r in enumerate(rows) if r[0] == "小计"]
    assert [ws.cell(r, 7).value for r in subtotal_rows] == [
        "=SUM(G4:G5)", "=SUM(G8:G8)", "=SUM(G11:G11)"]
    total = next(r for r in rows if r[0] == "合计")
    assert total[6] == 111  # counted once, not the subtotals' 211
    texts = " ".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
    assert "乙工作室经两个以上单位报送" in texts and "合计只计一次" in texts


@pytest.fixture
def county_targets(routed):
    """江城区 set itself 100 person-times and 3 studios not named yet for the year; 滨海区 set
    nothing."""
    with database.atomic():
        offices.register_office_package(
            COUNTY_A, "00000003-0000-4000-8000-000000000000", 2, "2025-12-02T00:00:00Z", YEAR,
            {"training_person_times": 100, "patents": 1}, "x", {}, None)
    return routed


def test_the_pdf_shows_the_targets_each_office_below_set_against_its_studios(county_targets,
                                                                            tmp_path):
    flat = text_of(pdf_of(tmp_path)).replace(" ", "")
    assert "下级工会目标完成情况" in flat
    rows = [ln.split() for ln in text_of(pdf_of(tmp_path, "b.pdf")).splitlines()
            if ln.strip().startswith("江城区总工会（区县）") and len(ln.split()) >= 6]
    assert [r[1:] for r in rows] == [["培训人次", "100", "110", "110%", "完成"],
                                    ["专利（件）", "1", "0", "0%", "未完成"]]
    assert not any("滨海区总工会（区县）" in ln and "人次" in ln
                   for ln in text_of(pdf_of(tmp_path, "c.pdf")).splitlines())


def test_the_xlsx_shows_the_targets_each_office_below_set(county_targets, tmp_path):
    path = tmp_path / "u.xlsx"
    write_union_xlsx(YEAR, None, path)
    ws = openpyxl.load_workbook(path)["目标完成情况"]
    rows = [[c.value for c in r][:5] for r in ws.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r[0] == "下级工会：指标")
    assert rows[head + 1:head + 3] == [
        ["江城区总工会（区县）：培训人次", 100, 110, 1.1, "完成"],
        ["江城区总工会（区县）：专利（件）", 1, 0, 0, "未完成"]]


# ---- the title after the studios' category --------------------------------------------------

@pytest.mark.parametrize(("categories", "title"), [
    (["worker", "worker"], "职工创新工作室汇总表"),
    (["worker", "craftsman"], "创新工作室汇总表"),
    (["worker", "skill_master"], "工作室汇总表"),
    ([None, "model_worker"], "劳模创新工作室汇总表"),
])
def test_the_printed_title_follows_the_studios_category(ledger, tmp_path, categories, title):
    for i, cat in enumerate(categories):
        values = {"name": f"第{i}工作室", "host_unit": "单位", "founded_on": "2019-01-01"}
        if cat:
            values["category"] = cat
        R.create("studio", None, values, today=date(2025, 6, 1))
    pdf = pdf_of(tmp_path)
    first = text_of(pdf, 1)
    heading = next(ln.strip() for ln in first.splitlines() if "汇总表" in ln and "年度" in ln
                   and ln.strip().startswith("2025"))
    assert heading == f"2025 年度{title}"
    assert PdfReader(str(pdf)).metadata.title == f"2025 年度{title}"
    ws = xlsx_sheet(tmp_path)
    assert ws["A1"].value == f"2025 年度{title}"
