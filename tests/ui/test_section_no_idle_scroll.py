"""A section whose columns fit the window shows no horizontal scroll bar: the stretched last
column takes what the others leave (it kept its own fitted width, ~12 px too wide, at 1366)."""

from __future__ import annotations

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.sections import SECTIONS


def test_fitted_columns_leave_no_scroll_bar(ctx, open_window, qtbot):
    uid = R.create("studio", None, {"name": "尹健辉劳模创新工作室", "host_unit": "东川供电公司",
                                    "founded_on": "2019-01-01"})["uid"]
    R.create("alliance", uid, {"name": "东川市电力检修劳模创新工作室联盟", "role": "leader",
                               "lead_studio": "尹健辉劳模创新工作室"})
    win = open_window(uid, 0)
    win.resize(1350, 728)
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("alliance"))
    page = win.pages["alliance"]
    table, header = page.table, page.table.horizontalHeader()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    fitted = sum(header.sectionSize(c) for c in range(header.count() - 1))
    assert fitted + header.minimumSectionSize() < table.viewport().width()  # room for all
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
