"""Chinese line breaking in the documents: no line ends with an opening bracket or quote (it
belongs with what it opens), none starts with closing punctuation — in body paragraphs and in
table cells alike."""

from __future__ import annotations

from datetime import date

from helpers import pdftotext
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.books import write_book
from laomo_desktop.reports.plan import write_plan
from laomo_desktop.reports.text import NO_LINE_END, NO_LINE_START
from sample_ledger import build

OPENERS = "“（《【("


def crafted(shift: int, opener: str) -> str:
    """A sentence whose `opener` comes after `shift` characters: over a range of shifts as
    long as a line, one of them lands the opener on the last place of a line."""
    close = {"“": "”", "（": "）", "《": "》", "【": "】", "(": ")"}[opener]
    return "测" * shift + f"开展{opener}深化改革{close}专题活动，" + "推进" * 8 + "。"


def _check(pdf) -> None:
    """Each printed line as pdftotext lays it out (a form's value cell ends its row; its last
    word is that cell's line) neither ends with an opener nor starts with closing punctuation,
    and the crafted text did put each opener where it had to move down to start a line."""
    rows = [row.split()[-1] for row in pdftotext(pdf, layout=True).splitlines() if row.strip()]
    assert not [row for row in rows if row[-1] in NO_LINE_END]
    assert not [row for row in rows if row[0] in NO_LINE_START]
    for opener in OPENERS:
        assert any(row.startswith("开展" + opener) or row.startswith(opener)
                   for row in rows), opener


def test_no_paragraph_line_ends_with_an_opening_mark(ledger, tmp_path):
    u = build(ledger, tmp_path)
    text = "\n".join(crafted(k, o) for o in OPENERS for k in range(20, 36))
    R.update("plan", u["plan"], {"measures": text})
    pdf = tmp_path / "plan.pdf"
    write_plan(u["A"], 2025, pdf, generated=date(2026, 1, 15))
    _check(pdf)


def test_no_table_cell_line_ends_with_an_opening_mark(ledger, tmp_path):
    u = build(ledger, tmp_path)
    def lines(openers: str) -> str:
        return "\n".join(crafted(k, o) for o in openers for k in range(24, 46, 2))

    R.update("activity", u["m1"], {"summary": lines(OPENERS[:2]), "outcome": lines(OPENERS[2:4]),
                                   "minutes": lines(OPENERS[4:])})
    pdf = tmp_path / "activities.pdf"
    write_book("activities", ledger, u["A"], 2025, pdf, generated=date(2026, 1, 15))
    _check(pdf)


def test_a_narrow_columns_head_puts_its_unit_on_a_line_of_its_own(tmp_path):
    """表9's 金额（万元） beside a long 计算依据: 金额 over （万元）, not “金额（万 / 元）”; in Word
    too, where the head is broken the same way."""
    import docx

    from laomo_desktop.reports import docmodel as D
    from laomo_desktop.reports.docx_render import write_docx
    from laomo_desktop.reports.layout import build as build_pdf
    from laomo_desktop.reports.layout import styles, table

    header = ["对应成果", "类别", "金额（万元）", "计算依据", "认定部门"]
    rows = [["接触网清洁装置改进", "节支", "0.92",
             "年节约备件费 0.92 万元 = 减少接触网备件更换 22 件 × 单价 420 元" * 2,
             "北原地铁集团车辆段设备管理部"]]
    pdf = tmp_path / "t.pdf"
    build_pdf(pdf, table(styles(), header, rows, [3.5, 1.2, 1.8, 6, 2]), title="t",
              header_left="", header_right="", has_cover=False)
    words = pdftotext(pdf, layout=True).split()
    assert "（万元）" in words and "金额" in words, words[:12]
    out = tmp_path / "t.docx"
    write_docx(out, [D.Table("表9 经济效益认定", tuple(header), rows, (3.5, 1.2, 1.8, 6, 2))],
               title="t", header_left="", header_right="")
    head = [c.text for c in docx.Document(str(out)).tables[0].rows[0].cells]
    assert "金额\n（万元）" in head, head
