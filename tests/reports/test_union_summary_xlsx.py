"""The union summary workbook as an office prints and reworks it: 序号, totals that are SUM
formulas, an autofilter over the studio rows, 宋体, a page header and footer, the header row
repeated on every printed page, fit to the page width, 经济效益 in 万元 only, a sign-off line."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from laomo_desktop.reports.union import write_union_xlsx
from sample_ledger import build


@pytest.fixture
def workbook(ledger, tmp_path):
    build(ledger, tmp_path)
    out = tmp_path / "union.xlsx"
    write_union_xlsx(2025, None, out)
    return out


def _header(ws) -> list[str]:
    return [(c.value or "").replace("\n", "") for c in ws[2]]


def _studio_rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=3, values_only=True) if isinstance(r[0], int)]


def test_serial_numbers_leaders_and_benefit_once(workbook):
    ws = openpyxl.load_workbook(workbook)["汇总表"]
    header = _header(ws)
    assert header[:3] == ["序号", "工作室", "领衔人"]
    assert [h for h in header if h.startswith("经济效益")] == ["经济效益（万元）"]
    rows = _studio_rows(ws)
    assert [r[:3] for r in rows] == [(1, "李明劳模创新工作室", "李明"),
                                     (2, "周红职工创新工作室", "周红")]
    benefit = header.index("经济效益（万元）")
    assert rows[0][benefit] == pytest.approx(12.3456)


def test_totals_are_sum_formulas_over_the_studio_rows(workbook):
    ws = openpyxl.load_workbook(workbook)["汇总表"]
    header = _header(ws)
    total = next(r for r in ws.iter_rows(min_row=3) if r[0].value == "合计")
    n = total[0].row
    assert n == 5  # two studios in rows 3 and 4
    numeric = [i for i, h in enumerate(header) if h not in ("序号", "工作室", "领衔人", "级别",
                                                             "党组织", "类别")]
    assert len(numeric) == 12  # with grants received and spent
    for i in numeric:
        col = get_column_letter(i + 1)
        assert total[i].value == f"=SUM({col}3:{col}4)", header[i]
    assert total[0].font.bold


def test_autofilter_print_titles_page_setup_and_font(workbook):
    ws = openpyxl.load_workbook(workbook)["汇总表"]
    last = get_column_letter(len(_header(ws)))
    assert ws.auto_filter.ref == f"A2:{last}4"  # the header and the studios, not the totals
    assert ws.print_title_rows == "$2:$2"
    assert ws.freeze_panes == "C3"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.page_setup.orientation == "landscape"
    assert "汇总表" in ws.oddHeader.center.text
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for c in row:
            if c.value is not None:
                assert c.font.name == "宋体", c.coordinate


def test_a_sign_off_line_below_the_notes(workbook):
    ws = openpyxl.load_workbook(workbook)["汇总表"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    notes = next(i for i, t in enumerate(texts) if t.startswith("说明："))
    sign = next(i for i, t in enumerate(texts) if t.startswith("填报单位（盖章）"))
    assert sign > notes
    line = " ".join(texts[sign:])
    for label in ("填报人", "联系电话", "日期"):
        assert label in line, label


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed")
def test_libreoffice_prints_it_with_the_totals_computed(workbook, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(tmp_path / "union.pdf"),
                           "-"], check=True, capture_output=True, text=True).stdout
    total = next(line for line in text.splitlines() if line.strip().startswith("合计"))
    assert "541" in total.split()  # 40 + 501 training person-times, computed by the formula
    assert "李明劳模创新工作室" in text and "填报单位（盖章）" in text


def test_the_workbook_prints_in_black_and_grey_in_song(workbook):
    """Like the PDFs: header and totals shaded grey, all text black (no dark red header with
    white text, no beige totals), 宋体 throughout; the header still stands out (shaded)."""
    wb = openpyxl.load_workbook(workbook)
    colours, faces, shaded = set(), set(), set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                faces.add(c.font.name)
                colour = c.font.color.rgb if c.font.color is not None else "FF000000"
                colours.add(colour if isinstance(colour, str) else "FF000000")
                if c.fill.fill_type == "solid":
                    shaded.add(c.fill.fgColor.rgb)
    assert faces == {"宋体"}
    assert colours == {"FF000000"}, colours
    assert shaded and all(len({rgb[-6:-4], rgb[-4:-2], rgb[-2:]}) == 1 and rgb[-6:] != "000000"
                          for rgb in shaded), shaded
