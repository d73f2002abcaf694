"""The dates that end a standing record, a naming's status and next review, and the studio's
party-organisation and leader history are in the forms, and the studio's form stays readable on
a 1366×768 screen, also at 125 % and 150 % scaling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QTableWidget

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.dialogs import record as recorddialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from sample_ledger import build

# 1366×768 at 100 %, 125 % and 150 %: what Qt gives as the screen's available logical size
SCREENS = [QRect(0, 0, 1366, 728), QRect(0, 0, 1093, 582), QRect(0, 0, 910, 485)]


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    return open_window(u["A"]), u


def row_labels(dlg: RecordDialog) -> list[str]:
    return [lab.text() for lab in dlg.findChildren(QLabel)]


@pytest.mark.parametrize(("kind", "name", "label"), [
    ("equipment", "disposed_on", "处置日期（报废/调出）"),
    ("rule", "repealed_on", "废止日期"),
    ("mentorship", "ended_on", "解除日期（未出师）"),
])
def test_the_end_dates_are_in_the_forms(window, qtbot, kind, name, label):
    win, u = window
    dlg = RecordDialog(win.ctx.paths, kind, u["A"], None, lambda v: v, parent=win)
    qtbot.addWidget(dlg)
    assert name in dlg.editors and label in row_labels(dlg)


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_studio_form_has_the_namings_life_and_its_histories(window, driver, qtbot):
    win, u = window

    def fill(dlg):
        rec = dlg.editors["recognitions"]
        assert {"命名状态", "状态变更日期", "下次复审日期"} <= set(headers(rec.table))
        assert headers(dlg.editors["party_changes"].table) == ["党组织形式", "起始日期"]
        assert headers(dlg.editors["leaders"].table) == ["领衔人姓名", "任领衔人起始日期"]
        assert {"党组织沿革", "领衔人沿革"} <= set(row_labels(dlg))
        values = rec.get()
        values[0].update(status="removed", status_on="2024-03-01", next_review=None)
        values[1].update(next_review="2026-06-01")
        rec.set(values)
        dlg.editors["party_changes"].add_row({"party_org": "party_branch", "date": "2024-07-01"})
        dlg.editors["leaders"].add_row({"name": "王芳", "since": "2025-01-01"})
        dlg.accept()

    driver.fill = fill
    win.edit_studio()
    assert driver.opened[-1].saved is not None, driver.opened[-1].errors
    studio = R.get("studio", u["A"])
    first, second = studio["recognitions"]
    assert (first["status"], first["status_on"]) == ("removed", "2024-03-01")
    assert second["next_review"] == "2026-06-01"
    assert studio["party_changes"] == [{"party_org": "party_branch", "date": "2024-07-01"}]
    assert studio["leaders"] == [{"name": "王芳", "since": "2025-01-01"}]


@pytest.mark.parametrize("screen", SCREENS, ids=["100%", "125%", "150%"])
def test_the_studio_form_fits_the_screen_and_its_columns_stay_readable(window, qtbot,
                                                                       monkeypatch, screen):
    win, u = window
    monkeypatch.setattr(recorddialog, "available_geometry", lambda _w: screen)
    dlg = RecordDialog(win.ctx.paths, "studio", u["A"], R.get("studio", u["A"]),
                       lambda v: v, parent=win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.width() <= screen.width() and dlg.height() <= screen.height()
    for name in ("recognitions", "party_changes", "leaders"):
        editor = dlg.editors[name]
        editor.add_row()
        table = editor.table
        for c in range(table.columnCount()):
            cell = table.cellWidget(0, c)
            assert table.columnWidth(c) >= cell.sizeHint().width(), \
                f"{name}: column {headers(table)[c]} is narrower than what it holds"
    rec = dlg.editors["recognitions"].table
    if sum(rec.columnWidth(c) for c in range(rec.columnCount())) > rec.viewport().width():
        assert rec.horizontalScrollBar().maximum() > 0, "a wide list scrolls, never squeezes"
