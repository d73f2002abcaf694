"""Read-only queries for lists and search: rows for a table, with references shown by title.

Everything is one SQL statement per list (no row-by-row lookups), so a table of 100,000 rows
loads in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import replace

from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof, kinds
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.kinds import Extra
from laomo_desktop.ledger.period import Period, period, start_month, year_of
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database
from laomo_desktop.texts import Text


def _resolved(e: Extra) -> Extra:
    """A derived column with its SQL, a shared meaning's expression over alias t filled in."""
    return replace(e, sql=getattr(M, e.meaning)("t")) if e.meaning else e


# Each kind's derived columns, declared with the kind (ledger/kinds/).
EXTRAS: dict[str, tuple[Extra, ...]] = {
    k.name: tuple(_resolved(e) for e in kinds.rules(k).extras)
    for k in S.KINDS if kinds.rules(k).extras}


def year_filter(kind: S.Kind) -> tuple[str, bool] | None:
    """(column, is_date) that places a record of this kind in a year, if any."""
    if kind.date_field:
        return kind.date_field, True
    if any(f.name == "year" for f in kind.fields):
        return "year", False
    return None


def in_period_sql(kind: S.Kind, a: str = "t") -> str | None:
    """How a record of `kind` (alias `a`) belongs to a period (named :start, :end, :year):
    a standing record by lasting into it (ledger/asof.py), a dated one by its date, a yearly one
    by its year; None for a kind that no period places (attachments, the studio)."""
    if kinds.rules(kind).span is not None:
        return asof.during_sql(kind.name, a)
    yf = year_filter(kind)
    if yf is None:
        return None
    col, is_date = yf
    return f'{a}."{col}" BETWEEN :start AND :end' if is_date else f'{a}."{col}" = :year'


def _column_sql(kind: S.Kind, name: str) -> str:
    for e in EXTRAS.get(kind.name, ()):
        if e.name == name:
            return e.sql
    f = kind.field(name)
    if f.type == S.REF:
        target = S.kind(f.ref)
        return (f'(SELECT r."{target.title}" FROM "{target.table}" r '
                f'WHERE r.id = t."{f.column}")')
    return f't."{f.column}"'


def fetch_rows(kind_name: str, studio_uid: str | None, columns: list[str], *,
               year: int | None = None, within: Period | None = None,
               deleted: bool = False) -> list[tuple]:
    """(uid, version, *columns) for every live (or binned) record of a studio, newest first;
    with `year` (the ledger's statistics year) or `within`, only the records that belong to
    that period (in_period_sql)."""
    kind = S.kind(kind_name)
    cols = ", ".join(_column_sql(kind, c) for c in columns)
    where = ["t.deleted_at IS NOT NULL" if deleted else "t.deleted_at IS NULL"]
    params: dict = {}
    if studio_uid is not None:
        if kind.per_studio:
            where.append(f"t.studio_id = {M.studio_id_sql(':studio')}")
        else:
            where.append("t.uid = :studio")
        params["studio"] = studio_uid
    if within is None and year is not None:
        within = period(year)
    cond = in_period_sql(kind) if within is not None else None
    if cond:
        where.append(cond)
        params.update(within.params())
    yf = year_filter(kind)
    order = f't."{yf[0]}" DESC, t.id DESC' if yf else "t.id"
    sql = (f'SELECT t.uid, t.version{", " + cols if cols else ""} FROM "{kind.table}" t '
           f'WHERE {" AND ".join(where)} ORDER BY {order}')
    return database.execute_sql(sql, params).fetchall()


def count_outside(kind_name: str, studio_uid: str, year: int) -> int:
    """How many live records of a studio a period's list leaves out (shown by "show all")."""
    kind = S.kind(kind_name)
    cond = in_period_sql(kind)
    if cond is None or not kind.per_studio:
        return 0
    sql = (f'SELECT count(*) FROM "{kind.table}" t WHERE t.deleted_at IS NULL '
           f"AND t.studio_id = {M.studio_id_sql(':studio')} AND NOT ({cond})")
    return database.execute_sql(sql, {"studio": studio_uid, **period(year).params()}).fetchone()[0]


def binned(studio_uid: str) -> list[tuple[str, str, str, str]]:
    """Everything of a studio in the recycle bin: (kind, uid, title, deleted_at), newest first."""
    parts, params = [], []
    for kind in S.KINDS:
        if not kind.per_studio:
            continue
        parts.append(f"""SELECT '{kind.name}', uid, CAST("{kind.title}" AS TEXT), deleted_at
            FROM "{kind.table}" WHERE deleted_at IS NOT NULL
            AND studio_id = {M.studio_id_sql()}""")
        params.append(studio_uid)
    sql = " UNION ALL ".join(parts) + " ORDER BY 4 DESC"
    return database.execute_sql(sql, params).fetchall()


def search(studio_uid: str, text: str, limit: int = 200) -> list[tuple[str, str, str]]:
    """Live records of a studio whose text fields contain `text`: (kind, uid, title)."""
    text = text.strip()
    if not text:
        return []
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    parts, params = [], []
    for kind in S.KINDS:
        fields = [f for f in kind.fields if f.type in (S.TEXT, S.LONGTEXT)]
        if not fields or not kind.per_studio:
            continue
        cond = " OR ".join(f'"{f.column}" LIKE ? ESCAPE \'\\\'' for f in fields)
        parts.append(f"""SELECT '{kind.name}', uid, CAST("{kind.title}" AS TEXT)
            FROM "{kind.table}" WHERE deleted_at IS NULL
            AND studio_id = {M.studio_id_sql()} AND ({cond})""")
        params += [studio_uid, *([like] * len(fields))]
    sql = " UNION ALL ".join(parts) + f" LIMIT {int(limit)}"
    return database.execute_sql(sql, params).fetchall()


