"""Alliances (联盟): the studio's record of an alliance of studios it belongs to or leads — its
role, the member studios, a plan for each year (joint projects, tasks). Projects and fund
entries are tied to an alliance by referring to it: those are its joint projects and its funds.

An alliance counts from the day the studio joined (or, not known, always) until the day it
left, that day no longer included: as of a period's end, like a rule or a piece of equipment."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import FEN, Cited, Extra, KindRules, Span, before
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

_PROJECT, _FUND = S.kind("project"), S.kind("fund")
INCOME, EXPENSE = E.FundDirection.INCOME.value, E.FundDirection.EXPENSE.value
MEMBERS = "(SELECT count(*) FROM alliance_member c WHERE c.parent_id = t.id)"


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "joined_on", "left_on")


def projects_sql(a: str) -> str:
    """The live projects tied to alliance `a` (alias)."""
    return (f'(SELECT count(*) FROM "{_PROJECT.table}" x '
            f"WHERE x.alliance_id = {a}.id AND x.deleted_at IS NULL)")


def funds_sql(a: str, direction: str) -> str:
    """The live fund entries of `direction` tied to alliance `a` (alias), in fen."""
    return (f'(SELECT coalesce(sum(x.amount_fen), 0) FROM "{_FUND.table}" x '
            f"WHERE x.alliance_id = {a}.id AND x.deleted_at IS NULL "
            f"AND x.direction = '{direction}')")


def _cite(rec: dict, title: str) -> Cited:
    return Cited(rec.get("name") or title, rec.get("joined_on") or "")


RULES = KindRules(
    validate=_validate,
    cite=_cite,
    span=Span("joined_on", ("left_on",)),
    later={"left_on": ()},
    section=Both("创新联盟", "Alliances"),
    columns=("name", "role", "lead_studio", "member_count", "joint_projects", "funds_in_fen",
             "funds_out_fen", "funds_left_fen"),
    extras=(
        Extra("member_count", "成员工作室数", "Member studios", MEMBERS),
        Extra("joint_projects", "联合项目", "Joint projects", projects_sql("t")),
        Extra("funds_in_fen", "联盟经费收入", "Funds received", funds_sql("t", INCOME),
              type=S.MONEY),
        Extra("funds_out_fen", "联盟经费支出", "Funds spent", funds_sql("t", EXPENSE),
              type=S.MONEY),
        Extra("funds_left_fen", "联盟经费结余", "Funds left",
              f"({funds_sql('t', INCOME)} - {funds_sql('t', EXPENSE)})", type=S.MONEY),
    ),
    totals=("name", (("funds_in_fen", FEN), ("funds_out_fen", FEN), ("funds_left_fen", FEN))),
    counted=False,  # the year's figures count alliances joined and led (ledger/alliances.py)
)
