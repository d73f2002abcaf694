"""Grants (补助资金): a sum from a named body, to be spent on set categories within a period.

Fund entries (expenses) are drawn on a grant by referring to it. What is wrong with such an
expense — a category the grant may not be spent on, a day outside its period, the running total
beyond its amount — is stated once here as SQL over a fund entry (`flags_sql`): the fund list
shows it, `laomo check` reports it and the grant's use report prints it. It never stops a
secretary from saving: the grant's terms are the union's to judge, the ledger only says so."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import FEN, Cited, Extra, KindRules, before, label
from laomo_desktop.ledger.money import yuan
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

ABOVE_ZERO = Text("“{field}”必须大于 0", '"{field}" must be more than 0')

_GRANT, _FUND = S.kind("grant"), S.kind("fund")
EXPENSE = E.FundDirection.EXPENSE.value
F = E.GrantFlag


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    if row.get("amount_fen") == 0:
        errors.setdefault("amount_fen", ABOVE_ZERO(field=label(kind, "amount_fen")))
    before(kind, row, errors, "period_from", "period_to")


def spent_before_sql(f: str, g: str) -> str:
    """What the expenses drawn on grant `g` (alias) came to up to and including fund entry `f`
    (alias): the live expenses on it ordered by day, then by entry."""
    return (f'(SELECT coalesce(sum(x.amount_fen), 0) FROM "{_FUND.table}" x '
            f"WHERE x.grant_id = {g}.id AND x.deleted_at IS NULL AND x.direction = '{EXPENSE}' "
            f"AND (x.date < {f}.date OR (x.date = {f}.date AND x.id <= {f}.id)))")


def flags_sql(f: str) -> str:
    """The E.GrantFlag codes of fund entry `f` (alias), comma-separated; NULL for an entry
    that is not an expense drawn on a grant, or one the grant allows."""
    g = "g_" + f
    parts = (
        (F.OUTSIDE_CATEGORIES, f"coalesce({g}.categories, '') != '' AND instr(',' || "
                               f"{g}.categories || ',', ',' || coalesce({f}.category, '') "
                               f"|| ',') = 0"),
        (F.BEFORE_PERIOD, f"{g}.period_from IS NOT NULL AND {f}.date < {g}.period_from"),
        (F.AFTER_PERIOD, f"{g}.period_to IS NOT NULL AND {f}.date > {g}.period_to"),
        (F.OVER_AMOUNT, f"{spent_before_sql(f, g)} > {g}.amount_fen"),
    )
    codes = " || ".join(f"CASE WHEN {cond} THEN '{flag.value},' ELSE '' END"
                        for flag, cond in parts)
    return (f"(CASE WHEN {f}.grant_id IS NOT NULL AND {f}.direction = '{EXPENSE}' THEN "
            f"(SELECT nullif(rtrim({codes}, ','), '') FROM \"{_GRANT.table}\" {g} "
            f"WHERE {g}.id = {f}.grant_id) END)")


def spent_sql(g: str) -> str:
    """The live expenses drawn on grant `g` (alias), in fen."""
    return (f'(SELECT coalesce(sum(x.amount_fen), 0) FROM "{_FUND.table}" x '
            f"WHERE x.grant_id = {g}.id AND x.deleted_at IS NULL AND x.direction = '{EXPENSE}')")


# how the documents word a grant where they cite it (the packet's evidence index)
CITED = "{name} {money} 元"


def _cite(rec: dict, title: str) -> Cited:
    money = yuan(rec["amount_fen"]) if rec.get("amount_fen") is not None else ""
    return Cited(CITED.format(name=rec.get("name") or title, money=money),
                 rec.get("received_on") or "", (money,) if money else ())


RULES = KindRules(
    validate=_validate,
    cite=_cite,
    section=Both("补助资金", "Grants"),
    columns=("name", "body", "doc_no", "amount_fen", "received_on", "spent_fen", "left_fen",
             "period_to"),
    extras=(
        Extra("spent_fen", "已列支", "Spent", spent_sql("t"), type=S.MONEY),
        Extra("left_fen", "结余", "Left", f"(t.amount_fen - {spent_sql('t')})", type=S.MONEY),
    ),
    totals=("name", (("amount_fen", FEN), ("spent_fen", FEN), ("left_fen", FEN))),
    count_words=("累计获得补助资金", "Grants received to date", "项"),
)
