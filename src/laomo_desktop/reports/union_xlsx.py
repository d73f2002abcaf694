"""The union summary as an XLSX workbook: one row per studio, numbered, in 宋体, with totals that
are SUM formulas (an office that edits a row sees the total follow), an autofilter over the
studio rows, a printed page header and footer, the header row repeated on every printed page,
fit to the page width, and the sign-off line an office fills in by hand.

Rows are written cell by cell at known row numbers, each style object made once: asking
openpyxl for `ws.max_row` after every row rescans every cell and made 5,000 studios take a
minute."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.period import period
from laomo_desktop.reports import union_rows as R
from laomo_desktop.reports import wording as W

FONT = "宋体"
FORMATS = {"serial": "0", "int": "0", "wan": "0.00", "yuan": "#,##0.00"}
SIGN_OFF_PARTS = ("填报单位（盖章）：　　　　　　　　　　　　", "填报人：　　　　　　　　",
                  "联系电话：　　　　　　　　　　", "日期：　　　　年　　月　　日")
SIGN_OFF = "".join(SIGN_OFF_PARTS)


def sign_off(units: float) -> str:
    """The sign-off in lines of at most `units` of width (a part's blanks cut to fit)."""
    lines = [""]
    for part in SIGN_OFF_PARTS:
        if lines[-1] and _width(lines[-1] + part) > units:
            lines.append("")
        lines[-1] += part
        while _width(lines[-1]) > units and lines[-1].endswith("　"):
            lines[-1] = lines[-1][:-1]
    return "\n".join(line.rstrip("　") for line in lines)
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


# black text, header and totals shaded grey: the PDFs' look (layout.HEAD_BG, union_table.TOTAL_BG),
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


def _below(ws, row: int, width: int, text: str, s: _Styles, height: float,
           start: int = 1) -> int:
    """A line of text across the table's width (from column `start`) at `row`; returns the
    row."""
    _put(ws, row, start, text, s("note"))
    ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=width)
    ws.row_dimensions[row].height = height
    return row


