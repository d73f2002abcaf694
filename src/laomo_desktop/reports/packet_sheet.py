"""The self-assessment sheet of the review packet, in the layout inspectors score on: 考核项目
merged over its rows, 考核内容 (the item and what the ledger shows), 分值, 评分标准, 自评得分 and
a blank 考核得分 for the assessor; then 合计, 自评结论 and rows for the signature, the seal and
the date. The sheet runs over pages as one table (reports/tables.PagedTable): its header row
heads each page, 考核项目 is named again where its rows continue on a new page, and the last
rows stay with the last criterion."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports.layout import BODY_W, HEAD_BG
from laomo_desktop.reports.tables import PagedTable
from laomo_desktop.reports.text import esc, printable, wrap_lines

STATUS = {"met": "√达到", "partly": "◐部分达到", "missing": "×未达到"}  # all in the font
HEADER = ("考核项目", "考核内容", "分值", "评分标准", "自评得分", "考核得分")
WEIGHTS = (1.9, 5.3, 1.1, 3.4, 1.65, 1.65)
PAD, VPAD = 4, 3  # cell padding: left and right, top and bottom
SIGN_H, DATE_H = 16 * mm, 9 * mm  # room to sign and to stamp the seal


def cell(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A Paragraph of `text` broken by wrap_lines (1 pt short of `width`: no re-wrapping)."""
    lines = wrap_lines(printable(text), width - 1, style.fontName, style.fontSize)
    return Paragraph("<br/>".join(esc(line) for line in lines), style)


def standard(rule: dict, points: float) -> str:
    """评分标准 as the template's rule scores: all or nothing, or in proportion."""
    if rule.get("partial"):
        return f"达到要求得 {points:g} 分；部分达到按比例计分"
    return f"达到要求得 {points:g} 分，未达到不得分"


def cited(numbers: list[int]) -> str:
    """证据 numbers as runs: 证据8–12、证据20."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(f"证据{r[0]}" + (f"–{r[-1]}" if len(r) > 1 else "") for r in runs)


def conclusion(result: dict) -> str:
    """自评结论: how many criteria were met, and the template's verdict."""
    out = f"达到 {result['met']} 项，部分达到 {result['partly']} 项，未达到 {result['missing']} 项"
    if "eligible" in result:
        out += "；结论：" + ("符合条件" if result["eligible"] else "尚不符合条件")
    if result.get("grade"):
        out += f"；等级：{result['grade']}"
    return out + "。"


