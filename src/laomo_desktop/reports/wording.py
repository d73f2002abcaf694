"""How numbers and periods are worded in documents and in `laomo stats`: one place, so the PDF
and the command line never say the same figure two ways. Imports no ReportLab (the CLI uses it).

Money is integer fen throughout; it is formatted with integer arithmetic, rounding half up as a
person does (never through a float, where 0.125 万元 would print as 0.12).
"""

from __future__ import annotations

from laomo_desktop.ledger.money import FEN_PER_WAN, wan, yuan
from laomo_desktop.ledger.period import Period

__all__ = ["FEN_PER_WAN", "wan", "yuan", "completion", "end_of", "by_end", "span", "patents",
           "results_line"]

def completion(actual: int | float, target: int | float, *, met: bool) -> str:
    """How much of a target is done, worked out from the two amounts (not a capped ratio):
    a whole percent when exact, else one decimal; an unmet target never reads "100%"."""
    if not target:
        return "100%"
    tenths = round(actual * 1000 / target)
    if not met and tenths >= 1000:
        tenths = 999
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


def patents(f: dict, per: Period) -> str:
    """The three patent counts of statistics.studio_year, each saying what it counts, so that
    one sentence never pits a granted count against a smaller total."""
    granted = by_end(per, f"已授权 {f['patents_total_granted']} 件")
    return (f"本年度完成专利类成果 {f['patents_total']} 件（{granted}）；本年度提交专利申请 "
            f"{f['patents_filed']} 件（按申请日计）；本年度获得授权的专利 {f['patents_granted']} 件（按授权日计，"
            f"含往年完成的专利类成果）。")


def results_line(f: dict, per: Period) -> str:
    """`laomo stats`'s results line."""
    granted = by_end(per, f"已授权 {f['patents_total_granted']} 件")
    return (f"成果 {f['results_total']} 项（其中专利类成果 {f['patents_total']} 件，{granted}）；"
            f"专利申请 {f['patents_filed']} 件（按申请日计），获得授权 {f['patents_granted']} 件"
            f"（按授权日计）")
