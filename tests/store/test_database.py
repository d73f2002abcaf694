from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, migrations
from laomo_desktop.store.database import close_ledger, open_ledger, schema_version
from laomo_desktop.store.models import all_models, database, derived, file_models
from sample_ledger import EXPECTED_2025

V1 = Path(__file__).parents[1] / "fixtures" / "ledger_v1"


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _schema(con: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    # columns by name: a migration's ALTER TABLE appends where the declaration may put a field
    # in the middle, and every query names its columns
    out = {t: sorted(c[1:] for c in con.execute(f'PRAGMA table_info("{t}")'))
           for t in tables}
    out["indexes"] = sorted(con.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type='index'").fetchall())
    out["triggers"] = sorted(con.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type='trigger'").fetchall())
    return out


def test_migrated_schema_is_exactly_what_the_models_declare(ledger, tmp_path):
    con = sqlite3.connect(tmp_path / "models.sqlite3")
    database.init(str(tmp_path / "models.sqlite3"))
    database.create_tables(all_models() + file_models())
    derived(database)
    from_models = _schema(database.connection())
    database.close()
    con.close()
    open_ledger(ledger)
    assert _schema(database.connection()) == from_models


def test_the_saved_version_1_ledger_migrates_to_exactly_what_the_models_declare(tmp_path):
    database.init(str(tmp_path / "models.sqlite3"))
    database.create_tables(all_models() + file_models())
    derived(database)
    from_models = _schema(database.connection())
    database.close()
    root = tmp_path / "v1"
    shutil.copytree(V1, root)
    open_ledger(LedgerPaths(root))
    try:
        assert schema_version() == migrations.LATEST
        assert _schema(database.connection()) == from_models
        assert [b.reason for b in backup.list_backups(LedgerPaths(root))] == ["pre-migration"]
    finally:
        close_ledger()


def test_new_ledger_has_wal_foreign_keys_and_full_sync(ledger):
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2
    assert pragma("busy_timeout") >= 5000
    assert schema_version() == migrations.LATEST


def test_saved_version_1_ledger_opens_with_all_its_data(tmp_path):
    root = tmp_path / "v1"
    shutil.copytree(V1, root)
    open_ledger(LedgerPaths(root))
    try:
        assert schema_version() == migrations.LATEST
        studio = find_studio("李明劳模创新工作室")
        got = stats.studio_year(studio["uid"], 2025)
        assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025
        from laomo_desktop.ledger.check import check_ledger
        assert check_ledger(LedgerPaths(root)) == []
    finally:
        close_ledger()


def test_a_later_migration_runs_after_a_verified_backup(tmp_path):
    root = tmp_path / "v1"
    shutil.copytree(V1, root)

    def add_column(db):
        db.execute_sql("ALTER TABLE studio ADD COLUMN motto TEXT")

    later = migrations.LATEST + 1
    steps = [*migrations.STEPS, migrations.Step(later, "motto", add_column)]
    open_ledger(LedgerPaths(root), steps)
    try:
        assert schema_version() == later
        cols = [r[1] for r in database.execute_sql("PRAGMA table_info(studio)").fetchall()]
        assert "motto" in cols
        kept = backup.list_backups(LedgerPaths(root))
        assert [b.reason for b in kept] == ["pre-migration"]
        con = sqlite3.connect(kept[0].path)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM studio").fetchone()[0] == 2
        con.close()
    finally:
        close_ledger()


def test_a_failing_migration_leaves_the_ledger_at_its_old_version(tmp_path):
    root = tmp_path / "v1"
    shutil.copytree(V1, root)

    def broken(db):
        db.execute_sql("ALTER TABLE studio ADD COLUMN half_done TEXT")
        db.execute_sql("SELECT * FROM no_such_table")

    steps = [*migrations.STEPS, migrations.Step(migrations.LATEST + 1, "broken", broken)]
    with pytest.raises(Exception, match="no_such_table"):
        open_ledger(LedgerPaths(root), steps)
    close_ledger()
    con = sqlite3.connect(root / "ledger.sqlite3")
    # the steps before the broken one each committed with their own version number
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    cols = [r[1] for r in con.execute("PRAGMA table_info(studio)").fetchall()]
    assert "half_done" not in cols
    con.close()


def test_a_ledger_from_a_newer_version_is_refused_and_not_touched(tmp_path):
    root = tmp_path / "new"
    shutil.copytree(V1, root)
    db_file = root / "ledger.sqlite3"
    con = sqlite3.connect(db_file)
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.commit()
    con.close()
    before = _digest(db_file)
    with pytest.raises(LaomoError, match="更新版本"):
        open_ledger(LedgerPaths(root))
    assert _digest(db_file) == before
    assert sorted(p.name for p in root.iterdir()) == ["attachments", "backups", "ledger.lock",
                                                     "ledger.sqlite3"]


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_file_is_refused_with_a_clear_message(tmp_path, content):
    root = tmp_path / "bad"
    root.mkdir()
    (root / "ledger.sqlite3").write_bytes(content)
    with pytest.raises(LaomoError, match="不是有效的台账数据库|已损坏"):
        open_ledger(LedgerPaths(root))
    assert (root / "ledger.sqlite3").read_bytes() == content


def test_another_programs_database_is_refused(tmp_path):
    root = tmp_path / "other"
    root.mkdir()
    con = sqlite3.connect(root / "ledger.sqlite3")
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    before = _digest(root / "ledger.sqlite3")
    with pytest.raises(LaomoError, match="不是劳模创新工作室台账"):
        open_ledger(LedgerPaths(root))
    assert _digest(root / "ledger.sqlite3") == before


def test_an_unwritable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LaomoError, match="无法创建数据文件夹"):
        open_ledger(LedgerPaths(blocker / "data"))
