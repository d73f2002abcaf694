"""Benchmark: 1,000 rows pasted from Excel/WPS into a section, until their preview is on screen.

A demo ledger (one studio, three years) gets 1,000 pasted rows twice: members (text, choices,
typed dates in several spellings, yes/no) and fund entries (typed dates, ¥ amounts with
thousands separators, choices, a project named by its title). Measured, median of --repeat:
- preview: ledger.paste.preview (parse the TSV, match the headers, read every cell as typed,
  check every row with the services' rules and the rules across the studio's records);
- shown: the PasteDialog built over that preview, shown and its table painted;
- add: the valid rows written (one transaction, each through records.create with its audit
  entry), and the undo of that step (each to the recycle bin), for information.
Baseline, in the same run on the same machine: the same text split by Python's csv module and
the same rows (values already typed) checked by ledger.validate.clean_record alone, the floor
any reading of the rows has to pay. Target (issue 11 §3): preview shown ≤ 1 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from laomo_desktop.ledger import demo, paste
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.store.database import close_ledger, open_ledger

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROWS = 1000
DATES = ("1985/3/{d}", "1985-3-{d}", "1985年3月{d}日", "198503{d:02d}", "1985.3.{d}")


def member_rows(n: int) -> tuple[str, list[dict]]:
    """Pasted member rows, and the same records as typed values for the baseline."""
    lines = ["姓名\t性别\t出生日期\t学历\t专业\t岗位\t职称\t中共党员\t工作室角色\t加入日期\t联系电话"]
    values = []
    for i in range(n):
        d = i % 28 + 1
        lines.append(f"成员{i}\t{'男女'[i % 2]}\t{DATES[i % len(DATES)].format(d=d)}\t大学本科\t"
                     f"电气工程\t检修班\t工程师\t{'是否'[i % 2]}\t成员\t2020-01-{d:02d}\t"
                     f"1380000{i:04d}")
        values.append({"name": f"成员{i}", "sex": ("male", "female")[i % 2],
                       "birth_date": f"1985-03-{d:02d}", "education": "bachelor",
                       "specialty": "电气工程", "post": "检修班", "title": "工程师",
                       "party_member": i % 2 == 0, "role": "member",
                       "joined_on": f"2020-01-{d:02d}", "phone": f"1380000{i:04d}"})
    return "\r\n".join(lines) + "\r\n", values


def fund_rows(n: int, project: tuple[str, str], year: int) -> tuple[str, list[dict]]:
    uid, title = project
    lines = ["日期\t收支\t经费来源\t支出类别\t金额（元）\t凭证号\t摘要\t关联课题"]
    values = []
    for i in range(n):
        d = i % 28 + 1
        income = i % 3 == 0
        lines.append(f"{year}/{i % 12 + 1}/{d}\t{'收入' if income else '支出'}\t"
                     f"{'工会拨款' if income else ''}\t{'' if income else '材料'}\t"
                     f"¥{1000 + i:,}.50\tPZ-{i}\t第 {i} 笔\t{title}")
        values.append({"date": f"{year}-{i % 12 + 1:02d}-{d:02d}",
                       "direction": "income" if income else "expense",
                       "source": "union" if income else None,
                       "category": None if income else "material",
                       "amount_fen": (1000 + i) * 100 + 50, "voucher_no": f"PZ-{i}",
                       "note": f"第 {i} 笔", "project": uid})
    return "\r\n".join(lines) + "\r\n", values


class OnceResolver:
    """The database resolver asked once per referenced record, as a careful reader would."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], V.Ref | None] = {}

    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        if (kind, uid) not in self.seen:
            self.seen[(kind, uid)] = R.RESOLVER.resolve(kind, uid)
        return self.seen[(kind, uid)]


def baseline(kind: str, studio_uid: str, text: str, values: list[dict]) -> float:
    t = time.perf_counter()
    list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    studio = R.RESOLVER.resolve("studio", studio_uid)
    ctx = V.Context(studio.id, OnceResolver(), date.today())
    k = S.kind(kind)
    for v in values:
        V.clean_record(k, v, ctx)
    return time.perf_counter() - t


def measure(app, kind: str, studio_uid: str, text: str, values: list[dict],
            repeat: int) -> dict:
    from laomo_desktop.ui.dialogs.paste import PasteDialog

    r: dict = {"kind": kind, "preview": [], "shown": [], "base": []}
    for _ in range(repeat):
        r["base"].append(baseline(kind, studio_uid, text, values))
        t = time.perf_counter()
        p = paste.preview(kind, studio_uid, text)
        r["preview"].append(time.perf_counter() - t)
        dlg = PasteDialog(p)
        dlg.show()
        app.processEvents()
        dlg.table.viewport().repaint()
        r["shown"].append(time.perf_counter() - t)
        r["counts"] = p.counts()
        dlg.close()
        dlg.deleteLater()
        app.processEvents()
    t = time.perf_counter()
    uids = paste.add(p)
    r["add"] = time.perf_counter() - t
    t = time.perf_counter()
    paste.trash_added(kind, uids)
    r["undo"] = time.perf_counter() - t
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rows", type=int, default=ROWS)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-paste-"))
    open_ledger(LedgerPaths(tmp / "data"))
    for _ in demo.generate(1, 3):
        pass
    studio = R.list_records("studio")[0]["uid"]
    projects = Q.ref_choices("project", studio)
    titles = [t for _, t in projects]
    project = next(p for p in projects if titles.count(p[1]) == 1)

    from laomo_desktop.ui import i18n
    from laomo_desktop.ui.app import make_app

    app = make_app()
    i18n.install(app, i18n.DEFAULT)
    year = date.today().year
    results = [measure(app, "member", studio, *member_rows(args.rows), args.repeat),
               measure(app, "fund", studio, *fund_rows(args.rows, project, year), args.repeat)]
    close_ledger()

    def ms(xs: list[float]) -> float:
        return statistics.median(xs) * 1000

    print(f"{args.rows:,} pasted rows, medians of {args.repeat} runs   ours      baseline   ratio")
    summary = []
    for r in results:
        good, bad = r["counts"]
        base = ms(r["base"])
        print(f"{r['kind']:>6}: preview (read + check)   {ms(r['preview']):7.0f} ms  {base:7.0f} ms  "
              f"{ms(r['preview']) / base:5.2f}×   csv + clean_record of typed values")
        print(f"        preview shown (dialog)   {ms(r['shown']):7.0f} ms  {base:7.0f} ms  "
              f"{ms(r['shown']) / base:5.2f}×   target ≤ 1000 ms; {good} valid, {bad} with errors")
        print(f"        add {good} rows (one step)   {r['add'] * 1000:7.0f} ms   "
              f"undo (to the bin) {r['undo'] * 1000:.0f} ms")
        summary.append((f"{r['kind']}: preview shown ≤ 1 s ({ms(r['shown']):.0f} ms)",
                        ms(r["shown"]) <= 1000))
    for text, ok in summary:
        print(f"{text}: {'met' if ok else 'NOT met'}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
