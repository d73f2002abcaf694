from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup, blobs

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _studio(name="测试工作室"):
    return R.create("studio", None, {"name": name, "host_unit": "某单位",
                                     "founded_on": "2020-01-01"})


def test_backup_is_a_checked_copy_listed_newest_first(ledger):
    _studio()
    first = backup.take_backup(ledger, "manual", now=NOW - timedelta(hours=1))
    second = backup.take_backup(ledger, "auto", now=NOW)
    listed = backup.list_backups(ledger)
    assert [b.path for b in listed] == [second.path, first.path]
    assert listed[0].reason_label == "自动备份"
    con = sqlite3.connect(first.path)
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert con.execute("SELECT name FROM studio").fetchall() == [("测试工作室",)]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    assert not list(ledger.backups.glob("*.partial"))


def test_backup_change_restore_round_trip(ledger):
    s = _studio()
    kept = backup.take_backup(ledger, "manual")
    R.update("studio", s["uid"], {"name": "改过名字的工作室"})
    R.create("studio", None, {"name": "后来新建的", "host_unit": "x", "founded_on": "2021-01-01"})
    before_restore = backup.restore_backup(ledger, kept.path)
    assert [x["name"] for x in R.list_records("studio")] == ["测试工作室"]
    con = sqlite3.connect(before_restore.path)
    names = sorted(r[0] for r in con.execute("SELECT name FROM studio"))
    con.close()
    assert names == ["后来新建的", "改过名字的工作室"]
    # the ledger is writable and consistent after the restore
    R.update("studio", s["uid"], {"industry": "电力"})
    assert R.get("studio", s["uid"])["industry"] == "电力"


def test_a_damaged_backup_is_refused_and_the_ledger_kept(ledger, tmp_path):
    s = _studio()
    bad = tmp_path / "broken.sqlite3"
    good = backup.take_backup(ledger, "manual")
    data = bytearray(good.path.read_bytes())
    data[4096:8192] = b"\x00" * 4096
    bad.write_bytes(bytes(data[:6000]))
    with pytest.raises(LaomoError, match="损坏|不完整|不是有效"):
        backup.restore_backup(ledger, bad)
    assert R.get("studio", s["uid"])["name"] == "测试工作室"
    with pytest.raises(LaomoError, match="找不到备份文件"):
        backup.restore_backup(ledger, tmp_path / "missing.sqlite3")


def test_a_failed_backup_says_why_and_leaves_no_partial_file(ledger):
    _studio()
    ledger.backups.rmdir()
    ledger.backups.write_text("a file where the backups folder should be")
    with pytest.raises(LaomoError, match="备份失败"):
        backup.take_backup(ledger, "manual")
    assert R.list_records("studio")[0]["name"] == "测试工作室"


def test_rotation_keeps_recent_then_daily_weekly_monthly(ledger):
    _studio()
    stamps = [NOW - timedelta(hours=h) for h in (*range(0, 48, 8), *range(48, 24 * 400, 70))]
    for t in stamps:
        backup.take_backup(ledger, "auto", now=t)
    removed = backup.rotate(ledger, now=NOW)
    left = {b.created for b in backup.list_backups(ledger)}
    assert len(left) + len(removed) == len(stamps)
    assert {t for t in stamps if NOW - t < timedelta(days=2)} <= left
    assert len(left) <= 8 + 14 + 8 + 12
    assert min(left) < NOW - timedelta(days=300)  # a monthly one from long ago survives


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=800 * 24 * 60), max_size=120, unique=True))
def test_rotation_policy_properties(minutes_ago):
    stamps = [NOW - timedelta(minutes=m) for m in minutes_ago]
    kept = backup.select_kept(stamps, NOW)
    assert kept <= set(stamps)
    assert {t for t in stamps if NOW - t < timedelta(days=2)} <= kept
    older = [t for t in stamps if NOW - t >= timedelta(days=2)]
    assert len(kept) - (len(stamps) - len(older)) <= 14 + 8 + 12
    if older:
        assert max(older) in kept  # the newest older backup is always one of the dailies
    days = sorted({t.date() for t in older}, reverse=True)[:14]
    for d in days:
        assert max(t for t in older if t.date() == d) in kept


def test_attachment_files_survive_while_a_backup_needs_them(ledger, tmp_path):
    s = _studio()
    f = tmp_path / "照片.jpg"
    f.write_bytes(b"photo bytes")
    a = attachments.attach(ledger, "studio", s["uid"], f)
    blob = blobs.blob_path(ledger, a["sha256"])
    kept = backup.take_backup(ledger, "manual")
    attachments.detach(a["uid"])
    R.purge("attachment", a["uid"])
    backup.collect_blobs(ledger)
    assert blob.exists(), "the backup still refers to it"
    backup.restore_backup(ledger, kept.path)
    restored = attachments.attachments_of(s["uid"])
    assert attachments.open_path(ledger, restored[0]).read_bytes() == b"photo bytes"
    for b in backup.list_backups(ledger):
        b.path.unlink()
    attachments.detach(restored[0]["uid"])
    R.purge("attachment", restored[0]["uid"])
    assert backup.collect_blobs(ledger) == 1
    assert not blob.exists()


def test_auto_backup_takes_one_and_rotates(ledger):
    _studio()
    for days in (40, 39, 3):
        backup.take_backup(ledger, "auto", now=NOW - timedelta(days=days, hours=1))
    info = backup.auto_backup(ledger, now=NOW)
    left = backup.list_backups(ledger)
    assert left[0].path == info.path and info.reason == "auto"
    # 40 and 39 days ago fall in different days, weeks or months: both survive as dailies
    assert len(left) == 4


def test_the_way_back_from_a_restore_is_not_thinned_away(ledger):
    _studio()
    day0 = NOW - timedelta(days=3)
    backup.take_backup(ledger, "auto", now=day0 - timedelta(days=1))
    back = backup.take_backup(ledger, "pre-restore", now=day0.replace(hour=10))
    backup.take_backup(ledger, "auto", now=day0.replace(hour=18))  # newer, same day
    backup.rotate(ledger, now=NOW)
    assert back.path.exists(), "the pre-restore backup the user was told about is kept"


def test_event_backups_keep_30_days_and_the_newest_three():
    def info(days, reason="pre-import"):
        return backup.BackupInfo(Path(f"{days}"), NOW - timedelta(days=days), 1, reason)

    infos = [info(d) for d in (40, 60, 80, 100, 120)] + [info(10, "pre-restore"),
                                                         info(1, "auto")]
    kept = backup.event_backups_kept(infos, NOW)
    assert kept == {NOW - timedelta(days=d) for d in (40, 60, 80, 10)}
