"""How numbers and periods are worded in documents and in `laomo stats`: one place, so the PDF
and the command line never say the same figure two ways. Imports no ReportLab (the CLI uses it).

Money is integer fen throughout; it is formatted with integer arithmetic, rounding half up as a
person does (never through a float, where 0.125 万元 would print as 0.12).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from laomo_desktop.ledger.figures import YearFigures
from laomo_desktop.ledger.money import FEN_PER_WAN, wan, yuan
from laomo_desktop.ledger.period import Period
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.store.enums import Choice, MentorGrade

__all__ = ["FEN_PER_WAN", "wan", "yuan", "completion", "end_of", "by_end", "span", "patents",
           "results_line", "NOT_FILLED", "filled", "place", "trainings"]

# What a document says for a value nobody entered: never a 0 or a unit with no number, which
# an inspector would read as a fact. A typed 0 is a value and reads 0.
NOT_FILLED = "未填写"


def filled(value: object, shown: Callable[[Any], str] = str) -> str:
    """`value` as `shown` words it, or 未填写 when it is empty (None or blank text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_FILLED
    return shown(value)


def number(value: float) -> str:
    """A count or measure without a trailing ".0": 60.0 → "60", 12.5 → "12.5"."""
    return format(value, ".15g")


def place(address: str | None, area: float | None) -> str:
    """The studio's room: "二号楼 101 室，60 平方米"; a missing part says 未填写 on its own
    ("面积未填写"), and a room with neither is just 未填写."""
    if not (address or "").strip() and area is None:
        return NOT_FILLED
    size = f"{number(area)} 平方米" if area is not None else f"面积{NOT_FILLED}"
    return f"{filled(address)}，{size}"


def trainings(f: YearFigures) -> str:
    """The year's trainings for `laomo stats` and the annual summary: sessions, person-times
    and hours, saying how many trainings have no participants or hours entered (they are not
    counted as 0 without saying so)."""
    gaps = []
    if f.training_without_count:
        gaps.append(f"{f.training_without_count} 场未填写参加人数")
    if f.training_without_hours:
        gaps.append(f"{f.training_without_hours} 场未填写学时")
    text = (f"培训 {f.training_sessions} 场次、{f.training_person_times} 人次，"
            f"共 {number(f.training_hours)} 学时")
    return text + (f"（其中 {'、'.join(gaps)}，合计只计已填写的）" if gaps else "")

def completion_tenths(actual: int | float, target: int | float, *, met: bool) -> int:
    """How much of a target is done in tenths of a percent, worked out from the two amounts
    (not a capped ratio), a half rounded up as a person would (535.05 % is 535.1 %); an
    unmet target never reaches 1000 (100 %). The PDF's words and the workbook's cells both."""
    if not target:
        return 1000
    tenths = int((Decimal(actual) * 1000 / Decimal(target)).quantize(Decimal(1), ROUND_HALF_UP))
    return min(tenths, 999) if not met else tenths


def completion(actual: int | float, target: int | float, *, met: bool) -> str:
    """completion_tenths as printed: a whole percent when exact, else one decimal."""
    tenths = completion_tenths(actual, target, met=met)
    if tenths % 10 == 0:
        return f"{tenths // 10}%"
    return f"{tenths / 10:.1f}%"


def end_of(per: Period) -> str:
    """The period's last day as documents say "截至 …": "2025 年底" for a calendar year, the
    date itself ("2025-09-30") for a statistics year that starts in another month."""
    return f"{per.year} 年底" if per.start_month == 1 else per.end


def by_end(per: Period, rest: str = "") -> str:
    """"截至 <end>" followed by `rest`, spaced the way the document spaces digits from words."""
    head = f"截至 {end_of(per)}"
    if rest and head[-1].isdigit() and rest[0] not in "，。；：、）":
        head += " "
    return head + rest


def span(per: Period) -> str:
    """The days a statistics year covers, for a cover or a title line ("" for a calendar year,
    whose name says it)."""
    return "" if per.start_month == 1 else f"统计期间：{per.start} 至 {per.end}"


def patents(f: YearFigures, per: Period) -> str:
    """The three patent counts of statistics.studio_year, each saying what it counts, so that
    one sentence never pits a granted count against a smaller total."""
    granted = by_end(per, f"已授权 {f.patents_total_granted} 件")
    return (f"本年度完成专利类成果 {f.patents_total} 件（{granted}）；本年度提交专利申请 "
            f"{f.patents_filed} 件（按申请日计）；本年度获得授权的专利 {f.patents_granted} 件（按授权日计，"
            f"含往年完成的专利类成果）。")


def results_line(f: YearFigures, per: Period) -> str:
    """`laomo stats`'s results line."""
    granted = by_end(per, f"已授权 {f.patents_total_granted} 件")
    return (f"成果 {f.results_total} 项（其中专利类成果 {f.patents_total} 件，{granted}）；"
            f"专利申请 {f.patents_filed} 件（按申请日计），获得授权 {f.patents_granted} 件"
            f"（按授权日计）")


def pair_state(p: dict) -> str:
    """A mentoring pair as it stood (asof.known_at_end): 出师 with its assessment grade, an
    ending without it, or 在培; and a renewal, when there was one."""
    if p.get("graduated_on"):
        grade = f"（考核{MentorGrade.label(p['grade'])}）" if p.get("grade") else ""
        state = f"{date_cn(p['graduated_on'])}出师{grade}"
    elif p.get("ended_on"):
        state = f"{date_cn(p['ended_on'])}解除"
    else:
        state = "在培"
    if p.get("renewed_on"):
        months = f"{p['renewed_months']}个月" if p.get("renewed_months") else ""
        state += f"；{date_cn(p['renewed_on'])}续签{months}"
    return state


def lab(choices: type[Choice], code: str | None) -> str:
    """A choice's Chinese label as the documents print it; empty when none was made."""
    return choices.label(code) if code else ""
