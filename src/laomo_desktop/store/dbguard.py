"""The ledger's database object: SQLite failures a user can meet become messages they can read.

A full disk makes SQLite roll the transaction back by itself; peewee's own rollback then fails
with "cannot rollback - no transaction is active", hiding the cause. Here the rollback knows
that, and a full disk, a read-only folder, an I/O error or a damaged file each become one
LaomoError that says what happened and that the ledger was not changed. The object also signs
every transaction that changes something with the ledger's identity page (see store.journal).
"""

from __future__ import annotations

import sqlite3
from typing import Any

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.texts import Text

DISK_FULL = Text("磁盘已满，这次的修改没有保存，台账没有改动。请清理磁盘空间后再试。",
                 "The disk is full: this change was not saved and the ledger was not changed. "
                 "Please free some disk space and try again.")
IO_ERROR = Text("读写磁盘时出错，这次的修改没有保存，台账没有改动。请检查磁盘或U盘是否已拔出。",
                "The disk could not be read or written: this change was not saved and the "
                "ledger was not changed. Please check whether the disk or USB drive was removed.")
DAMAGED = Text("台账文件已损坏，这次的操作没有完成。请关闭程序后重新打开：程序会检查台账，"
               "并帮助您从备份恢复。",
               "The ledger file is damaged: this operation was not completed. Please close the "
               "program and open it again: it will check the ledger and help you restore a "
               "backup.")
READ_ONLY = Text("台账文件是只读的，不能修改。", "The ledger file is read-only and cannot be changed.")


class ReadOnlyLedger(LaomoError):
    """A change was asked of a ledger opened for reading only."""


def translate(exc: BaseException, read_only_message: Any = None) -> LaomoError | None:
    """The user's message for an SQLite failure, or None when it is not one they can cause."""
    if isinstance(exc, LaomoError) or not isinstance(exc, sqlite3.Error | pw.PeeweeException):
        return None
    text = str(exc).lower()
    if "disk is full" in text:
        return LaomoError(DISK_FULL)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyLedger(read_only_message or READ_ONLY)
    if "disk i/o error" in text:
        return LaomoError(IO_ERROR)
    if "malformed" in text or "not a database" in text:
        return LaomoError(DAMAGED)
    return None


class _GuardedAtomic:
    def __init__(self, inner, db: LedgerDatabase):
        self.inner = inner
        self.db = db

    def __enter__(self):
        return self.inner.__enter__()

    def __exit__(self, exc_type, exc_val, exc_tb):
        try:
            suppressed = self.inner.__exit__(exc_type, exc_val, exc_tb)
        except Exception as exc:
            mapped = translate(exc, self.db.read_only_message)
            if mapped is not None:
                raise mapped from exc
            raise
        if exc_val is not None:
            mapped = translate(exc_val, self.db.read_only_message)
            if mapped is not None:
                raise mapped from exc_val
        return suppressed



class LedgerDatabase(pw.SqliteDatabase):
    """SqliteDatabase with readable failures, a read-only mode and the ledger's checkpoints."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read_only_message: Any = None  # a texts.Message: why it cannot be changed
        self.sign_writes = False  # the ledger has its identity table (store.journal)

    @property
    def read_only(self) -> bool:
        return self.read_only_message is not None

    def atomic(self, *args, **kwargs):
        return _GuardedAtomic(super().atomic(*args, **kwargs), self)

    def begin(self, lock_type=None):
        # read-only: a read transaction (one consistent snapshot); a write inside it fails
        # with SQLite's "readonly database", which becomes the read-only message
        super().begin("DEFERRED" if self.read_only else lock_type)
        self._state.changes_at_begin = self._state.conn.total_changes

    def rollback(self):
        if not self.is_closed() and not self._state.conn.in_transaction:
            return  # SQLite already rolled back (a full disk, an I/O error): nothing to undo
        super().rollback()

    def execute_sql(self, sql, params=None, *args, **kwargs):
        if self.sign_writes and not self.in_transaction() and _writes(sql):
            with self.atomic():  # so that it is signed like every other change
                return self.execute_sql(sql, params, *args, **kwargs)
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except (sqlite3.Error, pw.PeeweeException) as exc:
            mapped = translate(exc, self.read_only_message)
            if mapped is not None:
                raise mapped from exc
            raise

    def commit(self):
        conn = self._state.conn
        if (self.sign_writes and conn is not None and conn.in_transaction
                and conn.total_changes != getattr(self._state, "changes_at_begin", None)):
            # the identity page goes into the journal with every change (store.journal)
            conn.execute("INSERT OR REPLACE INTO ledger_info (key, value) "
                         "VALUES ('last_write', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
        super().commit()


def _writes(sql: str) -> bool:
    return sql.lstrip()[:7].upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
