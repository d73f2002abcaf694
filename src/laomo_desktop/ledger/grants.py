"""A grant's use: the grant's facts, every expense drawn on it with its flags, and what is left.

The flags are decided once, in SQL, by ledger/kinds/grant.py (the fund list shows the same
column); this module reads them for the use report, for `laomo check` and for the year's
figures (received in the year, spent in the year), and words them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.kinds.base import choice
from laomo_desktop.ledger.kinds.grant import flags_sql
from laomo_desktop.ledger.money import yuan
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database, figures_index
from laomo_desktop.texts import Both, Joined, Message, Text

GRANT, FUND, STUDIO = M.table("grant"), M.table("fund"), M.table("studio")
EXPENSE = E.FundDirection.EXPENSE.value

NO_SUCH_GRANT = Text("找不到这笔补助资金（可能已被删除）。",
                     "No such grant (it may have been deleted).")
OUTSIDE = Text("支出类别“{category}”不在其可列支类别（{categories}）内",
               'its category "{category}" is not among those it may be spent on ({categories})')
BEFORE = Text("早于使用期限（自 {day} 起）", "it is before the grant's period (from {day})")
AFTER = Text("晚于使用期限（至 {day}）", "it is after the grant's period (until {day})")
OVER = Text("列支累计 {spent} 元，超出补助金额 {amount} 元",
            "the expenses drawn on it come to {spent} yuan, beyond its {amount} yuan")
EXPENSE_LINE = Text("{day}支出 {money} 元{note}", "the expense of {money} yuan on {day}{note}")
FLAGGED = Text("工作室“{studio}”：{expense}列支补助资金“{grant}”，但{why}",
               'Studio "{studio}": {expense} is drawn on the grant "{grant}", but {why}')


_CATEGORIES = {c.value for c in E.FundCategory}


@dataclass(frozen=True)
class Drawn:
    """An expense drawn on the grant."""

    uid: str
    date: str
    category: str | None
    amount_fen: int
    note: str
    voucher_no: str
    flags: tuple[str, ...]
    """E.GrantFlag codes, in the declared order."""
    spent_to_date: int
    """The expenses on the grant up to and including this one."""


@dataclass(frozen=True)
class GrantUse:
    uid: str
    studio_uid: str
    studio_name: str
    name: str
    body: str
    doc_no: str
    amount_fen: int
    received_on: str
    categories: tuple[str, ...]
    """E.FundCategory codes it may be spent on; empty: any."""
    period_from: str | None
    period_to: str | None
    conditions: str
    expenses: tuple[Drawn, ...]

    @property
    def spent_fen(self) -> int:
        return sum(e.amount_fen for e in self.expenses)

    @property
    def left_fen(self) -> int:
        """What is left of the grant (below 0: spent beyond it)."""
        return self.amount_fen - self.spent_fen

    @property
    def flagged(self) -> tuple[Drawn, ...]:
        return tuple(e for e in self.expenses if e.flags)


def _day(iso: str | None) -> Both:
    return Both(date_cn(iso), iso or "")


def flag_text(use: GrantUse, drawn: Drawn, flag: str) -> Message:
    """What one flag of an expense means, with the grant's own terms."""
    if flag == E.GrantFlag.OUTSIDE_CATEGORIES:
        cat = E.FundCategory(drawn.category) if drawn.category in _CATEGORIES else None
        return OUTSIDE(category=choice(cat) if cat else Both("未填写", "none"),
                       categories=[choice(E.FundCategory(c)) for c in use.categories])
    if flag == E.GrantFlag.BEFORE_PERIOD:
        return BEFORE(day=_day(use.period_from))
    if flag == E.GrantFlag.AFTER_PERIOD:
        return AFTER(day=_day(use.period_to))
    return OVER(spent=yuan(drawn.spent_to_date), amount=yuan(use.amount_fen))


def why(use: GrantUse, drawn: Drawn) -> Joined:
    """Every flag of an expense in words, run together."""
    return Joined(tuple(flag_text(use, drawn, f) for f in drawn.flags))


def expense_words(drawn: Drawn) -> Message:
    note = Both(f"（{drawn.note}）", f" ({drawn.note})") if drawn.note else ""
    return EXPENSE_LINE(day=_day(drawn.date), money=yuan(drawn.amount_fen), note=note)


