"""Regenerate the README screenshots from sample data: run under Xvfb (or offscreen with CJK
fonts installed):  xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from laomo_desktop.ledger import demo
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.app import make_app
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.window.mainwindow import MainWindow

OUT = Path(__file__).parent
SIZE = (1366, 768)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def window(app, paths: LedgerPaths, language: str) -> MainWindow:
    i18n.install(app, language)
    settings = QSettings(str(paths.root / f"settings-{language}.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    win = MainWindow(AppContext(paths, settings))
    win.resize(*SIZE)
    win.show()
    studios = list_studios()
    if studios:
        studio = max(studios, key=lambda s: s["level"] == "provincial")
        win.refresh_studios(select=studio["uid"])
    settle(app)
    return win


def section(app, win: MainWindow, key: str) -> None:
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    settle(app)


def main() -> int:
    app = make_app(sys.argv[:1])
    paths = LedgerPaths(Path(tempfile.mkdtemp(prefix="laomo-shots-")))
    open_ledger(paths)
    list(demo.generate(3, 3))

    win = window(app, paths, "zh_CN")
    win.year_box.setCurrentIndex(win.year_box.findData(win.ctx.year or 0))
    section(app, win, "dashboard")
    win.grab().save(str(OUT / "dashboard.png"))
    section(app, win, "activity")
    win.grab().save(str(OUT / "activities.png"))
    section(app, win, "fund")
    win.grab().save(str(OUT / "fund-totals.png"))
    section(app, win, "union")
    win.grab().save(str(OUT / "union-overview.png"))

    section(app, win, "member")
    page = win.pages["member"]
    dlg = RecordDialog(paths, "member", win.ctx.studio_uid, None,
                       lambda v: __import__("laomo_desktop.ledger.records", fromlist=["x"])
                       .create("member", win.ctx.studio_uid, v), defaults=page.defaults(),
                       parent=win)
    dlg.editors["name"].set("")
    dlg.editors["role"].set("leader")
    dlg.editors["joined_on"].set("2024-05-01")
    dlg.editors["left_on"].set("2023-01-01")
    dlg.show()
    dlg.accept()
    settle(app)
    dlg.grab().save(str(OUT / "member-dialog-error.png"))
    dlg.hide()  # not close(): a form with changes would ask 放弃所做的修改？

    result_dialog = RecordDialog(paths, "result", win.ctx.studio_uid, None, lambda v: v,
                                 parent=win)
    result_dialog.show()
    settle(app)
    result_dialog.grab().save(str(OUT / "result-dialog.png"))
    result_dialog.hide()
    win.close()

    en = window(app, paths, "en")
    section(app, en, "result")
    en.grab().save(str(OUT / "results-english.png"))
    en.close()

    empty = LedgerPaths(Path(tempfile.mkdtemp(prefix="laomo-empty-")))
    open_ledger(empty)
    first = window(app, empty, "zh_CN")
    first.grab().save(str(OUT / "first-run.png"))
    first.close()
    print("screenshots written to", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
