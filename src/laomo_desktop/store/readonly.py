"""Opening a ledger-shaped file for reading only, beside the one database object: a backup, the
ledger before it is bound, the main file without its journal; and whether a file is a ledger of
ours at all, which both opening a ledger and restoring a backup ask first."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.store import migrations
from laomo_desktop.texts import Text

NOT_A_DATABASE = Text("文件“{name}”不是有效的台账数据库，或已损坏（{why}）。",
                      "The file “{name}” is not a valid ledger database, or it is damaged ({why}).")
NOT_OURS = Text("文件“{name}”不是劳模创新工作室台账的数据文件，程序不会改动它。",
                "The file “{name}” is not the data file of a studio ledger; the program will "
                "not change it.")
TOO_NEW = Text("此台账由更新版本的程序保存（数据版本 {version}），本程序只支持到版本 "
               "{latest}。为保护数据，本程序不会打开或改动它，请升级程序后再打开。",
               "This ledger was saved by a newer version of the program (data version "
               "{version}); this version supports up to version {latest}. To protect the data "
               "it will neither open nor change it: please upgrade the program, then open it.")


def connect(path: Path, query: str = "mode=ro") -> sqlite3.Connection:
    """A read-only connection: `mode=ro` (journal included), or `immutable=1` (the main file
    alone: no -shm needed, any journal ignored)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)


class UnreadableLedger(LaomoError):
    """SQLite cannot read the file as a database (damaged, or not a database at all)."""


def read_header(db_file: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) of a file, read without writing to it."""
    queries = ["mode=ro"]
    if not os.access(db_file.parent, os.W_OK):
        queries.append("immutable=1")  # SQLite cannot make its -shm in a read-only folder
    for query in queries:
        try:
            con = connect(db_file, query)
            try:
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                version = con.execute("PRAGMA user_version").fetchone()[0]
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                con.close()
            return app_id, version, tables > 0
        except sqlite3.DatabaseError as exc:
            error = exc
    raise UnreadableLedger(NOT_A_DATABASE(name=db_file.name, why=error)) from error


def check_openable(db_file: Path) -> int:
    """The schema version of an existing ledger file; raises if it is not ours or too new."""
    app_id, version, has_tables = read_header(db_file)
    if app_id != migrations.APPLICATION_ID and (version or has_tables):
        raise LaomoError(NOT_OURS(name=db_file.name))
    if version > migrations.LATEST:
        raise LaomoError(TOO_NEW(version=version, latest=migrations.LATEST))
    return version
