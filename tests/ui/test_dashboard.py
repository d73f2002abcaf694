"""The overview page: its figures are the ledger's figures, and every gap it shows leads the user
to the place where it is fixed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.pages.dashboard import DashboardPage

YEAR = 2025


@pytest.fixture
def small(ledger):
    """A studio with a leader, trainings, a meeting with follow-ups, a plan, a result, funds
    and a benefit; no equipment, no rules, no plaque."""
    u: dict[str, str] = {}
    u["studio"] = s = R.create("studio", None, {
        "name": "测试劳模创新工作室", "host_unit": "测试单位", "founded_on": "2020-01-01",
        "room_address": "二号楼 101 室", "room_area": 60})["uid"]
    u["leader"] = R.create("member", s, {"name": "李明", "role": "leader"})["uid"]
    u["core"] = R.create("member", s, {"name": "王芳", "role": "core"})["uid"]
    R.create("activity", s, {"date": "2025-03-10", "type": "training", "topic": "带电作业培训",
                             "outside_count": 10,
                             "attendees": [{"member": u["leader"]}, {"member": u["core"]}]})
    R.create("activity", s, {"date": "2025-06-15", "type": "training", "topic": "安全规程培训",
                             "outside_count": 3, "attendees": [{"member": u["core"]}]})
    late = (date.today() - timedelta(days=3)).isoformat()
    u["meeting"] = R.create("activity", s, {
        "date": "2025-01-08", "type": "meeting", "topic": "年度启动会",
        "follow_ups": [{"what": "采购测试仪", "owner": u["leader"], "due": late},
                       {"what": "已经办完的事", "due": late, "done": True}]})["uid"]
    u["plan"] = R.create("plan", s, {"year": YEAR, "targets": [
        {"metric": "training_sessions", "value": 4},
        {"metric": "results", "value": 1},
        {"metric": "benefit_fen", "value": 2_000_000}]})["uid"]
    R.create("result", s, {"title": "一种绝缘操作杆", "type": "renovation", "date": "2025-05-01"})
    R.create("benefit", s, {"year": YEAR, "amount_fen": 1_234_567, "kind": "saving",
                            "basis": "节约材料费"})
    R.create("fund", s, {"date": "2025-02-01", "direction": "income", "source": "union",
                         "amount_fen": 500_000, "note": "工会拨款"})
    R.create("fund", s, {"date": "2025-04-01", "direction": "expense", "category": "training",
                         "amount_fen": 123_456})
    return u


@pytest.fixture
def page(small, ledger, tmp_path, qtbot):
    ctx = AppContext(ledger, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    ctx.studio_uid = small["studio"]
    ctx.year = YEAR
    w = DashboardPage(ctx)
    qtbot.addWidget(w)
    w.resize(1166, 768)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: bool(w.figures), timeout=5000)  # filled after the first paint
    return w


def text(page: DashboardPage, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_figures_are_the_ledgers_figures(page, small):
    figures = stats.studio_year(small["studio"], YEAR)
    assert text(page, "figure_training_sessions") == str(figures.training_sessions) == "2"
    assert (text(page, "figure_training_person_times")
            == str(figures.training_person_times) == "16")
    assert text(page, "figure_results_total") == str(figures.results_total) == "1"
    assert text(page, "figure_patents_total") == str(figures.patents_total) == "0"
    assert text(page, "figure_benefit_wan") == fmt.wan_text(figures.benefit_fen) == "1.23"
    assert (text(page, "figure_fund_balance") == fmt.money_text(figures.fund_balance_fen)
            == "¥3,765.44")
    assert text(page, "heading") == "测试劳模创新工作室"
    assert "2025" in text(page, "subheading")


def test_targets_show_progress_computed_from_the_ledger(page):
    sessions = page.findChild(QProgressBar, "target_training_sessions")
    results = page.findChild(QProgressBar, "target_results")
    benefit = page.findChild(QProgressBar, "target_benefit_fen")
    assert (sessions.value(), results.value(), benefit.value()) == (50, 100, 61)
    assert "2" in text(page, "target_text_training_sessions")
    assert "4" in text(page, "target_text_training_sessions")
    assert "1.23" in text(page, "target_text_benefit_fen")
    assert "2.00" in text(page, "target_text_benefit_fen")


def test_a_year_without_plan_offers_to_make_one(page, qtbot):
    page.ctx.set_year(2024)
    button = page.findChild(QPushButton, "make_plan")
    assert button is not None
    qtbot.waitUntil(lambda: button.isVisible(), timeout=1000)
    assert page.findChild(QProgressBar, "target_results") is None
    with qtbot.waitSignal(page.ctx.navigate_requested, timeout=1000,
                          check_params_cb=lambda key, uid: (key, uid) == ("plan", "")):
        button.click()


@pytest.mark.parametrize(("item", "section"), [("equipment", "equipment"), ("rules", "rule"),
                                               ("sign", "studio")])
def test_a_missing_must_have_leads_to_where_it_is_fixed(page, qtbot, item, section):
    assert text(page, f"mark_{item}") == "✗"
    button = page.findChild(QPushButton, f"fix_{item}")
    assert button is not None and button.isVisible()
    with qtbot.waitSignal(page.ctx.navigate_requested, timeout=1000,
                          check_params_cb=lambda key, uid: (key, uid) == (section, "")):
        button.click()


def test_a_met_must_have_shows_its_evidence_and_no_button(page):
    assert text(page, "mark_results") == "✓"
    assert page.findChild(QPushButton, "fix_results") is None
    assert "一种绝缘操作杆" in text(page, "evidence_results")


def test_due_follow_ups_open_their_meeting(page, small, qtbot):
    link = page.findChild(QLabel, "reminder_0")  # overdue: the first reminder
    assert "采购测试仪" in link.text()
    assert not any("已经办完的事" in lab.text() for lab in page.findChildren(QLabel))  # done
    due = text(page, "reminder_due_0")
    assert fmt.date_text((date.today() - timedelta(days=3)).isoformat()) in due
    assert "#c62828" in page.findChild(QLabel, "reminder_due_0").styleSheet()  # overdue: red
    with qtbot.waitSignal(page.ctx.navigate_requested, timeout=1000,
                          check_params_cb=lambda key, uid: (key, uid)
                          == ("activity", small["meeting"])):
        link.linkActivated.emit("#")


def test_a_follow_up_without_due_items_leaves_the_reminders(page, small):
    R.update("activity", small["meeting"], {"follow_ups": []})
    page.ctx.changed()
    assert not any("采购测试仪" in lab.text() for lab in page.findChildren(QLabel))


def test_figures_follow_a_change(page, small, qtbot):
    R.create("activity", small["studio"], {"date": "2025-09-01", "type": "training",
                                           "topic": "新员工培训", "outside_count": 20})
    page.ctx.changed()
    qtbot.waitUntil(lambda: text(page, "figure_training_sessions") == "3", timeout=1000)
    assert text(page, "figure_training_person_times") == "36"
    assert page.findChild(QProgressBar, "target_training_sessions").value() == 75
    assert "新建活动" in text(page, "latest_0")


def test_a_hidden_page_catches_up_when_shown(page, small, qtbot):
    page.hide()
    R.create("result", small["studio"], {"title": "快速接线钳", "type": "five_small",
                                         "date": "2025-07-07"})
    page.ctx.changed()
    assert text(page, "figure_results_total") == "1"
    page.show()
    qtbot.waitUntil(lambda: text(page, "figure_results_total") == "2", timeout=1000)


def test_all_years_shows_the_current_year(page, small):
    page.ctx.set_year(0)
    assert str(date.today().year) in text(page, "subheading")
    figures = stats.studio_year(small["studio"], date.today().year)
    assert text(page, "figure_training_sessions") == str(figures.training_sessions)


def test_without_a_studio_a_message_is_shown(page):
    page.ctx.set_studio("")
    assert page.stack.currentWidget() is page.findChild(QLabel, "dashboard_message")
    assert page.findChild(QLabel, "dashboard_message").text()
