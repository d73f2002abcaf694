"""The year's work plan (年度工作计划) a studio files each spring: its targets, measures and
schedule, from the plan record of that year, ending with the studio's name and a place for
its seal and date (filled in by hand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from laomo_desktop.ledger import books as B
from laomo_desktop.ledger.money import wan
from laomo_desktop.reports.books import overview
from laomo_desktop.reports.headings import Outline
from laomo_desktop.reports.layout import build, styles
from laomo_desktop.reports.text import esc
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


def _paragraphs(st: dict, text: str | None) -> list:
    """A long text as entered, one paragraph per line; 未填写 when empty."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [Paragraph(esc(line), st["body"]) for line in lines] or [
        Paragraph(NOT_FILLED, st["body"])]


def write_plan(studio_uid: str, year: int, out: Path | str,
               generated: date | None = None) -> None:
    """Write the plan of the studio-year to `out`; a year with no plan says so."""
    studio, per = B.studio_year(studio_uid, year)
    plan = B.plan(studio_uid, year)
    st = styles()
    title = f"{studio['name']}{per.short}工作计划"
    story: list = [Spacer(1, 8), Paragraph(esc(title), st["doc_title"]), Spacer(1, 10)]
    if plan is None:
        story.append(Paragraph(esc(f"{per.short}未登记工作计划。"), st["body"]))
    else:
        o = Outline(st)
        story.append(o.heading(1, "年度目标"))
        story += overview(st, ["序号", "指标", "目标值"], target_rows(plan), [1, 6, 3],
                          right=(0, 2), title=o.table_title("年度目标"))
        story.append(o.heading(1, "主要措施"))
        story += _paragraphs(st, plan.get("measures"))
        story.append(o.heading(1, "进度安排"))
        story += _paragraphs(st, plan.get("schedule"))
    sign = ParagraphStyle("sign", parent=st["body"], alignment=TA_RIGHT)
    story += [Spacer(1, 24), Paragraph(esc(f"{studio['name']}（盖章）"), sign),
              Paragraph("年　　月　　日", sign)]
    build(out, story, title=title, header_left=studio["name"],
          header_right=f"{per.short}工作计划", generated=generated,
          has_cover=False)  # no cover: page 1 has its header and page number too
