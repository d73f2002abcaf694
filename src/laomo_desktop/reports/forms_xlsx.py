"""A union's Excel form filled from the ledger.

The scheme (the same words as a Word form, so one help page serves both):
- a cell holding placeholders, `{{ 统计.培训人次 }}` or `共 {{ 统计.培训场次 }} 场`, is filled
  in place; a cell that is one placeholder only gets the value itself, a number as a number;
- a row whose cell says `{%tr for x in 创新成果 %}` starts a block of rows repeated for each
  record, a row saying `{%tr endfor %}` ends it; both marker rows are removed, the rows between
  are written once per record with their styles, heights and merged cells (`x.成果名称` …);
  the loop may filter: `{%tr for x in 创新成果 if x.成果类型 == '专利' %}`; blocks do not nest.
Formulas are kept as written: a total under a repeated block should be a placeholder
(统计.…), since a formula's cell range does not grow with the rows."""

from __future__ import annotations

import re
from copy import copy
from typing import Any

from openpyxl.utils import get_column_letter

from laomo_desktop.ledger.formfields import Num, Row
from laomo_desktop.reports.formcheck import (
    BROKEN,
    FAILED,
    FORM_PROBLEM,
    NO_END,
    NOT_ALLOWED,
    PLACE,
    FormError,
)

MARK = re.compile(r"^\s*\{%-?\s*(?:tr\s+)?(for\s+.+?|endfor)\s*-?%\}\s*$", re.S)
FOR = re.compile(r"^for\s+(\w+)\s+in\s+(.+?)(?:\s+if\s+(.+))?$", re.S)
ONE = re.compile(r"^\s*\{\{(.+?)\}\}\s*$", re.S)
SHEET_CELL = "工作表“{sheet}”的 {cell} 单元格"


