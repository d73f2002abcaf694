"""Everything the annual summary of one studio-year shows, gathered with a few queries.

Values stay raw (codes, ISO dates, fen); the report decides how they look.
"""

from __future__ import annotations

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof, stats
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.store.models import database
from laomo_desktop.texts import Text


def _rows(kind: str, studio_uid: str, columns: list[str],
          per: Period | None = None) -> list[dict]:
    return [dict(zip(["uid", "version", *columns], r, strict=True))
            for r in Q.fetch_rows(kind, studio_uid, columns, within=per)]


def activities_per_month(studio_uid: str, per: Period) -> list[int]:
    """Activities in each month of the period, in the period's order."""
    counts = dict(database.execute_sql("""
        SELECT substr(date, 1, 7), count(*) FROM activity
        WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) AND deleted_at IS NULL
          AND date BETWEEN ? AND ? GROUP BY 1""", (studio_uid, per.start, per.end)).fetchall())
    return [counts.get(f"{y:04d}-{m:02d}", 0) for y, m in per.months()]


def skill_levels_at(studio_uid: str, per: Period) -> dict[str, str | None]:
    """Each member's skill level on the period's last day: the latest obtained by then."""
    return dict(database.execute_sql("""
        SELECT m.uid, (SELECT s.level FROM member_skill_level s WHERE s.parent_id = m.id
                         AND s.date <= ? ORDER BY s.date DESC, s.position DESC LIMIT 1)
        FROM member m WHERE m.studio_id = (SELECT id FROM studio WHERE uid = ?)
          AND m.deleted_at IS NULL""", (per.end, studio_uid)).fetchall())


NOT_YET_FOUNDED = Text(
    "工作室“{name}”成立于 {founded}，{period}结束时尚未成立，没有这一年度的材料可出具。请选择成立以后的年度。",
    'Studio "{name}" was founded on {founded}; it did not exist yet at the end of {period}, so '
    "there is nothing of that year to hand in. Choose a year after it was founded.")


def check_founded(studio: dict, per: Period) -> None:
    """Refuse a document for a period that ended before the studio was founded."""
    if not asof.founded(studio, per):
        raise LaomoError(NOT_YET_FOUNDED(name=studio["name"], founded=studio["founded_on"],
                                         period=per.said_label))