class ScoreSheet(PagedTable):
    """The sheet as one table over pages. `areas[i]`: the 考核项目 of row i (None for the last
    rows, whose spans are fixed); a run of equal areas is one merged cell on each page, and
    a page that begins inside a run names its area again."""

    def __init__(self, *args, areas: list[str | None], area_cells: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas, self.area_cells = areas, area_cells

    def _piece(self, start: int, end: int) -> Table:
        rows, style = [], list(self.style)
        for i in range(start, end):
            row = list(self.rows[i])
            area = self.areas[i]
            if area is not None and i == start:
                row[0] = self.area_cells[area]  # continued on this page: named again
            rows.append(row)
        run = start
        for i in range(start, end + 1):
            if i == end or self.areas[i] != self.areas[run]:
                if self.areas[run] is not None and i - 1 > run:
                    style.append(("SPAN", (0, run - start + 1), (0, i - start)))
                run = i
        first = len(self.rows) - self.totals - start + 1  # the last rows' first, in the piece
        if end == len(self.rows):
            t, c, s, d = first, first + 1, first + 2, first + 3
            style += [("SPAN", (0, t), (1, t)), ("ALIGN", (0, t), (1, t), "CENTER"),
                      ("SPAN", (1, c), (5, c)), ("SPAN", (2, s), (3, s)),
                      ("SPAN", (4, s), (5, s)), ("SPAN", (1, d), (5, d)),
                      ("ALIGN", (0, c), (0, d), "CENTER"), ("ALIGN", (2, s), (3, s), "CENTER"),
                      ("LINEABOVE", (0, t), (-1, t), 0.9, colors.HexColor("#555555"))]
        return Table([self.head, *rows], colWidths=self.col,
                     rowHeights=[self.head_h, *self.heights[start:end]], style=style)

    def _rest(self, start: int) -> ScoreSheet:
        return ScoreSheet(self.head, self.rows, self.heights, self.head_h, self.col, self.style,
                          totals=self.totals, start=start, prefix=self.prefix, areas=self.areas,
                          area_cells=self.area_cells)


def _height(cells: list, col: list[float]) -> float:
    """A row's height as Table draws it: each cell's flowables stacked, strings by lines."""
    h = 0.0
    for c, w in zip(cells, col, strict=True):
        room = w - 2 * PAD
        parts = c if isinstance(c, list) else [c]
        ch = 0.0
        for f in parts:
            if isinstance(f, str):
                ch += 11.5 * (f.count("\n") + 1) if f else 0
            else:
                ch += f.getSpaceBefore() + f.wrap(room, 0xFFFFFF)[1] + f.getSpaceAfter()
        h = max(h, ch)
    return h + 2 * VPAD


def sheet_block(result: dict, rules: dict[str, dict],
                evidence_of: dict[str, list[int]]) -> D.ScoreSheet:
    """What the sheet says (docmodel), for the PDF (score_sheet) and the Word document alike.
    `rules`: each criterion's rule (for 评分标准); `evidence_of`: the evidence numbers each
    criterion cites (reports/packet_index), none outside the packet."""
    rows = []
    for i, c in enumerate(result["criteria"], 1):
        found = f"自评{STATUS[c['status']]}：{c['detail']}"
        if evidence_of.get(c["id"]):
            found += "；佐证：" + cited(evidence_of[c["id"]])
        if c.get("note"):
            found += f"（{c['note']}）"
        rows.append(D.Criterion(c["area"], f"{i}. {c['item']}", found, f"{c['points']:g}",
                                standard(rules.get(c["id"], {}), c["points"]),
                                f"{c['score']:g}"))
    return D.ScoreSheet(tuple(rows), f"{result.get('points') or 0:g}", f"{result['score']:g}",
                        conclusion(result))


def score_sheet(st: dict, result: dict, rules: dict[str, dict],
                evidence_of: dict[str, list[int]]) -> list:
    """The sheet's flowables (sheet_block's arguments)."""
    return sheet_flowables(st, sheet_block(result, rules, evidence_of))


def sheet_flowables(st: dict, sheet: D.ScoreSheet) -> list:
    """The flowables of a score sheet described by `sheet`."""
    text = st["cell"]
    head_style = ParagraphStyle("sheet_head", parent=st["head"], alignment=1)
    centred = ParagraphStyle("sheet_centred", parent=text, alignment=1)
    note = ParagraphStyle("sheet_note", parent=st["small"], fontSize=7.5, leading=10)
    col = [w * BODY_W / sum(WEIGHTS) for w in WEIGHTS]
    room = [w - 2 * PAD for w in col]
    head = [Paragraph(h, head_style) for h in HEADER]
    rows, areas, area_cells = [], [], {}
    crit = sheet.criteria
    for i, c in enumerate(crit):
        if c.area not in area_cells:
            area_cells[c.area] = cell(c.area, centred, room[0])
        first = i == 0 or crit[i - 1].area != c.area
        rows.append([area_cells[c.area] if first else "",
                     [cell(c.item, text, room[1]), cell(c.found, note, room[1])],
                     c.points, cell(c.standard, text, room[3]), c.score, ""])
        areas.append(c.area)
    said = cell(sheet.conclusion, text, sum(room[1:]) + 8 * PAD)
    rows += [["合计", "", sheet.points, "", sheet.score, ""],
             ["自评结论", said, "", "", "", ""],
             ["自评人\n（签字）", "", "单位（盖章）", "", "", ""],
             ["日期", "　　　　年　　月　　日", "", "", "", ""]]
    areas += [None] * 4
    heights = [_height(r, col) for r in rows[:-4]]
    heights += [text.leading + 2 * VPAD, said.wrap(sum(col[1:]) - 2 * PAD, 0xFFFFFF)[1]
                + 2 * VPAD, SIGN_H, DATE_H]
    head_h = max(p.wrap(room[i], 0xFFFFFF)[1] for i, p in enumerate(head)) + 2 * VPAD
    style = [("FONTNAME", (0, 0), (-1, -1), text.fontName),
             ("FONTSIZE", (0, 0), (-1, -1), text.fontSize),
             ("LEADING", (0, 0), (-1, -1), text.leading),
             ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
             ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("ALIGN", (2, 1), (2, -1), "RIGHT"), ("ALIGN", (4, 1), (5, -1), "RIGHT"),
             ("TOPPADDING", (0, 0), (-1, -1), VPAD), ("BOTTOMPADDING", (0, 0), (-1, -1), VPAD),
             ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD)]
    sheet = ScoreSheet(head, rows, heights, head_h, col, style, totals=4, areas=areas,
                       area_cells=area_cells)
    return [sheet, Spacer(1, 5)]
