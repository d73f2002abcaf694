"""Results: a patent has a kind and, once granted, a grant date; contributors are members or
named outsiders; a grant, roll-out or award dated after a period is not yet known to it."""

from __future__ import annotations

from typing import Any

from laomo_desktop.ledger.kinds.base import Cited, Extra, KindRules, before, choice, label
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

PATENT_KIND = Text("{patent}类成果必须选择“{field}”", 'A result of type {patent} must have a "{field}"')
GRANT_DATE = Text("{granted}的专利必须填写“{field}”", 'A patent that is {granted} must have a "{field}"')
ONLY_PATENTS = Text("只有{type}为“{patent}”时才能填写“{kind}”和“{number}”",
                    '"{kind}" and "{number}" can be filled in only when "{type}" is "{patent}"')
MEMBER_OR_NAME = Text("“{field}”第 {line} 行：请选择本工作室成员，或填写外单位人员姓名（二选一）",
                      '"{field}", line {line}: choose a member of this studio or fill in the '
                      "name of someone from outside (one of the two)")

KIND = S.RESULT
_AWARD = ("award_name", "award_level", "award_grade", "award_year", "award_body")


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    patent = E.ResultType.PATENT
    if row.get("type") == patent:
        if not row.get("patent_kind"):
            errors.setdefault("patent_kind", PATENT_KIND(patent=choice(patent),
                                                         field=label(kind, "patent_kind")))
        granted = E.PatentStatus.GRANTED
        if row.get("patent_status") == granted and not row.get("patent_granted_on"):
            errors.setdefault("patent_granted_on", GRANT_DATE(
                granted=Both(granted.zh, granted.en.lower()),
                field=label(kind, "patent_granted_on")))
    elif row.get("patent_kind") or row.get("patent_no"):
        errors.setdefault("patent_kind", ONLY_PATENTS(
            type=label(kind, "type"), patent=choice(patent), kind=label(kind, "patent_kind"),
            number=label(kind, "patent_no")))
    before(kind, row, errors, "patent_filed_on", "patent_granted_on")
    contributors = kind.child("contributors")
    for i, c in enumerate(children.get(contributors.name, [])):
        if bool(c.get("member")) == bool(c.get("name")):
            errors[contributors.name] = MEMBER_OR_NAME(field=contributors, line=i + 1)
            break


def _known_at_end(record: dict, out: dict, p: Any) -> None:
    if out.get("patent_status") == E.PatentStatus.GRANTED and not out.get("patent_granted_on") \
            and record.get("patent_granted_on"):
        out["patent_status"] = E.PatentStatus.FILED.value
    if out.get("award_year") and out["award_year"] > p.year:
        out.update({f: None for f in _AWARD if f in out})


def _cite(rec: dict, title: str) -> Cited:
    return Cited(title, rec["date"] or "", (rec["title"],))


RULES = KindRules(
    cite=_cite,
    validate=_validate,
    extras=(
        Extra("first_author", "第一完成人", "First author",
              f"(SELECT coalesce((SELECT m.name FROM {S.MEMBER.table} m "
              f"WHERE m.id = c.member_id), c.name) FROM {KIND.child('contributors').table}"
              " c WHERE c.parent_id = t.id ORDER BY c.position LIMIT 1)"),
    ),
    later={"patent_granted_on": (), "applied_since": ("applied_where",)},
    known_at_end=_known_at_end,
    section=Both("创新成果", "Innovation results"),
    columns=("title", "type", "date", "first_author", "patent_kind", "patent_status",
             "award_name", "project"),
)
