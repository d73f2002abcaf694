"""Is the ledger file sound, lost, read-only, or surrounded by leftovers? Checked at opening.

Damage is looked for cheaply at every opening (the file's length against the page count its
header states) and thoroughly (SQLite's quick_check) after an unclean shutdown, which the
`ledger.session` marker reveals: it is written when a writer opens the ledger and removed when
it closes it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import readonly
from laomo_desktop.texts import Both, Joined, Text

SQLITE_MAGIC = b"SQLite format 3\x00"

CANNOT_READ = Text("无法读取：{why}", "cannot be read: {why}")
NOT_A_LEDGER = Both("文件开头不是台账数据库的格式", "the file does not begin like a ledger database")
BAD_HEADER = Both("文件头已损坏", "the file's header is damaged")
CUT_PAGE = Both("文件长度不完整（最后一页被截断）", "the file is incomplete (its last page is cut off)")
TRUNCATED = Text("文件被截断（应有 {pages} 页，只有 {have} 页）",
                 "the file is cut short ({pages} pages expected, only {have} present)")
DAMAGED = Text("台账文件“{path}”已损坏（{detail}）。程序没有改动它。请从备份恢复：图形界面会列出备份，"
               "命令行可用 laomo backups 查看、laomo restore 文件名 恢复（损坏的文件会原样移到 aside 文件夹，"
               "不会删除）。",
               "The ledger file “{path}” is damaged ({detail}). The program has not changed it. "
               "Please restore a backup: the window lists the backups; on the command line, "
               "laomo backups lists them and laomo restore FILE restores one (the damaged file "
               "is moved as it is to the folder “aside”, never deleted).")
LOST = Text("台账文件“{path}”{what}，但数据文件夹中有 {backups} 个备份：台账可能丢失了，"
            "这不是第一次使用。请从最新的备份恢复（laomo restore 文件名，或在图形界面中选择）。",
            "The ledger file “{path}” {what}, but the data folder holds {backups} backups: the "
            "ledger may have been lost; this is not its first use. Please restore the newest "
            "backup (laomo restore FILE, or choose it in the window).")
EMPTY_WHAT = Both("是空的（0 字节）", "is empty (0 bytes)")
GONE_WHAT = Both("不见了", "is missing")
EMPTY_DETAIL = Both("文件是空的（0 字节）", "the file is empty (0 bytes)")
GONE_DETAIL = Both("文件不见了", "the file is missing")
DISK_FULL = Text("磁盘已满（“{root}”所在的磁盘只剩 {kb} KB），无法打开台账。台账没有改动。请清理磁盘空间后再打开。",
                 "The disk is full (only {kb} KB left on the disk of “{root}”): the ledger "
                 "cannot be opened. It was not changed. Please free some disk space, then open "
                 "it again.")
DISK_FULL_PLAIN = Text("磁盘已满，无法打开台账。台账没有改动。请清理磁盘空间后再打开。",
                       "The disk is full: the ledger cannot be opened. It was not changed. "
                       "Please free some disk space, then open it again.")
CANNOT_USE = Text("无法读写数据文件夹中的“{where}”：{why}。台账没有改动。请检查文件夹的权限，或磁盘是否已拔出。",
                  "Cannot read or write “{where}” in the data folder: {why}. The ledger was not "
                  "changed. Please check the folder's permissions, or whether the disk was "
                  "removed.")
READ_ONLY = Text("台账是只读的（“{where}”不能写入），只能查看和打印，不能修改。"
                 "如需修改，请把数据文件夹复制到可写的位置，或请管理员开放写入权限。",
                 "The ledger is read-only (“{where}” cannot be written): it can be viewed and "
                 "printed, not changed. To change it, copy the data folder to a place that can "
                 "be written, or ask the administrator for permission to write.")
OUTSIDE_LINKS = Text("数据文件夹“{root}”中的 {names} 是指向文件夹之外的链接。为防止写到别处，"
                     "程序不会打开它。请删除这些链接，把真实的文件放回数据文件夹后再打开。",
                     "In the data folder “{root}”, {names} link to places outside the folder. "
                     "So that nothing is written elsewhere, the program will not open it. Please "
                     "remove these links and put the real files back in the data folder, then "
                     "open it again.")
QUOTED = Text("“{name}”", "“{name}”")


class LedgerProblem(LaomoError):
    """The ledger cannot be used as it is; the user chooses a backup (or, when it is lost,
    may start an empty ledger). `kind` is "damaged" or "lost"."""

    def __init__(self, kind: str, message: Any, detail: Any = ""):
        super().__init__(message)
        self.kind = kind
        self.detail = detail


def session_marker(paths: LedgerPaths) -> Path:
    return paths.session_marker


def was_unclean(paths: LedgerPaths) -> bool:
    return session_marker(paths).exists()


def begin_session(paths: LedgerPaths) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(session_marker(paths),
                     os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        os.close(fd)


def end_session(paths: LedgerPaths) -> None:
    with contextlib.suppress(OSError):
        session_marker(paths).unlink()


def header_problem(db_file: Path) -> Any:
    """A damage the file's first page and length show without reading the rest. While a
    journal holds frames (a checkpoint may have been cut short), the page count stated in the
    header may run ahead of the file: SQLite completes it from the journal, so it is only
    compared when there is no journal."""
    try:
        size = db_file.stat().st_size
        with open(db_file, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        return CANNOT_READ(why=exc.strerror or exc)
    if len(head) < 100 or head[:16] != SQLITE_MAGIC:
        return NOT_A_LEDGER
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return BAD_HEADER
    change, pages, valid_for = (struct.unpack(">I", head[24:28])[0],
                                struct.unpack(">I", head[28:32])[0],
                                struct.unpack(">I", head[92:96])[0])
    if size % page_size:
        return CUT_PAGE
    wal = db_file.with_name(db_file.name + "-wal")
    journal_pending = wal.exists() and wal.stat().st_size > 0
    if change == valid_for and pages and size // page_size < pages and not journal_pending:
        return TRUNCATED(pages=pages, have=size // page_size)
    return None


def quick_check(db_file: Path) -> Any:
    """SQLite's own check of every page, read-only; None when sound."""
    try:
        con = readonly.connect(db_file)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else Joined(tuple(rows))


