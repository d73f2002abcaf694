"""Economic benefit: a year's saving or gain, summed in 万元 under its list."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import WAN, Cited, KindRules


def _cite(rec: dict, title: str) -> Cited:
    """By its basis, whole (the ledger's lists cut it at 40 characters)."""
    said = rec["basis"] or title
    return Cited(said, keys=(said,))


RULES = KindRules(
    cite=_cite,
    columns=("year", "result", "kind", "amount_fen", "basis", "certified_by"),
    totals=("year", (("amount_fen", WAN),)),
)
