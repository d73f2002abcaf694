"""The union summary's columns dialog (issue 16 §5): ticking, moving and restoring the default
with real clicks and keys; the page shows exactly the chosen columns in order; an unknown
stored column is skipped with a notice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.store.models import database
from laomo_desktop.ui.dialogs.unioncolumns import KEY_ROLE, UnionColumnsDialog
from laomo_desktop.ui.pages.union import UnionPage


def _row_of(dlg, key):
    return next(i for i in range(dlg.list.count()) if dlg.list.item(i).data(KEY_ROLE) == key)


def test_tick_move_and_keep_the_columns(ctx, qtbot, tmp_path):
    dlg = UnionColumnsDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.keys() == list(UC.DEFAULT)
    QTest.mouseClick(dlg.default, Qt.MouseButton.LeftButton)
    # untick everything but patents, tick QC groups, move it to the top
    for key in UC.DEFAULT:
        if key != "patents_total":
            dlg.list.setCurrentRow(_row_of(dlg, key))
            QTest.keyClick(dlg.list, Qt.Key.Key_Space)
    dlg.list.setCurrentRow(_row_of(dlg, "qc_groups"))
    QTest.keyClick(dlg.list, Qt.Key.Key_Space)
    while dlg.list.currentRow() > 0:
        QTest.mouseClick(dlg.up, Qt.MouseButton.LeftButton)
    assert dlg.keys() == ["qc_groups", "patents_total"]
    dlg.grab().save(str(tmp_path / "dialog.png"))
    QTest.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert UC.chosen().keys == ("qc_groups", "patents_total")

    again = UnionColumnsDialog()
    qtbot.addWidget(again)
    QTest.mouseClick(again.default, Qt.MouseButton.LeftButton)
    assert again.keys() == list(UC.DEFAULT)


def test_nothing_ticked_is_refused_and_the_choice_stays(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    UC.choose(["qc_groups"])
    dlg = UnionColumnsDialog()
    qtbot.addWidget(dlg)
    dlg.list.setCurrentRow(0)
    QTest.keyClick(dlg.list, Qt.Key.Key_Space)
    dlg.accept()
    assert said and "至少" in said[0] or said and "at least" in said[0]
    assert dlg.isVisible() is False and UC.chosen().keys == ("qc_groups",)


def test_the_page_shows_the_chosen_columns_in_order_and_says_what_it_skipped(ctx, qtbot):
    from datetime import date

    from laomo_desktop.ledger import records as R

    R.create("studio", None, {"name": "甲工作室", "host_unit": "江城供电公司", "founded_on": "2019-01-01"},
             today=date(2025, 6, 1))
    with database.atomic():
        for i, k in enumerate(["firms_served", "old_metric", "benefit_wan"]):
            database.execute_sql("INSERT INTO union_column VALUES (?, ?)", (i, k))
    ctx.set_year(2025)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    heads = [page.model.headerData(c, Qt.Orientation.Horizontal)
             for c in range(page.model.columnCount())]
    assert [k for k, _ in page.model.columns][6:] == ["firms_served", "benefit_wan"]
    assert len(heads) == 8
    assert page.columns_notice.isVisible() and "old_metric" in page.columns_notice.text()
