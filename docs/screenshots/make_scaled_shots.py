"""The overview as an office PC shows it: the whole screen, the window at the size the program
picks for it. Run once per setting under Xvfb, the screen and the scale given outside:

  xvfb-run -a -s "-screen 0 1366x768x24" env QT_SCALE_FACTOR=1.25 \\
      .venv/bin/python docs/screenshots/make_scaled_shots.py
  xvfb-run -a -s "-screen 0 1920x1080x24" env QT_SCALE_FACTOR=1.5 \\
      .venv/bin/python docs/screenshots/make_scaled_shots.py

writes dashboard-1366x768-125.png and dashboard-1920x1080-150.png here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from laomo_desktop.ledger import demo
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.app import make_app
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.window.mainwindow import MainWindow


def main() -> int:
    app = make_app(sys.argv[:1])
    paths = LedgerPaths(Path(tempfile.mkdtemp(prefix="laomo-shots-")))
    open_ledger(paths)
    list(demo.generate(3, 3))
    i18n.install(app, "zh_CN")
    settings = QSettings(str(paths.root / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    win = MainWindow(AppContext(paths, settings))
    win.show()
    studio = max(list_studios(), key=lambda s: s["level"] == "provincial")
    win.refresh_studios(select=studio["uid"])
    win.nav.setCurrentRow(0)
    for _ in range(10):
        app.processEvents()
    screen = win.screen()
    size = screen.geometry().size() * screen.devicePixelRatio()
    percent = round(screen.devicePixelRatio() * 100)
    name = f"dashboard-{size.width()}x{size.height()}-{percent}.png"
    screen.grabWindow(0).save(str(Path(__file__).parent / name))
    print(name, "window", win.frameGeometry(), "screen", screen.availableGeometry())
    os._exit(0)  # no teardown needed


if __name__ == "__main__":
    sys.exit(main())
