"""Benchmark: an old Excel ledger of 10,000 rows brought in (issue 14 §3).

A fund sheet kept as secretaries keep it: a merged title, the header in row 3, a 序号 column,
dates as text in several spellings, as date cells and as serial numbers, amounts with 元, in
万元 and as numbers, a blank line and a 小计 row after each month's entries. In a demo ledger
(one studio, three years), measured (median of --repeat):
- preview: ledger.excelimport — the workbook looked at (sheets, header, kind), the sheet read
  in read-only mode, each cell read as the field means it, every row checked with the
  services' rules and found (or not) among the studio's records; nothing written;
- import: the new valid rows added in one transaction with their audit entries;
- again: the preview of the same sheet once imported (every row found in the ledger).
Baseline, in the same run on the same file: openpyxl's bare read (load_workbook read_only,
data_only, every row's values). Targets: preview ≤ 10 s, import ≤ 5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl

from laomo_desktop.ledger import demo, paste
from laomo_desktop.ledger import excelimport as I
from laomo_desktop.ledger import excelread as X
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.work import result_of

ROWS = 10_000
EPOCH = date(1899, 12, 30)


def make_sheet(path: Path, rows: int, year: int) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "经费收支"
    ws.append(["工作室经费收支台账"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：江城供电公司"])
    ws.append(["序号", "日期", "收支", "经费来源", "支出类别", "摘要", "金额（元）", "凭证号"])
    per_month = rows // 12 + 1
    n = 0
    for month in range(1, 13):
        for i in range(per_month):
            if n == rows:
                break
            n += 1
            d = date(year, month, 1 + i % 28)
            when = [f"{d.year}.{d.month}.{d.day}", f"{d.year}年{d.month}月{d.day}日", d,
                    (d - EPOCH).days, f"{d.year}/{d.month}/{d.day}"][n % 5]
            income = n % 4 == 0
            amount = 100 + n
            money = [amount, f"{amount:,}元", f"{amount / 10000}万元", f"¥{amount}.50"][n % 4]
            ws.append([n, when, "收入" if income else "支出", "工会拨款" if income else None,
                       None if income else "材料", f"第{n}笔", money, f"记-{n:05d}"])
        ws.append([None, f"{month}月小计"])
        ws.append([])
    wb.save(path)


def bare_read(path: Path) -> float:
    t = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()
    return time.perf_counter() - t


def preview(path: Path, studio: str) -> tuple[float, I.ImportPreview]:
    t = time.perf_counter()
    info = X.pick(X.inspect(path), None, "fund")
    ip = result_of(I.preview_steps(path, info, "fund", studio))
    return time.perf_counter() - t, ip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rows", type=int, default=ROWS)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-excel-"))
    sheet = tmp / "old.xlsx"
    year = date.today().year - 1
    make_sheet(sheet, args.rows, year)
    open_ledger(LedgerPaths(tmp / "data"))
    for _ in demo.generate(1, 3):
        pass
    studio = R.list_records("studio")[0]["uid"]

    base, previews, imports, again = [], [], [], []
    for _ in range(args.repeat):
        base.append(bare_read(sheet))
        took, ip = preview(sheet, studio)
        previews.append(took)
        t = time.perf_counter()
        uids = result_of(I.import_steps(ip))
        imports.append(time.perf_counter() - t)
        took, second = preview(sheet, studio)
        again.append(took)
        assert second.count(I.NEW) == 0, "a second import would add rows"
        paste.trash_added("fund", uids)  # the next run imports them afresh
    close_ledger()

    b = statistics.median(base)
    rows = [("preview (read + check)", statistics.median(previews), 10.0),
            (f"import {len(uids):,} rows (one step)", statistics.median(imports), 5.0),
            ("preview once imported", statistics.median(again), 10.0)]
    print(f"{args.rows:,} sheet rows, medians of {args.repeat} runs   ours     openpyxl bare read"
          "   ratio")
    for text, secs, _target in rows:
        print(f"  {text:<30} {secs:6.2f} s   {b:6.2f} s   {secs / b:6.2f}×")
    print(f"  {ip.count(I.NEW):,} new, {ip.count(I.ERROR)} with errors, "
          f"{ip.blank} blank lines and {ip.totals} 小计 rows skipped")
    for text, secs, target in rows[:2]:
        print(f"{text} ≤ {target:.0f} s ({secs:.2f} s): {'met' if secs <= target else 'NOT met'}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
