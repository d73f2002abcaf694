"""Recognising the ledger's own write-ahead log, so a `-wal` from another ledger is never merged.

SQLite applies whatever `ledger.sqlite3-wal` lies beside the file; it cannot tell whose it is.
A WAL header carries two salts that SQLite draws afresh each time it restarts the log. The
ledger restarts its log only at its own checkpoints (automatic checkpoints are off), and right
after each one writes a small marker transaction and records the log's salts, with the ledger's
own uid, in `ledger.walmark`. At the next open, before SQLite sees the files, a log whose salts
and ledger uid match the mark is this ledger's own (left by a crash: it holds committed work and
is applied); any other is moved aside under a dated name and the ledger opens as it was at its
last checkpoint.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import uuid
from datetime import datetime
from pathlib import Path

import peewee as pw

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs

WAL_MAGIC = (0x377F0682, 0x377F0683)
CHECKPOINT_BYTES = 16 << 20  # checkpoint (and restart the log) once it grows past this


def wal_path(paths: LedgerPaths) -> Path:
    return paths.db.with_name(paths.db.name + "-wal")


def shm_path(paths: LedgerPaths) -> Path:
    return paths.db.with_name(paths.db.name + "-shm")


def mark_path(paths: LedgerPaths) -> Path:
    return paths.root / "ledger.walmark"


def aside_dir(paths: LedgerPaths) -> Path:
    """Where files that must not be used, but must not be deleted either, are kept."""
    return paths.root / "aside"


def wal_salts(wal: Path) -> tuple[int, int] | None:
    """The salts of a WAL file's header, or None when it has no valid header (SQLite then
    ignores the file's content)."""
    try:
        with open(wal, "rb") as f:
            head = f.read(32)
    except OSError:
        return None
    if len(head) < 32 or struct.unpack(">I", head[:4])[0] not in WAL_MAGIC:
        return None
    return struct.unpack(">II", head[16:24])


def ledger_uid_on_disk(db_file: Path) -> str | None:
    """The ledger uid stored in the main file itself, read without looking at any WAL."""
    try:
        con = sqlite3.connect(f"{db_file.resolve().as_uri()}?immutable=1", uri=True)
        try:
            row = con.execute("SELECT value FROM ledger_info WHERE key = 'ledger_uid'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _read_mark(paths: LedgerPaths) -> dict | None:
    try:
        data = json.loads(mark_path(paths).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


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


def check_wal(paths: LedgerPaths) -> str | None:
    """Before SQLite opens the ledger (the caller holds the lock): set aside a log that is not
    this ledger's own. Returns the sentence to tell the user, or None when all is well."""
    wal = wal_path(paths)
    if not wal.exists() or wal.stat().st_size == 0:
        return None
    salts = wal_salts(wal)
    if salts is None:
        return None
    on_disk = ledger_uid_on_disk(paths.db)
    if on_disk is None:
        # a ledger last written by a version that did not mark its log: the log can only
        # be its own crash's, as before
        return None
    mark = _read_mark(paths)
    if mark and mark.get("ledger_uid") == on_disk and tuple(mark.get("salts", ())) == salts:
        return None
    moved = move_aside(paths, [wal, shm_path(paths)], "foreign")
    return (f"数据文件夹中的日志文件“{wal.name}”不属于本台账，没有合并，已原样移到"
            f"“{moved[0]}”；台账按上次保存点打开。")


def ensure_identity(db: pw.Database) -> str:
    row = db.execute_sql("SELECT value FROM ledger_info WHERE key = 'ledger_uid'").fetchone()
    if row:
        return row[0]
    uid = str(uuid.uuid4())
    with db.atomic():
        db.execute_sql("INSERT INTO ledger_info (key, value) VALUES ('ledger_uid', ?)", (uid,))
    return uid


def checkpoint_and_mark(db: pw.Database, paths: LedgerPaths) -> None:
    """Checkpoint, let a marker transaction restart the log, and record the log's salts."""
    ledger_uid = ensure_identity(db)
    db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    with db.atomic():
        db.execute_sql("INSERT OR REPLACE INTO ledger_info (key, value) VALUES ('wal_mark', ?)",
                       (uuid.uuid4().hex,))
    salts = wal_salts(wal_path(paths))
    if salts is None:
        return
    mark = mark_path(paths)
    tmp = mark.with_name(mark.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"ledger_uid": ledger_uid, "salts": list(salts)}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, mark)
    blobs.fsync_dir(paths.root)


def wal_size(paths: LedgerPaths) -> int:
    try:
        return wal_path(paths).stat().st_size
    except OSError:
        return 0
