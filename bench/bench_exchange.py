"""Benchmark: data packages of `demo --heavy` (42 studios × 10 years).

Baselines are measured in the same run on the same machine:
- import: the 42 studio packages into an empty office ledger (every check, the pre-import backup,
  validation, merge) against bare sqlite3 executemany of the same rows into an empty schema,
  one transaction per studio. Target (issue "USB exchange"): ≤ 3×.
- export: the largest studio's package, written to a folder by `write_steps` (copy as
  .partial, fsync, rename, read back from the disk with the page cache dropped, compare the
  SHA-256) against `cp` + `sync` of the same bytes. Target ≤ 1.5×, read-back included. The whole
  `export_studio` (building and verifying the package in the outbox first) is printed too, and
  the same again with 64 MB of attachments added to that studio (the demo has none), so that
  the copy is large enough for the disk to matter more than starting `cp`.
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
from pathlib import Path

from baselines import raw_insert_baseline
from laomo_desktop.exchange import building, export, importer
from laomo_desktop.ledger import attachments, demo
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.blobs import file_sha256
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def cp_sync(src: Path, dest: Path) -> float:
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    subprocess.run(["cp", str(src), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    return time.perf_counter() - t0


def verdict(ratio: float, target: float) -> str:
    return f"target ≤ {target:g}×: {'met' if ratio <= target else 'NOT met'}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--studios", type=int, default=demo.HEAVY[0])
    ap.add_argument("--years", type=int, default=demo.HEAVY[1])
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-exchange-", dir="/var/tmp"))
    try:
        return run(tmp, args)
    finally:
        close_ledger()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def run(tmp: Path, args) -> int:
    studio_side = open_ledger(LedgerPaths(tmp / "studios"))
    for _ in demo.generate(args.studios, args.years):
        pass
    studios = database.execute_sql("SELECT uid, name FROM studio ORDER BY id").fetchall()
    packages = tmp / "packages"
    t0 = time.perf_counter()
    built = [building.build_package(studio_side, uid, packages) for uid, _ in studios]
    build_s = time.perf_counter() - t0
    total_mb = sum(p.stat().st_size for p in built) / 1e6
    largest = max(range(len(built)), key=lambda i: built[i].stat().st_size)
    exports = [export_vs_cp(studio_side, studios[largest][0], tmp / "plain")]
    for i in range(8):  # 64 MB of scans: random bytes, as incompressible as JPEG or PDF
        f = tmp / f"scan-{i}.pdf"
        f.write_bytes(os.urandom(8 << 20))
        attachments.attach(studio_side, "studio", studios[largest][0], f)
    exports.append(export_vs_cp(studio_side, studios[largest][0], tmp / "attached"))
    close_ledger()

    # import of every package into an empty office ledger, against raw executemany
    office = open_ledger(LedgerPaths(tmp / "office"))
    t0 = time.perf_counter()
    counts = 0
    for i, p in enumerate(built):
        r = importer.apply(office, p, trust_new_key=True, take_backup=i == 0)
        counts += r.preview.total("new")
    import_s = time.perf_counter() - t0
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_ledger()
    raw_s, rows = raw_insert_baseline(office.db, tmp / "raw.sqlite3", len(built))

    print(f"heavy demo: {len(built)} studios × {args.years} years; {counts:,} records, "
          f"{rows:,} rows; packages {total_mb:.1f} MB in all (built in {build_s:.2f} s)")
    ratio = import_s / raw_s
    print(f"import {len(built)} packages: {import_s:6.2f} s   raw executemany {raw_s:6.2f} s   "
          f"ratio {ratio:5.2f}×   {verdict(ratio, 3)}")
    for label, (size, export_s, write_s, cp_s) in zip(
            ("export of the largest studio", "the same with 64 MB of attachments"), exports,
            strict=True):
        ratio_w, ratio_e = write_s / cp_s, export_s / cp_s
        print(f"{label} ({studios[largest][1]}, package {size / 1e6:.2f} MB):")
        print(f"  write to target (.partial, fsync, rename, read back), median: {write_s * 1000:7.1f} ms"
              f"   cp + sync {cp_s * 1000:7.1f} ms   ratio {ratio_w:5.2f}×   "
              f"{verdict(ratio_w, 1.5)}")
        print(f"  whole export (build + verify + write + read back):   {export_s * 1000:7.1f} ms"
              f"   cp + sync {cp_s * 1000:7.1f} ms   ratio {ratio_e:5.2f}×   (no target)")
    return 0


def export_vs_cp(paths: LedgerPaths, studio_uid: str, where: Path,
                 repeat: int = 5) -> tuple[int, float, float, float]:
    """(package size, whole export s, write-to-target s, cp + sync s) for one studio; the copies
    are timed `repeat` times each, alternating, and the medians kept (the disk is noisy)."""
    where.mkdir(parents=True)
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    result = export.export_studio(paths, studio_uid, where)
    export_s = time.perf_counter() - t0
    writes, copies = [], []
    for i in range(repeat):
        ours, theirs = where / f"ours-{i}", where / f"cp-{i}"
        ours.mkdir()
        theirs.mkdir()
        subprocess.run(["sync"], check=True)
        t0 = time.perf_counter()
        _, sha = export.run(export.write_steps(result.outbox_path, ours, result.sha256))
        writes.append(time.perf_counter() - t0)
        copies.append(cp_sync(result.outbox_path, theirs / result.path.name))
        assert sha == result.sha256 == file_sha256(theirs / result.path.name)[0]
    return result.size, export_s, statistics.median(writes), statistics.median(copies)


if __name__ == "__main__":
    sys.exit(main())
