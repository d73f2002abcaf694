"""One pre-import backup for a session of imports (a program run, one `laomo import` call).

A backup before every package cost seconds each at a province's size (the whole ledger copied
again for a package of a few kilobytes). What a backup must keep is the ledger as it was before
any import: packages imported after it can be imported again from their files. So a session
takes its backup before its first import and again only when the ledger was changed by anything
else since its last import (an edit, an Excel import, a conflict resolved, a restore): the
audit log's newest entry, which every change through the ledger's services writes, is then no
longer the one the session's last import left."""

from __future__ import annotations

from pathlib import Path

from laomo_desktop.store.models import database


def audit_mark() -> int:
    """The newest audit entry's id (0 for none): moves with every change to the ledger."""
    return database.execute_sql("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0]


class ImportSession:
    """Whether the next import needs a backup; `imported()` after each import that ended."""

    def __init__(self) -> None:
        self.backup: Path | None = None
        self._mark: int | None = None

    def needs_backup(self) -> bool:
        return (self.backup is None or not Path(self.backup).exists()
                or self._mark is None or audit_mark() != self._mark)

    def imported(self, backup: Path | None) -> None:
        """After an import (applied or not): its backup, if it took one, and where the ledger
        now stands."""
        if backup is not None:
            self.backup = Path(backup)
        self._mark = audit_mark()
