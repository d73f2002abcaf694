"""Screenshots of filling a union's form: the dialog on the reports page and the help on form
fields, over a demo ledger (run under Xvfb from the repository root):

    xvfb-run -s "-screen 0 1366x768x24" /work/main/.venv/bin/python docs/screenshots/make_form_shots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from laomo_desktop.ledger import demo, formfields  # noqa: E402
from laomo_desktop.ledger.studios import list_studios  # noqa: E402
from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store.database import open_ledger  # noqa: E402
from laomo_desktop.ui import i18n  # noqa: E402
from laomo_desktop.ui.context import AppContext  # noqa: E402
from laomo_desktop.ui.dialogs.fillform import FillFormDialog  # noqa: E402
from laomo_desktop.ui.dialogs.formfields import FieldsHelp  # noqa: E402
from laomo_desktop.work import run_in_terminal  # noqa: E402

OUT = Path(__file__).resolve().parent
YEAR = 2026


def main() -> None:
    app = QApplication(sys.argv)
    font = QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/wqy-zenhei.ttc"))
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(font)[0], 10))
    i18n.install(app, "zh_CN")
    paths = LedgerPaths(Path(tempfile.mkdtemp()) / "data")
    open_ledger(paths)
    run_in_terminal(demo.generate(3, 2, 2024))
    studio = list_studios()[0]
    ctx = AppContext(paths, QSettings(str(paths.settings_file), QSettings.Format.IniFormat))
    ctx.studio_uid = studio["uid"]
    dialog = FillFormDialog(ctx, YEAR)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "fill-form.png"))
    about = f"示例为“{studio['name']}” {YEAR} 年度的实际内容。"
    help_ = FieldsHelp(formfields.context(studio["uid"], YEAR), about, dialog)
    help_.resize(1300, 720)
    help_.show()
    app.processEvents()
    help_.grab().save(str(OUT / "form-fields-help.png"))


if __name__ == "__main__":
    main()
