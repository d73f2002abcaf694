"""Each record kind's behaviour, one module per kind (store/schema.py declares its shape).
`rules(kind)` is what the generic code asks; a kind without a module of its own would behave
by its declaration alone.

To give a kind behaviour: write ledger/kinds/<kind name>.py with a module-level
`RULES = KindRules(...)`. The modules are found by looking in this folder, so there is no list
to add it to (a frozen build collects every submodule, installer/laomo.spec).
"""

from __future__ import annotations

import importlib
import pkgutil

from laomo_desktop.ledger.kinds.base import Cited, Extra, KindRules, OnePer, Span
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

__all__ = ["BY_KIND", "Cited", "Extra", "KindRules", "OnePer", "Span", "columns", "discover", "rules",
           "section_kinds", "section_title", "spans"]

_NONE = KindRules()
_NOT_A_KIND = frozenset({"base"})
MAX_DEFAULT_COLUMNS = 8


def discover() -> dict[str, KindRules]:
    """Kind name -> the RULES of ledger/kinds/<kind name>.py, for every module in the folder.

    A module that names no declared kind, or declares no KindRules, is a mistake of whoever
    added it: it stops the program at start-up rather than being skipped without a word."""
    found: dict[str, KindRules] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _NOT_A_KIND or info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if info.name not in S.BY_NAME:
            raise LookupError(f"ledger/kinds/{info.name}.py names no declared kind")
        found[info.name] = getattr(module, "RULES", None)
        if not isinstance(found[info.name], KindRules):
            raise TypeError(f"ledger/kinds/{info.name}.py declares no RULES = KindRules(...)")
    return found


BY_KIND: dict[str, KindRules] = discover()


def rules(kind: S.Kind | str) -> KindRules:
    """The behaviour of `kind` (a declaration or its name)."""
    return BY_KIND.get(kind if isinstance(kind, str) else kind.name, _NONE)


def spans() -> dict[str, Span]:
    """Kind name -> Span of every standing kind (in declaration order)."""
    return {k.name: r.span for k in S.KINDS if (r := rules(k)).span is not None}


def section_kinds() -> list[S.Kind]:
    """The kinds the main window has a section for, in declaration order: every per-studio
    kind (the studio itself is edited through its profile)."""
    return [k for k in S.KINDS if k.per_studio]


def section_title(kind: S.Kind) -> Both:
    """The title of the kind's section, as declared with the kind or else its label/en."""
    return rules(kind).section or Both(kind.label, kind.en)


def columns(kind: S.Kind) -> tuple[str, ...]:
    """The columns the kind's section table shows, as declared with the kind or else its
    shown fields (long texts left out), at most MAX_DEFAULT_COLUMNS."""
    r = rules(kind)
    if r.columns:
        return r.columns
    shown = [f.name for f in kind.fields
             if f.name not in r.hidden_fields and f.type != S.LONGTEXT]
    return tuple(shown[:MAX_DEFAULT_COLUMNS])
