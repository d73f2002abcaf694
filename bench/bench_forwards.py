"""Benchmark: a province office imports the forwards of its 13 city offices (issue 16, §6).

Target: the 13 city forwards of a province with 2,000 studios imported in under 2 minutes,
about 60 ms per studio. Built here, in a temporary folder:
- `13 × --per-city` studios of the sample data (ledger/demo.py, one statistics year), each
  exported as a studio package, as the studios send them;
- 13 city offices (a ledger each, level 市), each importing its studios' packages and forwarding
  them (`laomo export --office`, exchange/forward.py);
- a copy of the province (`--province`, e.g. one bench_province.py --keep made; only its
  ledger file is copied, the original is never opened for writing), whose own office is set to
  the province level, importing the 13 forwards as one `laomo import` call does: one backup for
  the session (exchange/session.py), each office package in one transaction.
Printed: seconds per studio and in all (and the CPU time of this process, steadier than the
wall clock on a shared machine), the extrapolation to 2,000 studios, and baselines
measured in the same run, as ratios:
- read: every studio package read and checked alone (exchange.package.read_package);
- raw rows: the same rows (the studios' ledger's rows of every record table) inserted into a
  copy of the province with bare sqlite3 executemany, in a transaction per city, committed (WAL,
  synchronous=full, as the ledger is opened).
`--profile` adds a cProfile of one forward's import (top functions by own time and cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from laomo_desktop.ledger import demo
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database
from laomo_desktop.work import result_of

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CITIES = ("江城", "滨海", "东川", "南湖", "西岭", "北原", "云港", "汉平", "明州", "安澜", "青川",
          "临江", "石门")
PROVINCE = Path("/tmp/scale-prov/province-2000/ledger.sqlite3")
YEAR = 2025
TARGET_S, TARGET_STUDIOS = 120.0, 2000


def studio_packages(tmp: Path, n: int) -> tuple[LedgerPaths, list[Path]]:
    """n studio packages from a ledger of their own (as the studios send them)."""
    from laomo_desktop.exchange import export

    paths = open_ledger(LedgerPaths(tmp / "studios"))
    for _ in demo.generate(n, 1, seed=7):
        pass
    uids = [r[0] for r in database.execute_sql("SELECT uid FROM studio ORDER BY id").fetchall()]
    out = tmp / "stick"
    out.mkdir()
    files = [export.export_studio(paths, u, out).path for u in uids]
    close_ledger()
    return paths, files


def city_forwards(tmp: Path, files: list[Path], per_city: int) -> list[Path]:
    """Each city office imports its studios' packages and forwards them (an office package)."""
    from laomo_desktop.exchange import forward, importer
    from laomo_desktop.ledger import offices

    up = tmp / "up"
    up.mkdir()
    out = []
    for c, city in enumerate(CITIES):
        paths = open_ledger(LedgerPaths(tmp / f"city-{c}"))
        offices.set_own_office(f"{city}市总工会", "city", f"C{c:02d}")
        for f in files[c * per_city:(c + 1) * per_city]:
            importer.apply(paths, f, trust_new_key=True, take_backup=False)
        out.append(result_of(forward.export_office_steps(paths, up, YEAR)).path)
        close_ledger()
    return out


def province_copy(src: Path, root: Path) -> LedgerPaths:
    paths = LedgerPaths(root)
    paths.ensure()
    shutil.copyfile(src, paths.db)
    return paths


def import_forwards(paths: LedgerPaths, forwards: list[Path], profile: bool) -> dict:
    """As `laomo import F1 … F13 --yes`: one session, one backup before the first package."""
    from laomo_desktop.exchange import officeimport
    from laomo_desktop.exchange.session import ImportSession
    from laomo_desktop.ledger import offices

    open_ledger(paths)
    offices.set_own_office("某省总工会", "province", "P")
    session = ImportSession()
    secs, studios, stats = [], 0, None
    backup_s = cpu = 0.0
    for i, f in enumerate(forwards):
        needs = session.needs_backup()
        if needs:  # the session's one backup, timed on its own
            from laomo_desktop.store import backup
            t = time.perf_counter()
            session.imported(backup.take_backup(paths, "pre-import").path)
            backup_s = time.perf_counter() - t
        prof = cProfile.Profile() if profile and i == len(forwards) - 1 else None
        t, c = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        r = result_of(officeimport.apply_steps(paths, f, trust_new_key=True,
                                               take_backup=session.needs_backup()))
        if prof:
            prof.disable()
            stats = prof
        secs.append(time.perf_counter() - t)
        cpu += time.process_time() - c
        session.imported(r.backup)
        studios += len(r.results)
        assert all(x.applied for x in r.results), "every studio imported"
    close_ledger()
    return {"secs": secs, "cpu": cpu, "studios": studios, "backup": backup_s, "profile": stats}


