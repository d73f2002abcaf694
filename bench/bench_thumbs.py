"""Benchmark: opening the attachments section of a studio with 200 photos of a few hundred KB.

Baseline, measured in the same run: the same section of a studio whose 200 attachments are
documents of the same sizes (no thumbnails at all). Both are opened on a MainWindow at
1366×768 (nav.setCurrentRow → processEvents → viewport repaint, columns fitted as on a first
run). Also printed: how long until every thumbnail on screen is drawn, how many photos were
decoded (only the rows on screen should be), and the cost of decoding one photo.
Target: first paint with photos ≤ 1.5 × the documents' first paint.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from laomo_desktop.ledger import attachments as A  # noqa: E402
from laomo_desktop.ledger import records as R  # noqa: E402
from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store.database import close_ledger, open_ledger  # noqa: E402
from laomo_desktop.ui.context import AppContext  # noqa: E402
from laomo_desktop.ui.pages.sections import SECTIONS  # noqa: E402
from laomo_desktop.ui.widgets import thumbs  # noqa: E402
from laomo_desktop.ui.window.mainwindow import MainWindow  # noqa: E402

COUNT = 200


def photo(path: Path, seed: int) -> int:
    """A noisy 1600×1200 JPEG (a few hundred KB, as a phone photo scaled down is)."""
    rnd = random.Random(seed)
    img = QImage(1600, 1200, QImage.Format.Format_RGB32)
    img.fill(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    p = QPainter(img)
    for _ in range(1500):
        p.fillRect(rnd.randrange(1600), rnd.randrange(1200), rnd.randrange(4, 60),
                   rnd.randrange(4, 60), QColor(rnd.randrange(256), rnd.randrange(256),
                                                rnd.randrange(256)))
    p.end()
    img.save(str(path), "JPG", 90)
    return path.stat().st_size


def fill(paths: LedgerPaths, tmp: Path, pictures: bool) -> str:
    studio = R.create("studio", None, {"name": "照片多的工作室" if pictures else "文档多的工作室",
                                       "host_unit": "某厂", "founded_on": "2020-01-01"})["uid"]
    for i in range(COUNT):
        src = tmp / f"照片{i:03}.jpg"
        if not src.exists():
            photo(src, i)
        if pictures:
            A.attach(paths, "studio", studio, src)
        else:  # the same bytes under a document's name: no thumbnail
            doc = tmp / f"文档{i:03}.pdf"
            doc.write_bytes(src.read_bytes() + b"doc")
            A.attach(paths, "studio", studio, doc)
    return studio


def open_section(app: QApplication, win: MainWindow, studio: str) -> float:
    win.refresh_studios(select=studio)
    win.nav.setCurrentRow(0)
    app.processEvents()
    t0 = time.perf_counter()
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("attachment"))
    app.processEvents()
    win.pages["attachment"].table.viewport().repaint()
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        paths = open_ledger(LedgerPaths(tmp / "data"))
        docs = fill(paths, tmp, False)
        pics = fill(paths, tmp, True)
        sizes = [p.stat().st_size for p in tmp.glob("照片*.jpg")]
        ctx = AppContext(paths, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        ctx.settings.setValue("backup/on_close", False)
        base, ours, ready, decoded = [], [], [], []
        cache = thumbs.shared()
        for _ in range(3):
            win = MainWindow(ctx)
            win.resize(1366, 768)
            win.show()
            base.append(open_section(app, win, docs))
            cache._done.clear()  # each run decodes afresh
            before = cache.decoded
            ours.append(open_section(app, win, pics))
            t0 = time.perf_counter()
            while cache.pending() or cache.decoded == before:
                app.processEvents()
            ready.append((time.perf_counter() - t0) * 1000)
            decoded.append(cache.decoded - before)
            win.close()
            win.deleteLater()
            app.processEvents()
        one = tmp / "照片000.jpg"
        t0 = time.perf_counter()
        for _ in range(10):
            thumbs.decode(one)
        per_photo = (time.perf_counter() - t0) * 100
        close_ledger()
    b, o = statistics.median(base), statistics.median(ours)
    print(f"{COUNT} attachments, photos of {min(sizes) // 1024}–{max(sizes) // 1024} KB; "
          f"medians of 3 runs")
    print(f"first paint, documents (baseline) {b:7.1f} ms")
    print(f"first paint, photos               {o:7.1f} ms   ratio {o / b:4.2f}")
    print(f"thumbnails on screen drawn after  {statistics.median(ready):7.1f} ms more "
          f"({statistics.median(decoded):.0f} photos decoded of {COUNT}; "
          f"{per_photo:.1f} ms each)")
    ok = o <= 1.5 * b
    print(f"first paint ≤ 1.5 × baseline: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
