"""The ledger file and what lies around it: a stranger's journal, damage, loss, a read-only
folder, leftovers, a full disk, links out of the folder. Each case as a user meets it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, blobs
from laomo_desktop.store import database as D
from laomo_desktop.store.models import database

CRASH = """
import os, sys
from pathlib import Path
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
open_ledger(LedgerPaths(Path(sys.argv[1])))
if len(sys.argv) > 2:
    R.create("studio", None, {"name": sys.argv[2], "host_unit": "x", "founded_on": "2020-01-01"})
os._exit(0)  # no close: the journal and the session marker stay, as after a power cut
"""


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "laomo_desktop", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def crash_after(root: Path, studio: str | None = None) -> None:
    args = [sys.executable, "-c", CRASH, str(root)] + ([studio] if studio else [])
    subprocess.run(args, check=True, timeout=60)


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def make_ledger(root: Path, *names: str) -> LedgerPaths:
    paths = D.open_ledger(LedgerPaths(root))
    for n in names:
        R.create("studio", None, {"name": n, "host_unit": "单位", "founded_on": "2020-01-01"})
    D.close_ledger()
    return paths


def studio_names(root: Path) -> list[str]:
    out = cli("--data-dir", str(root), "studios", "--json")
    assert out.returncode == 0, out.stderr
    import json

    return sorted(s["name"] for s in json.loads(out.stdout))


# -- 1. a journal from another ledger ----------------------------------------------------------
def test_a_journal_left_by_another_ledger_is_set_aside_not_merged(tmp_path):
    mine = make_ledger(tmp_path / "mine", "甲工作室")
    other = make_ledger(tmp_path / "other", "乙工作室")
    crash_after(other.root, "丙工作室")  # the other ledger leaves a journal holding 丙
    wal = other.root / "ledger.sqlite3-wal"
    assert wal.stat().st_size > 0
    foreign = wal.read_bytes()
    shutil.copy(wal, mine.root / "ledger.sqlite3-wal")  # copied by hand next to ours
    shutil.copy(other.root / "ledger.sqlite3-shm", mine.root / "ledger.sqlite3-shm")

    out = cli("--data-dir", str(mine.root), "studios")
    assert out.returncode == 0, out.stderr
    assert "甲工作室" in out.stdout and "丙工作室" not in out.stdout and "乙" not in out.stdout
    assert "不属于本台账" in out.stderr and "没有合并" in out.stderr
    kept = list((mine.root / "aside").iterdir())
    assert any(p.read_bytes() == foreign for p in kept), "the foreign journal is kept as it was"
    assert all(".foreign" in p.name for p in kept)
    assert studio_names(mine.root) == ["甲工作室"]
    assert cli("--data-dir", str(mine.root), "check").returncode == 0
    # the other ledger, with its own journal, still has everything it committed
    assert studio_names(other.root) == sorted(["乙工作室", "丙工作室"])


def test_the_ledgers_own_journal_after_a_crash_is_applied(tmp_path):
    paths = make_ledger(tmp_path / "d", "甲工作室")
    crash_after(paths.root, "乙工作室")
    assert (paths.root / "ledger.sqlite3-wal").stat().st_size > 0
    assert studio_names(paths.root) == sorted(["乙工作室", "甲工作室"])
    assert not (paths.root / "aside").exists()


# -- 2. damaged pages ---------------------------------------------------------------------------
def _ledger_with_backup(root: Path) -> tuple[LedgerPaths, Path]:
    paths = D.open_ledger(LedgerPaths(root))
    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "单位",
                                       "founded_on": "2020-01-01"})
    for i in range(300):
        R.create("member", studio["uid"], {"name": f"成员{i}", "role": "member",
                                            "specialty": "钳工" * 30})
    good = backup.take_backup(paths, "manual").path
    D.close_ledger()
    return paths, good


def _zero_page(db: Path, page: int) -> None:
    size = int.from_bytes(db.read_bytes()[16:18], "big")
    with open(db, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * size)


def test_a_zeroed_page_is_found_after_an_unclean_shutdown_and_restore_repairs_it(tmp_path):
    paths, good = _ledger_with_backup(tmp_path / "d")
    crash_after(paths.root)  # the program was killed ...
    _zero_page(paths.db, 6)  # ... and a page of the members' table was lost with it
    damaged = digest(paths.db)

    out = cli("--data-dir", str(paths.root), "studios")
    assert out.returncode == 1 and "已损坏" in out.stderr and "Traceback" not in out.stderr
    out = cli("--data-dir", str(paths.root), "check")
    assert out.returncode == 1 and "已损坏" in out.stdout and "Traceback" not in out.stderr
    assert digest(paths.db) == damaged, "nothing is changed before the user chooses"

    out = cli("--data-dir", str(paths.root), "restore", good.name)
    assert out.returncode == 0, out.stderr
    aside = [p for p in (paths.root / "aside").iterdir() if p.name.startswith("ledger.sqlite3.")]
    assert [digest(p) for p in aside] == [damaged], "the damaged file is kept byte for byte"
    assert cli("--data-dir", str(paths.root), "check").returncode == 0
    assert studio_names(paths.root) == ["甲工作室"]


def test_a_cut_off_last_page_is_found_at_every_opening(tmp_path):
    paths, good = _ledger_with_backup(tmp_path / "d")
    with open(paths.db, "r+b") as f:
        f.truncate(paths.db.stat().st_size - 1000)
    out = cli("--data-dir", str(paths.root), "studios")
    assert out.returncode == 1 and "截断" in out.stderr
    assert cli("--data-dir", str(paths.root), "check").returncode == 1
    assert cli("--data-dir", str(paths.root), "restore", str(good)).returncode == 0
    assert studio_names(paths.root) == ["甲工作室"]


def test_check_reports_a_damaged_page_without_a_traceback(tmp_path):
    paths, _ = _ledger_with_backup(tmp_path / "d")
    _zero_page(paths.db, 6)  # no crash: only `laomo check` reads every page
    out = cli("--data-dir", str(paths.root), "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "错误" in out.stdout


# -- 3. a lost ledger ---------------------------------------------------------------------------
def test_an_empty_ledger_file_beside_backups_is_a_lost_ledger_not_a_first_run(tmp_path):
    paths, good = _ledger_with_backup(tmp_path / "d")
    paths.db.write_bytes(b"")
    with pytest.raises(LaomoError, match="0 字节.*备份"):
        D.open_ledger(paths)
    assert paths.db.stat().st_size == 0 and not (paths.root / "ledger.sqlite3-wal").exists()
    out = cli("--data-dir", str(paths.root), "demo")
    assert out.returncode == 1 and "备份" in out.stderr
    assert cli("--data-dir", str(paths.root), "restore", good.name).returncode == 0
    assert studio_names(paths.root) == ["甲工作室"]


def test_the_user_may_still_start_an_empty_ledger_on_purpose(tmp_path):
    paths, _ = _ledger_with_backup(tmp_path / "d")
    paths.db.unlink()
    D.open_ledger(paths, start_empty=True)
    try:
        assert database.execute_sql("SELECT count(*) FROM studio").fetchone()[0] == 0
    finally:
        D.close_ledger()


# -- 4. a read-only folder ----------------------------------------------------------------------
def _read_only(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the CLI with the data folder mounted read-only (a user namespace: no root needed)."""
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to mount a folder read-only")
    script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && '
              'exec "$@"')
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(root),
                           sys.executable, "-m", "laomo_desktop", "--data-dir", str(root),
                           *args], capture_output=True, text=True, timeout=120)


