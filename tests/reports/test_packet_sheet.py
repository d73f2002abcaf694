"""The self-assessment as inspectors score on it: 考核项目 merged over its rows, 考核内容, 分值,
评分标准, 自评得分 and a blank 考核得分; then 合计, 自评结论 and the rows for the signature, the seal
and the date, which stay on the page of the last criterion wherever the sheet falls. Money
reads with two decimals; no line of a cell ends with an opening bracket or breaks a number."""

from __future__ import annotations

import re
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from helpers import pdftotext
from laomo_desktop.ledger import assessment
from laomo_desktop.reports import fonts
from laomo_desktop.reports.layout import BOTTOM, PAGE_H, TOP, build, styles
from packet_sample import flat, pages
from sample_ledger import build as build_sample


def test_the_score_sheet_is_the_inspectors_layout(packet):
    text = pages(packet["out"], layout=True)
    sheet = [t for t in text if "考核得分" in t]
    head = next(line.split() for t in sheet for line in t.splitlines() if "考核得分" in line)
    assert head == ["考核项目", "考核内容", "分值", "评分标准", "自评得分", "考核得分"]
    lines = [line.split() for t in sheet for line in t.splitlines()]
    assert sum(1 for w in lines if w[:1] == ["组织建设"]) == 1, "考核项目 is merged over its rows"
    total = next(w for w in lines if w[:1] == ["合计"])
    assert total == ["合计", "100", f"{packet['result']['score']:g}"], "考核得分 left blank"
    last = sheet[-1]
    for row in ("19.", "合计", "自评结论", "自评人", "（签字）", "单位（盖章）", "日期"):
        assert row in last, row
    conclusion = flat(last[last.index("自评结论"):])
    assert f"达到{packet['result']['met']}项" in conclusion
    assert "10.00万元" in flat("".join(sheet)), "money to two decimals"
    assert not re.search(r"\bu\d\d\b", "".join(sheet)), "internal criterion ids"


def test_the_total_conclusion_and_signatures_stay_with_the_last_criterion(ledger, tmp_path):
    """Wherever the sheet starts on its page, its last rows never go alone to the next."""
    from laomo_desktop.reports.packet_index import evidence_list
    from laomo_desktop.reports.packet_sheet import score_sheet

    u = build_sample(ledger, tmp_path)
    tpl = assessment.load_template("union_100", ledger.templates)
    result = assessment.assess(u["A"], 2025, tpl)
    _, evidence_of = evidence_list(result)
    st = styles()
    rules = {c["id"]: c["rule"] for c in tpl.criteria}
    last = result["criteria"][-1]["item"][:6]
    frame = PAGE_H - TOP - BOTTOM
    for above in range(0, int(frame) - 40, 30):
        pdf = tmp_path / f"sheet{above}.pdf"
        build(pdf, [Spacer(1, above), *score_sheet(st, result, rules, evidence_of)],
              title="t", header_left="", header_right="", generated=date(2026, 1, 1),
              has_cover=False)
        text = pdftotext(pdf).split("\f")
        at = next(i for i, t in enumerate(text) if "自评人" in t)
        for row in ("合计", "自评结论", "单位（盖章）", last):
            assert row in text[at], (above, row)


def test_a_cells_lines_end_on_no_opening_bracket_and_break_no_number():
    from laomo_desktop.reports.text import wrap_lines

    font = fonts.register()
    text = ("本年度经济效益 42.08 万元（要求 ≥ 10.00 万元）；成员人数（年度末）8 人；"
            "经费收入 156,100.00 元，上年度结转 62,498.00 元；证据41、证据42–45（要求 ≥ 8）")
    whole = re.findall(r"[\d,.]*\d", text)
    for width in range(80, 260, 3):  # the narrowest column of the sheet gives ~100 pt
        lines = wrap_lines(text, width, font, 8.5)
        assert "".join(lines) == text
        assert not any(line.rstrip().endswith(("（", "“", "《", "≥")) for line in lines[:-1]), (
            width, lines)
        assert not any(line.startswith(("）", "，", "；")) for line in lines), (width, lines)
        assert all(stringWidth(line, font, 8.5) <= width + 0.01 for line in lines
                   if len(line) > 2), (width, lines)
        kept = [n for line in lines for n in re.findall(r"[\d,.]*\d", line)]
        assert kept == whole, (width, lines)
        assert not any(line.rstrip().endswith("万") for line in lines), (width, lines)
