"""文件 ▸ 从 Excel 导入… for the README: the column step and the preview, on the test workbook
(tests/fixtures/old_ledger.xlsx) brought into a demo studio.

The 成员名单 sheet, with two cells spoilt (a sex the ledger does not know, a 13th month), is
imported once beforehand; six of those members are then removed again and two changed, so the
preview shows every case: new rows, rows already in the ledger (grey), rows that differ from
the ledger (yellow) and rows with errors (red). Then the 经费收支 sheet: dates and amounts
as the sheet keeps them, blank lines and 小计 rows left out.
Run under Xvfb:  xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_excel_shots.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from PySide6.QtGui import QFont, QFontDatabase

from laomo_desktop.ledger import demo, paste
from laomo_desktop.ledger import excelimport as I
from laomo_desktop.ledger import excelread as X
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
from laomo_desktop.ui import i18n
from laomo_desktop.ui.app import make_app
from laomo_desktop.ui.dialogs.excelimport import ExcelImportDialog
from laomo_desktop.work import result_of

OUT = Path(__file__).parent
OLD = Path(__file__).parents[2] / "tests" / "fixtures" / "old_ledger.xlsx"
FONTS = Path(__file__).parents[2] / "resources" / "fonts"


def main() -> int:
    app = make_app(sys.argv[:1])
    i18n.install(app, "zh_CN")
    # a machine without a Chinese UI font (a bare Xvfb): the one the PDFs bundle
    font = QFontDatabase.addApplicationFont(str(FONTS / "wqy-zenhei.ttc"))
    if font >= 0:
        app.setFont(QFont(QFontDatabase.applicationFontFamilies(font)[0], 10))
    tmp = Path(tempfile.mkdtemp(prefix="laomo-shots-"))
    open_ledger(LedgerPaths(tmp / "data"))
    list(demo.generate(1, 2))
    studio = R.list_records("studio")[0]["uid"]
    book = openpyxl.load_workbook(OLD, data_only=True)  # saved again: values, not formulas
    ws = book["成员名单"]
    ws["C9"] = "未知"
    ws["D12"] = "1988.13.5"
    path = tmp / "工作室老台账.xlsx"
    book.save(path)
    infos = X.inspect(path)
    members = X.pick(infos, "成员名单")
    mapping = {"是否党员": "party_member"}
    uids = result_of(I.import_steps(I.preview(path, members, "member", studio, mapping=mapping)))
    paste.trash_added("member", uids[:6])
    R.update("member", uids[8], {"post": "班组长"})
    R.update("member", uids[9], {"title": "高级技师", "phone": "13911112222"})

    dlg = ExcelImportDialog(path, infos, studio)
    dlg.resize(1100, 640)
    dlg.show()
    dlg.sheet_box.setCurrentIndex(infos.index(members))
    dlg.set_column("H", "party_member")
    for _ in range(10):
        app.processEvents()
    dlg.grab().save(str(OUT / "excel-import-columns.png"))
    preview(app, dlg, "excel-import-preview.png")
    dlg.stack.setCurrentIndex(0)  # 上一步, then the fund sheet: dates and money as kept
    dlg.sheet_box.setCurrentIndex([i.name for i in infos].index("经费收支"))
    preview(app, dlg, "excel-import-funds.png")
    return 0


def preview(app, dlg: ExcelImportDialog, name: str) -> None:
    dlg.show_preview()
    deadline = time.monotonic() + 60
    while dlg.stack.currentIndex() != 1 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    dlg.table.scrollTo(dlg.model.index(0, 0))
    for _ in range(10):
        app.processEvents()
    dlg.grab().save(str(OUT / name))
    print(name, dlg.summary.text())


if __name__ == "__main__":
    raise SystemExit(main())
