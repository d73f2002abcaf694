"""A studio's rules (制度): in force from adoption to repeal."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules, Span, before
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "adopted_on", "repealed_on")


RULES = KindRules(
    validate=_validate, span=Span("adopted_on", ("repealed_on",)), evidence_at_end=True,
    later={"repealed_on": ()},
    section=Both("制度", "Rules"),
    columns=("title", "category", "adopted_on", "repealed_on", "revision", "on_wall"),
    count_words=("年度末有效制度", "Rules in force at the year's end", "项"),
)
