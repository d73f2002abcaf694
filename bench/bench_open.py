"""Benchmark: what opening the heavy ledger costs with the safety checks of issue "Nothing lost".

On the heavy ledger (`demo --heavy`, 42 studios × 10 years) it times, median of N runs:
- baseline: a bare sqlite3 connection with the same pragmas, and one query;
- open_ledger after a clean shutdown: lock, link and leftover checks, journal identity, the
  header check, connect, checkpoint and journal mark;
- open_ledger after an unclean shutdown (the session marker left): the same plus quick_check;
- quick_check alone, and a full integrity_check (what `laomo check` runs) for scale.
Target: the check at every start under 150 ms, or run only after an unclean shutdown.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from laomo_desktop.ledger import demo
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import health
from laomo_desktop.store.database import PRAGMAS, close_ledger, open_ledger


def timed(fn, runs: int) -> float:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--studios", type=int, default=demo.HEAVY[0])
    ap.add_argument("--years", type=int, default=demo.HEAVY[1])
    args = ap.parse_args()
    paths = LedgerPaths(Path(tempfile.mkdtemp(prefix="laomo-bench-open-")) / "heavy")
    open_ledger(paths)
    for _ in demo.generate(args.studios, args.years):
        pass
    close_ledger()
    size = paths.db.stat().st_size / 1e6

    def bare():
        con = sqlite3.connect(paths.db)
        for k, v in PRAGMAS.items():
            con.execute(f"PRAGMA {k} = {v}")
        con.execute("SELECT count(*) FROM studio").fetchone()
        con.close()

    def clean():
        open_ledger(paths)
        close_ledger()

    def unclean():
        health.begin_session(paths)  # as a killed program leaves it
        open_ledger(paths)
        close_ledger()

    def integrity():
        con = sqlite3.connect(paths.db)
        con.execute("PRAGMA integrity_check").fetchall()
        con.close()

    base = timed(bare, args.runs)
    t_clean = timed(clean, args.runs)
    t_unclean = timed(unclean, args.runs)
    t_quick = timed(lambda: health.quick_check(paths.db), args.runs)
    t_header = timed(lambda: health.header_problem(paths.db), args.runs)
    t_full = timed(integrity, max(3, args.runs // 3))
    print(f"heavy ledger: {size:.1f} MB")
    print(f"bare sqlite3 connect + pragmas + query : {base:7.1f} ms (baseline)")
    print(f"open after a clean shutdown            : {t_clean:7.1f} ms  "
          f"({t_clean / base:.1f}× baseline; +{t_clean - base:.1f} ms)")
    print(f"open after an unclean shutdown         : {t_unclean:7.1f} ms  "
          f"({t_unclean / base:.1f}× baseline; +{t_unclean - base:.1f} ms)")
    print(f"  of which the header check            : {t_header:7.2f} ms")
    print(f"  of which quick_check                 : {t_quick:7.1f} ms  "
          f"({'under' if t_quick < 150 else 'OVER'} the 150 ms budget)")
    print(f"full integrity_check (laomo check)     : {t_full:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