def annual_data(studio_uid: str, year: int, *, min_members: int = stats.MIN_MEMBERS) -> dict:
    """What the summary of statistics year `year` shows: standing records as of its end (or
    during it, for pairs and projects), dated records within it (ledger/asof.py), each as it
    stood at the end (asof.known_at_end: an end, a grant, a roll-out or an award that came
    later is left out; a member's skill level is the one held then). `studio` is the studio
    as it stood at the end too: its namings then, its party organisation then.
    `min_members`: the team size 职工参与 requires (a review packet's template may set it)."""
    per = period(year)
    studio = R.get("studio", studio_uid)
    check_founded(studio, per)
    figures = stats.studio_year(studio_uid, year, min_members=min_members, within=per)
    skills = skill_levels_at(studio_uid, per)
    member_rows = _rows("member", studio_uid,
                        ["name", "role", "sex", "post", "title", "party_member", "joined_on",
                         "left_on"])
    members = [{**asof.known_at_end("member", m, per), "skill_level": skills.get(m["uid"])}
               for m in member_rows if asof.at_end("member", m, per)]
    projects = [asof.known_at_end("project", p, per)
                for p in _rows("project", studio_uid,
                               ["title", "type", "level", "status", "leader", "start_date",
                                "end_date", "budget_fen", "alliance"])
                if asof.during("project", p, per)]
    mentoring = [asof.known_at_end("mentorship", m, per)
                 for m in _rows("mentorship", studio_uid,
                                ["master", "apprentice", "apprentice_name", "agreement_date",
                                 "goal", "graduated_on", "ended_on", "promoted",
                                 "grade", "allowance_fen", "renewed_on", "renewed_months"])
                 if asof.during("mentorship", m, per)]
    activities = _rows("activity", studio_uid,
                       ["date", "type", "topic", "place", "host", "person_times", "hours"], per)
    activities.sort(key=lambda a: a["date"])
    plan = database.execute_sql(
        "SELECT uid FROM plan WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "AND year = ? AND deleted_at IS NULL", (studio_uid, year)).fetchone()
    namings = [_naming_then(r, per) for r in studio["recognitions"] if r["date"] <= per.end]
    then = {**studio, "recognitions": namings, "party_org": figures.studio.party_org,
            "party_changes": [c for c in studio["party_changes"] if c["date"] <= per.end],
            "leaders": [ld for ld in studio["leaders"] if ld["since"] <= per.end]}
    return {
        "year": year,
        "period": per,
        "studio": then,
        "namings": namings,
        "level": figures.studio.level,
        "party_org": figures.studio.party_org,
        "leader": figures.studio.leader,
        "figures": figures,
        "plan": R.get("plan", plan[0]) if plan else None,
        "members": members,
        "equipment": [asof.known_at_end("equipment", e, per)
                      for e in _rows("equipment", studio_uid,
                                     ["name", "quantity", "value_fen", "acquired_on",
                                      "disposed_on", "funding_source"])
                      if asof.at_end("equipment", e, per)],
        "rules": [asof.known_at_end("rule", r, per)
                  for r in _rows("rule", studio_uid,
                                 ["title", "category", "adopted_on", "repealed_on", "on_wall"])
                  if asof.at_end("rule", r, per)],
        "projects": sorted(projects, key=lambda p: p["start_date"]),
        "results": sorted((asof.known_at_end("result", r, per) for r in _rows(
            "result", studio_uid,
            ["title", "type", "date", "first_author", "patent_kind", "patent_status",
             "patent_no", "patent_granted_on", "award_name", "award_level", "award_grade",
             "award_year", "applied_where", "applied_since"], per)), key=lambda r: r["date"]),
        "benefits": _rows("benefit", studio_uid,
                          ["result", "kind", "amount_fen", "basis", "certified_by"], per),
        "activities": activities,
        "trainings": [a for a in activities if a["type"] == "training"],
        "mentoring": sorted(mentoring, key=lambda m: m["agreement_date"]),
        "funds": sorted(_rows("fund", studio_uid,
                              ["date", "direction", "source", "category", "amount_fen", "note",
                               "voucher_no", "alliance"], per), key=lambda f: f["date"]),
        "honours": _rows("honour", studio_uid, ["name", "level", "year", "holder", "body"], per),
        "per_month": activities_per_month(studio_uid, per),
        **register_rows(studio_uid, per),
    }


def register_rows(studio_uid: str, per: Period) -> dict[str, list[dict]]:
    """The registers unions count (issue 16 §3) in the period: proposals dated in it, each at
    the stage it had reached by the end; QC groups registered for its year; services to firms
    dated in it."""
    proposals = [asof.known_at_end("proposal", r, per) for r in _rows(
        "proposal", studio_uid, ["title", "date", "proposer_names", "status", "adopted_on",
                                 "implemented_on", "accepted_on", "amount_fen"], per)]
    return {
        "proposal_rows": sorted(proposals, key=lambda r: r["date"]),
        "qc_group_rows": sorted(_rows("qc_group", studio_uid,
                                  ["name", "topic", "leader", "member_count", "stage", "result",
                                   "award_level", "award_grade"], per),
                            key=lambda r: r["name"]),
        "firm_service_rows": sorted(_rows("firm_service", studio_uid,
                                      ["date", "firm", "problem", "solved", "trained",
                                       "server_names"], per), key=lambda r: r["date"]),
        # alliances (联盟) the studio was in during the period
        "alliance_rows": sorted(_rows("alliance", studio_uid,
                                      ["name", "role", "lead_studio", "member_count"], per),
                                key=lambda r: r["name"]),
    }


def _naming_then(r: dict, per: Period) -> dict:
    """A naming as it stood at the period's end: its status then, a later status date left
    out."""
    then = asof.status_then(r, per)
    later = r.get("status_on") and r["status_on"] > per.end
    return {**r, "status": then, "status_then": then,
            "status_on": None if later else r.get("status_on")}
