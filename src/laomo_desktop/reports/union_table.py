"""The union summary PDF's studio table (各工作室主要指标) with the columns the office chose
(ledger/unioncolumns.py): every column printed whole, however many were chosen.

Each column is as wide as its head's longest line or its widest value. The studio's name keeps
at least NAME_MIN, enough for a long name on two lines. The page is A4 portrait when the whole
table fits across it, else A4 landscape; when the chosen figures do not fit across a landscape
page either, the table continues in further column blocks printed one after the other, each
repeating 序号 and the studio's name, and every group, 小计 and 合计 row, so that each block
reads on its own. The figures are spread evenly over the fewest blocks that hold them."""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.reports import union_rows as R
from laomo_desktop.reports.gridtable import GridTable, text_width
from laomo_desktop.reports.layout import BINDING, GRID, HEAD_BG, OUTER, STRIPE
from laomo_desktop.reports.text import esc, printable
from laomo_desktop.store import enums as E

TABLE_FONT_SIZE = 8.5
TABLE_LEADING = 11.5
PAD = 2  # left and right cell padding
NAME_MIN = 125  # pt the studio's name keeps at least: 26 characters on two lines
FIGURE_MIN = 22  # pt a figure's column has at least
HEAD_CHARS = 4  # a head's line has at most this many characters when it has no break below
TOTAL_BG = colors.HexColor("#eeeeee")  # grey, as every table prints in black and white
PARTY_SHORT = {E.PartyOrg.PARTY_BRANCH: "党支部", E.PartyOrg.PARTY_GROUP: "党小组",
               E.PartyOrg.PIONEER_POST: "先锋岗", E.PartyOrg.NONE: "无"}
# where a figure's head breaks into lines, at a word ("|"); a head not here (or another
# version's wording) breaks into even lines of at most HEAD_CHARS characters
HEAD_BREAKS = ("新立项|课题", "创新|成果", "技术|创新", "培训|场次", "培训|人次", "新结对|带徒",
               "经济|效益", "经费|收入", "经费|支出", "获得|补助|资金", "列支|补助|资金",
               "提出|合理化|建议", "合理化|建议|被采纳", "建议|效益", "注册|QC小组", "助企|服务",
               "服务|企业", "为企业|解决|技术难题", "助企|培训|职工", "劳模工匠|助企服务",
               "参加|联盟", "牵头|联盟", "联盟|联合|项目", "联盟|经费|收入", "联盟|经费|支出")
BREAKS = {b.replace("|", ""): b.split("|") for b in HEAD_BREAKS}
_BRACKETED = re.compile(r"（[^）]*）|.")  # a bracketed part is one word


def head(key: str) -> str:
    """A figure's head on a few short lines, its unit below in brackets (none when the name
    ends with it: 培训人次, not 培训人次（人次）)."""
    name = UC.head(key, unit=False)
    unit = UC.CHOOSABLE[key].unit
    parts = BREAKS.get(name) or even_lines(name)
    with_unit = unit and not name.endswith(unit)
    return "\n".join(parts + ([f"（{unit}）"] if with_unit else []))


