"""Economic benefit: a year's saving or gain, summed in 万元 under its list."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import WAN, KindRules

RULES = KindRules(
    columns=("year", "result", "kind", "amount_fen", "basis", "certified_by"),
    totals=("year", (("amount_fen", WAN),)),
)
