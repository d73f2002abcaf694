"""Benchmark: the GUI on the heavy ledger (`demo --heavy`, 42 studios × 10 years).

Baselines are measured in the same run on the same machine:
- cold start and peak memory: a fresh `python -c` that imports PySide6, shows a bare QMainWindow
  and quits after one event-loop turn, against a fresh `python -c` that does what run_gui does
  (make_app, single instance, translations, the window's frame shown: WindowHost(...).show(
  fill=False)) and quits the same way; and the same start quitting once the window is filled
  (after its first paint: open_or_recover, window.fill(), tell_how_it_opened, listen), which is
  also the run whose peak memory is reported. Each side runs in its own fresh process, started by a small launcher process (not
  by this one): a process's ru_maxrss starts from the peak of the process that forked it (Linux
  carries it over fork and exec), so a child of this process, which holds the heavy ledger's
  generation, would report this process's peak as its own. The launcher times the child around
  subprocess.run; the child prints its own RUSAGE_SELF ru_maxrss at the end. The floor line is
  what a child doing nothing reports the same way. Median of --repeat runs each, interleaved,
  after one untimed warm-up.
- filter keystroke: filtering the same rows in plain Python (`in` over precomputed casefolded
  strings of every row's shown text).
In process, MainWindow at 1366×768 on "all years", the 活动与培训 (activity) section is opened
(nav.setCurrentRow → processEvents → viewport repaint, with the columns fitted as on a first
run) and searched: "培", then " 安" (a second word, as an input method commits it) narrows.
Once for the busiest studio, once with every studio's activities (fetch_rows(..., None, ...)
patched into the page's reload). Targets: start ≤ 1.5 × bare window, memory ≤ bare + 150 MiB,
first paint ≤ 200 ms, filter keystroke ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from laomo_desktop.ledger import demo
from laomo_desktop.ledger import queries as Q
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1280, 760)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

APP = """
import resource, sys
from pathlib import Path
import laomo_desktop.cli  # noqa: F401 - the real entry point imports it first
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui import i18n
from laomo_desktop.ui.app import (WindowHost, after_first_paint, make_app, open_or_recover,
                                  settings_for, tell_how_it_opened)
from laomo_desktop.ui.system.crash import install_excepthook, log_dir_for
from laomo_desktop.ui.system.single import SingleInstance
QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = make_app()
paths = LedgerPaths(Path(sys.argv[1]))
paths.ensure()
single = SingleInstance(paths)
assert single.acquire(listen=False)  # as run_gui: the lock first, listening after the show
settings = settings_for(paths)
i18n.install(app, str(settings.value("language", i18n.DEFAULT)))
host = WindowHost(app, paths, settings)
install_excepthook(log_dir_for(paths), lambda: host.window)
host.show(fill=False)
filled = sys.argv[2] == "filled"


def fill():
    assert open_or_recover(paths)
    host.window.fill()
    tell_how_it_opened(host.window)
    single.listen()
    if filled:
        QTimer.singleShot(0, app.quit)


after_first_paint(host.window, fill)
if not filled:
    QTimer.singleShot(0, app.quit)
app.exec()
if "laomo_desktop.store.database" in sys.modules:  # a frame-only start never loaded it:
    from laomo_desktop.store.database import close_ledger  # importing it to close nothing
    close_ledger()  # would time the ledger's modules as part of the start
single.release()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


# Starts the measured child from a small process and times it there: the child's ru_maxrss then
# starts from the launcher's peak (about 10 MiB, below any child's own), not from this process's.
LAUNCHER = """
import subprocess, sys, time
t = time.perf_counter()
out = subprocess.run([sys.executable, "-c", *sys.argv[1:]], capture_output=True, text=True,
                     timeout=120, check=True).stdout
print(time.perf_counter() - t, out.split()[-1])
"""

