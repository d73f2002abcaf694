"""Rationalisation proposals (合理化建议): proposed by members, then 审核 → 采纳 → 实施 → 验收
(or not adopted at review), each stage with the day it was reached where that is known.

At a period's end a proposal stands at the furthest stage reached by then: a stage counts when
its day is on or before the end, or when no day was entered and the recorded status is that
stage or a later one (the ledger cannot place it, so it is never taken away). A proposal belongs
to the year of its own date (提出日期); the stats count, of a year's proposals, those adopted,
implemented and accepted by the year's end."""

from __future__ import annotations

from typing import Any

from laomo_desktop.ledger.kinds.base import FEN, Extra, KindRules, before, choice, label
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

P = E.ProposalStatus
CHAIN = (P.PROPOSED, P.REVIEWED, P.ADOPTED, P.IMPLEMENTED, P.ACCEPTED)
DAY_OF = {P.REVIEWED: "reviewed_on", P.ADOPTED: "adopted_on", P.IMPLEMENTED: "implemented_on",
          P.ACCEPTED: "accepted_on"}

NO_PROPOSER = Text("请至少选择一名“{field}”", 'Choose at least one of the "{field}"')
BEYOND_STATUS = Text("“{status}”为“{value}”的建议不能填写“{field}”",
                     'A proposal whose "{status}" is {value} cannot have "{field}" filled in')


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    if not children.get("proposers"):
        errors.setdefault("proposers", NO_PROPOSER(field=label(kind, "proposers")))
    order = ["date", *DAY_OF.values()]
    for i, later in enumerate(order[1:], start=1):
        earlier = next((f for f in reversed(order[:i]) if row.get(f)), None)
        if earlier:
            before(kind, row, errors, earlier, later)
    status = row.get("status")
    if status:
        reached = 1 if status == P.NOT_ADOPTED else CHAIN.index(P(status))
        for stage, field in DAY_OF.items():
            if row.get(field) and CHAIN.index(stage) > reached:
                errors.setdefault(field, BEYOND_STATUS(
                    status=label(kind, "status"), value=choice(P(status)),
                    field=label(kind, field)))


def _reached_sql(stage: P, a: str) -> str:
    later = ", ".join(f"'{s.value}'" for s in CHAIN[CHAIN.index(stage):])
    day = f"{a}.{DAY_OF[stage]}"
    return f"({day} <= :end OR ({day} IS NULL AND {a}.status IN ({later})))"


def rank_sql(a: str = "t") -> str:
    """The stage a proposal (alias `a`) had reached by the period's end (:end), as its place in
    CHAIN (0 提出 … 4 验收); -1 when it had been turned down by then."""
    cases = " ".join(f"WHEN {_reached_sql(s, a)} THEN {CHAIN.index(s)}"
                     for s in reversed(CHAIN[1:]))
    return (f"(CASE WHEN {a}.status = '{P.NOT_ADOPTED.value}' THEN "
            f"CASE WHEN {a}.reviewed_on IS NULL OR {a}.reviewed_on <= :end THEN -1 ELSE 0 END "
            f"{cases} ELSE 0 END)")


def status_then(record: dict, end: str) -> str:
    """The Python twin of rank_sql: the proposal's status code at `end` (ISO)."""
    status = record.get("status") or P.PROPOSED.value
    if status == P.NOT_ADOPTED:
        day = record.get("reviewed_on")
        return status if not day or day <= end else P.PROPOSED.value
    for stage in reversed(CHAIN[1:]):
        day = record.get(DAY_OF[stage])
        if (day and day <= end) or (not day and CHAIN.index(P(status)) >= CHAIN.index(stage)):
            return stage.value
    return P.PROPOSED.value


def _known_at_end(record: dict, out: dict, p: Any) -> None:
    out["status"] = status_then(record, p.end)


NAMES_JOIN = "、"  # how a cell lists several people, as Chinese forms do (data, not a message)
PROPOSERS = (f"(SELECT group_concat(m.name, '{NAMES_JOIN}') FROM "
             f"(SELECT c.member_id FROM proposal_proposer c WHERE c.parent_id = t.id "
             f"ORDER BY c.position) c JOIN {S.MEMBER.table} m ON m.id = c.member_id)")

RULES = KindRules(
    validate=_validate,
    extras=(Extra("proposer_names", "建议人", "Proposers", PROPOSERS),),
    later={field: () for field in DAY_OF.values()},
    known_at_end=_known_at_end,
    people_lists=frozenset({"proposers"}),
    section=Both("合理化建议", "Rationalisation proposals"),
    columns=("title", "date", "proposer_names", "status", "adopted_on", "amount_fen",
             "department"),
    totals=("title", (("amount_fen", FEN),)),
    count_words=("累计提出合理化建议", "Rationalisation proposals to date", "项"),
)
