"""Members: in the team from joining to leaving; one leader in the team at a time."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules, OnePer, Span, before, label
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

KIND = S.MEMBER

LEVEL_BEFORE_BIRTH = Text("“{levels}”中的{obtained}不能早于{birth}",
                          'In "{levels}", "{obtained}" cannot be earlier than "{birth}"')
ONE_LEADER = Text("每个工作室只能有一位“{role}”为领衔人的在职成员",
                  'A studio can have only one current member whose "{role}" is Leader')
HAS_LEADER = Text("本工作室已有领衔人“{name}”，每个工作室只能有一位“{role}”为领衔人的在职成员",
                  'This studio already has a leader, "{name}": a studio can have only one '
                  'current member whose "{role}" is Leader')


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "joined_on", "left_on")
    before(kind, row, errors, "birth_date", "joined_on")
    levels = kind.child("skill_levels")
    dates = [r["date"] for r in children.get(levels.name, [])]
    if row.get("birth_date") and any(d < row["birth_date"] for d in dates):
        obtained = levels.fields[[f.name for f in levels.fields].index("date")]
        errors[levels.name] = LEVEL_BEFORE_BIRTH(levels=levels, obtained=obtained,
                                                 birth=label(kind, "birth_date"))


_ROLE = label(KIND, "role")

RULES = KindRules(
    validate=_validate,
    constraints=(
        OnePer(KIND.name, "role", (("role", E.MemberRole.LEADER), ("left_on", None)), None,
               ONE_LEADER(role=_ROLE),
               lambda row, other: HAS_LEADER(name=other["name"], role=_ROLE)),
    ),
    defaults={"role": E.MemberRole.MEMBER},
    extras=(
        Extra("skill_level", "技能等级", "Skill level",
              f"(SELECT s.level FROM {KIND.child('skill_levels').table} s "
              "WHERE s.parent_id = t.id ORDER BY s.date DESC LIMIT 1)", choices=E.SkillLevel),
    ),
    span=Span("joined_on", ("left_on",)),
    evidence_at_end=True,
    later={"left_on": ()},
    picker_order="left_on IS NOT NULL, name",
    leader_first=True,
    section=Both("成员", "Members"),
    columns=("name", "role", "sex", "post", "title", "skill_level", "party_member", "joined_on",
             "left_on"),
    counted=False,  # members have figures of their own (in the team at the period's end)
)