def flagged_message(use: GrantUse, drawn: Drawn) -> Message:
    """The whole warning for an expense against its grant's terms (`laomo check`)."""
    return FLAGGED(studio=use.studio_name, expense=expense_words(drawn), grant=use.name,
                   why=why(use, drawn))


def grant_use(grant_uid: str) -> GrantUse:
    """The grant and every live expense drawn on it, by day (then by entry)."""
    with database.atomic():  # one consistent snapshot
        row = database.execute_sql(f"""
            SELECT g.id, g.uid, s.uid, s.name, g.name, g.body, g.doc_no, g.amount_fen,
                   g.received_on, g.categories, g.period_from, g.period_to, g.conditions
            FROM {GRANT} g JOIN {STUDIO} s ON s.id = g.studio_id
            WHERE g.uid = ? AND g.{M.LIVE}""", (grant_uid,)).fetchone()
        if row is None:
            raise LaomoError(NO_SUCH_GRANT)
        expenses = database.execute_sql(f"""
            SELECT t.uid, t.date, t.category, t.amount_fen, t.note, t.voucher_no,
                   {flags_sql("t")}
            FROM {FUND} t WHERE t.grant_id = ? AND t.{M.LIVE} AND t.direction = '{EXPENSE}'
            ORDER BY t.date, t.id""", (row[0],)).fetchall()
    drawn, total = [], 0
    for uid, day, cat, amount, note, voucher, flags in expenses:
        total += amount or 0
        drawn.append(Drawn(uid, day, cat, amount or 0, note or "", voucher or "",
                           tuple(c for c in (flags or "").split(",") if c), total))
    return GrantUse(row[1], row[2], row[3], row[4] or "", row[5] or "", row[6] or "",
                    row[7] or 0, row[8] or "",
                    tuple(c for c in (row[9] or "").split(",") if c in _CATEGORIES),
                    row[10], row[11], row[12] or "", tuple(drawn))


def grants_of(studio_uid: str) -> list[tuple[str, str]]:
    """(uid, name) of the studio's live grants, newest first."""
    return database.execute_sql(
        f"SELECT uid, name FROM {GRANT} WHERE {M.LIVE} AND studio_id = {M.studio_id_sql()} "
        "ORDER BY received_on DESC, id DESC", (studio_uid,)).fetchall()


def flagged_grants() -> Iterator[GrantUse]:
    """Every live grant of a live studio with an expense against its terms."""
    rows = database.execute_sql(f"""
        SELECT DISTINCT g.uid, s.name, g.name FROM {FUND} t
        JOIN {GRANT} g ON g.id = t.grant_id JOIN {STUDIO} s ON s.id = g.studio_id
        WHERE t.{M.LIVE} AND g.{M.LIVE} AND s.{M.LIVE} AND {flags_sql("t")} IS NOT NULL
        ORDER BY s.name, g.name""").fetchall()
    for uid, _studio, _name in rows:
        yield grant_use(uid)


# ---- the year's figures -----------------------------------------------------------------------

def received_sql(sid: str = ":sid") -> str:
    """The grants a studio (id `sid`, None: each studio, grouped) received in the period."""
    where = f"studio_id = {sid} AND " if sid else ""
    return (f"SELECT {'' if sid else 'studio_id, '}coalesce(sum(amount_fen), 0) FROM {GRANT} "
            f"WHERE {where}{M.LIVE} AND received_on {M.IN_YEAR}"
            + ("" if sid else " GROUP BY studio_id"))


def spent_sql(sid: str = ":sid") -> str:
    """The expenses dated in the period that a studio drew on its live grants."""
    where = f"t.studio_id = {sid} AND " if sid else ""
    every = "" if sid else f" INDEXED BY {figures_index('fund')}"  # every studio: the year's
    return (f"SELECT {'' if sid else 't.studio_id, '}coalesce(sum(t.amount_fen), 0) "
            f"FROM {FUND} t{every} JOIN {GRANT} g ON g.id = t.grant_id AND g.{M.LIVE} "
            f"WHERE {where}t.{M.LIVE} AND t.direction = '{EXPENSE}' AND t.date {M.IN_YEAR}"
            + ("" if sid else " GROUP BY t.studio_id"))