def _height(text: str, units: float) -> float:
    """A merged row's height for `text` wrapped in `units` of column width (12 pt a line)."""
    lines = sum(-(-_width(line) // max(int(units) - 2, 10)) for line in text.split("\n"))
    return max(24, 14 * lines + 6)


def _metric_cell(key: str, value: Any) -> tuple[Any, str]:
    """A chosen figure's cell value and number format (money as 万元 or 元, counts whole)."""
    kind = UC.CHOOSABLE[key].kind
    return (_cell_value(kind, value or 0), FORMATS[kind]) if kind in FORMATS else (
        value or 0, "0")


def _studio_sheet(ws, title: str, data: dict, s: _Styles) -> tuple[int, list[int]]:
    """The studios (grouped by office when any came through one) with the chosen figures:
    SUM formulas for the subtotals, and for the total when no studio is counted twice (else
    the total's values, counted once); returns the last row written and the last column of
    each printed page across (the title spans the first's)."""
    cols: UC.Columns = data["columns"]
    header = list(R.OWN_HEAD) + [UC.head(k).replace("（", "\n（", 1) for k in cols.keys]
    _put(ws, 1, 1, title, s("title"))
    ws.row_dimensions[1].height = 28
    for i, h in enumerate(header, start=1):
        _put(ws, HEAD_ROW, i, h, s("head"))
    ws.row_dimensions[HEAD_ROW].height = 32
    widths = [max(_width(x) for x in h.split("\n")) + 2 for h in header]
    row, group_first, first = HEAD_ROW, HEAD_ROW + 1, HEAD_ROW + 1
    grouped = any(ln.kind == R.GROUP for ln in data["lines"])
    for ln in data["lines"]:
        row += 1
        r = ln.row
        if ln.kind == R.STUDIO:
            own = [int(ln.serial), r["name"], r["leader"] or "", r["level_label"],
                   r["party_org_label"], R.category_short(r)]
            for i, v in enumerate(own, start=1):
                _put(ws, row, i, _cell_value("text", v) if i > 1 else v, s("cell", "0" if i == 1
                                                                          else None))
                widths[i - 1] = max(widths[i - 1], _width(_shown(v, None)) + 3)
            for j, (k, a) in enumerate(zip(cols.keys, cols.attributes, strict=True)):
                v, fmt = _metric_cell(k, r[a])
                _put(ws, row, len(own) + j + 1, v, s("cell", fmt))
                widths[len(own) + j] = max(widths[len(own) + j], _width(_shown(v, fmt)) + 3)
            continue
        if ln.kind == R.GROUP:
            _put(ws, row, 1, "", s("bold"))
            _put(ws, row, 2, ln.name, s("bold"))
            group_first = row + 1
            continue
        # a subtotal sums its group's rows; the total of an ungrouped list sums the studios;
        # a grouped total is written as counted (a studio in two groups once)
        lo = group_first if ln.kind == R.SUBTOTAL else first
        sums = row > lo and (ln.kind == R.SUBTOTAL or not grouped)
        for i, v in enumerate([ln.serial, ln.name, "", "", ln.note, ""], start=1):
            _put(ws, row, i, v, s("total"))
        for j, (k, a) in enumerate(zip(cols.keys, cols.attributes, strict=True)):
            col = get_column_letter(len(R.OWN_HEAD) + j + 1)
            v, fmt = _metric_cell(k, ln.values.get(a))
            c = _put(ws, row, len(R.OWN_HEAD) + j + 1,
                     f"=SUM({col}{lo}:{col}{row - 1})" if sums else v, s("total", fmt))
            if sums:
                c.data_type = "f"
    widths = [min(max(w, 6), 42) for w in widths]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    pages = pages_across(widths)
    if len(pages) == 1:  # the whole width on one page, scaled to fit
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    else:  # pages across at one scale, each repeating 序号 and the studio's name
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = SCALE
        ws.print_title_cols = "A:B"
        for last in pages[:-1]:
            ws.col_breaks.append(Break(id=last))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=pages[0])
    ws.print_options.horizontalCentered = True
    for part in (ws.oddHeader.center, ws.oddFooter.center):
        part.font, part.size = FONT, 9
    ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    return row, pages


# The widest table (in column-width units) printed across one landscape A4 page, scaled to
# fit (the default columns, 194 units with a short name, 215 with the widest, as the summary
# always printed); a wider one prints at
# SCALE per cent on pages across, each holding PAGE_UNITS (as measured in LibreOffice: 154
# units filled a page at 65 %) and repeating 序号 and the studio's name, as the PDF prints it
# in column blocks.
ONE_PAGE_UNITS = 230
PAGE_UNITS = 140
SCALE = 70


def pages_across(widths: list[float]) -> list[int]:
    """The last column (1-based) of each page across: all on one when they fit in PAGE_UNITS,
    else each page as full as it goes after the repeated 序号 and name."""
    if sum(widths) <= ONE_PAGE_UNITS:
        return [len(widths)]
    out, used = [], sum(widths[:2])
    for i, w in enumerate(widths[2:], start=3):
        if used + w > PAGE_UNITS and i - 1 > (out[-1] if out else 2):
            out.append(i - 1)
            used = sum(widths[:2])
        used += w
    # the last page carries the notes and the sign-off under its columns: never a sliver too
    # narrow for a line of the sign-off; columns move over from the page before
    need = max(_width(part.rstrip("　")) for part in SIGN_OFF_PARTS) + 4
    while out and sum(widths[out[-1]:]) < need and out[-1] - 1 > (out[-2] if len(out) > 1 else 2):
        out[-1] -= 1
    return out + [len(widths)]


def _rate_format(tenths: int) -> str:
    """A completion rate's number format, as the PDF says it: 535.1%, 44%."""
    return "0%" if tenths % 10 == 0 else "0.0%"


def write_xlsx(year: int, targets: dict | None, out, notes: Callable[[UC.Columns], str]) -> dict:
    """Write the workbook to `out` (a path or a binary file object, already made atomic by the
    caller); returns the data used. `notes`: the notes under the table for the columns."""
    per = period(year)
    data = R.summary_data(year, targets, per)
    title = f"{per.label}{UC.summary_title(data['studios'])}"
    wb = Workbook()
    wb.properties.title = title
    wb.properties.creator = "Laomo Desktop"
    s = _Styles(wb)
    ws = wb.active
    ws.title = "汇总表"
    width = len(R.OWN_HEAD) + len(data["columns"].keys)
    last, pages = _studio_sheet(ws, title, data, s)
    ws.freeze_panes = "C3"
    if not any(ln.kind == R.GROUP for ln in data["lines"]):
        ws.auto_filter.ref = (f"A{HEAD_ROW}:{get_column_letter(width)}"
                              f"{HEAD_ROW + len(data['studios'])}")
    # on pages across (printed down, then over), the lines below the table go under the last
    # page's columns: they print after the whole table, as the clerk signs it, and on no page
    # before (序号 and the name, repeated on every page, stay empty beside them)
    start = 1 if len(pages) == 1 else pages[-2] + 1
    units = sum(ws.column_dimensions[get_column_letter(c)].width or 8
                for c in range(start, width + 1))
    for text, gap in ((data["twice"], 2), ("说明：" + notes(data["columns"]), 2),
                      (sign_off(units - 2), 2)):
        if text:
            last = _below(ws, last + gap, width, text, s, _height(text, units), start)

    goals = wb.create_sheet("目标完成情况")
    tenths = [W.completion_tenths(g["actual"], g["target"], met=g["met"]) for g in data["goals"]]
    goal_rows = [[g["label"], g["target"], g["actual"], t / 1000, R.verdict(g)]
                 for g, t in zip(data["goals"], tenths, strict=True)]
    last = sheet(goals, f"{per.label}目标完成情况", list(R.GOALS_HEAD),
                 goal_rows, [None, "0", "0", "0.0%", None], None, s)
    for row, t in enumerate(tenths, start=HEAD_ROW + 1):
        goals.cell(row, 4).style = s("cell", _rate_format(t))
    goals.freeze_panes = "A3"
    if data["office_goals"]:  # the targets each office below set itself, against its studios
        row = last + 2  # under the columns of the table above: the office and goal in its first
        _put(goals, row, 1, "下级工会目标完成情况", s("bold"))
        for i, head in enumerate(("下级工会：指标", *R.GOALS_HEAD[1:]), start=1):
            _put(goals, row + 1, i, head, s("head"))
        for name, g in data["office_goals"]:
            row += 1
            t = W.completion_tenths(g["actual"], g["target"], met=g["met"])
            for i, (v, fmt) in enumerate(
                    ((_cell_value("text", f"{name}：{g['label']}"), None), (g["target"], "0"),
                     (g["actual"], "0"), (t / 1000, _rate_format(t)), (R.verdict(g), None)),
                    start=1):
                _put(goals, row + 1, i, v, s("cell", fmt))
        last = row + 1
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
