"""Recognising the ledger's own write-ahead log, so a `-wal` from another ledger is never merged.

SQLite applies whatever `ledger.sqlite3-wal` lies beside the file; it cannot tell whose it is.
So the ledger signs its log with its own content: every transaction that changes something also
rewrites the small `ledger_info` table (store.dbguard), whose only page holds the ledger's uid.
Every committed transaction in a log of this ledger therefore carries that page with this uid.
Before SQLite sees the files, the log is read: if its committed frames carry the page with the
uid that the main file holds, the log is this ledger's own (left by a crash: it holds committed
work and is applied). Otherwise — another ledger's uid, or no such page — it is moved aside
under a dated name and the ledger opens as it was at its last checkpoint.

Nothing is written to recognise the log later, so a crash at any moment leaves a log that is
recognised: there is no window between a write and its mark.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from datetime import datetime
from pathlib import Path

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs, readonly
from laomo_desktop.texts import Message, Text

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER, FRAME_HEADER = 32, 24


def wal_path(paths: LedgerPaths) -> Path:
    return paths.db.with_name(paths.db.name + "-wal")


def shm_path(paths: LedgerPaths) -> Path:
    return paths.db.with_name(paths.db.name + "-shm")


def aside_dir(paths: LedgerPaths) -> Path:
    """Where files that must not be used, but must not be deleted either, are kept."""
    return paths.aside


def identity_on_disk(db_file: Path) -> tuple[int, str] | None:
    """(page number of ledger_info, ledger uid) from the main file alone, ignoring any log;
    None for a ledger written before it had an identity."""
    try:
        con = readonly.connect(db_file, "immutable=1")
        try:
            page = con.execute("SELECT rootpage FROM sqlite_master "
                               "WHERE type = 'table' AND name = 'ledger_info'").fetchone()
            uid = con.execute("SELECT value FROM ledger_info WHERE key = 'ledger_uid'"
                              ).fetchone() if page else None
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return (page[0], uid[0]) if page and uid else None


def carries_identity(wal: Path, page: int, uid: str) -> bool | None:
    """Whether the log's committed frames carry the identity page with `uid` in it: True (this
    ledger's), False (another's, or a log without the page), None (nothing committed in it,
    so SQLite would apply nothing from it)."""
    try:
        with open(wal, "rb") as f:
            return _scan(f, page, uid)
    except OSError:
        return None


def _scan(f, page: int, uid: str) -> bool | None:
    head = f.read(WAL_HEADER)
    if len(head) < WAL_HEADER or struct.unpack(">I", head[:4])[0] not in WAL_MAGIC:
        return None  # no valid header: SQLite ignores the file's content
    page_size = struct.unpack(">I", head[8:12])[0]
    salts = head[16:24]
    offset, last_page, committed_page, committed = WAL_HEADER, None, None, False
    while True:
        f.seek(offset)
        frame = f.read(FRAME_HEADER)
        if len(frame) < FRAME_HEADER or frame[8:16] != salts:
            break  # the end, or frames of an earlier round of the log
        number, commit = struct.unpack(">II", frame[:8])
        if number == page:
            last_page = offset + FRAME_HEADER
        if commit:
            committed, committed_page = True, last_page
        offset += FRAME_HEADER + page_size
    if not committed:
        return None
    if committed_page is None:
        return False
    f.seek(committed_page)
    return uid.encode("ascii") in f.read(page_size)


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def move_aside(paths: LedgerPaths, files: list[Path], why: str) -> list[Path]:
    """Move files into aside/ under dated names, byte for byte (a rename, never a copy)."""
    target_dir = aside_dir(paths)
    target_dir.mkdir(exist_ok=True)
    moved = []
    when = stamp()
    for f in files:
        if not os.path.lexists(f):
            continue
        dest = target_dir / f"{f.name}.{when}.{why}"
        n = 1
        while os.path.lexists(dest):
            n += 1
            dest = target_dir / f"{f.name}.{when}-{n}.{why}"
        os.replace(f, dest)
        moved.append(dest)
    with contextlib.suppress(OSError):
        blobs.fsync_dir(target_dir)
        blobs.fsync_dir(paths.root)
    return moved


def foreign_wal(paths: LedgerPaths) -> bool:
    """Whether a log lies beside the ledger that is not its own (nothing is moved here)."""
    wal = wal_path(paths)
    if not wal.exists() or wal.stat().st_size == 0:
        return False
    identity = identity_on_disk(paths.db)
    if identity is None:
        # a ledger last written by a version without an identity: its log can only be its
        # own crash's, as before
        return False
    return carries_identity(wal, *identity) is False


FOREIGN_LEFT = Text("数据文件夹中的日志文件“{name}”不属于本台账，没有合并（文件夹是只读的，"
                    "没有移动它）；台账按上次保存点打开。",
                    "The journal file “{name}” in the data folder is not this ledger's: it was "
                    "not merged (the folder is read-only, so it was not moved); the ledger opens "
                    "as it was last saved.")
FOREIGN_MOVED = Text("数据文件夹中的日志文件“{name}”不属于本台账，没有合并，已原样移到“{where}”；"
                     "台账按上次保存点打开。",
                     "The journal file “{name}” in the data folder is not this ledger's: it was "
                     "not merged and was moved as it is to “{where}”; the ledger opens as it was "
                     "last saved.")


def foreign_notice(wal_name: str, where: Path | None) -> Message:
    """What to tell the user about a stranger's journal, worded when shown."""
    if where is None:
        return FOREIGN_LEFT(name=wal_name)
    return FOREIGN_MOVED(name=wal_name, where=where)


def check_wal(paths: LedgerPaths) -> Message | None:
    """Before SQLite opens the ledger (the caller holds the lock): set aside a log that is not
    this ledger's own. Returns the sentence to tell the user, or None when all is well."""
    if not foreign_wal(paths):
        return None
    wal = wal_path(paths)
    moved = move_aside(paths, [wal, shm_path(paths)], "foreign")
    return foreign_notice(wal.name, moved[0])
