"""Benchmark: `demo --heavy` (42 studios × 10 years) and the statistics of every studio-year.

Baselines are measured in the same run on the same machine:
- writing: the same rows inserted with bare sqlite3 executemany into an empty v1 schema;
- statistics: exactly the same SQL (ledger.stats.QUERIES) on a bare sqlite3 connection.
Prints the ratios. Target (issue "Ledger core"): statistics for one studio-year ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from baselines import raw_insert_baseline
from laomo_desktop.ledger import demo, stats
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--studios", type=int, default=demo.HEAVY[0])
    ap.add_argument("--years", type=int, default=demo.HEAVY[1])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-"))
    paths = open_ledger(LedgerPaths(tmp / "heavy"))

    t0 = time.perf_counter()
    for _ in demo.generate(args.studios, args.years):
        pass
    demo_s = time.perf_counter() - t0
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = paths.db.stat().st_size / 1e6
    raw_s, rows = raw_insert_baseline(paths.db, tmp / "raw.sqlite3", 42)  # one commit a studio

    pairs = database.execute_sql("SELECT id, uid FROM studio").fetchall()
    last = max(int(r[0][:4]) for r in database.execute_sql("SELECT max(date) FROM activity"))
    years = range(last - args.years + 1, last + 1)

    ours = []
    for _sid, uid in pairs:
        for y in years:
            t = time.perf_counter()
            stats.studio_year(uid, y)
            ours.append(time.perf_counter() - t)
    close_ledger()

    raw = sqlite3.connect(paths.db)
    base = []
    for sid, _uid in pairs:
        for y in years:
            p = {"sid": sid, "year": y, "start": f"{y}-01-01", "end": f"{y}-12-31",
                 "before": f"{y - 1}-12-31"}
            t = time.perf_counter()
            raw.execute("SELECT id FROM studio WHERE uid = ?", (_uid,)).fetchone()
            for sql in stats.QUERIES.values():
                raw.execute(sql, p).fetchall()
            base.append(time.perf_counter() - t)
    raw.close()

    def ms(xs: list[float], q: float) -> float:
        return statistics.quantiles(xs, n=100)[int(q) - 1] * 1000 if q < 100 else max(xs) * 1000

    print(f"ledger: {args.studios} studios × {args.years} years, {rows:,} rows, {size_mb:.0f} MB")
    print(f"demo --heavy:        {demo_s:7.2f} s   raw executemany baseline {raw_s:6.2f} s   "
          f"ratio {demo_s / raw_s:5.1f}×")
    print(f"stats, {len(ours)} studio-years: total {sum(ours):6.2f} s   "
          f"raw sqlite3 {sum(base):6.2f} s   ratio {sum(ours) / sum(base):5.2f}×")
    print(f"stats per studio-year: median {statistics.median(ours) * 1000:5.1f} ms, "
          f"p95 {ms(ours, 95):5.1f} ms, max {ms(ours, 100):5.1f} ms   "
          f"(raw median {statistics.median(base) * 1000:5.1f} ms)   target ≤ 20 ms: "
          f"{'met' if ms(ours, 95) <= 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
