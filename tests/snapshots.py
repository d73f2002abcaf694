"""Ledgers that tests fill the same way, filled once per run and copied for every later test.

Filling a ledger through the services costs about 0.2 s a record (validation, audit, one
signed transaction each), and many tests start from the same content: the sample ledger, the
validation tests' two studios. `reuse` runs a builder for real the first time, keeps a copy of
what it made (the database and the files it added to the data folder) and its return value,
and gives every later ledger in the same state the same content again in a few milliseconds.

It is keyed by what is built: the builder's name and the full content of the ledger it starts
from (every row of every table, the schema, the files of the data folder), so a ledger that
differs in anything gets a real build. Only the ledger's own identity is kept: each copy keeps
the uid it had (store.journal tells ledgers apart by it), as a real build would.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import database as D
from laomo_desktop.store.models import database

T = TypeVar("T")
# changed by every write or by opening: not part of what a builder starts from or makes
_VOLATILE_INFO = ("ledger_uid", "last_write")


@dataclass
class _Saved:
    db: Path             # a copy of the database as the builder left it
    files: Path          # the files the builder added to the data folder, in their places
    added: list[str]     # their paths relative to the data folder
    result: object       # what the builder returned


_saved: dict[tuple[str, str], _Saved] = {}
_store: Path | None = None


def reuse(name: str, paths: LedgerPaths, build: Callable[[], T]) -> T:
    """What `build()` returns, having filled the open ledger `paths`: by running it, or, when
    a builder of this `name` already ran on a ledger holding exactly what this one holds, by
    copying in what that run made (the return value is a fresh deep copy each time)."""
    if not _writable_here(paths):
        return build()
    key = (name, _state_of(paths))
    saved = _saved.get(key)
    if saved is not None:
        _restore(paths, saved)
        return copy.deepcopy(saved.result)
    before = set(_files(paths))
    result = build()
    if _writable_here(paths):  # the builder left this ledger open, as it found it
        _saved[key] = _save(paths, before, result, len(_saved))
    return result


def _writable_here(paths: LedgerPaths) -> bool:
    state = D.current()
    return (state is not None and state.writer and state.paths == paths
            and not database.is_closed() and not database.in_transaction())


def _files(paths: LedgerPaths) -> list[str]:
    """The data folder's files apart from the database, its journal and the lock."""
    skip = {paths.db, paths.lock}
    skip |= {paths.db.with_name(paths.db.name + s) for s in ("-wal", "-shm", "-journal")}
    return sorted(str(p.relative_to(paths.root)) for p in paths.root.rglob("*")
                  if p.is_file() and p not in skip)


def _state_of(paths: LedgerPaths) -> str:
    """A digest of everything in the ledger but its identity, and of its folder's files."""
    h = hashlib.sha256()
    con = database.connection()
    h.update(repr(con.execute("PRAGMA user_version").fetchone()).encode())
    tables = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
                         ).fetchall()
    for kind, table, sql in tables:
        h.update(repr((kind, table, sql)).encode())
        if kind != "table" or table.startswith("sqlite_"):
            continue
        rows = con.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
        if table == "ledger_info":
            rows = [r for r in rows if r[0] not in _VOLATILE_INFO]
        h.update(repr(rows).encode())
    for name in _files(paths):
        h.update(name.encode() + b"\0" + (paths.root / name).read_bytes())
    return h.hexdigest()


def _store_dir() -> Path:
    global _store
    if _store is None:
        _store = Path(tempfile.mkdtemp(prefix="laomo-test-ledgers-"))
        atexit.register(shutil.rmtree, _store, True)
    return _store


def _save(paths: LedgerPaths, before: set[str], result: object, n: int) -> _Saved:
    here = _store_dir() / str(n)
    files = here / "files"
    files.mkdir(parents=True)
    db = here / "ledger.sqlite3"
    target = sqlite3.connect(db)
    try:
        database.connection().backup(target)
    finally:
        target.close()
    added = [name for name in _files(paths) if name not in before]
    for name in added:
        (files / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.root / name, files / name)
    return _Saved(db, files, added, copy.deepcopy(result))


def _restore(paths: LedgerPaths, saved: _Saved) -> None:
    con = database.connection()
    uid = con.execute("SELECT value FROM ledger_info WHERE key = 'ledger_uid'").fetchall()[0][0]
    source = sqlite3.connect(saved.db)
    try:
        source.backup(con)
    finally:
        source.close()
    with database.atomic():  # the copy is this ledger's, as its own build would have been
        database.execute_sql("UPDATE ledger_info SET value = ? WHERE key = 'ledger_uid'",
                             (uid,))
    for name in saved.added:
        (paths.root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(saved.files / name, paths.root / name)