def read_alone(files: list[Path]) -> float:
    from laomo_desktop.exchange import package

    t = time.perf_counter()
    for f in files:
        package.read_package(f)
    return time.perf_counter() - t


def record_tables() -> list[str]:
    return [t for k in S.KINDS for t in (k.table, *(c.table for c in k.children))]


def raw_rows(studio_db: Path, province_db: Path, commits: int) -> tuple[float, int]:
    """The studios' rows inserted into a copy of the province with bare sqlite3 and committed:
    ids (and the columns holding ids) moved past the province's own; the floor of any import."""
    src = sqlite3.connect(studio_db)
    data = {}
    for t in record_tables():
        cols = [r[1] for r in src.execute(f'PRAGMA table_info("{t}")')]
        shift = [i for i, c in enumerate(cols) if c == "id" or c.endswith("_id")]
        rows = []
        for r in src.execute(f'SELECT * FROM "{t}"'):
            r = list(r)
            for i in shift:
                if r[i] is not None:
                    r[i] += 10_000_000
            rows.append(r)
        data[t] = (cols, rows)
    src.close()
    con = sqlite3.connect(province_db, isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=full")
    n = sum(len(rows) for _, rows in data.values())
    t0 = time.perf_counter()
    for i in range(commits):  # a transaction per office package, as the import
        con.execute("BEGIN IMMEDIATE")
        for t, (cols, rows) in data.items():
            part = rows[i * len(rows) // commits:(i + 1) * len(rows) // commits]
            if part:
                names = ", ".join(f'"{c}"' for c in cols)
                con.executemany(f'INSERT INTO "{t}" ({names}) VALUES '
                                f'({",".join("?" * len(cols))})', part)
        con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, n


def show_profile(prof: cProfile.Profile, top: int) -> None:
    for key in ("tottime", "cumulative"):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats(key).print_stats(top)
        text = s.getvalue()
        start = text.find("   ncalls")
        print(f"--- profile of the last forward's import, by {key} ---")
        print(text[start:].rstrip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-city", type=int, default=3, help="studios per city office")
    ap.add_argument("--province", type=Path, default=PROVINCE, help="the province's ledger file")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the studio packages and forwards")
    args = ap.parse_args()
    if not args.province.is_file():
        print(f"no province at {args.province}: make one with bench/bench_province.py --keep DIR")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-forwards-"))
    made = (args.keep or tmp) / f"per-city-{args.per_city}"
    try:
        t = time.perf_counter()
        if (made / "up").is_dir():
            studios = LedgerPaths(made / "studios")
            files, forwards = sorted((made / "stick").iterdir()), sorted((made / "up").iterdir())
        else:
            shutil.rmtree(made, ignore_errors=True)
            made.mkdir(parents=True)
            studios, files = studio_packages(made, len(CITIES) * args.per_city)
            forwards = city_forwards(made, files, args.per_city)
        print(f"{len(files)} studio packages, {len(forwards)} city forwards "
              f"({sum(f.stat().st_size for f in forwards) / 1e6:.1f} MB) made in "
              f"{time.perf_counter() - t:.0f} s; province {args.province} "
              f"({args.province.stat().st_size / 1e6:.0f} MB), copied")
        read_s = read_alone(files)
        raw = province_copy(args.province, tmp / "raw")
        raw_s, raw_n = raw_rows(studios.db, raw.db, len(forwards))
        shutil.rmtree(tmp / "raw")
        paths = province_copy(args.province, tmp / "province")
        imp = import_forwards(paths, forwards, args.profile)
        n = imp["studios"]
        total = sum(imp["secs"])
        per = total / n
        print(f"imported {n} studios in {len(forwards)} forwards: {total:.2f} s "
              f"(+ the session's backup {imp['backup']:.2f} s)")
        print(f"per forward: {', '.join(f'{s:.2f}' for s in imp['secs'])} s")
        print(f"{'per studio':30s} {per * 1000:8.1f} ms   (of which this process's CPU "
              f"{imp['cpu'] / n * 1000:.1f} ms: the rest is the disk and other programs)")
        print(f"{'  read_package alone':30s} {read_s / n * 1000:8.1f} ms   import is "
              f"{per / (read_s / n):5.1f}× the reading")
        print(f"{'  raw rows, bare sqlite3':30s} {raw_s / n * 1000:8.1f} ms   import is "
              f"{per / (raw_s / n):5.1f}× the insert ({raw_n / n:.0f} rows per studio)")
        whole = per * TARGET_STUDIOS + imp["backup"]
        ok = "met" if whole < TARGET_S else "NOT met"
        print(f"extrapolated to {TARGET_STUDIOS} studios: {whole:.0f} s "
              f"(target < {TARGET_S:.0f} s, {TARGET_S / TARGET_STUDIOS * 1000:.0f} ms per studio): {ok}")
        if imp["profile"] is not None:
            show_profile(imp["profile"], args.top)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
