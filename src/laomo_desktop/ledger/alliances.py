"""Alliances (联盟) in the year's figures and in the alliance's yearly report.

The figures (alliances joined and led at the period's end, joint projects under way in it, the
alliance funds received and spent in it) are SQL aggregates with the named parameters of
ledger/stats.py's QUERIES, which takes these in; the union summary counts the same per studio
with UNION_QUERIES. As of the year (DOMAIN.md): an alliance counts while the studio is in it
(ledger/kinds/alliance.py), a joint project while it lasts, a fund entry in the period of its
date; an alliance in the recycle bin ties nothing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database, figures_index
from laomo_desktop.texts import Text

ALLIANCE, PROJECT, FUND, STUDIO = (M.table(k) for k in ("alliance", "project", "fund", "studio"))
MEMBERS, PLANS = M.child_table("alliance", "members"), M.child_table("alliance", "plans")
LEADER = E.AllianceRole.LEADER.value
INCOME, EXPENSE = E.FundDirection.INCOME.value, E.FundDirection.EXPENSE.value

NO_SUCH_ALLIANCE = Text("找不到这个联盟（可能已被删除）。",
                        "No such alliance (it may have been deleted).")

_IN = f"a.{M.LIVE} AND {asof.at_end_sql('alliance', 'a')}"
_JOINT = (f"JOIN {ALLIANCE} a ON a.id = t.alliance_id AND a.{M.LIVE} "
          f"WHERE t.{M.LIVE} AND {asof.during_sql('project', 't')}")
_FUNDS = (f"total(CASE WHEN t.direction = '{INCOME}' THEN t.amount_fen END), "
          f"total(CASE WHEN t.direction = '{EXPENSE}' THEN t.amount_fen END)")
_FUNDS_JOIN = (f"JOIN {ALLIANCE} a ON a.id = t.alliance_id AND a.{M.LIVE} "
               f"WHERE t.{M.LIVE} AND t.date {M.IN_YEAR}")
_FUNDS_FROM = f"FROM {FUND} t {_FUNDS_JOIN}"
_EVERY_FUNDS_FROM = f"FROM {FUND} t INDEXED BY {figures_index('fund')} {_FUNDS_JOIN}"

QUERIES: dict[str, str] = {
    "alliances": f"""
        SELECT count(*), total(a.role = '{LEADER}') FROM {ALLIANCE} a
        WHERE a.studio_id = :sid AND {_IN}""",
    "alliance_projects": f"SELECT count(*) FROM {PROJECT} t {_JOINT} AND t.studio_id = :sid",
    "alliance_funds": f"SELECT {_FUNDS} {_FUNDS_FROM} AND t.studio_id = :sid",
}
# query → the YearFigures attributes its columns fill, in order
FIGURES: dict[str, tuple[str, ...]] = {
    "alliances": ("alliances_joined", "alliances_led"),
    "alliance_projects": ("alliance_projects",),
    "alliance_funds": ("alliance_funds_received_fen", "alliance_funds_spent_fen"),
}


def alliance_figures(run) -> dict[str, int]:
    """attribute → value of every figure above; `run(name)` runs QUERIES[name]."""
    out: dict[str, int] = {}
    for name, attrs in FIGURES.items():
        out.update({a: int(v or 0) for a, v in zip(attrs, run(name)[0], strict=True)})
    return out


UNION_QUERIES: dict[str, str] = {
    "alliances": f"""
        SELECT a.studio_id, count(*), total(a.role = '{LEADER}') FROM {ALLIANCE} a
        WHERE {_IN} GROUP BY a.studio_id""",
    "alliance_projects": f"SELECT t.studio_id, count(*) FROM {PROJECT} t {_JOINT} "
                         "GROUP BY t.studio_id",
    "alliance_funds": f"SELECT t.studio_id, {_FUNDS} {_EVERY_FUNDS_FROM} GROUP BY t.studio_id",
}
UNION_FIGURES = FIGURES
UNION_NUMBERS: tuple[str, ...] = tuple(k for keys in FIGURES.values() for k in keys)


# ---- one alliance's year (the alliance report) ------------------------------------------------

@dataclass(frozen=True)
class Member:
    studio_name: str
    host_unit: str
    role: str | None


@dataclass(frozen=True)
class JointProject:
    title: str
    type: str | None
    status: str | None
    """The status at the period's end (ledger/kinds/project.py)."""
    start_date: str
    end_date: str | None


@dataclass(frozen=True)
class FundLine:
    date: str
    direction: str
    amount_fen: int
    note: str
    voucher_no: str


