"""Backups of the ledger file with SQLite's online backup API, their rotation, and restore.

Attachment blobs are immutable and shared: a blob is removed only when neither the ledger nor
any kept backup refers to it, so restoring any kept backup finds every file it names.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs, migrations, readonly
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Text, worded
from laomo_desktop.work import Cancelled, Job, Progress, result_of

NAME_RE = re.compile(r"^ledger-(\d{8})-(\d{6})-(\d{6})-([a-z-]+)\.sqlite3$")
REASONS = {
    "auto": Both("自动备份", "Automatic backup"),
    "manual": Both("手动备份", "Manual backup"),
    "pre-migration": Both("升级前备份", "Before an upgrade"),
    "pre-restore": Both("恢复前备份", "Before a restore"),
    "pre-import": Both("导入前备份", "Before an import"),
}
NOT_VERIFIED = Text("备份文件校验未通过（{result}），未保留此备份。",
                    "The backup file failed its check ({result}); this backup was not kept.")
BACKUP_FAILED = Text("备份失败：{why}。台账本身没有改动。",
                     "The backup failed: {why}. The ledger itself was not changed.")
NO_BACKUP_FILE = Text("找不到备份文件“{path}”。", "The backup file “{path}” cannot be found.")
BACKUP_DAMAGED_AS = Text("备份文件“{name}”已损坏（{why}），不能用于恢复。",
                         "The backup file “{name}” is damaged ({why}) and cannot be restored.")
BACKUP_DAMAGED = Text("备份文件“{name}”已损坏或不完整，不能用于恢复。",
                      "The backup file “{name}” is damaged or incomplete and cannot be restored.")
RESTORE_FAILED = Text("恢复失败：{why}。恢复前的台账已备份为“{name}”。",
                      "The restore failed: {why}. The ledger as it was before the restore is "
                      "backed up as “{name}”.")
RESTORE_OVER_FAILED = Text("恢复失败：{why}。台账文件没有改动{kept}。",
                           "The restore failed: {why}. The ledger file was not changed{kept}.")
JOURNAL_MOVED = Text("；日志文件已移到 {where}", "; its journal files were moved to {where}")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    reason: str

    @property
    def reason_label(self) -> str:
        """Why it was made, in the language the user chose."""
        return worded(REASONS.get(self.reason, self.reason))


def _name(now: datetime, reason: str) -> str:
    return f"ledger-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite3"


PAGES = 256  # database pages copied a step: a step of a 1 GB ledger is 1/1000 of it
COPYING = Text("正在复制台账", "Copying the ledger")
VERIFYING = Text("正在校验备份", "Verifying the backup")
RESTORING = Text("正在恢复台账", "Restoring the ledger")


def copy_steps(open_source: Callable[[], sqlite3.Connection], target: sqlite3.Connection,
               text: Text) -> Job[None]:
    """SQLite's online backup of `open_source()` into `target`, PAGES pages a step, as a job.

    sqlite3's backup() runs every step in one call and reports through a callback, so the call
    runs on a helper thread that waits after each step until the job is resumed: the job yields
    a Progress per step and, stopped there (Cancel), makes the callback raise, which aborts the
    copy and rolls back the target's write transaction. The last step (the copy complete and
    committed) is not a point to stop at."""
    steps: queue.SimpleQueue = queue.SimpleQueue()
    resume: queue.SimpleQueue = queue.SimpleQueue()

    def progress(_status: int, remaining: int, total: int) -> None:
        if remaining == 0:
            return
        steps.put((total - remaining, total))
        if not resume.get():
            raise Cancelled()

    def run() -> None:
        try:
            source = open_source()
            try:
                source.backup(target, pages=PAGES, progress=progress)
            finally:
                source.close()
        except BaseException as exc:  # handed to the job, which raises it
            steps.put(exc)
        else:
            steps.put(None)

    helper = threading.Thread(target=run, name="ledger-copy", daemon=True)
    helper.start()
    waiting = False
    try:
        while (step := steps.get()) is not None:
            if isinstance(step, BaseException):
                raise step
            waiting = True
            yield Progress(step[0], step[1], str(text))
            waiting = False
            resume.put(True)
    finally:
        if waiting:
            resume.put(False)
        helper.join()


def _open_ledger_copy_source() -> sqlite3.Connection:
    """A connection of the helper thread to the open ledger, as the ledger was opened."""
    return sqlite3.connect(database.database, timeout=10, **database.connect_params)


def take_backup(paths: LedgerPaths, reason: str = "manual",
                now: datetime | None = None) -> BackupInfo:
    """Copy the open ledger into backups/, verified with quick_check before it is kept."""
    return result_of(take_backup_steps(paths, reason, now))


def take_backup_steps(paths: LedgerPaths, reason: str = "manual",
                      now: datetime | None = None) -> Job[BackupInfo]:
    """take_backup as a job: a step per PAGES pages copied, then the check. Stopped (or failed)
    at any step, the partial file is removed: no backup is left half made."""
    now = now or datetime.now(UTC)
    dest = paths.backups / _name(now, reason)
    tmp = dest.with_name(dest.name + ".partial")
    try:
        paths.backups.mkdir(parents=True, exist_ok=True)
        blobs.create_exclusive(tmp)  # never through a link planted under this name
        out = sqlite3.connect(tmp)
        try:
            yield from copy_steps(_open_ledger_copy_source, out, COPYING)
            yield Progress(1, 2, str(VERIFYING))
            out.execute("PRAGMA journal_mode=DELETE")
            ok = out.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            out.close()
        if ok != "ok":
            raise LaomoError(NOT_VERIFIED(result=ok))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        yield Progress(2, 2, str(VERIFYING))
        os.replace(tmp, dest)
        blobs.fsync_dir(paths.backups)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        detail = blobs.describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        if "disk is full" in str(exc):
            detail = blobs.DISK_FULL
        raise LaomoError(BACKUP_FAILED(why=detail)) from exc
    except BaseException:  # a LaomoError, Cancel, or the job closed: nothing half made is kept
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return BackupInfo(dest, now, dest.stat().st_size, reason)


def auto_backup(paths: LedgerPaths, now: datetime | None = None) -> BackupInfo:
    """The backup taken on close (and by `laomo backup`): take one, then apply the rotation."""
    info = take_backup(paths, "auto", now)
    rotate(paths, now)
    return info


def list_backups(paths: LedgerPaths) -> list[BackupInfo]:
    out = []
    if paths.backups.exists():
        for p in paths.backups.iterdir():
            m = NAME_RE.match(p.name)
            if not m:
                continue
            created = datetime.strptime("".join(m.groups()[:3]), "%Y%m%d%H%M%S%f")
            out.append(BackupInfo(p, created.replace(tzinfo=UTC), p.stat().st_size, m.group(4)))
    return sorted(out, key=lambda b: b.created, reverse=True)


def select_kept(stamps: list[datetime], now: datetime) -> set[datetime]:
    """Everything from the last two days, then the newest of each of the 14 most recent days,
    8 most recent ISO weeks and 12 most recent months before that."""
    recent = {t for t in stamps if now - t < timedelta(days=2)}
    older = sorted((t for t in stamps if t not in recent), reverse=True)
    kept = set(recent)
    for bucket, count in (
        (lambda t: t.date(), 14),
        (lambda t: t.isocalendar()[:2], 8),
        (lambda t: (t.year, t.month), 12),
    ):
        seen: set = set()
        for t in older:
            b = bucket(t)
            if b in seen:
                continue
            if len(seen) == count:
                break
            seen.add(b)
            kept.add(t)
    return kept


EVENT_REASONS = ("pre-restore", "pre-import", "pre-migration")
EVENT_DAYS, EVENT_NEWEST = 30, 3


def event_backups_kept(infos: list[BackupInfo], now: datetime) -> set[datetime]:
    """Backups taken before a restore, an import or a migration are the way back from it: each is
    kept for 30 days, and the newest three of each kind are kept whatever their age."""
    kept: set[datetime] = set()
    for reason in EVENT_REASONS:
        mine = sorted((b.created for b in infos if b.reason == reason), reverse=True)
        kept |= set(mine[:EVENT_NEWEST])
        kept |= {t for t in mine if now - t < timedelta(days=EVENT_DAYS)}
    return kept


def rotate(paths: LedgerPaths, now: datetime | None = None) -> list[Path]:
    """Delete backups the policy no longer keeps, then blobs nothing refers to. Returns removed."""
    now = now or datetime.now(UTC)
    infos = list_backups(paths)
    kept = select_kept([b.created for b in infos], now) | event_backups_kept(infos, now)
    removed = []
    for b in infos:
        if b.created not in kept:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    collect_blobs(paths)
    return removed


def _hashes_in(db_file: Path) -> set[str]:
    con = readonly.connect(db_file)
    try:
        return {r[0] for r in con.execute("SELECT sha256 FROM attachment")}
    except sqlite3.Error:
        return set()
    finally:
        con.close()


def collect_blobs(paths: LedgerPaths) -> int:
    """Remove attachment files referred to by neither the ledger nor any backup."""
    used = {r[0] for r in database.execute_sql("SELECT sha256 FROM attachment")}
    for b in list_backups(paths):
        used |= _hashes_in(b.path)
    removed = 0
    for p in blobs.all_blobs(paths):
        if p.name not in used:
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    return removed


def verify_backup(path: Path) -> int:
    """The schema version of a backup file that is a sound ledger we can restore."""
    if not path.is_file():
        raise LaomoError(NO_BACKUP_FILE(path=path))
    version = readonly.check_openable(path)
    con = readonly.connect(path)
    try:
        ok = con.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LaomoError(BACKUP_DAMAGED_AS(name=path.name, why=exc)) from exc
    finally:
        con.close()
    if ok != "ok" or version < 1:
        raise LaomoError(BACKUP_DAMAGED(name=path.name))
    return version


def restore_backup(paths: LedgerPaths, path: Path) -> BackupInfo:
    """Replace the open ledger's content with a backup's; the current state is backed up first.
    Raises LedgerProblem when the open ledger is too damaged to be backed up: the caller then
    closes it and puts the backup in its place with restore_over.

    Returns the backup of the state before the restore.
    """
    return result_of(restore_backup_steps(paths, path))


def restore_backup_steps(paths: LedgerPaths, path: Path) -> Job[BackupInfo]:
    """restore_backup as a job: the check of the backup, the backup of the current state, then
    the copy a step per PAGES pages. Stopped at any step, the ledger is as it was and the backup
    of the current state, not needed, is removed."""
    yield Progress(0, 1, str(VERIFYING))
    verify_backup(path)
    try:
        before = yield from take_backup_steps(paths, "pre-restore")
    except Cancelled:
        raise
    except LaomoError:
        from laomo_desktop.store import health

        damage = health.quick_check(paths.db)
        if damage is not None:  # the ledger cannot be copied because it is damaged:
            raise health.damaged(paths, damage) from None  # the caller restores over it
        raise
    try:
        yield from copy_steps(lambda: readonly.connect(path), database.connection(), RESTORING)
    except sqlite3.Error as exc:
        raise LaomoError(RESTORE_FAILED(why=exc, name=before.path.name)) from exc
    except BaseException:  # stopped: the copy rolled back, the ledger is as it was
        with contextlib.suppress(OSError):
            before.path.unlink()
        raise
    database.execute_sql("PRAGMA journal_mode=wal")
    migrations.migrate(database, migrations.STEPS)
    return before


def restore_over(paths: LedgerPaths, path: Path, why: str = "damaged") -> list[Path]:
    """Put a backup in place of a damaged or lost ledger file (the caller holds the lock and
    has not opened it). The old file and its journal are moved aside byte for byte, never
    deleted and never copied through SQLite. Returns where they went."""
    from laomo_desktop.store import health, journal

    verify_backup(path)
    tmp = paths.db.with_name(paths.db.name + ".partial")
    moved: list[Path] = []
    try:
        blobs.create_exclusive(tmp)
        with open(path, "rb") as src, open(tmp, "r+b") as out:
            while chunk := src.read(blobs.CHUNK):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        # the journal first, the file last: a failure half-way leaves the file in its place
        moved = journal.move_aside(paths, [journal.wal_path(paths), journal.shm_path(paths)],
                                   why)
        moved += journal.move_aside(paths, [paths.db], why)
        try:
            os.replace(tmp, paths.db)
        except OSError:
            if moved and moved[-1].name.startswith(paths.db.name + "."):
                os.replace(moved[-1], paths.db)  # put the old file back where it was
                moved.pop()
            raise
        blobs.fsync_dir(paths.root)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        kept = JOURNAL_MOVED(where=[str(m) for m in moved]) if moved else ""
        raise LaomoError(RESTORE_OVER_FAILED(why=blobs.describe_os_error(exc), kept=kept)
                         ) from exc
    health.end_session(paths)  # the unclean-shutdown marker was the damaged file's
    return moved


def summarize(path: Path) -> dict:
    """What a backup holds, for choosing one: its studios and how many records."""
    from laomo_desktop.store import schema as S

    out: dict = {"studios": [], "records": 0, "error": None}
    try:
        con = readonly.connect(path)
        try:
            out["studios"] = [r[0] for r in con.execute(
                "SELECT name FROM studio WHERE deleted_at IS NULL ORDER BY name")]
            out["records"] = sum(
                con.execute(f'SELECT count(*) FROM "{k.table}" WHERE deleted_at IS NULL')
                .fetchone()[0] for k in S.KINDS)
        finally:
            con.close()
    except sqlite3.Error as exc:
        out["error"] = str(exc)
    return out
