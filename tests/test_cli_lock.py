"""Two programs on one ledger: commands that change it take the window's lock (and wait for
each other); commands that only read keep working beside the window."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from laomo_desktop.exchange import export
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, lock
from laomo_desktop.store.database import close_ledger, open_ledger
from sample_ledger import build

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def laomo(root: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "laomo_desktop", "--data-dir", str(root), *args],
                          capture_output=True, text=True, timeout=120, env=ENV, **kw)


def start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "laomo_desktop", "--data-dir", str(root),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV)


def wait_for_holder(root: Path, proc: subprocess.Popen, program: str) -> None:
    paths = LedgerPaths(root)
    for _ in range(600):  # up to 60 s for the program to start and take the ledger
        holder = lock.read_holder(paths)
        if holder is not None and holder.program == program and holder.pid == proc.pid:
            return
        try:
            proc.wait(timeout=0.1)
            pytest.fail(f"{program} ended early: {proc.stderr.read()}")
        except subprocess.TimeoutExpired:
            pass
    pytest.fail(f"{program} never took the ledger")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    studio = open_ledger(LedgerPaths(tmp_path / "studio"))
    uids = build(studio, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = export.export_studio(studio, uids["A"], usb)
    close_ledger()
    return result.path


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_commands_that_change_the_ledger_refuse_while_the_window_is_open(tmp_path, sample_dir,
                                                                          package):
    root = sample_dir
    with_backup = laomo(root, "backup")
    assert with_backup.returncode == 0
    good = backup.list_backups(LedgerPaths(root))[0].path
    gui = start(root, "gui")
    try:
        wait_for_holder(root, gui, lock.GUI)
        for args in (["demo"], ["restore", str(good)], ["import", "--yes", str(package)],
                     ["backup"], ["conflicts", "--resolve", "1", "--keep", "local"],
                     ["export", "--studio", "甲", "--to", str(tmp_path)]):
            out = laomo(root, *args)
            assert out.returncode == 1, args
            assert "台账正在图形界面中打开" in out.stderr and "先关闭窗口" in out.stderr, args
        # reading goes on beside the window, on one consistent snapshot
        out = laomo(root, "studios", "--json")
        assert out.returncode == 0, out.stderr
        assert len(json.loads(out.stdout)) >= 1
        studio = json.loads(out.stdout)[0]["name"]
        for args in (["stats", "--studio", studio, "--year", "2025"], ["check"], ["backups"],
                     ["verify", str(package)], ["templates"],
                     ["report", "annual", "--studio", studio, "--year", "2025", "--out",
                      str(tmp_path / "a.pdf")]):
            out = laomo(root, *args)
            assert out.returncode == 0, (args, out.stderr)
        assert gui.poll() is None, "the window keeps running"
    finally:
        gui.terminate()
        gui.wait(timeout=30)


HOLD = """
import sys
from pathlib import Path
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import lock
assert lock.try_acquire(LedgerPaths(Path(sys.argv[1])), "import")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_command_waits_for_another_command_then_runs(tmp_path):
    root = tmp_path / "d"
    root.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(root)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        demo = start(root, "demo", "--studios", "1", "--years", "1")
        waiting = demo.stderr.readline()
        assert "laomo import" in waiting and "等待" in waiting
        assert demo.poll() is None
        holder.stdin.close()  # the first command ends
        assert demo.wait(timeout=120) == 0, demo.stderr.read()
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_two_imports_of_one_package_at_once_import_it_once(tmp_path, package):
    office = tmp_path / "office"
    open_ledger(LedgerPaths(office))
    close_ledger()
    results: list[subprocess.CompletedProcess] = []

    def run():
        results.append(laomo(office, "import", "--yes", str(package)))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert not any("Traceback" in r.stderr or "IntegrityError" in r.stderr for r in results)
    said = sorted(r.stdout for r in results)
    assert sum("导入过" in s for s in said) == 1, said
    out = laomo(office, "studios", "--json")
    assert len(json.loads(out.stdout)) == 1
