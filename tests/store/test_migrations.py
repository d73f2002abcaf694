"""The saved ledgers of every earlier schema open in this version with all their records.

tests/fixtures/ledger_v1, ledger_v2 and ledger_v3 were written by the code of the commits that
had schema 1, 2 and 3 current (make_ledger_v1.py, make_old_ledgers.py). ledger_v2 and v3 hold
yearly plans whose economic-benefit target the old form stored as the number typed in 万元
(50 and 99,999) beside targets stored correctly in fen (10,000,000 and exactly 100,000).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.check import check_ledger
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, migrations
from laomo_desktop.store.database import close_ledger, open_ledger, schema_version
from laomo_desktop.store.models import database
from sample_ledger import EXPECTED_2025

FIXTURES = Path(__file__).parents[1] / "fixtures"
VERSIONS = (1, 2, 3)
A, B = "李明劳模创新工作室", "周红职工创新工作室"
# (studio, plan year) -> benefit target in fen after the upgrade, and whether it was converted
BENEFIT_TARGETS = {(A, 2025): (10_000_000, False), (A, 2024): (50_000_000, True),
                   (B, 2025): (100_000, False), (B, 2024): (99_999_000_000, True)}


def _tables(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def _rows(con: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f'SELECT {cols} FROM "{table}" ORDER BY rowid').fetchall()


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def _benefit_targets(con: sqlite3.Connection) -> dict[tuple[str, int], tuple[int, int, str]]:
    """(studio, year) -> (value, plan version, plan uid) of every benefit target."""
    return {(s, y): (v, version, uid) for s, y, v, version, uid in con.execute("""
        SELECT s.name, p.year, t.value, p.version, p.uid FROM plan_target t
        JOIN plan p ON p.id = t.parent_id JOIN studio s ON s.id = p.studio_id
        WHERE t.metric = 'benefit_fen'""")}


@pytest.fixture(params=VERSIONS, ids=[f"v{v}" for v in VERSIONS])
def old(request, tmp_path):
    """(version, data folder) of a copy of a saved ledger, and what it held before opening."""
    v = request.param
    root = tmp_path / f"v{v}"
    shutil.copytree(FIXTURES / f"ledger_v{v}", root)
    con = sqlite3.connect(root / "ledger.sqlite3")
    assert con.execute("PRAGMA user_version").fetchone()[0] == v
    before = {t: (_columns(con, t), _rows(con, t, _columns(con, t))) for t in _tables(con)}
    targets = _benefit_targets(con)
    con.close()
    yield v, root, before, targets
    close_ledger()


def test_each_saved_ledger_migrates_to_the_latest_schema_after_a_backup_of_it(old):
    v, root, before, _ = old
    open_ledger(LedgerPaths(root))
    assert schema_version() == migrations.LATEST >= 4
    kept = backup.list_backups(LedgerPaths(root))
    assert [b.reason for b in kept] == ["pre-migration"]
    con = sqlite3.connect(kept[0].path)
    try:  # the backup is the ledger as it was, before any step ran
        assert con.execute("PRAGMA user_version").fetchone()[0] == v
        assert {t: _rows(con, t, cols) for t, (cols, _) in before.items()} == \
            {t: rows for t, (_, rows) in before.items()}
    finally:
        con.close()
    assert check_ledger(LedgerPaths(root)) == []


def _masked(table: str, columns: list[str], rows: list[tuple], plans: set[int]) -> list[tuple]:
    """Rows with the fields the upgrade may change (of the plans `plans`) replaced by "*"."""
    key, fields = {"plan": ("id", {"version", "updated_at"}),
                   "plan_target": ("parent_id", {"value"})}.get(table, (None, set()))
    if key is None:
        return rows
    at = columns.index(key)
    return [tuple("*" if r[at] in plans and c in fields else x for c, x in zip(columns, r,
                                                                            strict=True))
            for r in rows]


# tables a step replaced, its rows moved: step 12 made alliance records of a studio's listed
# alliances (tests/store/test_migration_alliances.py)
MOVED = frozenset({"studio_alliance"})


def test_every_record_is_kept_with_every_value(old):
    """Each table's rows, column by column, are what they were; only the benefit targets typed
    in 万元 (and their plans' version and time stamp) have changed, and rows were added only
    to the audit log."""
    v, root, before, _ = old
    cols, targets = before["plan_target"]
    plans = {r[cols.index("parent_id")] for r in targets
             if r[cols.index("metric")] == "benefit_fen" and 0 < r[cols.index("value")] < 100_000}
    assert len(plans) == (2 if v > 1 else 0)
    open_ledger(LedgerPaths(root))
    con = database.connection()
    for table, (columns, rows) in before.items():
        if table in MOVED:
            continue
        now = _rows(con, table, columns)
        if table == "audit_entry":
            assert now[:len(rows)] == rows
            assert len(now) == len(rows) + len(plans)
        else:
            assert _masked(table, columns, now, plans) == _masked(table, columns, rows, plans), \
                table
    studio = find_studio(A)
    got = stats.studio_year(studio["uid"], 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025


def test_benefit_targets_typed_in_wan_are_stored_in_fen_with_an_audit_entry(old):
    v, root, _, targets = old
    if v == 1:  # the schema-1 ledger has only a correct target
        assert {k: t[0] for k, t in targets.items()} == {(A, 2025): 10_000_000}
    else:
        assert {k: t[0] for k, t in targets.items()} == {
            (A, 2025): 10_000_000, (A, 2024): 50, (B, 2025): 100_000, (B, 2024): 99_999}
    open_ledger(LedgerPaths(root))
    after = _benefit_targets(database.connection())
    for key, (_, version, uid) in targets.items():
        expected, converted = BENEFIT_TARGETS[key]
        assert after[key] == (expected, version + converted, uid), key
    audit = database.execute_sql(
        "SELECT actor, action, kind, record_uid, studio_uid, summary, before, after "
        "FROM audit_entry WHERE actor = 'upgrade' ORDER BY id").fetchall()
    wan = {uid: key for key, (_, _, uid) in targets.items() if BENEFIT_TARGETS[key][1]}
    assert {a[3]: (json.loads(a[6]), json.loads(a[7])) for a in audit} == {
        uid: ({"benefit_fen": targets[key][0]}, {"benefit_fen": BENEFIT_TARGETS[key][0]})
        for uid, key in wan.items()}
    assert len(audit) == len(wan)
    for actor, action, kind, uid, studio_uid, summary, *_ in audit:
        studio, year = wan[uid]
        assert (actor, action, kind) == ("upgrade", "update", "plan")
        assert studio_uid == find_studio(studio)["uid"]
        assert f"{year} 年度计划的经济效益目标按万元读作 {targets[(studio, year)][0]} 万元" in summary
    # the plan as the services read it, and its figures: 50 万元 is 50,000,000 fen
    if v > 1:
        plan = next(p for p in R.list_records("plan", find_studio(A)["uid"]) if p["year"] == 2024)
        assert {t["metric"]: t["value"] for t in plan["targets"]}["benefit_fen"] == 50_000_000
        target = next(t for t in stats.studio_year(find_studio(A)["uid"], 2024).targets
                      if t.metric == "benefit_fen")
        assert (target.target, target.actual, target.met) == (50_000_000, 5_000_000,
                                                                       False)


def test_a_migrated_ledger_opens_again_without_converting_twice(old):
    v, root, _, _ = old
    open_ledger(LedgerPaths(root))
    first = _benefit_targets(database.connection())
    n = database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]
    close_ledger()
    open_ledger(LedgerPaths(root))
    assert _benefit_targets(database.connection()) == first
    assert database.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0] == n
    assert [b.reason for b in backup.list_backups(LedgerPaths(root))] == ["pre-migration"]


def test_the_steps_run_in_ascending_order_each_once():
    """migrate() skips a step numbered below one already run: a step listed after a higher one
    would never run on a ledger that had that one."""
    versions = [s.version for s in migrations.STEPS]
    assert versions == sorted(set(versions))
    assert versions[-1] == migrations.LATEST
