"""Everything the annual summary of one studio-year shows, gathered with a few queries.

Values stay raw (codes, ISO dates, fen); the report decides how they look.
"""

from __future__ import annotations

from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.store.models import database


def _rows(kind: str, studio_uid: str, columns: list[str], year: int | None = None) -> list[dict]:
    return [dict(zip(["uid", "version", *columns], r, strict=True))
            for r in Q.fetch_rows(kind, studio_uid, columns, year=year)]


def activities_per_month(studio_uid: str, year: int) -> list[int]:
    counts = dict(database.execute_sql("""
        SELECT CAST(substr(date, 6, 2) AS INTEGER), count(*) FROM activity
        WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) AND deleted_at IS NULL
          AND date BETWEEN ? AND ? GROUP BY 1""",
                                       (studio_uid, f"{year}-01-01", f"{year}-12-31")).fetchall())
    return [counts.get(m, 0) for m in range(1, 13)]


def annual_data(studio_uid: str, year: int) -> dict:
    start, end = f"{year}-01-01", f"{year}-12-31"
    studio = R.get("studio", studio_uid)
    figures = stats.studio_year(studio_uid, year)
    members = [m for m in _rows("member", studio_uid,
                                ["name", "role", "sex", "post", "title", "skill_level",
                                 "party_member", "joined_on", "left_on"])
               if (m["joined_on"] or "") <= end and not (m["left_on"] and m["left_on"] <= end)]
    projects = [p for p in _rows("project", studio_uid,
                                 ["title", "type", "level", "status", "leader", "start_date",
                                  "end_date", "budget_fen"])
                if p["start_date"] <= end and (not p["end_date"] or p["end_date"] >= start)]
    mentoring = [m for m in _rows("mentorship", studio_uid,
                                  ["master", "apprentice", "apprentice_name", "agreement_date",
                                   "goal", "graduated_on", "promoted"])
                 if m["agreement_date"] <= end and (not m["graduated_on"]
                                                     or m["graduated_on"] >= start)]
    activities = _rows("activity", studio_uid,
                       ["date", "type", "topic", "place", "host", "person_times", "hours"], year)
    activities.sort(key=lambda a: a["date"])
    plan = database.execute_sql(
        "SELECT uid FROM plan WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "AND year = ? AND deleted_at IS NULL", (studio_uid, year)).fetchone()
    leader = next((m["name"] for m in members if m["role"] == "leader"), None)
    return {
        "year": year,
        "studio": studio,
        "leader": leader,
        "figures": figures,
        "plan": R.get("plan", plan[0]) if plan else None,
        "members": members,
        "equipment": _rows("equipment", studio_uid,
                           ["name", "quantity", "value_fen", "acquired_on", "funding_source"]),
        "rules": _rows("rule", studio_uid, ["title", "category", "adopted_on", "on_wall"]),
        "projects": sorted(projects, key=lambda p: p["start_date"]),
        "results": sorted(_rows("result", studio_uid,
                                ["title", "type", "date", "first_author", "patent_kind",
                                 "patent_status", "patent_no", "award_name", "award_level",
                                 "award_grade", "applied_where"], year),
                          key=lambda r: r["date"]),
        "benefits": _rows("benefit", studio_uid,
                          ["result", "kind", "amount_fen", "basis", "certified_by"], year),
        "activities": activities,
        "trainings": [a for a in activities if a["type"] == "training"],
        "mentoring": sorted(mentoring, key=lambda m: m["agreement_date"]),
        "funds": sorted(_rows("fund", studio_uid,
                              ["date", "direction", "source", "category", "amount_fen", "note",
                               "voucher_no"], year), key=lambda f: f["date"]),
        "honours": _rows("honour", studio_uid, ["name", "level", "year", "holder", "body"], year),
        "per_month": activities_per_month(studio_uid, year),
    }
