"""Backup and restore as jobs (work.py): a step per few pages copied, and a job stopped at any
step leaves the ledger and the backups folder as they were."""

from __future__ import annotations

import sqlite3

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup
from laomo_desktop.work import Cancelled, Progress, drive


@pytest.fixture
def filled(ledger, monkeypatch):
    """A ledger of a few dozen pages, copied two pages a step."""
    s = R.create("studio", None, {"name": "测试工作室", "host_unit": "某单位",
                                  "founded_on": "2020-01-01"})
    for i in range(60):
        R.create("member", s["uid"], {"name": f"成员{i}", "role": "member",
                                      "specialty": "钳工" * 30})
    monkeypatch.setattr(backup, "PAGES", 2)
    return ledger


def _names() -> list[str]:
    return sorted(s["name"] for s in R.list_records("studio"))


def _stop_at(n: int, seen: list[Progress]):
    return lambda: len(seen) >= n


def test_a_backup_reports_its_copy_step_by_step(filled):
    seen: list[Progress] = []
    info = drive(backup.take_backup_steps(filled, "manual"), seen.append)
    copying = [p for p in seen if p.text == str(backup.COPYING)]
    assert len(copying) > 5
    assert [p.done for p in copying] == sorted(p.done for p in copying)
    assert copying[-1].total == copying[0].total > copying[-1].done
    con = sqlite3.connect(info.path)
    assert con.execute("SELECT count(*) FROM member").fetchone()[0] == 60
    con.close()
    assert [b.path for b in backup.list_backups(filled)] == [info.path]


@pytest.mark.parametrize("at", [1, 4, -1])
def test_a_cancelled_backup_leaves_no_file(filled, at):
    seen: list[Progress] = []
    steps = len(list(backup.take_backup_steps(filled, "auto")))
    for old in filled.backups.iterdir():
        old.unlink()
    stop = steps if at == -1 else at
    with pytest.raises(Cancelled):
        drive(backup.take_backup_steps(filled, "manual"), seen.append, _stop_at(stop, seen))
    assert len(seen) == stop
    assert list(filled.backups.iterdir()) == []


def test_a_restore_reports_its_copy_step_by_step(filled):
    kept = backup.take_backup(filled, "manual")
    R.create("studio", None, {"name": "后来新建的", "host_unit": "某单位",
                              "founded_on": "2021-01-01"})
    seen: list[Progress] = []
    before = drive(backup.restore_backup_steps(filled, kept.path), seen.append)
    assert len([p for p in seen if p.text == str(backup.RESTORING)]) > 5
    assert _names() == ["测试工作室"]
    assert before.reason == "pre-restore" and before.path.is_file()


def test_a_cancelled_restore_leaves_the_ledger_and_no_extra_backup(filled):
    kept = backup.take_backup(filled, "manual")
    R.create("studio", None, {"name": "后来新建的", "host_unit": "某单位",
                              "founded_on": "2021-01-01"})
    two = backup.take_backup(filled, "manual")
    seen: list[Progress] = []
    drive(backup.restore_backup_steps(filled, kept.path), seen.append)  # how many steps
    restoring = next(i for i, p in enumerate(seen) if p.text == str(backup.RESTORING))
    for stop in (1, restoring + 1, len(seen)):
        drive(backup.restore_backup_steps(filled, two.path))  # two studios again
        files = sorted(filled.backups.iterdir())
        names = _names()
        seen = []
        with pytest.raises(Cancelled):
            drive(backup.restore_backup_steps(filled, kept.path), seen.append,
                  _stop_at(stop, seen))
        assert _names() == names == ["后来新建的", "测试工作室"]
        assert sorted(filled.backups.iterdir()) == files
        R.update("studio", R.list_records("studio")[0]["uid"], {"industry": "电力"})


def test_a_failed_restore_says_why_and_leaves_the_ledger(filled, tmp_path):
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_bytes(b"nothing like a ledger" * 100)
    before = _names()
    with pytest.raises(LaomoError):
        drive(backup.restore_backup_steps(filled, bad))
    assert _names() == before and list(filled.backups.iterdir()) == []
