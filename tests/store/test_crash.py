"""Kill a writer with SIGKILL at random moments; every reported commit must survive intact."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from laomo_desktop.ledger import records as R
from laomo_desktop.store import database as D

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 20


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_never_loses_a_committed_record_nor_damages_the_file(ledger):
    studio = R.create("studio", None, {"name": "断电测试工作室", "host_unit": "x",
                                       "founded_on": "2020-01-01"})
    member = R.create("member", studio["uid"], {"name": "测试员", "role": "leader"})
    D.close_ledger()  # one writer per ledger: the writers below take it in turn
    rng = random.Random(7)
    committed: list[str] = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(ledger.root), studio["uid"], member["uid"]],
            stdout=subprocess.PIPE, text=True)
        got: list[str] = []
        first = threading.Event()

        def read(p=proc, out=got, ev=first):
            for line in p.stdout:
                out.append(line.strip())
                ev.set()

        reader = threading.Thread(target=read)
        reader.start()
        assert first.wait(30), "the writer never committed anything"
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        assert proc.returncode == -signal.SIGKILL
        committed.extend(got)

    # the journal each killed writer left is recognised as the ledger's own and applied
    assert (ledger.root / "ledger.sqlite3-wal").exists()
    D.open_ledger(ledger)
    assert D.current().notices == []
    assert not (ledger.root / "aside").exists()
    D.close_ledger()
    con = sqlite3.connect(ledger.db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = {r[0] for r in con.execute("SELECT uid FROM activity")}
    missing = [u for u in committed if u not in stored]
    assert not missing, f"{len(missing)} committed records lost"
    # every stored activity is whole: its attendee row and its audit entry came with it
    orphans = con.execute("""
        SELECT count(*) FROM activity a WHERE NOT EXISTS
          (SELECT 1 FROM activity_attendee t WHERE t.parent_id = a.id)""").fetchone()[0]
    unaudited = con.execute("""
        SELECT count(*) FROM activity a WHERE NOT EXISTS
          (SELECT 1 FROM audit_entry e WHERE e.record_uid = a.uid)""").fetchone()[0]
    con.close()
    assert len(committed) >= KILLS
    assert orphans == 0 and unaudited == 0
