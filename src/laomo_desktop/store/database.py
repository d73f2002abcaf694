"""Opening the ledger file: refuse what is not ours or is newer, back up, migrate, set pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import migrations
from laomo_desktop.store.models import database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10000,
}
APPLICATION_ID = migrations.APPLICATION_ID


def read_header(db_file: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) of a file, read without writing to it."""
    try:
        con = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise LaomoError(f"文件“{db_file.name}”不是有效的台账数据库，或已损坏（{exc}）。") from exc
    return app_id, version, tables > 0


def check_openable(db_file: Path) -> int:
    """The schema version of an existing ledger file; raises if it is not ours or too new."""
    app_id, version, has_tables = read_header(db_file)
    if app_id != APPLICATION_ID and (version or has_tables):
        raise LaomoError(f"文件“{db_file.name}”不是劳模创新工作室台账的数据文件，程序不会改动它。")
    if version > migrations.LATEST:
        raise LaomoError(
            f"此台账由更新版本的程序保存（数据版本 {version}），本程序只支持到版本 "
            f"{migrations.LATEST}。为保护数据，本程序不会打开或改动它，请升级程序后再打开。"
        )
    return version


def open_ledger(paths: LedgerPaths, steps: list[migrations.Step] | None = None) -> LedgerPaths:
    """Bind the one database object to this ledger, migrating it (after a backup) if older."""
    from laomo_desktop.store import backup

    steps = migrations.STEPS if steps is None else steps
    try:
        paths.ensure()
    except OSError as exc:
        raise LaomoError(f"无法创建数据文件夹“{paths.root}”：{exc.strerror or exc}") from exc
    existing = paths.db.exists() and paths.db.stat().st_size > 0
    version = check_openable(paths.db) if existing else 0
    close_ledger()
    database.init(str(paths.db), pragmas=PRAGMAS, timeout=10)
    try:
        database.connect()
    except Exception as exc:
        raise LaomoError(f"无法打开台账文件“{paths.db}”：{exc}") from exc
    latest = steps[-1].version if steps else 0
    if version < latest:
        if version > 0:
            backup.take_backup(paths, "pre-migration")
        migrations.migrate(database, steps)
    return paths


def close_ledger() -> None:
    if not database.is_closed():
        database.close()


def schema_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]
