"""Benchmark: the review packet with 20 phone photos (target < 3 s).

The heaviest studio-year of the demo ledger, 20 photos of 4032 × 3024 pixels (half of them
stored sideways with an EXIF orientation, as phones store them; noise, which a JPEG decoder
finds harder than a real scene) and a PDF of a dozen pages attached (the same summary).
Baseline in the same run: the annual summary of the same studio-year alone, which the packet
lays out twice (its page numbers come from a first pass); the ratio says what the rest costs.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import demo
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="laomo-bench-packet-"))
    paths = open_ledger(LedgerPaths(tmp / "data"))
    for _ in demo.generate(3, 3, 2024):
        pass
    uid, year = database.execute_sql("""
        SELECT s.uid, CAST(substr(a.date, 1, 4) AS INTEGER) y FROM activity a
        JOIN studio s ON s.id = a.studio_id GROUP BY s.uid, y ORDER BY count(*) DESC LIMIT 1
        """).fetchone()
    acts = [u for (u,) in database.execute_sql(
        "SELECT a.uid FROM activity a JOIN studio s ON s.id = a.studio_id "
        "WHERE s.uid = ? AND substr(a.date, 1, 4) = ? LIMIT 20", (uid, str(year)))]
    chosen = []
    for i in range(20):
        f = tmp / f"IMG_{i:04d}.jpg"
        img = Image.effect_noise((1008, 756), 40 + i).convert("RGB").resize((4032, 3024))
        exif = Image.Exif()
        if i % 2 == 0:
            exif[0x0112] = 6
            img = img.transpose(Image.Transpose.ROTATE_90)
        img.save(f, quality=88, exif=exif)
        chosen.append(A.attach(paths, "activity", acts[i % len(acts)], f)["uid"])
    scan = tmp / "scan.pdf"
    write_annual(uid, year, scan)
    chosen.append(A.attach(paths, "studio", uid, scan, "证书扫描")["uid"])
    write_annual(uid, year, tmp / "warm.pdf")  # fonts and imports, once
    annual_s = min(timed(lambda: write_annual(uid, year, tmp / "a.pdf")) for _ in range(2))
    packet_s = min(timed(lambda: write_packet(paths, uid, year, "union_100", chosen,
                                              tmp / "p.pdf")) for _ in range(2))
    close_ledger()
    size = (tmp / "p.pdf").stat().st_size / 2**20
    pages, attached = len(PdfReader(tmp / "p.pdf").pages), len(PdfReader(scan).pages)
    print(f"annual summary alone (baseline): {annual_s * 1000:6.0f} ms")
    print(f"packet with 20 photos + 1 PDF of {attached} pages: {pages} pages, {size:.1f} MiB")
    print(f"packet:                          {packet_s * 1000:6.0f} ms  "
          f"{packet_s / annual_s:4.1f}× the summary;  target < 3000 ms: "
          f"{'met' if packet_s < 3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