def even_lines(name: str) -> list[str]:
    """`name` in even lines of at most HEAD_CHARS characters, a part in brackets kept whole on
    one line (never a closing bracket at a line's start)."""
    words = _BRACKETED.findall(name)
    n = -(-len(name) // HEAD_CHARS)  # lines
    size = -(-len(name) // n)
    lines = [""]
    for w in words:
        if lines[-1] and len(lines[-1]) + len(w) > max(size, len(w)):
            lines.append("")
        lines[-1] += w
    return lines


def value(key: str, v: int | None) -> str:
    return UC.CHOOSABLE[key].text_of(v or 0)


def _fit(texts: list[str], font: str, least: float) -> float:
    return max([least] + [text_width(t, font, TABLE_FONT_SIZE) + 2 * PAD + 1 for t in texts])


def own_cells(ln: R.Line) -> list[str]:
    """领衔人, 级别, 党组织 and 类别 of a line (a total's party column: the studios with one)."""
    r = ln.row
    if r is None:
        return ["", "", ln.note, ""]
    return [r["leader"] or "", r["level_label"],
            PARTY_SHORT.get(r["party_org"], r["party_org_label"]), R.category_short(r)]


def figure_cells(ln: R.Line, cols: UC.Columns) -> list[str]:
    if ln.kind == R.GROUP:
        return [""] * len(cols.keys)
    source = ln.row if ln.row is not None else ln.values
    return [value(k, source.get(a)) for k, a in zip(cols.keys, cols.attributes, strict=True)]


class Layout:
    """The widths of every column and the blocks the figures are printed in, for one page
    width (`body_w`, the text block's)."""

    def __init__(self, cols: UC.Columns, lines: list[R.Line], font: str, body_w: float) -> None:
        self.cols, self.lines, self.font, self.body_w = cols, lines, font, body_w
        serial = _fit(["序号"] + [ln.serial for ln in lines], font, 20)
        own = [own_cells(ln) for ln in lines]
        self.own_w = [_fit([h] + [o[i] for o in own], font, 22)
                      for i, h in enumerate(R.OWN_HEAD[2:])]
        self.serial_w = serial
        figures = [figure_cells(ln, cols) for ln in lines]
        self.fig_w = [_fit(head(k).split("\n") + [f[j] for f in figures], font, FIGURE_MIN)
                      for j, k in enumerate(cols.keys)]
        self.blocks = self._plan()

    def room(self, block: int) -> float:
        """What block `block`'s figures have: the page less 序号, the name (at least NAME_MIN)
        and, in the first block, the studio's other columns."""
        return self.body_w - self.serial_w - NAME_MIN - (sum(self.own_w) if block == 0 else 0)

    def _greedy(self, share: float) -> list[list[int]]:
        blocks: list[list[int]] = [[]]
        used = 0.0
        for j, w in enumerate(self.fig_w):
            if blocks[-1] and used + w > self.room(len(blocks) - 1) * share:
                blocks.append([])
                used = 0.0
            blocks[-1].append(j)
            used += w
        return blocks

    def _plan(self) -> list[list[int]]:
        """The fewest blocks (greedy, each as full as it goes), then as even as those allow:
        the smallest share of each block's room that still needs no more blocks."""
        fewest = self._greedy(1.0)
        if len(fewest) == 1:
            return fewest
        lo, hi = 0.0, 1.0
        for _ in range(20):
            mid = (lo + hi) / 2
            if len(self._greedy(mid)) <= len(fewest):
                hi = mid
            else:
                lo = mid
        return self._greedy(hi)

    def fits(self) -> bool:
        return len(self.blocks) == 1 and self.room(0) >= sum(self.fig_w)


def page_size(cols: UC.Columns, lines: list[R.Line], font: str) -> tuple[float, float]:
    """A4 portrait when the whole table fits across it, else A4 landscape."""
    portrait = Layout(cols, lines, font, A4[0] - BINDING - OUTER)
    return A4 if portrait.fits() else landscape(A4)


def tables(st: dict, lines: list[R.Line], cols: UC.Columns, body_w: float) -> list[GridTable]:
    """The studio table as one GridTable per column block (see the module's docstring): the
    header row drawn at the top of every page, never mid-page; the group and 小计 rows and
    the last (合计) shaded. Linear in the studios (reports/gridtable.py): cells are plain
    strings; only a name too wide for its column becomes a Paragraph that wraps."""
    font = st["cell"].fontName
    lay = Layout(cols, lines, font, body_w)
    cell = ParagraphStyle("ucell", parent=st["cell"], fontSize=TABLE_FONT_SIZE,
                          leading=TABLE_LEADING)
    own = [own_cells(ln) for ln in lines]
    figures = [figure_cells(ln, cols) for ln in lines]
    shaded = frozenset(i for i, ln in enumerate(lines) if ln.kind in (R.GROUP, R.SUBTOTAL))
    heads = [head(k) for k in cols.keys]
    out = []
    for b, block in enumerate(lay.blocks):
        first = b == 0
        widths = [lay.serial_w, 0.0] + (lay.own_w if first else []) + [lay.fig_w[j]
                                                                      for j in block]
        widths[1] = lay.body_w - sum(widths)
        room = widths[1] - 2 * PAD

        def name(text: str, room=room) -> str | Paragraph:
            text = printable(text)
            return text if text_width(text, font, TABLE_FONT_SIZE) <= room else Paragraph(
                esc(text), cell)

        data = [[ln.serial, name(ln.name)] + ([printable(v) for v in own[i]] if first else [])
                + [figures[i][j] for j in block] for i, ln in enumerate(lines)]
        header = list(R.OWN_HEAD[:2]) + (list(R.OWN_HEAD[2:]) if first else []) + [
            heads[j] for j in block]
        aligns = ["CENTER", "LEFT"] + (["CENTER"] * len(lay.own_w) if first else []) + [
            "RIGHT"] * len(block)
        out.append(GridTable(header, data, widths, aligns, font=font,
                             head_font=st["head"].fontName, size=TABLE_FONT_SIZE,
                             leading=TABLE_LEADING, pad=PAD, head_bg=HEAD_BG,
                             head_fg=colors.black, grid=GRID, stripe=STRIPE, last_bg=TOTAL_BG,
                             shaded=shaded))
    return out
