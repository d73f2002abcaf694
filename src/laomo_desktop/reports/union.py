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
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.reports import fonts
from laomo_desktop.reports import union_rows as R
from laomo_desktop.reports import union_table as T
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.headings import Outline
from laomo_desktop.reports.layout import (
    BINDING,
    BODY_W,
    OUTER,
    build,
    styles,
    table,
)
from laomo_desktop.reports.text import esc


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
ALLIANCE_FUNDS_NOTE = "联盟经费收入、支出已含在经费收入、支出中，不应另行相加。"
PARTY_NOTE = "党组织栏“先锋岗”即党员先锋岗，小计、合计行为已建立党组织的工作室数。"


def notes(cols: UC.Columns) -> str:
    """The notes under the studio table; alliance funds, when chosen, said to be part of the
    funds (a reader adding them to 经费收入 would count them twice)."""
    alliance_funds = {"alliance_funds_received_wan", "alliance_funds_spent_wan",
                      "alliance_funds_received_fen", "alliance_funds_spent_fen"}
    return NOTES + (ALLIANCE_FUNDS_NOTE if alliance_funds & set(cols.keys) else "")


# ---- PDF --------------------------------------------------------------------------------------

def _sign_off(st: dict) -> Table:
    """Where the office signs what it files: 填报单位（盖章）and 日期, 填报人 and 联系电话, each
    blank on a rule to write on."""
    font = fonts.register()
    rows = [["填报单位（盖章）：", "", "日期：", "　　　年　　月　　日"],
            ["填报人：", "", "联系电话：", ""]]
    w = BODY_W
    t = Table(rows, colWidths=[0.2 * w, 0.38 * w, 0.13 * w, 0.29 * w], rowHeights=24)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), st["body"].fontSize),
        ("ALIGN", (0, 0), (0, -1), "LEFT"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
        ("LINEBELOW", (3, 1), (3, 1), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def _story(data: dict, per: Period, st: dict) -> list:
    rows, t, cov = data["studios"], data["totals"], data["coverage"]
    out: list = []
    o = Outline(st)

    def h1(text):
        out.append(o.heading(1, text))

    def para(text, style="body"):
        out.append(Paragraph(esc(text), st[style]))

    h1("总体情况")
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
                 f"{wan(t['benefit_fen'])} 万元；经费收入 {wan(t['fund_income_fen'])} 万元，支出 "
                 f"{wan(t['fund_expense_fen'])} 万元。")
    out.append(o.heading(2, "党组织覆盖情况"))
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

    out += _grants_part(rows, t, o, st)
    h1("年度目标完成情况")
    def goal_row(g: dict) -> list:
        return [g["label"], g["target"], g["actual"],
                W.completion(g["actual"], g["target"], met=g["met"]), R.verdict(g)]

    out += table(st, list(R.GOALS_HEAD), [goal_row(g) for g in data["goals"]],
                 [6, 1.6, 1.6, 1.6, 1.4])
    out.append(Spacer(1, 3))
    para("党组织覆盖的目标为应覆盖的工作室数；其余目标为各工作室本年度合计。", "small")
    if data["office_goals"]:  # the targets each office below set itself, against its studios
        out.append(o.heading(2, "下级工会目标完成情况"))
        out += table(st, list(R.OFFICE_GOALS_HEAD),
                     [[name, *goal_row(g)] for name, g in data["office_goals"]],
                     [3.4, 4.6, 1.3, 1.3, 1.4, 1.2])
        out.append(Spacer(1, 3))
        para("下级工会的目标为其在报送数据包中所设，完成数为经其报送的工作室本年度合计。", "small")

    # Not kept with the whole table (that would push a long table to a new page and leave
    # this one mostly empty): the heading goes over when not even a few rows fit below it.
    out += [CondPageBreak(90), Paragraph(o.number(1) + esc("各工作室主要指标"),
                                         ParagraphStyle("h1free", parent=st["h1"], keepWithNext=0))]
    if rows:
        out += studio_tables(data, st)
        if data["twice"]:
            para(data["twice"], "small")
    else:
        para("台账中没有这一年度结束前成立的工作室。")
    para("说明：" + notes(data["columns"]) + PARTY_NOTE, "small")
    # the notes and the sign-off stay together, never the seal's two lines split by a page
    out += [KeepTogether([out.pop(), Spacer(1, 10), _sign_off(st)])]
    return out


def studio_tables(data: dict, st: dict) -> list:
    """The studio table: one table, or a wide choice's column blocks each under its caption."""
    out: list = []
    blocks = T.tables(st, data["lines"], data["columns"], data["body_w"])
    caption = ParagraphStyle("ucaption", parent=st["small"], keepWithNext=1)  # with its rows
    for i, block in enumerate(blocks, 1):
        if len(blocks) > 1:  # a wide choice: the table in column blocks, each whole
            out.append(Paragraph(esc(f"（第 {i} 部分，共 {len(blocks)} 部分）" if i == 1 else
                                     f"续表（第 {i} 部分，共 {len(blocks)} 部分）"), caption))
        out += [block, Spacer(1, 3 if i == len(blocks) else 8)]
    return out


# ---- grants (补助资金) ----
GRANTS_HEADER = ("序号", "工作室", "获得补助资金（元）", "列支补助资金（元）")


def _grants_part(rows: list[dict], t: dict, o: Outline, st: dict) -> list:
    """The grants each studio received and drew on in the year (only studios with either), a
    part of the overall picture (一、总体情况); nothing when no studio had any."""
    with_grants = [r for r in rows if r["grants_received_fen"] or r["grants_spent_fen"]]
    if not with_grants:  # no part for what no studio has
        return []
    out: list = [o.heading(2, "补助资金")]
    out.append(Paragraph(esc(
        f"本年度 {len(with_grants)} 个工作室获得或列支补助资金：合计获得 "
        f"{yuan(t['grants_received_fen'])} 元，列支 {yuan(t['grants_spent_fen'])} 元。"),
        st["body"]))
    body = [[i, r["name"], yuan(r["grants_received_fen"]), yuan(r["grants_spent_fen"])]
            for i, r in enumerate(with_grants, 1)]
    body.append(["合计", "", yuan(t["grants_received_fen"]), yuan(t["grants_spent_fen"])])
    return out + table(st, list(GRANTS_HEADER), body, [1, 6, 3, 3]) + [Spacer(1, 3)]


def title(per: Period, rows: list[dict] | None = None) -> str:
    """The summary's title after its studios' category (unioncolumns.summary_title)."""
    return f"{per.short}{UC.summary_title(rows or [])}"


def write_union_pdf(year: int, targets: dict | None, out, generated: date | None = None) -> dict:
    """Write the union summary PDF of statistics year `year` (the office's own setting) to `out`
    (path or binary file); returns the data used."""
    per = period(year)
    data = R.summary_data(year, targets, per)
    st = styles()
    size = T.page_size(data["columns"], data["lines"], st["cell"].fontName)
    data["body_w"] = size[0] - BINDING - OUTER
    name = title(per, data["studios"])
    # A form, not a bound report: the title heads page 1 (no cover page before a short table)
    heading = ParagraphStyle("utitle", parent=st["title"], fontSize=18, leading=26,
                             spaceAfter=2)
    sub = "　".join(line for line in (W.span(per), f"纳入汇总的工作室 {len(data['studios'])} 个")
                   if line)
    story = [Paragraph(esc(name), heading), Paragraph(esc(sub), st["center"]),
             Spacer(1, 6)]
    story += _story(data, per, st)
    with _atomic(out) as target:
        build(target, story, title=name, header_left=UC.summary_title(data["studios"]),
              header_right=per.short, generated=generated, has_cover=False, pagesize=size)
    return data


# ---- XLSX -------------------------------------------------------------------------------------

def write_union_xlsx(year: int, targets: dict | None, out) -> dict:
    """Write the union summary workbook to `out` (path or binary file); returns the data used.
    The workbook is laid out in reports/union_xlsx.py (openpyxl is imported only when needed)."""
    from laomo_desktop.reports.union_xlsx import write_xlsx

    with _atomic(out) as target:
        return write_xlsx(year, targets, target, notes)
