"""Benchmark: the annual summary PDF (and the same summary as a Word document).

1. The heaviest studio-year of `demo --heavy` (target < 1 s), as PDF and as .docx.
2. A synthetic studio-year at 1×, 2×, 5× and 10× that year's rows: the cost per row must stay
   flat (linear growth).
3. Baselines in the same run: the same appendix rows as one ReportLab LongTable against our
   page-sized chunks, and — where LibreOffice is installed — LibreOffice headless converting an
   XLSX of the same rows to PDF (target: ours ≥ 5× faster).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from laomo_desktop.ledger import demo
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports import layout
from laomo_desktop.reports.annual import write_annual, write_annual_docx
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def heaviest(paths: LedgerPaths) -> tuple[str, int, int]:
    return database.execute_sql("""
        SELECT s.uid, CAST(substr(a.date, 1, 4) AS INTEGER) y, count(*) n
        FROM activity a JOIN studio s ON s.id = a.studio_id
        GROUP BY s.uid, y ORDER BY n DESC LIMIT 1""").fetchone()


def synthetic(root: Path, scale: int, base_acts: int, base_results: int) -> tuple[str, int]:
    """One studio whose single year holds `scale` times the given numbers of rows."""
    open_ledger(LedgerPaths(root))
    year = date.today().year - 1
    with BulkWriter("基准") as w:
        s = w.add("studio", None, {"name": f"基准工作室×{scale}", "host_unit": "基准单位",
                                   "founded_on": "2015-01-01", "has_plaque": True})
        m = w.add("member", s, {"name": "基准领衔人", "role": "leader"})
        for i in range(base_acts * scale):
            d = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            w.add("activity", s, {"date": d, "type": "training" if i % 2 else "exchange",
                                  "topic": f"第 {i + 1} 次活动：设备检修工艺交流与培训",
                                  "outside_count": i % 40, "hours": 2,
                                  "attendees": [{"member": m}]})
            w.add("fund", s, {"date": d, "direction": "expense", "category": "training",
                              "amount_fen": 10000 + i, "note": f"第 {i + 1} 笔培训支出"})
        for i in range(base_results * scale):
            w.add("result", s, {"title": f"第 {i + 1} 项革新成果", "type": "renovation",
                                "date": f"{year}-06-{1 + i % 28:02d}",
                                "contributors": [{"member": m}]})
    return s, year


def libreoffice_baseline(rows: list[list], tmp: Path) -> float | None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        return None
    from openpyxl import Workbook

    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    xlsx = tmp / "rows.xlsx"
    wb.save(xlsx)
    return timed(lambda: subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(xlsx)],
        check=True, capture_output=True))


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-reports-"))
    heavy = LedgerPaths(tmp / "heavy")
    open_ledger(heavy)
    for _ in demo.generate(*demo.HEAVY):
        pass
    uid, year, n_acts = heaviest(heavy)
    n_results = database.execute_sql(
        "SELECT count(*) FROM result WHERE studio_id = (SELECT id FROM studio WHERE uid = ?) "
        "AND date BETWEEN ? AND ?", (uid, f"{year}-01-01", f"{year}-12-31")).fetchone()[0]
    data = write_annual(uid, year, tmp / "warm.pdf")  # font loading and imports, once
    heavy_s = min(timed(lambda: write_annual(uid, year, tmp / "heavy.pdf")) for _ in range(3))
    write_annual_docx(uid, year, tmp / "warm.docx")
    docx_s = min(timed(lambda: write_annual_docx(uid, year, tmp / "heavy.docx"))
                 for _ in range(3))
    close_ledger()
    same_rows = [[str(v) for v in r.values()] for key in
                 ("members", "equipment", "rules", "projects", "results", "benefits",
                  "activities", "trainings", "mentoring", "funds", "honours")
                 for r in data[key]]
    print(f"heaviest studio-year: {n_acts} activities, {n_results} results, "
          f"{len(same_rows)} table rows in all")
    print(f"annual summary: {heavy_s * 1000:7.0f} ms   target < 1000 ms: "
          f"{'met' if heavy_s < 1 else 'NOT met'}")
    print(f"the same summary as Word (.docx): {docx_s * 1000:7.0f} ms   "
          f"{docx_s / heavy_s:4.2f}× the PDF's time")
    lo_heavy = libreoffice_baseline(same_rows, tmp)
    if lo_heavy is not None:
        print(f"the same rows via LibreOffice headless XLSX→PDF {lo_heavy * 1000:7.0f} ms: ours "
              f"{lo_heavy / heavy_s:4.1f}× faster (target ≥ 5×: "
              f"{'met' if lo_heavy / heavy_s >= 5 else 'NOT met'})")

    per_row = []
    for scale in (1, 2, 5, 10):
        s, y = synthetic(tmp / f"x{scale}", scale, n_acts, n_results)
        rows = scale * (2 * n_acts + n_results)
        secs = min(timed(lambda s=s, y=y: write_annual(s, y, tmp / "x.pdf")) for _ in range(2))
        close_ledger()
        per_row.append(secs / rows)
        print(f"synthetic ×{scale:<2}: {rows:6d} table rows  {secs:6.2f} s  "
              f"{secs / rows * 1e6:6.0f} µs/row")
    growth = per_row[-1] / per_row[0]
    print(f"cost per row at ×10 vs ×1: {growth:4.2f}×  (linear: ≈1): "
          f"{'met' if growth < 1.5 else 'NOT met'}")

    st = layout.styles()
    rows = [[f"2025年{1 + i % 12}月{1 + i % 28}日", "培训", f"第 {i + 1} 次活动：设备检修工艺交流",
             "工作室", str(i % 40)] for i in range(5000)]

    def one_long_table():
        from reportlab.platypus import LongTable, Paragraph

        data = [[Paragraph(c, st["cell"]) for c in r] for r in rows]
        layout.build(tmp / "long.pdf", [LongTable(data, repeatRows=1)], title="t",
                     header_left="", header_right="")

    def chunked():
        layout.build(tmp / "chunks.pdf", layout.table(st, ["日期", "类型", "主题", "地点", "人次"],
                                                        rows, [2.6, 2, 6, 3, 1.2]),
                     title="t", header_left="", header_right="")

    long_s, chunk_s = timed(one_long_table), timed(chunked)
    print(f"5,000 rows: one LongTable {long_s:5.2f} s, page-sized tables {chunk_s:5.2f} s "
          f"({long_s / chunk_s:3.1f}× faster)")
    lo = libreoffice_baseline(rows, tmp)
    if lo is None:
        print("LibreOffice baseline: not installed on this machine (apt-get install "
              "libreoffice-calc-nogui to measure it)")
    else:
        print(f"5,000 rows via LibreOffice headless XLSX→PDF {lo:5.2f} s: page-sized tables "
              f"{lo / chunk_s:4.1f}× faster")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