def test_a_read_only_folder_opens_for_reading_and_refuses_changes_saying_so(tmp_path):
    paths, _ = _ledger_with_backup(tmp_path / "d")
    before = digest(paths.db)
    out = _read_only(paths.root, "studios")
    assert out.returncode == 0, out.stderr
    assert "甲工作室" in out.stdout
    pdf = tmp_path / "a.pdf"
    out = _read_only(paths.root, "report", "annual", "--studio", "甲工作室", "--year", "2025",
                     "--out", str(pdf))
    assert out.returncode == 0, out.stderr
    assert pdf.stat().st_size > 0
    for args in (["demo"], ["backup"]):
        out = _read_only(paths.root, *args)
        assert out.returncode == 1
        assert "只读" in out.stderr and str(paths.root) in out.stderr
        assert "不是有效的台账" not in out.stderr
    assert digest(paths.db) == before


# -- 5. leftovers -------------------------------------------------------------------------------
def test_partial_files_left_by_interrupted_work_are_removed_at_start(tmp_path):
    paths = make_ledger(tmp_path / "d", "甲工作室")
    left = [paths.backups / "ledger-20260101-000000-000000-auto.sqlite3.partial",
            paths.attachments / "ab" / ("ab" + "0" * 62 + ".partial")]
    for p in left:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x" * 1000)
    D.open_ledger(paths)
    try:
        assert D.current().partials_removed == 2
        assert not any(p.exists() for p in left)
    finally:
        D.close_ledger()