NOTHING = """
import resource
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

# ru_maxrss is in KiB on Linux, in bytes on macOS
RSS_UNIT = 1 if sys.platform == "darwin" else 1024


def child(code: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, max RSS in MiB) of one fresh interpreter running `code`, started by the
    launcher."""
    out = subprocess.run([sys.executable, "-c", LAUNCHER, code, *args], capture_output=True,
                         text=True, timeout=240, check=True, env=env).stdout.split()
    return float(out[0]), int(out[1]) * RSS_UNIT / (1 << 20)


def cold_start(root: Path, repeat: int, pycache: Path) -> dict[str, list[tuple[float, float]]]:
    # An installed program has its .pyc files: let the warm-up write them (outside the source
    # tree) even when PYTHONDONTWRITEBYTECODE is set, as it is in the dev shell.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    child(BARE, env=env)
    child(APP, str(root), "filled", env=env)  # warm-up: disk cache, .pyc files
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "app": [], "filled": [],
                                                  "floor": []}
    for _ in range(repeat):
        runs["floor"].append(child(NOTHING, env=env))
        runs["bare"].append(child(BARE, env=env))
        runs["app"].append(child(APP, str(root), "shown", env=env))
        runs["filled"].append(child(APP, str(root), "filled", env=env))
    return runs