@dataclass(frozen=True)
class AllianceYear:
    uid: str
    studio_name: str
    host_unit: str
    name: str
    role: str
    founded_on: str | None
    lead_studio: str
    joined_on: str | None
    left_on: str | None
    aims: str
    period: Period
    members: tuple[Member, ...]
    """This studio first (as its ledger names it), then the other members as listed; a list
    that names this studio too does not count it twice."""
    planned_projects: int | None
    """The year's plan's joint projects (None: no plan for the year, or none planned)."""
    tasks: str
    projects: tuple[JointProject, ...]
    """Joint projects under way in the period."""
    funds: tuple[FundLine, ...]
    """Fund entries dated in the period."""
    carried_in_fen: int
    """The balance of the alliance funds before the period."""

    @property
    def received_fen(self) -> int:
        return sum(f.amount_fen for f in self.funds if f.direction == INCOME)

    @property
    def spent_fen(self) -> int:
        return sum(f.amount_fen for f in self.funds if f.direction == EXPENSE)

    @property
    def balance_fen(self) -> int:
        return self.carried_in_fen + self.received_fen - self.spent_fen

    @property
    def concluded(self) -> int:
        return sum(1 for p in self.projects if p.status in (E.ProjectStatus.CONCLUDED.value,
                                                            E.ProjectStatus.ROLLED_OUT.value))


def _other_studio(listed: str, own: str) -> bool:
    """False when a member list's entry names this studio (spaces and the width of brackets
    aside): the entry is left out, the studio already being the first member."""
    def key(name: str) -> str:  # NFKC: full-width brackets and letters as their narrow forms
        return "".join(unicodedata.normalize("NFKC", name).split())
    return key(listed) != key(own)


def alliance_year(alliance_uid: str, year: int) -> AllianceYear:
    """The alliance as the studio's ledger holds it for statistics year `year`."""
    per = period(year)
    p = per.params()
    with database.atomic():  # one consistent snapshot
        row = database.execute_sql(f"""
            SELECT a.id, a.uid, s.name, s.host_unit, a.name, a.role, a.founded_on,
                   a.lead_studio, a.joined_on, a.left_on, a.aims
            FROM {ALLIANCE} a JOIN {STUDIO} s ON s.id = a.studio_id
            WHERE a.uid = ? AND a.{M.LIVE}""", (alliance_uid,)).fetchone()
        if row is None:
            raise LaomoError(NO_SUCH_ALLIANCE)
        aid = row[0]
        members = database.execute_sql(
            f"SELECT studio_name, host_unit, role FROM {MEMBERS} WHERE parent_id = ? "
            "ORDER BY position", (aid,)).fetchall()
        plan = database.execute_sql(
            f"SELECT joint_projects, tasks FROM {PLANS} WHERE parent_id = ? AND year = ?",
            (aid, year)).fetchone()
        projects = database.execute_sql(f"""
            SELECT t.title, t.type, {asof.project_status_sql('t')}, t.start_date, t.end_date
            FROM {PROJECT} t WHERE t.alliance_id = :aid AND t.{M.LIVE}
            AND {asof.during_sql('project', 't')} ORDER BY t.start_date, t.id""",
                                        {**p, "aid": aid}).fetchall()
        funds = database.execute_sql(f"""
            SELECT t.date, t.direction, t.amount_fen, t.note, t.voucher_no FROM {FUND} t
            WHERE t.alliance_id = :aid AND t.{M.LIVE} AND t.date {M.IN_YEAR}
            ORDER BY t.date, t.id""", {**p, "aid": aid}).fetchall()
        carried = database.execute_sql(f"""
            SELECT total(CASE WHEN direction = '{INCOME}' THEN amount_fen
                              ELSE -amount_fen END)
            FROM {FUND} WHERE alliance_id = :aid AND {M.LIVE} AND date < :start""",
                                       {**p, "aid": aid}).fetchone()[0]
    own = Member(row[2] or "", row[3] or "", row[5])
    listed = [Member(n or "", u or "", r) for n, u, r in members
              if _other_studio(n or "", own.studio_name)]
    return AllianceYear(
        row[1], row[2] or "", row[3] or "", row[4] or "", row[5] or "", row[6], row[7] or "",
        row[8], row[9], row[10] or "", per,
        (own, *listed),
        plan[0] if plan else None, (plan[1] or "") if plan else "",
        tuple(JointProject(t or "", ty, st, sd or "", ed) for t, ty, st, sd, ed in projects),
        tuple(FundLine(d or "", dr, a or 0, n or "", v or "") for d, dr, a, n, v in funds),
        int(carried or 0))
