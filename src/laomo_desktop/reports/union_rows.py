"""The union summary's studio table as lines, for the PDF and the XLSX alike (issue 16 §5):
the columns the office chose (ledger/unioncolumns.py) after the studio's own, the studios
grouped by the office below they came through (ledger/offices.by_office) with a subtotal per
office, the studios that came by no office (imported directly or entered here) in a group of
their own, and a total that counts a studio that came by two paths once. Without any office
below, one list and its total, as before there were offices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from laomo_desktop.ledger import offices
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.period import Period
from laomo_desktop.ledger.union import has_party_org, union_year
from laomo_desktop.store import enums as E

STUDIO, GROUP, SUBTOTAL, TOTAL = "studio", "group", "subtotal", "total"
OWN_HEAD = ("序号", "工作室", "领衔人", "级别", "党组织", "类别")


@dataclass
class Line:
    kind: str
    serial: str = ""
    name: str = ""
    row: dict | None = None      # a studio's union row
    values: dict[str, Any] = field(default_factory=dict)  # attribute → number (fen for money)
    note: str = ""               # the party column of a total: the studios with a party org


def category_short(row: dict) -> str:
    """劳模 / 工匠人才 / 职工 / 技能大师 / 传统工艺大师: the category without 创新工作室."""
    label = E.StudioCategory.label(row.get("category") or E.DEFAULT_STUDIO_CATEGORY)
    return label.removesuffix("创新工作室").removesuffix("工作室")


def lines(data: dict, year: int, cols: UC.Columns) -> tuple[list[Line], dict]:
    """The table's lines and the grouping (by_office's answer, or None without offices)."""
    rows, attrs = data["studios"], cols.attributes
    total = Line(TOTAL, "合计", values={a: sum(r.get(a) or 0 for r in rows) for a in attrs},
                 note=f"{data['coverage']['all_covered']} 个")
    grouping = offices.by_office(rows, year, attrs) if rows else None
    if grouping is None or all(g["office_uid"] == "" for g in grouping["groups"]):
        out = [Line(STUDIO, str(i), r["name"], r) for i, r in enumerate(rows, 1)]
        return out + ([total] if rows else []), {}
    by_uid = {r["uid"]: r for r in rows}
    out, n = [], 0
    for g in grouping["groups"]:
        level = E.OfficeLevel.label(g["level"]) if g["level"] else ""
        out.append(Line(GROUP, name=f"{g['name']}（{level}）" if level else g["name"]))
        for uid in g["studios"]:
            n += 1
            out.append(Line(STUDIO, str(n), by_uid[uid]["name"], by_uid[uid]))
        party = sum(1 for uid in g["studios"] if has_party_org(by_uid[uid]))
        out.append(Line(SUBTOTAL, "小计", f"{len(g['studios'])} 个工作室", values=g["totals"],
                        note=f"{party} 个"))
    total.name = f"{len(rows)} 个工作室（不重复计）" if grouping["twice"] else ""
    return out + [total], grouping


def twice_note(grouping: dict) -> str:
    """What the table says when a studio came by two paths (and when they disagree)."""
    if not grouping or not grouping["twice"]:
        return ""
    names = "、".join(t["name"] for t in grouping["twice"])
    text = (f"{names}经两个以上单位报送，在各单位小计中分别计入，合计只计一次"
            f"（合计行为不重复计算的 {grouping['studios']} 个工作室）。")
    if grouping["disagreeing"]:
        text += "其中" + "、".join(t["name"] for t in grouping["disagreeing"]) + \
            "各路报送的数据不一致，请核对。"
    return text


def summary_data(year: int, targets: dict | None, per: Period) -> dict:
    """union_year's data with the office's columns, the table's lines grouped by office and
    what it says of a studio that came by two paths (the PDF's and the XLSX's)."""
    data = union_year(year, targets, within=per)
    cols = UC.chosen()
    lines_, grouping = lines(data, year, cols)
    data.update(columns=cols, lines=lines_, twice=twice_note(grouping),
                skipped_columns=list(cols.skipped), office_goals=office_goals(grouping))
    return data


GOALS_HEAD = ("指标", "目标", "完成", "完成率", "结论")
OFFICE_GOALS_HEAD = ("下级工会", *GOALS_HEAD)


def verdict(goal: dict) -> str:
    """A goal's 结论 column."""
    return "完成" if goal["met"] else "未完成"


def office_goals(grouping: dict) -> list[tuple[str, dict]]:
    """(office below, goal) for every target each office below set itself for the year,
    against the studios that came through it (by_office's `goals`)."""
    out = []
    for g in (grouping or {}).get("groups", []):
        level = E.OfficeLevel.label(g["level"]) if g["level"] else ""
        out += [(f"{g['name']}（{level}）" if level else g["name"], goal)
                for goal in g.get("goals", [])]
    return out
