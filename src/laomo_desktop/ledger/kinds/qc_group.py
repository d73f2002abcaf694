"""QC groups (QC 小组): registered for a year with a topic and members; the year's stage and
result. A group belongs to the statistics year it is registered for."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules, label
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

AWARD_WITHOUT_RESULT = Text("填写“{award}”前请先填写“{result}”",
                            'Fill in "{result}" before "{award}"')

MEMBERS = "(SELECT count(*) FROM qc_group_member c WHERE c.parent_id = t.id)"


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    for award in ("award_level", "award_grade"):
        if row.get(award) and not row.get("result"):
            errors.setdefault(award, AWARD_WITHOUT_RESULT(award=label(kind, award),
                                                          result=label(kind, "result")))


RULES = KindRules(
    validate=_validate,
    extras=(Extra("member_count", "小组人数", "Members", MEMBERS),),
    people_lists=frozenset({"members"}),
    section=Both("QC小组", "QC groups"),
    columns=("year", "name", "topic", "leader", "member_count", "stage", "result",
             "award_level"),
    count_words=("累计注册QC小组", "QC groups registered to date", "项"),
)
