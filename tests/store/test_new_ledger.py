"""The suite's new ledgers are copies of one migrated once (tests/conftest.py): each must be what
creating a ledger makes, with an identity of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import new_ledger
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import journal, migrations
from laomo_desktop.store.database import close_ledger, open_ledger, schema_version


def _describe(db: Path) -> dict:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        pragmas = {p: con.execute(f"PRAGMA {p}").fetchone()[0]
                   for p in ("user_version", "application_id", "journal_mode", "page_size",
                             "auto_vacuum", "encoding")}
        schema = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                             "ORDER BY type, name").fetchall()
        rows = {t: con.execute(f'SELECT * FROM "{t}"').fetchall()
                for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    return {"pragmas": pragmas, "schema": schema, "rows": rows}


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_the_ledger_fixture_is_a_newly_created_ledger_with_its_own_uid(ledger, tmp_path):
    assert schema_version() == migrations.LATEST
    copied_files = _files(ledger.root)
    close_ledger()
    made = open_ledger(LedgerPaths(tmp_path / "made"))
    assert _files(made.root) == copied_files
    close_ledger()
    copied, created = _describe(ledger.db), _describe(made.db)
    uids = (copied["rows"].pop("ledger_info"), created["rows"].pop("ledger_info"))
    assert copied == created
    assert [k for k, _ in uids[0]] == [k for k, _ in uids[1]] == ["ledger_uid"]
    assert uids[0] != uids[1]
    assert journal.identity_on_disk(ledger.db)[0] == journal.identity_on_disk(made.db)[0]


def test_two_copies_do_not_share_an_identity(tmp_path, migrated_template):
    new_ledger(tmp_path / "a", migrated_template)
    close_ledger()
    new_ledger(tmp_path / "b", migrated_template)
    close_ledger()
    a = journal.identity_on_disk(tmp_path / "a" / "ledger.sqlite3")
    b = journal.identity_on_disk(tmp_path / "b" / "ledger.sqlite3")
    assert a[0] == b[0] and a[1] != b[1]
