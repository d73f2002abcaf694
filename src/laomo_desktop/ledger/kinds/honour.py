"""Honours: of the studio or of one of its members; nothing beyond the declaration but the
section that lists them."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules
from laomo_desktop.texts import Both

RULES = KindRules(
    section=Both("荣誉", "Honours"),
    columns=("name", "level", "year", "holder", "body"),
)
