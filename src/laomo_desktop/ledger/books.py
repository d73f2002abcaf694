"""What each ledger book (台账分册) of a statistics year lists, and the year's plan: the records as
the annual summary reads them (ledger/asof.py), whole — with the long texts, the child lists
and the names the summary's tables leave out (an activity's minutes, a result's innovation
points, a member's birth date…).

Values stay raw (codes, ISO dates, fen); reports/books.py decides how they look. The rules of
"which records" are the summary's: dated records within the period, standing ones as of its
end (members, in the team on its last day) or lasting into it (mentoring pairs), each as it
stood at the end (asof.known_at_end), so a book never disagrees with the summary's counts.
"""

from __future__ import annotations

from laomo_desktop.ledger import asof, meanings
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.annual import check_founded, skill_levels_at
from laomo_desktop.ledger.filetypes import is_image
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database

BOOKS = ("activities", "trainings", "mentoring", "results", "funds", "members")


def studio_year(studio_uid: str, year: int) -> tuple[dict, Period]:
    """The studio and the statistics period; a year before its founding is refused."""
    per = period(year)
    studio = R.get("studio", studio_uid)
    check_founded(studio, per)
    return studio, per


def member_names(studio_uid: str) -> dict[str, str]:
    """uid → name of every member of the studio, binned ones too (an old record still names
    them)."""
    rows = database.execute_sql(
        "SELECT uid, name FROM member WHERE studio_id = (SELECT id FROM studio WHERE uid = ?)",
        (studio_uid,)).fetchall()
    return dict(rows)


def _dated(kind: str, studio_uid: str, per: Period, field: str = "date") -> list[dict]:
    rows = [r for r in R.list_records(kind, studio_uid) if per.contains(r.get(field))]
    return sorted((asof.known_at_end(kind, r, per) for r in rows),
                  key=lambda r: (r[field], r["created_at"]))


def activities(studio_uid: str, year: int, *, trainings: bool = False) -> list[dict]:
    """The year's activities (or only its trainings) by date, each with `attendee_names`,
    `attendee_posts`, `person_times`, `follow_up_lines` and `photos` (its live picture
    attachments, oldest first)."""
    _studio, per = studio_year(studio_uid, year)
    names = member_names(studio_uid)
    posts = dict(database.execute_sql(
        "SELECT uid, post FROM member WHERE studio_id = (SELECT id FROM studio WHERE uid = ?)",
        (studio_uid,)).fetchall())
    photos = _photos(studio_uid)
    out = []
    for a in _dated("activity", studio_uid, per):
        if trainings and a["type"] != E.ActivityType.TRAINING:
            continue
        people = [x["member"] for x in a.get("attendees") or [] if x.get("member")]
        a["attendee_names"] = [names.get(m, "") for m in people]
        a["attendee_posts"] = [posts.get(m) or "" for m in people]
        a["person_times"] = meanings.person_times(a)
        a["follow_up_lines"] = [
            (f["what"], names.get(f.get("owner") or "", ""), f.get("due"), bool(f.get("done")))
            for f in a.get("follow_ups") or []]
        a["photos"] = photos.get(a["uid"], [])
        out.append(a)
    return out