# an audit entry's summary in the reader's language (the parameter: English?); entries written
# before the log kept English show their Chinese
_SUMMARY = "CASE WHEN ? AND summary_en != '' THEN summary_en ELSE summary END"


def audit_rows(studio_uid: str | None, limit: int = 5000) -> list[tuple]:
    """(at, actor, action, kind, summary, record_uid) newest first; a studio's log also lists
    the changes of the whole ledger (no studio: the union's targets)."""
    sql = f"SELECT at, actor, action, kind, {_SUMMARY}, record_uid FROM audit_entry"
    params: list = [texts.english()]
    if studio_uid:
        sql += " WHERE studio_uid = ? OR studio_uid IS NULL"
        params.append(studio_uid)
    sql += f" ORDER BY id DESC LIMIT {int(limit)}"
    return database.execute_sql(sql, params).fetchall()


def due_follow_ups(studio_uid: str, until: str) -> list[tuple[str, str, str | None, str]]:
    """Open meeting follow-ups due by `until` (ISO date): (what, due, owner name, activity uid)."""
    return database.execute_sql(f"""
        SELECT f.what, f.due, (SELECT m.name FROM {M.table("member")} m WHERE m.id = f.owner_id),
               a.uid
        FROM {M.child_table("activity", "follow_ups")} f
        JOIN {M.table("activity")} a ON a.id = f.parent_id
        WHERE a.studio_id = {M.studio_id_sql()} AND {M.live_sql("a")}
          AND NOT f.done AND (f.due IS NULL OR f.due <= ?)
        ORDER BY f.due IS NULL, f.due LIMIT 50""", (studio_uid, until)).fetchall()


def latest_changes(studio_uid: str, limit: int = 10) -> list[tuple[str, str, str]]:
    """(at, summary, kind) of the studio's latest audit entries."""
    return database.execute_sql(
        f"SELECT at, {_SUMMARY}, kind FROM audit_entry WHERE studio_uid = ? ORDER BY id DESC "
        f"LIMIT {int(limit)}", (texts.english(), studio_uid)).fetchall()


def member_choices(studio_uid: str) -> list[tuple[str, str]]:
    """(uid, name) of the studio's live members, for pickers."""
    return database.execute_sql(
        f"SELECT uid, name FROM {M.table('member')} WHERE {M.LIVE} AND studio_id = "
        f"{M.studio_id_sql()} ORDER BY left_on IS NOT NULL, name",
        (studio_uid,)).fetchall()


def ref_choices(kind_name: str, studio_uid: str) -> list[tuple[str, str]]:
    """(uid, title) of the studio's live records of a kind, for pickers."""
    kind = S.kind(kind_name)
    order = kinds.rules(kind).picker_order
    if order is None:
        yf = year_filter(kind)
        order = f'"{yf[0]}" DESC' if yf else "id DESC"
    return database.execute_sql(
        f'SELECT uid, CAST("{kind.title}" AS TEXT) FROM "{kind.table}" WHERE deleted_at IS NULL '
        f"AND studio_id = {M.studio_id_sql()} ORDER BY {order}",
        (studio_uid,)).fetchall()


def years_with_data(studio_uid: str | None) -> list[int]:
    """Statistics years from the studio's founding to its latest activity, or with None from
    the first founding to the latest activity of any live studio (the ledger's setting decides
    in which year a day falls)."""
    if studio_uid is None:
        row = database.execute_sql(f"""
            SELECT min(d), max(d) FROM (
              SELECT founded_on AS d FROM {M.table("studio")} WHERE {M.LIVE}
              UNION ALL SELECT max(date) FROM {M.table("activity")} WHERE {M.LIVE})
            WHERE d IS NOT NULL""").fetchone()
    else:
        row = database.execute_sql(f"""
            SELECT min(d), max(d) FROM (
              SELECT founded_on AS d FROM {M.table("studio")} WHERE uid = ?
              UNION ALL SELECT date FROM {M.table("activity")}
                WHERE studio_id = {M.studio_id_sql()})
            WHERE d IS NOT NULL""", (studio_uid, studio_uid)).fetchone()
    if not row or row[0] is None:
        return []
    month = start_month()
    return list(range(year_of(row[0], month), year_of(row[1], month) + 1))


# ---- a record named on the command line (`laomo report grant --grant …`) ----

NO_RECORD = Text("本工作室没有{kind}“{text}”。", 'The studio has no {kind} "{text}".')
MANY_RECORDS = Text("本工作室有多条{kind}与“{text}”相符：{titles}，请写全名称或 uid。",
                    'Several {kind} records of the studio match "{text}": {titles}; give the '
                    "whole title or the uid.")


def find_record(kind_name: str, studio_uid: str, text: str) -> str:
    """The uid of the studio's live record of a kind by exact uid or title, or by a part of the
    title that only one has."""
    text, kind = text.strip(), S.kind(kind_name)
    rows = ref_choices(kind_name, studio_uid)
    exact = [uid for uid, title in rows if text in (uid, title)]
    matches = exact or [uid for uid, title in rows if text and text in (title or "")]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LaomoError(NO_RECORD(kind=kind, text=text))
    titles = [title for uid, title in rows if uid in matches][:5]
    raise LaomoError(MANY_RECORDS(kind=kind, text=text, titles=titles))
