"""Baselines the benchmarks share: the same rows written with bare sqlite3."""

from __future__ import annotations

import sqlite3
import time
from importlib import resources
from pathlib import Path

from laomo_desktop.store import migrations

# the ledger's content: not ledger_info, which is about the file itself (store.journal)
RECORD_TABLES_SQL = ("SELECT name FROM sqlite_master WHERE type='table' "
                     "AND name != 'ledger_info' ORDER BY rowid")


def raw_insert_baseline(src: Path, dest: Path, commits: int) -> tuple[float, int]:
    """Seconds to write every row of `src` into a fresh schema with bare executemany."""
    out = sqlite3.connect(dest, isolation_level=None)
    out.execute("PRAGMA journal_mode=wal")
    out.execute("PRAGMA synchronous=full")
    out.executescript(resources.files("laomo_desktop.store").joinpath("schema_v1.sql")
                      .read_text("utf-8"))
    for stmt in migrations._V2 + migrations._V4:
        out.execute(stmt)
    con = sqlite3.connect(src)
    tables = [r[0] for r in con.execute(RECORD_TABLES_SQL)]
    data = {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    con.close()
    rows = sum(len(v) for v in data.values())
    t0 = time.perf_counter()
    for i in range(commits):
        out.execute("BEGIN IMMEDIATE")
        for t, vals in data.items():
            chunk = vals[i * len(vals) // commits:(i + 1) * len(vals) // commits]
            if chunk:
                marks = ",".join("?" * len(chunk[0]))
                out.executemany(f'INSERT INTO "{t}" VALUES ({marks})', chunk)
        out.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    out.close()
    return elapsed, rows