def _photos(studio_uid: str) -> dict[str, list[dict]]:
    """owner uid → its live picture attachments (sha256, filename, title), oldest first."""
    rows = database.execute_sql(
        "SELECT owner_uid, sha256, filename, title FROM attachment WHERE deleted_at IS NULL "
        "AND owner_kind = 'activity' AND studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "ORDER BY id", (studio_uid,)).fetchall()
    out: dict[str, list[dict]] = {}
    for owner, sha, name, title in rows:
        if is_image(name or ""):
            out.setdefault(owner, []).append({"sha256": sha, "filename": name, "title": title})
    return out


def members(studio_uid: str, year: int) -> list[dict]:
    """The team on the period's last day (as the summary counts it), leader first, each with
    the skill level held then (`skill_level`)."""
    _studio, per = studio_year(studio_uid, year)
    skills = skill_levels_at(studio_uid, per)
    rank = {E.MemberRole.LEADER: 0, E.MemberRole.CORE: 1, E.MemberRole.MEMBER: 2}
    team = [{**asof.known_at_end("member", m, per), "skill_level": skills.get(m["uid"])}
            for m in R.list_records("member", studio_uid) if asof.at_end("member", m, per)]
    return sorted(team, key=lambda m: (rank.get(m["role"], 3), m.get("joined_on") or "",
                                       m["created_at"]))


def mentoring(studio_uid: str, year: int) -> list[dict]:
    """The pairs that lasted into the period, by agreement date, each with `master_name` and
    `apprentice_full` (a member's name or the outsider's)."""
    _studio, per = studio_year(studio_uid, year)
    names = member_names(studio_uid)
    pairs = [asof.known_at_end("mentorship", m, per)
             for m in R.list_records("mentorship", studio_uid)
             if asof.during("mentorship", m, per)]
    for p in pairs:
        p["year_records"] = [r for r in p.get("records") or [] if r["date"] <= per.end]
        p["master_name"] = names.get(p.get("master") or "", "")
        p["apprentice_full"] = names.get(p.get("apprentice") or "") or p.get("apprentice_name") or ""
    return sorted(pairs, key=lambda p: (p["agreement_date"], p["created_at"]))


def results(studio_uid: str, year: int) -> list[dict]:
    """The year's results by date, as they stood at its end (a later grant, roll-out or award
    left out), each with `contributor_names` in order and `project_title`."""
    _studio, per = studio_year(studio_uid, year)
    names = member_names(studio_uid)
    titles = dict(database.execute_sql(
        "SELECT uid, title FROM project WHERE studio_id = (SELECT id FROM studio WHERE uid = ?)",
        (studio_uid,)).fetchall())
    out = _dated("result", studio_uid, per)
    for r in out:
        r["contributor_names"] = [names.get(c.get("member") or "") or c.get("name") or ""
                                  for c in r.get("contributors") or []]
        r["project_title"] = titles.get(r.get("project") or "")
    return out


def patents_by_kind(rows: list[dict]) -> dict[str, int]:
    """Patent-type results of `rows` counted by patent kind, in the kinds' order."""
    counts = {k.value: 0 for k in E.PatentKind}
    for r in rows:
        if r["type"] == E.ResultType.PATENT and r.get("patent_kind") in counts:
            counts[r["patent_kind"]] += 1
    return {k: n for k, n in counts.items() if n}


def fund_ledger(studio_uid: str, year: int) -> dict:
    """The 经费明细账 of the period: `carried` (the balance of everything dated before it),
    `lines` by date, each with its `balance` after it, the period's `income`, `expense` and
    closing `balance` (= carried + income − expense, the summary's 累计结余)."""
    _studio, per = studio_year(studio_uid, year)
    (carried,) = database.execute_sql(
        "SELECT total(CASE direction WHEN 'income' THEN amount_fen ELSE -amount_fen END) "
        "FROM fund WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "AND deleted_at IS NULL AND date < ?", (studio_uid, per.start)).fetchone()
    balance = int(carried)
    income = expense = 0
    lines = _dated("fund", studio_uid, per)
    for f in lines:
        if f["direction"] == E.FundDirection.INCOME:
            income += f["amount_fen"]
            balance += f["amount_fen"]
        else:
            expense += f["amount_fen"]
            balance -= f["amount_fen"]
        f["balance"] = balance
    return {"carried": int(carried), "lines": lines, "income": income, "expense": expense,
            "balance": balance}


def plan(studio_uid: str, year: int) -> dict | None:
    """The year's plan (targets, measures, schedule), or None when none was entered."""
    studio_year(studio_uid, year)
    row = database.execute_sql(
        "SELECT uid FROM plan WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "AND year = ? AND deleted_at IS NULL", (studio_uid, year)).fetchone()
    return R.get("plan", row[0]) if row else None
