"""Results: a patent has a kind and, once granted, a grant date; contributors are members or
named outsiders; a grant, roll-out or award dated after a period is not yet known to it."""

from __future__ import annotations

from typing import Any

from laomo_desktop.ledger.kinds.base import Extra, KindRules, before, label, q
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

KIND = S.RESULT
_AWARD = ("award_name", "award_level", "award_grade", "award_year", "award_body")


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    patent = E.ResultType.PATENT
    if row.get("type") == patent:
        if not row.get("patent_kind"):
            errors.setdefault("patent_kind",
                              f"{patent.zh}类成果必须选择{q(label(kind, 'patent_kind'))}")
        if row.get("patent_status") == E.PatentStatus.GRANTED and not row.get("patent_granted_on"):
            errors.setdefault("patent_granted_on", f"{E.PatentStatus.GRANTED.zh}的专利必须填写"
                                                   f"{q(label(kind, 'patent_granted_on'))}")
    elif row.get("patent_kind") or row.get("patent_no"):
        errors.setdefault("patent_kind", f"只有{label(kind, 'type')}为{q(patent.zh)}时才能填写"
                                         f"{q(label(kind, 'patent_kind'))}和"
                                         f"{q(label(kind, 'patent_no'))}")
    before(kind, row, errors, "patent_filed_on", "patent_granted_on")
    contributors = kind.child("contributors")
    for i, c in enumerate(children.get(contributors.name, [])):
        if bool(c.get("member")) == bool(c.get("name")):
            errors[contributors.name] = (
                f"{q(contributors.label)}第 {i + 1} 行：请选择本工作室成员，或填写外单位人员姓名（二选一）")
            break


def _known_at_end(record: dict, out: dict, p: Any) -> None:
    if out.get("patent_status") == E.PatentStatus.GRANTED and not out.get("patent_granted_on") \
            and record.get("patent_granted_on"):
        out["patent_status"] = E.PatentStatus.FILED.value
    if out.get("award_year") and out["award_year"] > p.year:
        out.update({f: None for f in _AWARD if f in out})


RULES = KindRules(
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
