"""Equipment: in use from purchase to disposal."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules, Span, before
from laomo_desktop.store import schema as S


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    before(kind, row, errors, "acquired_on", "disposed_on")


RULES = KindRules(validate=_validate, span=Span("acquired_on", ("disposed_on",)),
                  evidence_at_end=True, later={"disposed_on": ()})
