"""Opening the ledger file safely: one writer, its own journal only, damage and loss noticed,
read-only folders opened for reading, then backup, migration and pragmas.

The order matters. Before SQLite touches the file: take the lock (store.lock), refuse links out
of the data folder, clear leftovers, set aside a journal that is not this ledger's
(store.journal), and look for damage and loss (store.health). Only then connect and migrate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import health, journal, lock, migrations
from laomo_desktop.store.models import database
from laomo_desktop.store.readonly import UnreadableLedger, check_openable
from laomo_desktop.texts import Both, Text

CANNOT_CREATE = Text("无法创建数据文件夹“{root}”：{why}", "Cannot create the data folder “{root}”: {why}")
UNREADABLE = Both("无法读取数据库", "the database cannot be read")
NO_OS_LOCK = Text("数据文件夹所在的磁盘不支持文件锁：请不要在两台电脑或两个程序中同时修改这个台账。",
                  "The disk of the data folder does not support file locks: please do not "
                  "change this ledger from two computers or two programs at the same time.")
CANNOT_OPEN = Text("无法打开台账文件“{path}”：{why}", "Cannot open the ledger file “{path}”: {why}")
READ_ONLY_EMPTY = Text("数据文件夹“{root}”是只读的，其中还没有台账，无法新建。",
                       "The data folder “{root}” is read-only and holds no ledger yet; a new "
                       "one cannot be made there.")
NO_LEDGER = Text("找不到台账文件“{path}”。", "The ledger file “{path}” cannot be found.")
NEEDS_UPGRADE = Text("台账需要先升级：请先关闭正在使用它的程序，再运行本命令。",
                     "The ledger needs to be upgraded first: please close the program that is "
                     "using it, then run this command again.")
IN_USE_READ = Text("台账正在被另一个程序使用，本命令只能读取。",
                   "The ledger is in use by another program: this command can only read it.")

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10000,
    "journal_size_limit": 4 << 20,
}
READ_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 10000}
APPLICATION_ID = migrations.APPLICATION_ID


@dataclass
class OpenState:
    """How the ledger bound to `database` was opened."""

    paths: LedgerPaths
    writer: bool                 # holds the lock and may change the ledger
    read_only_message: Any = None  # a texts.Message, worded when shown
    notices: list[Any] = field(default_factory=list)  # messages to tell the user once
    partials_removed: int = 0

    @property
    def read_only(self) -> bool:
        return self.read_only_message is not None


_state: OpenState | None = None


def current() -> OpenState | None:
    return _state


def create_folders(paths: LedgerPaths) -> None:
    """The data folder and its sub-folders, or a message saying why they cannot be made."""
    try:
        paths.ensure()
    except OSError as exc:
        raise LaomoError(CANNOT_CREATE(root=paths.root, why=exc.strerror or exc)) from exc


def has_content(paths: LedgerPaths) -> bool:
    return paths.db.exists() and paths.db.stat().st_size > 0


def inspect(paths: LedgerPaths, *, thorough: bool) -> int:
    """The schema version of the ledger file, after looking for damage (cheaply, or with
    SQLite's quick_check when `thorough`). Raises LedgerProblem when it is damaged."""
    problem = health.header_problem(paths.db)
    if problem is None and thorough:
        problem = health.quick_check(paths.db)
    if problem is not None:
        raise health.damaged(paths, problem)
    try:
        return check_openable(paths.db)
    except UnreadableLedger as exc:
        full = health.disk_full(paths)
        if full:  # SQLite could not make its small working file: not damage
            raise LaomoError(full) from exc
        raise health.damaged(paths, UNREADABLE) from exc


def open_ledger(paths: LedgerPaths, steps: list[migrations.Step] | None = None, *,
                program: str = "ledger", start_empty: bool = False) -> LedgerPaths:
    """Bind the one database object to this ledger as its writer (taking the lock), or for
    reading only when the folder or file cannot be written. `start_empty`: the user chose an
    empty ledger although backups exist (a lost ledger)."""
    global _state
    steps = migrations.STEPS if steps is None else steps
    close_ledger()
    if paths.root.exists() and health.folder_read_only(paths):
        return _open_read_only(paths)
    create_folders(paths)
    lock.acquire(paths, program)
    state = OpenState(paths, writer=True)
    try:
        _open_writer(paths, steps, state, start_empty)
    except OSError as exc:
        _abandon(paths)
        raise LaomoError(health.os_error_message(paths, exc)) from exc
    except BaseException:
        _abandon(paths)
        raise
    _state = state
    return paths


def _abandon(paths: LedgerPaths) -> None:
    global _state
    _state = None
    if not database.is_closed():
        database.close()
    database.sign_writes = False
    lock.release(paths)


def _open_writer(paths: LedgerPaths, steps: list[migrations.Step], state: OpenState,
                 start_empty: bool) -> None:
    if lock.without_os_lock(paths):
        state.notices.append(NO_OS_LOCK())
    health.refuse_outside_links(paths)
    state.partials_removed = health.remove_partials(paths)
    note = journal.check_wal(paths)
    if note:
        state.notices.append(note)
    version = 0
    if has_content(paths):
        version = inspect(paths, thorough=health.was_unclean(paths))
    elif not start_empty:
        from laomo_desktop.store.backup import list_backups

        found = list_backups(paths)
        if found:
            raise health.lost(paths, len(found), empty=paths.db.exists())
    database.init(str(paths.db), pragmas=PRAGMAS, timeout=10)
    try:
        database.connect()
    except Exception as exc:
        raise LaomoError(CANNOT_OPEN(path=paths.db, why=exc)) from exc
    health.begin_session(paths)
    latest = steps[-1].version if steps else 0
    if version < latest:
        if version > 0:
            from laomo_desktop.store import backup

            backup.take_backup(paths, "pre-migration")
        migrations.migrate(database, steps)
    database.sign_writes = "ledger_info" in database.get_tables()


def _open_read_only(paths: LedgerPaths) -> LedgerPaths:
    global _state
    if not has_content(paths):
        raise LaomoError(READ_ONLY_EMPTY(root=paths.root))
    foreign = journal.foreign_wal(paths)
    if not foreign:
        inspect(paths, thorough=False)
    _state = _bind_read_only(paths, health.read_only_message(paths), ignore_journal=foreign)
    if foreign:  # it cannot be moved here: it is left alone, and not read
        _state.notices.append(journal.foreign_notice(journal.wal_path(paths).name, None))
    return paths


def _bind_read_only(paths: LedgerPaths, message: Any, ignore_journal: bool = False
                    ) -> OpenState:
    """Bind the database object to the ledger for reading; changes get `message`."""
    uri = paths.db.resolve().as_uri()
    # immutable: the main file alone (a read-only folder without -shm, or a stranger's journal)
    for query in (["immutable=1"] if ignore_journal else ["mode=ro", "immutable=1"]):
        database.init(f"{uri}?{query}", pragmas=READ_PRAGMAS, timeout=10, uri=True)
        try:
            database.connect()
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            database.read_only_message = message
            return OpenState(paths, writer=False, read_only_message=message)
        except Exception as exc:
            if not database.is_closed():
                database.close()
            error = exc
    raise LaomoError(CANNOT_OPEN(path=paths.db, why=error))


def open_snapshot(paths: LedgerPaths) -> LedgerPaths:
    """Bind for reading while another program holds the lock: no migration, no cleaning, no
    checkpoint; the caller reads inside one transaction, so it sees one consistent state."""
    global _state
    close_ledger()
    if not has_content(paths):
        raise LaomoError(NO_LEDGER(path=paths.db))
    version = check_openable(paths.db)
    if version < migrations.LATEST:
        raise LaomoError(NEEDS_UPGRADE)
    _state = _bind_read_only(paths, IN_USE_READ())
    return paths


def close_ledger() -> None:
    global _state
    state, _state = _state, None
    database.sign_writes = False
    if not database.is_closed():
        database.close()  # the last connection checkpoints and removes the journal
    database.read_only_message = None
    if state is not None and state.writer:
        health.end_session(state.paths)
        lock.release(state.paths)


def release_connection() -> None:
    """Close this thread's connection to the ledger, if it has one. Peewee keeps one connection
    per thread; a worker thread outlives its task, and a connection left open would keep talking
    to whichever ledger file was open when it was made."""
    if not database.is_closed():
        database.close()


def read_only_message() -> Any:
    """Why the open ledger cannot be changed (None when it can): said before a form is filled.
    A texts.Message: worded (texts.worded) where it is shown."""
    return database.read_only_message


def schema_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]
