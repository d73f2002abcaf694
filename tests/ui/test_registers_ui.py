"""The registers unions count have their sections in the window (issue 16 §3): a proposal, a QC
group and a service to a firm are added and edited by typing, and their tables show them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.sections import SECTIONS

SHOTS = Path(__file__).parents[2] / "build" / "screens"


@pytest.fixture
def window(ctx, open_window):
    s = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "江城供电公司",
                                  "founded_on": "2019-03-01"})["uid"]
    for name, role in (("李明", "leader"), ("王芳", "core")):
        R.create("member", s, {"name": name, "role": role})
    R.create("activity", s, {"date": "2025-12-01", "type": "meeting", "topic": "年终例会"})
    return open_window(s, 2025)


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    assert page.isVisible()
    return page


def table(page) -> list[list[str]]:
    m = page.model
    return [[m.data(m.index(r, c)) or "" for c in range(m.columnCount())]
            for r in range(m.rowCount())]


def header(page) -> list[str]:
    m = page.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def typed(editor_widget, text: str) -> None:
    """Typed as a user types: keys for digits and letters, Chinese committed by the input method
    (QTest can press only the keys of an ASCII keyboard)."""
    editor_widget.setFocus()
    editor_widget.selectAll()
    for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if part.isascii():
            QTest.keyClicks(editor_widget, part)
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(editor_widget, event)
    assert editor_widget.text() == text


def tick(checklist, *names: str) -> None:
    for i in range(checklist.list.count()):
        item = checklist.list.item(i)
        if item.text() in names:
            item.setCheckState(Qt.CheckState.Checked)


def test_a_proposal_is_added_and_edited_by_typing(window, driver, qtbot):
    page = open_section(window, "proposal")
    assert header(page) == ["建议名称", "提出日期", "建议人", "建议状态", "采纳日期", "经济效益",
                            "受理部门"]

    def fill(dlg):
        typed(dlg.editors["title"].widget, "改进配电柜巡检路线")
        typed(dlg.editors["date"].line, "2025-03-01")
        dlg.editors["status"].set("adopted")
        typed(dlg.editors["adopted_on"].line, "2025/4/2")
        typed(dlg.editors["amount_fen"].line, "12,345.50")
        typed(dlg.editors["department"].widget, "运检部")
        tick(dlg.editors["proposers"], "李明", "王芳")
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    assert driver.opened[-1].saved is not None, {k: v.text() for k, v in
                                                 driver.opened[-1].errors.items()}
    rows = table(page)
    assert len(rows) == 1 and rows[0][0] == "改进配电柜巡检路线"
    assert rows[0][2] == "李明、王芳" and rows[0][3] == "采纳" and "12,345.50" in rows[0][5]
    assert page.totals.isVisible()

    def edit(dlg):
        typed(dlg.editors["title"].widget, "配电柜巡检路线优化")
        dlg.editors["status"].set("implemented")
        typed(dlg.editors["implemented_on"].line, "2025-05-06")
        dlg.accept()

    driver.fill = edit
    page.table.selectRow(0)
    page.edit_current()
    assert driver.opened[-1].saved is not None
    assert table(page)[0][0] == "配电柜巡检路线优化" and table(page)[0][3] == "实施"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "proposals.png"))


def test_a_proposal_without_a_proposer_is_refused_in_chinese(window, driver):
    page = open_section(window, "proposal")

    def fill(dlg):
        typed(dlg.editors["title"].widget, "无人建议")
        typed(dlg.editors["date"].line, "2025-03-01")
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    dlg = driver.opened[-1]
    assert dlg.saved is None
    assert dlg.errors["proposers"].text() == "请至少选择一名“建议人”"
    assert table(page) == []


def test_a_qc_group_and_a_service_to_a_firm_are_added_by_typing(window, driver):
    page = open_section(window, "qc_group")
    assert header(page)[:4] == ["注册年度", "小组名称", "活动课题", "组长"]

    def qc(dlg):
        typed(dlg.editors["name"].widget, "降损QC小组")
        typed(dlg.editors["topic"].widget, "降低10kV线路线损率")
        dlg.editors["stage"].set("check")
        tick(dlg.editors["members"], "李明", "王芳")
        dlg.accept()

    driver.fill = qc
    page.new_button.click()
    assert driver.opened[-1].saved is not None
    assert table(page)[0][:3] == ["2025", "降损QC小组", "降低10kV线路线损率"]
    assert table(page)[0][4] == "2"

    page = open_section(window, "firm_service")
    assert header(page) == ["服务日期", "服务企业", "技术难题", "已解决", "培训职工（人次）",
                            "服务人员"]

    def service(dlg):
        typed(dlg.editors["date"].line, "2025-04-01")
        typed(dlg.editors["firm"].widget, "江城机械厂")
        typed(dlg.editors["problem"].widget, "数控机床主轴电机过热停机")
        dlg.editors["solved"].widget.setChecked(True)
        typed(dlg.editors["trained"].line, "30")
        tick(dlg.editors["servers"], "王芳")
        dlg.accept()

    driver.fill = service
    page.new_button.click()
    assert driver.opened[-1].saved is not None
    row = table(page)[0]
    assert row[1:3] == ["江城机械厂", "数控机床主轴电机过热停机"] and row[4] == "30"
    assert row[5] == "王芳"
    assert page.totals.text_under("trained") == "30 人次"
    window.grab().save(str(SHOTS / "firm_services.png"))