def damaged(paths: LedgerPaths, detail: Any) -> LedgerProblem:
    return LedgerProblem("damaged", DAMAGED(path=paths.db, detail=detail), detail)


def lost(paths: LedgerPaths, backups: int, empty: bool) -> LedgerProblem:
    what = EMPTY_WHAT if empty else GONE_WHAT
    detail = EMPTY_DETAIL if empty else GONE_DETAIL
    return LedgerProblem("lost", LOST(path=paths.db, what=what, backups=backups), detail)


MIN_FREE_BYTES = 1 << 20


def disk_full(paths: LedgerPaths) -> Any:
    """The message for a disk too full to open the ledger (SQLite needs a little room for its
    working files even to read), or None."""
    import shutil

    try:
        free = shutil.disk_usage(paths.root).free
    except OSError:
        return None
    if free >= MIN_FREE_BYTES:
        return None
    return DISK_FULL(root=paths.root, kb=free // 1024)


def os_error_message(paths: LedgerPaths, exc: OSError) -> Any:
    """What to tell the user when the data folder could not be read or written at opening."""
    import errno

    if exc.errno == errno.ENOSPC:
        return disk_full(paths) or DISK_FULL_PLAIN
    where = exc.filename or paths.root
    return CANNOT_USE(where=where, why=exc.strerror or exc)


def folder_read_only(paths: LedgerPaths) -> bool:
    """Whether the ledger cannot be written where it is (read-only folder, file or disk)."""
    if paths.db.exists() and not os.access(paths.db, os.W_OK):
        return True
    return paths.root.exists() and not os.access(paths.root, os.W_OK)


def read_only_message(paths: LedgerPaths) -> Any:
    """Why the ledger can only be read (a texts.Message, worded when shown)."""
    where = paths.db if paths.db.exists() and not os.access(paths.db, os.W_OK) else paths.root
    return READ_ONLY(where=where)


def remove_partials(paths: LedgerPaths) -> int:
    """Remove `*.partial` files left by an interrupted backup, import or export. Only called
    by the lock's holder, so none of them is being written."""
    removed = 0
    for folder in paths.scratch_folders():
        if folder.is_symlink() or not folder.is_dir():
            continue
        for p in folder.glob("*.partial"):
            with contextlib.suppress(OSError):
                p.unlink()  # a symlink is removed itself; its target is not touched
                removed += 1
    return removed


def outside_links(paths: LedgerPaths) -> list[Path]:
    """Parts of the data folder that are links pointing outside it."""
    root = paths.root.resolve()
    found = []

    def check(entry: os.DirEntry) -> None:
        if entry.is_symlink():
            target = Path(os.path.realpath(entry.path))
            if target != root and root not in target.parents:
                found.append(Path(entry.path))

    def scan(folder: Path, depth: int) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for e in entries:
            check(e)
            if depth and e.is_dir(follow_symlinks=False):
                scan(Path(e.path), depth - 1)

    scan(paths.root, 2)  # the folder, its sub-folders, attachments/ab/<blob>
    return found


def refuse_outside_links(paths: LedgerPaths) -> None:
    links = outside_links(paths)
    if links:
        names = [QUOTED(name=p.relative_to(paths.root)) for p in links[:3]]
        raise LaomoError(OUTSIDE_LINKS(root=paths.root, names=names))