# -- 6. a full disk -----------------------------------------------------------------------------
def test_a_full_disk_says_so_and_leaves_the_ledger_as_it_was(ledger):
    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "单位",
                                       "founded_on": "2020-01-01"})
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up now
    with pytest.raises(LaomoError) as err:
        R.create("rule", studio["uid"], {"title": "制度", "category": "management",
                                         "text": "很长的制度全文。" * 2000})
    assert "磁盘已满" in err.value.message and "没有改动" in err.value.message
    assert "rollback" not in err.value.message
    assert R.list_records("rule", studio["uid"]) == []
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    R.create("rule", studio["uid"], {"title": "制度", "category": "management"})
    assert len(R.list_records("rule", studio["uid"])) == 1


# -- 7. links out of the data folder ------------------------------------------------------------
def test_a_data_folder_whose_attachments_point_outside_is_refused(tmp_path):
    paths = make_ledger(tmp_path / "d", "甲工作室")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(paths.attachments)
    paths.attachments.symlink_to(outside)
    with pytest.raises(LaomoError, match="指向文件夹之外的链接"):
        D.open_ledger(paths)
    assert list(outside.iterdir()) == []


def test_a_planted_link_under_a_partial_name_is_not_written_through(ledger, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("不要改我")
    src = tmp_path / "photo.jpg"
    src.write_bytes(b"\xff\xd8 photo")
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    part = blobs.blob_path(ledger, sha).with_name(sha + ".partial")
    part.parent.mkdir(parents=True, exist_ok=True)
    part.symlink_to(victim)
    blobs.store_blob(ledger, src)
    assert victim.read_text() == "不要改我"
    assert blobs.blob_path(ledger, sha).read_bytes() == src.read_bytes()

    name = "ledger-20990101-000000-000000-manual.sqlite3"
    (ledger.backups / (name + ".partial")).symlink_to(victim)
    from datetime import UTC, datetime

    backup.take_backup(ledger, "manual", now=datetime(2099, 1, 1, tzinfo=UTC))
    assert victim.read_text() == "不要改我"
    assert (ledger.backups / name).exists()


def test_restore_repairs_a_damaged_ledger_that_was_closed_cleanly(tmp_path):
    paths, good = _ledger_with_backup(tmp_path / "d")
    _zero_page(paths.db, 6)  # damaged at rest: the opening's cheap check cannot see it
    damaged = digest(paths.db)
    out = cli("--data-dir", str(paths.root), "restore", good.name)
    assert out.returncode == 0, out.stderr
    aside = [p for p in (paths.root / "aside").iterdir() if p.name.startswith("ledger.sqlite3.")]
    assert [digest(p) for p in aside] == [damaged]
    assert cli("--data-dir", str(paths.root), "check").returncode == 0
    assert studio_names(paths.root) == ["甲工作室"]


def test_a_read_only_folder_never_reads_a_strangers_journal(tmp_path):
    mine = make_ledger(tmp_path / "mine", "甲工作室")
    other = make_ledger(tmp_path / "other", "乙工作室")
    crash_after(other.root, "丙工作室")
    shutil.copy(other.root / "ledger.sqlite3-wal", mine.root / "ledger.sqlite3-wal")
    out = _read_only(mine.root, "studios")
    assert out.returncode == 0, out.stderr
    assert "甲工作室" in out.stdout and "丙" not in out.stdout and "乙" not in out.stdout
    assert "不属于本台账" in out.stderr
    assert (mine.root / "ledger.sqlite3-wal").exists(), "left where it was: the folder is read-only"


def test_a_full_disk_at_opening_is_not_called_damage(tmp_path):
    """SQLite needs a little room for its working files even to read: with none left, the user
    reads that the disk is full, not that the ledger is damaged (and nothing is changed)."""
    paths = make_ledger(tmp_path / "d", "甲工作室")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = ('mount -t tmpfs -o size=4m tmpfs "$1" && cp -r "$2" "$1/d" && '
              '(dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null; true) && '
              'exec "$3" -m laomo_desktop --data-dir "$1/d" studios')
    out = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk),
                          str(paths.root), sys.executable], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 1
    assert "磁盘已满" in out.stderr and "已损坏" not in out.stderr, out.stderr
