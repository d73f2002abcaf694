"""Word tables as they print: every column of a .docx table is wide enough for its longest date,
amount, voucher number and short head (up to four characters), measured in the faces the
document names (宋体 for Chinese, Times New Roman's metrics for digits and letters) inside the
cell margins Word and LibreOffice apply — so "序/号", "2025年10月2/3日" or "46,000.0/0" never
break inside the word. Longer text (names, notes) may wrap, as on paper."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.pdfbase.pdfmetrics import stringWidth

from laomo_desktop.ledger import records as R
from laomo_desktop.reports.documents import BY_KEY, Job
from sample_ledger import build

TODAY = date(2025, 6, 15)
WORD_MARGIN_TWIPS = 108  # Word's and LibreOffice's left and right cell margin when none is set
SHORT = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|[-¥]?[\d,]+(\.\d+)?%?|[^\s]{1,4}|[\u4e00-\u9fff]?[0-9A-Za-z-]{2,16}")


# the faces a table may name for digits and letters → ReportLab's built-in fonts of the same
# metrics (Liberation Serif and Sans, which LibreOffice puts in their place, share them too)
LATIN_METRICS = {"Times New Roman": "Times-Roman", "Arial": "Helvetica"}


def text_width(text: str, size: float, latin: str) -> float:
    """Chinese characters a full em; digits and letters in the face named for them; a quarter
    em where they meet, as Word spaces them (LibreOffice a fifth, ignoring w:autoSpaceDE)."""
    chinese = [ord(ch) > 0x2E7F for ch in text]
    turns = sum(a != b for a, b in zip(chinese, chinese[1:], strict=False))
    return turns * size / 4 + sum(size if c else stringWidth(ch, latin, size)
                                  for ch, c in zip(text, chinese, strict=True))


def _latin_face(style) -> str | None:
    while style is not None:
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:ascii")):
            return fonts.get(qn("w:ascii"))
        style = style.base_style
    return None


def cramped_cells(path: Path) -> list[str]:
    doc = Document(str(path))
    sizes, latin = {}, {}
    for st in doc.styles:
        if getattr(st, "font", None) is not None and st.font.size is not None:
            sizes[st.style_id] = st.font.size.pt
            latin[st.style_id] = _latin_face(st)
    out = []
    for table in doc.tables:
        tbl = table._tbl
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        mar = tbl.tblPr.find(qn("w:tblCellMar"))
        sides = [mar.find(qn(f"w:{s}")) if mar is not None else None for s in ("left", "right")]
        margin = sum(int(s.get(qn("w:w"))) if s is not None else WORD_MARGIN_TWIPS
                     for s in sides) / 20
        for row in table.rows:
            for i, tc in enumerate(row._tr.tc_lst):
                span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
                if span is not None or i >= len(grid):
                    continue
                p = tc.findall(qn("w:p"))[0]
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                style = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else ""
                if not text or not SHORT.fullmatch(text) or style not in sizes:
                    continue
                if latin[style] not in LATIN_METRICS:
                    out.append(f"{style}: digits in {latin[style]}, which a computer without "
                               "it sets in a face of unknown width")
                    continue
                room = grid[i] / 20 - margin
                need = text_width(text, sizes[style], LATIN_METRICS[latin[style]])
                if need > room:
                    out.append(f"{text!r} needs {need:.1f} pt, has {room:.1f}")
    return out


@pytest.fixture
def alliance_docx(ledger, tmp_path) -> Path:
    studio = R.create("studio", None, {"name": "尹健辉劳模创新工作室", "host_unit": "北原地铁集团车辆段",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    a = R.create("alliance", studio["uid"], {
        "name": "东川市电力检修劳模创新工作室联盟", "role": "leader", "founded_on": "2023-05-12",
        "members": [{"studio_name": "林浩宁劳模创新工作室", "host_unit": "东川市第一机械厂",
                     "role": "member"}]}, today=TODAY)
    R.create("project", studio["uid"], {"title": "信号系统智能监测装置研制", "type": "service",
                                        "start_date": "2025-10-23", "end_date": "2026-10-15",
                                        "status": "rolled_out", "alliance": a["uid"]},
             today=TODAY)
    for day, direction, amount, note in (("2025-10-23", "income", 4_600_000, "工会拨付经费"),
                                         ("2025-11-23", "expense", 1_209_500, "购置实训设备")):
        R.create("fund", studio["uid"], {
            "date": day, "direction": direction, "amount_fen": amount, "note": note,
            "voucher_no": "记202510-001",
            **({"category": "project"} if direction == "expense" else {"source": "union"}),
            "alliance": a["uid"]}, today=TODAY)
    out = tmp_path / "alliance.docx"
    BY_KEY["alliance"].write(Job(ledger, 2025, studio["uid"], record_uid=a["uid"]), out)
    return out


def test_the_alliance_reports_columns_fit_dates_amounts_and_short_heads(alliance_docx):
    assert cramped_cells(alliance_docx) == []


def test_the_annual_summarys_columns_fit_them_too(ledger, tmp_path):
    sample = build(ledger, tmp_path)
    out = tmp_path / "annual.docx"
    BY_KEY["annual"].write(Job(ledger, 2025, sample["A"]), out)
    assert cramped_cells(out) == []


def test_the_grant_reports_columns_fit_them_too(ledger, tmp_path):
    studio = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某重型机械厂",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    g = R.create("grant", studio["uid"], {
        "name": "2025年省级示范工作室补助", "body": "江苏省总工会", "doc_no": "苏工发〔2025〕12号",
        "amount_fen": 5_000_000, "received_on": "2025-03-10", "categories": "equipment",
        "period_from": "2025-03-01", "period_to": "2025-12-31"}, today=TODAY)
    for day, amount in (("2025-11-12", 1_860_000), ("2025-12-23", 1_209_500)):
        R.create("fund", studio["uid"], {"date": day, "direction": "expense",
                                         "category": "equipment", "amount_fen": amount,
                                         "note": "购置数控铣床刀具一套", "voucher_no": "记202511-012",
                                         "grant": g["uid"]}, today=TODAY)
    out = tmp_path / "grant.docx"
    BY_KEY["grant"].write(Job(ledger, 2025, studio["uid"], record_uid=g["uid"]), out)
    assert cramped_cells(out) == []
