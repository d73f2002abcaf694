"""Each record kind's behaviour, one module per kind that has any (store/schema.py declares
its shape). `rules(kind)` is what the generic code asks; a kind without a module of its own
behaves by its declaration alone.

To give a kind behaviour: write ledger/kinds/<kind name>.py with a module-level
`RULES = KindRules(...)` and import it below.
"""

from __future__ import annotations

from types import ModuleType

from laomo_desktop.ledger.kinds import (
    activity,
    attachment,
    equipment,
    fund,
    member,
    mentorship,
    plan,
    project,
    result,
    rule,
    studio,
)
from laomo_desktop.ledger.kinds.base import Extra, KindRules, OnePer, Span
from laomo_desktop.store import schema as S

__all__ = ["BY_KIND", "Extra", "KindRules", "OnePer", "Span", "rules", "spans"]

_MODULES: tuple[ModuleType, ...] = (
    activity, attachment, equipment, fund, member, mentorship, plan, project, result, rule, studio)
_NONE = KindRules()

BY_KIND: dict[str, KindRules] = {}
for _m in _MODULES:
    _name = _m.__name__.rsplit(".", 1)[1]
    assert _name in S.BY_NAME, f"ledger/kinds/{_name}.py names no declared kind"
    BY_KIND[_name] = _m.RULES


def rules(kind: S.Kind | str) -> KindRules:
    """The behaviour of `kind` (a declaration or its name)."""
    return BY_KIND.get(kind if isinstance(kind, str) else kind.name, _NONE)


def spans() -> dict[str, Span]:
    """Kind name -> Span of every standing kind (in declaration order)."""
    return {k.name: r.span for k in S.KINDS if (r := rules(k)).span is not None}
