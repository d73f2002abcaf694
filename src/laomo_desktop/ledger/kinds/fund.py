"""Fund entries: an amount above zero; income names its source, an expense its category."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Cited, Extra, KindRules, label
from laomo_desktop.ledger.kinds.grant import flags_sql
from laomo_desktop.ledger.money import yuan
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

ABOVE_ZERO = Text("“{field}”必须大于 0", '"{field}" must be more than 0')
MUST_CHOOSE = Text("{direction}必须选择“{field}”", 'An {direction} entry must have a "{field}"')


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    if row.get("amount_fen") == 0:
        errors.setdefault("amount_fen", ABOVE_ZERO(field=label(kind, "amount_fen")))
    income, expense = E.FundDirection.INCOME, E.FundDirection.EXPENSE
    if row.get("direction") == income and not row.get("source"):
        errors.setdefault("source", MUST_CHOOSE(direction=_lower(income),
                                                field=label(kind, "source")))
    if row.get("direction") == expense and not row.get("category"):
        errors.setdefault("category", MUST_CHOOSE(direction=_lower(expense),
                                                  field=label(kind, "category")))


def _lower(direction: E.FundDirection) -> Both:
    """"Income"/"Expense" as the middle of an English sentence says it."""
    return Both(direction.zh, direction.en.lower())


# how the Chinese documents word a fund line where they cite it (the packet's evidence index)
CITED_LINE = "{direction} {money} 元"
CITED_WHAT = "（{}）"


def _cite(rec: dict, title: str) -> Cited:
    """As a ledger line reads: "收入 30,000.00 元（工会拨款） note", found by its day and amount."""
    money = yuan(rec["amount_fen"])
    what = (E.FundSource.label(rec["source"]) if rec.get("source") else
            E.FundCategory.label(rec["category"]) if rec.get("category") else "")
    said = (CITED_LINE.format(direction=E.FundDirection.label(rec["direction"]), money=money)
            + (CITED_WHAT.format(what) if what else "") + (f" {rec['note']}" if rec.get("note") else ""))
    return Cited(said, rec["date"] or "", (money,), date_is_key=True)


RULES = KindRules(
    cite=_cite,
    validate=_validate,
    section=Both("经费", "Funds"),
    columns=("date", "direction", "source", "category", "amount_fen", "note", "grant",
             "grant_flags", "voucher_no"),
    balance=("direction", "amount_fen"),
    # an expense drawn on a grant against the grant's terms (ledger/kinds/grant.py)
    extras=(Extra("grant_flags", "补助资金提示", "Grant warnings", flags_sql("t"),
                  choices=E.GrantFlag),),
)