def _templated(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


def _marker(row: tuple) -> str | None:
    for c in row:
        if isinstance(c.value, str):
            m = MARK.match(c.value)
            if m:
                return m.group(1).strip()
    return None


def _blocks(ws, file: str) -> list[tuple[int, int, str]]:
    """(first body row, last body row, the for clause) of each repeated block of a sheet."""
    out, open_at = [], None
    for r, row in enumerate(ws.iter_rows(), start=1):
        mark = _marker(row)
        if mark is None:
            continue
        place = PLACE(place=SHEET_CELL.format(sheet=ws.title, cell=f"A{r}"))
        if mark.startswith("for"):
            if open_at is not None:
                raise FormError(FORM_PROBLEM(file=file, tag="{%tr " + mark + " %}",
                                             problem=NOT_ALLOWED(what="嵌套的逐行循环"),
                                             where=place))
            open_at = (r, mark)
        else:
            if open_at is None:
                raise FormError(FORM_PROBLEM(file=file, tag="{%tr endfor %}",
                                             problem=NOT_ALLOWED(what="没有开始的 endfor"),
                                             where=place))
            out.append((open_at[0] + 1, r - 1, open_at[1]))
            open_at = None
    if open_at is not None:
        raise FormError(FORM_PROBLEM(file=file, tag="{%tr " + open_at[1] + " %}",
                                     problem=BROKEN(why=NO_END(tag="for")),
                                     where=PLACE(place=SHEET_CELL.format(
                                         sheet=ws.title, cell=f"A{open_at[0]}"))))
    return out


def source(wb, file: str) -> tuple[str, list[tuple[str, str]]]:
    """The workbook's placeholders as one template for the checker, and for each line its
    text and place."""
    lines: list[tuple[str, str]] = []
    for ws in wb.worksheets:
        starts = {b[0] - 1: b[2] for b in _blocks(ws, file)}
        ends = {b[1] + 1 for b in _blocks(ws, file)}
        for r, row in enumerate(ws.iter_rows(), start=1):
            where = SHEET_CELL.format(sheet=ws.title, cell=f"A{r}")
            if r in starts:
                lines.append(("{% " + starts[r] + " %}", where))
            elif r in ends:
                lines.append(("{% endfor %}", where))
            else:
                for c in row:
                    if _templated(c.value):
                        lines.append((c.value.replace("\n", " "),
                                      SHEET_CELL.format(sheet=ws.title, cell=c.coordinate)))
    return "\n".join(text for text, _ in lines), lines


class _Cells:
    """Each templated cell's compiled template, made once per workbook."""

    def __init__(self, env):
        self.env, self.done = env, {}

    def value(self, text: Any, ctx: dict) -> Any:
        if not _templated(text):
            return text
        one = ONE.match(text)
        if one and "{%" not in text and "{{" not in one.group(1):
            key = ("expr", text)
            if key not in self.done:
                self.done[key] = self.env.compile_expression(one.group(1),
                                                             undefined_to_none=False)
            v = self.done[key](**ctx)
            if isinstance(v, Num):
                return v.number
            return str(v)
        if text not in self.done:
            self.done[text] = self.env.from_string(text)
        return self.done[text].render(ctx)


def _items(env, clause: str, ctx: dict) -> list[tuple[dict, Any]]:
    m = FOR.match(clause)
    if m is None:
        raise ValueError(clause)
    var, over, test = m.group(1), m.group(2), m.group(3)
    items = list(env.compile_expression(over, undefined_to_none=False)(**ctx))
    cond = env.compile_expression(test, undefined_to_none=False) if test else None
    chosen = [x for x in items if cond is None or cond(**{**ctx, var: x})]
    n = len(chosen)
    return [({**ctx, var: x, "loop": Row(index=i + 1, index0=i, revindex=n - i,
                                          revindex0=n - i - 1, first=i == 0, last=i == n - 1,
                                          length=n)}, x) for i, x in enumerate(chosen)]


def fill_sheet(ws, env, ctx: dict, file: str, cells: _Cells) -> None:
    blocks = _blocks(ws, file)
    max_row, max_col = ws.max_row, ws.max_column
    snap = {r: [(c.value, copy(c._style)) for c in row]
            for r, row in enumerate(ws.iter_rows(max_col=max_col), start=1)}
    heights = {r: ws.row_dimensions[r].height for r in range(1, max_row + 1)}
    merges = [m.bounds for m in ws.merged_cells.ranges]
    for m in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(m))
    plan: list[tuple[int, dict]] = []  # (source row, its context)
    where: dict[int, list[int]] = {}   # source row -> output rows
    r = 1
    while r <= max_row:
        block = next((b for b in blocks if b[0] - 1 == r), None)
        if block is None:
            plan.append((r, ctx))
            r += 1
            continue
        first, last, clause = block
        try:
            items = _items(env, clause, ctx)
        except Exception as exc:  # noqa: BLE001 - a form's own mistake, said with its place
            raise FormError(FAILED(file=file, why=str(exc), where=PLACE(
                place=SHEET_CELL.format(sheet=ws.title, cell=f"A{first - 1}")))) from None
        for bound, _x in items:
            plan.extend((s, bound) for s in range(first, last + 1))
        r = last + 2
    for out, (src, bound) in enumerate(plan, start=1):
        where.setdefault(src, []).append(out)
        for col, (value, style) in enumerate(snap[src], start=1):
            cell = ws.cell(out, col)
            try:
                cell.value = cells.value(value, bound)
            except FormError:
                raise
            except Exception as exc:  # noqa: BLE001 - a form's own mistake, said with its place
                raise FormError(FAILED(file=file, why=str(exc), where=PLACE(
                    place=SHEET_CELL.format(sheet=ws.title,
                                            cell=f"{get_column_letter(col)}{src}")))) from None
            cell._style = copy(style)
        ws.row_dimensions[out].height = heights.get(src)
    for out in range(len(plan) + 1, max_row + 1):
        ws.row_dimensions[out].height = None
        for col in range(1, max_col + 1):
            ws.cell(out, col).value = None
    for min_col, min_row, max_col_, max_row_ in merges:
        rows = [where.get(s, []) for s in range(min_row, max_row_ + 1)]
        for k in range(min(map(len, rows)) if rows else 0):
            top, bottom = rows[0][k], rows[-1][k]
            if bottom - top == max_row_ - min_row:
                ws.merge_cells(start_row=top, start_column=min_col, end_row=bottom,
                               end_column=max_col_)
