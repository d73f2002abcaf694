"""Benchmark: the union summary (汇总表) PDF and XLSX at 500, 2,000 and 5,000 studios.

One ledger grows from 500 to 2,000 to 5,000 studios (each with a leader, a naming, a training
and a result in the year); at each size the year's data (`union_year`), the PDF and the XLSX are
timed. Printed: seconds, milliseconds per studio, and the cost per studio at 5,000 against the
cost at 500 measured in the same run (≈ 1 when the writers are linear). Target: each writer
under 5 s at 5,000 studios.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.ledger.union import union_year
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports.union import write_union_pdf, write_union_xlsx
from laomo_desktop.store.database import close_ledger, open_ledger

YEAR = 2025
SIZES = (500, 2000, 5000)
LEVELS = ("enterprise", "city", "city", "provincial", "district")
PARTY = ("party_branch", "party_group", "pioneer_post", "none")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def add_studios(start: int, stop: int) -> None:
    """Studios number `start` to `stop - 1`, with a few records each in YEAR."""
    with BulkWriter("基准") as w:
        for i in range(start, stop):
            s = w.add("studio", None, {
                "name": f"第{i + 1:04d}号{'电力检修' if i % 3 else '数控机床装调维修'}劳模创新工作室",
                "host_unit": f"基准单位{i % 40}", "founded_on": "2018-03-01",
                "party_org": PARTY[i % len(PARTY)],
                "recognitions": [{"level": LEVELS[i % len(LEVELS)], "date": "2019-05-01"}]})
            m = w.add("member", s, {"name": f"领衔人{i}", "role": "leader"})
            w.add("activity", s, {"date": f"{YEAR}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                  "type": "training", "topic": "设备检修工艺培训",
                                  "outside_count": i % 40, "hours": 2,
                                  "attendees": [{"member": m}]})
            w.add("result", s, {"title": f"第 {i + 1} 项革新成果", "type": "renovation",
                                "date": f"{YEAR}-06-{1 + i % 28:02d}",
                                "contributors": [{"member": m}]})


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-union-"))
    open_ledger(LedgerPaths(tmp / "data"))
    generated = date(YEAR + 1, 1, 15)
    write_union_pdf(YEAR, None, tmp / "warm.pdf", generated)  # fonts and imports, once
    per_studio: dict[str, list[float]] = {"data": [], "pdf": [], "xlsx": []}
    done = 0
    print(f"{'studios':>8} {'data s':>8} {'PDF s':>8} {'XLSX s':>8}   ms/studio: data PDF XLSX")
    for n in SIZES:
        add_studios(done, n)
        done = n
        secs = {"data": timed(lambda: union_year(YEAR)),
                "pdf": timed(lambda: write_union_pdf(YEAR, None, tmp / "u.pdf", generated)),
                "xlsx": timed(lambda: write_union_xlsx(YEAR, None, tmp / "u.xlsx"))}
        for k, v in secs.items():
            per_studio[k].append(v / n)
        print(f"{n:8d} {secs['data']:8.2f} {secs['pdf']:8.2f} {secs['xlsx']:8.2f}   "
              f"{secs['data'] / n * 1e3:9.2f} {secs['pdf'] / n * 1e3:5.2f} "
              f"{secs['xlsx'] / n * 1e3:5.2f}")
    close_ledger()
    last = SIZES[-1]
    for k, label in (("pdf", "PDF"), ("xlsx", "XLSX")):
        growth = per_studio[k][-1] / per_studio[k][0]
        total = per_studio[k][-1] * last
        print(f"{label}: cost per studio at {last} vs {SIZES[0]}: {growth:4.2f}× (linear: ≈1, "
              f"{'met' if growth < 1.5 else 'NOT met'}); {total:5.2f} s at {last} (target < 5 s: "
              f"{'met' if total < 5 else 'NOT met'})")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