def in_process(paths: LedgerPaths, tmp: Path, repeat: int) -> list[dict]:
    from PySide6.QtCore import QSettings

    from laomo_desktop.ui import i18n
    from laomo_desktop.ui.app import make_app
    from laomo_desktop.ui.context import AppContext
    from laomo_desktop.ui.pages import section as sp
    from laomo_desktop.ui.pages.sections import SECTIONS
    from laomo_desktop.ui.window.mainwindow import MainWindow

    app = make_app()
    i18n.install(app, i18n.DEFAULT)
    open_ledger(paths)
    settings = QSettings(str(tmp / "inprocess.ini"), QSettings.Format.IniFormat)  # first run
    settings.setValue("backup/on_close", False)
    win = MainWindow(AppContext(paths, settings))
    win.resize(1366, 768)
    win.show()
    busiest = database.execute_sql(
        "SELECT s.uid FROM activity a JOIN studio s ON s.id = a.studio_id "
        "WHERE a.deleted_at IS NULL GROUP BY s.uid ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    win.refresh_studios(select=busiest)
    win.year_box.setCurrentIndex(0)  # all years
    app.processEvents()
    keys = [s.key for s in SECTIONS]
    page = win.page("activity")
    away, here = keys.index("plan"), keys.index("activity")

    def painted(action) -> float:
        t = time.perf_counter()
        action()
        app.processEvents()
        page.table.viewport().repaint()
        return time.perf_counter() - t

    def switch(fit: bool) -> float:
        page.search.clear()
        win.nav.setCurrentRow(away)
        app.processEvents()
        page._dirty, page._fit_columns = True, fit  # fit: the first time ever (no saved widths)
        return painted(lambda: win.nav.setCurrentRow(here))

    def measure(label: str) -> dict:
        r: dict = {"label": label, "saved": [], "paint": [], "k1": [], "k2": [], "b1": [],
                   "b2": []}
        for _ in range(repeat):
            r["saved"].append(switch(False))
            r["paint"].append(switch(True))
            r["k1"].append(painted(lambda: page.search.insert("培")))
            r["shown1"] = page.model.rowCount()
            r["k2"].append(painted(lambda: page.search.insert(" 安")))
            r["shown2"] = page.model.rowCount()
        r["rows"] = page.model.total_count()
        page.search.clear()  # every row's searched text: what the rule compares (no timing)
        fmts = page.model._formatters
        hay = ["\t".join(f(v) for f, v in zip(fmts, row[2:], strict=False)).casefold()
               for row in page.model.shown_rows()]
        for key, words in (("b1", ["培"]), ("b2", ["培", "安"])):
            for _ in range(repeat):
                t = time.perf_counter()
                view = [i for i, h in enumerate(hay) if all(w in h for w in words)]
                r[key].append(time.perf_counter() - t)
            assert len(view) == r["shown1" if key == "b1" else "shown2"]
        return r

    results = [measure("1 studio")]
    real_q, real_rq = sp.Q, getattr(sp, "RowQuery", None)
    sp.Q = types.SimpleNamespace(**{
        **vars(Q), "fetch_rows": lambda kind, _studio, cols, **_kw: Q.fetch_rows(kind, None, cols)})
    if real_rq is not None:  # a list of row ids (ledger/rowquery.py)
        sp.RowQuery = lambda kind, _studio, cols, **kw: real_rq(kind, None, cols, **kw)
    try:
        results.append(measure("all studios"))
    finally:
        sp.Q = real_q
        if real_rq is not None:
            sp.RowQuery = real_rq
    page.search.clear()
    win.close()
    settings.sync()  # nothing left to write when it is destroyed, after the folder is removed
    close_ledger()
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-gui-"))
    paths = open_ledger(LedgerPaths(tmp / "heavy"))
    t = time.perf_counter()
    for _ in demo.generate(*demo.HEAVY):
        pass
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_ledger()
    print(f"heavy ledger: {demo.HEAVY[0]} studios × {demo.HEAVY[1]} years, "
          f"{paths.db.stat().st_size / 1e6:.0f} MB, written in {time.perf_counter() - t:.1f} s")

    from laomo_desktop.ui.app import settings_for

    s = settings_for(paths)
    s.setValue("backup/on_close", False)
    s.sync()
    runs = cold_start(paths.root, args.repeat, tmp / "pycache")
    med = {k: statistics.median(x for x, _ in v) * 1000 for k, v in runs.items()}
    rss = {k: statistics.median(m for _, m in v) for k, v in runs.items()}
    tables = in_process(paths, tmp, args.repeat)

    def ms(xs: list[float]) -> float:
        return statistics.median(xs) * 1000

    verdict = {True: "met", False: "NOT met"}
    start_ratio, extra_mb = med["app"] / med["bare"], rss["filled"] - rss["bare"]
    print(f"medians of {args.repeat} runs                ours      baseline     ratio")
    print(f"cold start to window shown   {med['app']:8.0f} ms  {med['bare']:8.0f} ms  "
          f"{start_ratio:6.2f}×   bare QMainWindow; target ≤ 1.5×")
    print(f"cold start to window filled  {med['filled']:8.0f} ms  {med['bare']:8.0f} ms  "
          f"{med['filled'] / med['bare']:6.2f}×   ledger open, studios listed, page built")
    print(f"peak RSS (ru_maxrss), filled {rss['filled']:8.0f} MiB {rss['bare']:8.0f} MiB "
          f"{rss['filled'] / rss['bare']:6.2f}×   {extra_mb:+.0f} MiB; target ≤ +150 MiB")
    print(f"  (a child doing nothing, started the same way, reports {rss['floor']:.0f} MiB)")
    summary = [(f"cold start ≤ 1.5 × bare window ({start_ratio:.2f}×)", start_ratio <= 1.5),
               (f"peak memory ≤ bare + 150 MiB ({extra_mb:+.0f} MiB)", extra_mb <= 150)]
    for r in tables:
        paint, k = ms(r["paint"]), max(ms(r["k1"]), ms(r["k2"]))
        print(f"activity, {r['label']} ({r['rows']:,} rows, all years):")
        print(f"  first paint (switch section) {paint:7.1f} ms   columns fitted (first run); "
              f"target ≤ 200 ms")
        print(f"  first paint, saved widths    {ms(r['saved']):7.1f} ms   (later runs)")
        for key, text, shown in (("k1", '"培"   ', r["shown1"]), ("k2", '"培 安"', r["shown2"])):
            ours, base = ms(r[key]), ms(r["b" + key[1]])
            print(f"  keystroke → {text}   {ours:7.1f} ms  plain Python {base:6.2f} ms  "
                  f"{ours / base:6.0f}×   {shown:,} rows shown; target ≤ 100 ms")
        summary += [(f"first paint ≤ 200 ms, {r['label']} ({paint:.0f} ms)", paint <= 200),
                    (f"filter keystroke ≤ 100 ms, {r['label']} ({k:.0f} ms)", k <= 100)]
    for text, ok in summary:
        print(f"{text}: {verdict[ok]}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
