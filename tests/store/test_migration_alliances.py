"""Step 12: the alliances a studio profile listed (name and role, table studio_alliance) become
alliance records of the studio, with the same name and role; the old list is gone, so the same
fact is not kept in two places. A package of an earlier version still imports: its studio's list
becomes the same alliance records (the same uids, so a ledger that migrated and a package that
did not never make two)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import peewee as pw

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import migrations
from laomo_desktop.store.database import close_ledger, open_ledger

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _ledger_at_10(tmp_path: Path) -> Path:
    root = tmp_path / "v10"
    shutil.copytree(FIXTURES / "ledger_v3", root)
    db = pw.SqliteDatabase(str(root / "ledger.sqlite3"))
    migrations.migrate(db, [s for s in migrations.STEPS if s.version <= 10])
    sid, = db.execute_sql("SELECT id FROM studio ORDER BY id LIMIT 1").fetchone()
    for pos, (name, role) in enumerate((("市装备制造工作室联盟", "leader"),
                                        ("省电力行业创新联盟", "member"))):
        db.execute_sql("INSERT INTO studio_alliance (parent_id, position, name, role) "
                       "VALUES (?, ?, ?, ?)", (sid, pos, name, role))
    db.close()
    return root


def test_old_alliance_rows_become_alliance_records(tmp_path):
    root = _ledger_at_10(tmp_path)
    con = sqlite3.connect(root / "ledger.sqlite3")
    studio_uid, = con.execute("SELECT uid FROM studio ORDER BY id LIMIT 1").fetchone()
    con.close()
    open_ledger(LedgerPaths(root))
    try:
        got = R.list_records("alliance", studio_uid)
        assert sorted((a["name"], a["role"]) for a in got) == [
            ("市装备制造工作室联盟", "leader"), ("省电力行业创新联盟", "member")]
        assert all(a["members"] == [] and a["plans"] == [] for a in got)
        assert {a["uid"] for a in got} == {
            migrations.alliance_uid(studio_uid, 0, "市装备制造工作室联盟"),
            migrations.alliance_uid(studio_uid, 1, "省电力行业创新联盟")}
        assert "alliances" not in R.get("studio", studio_uid)
        from laomo_desktop.store.models import database
        tables = {r[0] for r in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "studio_alliance" not in tables and "alliance" in tables
    finally:
        close_ledger()


def test_a_package_of_an_earlier_schema_turns_its_studios_alliances_into_records():
    studio = {"uid": "s-1", "name": "甲", "alliances": [{"name": "联盟甲", "role": "leader"},
                                                        {"name": "联盟乙", "role": "member"}],
              "created_at": "2025-01-01T00:00:00.000+00:00",
              "updated_at": "2025-02-01T00:00:00.000+00:00", "version": 3}
    records = migrations.split_alliances({"studio": [studio]}, 9)
    assert "alliances" not in records["studio"][0]
    assert [(a["name"], a["role"], a["studio"], a["version"]) for a in records["alliance"]] == [
        ("联盟甲", "leader", "s-1", 1), ("联盟乙", "member", "s-1", 1)]
    assert records["alliance"][0]["uid"] == migrations.alliance_uid("s-1", 0, "联盟甲")
    assert migrations.split_alliances({"studio": [dict(studio)]}, 12)["studio"][0][
        "alliances"]  # a current package is left alone


def test_the_saved_v9_package_imports_its_alliance(ledger):
    from laomo_desktop.exchange import importer

    path = next((FIXTURES / "package_v9").glob("*.laomo.zip"))
    importer.apply(ledger, path, trust_new_key=True)
    uid = find_studio("李明劳模创新工作室")["uid"]
    assert "alliances" not in R.get("studio", uid)
