"""The union office's summary (汇总表) of one year over every studio: an A4 PDF and an XLSX
workbook with one row per studio. Both are written to a temporary file and renamed, so a failure
never leaves a half-written file at `out`."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from laomo_desktop.ledger.period import Period, period
from laomo_desktop.ledger.union import union_year
from laomo_desktop.reports import fonts
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.layout import (
    BODY_W,
    GRID,
    HEAD_BG,
    STRIPE,
    build,
    cover,
    date_cn,
    styles,
    table,
)
from laomo_desktop.reports.text import esc
from laomo_desktop.store import enums as E

HEADER_LEFT = "劳模创新工作室汇总表"
PARTY_SHORT = {E.PartyOrg.PARTY_BRANCH: "党支部", E.PartyOrg.PARTY_GROUP: "党小组",
               E.PartyOrg.PIONEER_POST: "先锋岗", E.PartyOrg.NONE: "无"}
TOTAL_BG = colors.HexColor("#efe3c8")


@contextmanager
def _atomic(out) -> Iterator[Any]:
    """Yields where to write: `out` itself when it is a file object, else a temporary file next
    to it that replaces `out` only once it is complete."""
    if hasattr(out, "write"):
        yield out
        return
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:12]}.partial")  # mode as umask says
    tmp.open("xb").close()
    try:
        yield tmp
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


wan, yuan = W.wan, W.yuan
NOTES = ("课题为本年度新立项课题；成果以完成日期计；专利为本年度完成的专利类成果（按成果完成日期计，"
         "含尚未授权的）；培训人次含成员和外来人员；带徒为本年度新签师徒协议数；各工作室的级别、党组织"
         "为本年度结束时的情况，只汇总本年度结束前成立的工作室。")


# ---- PDF --------------------------------------------------------------------------------------

STUDIO_HEADER = ("工作室", "级别", "党组织", "课题", "成果", "技术\n创新", "专利", "培训\n场次",
                 "培训\n人次", "带徒", "经济效益\n（万元）")
STUDIO_WIDTHS = (36, 12, 13, 10, 10, 11, 10, 11, 13, 10, 19)  # fits A4 portrait at 8.5 pt


def _studio_table(st: dict, body: list[list]) -> Table:
    """One table (not layout.table's page-sized chunks, whose headers would reappear in the
    middle of a page): a few hundred studios at most; the header repeats on every page, the
    last row (the totals) is shaded; every cell escaped."""
    cell = ParagraphStyle("ucell", parent=st["cell"], alignment=TA_CENTER)
    head = ParagraphStyle("uhead", parent=st["head"], alignment=TA_CENTER)
    data = [[Paragraph(esc(h), head) for h in STUDIO_HEADER]]
    data += [[Paragraph(esc(v), cell) for v in r] for r in body]
    scale = BODY_W / sum(STUDIO_WIDTHS)
    t = Table(data, colWidths=[w * scale for w in STUDIO_WIDTHS], repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.register()),  # else the cells name Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def _story(data: dict, per: Period, st: dict) -> list:
    rows, t, cov = data["studios"], data["totals"], data["coverage"]
    out: list = []

    def h1(text):
        out.append(Paragraph(esc(text), st["h1"]))

    def para(text, style="body"):
        out.append(Paragraph(esc(text), st[style]))

    h1("一、总体情况")
    if not rows:
        para(f"截至 {per.label}结束，台账中没有已成立的工作室，没有可汇总的记录。")
    else:
        levels = "、".join(f"{lv['label']} {lv['count']} 个" for lv in data["by_level"]
                           if lv["count"])
        para(f"纳入汇总的工作室共 {len(rows)} 个，其中{levels}。")
        out += table(st, [lv["label"] for lv in data["by_level"]] + ["合计"],
                     [[lv["count"] for lv in data["by_level"]] + [len(rows)]],
                     [1] * (len(data["by_level"]) + 1))
        out.append(Spacer(1, 3))
        if not any(t[k] for k in ("projects_started", "results_total", "training_sessions",
                                  "mentoring_new", "benefit_fen", "fund_income_fen",
                                  "fund_expense_fen")):
            para(f"{per.short}各工作室均没有登记课题、成果、培训、带徒、效益或经费记录。")
        else:
            para(f"{per.short}各工作室合计：新立项创新课题 {t['projects_started']} 项；取得创新成果 "
                 f"{t['results_total']} 项，其中技术创新和攻关成果 {t['results_technical']} 项、"
                 f"专利类成果 {t['patents_total']} 件；开展培训 {t['training_sessions']} 场次、"
                 f"{t['training_person_times']} 人次；新结对带徒 {t['mentoring_new']} 对；认定经济效益 "
                 f"{wan(t['benefit_fen'])} 万元；经费收入 {yuan(t['fund_income_fen'])} 元，支出 "
                 f"{yuan(t['fund_expense_fen'])} 元。")
    out.append(Paragraph(esc("党组织覆盖情况"), st["h2"]))
    scope = cov["scope"]
    if not cov["total"]:
        para(f"台账中没有{scope}工作室。")
    else:
        para(f"{scope}工作室 {cov['total']} 个，已建立党组织或党员先锋岗 {cov['covered']} 个，"
             f"覆盖率 {W.completion(cov['covered'], cov['total'], met=cov['met'])}。")
    if rows:
        para(f"全部 {len(rows)} 个工作室中，已建立党组织或党员先锋岗 {cov['all_covered']} 个。")
    if cov["lacking"]:
        para(f"尚未建立党组织或党员先锋岗的{scope}工作室（{len(cov['lacking'])} 个）：")
        out += table(st, ["工作室", "级别", "领衔人"],
                     [[r["name"], r["level_label"], r["leader"] or ""] for r in cov["lacking"]],
                     [6, 2, 2])
    elif cov["total"]:
        para(f"{scope}工作室均已建立党组织或党员先锋岗。")

    h1("二、年度目标完成情况")
    goals = [[g["label"], g["target"], g["actual"],
              W.completion(g["actual"], g["target"], met=g["met"]),
              "完成" if g["met"] else "未完成"] for g in data["goals"]]
    out += table(st, ["指标", "目标", "完成", "完成率", "结论"], goals, [6, 1.6, 1.6, 1.6, 1.4])
    out.append(Spacer(1, 3))
    para("党组织覆盖的目标为应覆盖的工作室数；其余目标为各工作室本年度合计。", "small")

    h1("三、各工作室主要指标")
    numbers = ("projects_started", "results_total", "results_technical", "patents_total",
               "training_sessions", "training_person_times", "mentoring_new")
    body = [[r["name"], r["level_label"], PARTY_SHORT.get(r["party_org"], r["party_org_label"])]
            + [r[k] for k in numbers] + [wan(r["benefit_fen"])] for r in rows]
    if rows:
        body.append(["合计", "", f"{cov['all_covered']} 个"] + [t[k] for k in numbers]
                    + [wan(t["benefit_fen"])])
        out += [_studio_table(st, body), Spacer(1, 3)]
    else:
        para("台账中没有这一年度结束前成立的工作室。")
    para(NOTES + "党组织栏“先锋岗”即党员先锋岗，合计行为已建立党组织的工作室数。", "small")
    return out


def title(per: Period) -> str:
    return f"{per.short}劳模创新工作室汇总表"


def write_union_pdf(year: int, targets: dict | None, out, generated: date | None = None) -> dict:
    """Write the union summary PDF of statistics year `year` (the office's own setting) to `out`
    (path or binary file); returns the data used."""
    per = period(year)
    data = union_year(year, targets, within=per)
    st = styles()
    story = cover(st, title(per), [line for line in (
        "各工作室主要指标及年度目标完成情况", W.span(per),
        f"纳入汇总的工作室 {len(data['studios'])} 个", date_cn(generated or date.today())) if line])
    story += _story(data, per, st)
    with _atomic(out) as target:
        build(target, story, title=title(per), header_left=HEADER_LEFT, header_right=per.short,
              generated=generated)
    return data


# ---- XLSX -------------------------------------------------------------------------------------

# header, row key, kind: text / int / wan (万元 from fen) / yuan (元 from fen)
COLUMNS = (("工作室", "name", "text"), ("领衔人", "leader", "text"),
           ("级别", "level_label", "text"), ("党组织", "party_org_label", "text"),
           ("新立项课题\n（项）", "projects_started", "int"),
           ("创新成果\n（项）", "results_total", "int"),
           ("技术创新成果\n（项）", "results_technical", "int"),
           ("专利\n（件）", "patents_total", "int"), ("培训场次", "training_sessions", "int"),
           ("培训人次", "training_person_times", "int"),
           ("新结对带徒\n（对）", "mentoring_new", "int"),
           ("经济效益\n（万元）", "benefit_fen", "wan"), ("经济效益\n（元）", "benefit_fen", "yuan"),
           ("经费收入\n（元）", "fund_income_fen", "yuan"),
           ("经费支出\n（元）", "fund_expense_fen", "yuan"))
FORMATS = {"int": "0", "wan": "0.00", "yuan": "#,##0.00"}


def _cell_value(kind: str, value):
    if kind == "wan":
        return value / 1_000_000
    if kind == "yuan":
        return value / 100
    return value if kind == "int" else (value or "")


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in str(text))


def _shown(value, fmt: str | None) -> str:
    """Roughly what a spreadsheet shows for `value` in `fmt` (for the column widths)."""
    if isinstance(value, int | float) and fmt:
        return {"#,##0.00": f"{value:,.2f}", "0.00": f"{value:.2f}",
                "0.0%": f"{value:.1%}"}.get(fmt, str(value))
    return str(value or "")


def _append(ws, values: list) -> None:
    """A row of literal values: text that looks like a formula stays text; characters XML
    cannot hold (control codes) are dropped instead of failing the whole workbook."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for c in ws[ws.max_row]:
        if isinstance(c.value, str) and c.data_type == "f":
            c.data_type = "s"


def _sheet(ws, title: str, header: list[str], rows: list[list], formats: list[str | None],
           total_row: bool) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    _append(ws, [title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 26
    _append(ws, header)
    for c in ws[2]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="8B1A1A")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    for r in rows:
        _append(ws, r)
    for i, row in enumerate(ws.iter_rows(min_row=3, max_row=ws.max_row)):
        last = total_row and i == len(rows) - 1
        for c, fmt in zip(row, formats, strict=True):
            c.border = border
            if fmt:
                c.number_format = fmt
            if last:
                c.font = Font(bold=True)
                c.fill = PatternFill("solid", fgColor="EFE3C8")
    ws.row_dimensions[2].height = 32  # two lines: long headers wrap
    for i, (h, fmt) in enumerate(zip(header, formats, strict=True), start=1):
        widest = max([max(_width(line) for line in h.split("\n")) + 2]
                     + [_width(_shown(r[i - 1], fmt)) + 3 for r in rows])
        ws.column_dimensions[ws.cell(2, i).column_letter].width = min(max(widest, 9), 42)
    ws.freeze_panes = "B3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _notes(ws, width: int) -> None:
    """What the columns count, below the table, across its width."""
    from openpyxl.styles import Alignment

    ws.append([])
    _append(ws, ["说明：" + NOTES])
    row = ws.max_row
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[row].height = 48


def write_union_xlsx(year: int, targets: dict | None, out) -> dict:
    """Write the union summary workbook to `out` (path or binary file); returns the data used."""
    from openpyxl import Workbook

    per = period(year)
    data = union_year(year, targets, within=per)
    wb = Workbook()
    wb.properties.title = title(per)
    wb.properties.creator = "Laomo Desktop"
    rows = [[_cell_value(kind, r[key]) for _, key, kind in COLUMNS] for r in data["studios"]]
    totals = ["合计", "", "", f"已建立 {data['coverage']['all_covered']} 个"] + [
        _cell_value(kind, data["totals"][key]) for _, key, kind in COLUMNS[4:]]
    _sheet(wb.active, f"{per.label}劳模创新工作室汇总表", [h for h, _, _ in COLUMNS],
           rows + [totals], [FORMATS.get(kind) for _, _, kind in COLUMNS], True)
    wb.active.title = "汇总表"
    _notes(wb.active, len(COLUMNS))

    goals = wb.create_sheet("目标完成情况")
    goal_rows = [[g["label"], g["target"], g["actual"], g["progress"],
                  "完成" if g["met"] else "未完成"] for g in data["goals"]]
    _sheet(goals, f"{per.label}目标完成情况", ["指标", "目标", "完成", "完成率", "结论"], goal_rows,
           [None, "0", "0", "0.0%", None], False)
    goals.freeze_panes = "A3"
    lacking = data["coverage"]["lacking"]
    if lacking:
        goals.append([])
        _append(goals, [f"尚未建立党组织或党员先锋岗的{data['coverage']['scope']}工作室"])
        for r in lacking:
            _append(goals, [r["name"], r["level_label"], r["leader"] or ""])
    with _atomic(out) as target:
        wb.save(target)
    return data
