"""Opens the main window and every dialog on one simulated screen and prints, as JSON, where
each top-level window lies and which of the widgets a user needs cannot be reached.

Run by tests/ui/test_fit_screen.py, once per (screen, scale) setting, in its own process: the
screen is fixed when a QApplication starts. The screen comes from the offscreen platform's
JSON configuration (QT_QPA_PLATFORM=offscreen:configfile=…); its logical DPI sets the scale the
way Windows does (120 dpi is 125 %, 144 dpi is 150 %). The offscreen screen has no task bar: the
caller gives the screen the height of the room above the task bar.

Usage: python fit_probe.py DATA_DIR (holding ledger/ and sample_uids.json when the sample ledger
was built beforehand; otherwise the probe builds it)
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
from laomo_desktop.store.health import LedgerProblem
from laomo_desktop.ui import i18n
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.pages.sections import SECTIONS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_ledger import build  # noqa: E402

report: dict = {"windows": [], "unreachable": [], "cut": []}


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def reachable(w: QWidget) -> bool:
    """Whether a user sees the whole widget, after scrolling every scroll area around it to
    it: nothing of it outside an ancestor's visible area, its window inside the screen."""
    top = w.window()
    for a in ancestors(w):
        if isinstance(a, QScrollArea) and a.widget() is not None and a.widget().isAncestorOf(w):
            a.ensureWidgetVisible(w, 0, 0)
    settle()
    if not w.isVisible():
        return False
    at = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
    clip = top.rect()
    for a in ancestors(w):
        if a is top:
            break
        clip = clip.intersected(QRect(a.mapTo(top, QPoint(0, 0)), a.size()))
    on_screen = top.screen().availableGeometry().contains(top.frameGeometry())
    return on_screen and clip.contains(at)


def ancestors(w: QWidget):
    a = w.parentWidget()
    while a is not None:
        yield a
        a = a.parentWidget()


def check(w: QWidget, name: str) -> None:
    """The widget can be reached and is not squeezed below the room its text needs."""
    if not reachable(w):
        report["unreachable"].append(name)
    elif w.width() < w.minimumSizeHint().width() or w.height() < w.minimumSizeHint().height():
        report["cut"].append(name)


def window_record(w: QWidget, name: str) -> None:
    settle()
    report["windows"].append({
        "name": name, "frame": rect(w.frameGeometry()),
        "minimum": [w.minimumWidth(), w.minimumHeight()],
        "needs": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
    })


def measure_dialog(dlg: QWidget, name: str) -> None:
    dlg.show()
    settle()
    window_record(dlg, name)
    for box in dlg.findChildren(QDialogButtonBox):
        for b in box.findChildren(QAbstractButton):
            if not b.isHidden():
                check(b, f"{name}: button {b.text()}")
    dlg.hide()


def measuring_exec(self) -> int:
    """Stands in for a modal exec: show the dialog, measure it, and close it unanswered."""
    name = self.objectName() or type(self).__name__
    measure_dialog(self, name)
    return 0


def main(data: Path, language: str = "zh_CN") -> None:
    app = QApplication.instance() or QApplication([])
    i18n.install(app, language)
    paths = LedgerPaths(data / "ledger")
    made = data / "sample_uids.json"  # the caller copied in a sample ledger built once for all
    open_ledger(paths)
    u = json.loads(made.read_text(encoding="utf-8")) if made.exists() else build(paths, data)
    sparse = R.create("studio", None, {"name": "新建的劳模创新工作室", "host_unit": "测试单位",
                                        "founded_on": "2024-01-01"})["uid"]
    R.create("fund", sparse, {"date": date.today().isoformat(), "direction": "income",
                              "source": "union", "amount_fen": 9_876_543_210})  # a wide tile
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    ctx = AppContext(paths, settings)
    from laomo_desktop.ui.window.mainwindow import MainWindow

    QDialog.exec = measuring_exec
    QMessageBox.exec = measuring_exec
    win = MainWindow(ctx)
    win.show()
    win.refresh_studios(select=u["A"])
    settle()
    window_record(win, "main window")
    for i, s in enumerate(SECTIONS):  # a page's minimum size may not push the window off
        win.nav.setCurrentRow(i)
        settle()
        window_record(win, f"main window: {s.key}")
        check(win.statusBar(), f"{s.key}: status bar")

    win.refresh_studios(select=sparse)  # every must-have missing: a 去完善 button each
    win.nav.setCurrentRow(0)
    settle()
    dash = win.page("dashboard")
    for key, label in dash.figure_labels.items():
        check(label.parentWidget(), f"dashboard: tile {key}")
        check(label, f"dashboard: figure {key}")
    fixes = [b for b in dash.findChildren(QAbstractButton) if b.objectName().startswith("fix_")]
    report["fix_buttons"] = len(fixes)
    for b in fixes:
        check(b, f"dashboard: {b.objectName()}")
    check(win.statusBar(), "dashboard: status bar")

    win.refresh_studios(select=u["A"])
    for s in SECTIONS:
        page = win.page(s.key)
        if hasattr(page, "new_record") and s.kind != "attachment":
            win.nav.setCurrentRow([x.key for x in SECTIONS].index(s.key))
            page.new_record()
    win.new_studio()
    win.edit_studio()
    win.global_search()
    win.change_year_start()
    from laomo_desktop.ui.dialogs import menus as dialogs

    dialogs.settings_dialog(ctx, win)
    dialogs.restore_from_backup(ctx, win)
    dialogs.about_dialog(ctx, win)
    from laomo_desktop.ui.dialogs.check import CheckReportDialog
    from laomo_desktop.ui.dialogs.conflicts import ConflictsDialog
    from laomo_desktop.ui.dialogs.exchange import ExportDialog
    from laomo_desktop.ui.dialogs.imports import ImportReportDialog
    from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
    from laomo_desktop.ui.dialogs.recovery import RecoveryDialog

    measure_dialog(CheckReportDialog([], paths, win), "check_dialog")
    measure_dialog(ConflictsDialog(ctx, win), "conflicts_dialog")
    measure_dialog(ExportDialog(ctx, win, targets=[]), "export_dialog")
    measure_dialog(ImportReportDialog([(data / "a.laomo", "imported", "已导入")], win),
                   "import_report")
    measure_dialog(ChangeLeaderDialog(u["A"], None, lambda *_a: [], parent=win),
                   "change_leader_dialog")
    measure_dialog(RecoveryDialog(paths, LedgerProblem("damaged", "台账文件已损坏。", "细节"),
                                  None), "recovery_dialog")
    from laomo_desktop.ledger import excelread
    from laomo_desktop.ui.dialogs.excelimport import ExcelImportDialog
    from laomo_desktop.ui.dialogs.fillform import FillFormDialog
    from laomo_desktop.ui.dialogs.formfields import FieldsHelp

    measure_dialog(FillFormDialog(ctx, 2025, win), "fill_form")
    measure_dialog(FieldsHelp(None, "", win), "form_fields_help")
    old = Path(__file__).parents[1] / "fixtures" / "old_ledger.xlsx"
    measure_dialog(ExcelImportDialog(old, excelread.inspect(old), u["A"], win),
                   "excel_import_dialog")
    report["available"] = rect(win.screen().availableGeometry())
    report["scale"] = win.screen().devicePixelRatio()
    print(json.dumps(report, ensure_ascii=False), flush=True)
    os._exit(0)  # no teardown: the windows die with the process


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:3])
