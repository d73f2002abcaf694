"""Whether the ledger was written since a moment: what lets a figure be kept until then.

SQLite counts both ways a ledger changes: `total_changes()` of this thread's connection (its own
writes, committed or not) and `PRAGMA data_version`, which moves whenever another connection
(another thread's, another program's) commits. With the connection itself, reopened or restored
ledgers included, they make a stamp that is equal only while nothing was written."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from laomo_desktop.store.models import database


class Stamp(tuple):
    """(connection, data_version, total_changes); compared by the connection's identity."""

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Stamp) and self[0] is other[0]
                and self[1:] == other[1:])

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]


def stamp() -> Stamp:
    """The ledger's change stamp for this thread's connection."""
    con = database.connection()
    version = con.execute("PRAGMA data_version").fetchone()[0]
    return Stamp((con, version, con.total_changes))


class UntilChanged:
    """One value per key, computed again once the ledger was written (or another key asked):
    `cache.get(key, compute)`. The value is shared: callers must not change it."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._stamp: Stamp | None = None
        self._value: Any = None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        now = stamp()
        if self._stamp is not None and self._key == key and self._stamp == now:
            return self._value
        value = compute()  # a commit by another connection meanwhile: computed again next time
        self._key, self._stamp, self._value = key, now, value
        return value

    def clear(self) -> None:
        self._key = self._stamp = self._value = None
