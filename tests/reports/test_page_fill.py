"""Layout as a reader of the printed documents sees it: no page left mostly empty inside a part,
table headers only at the top of a page, cells that do not break a date or a voucher number,
and totals under the money and appendix tables.

A page's fill is measured on a low-resolution rendering: the share of the body frame's height
down to its lowest inked row (the page header and footer lie outside the frame)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from helpers import pdftotext
from laomo_desktop.ledger import demo
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.layout import BOTTOM, PAGE_H, TOP, date_cn
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.store.models import database
from sample_ledger import build

DEMO_TODAY = date(2026, 12, 1)  # the demo's years are 2024-2026
MOSTLY_EMPTY = 0.5  # a page inked over less than half its body height
# A part of a document begins on a new page: its first body line is one of these, or begins
# with 自评： (the self-assessment).
PART_STARTS = {"一、基本情况", "附表", "目录", "第一部分年度工作总结（台账汇编）", "佐证材料索引"}


def page_fill(pdf: Path, tmp: Path) -> list[float]:
    """For each page, how far down its body frame the ink goes (0 = blank, 1 = full)."""
    out = tmp / f"{pdf.stem}-fill"
    out.mkdir()
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(pdf), str(out / "p")], check=True)
    fills = []
    for png in sorted(out.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        img = Image.open(png)
        w, h = img.size
        top, bottom = round(h * TOP / PAGE_H), round(h * (1 - BOTTOM / PAGE_H))
        px = img.load()
        last = top
        for y in range(top + 1, bottom):
            if any(px[x, y] < 200 for x in range(0, w)):
                last = y
        fills.append((last - top) / (bottom - top))
    return fills


def body_lines(page_text: str, furniture: tuple[str, ...]) -> list[str]:
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return [line for line in lines if not line.startswith(furniture)
            and not re.fullmatch(r"第 \d+ 页 共 \d+ 页.*|生成于.*", line)]


def underfilled(pdf: Path, tmp: Path, furniture: tuple[str, ...]) -> list[tuple[int, float]]:
    """Pages that are mostly empty though neither the last page nor the last of their part."""
    pages = pdftotext(pdf).split("\f")
    fills = page_fill(pdf, tmp)
    bad = []
    for i, fill in enumerate(fills[:-1]):
        nxt = body_lines(pages[i + 1], furniture)
        first = flat(nxt[0]) if nxt else ""
        part_ends = (i == 0 or first in PART_STARTS or first.startswith("自评：")
                     or re.match(r"第[一二三四五]部分", first) is not None  # the packet's parts
                     # a packet's appended document (each page stamped 附件N), its back page
                     or re.match(r"附件\d+", first) is not None or first.startswith("数据包签名指纹"))
        if fill < MOSTLY_EMPTY and not part_ends:
            bad.append((i + 1, round(fill, 2)))
    return bad


@pytest.fixture
def demo_ledger(ledger):
    for _ in demo.generate(3, 3, today=DEMO_TODAY):
        pass
    studios = database.execute_sql("SELECT uid, name FROM studio ORDER BY name").fetchall()
    return ledger, studios


def test_no_page_of_an_annual_summary_is_left_mostly_empty(demo_ledger, tmp_path):
    _, studios = demo_ledger
    bad = {}
    for uid, name in studios:
        for year in (2024, 2025, 2026):
            pdf = tmp_path / f"{uid}-{year}.pdf"
            write_annual(uid, year, pdf, generated=DEMO_TODAY)
            pages = underfilled(pdf, tmp_path, (name, f"{year} 年度工作总结"))
            if pages:
                bad[f"{name} {year}"] = pages
    assert not bad, bad


def test_the_score_sheet_total_stays_with_its_table(demo_ledger, tmp_path):
    paths, studios = demo_ledger
    uid, name = studios[0]
    for template in ("union_100", "eight_must_haves", "demonstration"):
        pdf = tmp_path / f"{template}.pdf"
        write_packet(paths, uid, 2026, template, [], pdf, generated=DEMO_TODAY)
        assert not underfilled(pdf, tmp_path, (name, "2026 年度考核材料")), template
        pages = pdftotext(pdf).split("\f")
        last = next(p for p in pages if "自评结论" in p)  # the sheet's last rows
        assert "合计" in last and "（签字）" in last and re.search(r"^\d+\.\s", last, re.M), (
            "the total, the conclusion and the signatures under a criterion")


def header_rows_not_at_top(pdf: Path, header: list[str], heading: str) -> list[int]:
    """Pages where the table's header row comes after other text that is not its heading."""
    bad = []
    for n, page in enumerate(pdftotext(pdf, layout=True).split("\f"), 1):
        lines = [line.split() for line in page.splitlines() if line.strip()]
        for i, words in enumerate(lines):
            if words == header:
                before = lines[i - 1] if i else []
                if i > 1 and " ".join(before) != heading:  # line 0: the page header
                    bad.append(n)
    return bad


def test_header_rows_repeat_only_at_the_top_of_a_page(demo_ledger, tmp_path):
    _, studios = demo_ledger
    uid, name = max(studios, key=lambda s: s[1])
    pdf = tmp_path / "annual.pdf"
    write_annual(uid, 2026, pdf, generated=DEMO_TODAY)
    acts = len(annual_data(uid, 2026)["activities"])
    assert acts > 60  # long enough to run over two pages
    text = pdftotext(pdf, layout=True)
    assert len(re.findall(r"日期 +类型 +主题", text)) >= 2  # it repeats on the next pages
    assert not header_rows_not_at_top(pdf, ["日期", "类型", "主题", "地点", "人次"],
                                      "附表二 活动")


def test_columns_are_as_wide_as_a_date_or_a_voucher_number(demo_ledger, tmp_path):
    _, studios = demo_ledger
    for uid, _name in studios:
        pdf = tmp_path / f"{uid}.pdf"
        data = write_annual(uid, 2026, pdf, generated=DEMO_TODAY)
        text = pdftotext(pdf, layout=True)
        whole = {date_cn(a["date"]) for a in data["activities"] + data["trainings"]
                 + data["funds"] + data["results"]}
        whole |= {x["voucher_no"] for x in data["funds"] if x["voucher_no"]}
        whole |= {date_cn(r["date"]) for r in data["namings"]}
        broken = sorted(w for w in whole if w not in text)
        assert not broken, broken[:5]


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_money_and_appendix_tables_have_totals(sample, tmp_path):
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf, generated=date(2026, 1, 15))
    lines = [" ".join(line.split()) for line in pdftotext(pdf, layout=True).splitlines()]
    totals = [line for line in lines if line.split(" ")[0].endswith("合计")]
    assert "合计 12.35" in totals  # 五、经济效益 (万元)
    assert "合计 50,000.00" in totals and "合计 12,345.67" in totals  # 收入 / 支出 (元)
    assert "合计 4项" in totals  # 附表一 创新成果
    assert "合计 5次 41" in totals  # 附表二 活动: count, 人次
    assert "合计 3次 9.5 40" in totals  # 附表三 培训: count, 学时, 人次
    assert "收入合计 50,000.00" in totals and "支出合计 12,345.67" in totals  # 附表五
    assert ("上年结转5,000.00元+本年收入50,000.00元－本年支出12,345.67元=结余42,654.33元"
            in flat(pdftotext(pdf)))

