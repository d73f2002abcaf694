"""The union summary PDF as the union office files it: 序号 and 领衔人 columns, numbers
right-aligned, a sign-off block (填报单位（盖章）/填报人/联系电话/日期), no cover page, and a
long table whose header stands only at the top of each page."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.reports.union import write_union_pdf
from sample_ledger import build

GENERATED = date(2026, 1, 15)


def pdftotext(pdf, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", *pages, str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def sample_pdf(ledger, tmp_path):
    build(ledger, tmp_path)
    pdf = tmp_path / "union.pdf"
    write_union_pdf(2025, None, pdf, generated=GENERATED)
    return pdf


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if "工作室" in line and "  " in line]


def test_the_table_has_serial_numbers_and_leaders(sample_pdf):
    text = pdftotext(sample_pdf)
    assert "序号" in text and "领衔人" in text
    lines = {line.split()[1]: line.split() for line in text.splitlines()
             if line.split()[:1] in (["1"], ["2"]) and len(line.split()) > 3}
    assert lines["李明劳模创新工作室"][:3] == ["1", "李明劳模创新工作室", "李明"]
    assert lines["周红职工创新工作室"][:3] == ["2", "周红职工创新工作室", "周红"]


def words(pdf, page: int) -> list[tuple[str, float, float, float]]:
    """(word, left x, right x, baseline-ish y from the top) as pdftotext -bbox finds them."""
    html = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l",
                           str(page), str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [(w, float(x0), float(x1), float(y1)) for x0, x1, y1, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def test_numbers_are_right_aligned(sample_pdf):
    """培训人次 of the two studios and their total (40, 501, 541) end at the same x. The
    default twelve figures print on landscape A4 (too wide for portrait), where the studio
    table begins on page 2."""
    pages = len(PdfReader(str(sample_pdf)).pages)
    drawn = next(w for w in (words(sample_pdf, p) for p in range(pages, 0, -1))
                 if any(text == "周红职工创新工作室" for text, *_ in w))
    rows = [max(y for text, _, _, y in drawn if text == label)  # the lowest: the studio table
            for label in ("李明劳模创新工作室", "周红职工创新工作室", "合计")]
    found = [next((x0, x1) for text, x0, x1, y in drawn if text == value and abs(y - row) < 1)
             for value, row in zip(("40", "501", "541"), rows, strict=True)]
    right = [end for _, end in found]
    assert max(right) - min(right) < 0.5, found
    left = [start for start, _ in found]
    assert left[0] - left[1] > 3  # not centred or left-aligned: "40" starts right of "501"


def test_a_sign_off_block_for_the_seal(sample_pdf):
    last = pdftotext(sample_pdf, len(PdfReader(str(sample_pdf)).pages))
    for label in ("填报单位（盖章）", "填报人", "联系电话", "日期"):
        assert label in last, label
    assert last.index("填报单位（盖章）") > last.index("说明")  # below the table and its notes


def test_no_cover_page_the_first_page_is_the_summary(sample_pdf):
    reader = PdfReader(str(sample_pdf))
    first = pdftotext(sample_pdf, 1)
    assert "2025 年度劳模创新工作室汇总表" in first
    assert "一、总体情况" in first and re.search(r"第\s*1\s*页", first)
    assert len(reader.pages) <= 2, len(reader.pages)  # two studios: no page to spare
    assert "三、各工作室主要指标" in pdftotext(sample_pdf)


def test_a_long_table_repeats_its_header_only_at_the_top_of_pages(ledger, tmp_path):
    n = 130
    with BulkWriter("测试") as w:
        for i in range(n):
            name = (f"第{i + 1:03d}号劳模创新工作室" if i % 7 else
                    f"第{i + 1:03d}号国网江城供电公司输变电设备运维检修劳模创新工作室")
            s = w.add("studio", None, {"name": name, "founded_on": "2018-01-01", "host_unit": "单位",
                                       "recognitions": [{"level": "city",
                                                         "date": "2019-01-01"}]})
            w.add("member", s, {"name": f"领衔{i}", "role": "leader"})
    pdf = tmp_path / "long.pdf"
    write_union_pdf(2025, None, pdf, generated=GENERATED)
    pages = len(PdfReader(str(pdf)).pages)
    assert pages >= 3
    serials = []
    for page in range(1, pages + 1):
        lines = [line.split() for line in pdftotext(pdf, page).splitlines() if line.strip()]
        rows = [i for i, w in enumerate(lines)  # a wrapped name: the 序号 on the middle line
                if w[0].isdigit() and any(x.startswith("领衔") for x in w)]
        heads = [i for i, w in enumerate(lines) if w[0] == "序号"]
        if rows:  # one header, above the page's first studio row
            assert len(heads) == 1 and heads[0] < rows[0], (page, heads, rows[:1])
        else:
            assert not heads, page
        serials += [int(lines[i][0]) for i in rows]
    assert serials == list(range(1, n + 1))  # every studio once, in order, none lost at a break
    long_name = "第001号国网江城供电公司输变电设备运维检修劳模创新工作室"
    for page in range(1, pages + 1):  # the studio table's cell: the lacking list's is wider
        drawn = words(pdf, page)
        start = [(x0, y) for text, x0, _, y in drawn
                 if text.startswith("第001号") and text != long_name]
        if start:
            break
    assert len(start) == 1, start  # wrapped within its column
    x, y = start[0]
    column = sorted((y2, text) for text, x2, _, y2 in drawn
                    if abs(x2 - x) < 0.5 and y <= y2 < y + 30)
    assert "".join(text for _, text in column[:2]) == long_name  # and printed whole


def test_the_studio_table_prints_in_the_table_face_headed_in_hei(ledger, tmp_path):
    """Like every other table: cells in 宋体 (a character it lacks, 堃, in the face that has
    it), the header row in 黑体."""
    from test_missing_glyphs import face_file, faces_used, font_cmap
    from test_typography import faces_of_text

    from laomo_desktop.ledger import records as R

    u = build(ledger, tmp_path)
    R.update("studio", u["A"], {"name": "李明堃劳模创新工作室"})
    pdf = tmp_path / "union.pdf"
    write_union_pdf(2025, None, pdf, generated=GENERATED)
    faces = faces_of_text(pdf)
    serif, hei = faces.get("LaomoSerif-Regular", ""), faces.get("WenQuanYiZenHei", "")
    assert "李明劳模创新工作室" in serif and "周红职工创新工作室" in serif
    assert "541" in serif  # the total of 培训人次
    assert "堃" in hei and "堃" not in serif
    assert "领衔人" in hei and "领衔人" not in serif  # the header row
    for face, chars in faces_used(pdf).items():
        cmap = font_cmap(face_file(face))
        assert not [c for c in chars if not c.isspace() and ord(c) not in cmap], face


def test_the_studio_tables_totals_row_is_not_left_alone_on_a_page():
    """Split where all but the totals row fit, the studio table carries its last studio over
    with the totals; and it does not start at a page's foot with fewer than three rows."""
    from laomo_desktop.reports import fonts
    from laomo_desktop.reports.gridtable import GridTable
    from laomo_desktop.reports.tables import MIN_ROWS

    face = fonts.register()
    rows = [[str(i), f"第{i}号工作室"] for i in range(1, 21)] + [["合计", ""]]
    grid = GridTable(("序号", "工作室"), rows, (40, 200), ("CENTER", "LEFT"), font=face,
                     last_bg="#eeeeee")
    _, whole = grid.wrap(240, 1e6)
    row_h = (whole - grid.g.head_h) / len(rows)
    first, rest = grid.split(240, whole - row_h / 2)  # room for all but the totals row
    assert first.stop == len(rows) - 2 and rest.start == len(rows) - 2
    assert grid.split(240, grid.g.head_h + (MIN_ROWS - 0.5) * row_h) == []
