"""Equipment: in use from purchase to disposal."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import COUNT, FEN, KindRules, Span, before
from laomo_desktop.store import schema as S


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "acquired_on", "disposed_on")


RULES = KindRules(
    validate=_validate, span=Span("acquired_on", ("disposed_on",)), evidence_at_end=True,
    later={"disposed_on": ()},
    columns=("name", "quantity", "value_fen", "acquired_on", "disposed_on", "funding_source"),
    totals=("name", (("quantity", COUNT), ("value_fen", FEN))),
    count_words=("年度末在用设备设施", "Equipment in use at the year's end", "项"),
)
