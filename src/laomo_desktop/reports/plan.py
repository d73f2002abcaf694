"""The year's work plan (年度工作计划) a studio files each spring: its targets, measures and
schedule, from the plan record of that year, ending with the studio's name and a place for
its seal and date (filled in by hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from laomo_desktop.ledger import books as B
from laomo_desktop.ledger.money import wan
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports.wording import NOT_FILLED
from laomo_desktop.store import enums as E


def target_rows(plan: dict) -> list[list]:
    """序号, 指标, 目标值 — the benefit in 万元, as its label says."""
    rows = []
    for i, t in enumerate(plan.get("targets") or [], 1):
        money = t["metric"] == E.TargetMetric.BENEFIT_FEN
        rows.append([i, E.TargetMetric.label(t["metric"]), wan(t["value"]) if money
                     else t["value"]])
    return rows


def _paragraphs(text: str | None) -> list[D.Block]:
    """A long text as entered, one paragraph per line; 未填写 when empty."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [D.Para(line) for line in lines] or [D.Para(NOT_FILLED)]


def plan_blocks(studio: dict, per, plan: dict | None) -> list[D.Block]:
    """The plan's blocks (docmodel): title, targets, measures, schedule, the seal line."""
    out: list[D.Block] = [D.Space(8), D.Title(f"{studio['name']}{per.short}工作计划"),
                          D.Space(10)]
    if plan is None:
        out.append(D.Para(f"{per.short}未登记工作计划。"))
    else:
        o = D.Outline()
        out.append(o.heading(1, "年度目标"))
        out.append(o.table(["序号", "指标", "目标值"], target_rows(plan), [1, 6, 3],
                           title="年度目标"))
        out.append(o.heading(1, "主要措施"))
        out += _paragraphs(plan.get("measures"))
        out.append(o.heading(1, "进度安排"))
        out += _paragraphs(plan.get("schedule"))
    return out + [D.Space(24), D.Para(f"{studio['name']}（盖章）", "right"),
                  D.Para("年　　月　　日", "right")]


def write_plan(studio_uid: str, year: int, out: Path | str,
               generated: date | None = None) -> None:
    """Write the plan of the studio-year to `out`; a year with no plan says so."""
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    studio, per = B.studio_year(studio_uid, year)
    blocks = plan_blocks(studio, per, B.plan(studio_uid, year))
    build(out, flowables(blocks, styles()), title=f"{studio['name']}{per.short}工作计划",
          header_left=studio["name"], header_right=f"{per.short}工作计划", generated=generated,
          has_cover=False)  # no cover: page 1 has its header and page number too


def write_plan_docx(studio_uid: str, year: int, out: Path | str) -> None:
    """The same plan as an editable Word document (docx_render)."""
    from laomo_desktop.reports.docx_render import write_docx

    studio, per = B.studio_year(studio_uid, year)
    blocks = plan_blocks(studio, per, B.plan(studio_uid, year))
    write_docx(out, blocks, title=f"{studio['name']}{per.short}工作计划",
               header_left=studio["name"], header_right=f"{per.short}工作计划")
