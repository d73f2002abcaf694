"""Finding studios: the list with leader and level, and lookup by name or uid."""

from __future__ import annotations

from datetime import date

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database

_LIST = f"""
    SELECT s.uid, s.name, {asof.leader_sql("s")}, {asof.level_sql("s")}
    FROM studio s WHERE s.deleted_at IS NULL ORDER BY s.name, s.id"""


def list_studios(today: date | None = None) -> list[dict]:
    """Every live studio with its leader and level as they stand today."""
    end = (today or date.today()).isoformat()
    out = []
    for uid, name, leader, levels in database.execute_sql(
            _LIST, {"start": end, "end": end}).fetchall():
        level = asof.highest_level(levels)
        out.append({"uid": uid, "name": name, "leader": leader, "level": level,
                    "level_label": E.Level.label(level) if level else "未命名"})
    return out


def find_studio(text: str) -> dict:
    """A studio by exact uid or name, or by a unique uid prefix or part of the name."""
    text = text.strip()
    studios = list_studios()
    for s in studios:
        if text in (s["uid"], s["name"]):
            return s
    matches = [s for s in studios
               if (len(text) >= 4 and s["uid"].startswith(text)) or (text and text in s["name"])]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LaomoError(f"找不到工作室“{text}”。用 laomo studios 查看全部工作室。")
    names = "、".join(s["name"] for s in matches[:5])
    raise LaomoError(f"“{text}”对应多个工作室（{names}…），请写全名称或使用 uid。")


def create_studio(values: dict, leader_name: str) -> dict:
    """A new studio together with its leader, in one transaction (the first-run form)."""
    if not (leader_name or "").strip():
        raise ValidationError({"leader": "请填写工作室领衔人的姓名"})
    with database.atomic():
        studio = R.create("studio", None, values)
        try:
            R.create("member", studio["uid"], {"name": leader_name, "role": "leader",
                                               "joined_on": values.get("founded_on")})
        except ValidationError as exc:
            raise ValidationError({"leader": next(iter(exc.errors.values()))}) from exc
    return studio
