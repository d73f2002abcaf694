"""The union summary as an XLSX workbook: one row per studio, numbered, in 宋体, with totals that
are SUM formulas (an office that edits a row sees the total follow), an autofilter over the
studio rows, a printed page header and footer, the header row repeated on every printed page,
fit to the page width, and the sign-off line an office fills in by hand.

Rows are written cell by cell at known row numbers, each style object made once: asking
openpyxl for `ws.max_row` after every row rescans every cell and made 5,000 studios take a
minute."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from laomo_desktop.ledger.period import period
from laomo_desktop.ledger.union import union_year

FONT = "宋体"
# header, row key, kind: serial / text / int / wan (万元 from fen) / yuan (元 from fen)
COLUMNS = (("序号", None, "serial"), ("工作室", "name", "text"), ("领衔人", "leader", "text"),
           ("级别", "level_label", "text"), ("党组织", "party_org_label", "text"),
           ("新立项课题\n（项）", "projects_started", "int"),
           ("创新成果\n（项）", "results_total", "int"),
           ("技术创新成果\n（项）", "results_technical", "int"),
           ("专利\n（件）", "patents_total", "int"), ("培训场次", "training_sessions", "int"),
           ("培训人次", "training_person_times", "int"),
           ("新结对带徒\n（对）", "mentoring_new", "int"),
           ("经济效益\n（万元）", "benefit_fen", "wan"),
           ("经费收入\n（元）", "fund_income_fen", "yuan"),
           ("经费支出\n（元）", "fund_expense_fen", "yuan"))
# ---- grants (补助资金) ----
COLUMNS += (("获得补助资金\n（元）", "grants_received_fen", "yuan"),
            ("列支补助资金\n（元）", "grants_spent_fen", "yuan"))
FORMATS = {"serial": "0", "int": "0", "wan": "0.00", "yuan": "#,##0.00"}
SIGN_OFF = ("填报单位（盖章）：　　　　　　　　　　　　填报人：　　　　　　　　"
            "联系电话：　　　　　　　　　　日期：　　　　年　　月　　日")
HEAD_ROW = 2  # row 1: the title


def _cell_value(kind: str, value: Any) -> Any:
    if kind == "wan":
        return value / 1_000_000
    if kind == "yuan":
        return value / 100
    if kind == "int":
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else (value or "")


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in str(text))


def _shown(value: Any, fmt: str | None) -> str:
    """Roughly what a spreadsheet shows for `value` in `fmt` (for the column widths)."""
    if isinstance(value, int | float) and fmt:
        return {"#,##0.00": f"{value:,.2f}", "0.00": f"{value:.2f}",
                "0.0%": f"{value:.1%}"}.get(fmt, str(value))
    return str(value or "")


# black text, header and totals shaded grey: the PDFs' look (layout.HEAD_BG, union.TOTAL_BG),
# which prints the same on a black-and-white printer
HEAD_FILL, TOTAL_FILL = "E6E6E6", "EEEEEE"


class _Styles:
    """The workbook's cell styles as named styles, each made once: a cell then takes one by
    name (a copy of a few ids), where setting a font, border and fill on each cell would hash
    each style object again (a quarter of a minute at 5,000 studios)."""

    def __init__(self, wb: Workbook) -> None:
        thin = Side(style="thin", color="BBBBBB")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        plain, bold = Font(name=FONT, size=10.5), Font(name=FONT, size=10.5, bold=True)
        middle = Alignment(vertical="center")
        self.wb, self.names = wb, set()
        self.kinds = {
            "title": dict(font=Font(name=FONT, size=16, bold=True),
                          alignment=Alignment(horizontal="center", vertical="center")),
            "head": dict(font=bold, fill=PatternFill("solid", fgColor=HEAD_FILL), border=border,
                         alignment=Alignment(horizontal="center", vertical="center",
                                             wrap_text=True)),
            "cell": dict(font=plain, border=border, alignment=middle),
            "total": dict(font=bold, border=border, alignment=middle,
                          fill=PatternFill("solid", fgColor=TOTAL_FILL)),
            "note": dict(font=plain, alignment=Alignment(wrap_text=True, vertical="top")),
            "plain": dict(font=plain), "bold": dict(font=bold)}

    def __call__(self, kind: str, fmt: str | None = None) -> str:
        """The name of the style `kind` with number format `fmt`, registered on first use."""
        name = f"汇总表-{kind}-{fmt or 'General'}"
        if name not in self.names:
            self.wb.add_named_style(NamedStyle(name=name, number_format=fmt or "General",
                                               **self.kinds[kind]))
            self.names.add(name)
        return name


def _put(ws, row: int, col: int, value: Any, style: str):
    """One cell; text is always text (a name starting with "=" is not a formula)."""
    c = ws.cell(row, col)
    c.value = value
    if isinstance(value, str) and c.data_type == "f":
        c.data_type = "s"
    c.style = style
    return c


def sheet(ws, title: str, header: list[str], rows: list[list], formats: list[str | None],
          totals: list | None, s: _Styles) -> int:
    """A titled table from row 1: the title, the header (row 2), `rows`, then `totals` where a
    value "SUM" becomes the formula over the rows above it; returns the last row written."""
    width = len(header)
    _put(ws, 1, 1, title, s("title"))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28
    for i, h in enumerate(header, start=1):
        _put(ws, HEAD_ROW, i, h, s("head"))
    ws.row_dimensions[HEAD_ROW].height = 32  # two lines: long headers wrap
    first = row = HEAD_ROW + 1
    cells = [s("cell", fmt) for fmt in formats]
    for values in rows:
        for i, (v, style) in enumerate(zip(values, cells, strict=True), start=1):
            _put(ws, row, i, v, style)
        row += 1
    last = row - 1
    if totals is not None:
        for i, (v, fmt) in enumerate(zip(totals, formats, strict=True), start=1):
            col = get_column_letter(i)
            value = (f"=SUM({col}{first}:{col}{last})" if rows else 0) if v == "SUM" else v
            c = _put(ws, row, i, value, s("total", fmt))
            if v == "SUM":
                c.data_type = "f" if rows else "n"
        row += 1
    for i, (h, fmt) in enumerate(zip(header, formats, strict=True), start=1):
        widest = max([max(_width(line) for line in h.split("\n")) + 2]
                     + [_width(_shown(r[i - 1], fmt)) + 3 for r in rows])
        ws.column_dimensions[get_column_letter(i)].width = min(max(widest, 8), 42)
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_options.horizontalCentered = True
    for part in (ws.oddHeader.center, ws.oddFooter.center):
        part.font, part.size = FONT, 9
    ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    return row - 1


def _below(ws, row: int, width: int, text: str, s: _Styles, height: float) -> int:
    """A line of text across the table's width at `row`; returns the row."""
    _put(ws, row, 1, text, s("note"))
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.row_dimensions[row].height = height
    return row


def write_xlsx(year: int, targets: dict | None, out, notes: str, title: str) -> dict:
    """Write the workbook to `out` (a path or a binary file object, already made atomic by the
    caller); returns the data used."""
    per = period(year)
    data = union_year(year, targets, within=per)
    wb = Workbook()
    wb.properties.title = title
    wb.properties.creator = "Laomo Desktop"
    s = _Styles(wb)
    rows = [[n] + [_cell_value(kind, r[key]) for _, key, kind in COLUMNS[1:]]
            for n, r in enumerate(data["studios"], start=1)]
    totals = ["合计", "", "", "", f"已建立 {data['coverage']['all_covered']} 个"] + [
        "SUM"] * (len(COLUMNS) - 5)
    ws = wb.active
    ws.title = "汇总表"
    width = len(COLUMNS)
    last = sheet(ws, f"{per.label}劳模创新工作室汇总表", [h for h, _, _ in COLUMNS], rows,
                 [FORMATS.get(kind) for _, _, kind in COLUMNS], totals, s)
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A{HEAD_ROW}:{get_column_letter(width)}{HEAD_ROW + len(rows)}"
    _below(ws, last + 2, width, "说明：" + notes, s, 48)
    _below(ws, last + 4, width, SIGN_OFF, s, 24)

    goals = wb.create_sheet("目标完成情况")
    goal_rows = [[g["label"], g["target"], g["actual"], g["progress"],
                  "完成" if g["met"] else "未完成"] for g in data["goals"]]
    last = sheet(goals, f"{per.label}目标完成情况", ["指标", "目标", "完成", "完成率", "结论"],
                 goal_rows, [None, "0", "0", "0.0%", None], None, s)
    goals.freeze_panes = "A3"
    lacking = data["coverage"]["lacking"]
    if lacking:
        row = last + 2
        _put(goals, row, 1, f"尚未建立党组织或党员先锋岗的{data['coverage']['scope']}工作室",
             s("bold"))
        for r in lacking:
            row += 1
            for i, v in enumerate((r["name"], r["level_label"], r["leader"] or ""), start=1):
                _put(goals, row, i, _cell_value("text", v), s("plain"))
    wb.save(out)
    return data
