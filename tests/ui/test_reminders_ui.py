"""The overview's 提醒 card in the real window: every reminder shows, and a click opens the record
or the place to act (the plan section, the mentoring pair, the studio's namings, the export
dialog); with nothing due it says 暂无提醒."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QFrame, QLabel

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import reminders as RM
from laomo_desktop.ledger.period import current_year
from laomo_desktop.store.models import ExportLog
from laomo_desktop.ui.dialogs.exchange import ExportDialog
from laomo_desktop.ui.pages.sections import SECTIONS

TODAY = date.today()


@pytest.fixture
def due(ledger):
    """A studio with one of each reminder: a follow-up due, no plan this year, a pair whose
    period ends in 10 days, a naming to review in 20 days, and no package this quarter."""
    u: dict[str, str] = {}
    u["studio"] = s = R.create("studio", None, {
        "name": "提醒劳模创新工作室", "host_unit": "测试单位", "founded_on": "2015-01-01",
        "recognitions": [{"level": "city", "date": "2016-05-01", "body": "市总工会",
                          "next_review": (TODAY + timedelta(days=20)).isoformat()}]})["uid"]
    master = R.create("member", s, {"name": "李明", "role": "leader"})["uid"]
    apprentice = R.create("member", s, {"name": "王芳", "role": "member"})["uid"]
    agreed = RM.add_months(TODAY + timedelta(days=10), -12)
    u["pair"] = R.create("mentorship", s, {"master": master, "apprentice": apprentice,
                                           "agreement_date": agreed.isoformat(),
                                           "period_months": 12})["uid"]
    u["meeting"] = R.create("activity", s, {
        "date": (TODAY - timedelta(days=5)).isoformat(), "type": "meeting", "topic": "例会",
        "follow_ups": [{"what": "采购测试仪", "owner": master,
                        "due": (TODAY - timedelta(days=1)).isoformat()}]})["uid"]
    return u


def card_lines(win) -> dict[str, QLabel]:
    page = win.page("dashboard")
    return {lab.property("kind"): lab for lab in page.findChildren(QLabel)
            if lab.objectName().startswith("reminder_") and lab.property("kind")}


def test_the_card_lists_every_reminder(open_window, due):
    win = open_window(due["studio"])
    page = win.page("dashboard")
    card = next(f for f in page.findChildren(QFrame) if f.accessibleName() == "提醒")
    assert card.isVisible()
    lines = card_lines(win)
    assert set(lines) == {RM.FOLLOW_UP, RM.PLAN, RM.MENTORING, RM.PACKAGE, RM.REVIEW}
    assert "采购测试仪" in lines[RM.FOLLOW_UP].text()
    assert f"{current_year()} 年度工作计划尚未录入" in lines[RM.PLAN].text()
    assert "师徒结对（李明—王芳）带徒期限即将到期" in lines[RM.MENTORING].text()
    assert "尚未向工会报送数据包" in lines[RM.PACKAGE].text()
    assert "市级命名（市总工会）的复审即将到期" in lines[RM.REVIEW].text()
    assert page.findChild(QLabel, "reminders_summary").text() == "5"
    assert page.findChild(QLabel, "reminder_0").property("kind") == RM.FOLLOW_UP  # overdue
    assert "已逾期" in page.findChild(QLabel, "reminder_due_0").text()
    # each line's date is said once, in its own column
    row = next(r for r in range(5)
               if page.findChild(QLabel, f"reminder_{r}").property("kind") == RM.MENTORING)
    due_text = page.findChild(QLabel, f"reminder_due_{row}").text()
    assert "年" in due_text and due_text not in lines[RM.MENTORING].text()


def test_a_click_opens_the_record_or_the_place_to_act(open_window, due, driver, monkeypatch):
    opened_export: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened_export.append(self) or 0)
    win = open_window(due["studio"])
    keys = [s.key for s in SECTIONS]

    card_lines(win)[RM.MENTORING].linkActivated.emit("#")
    assert [(d.kind.name, d.record["uid"]) for d in driver.opened] == [("mentorship", due["pair"])]

    win.nav.setCurrentRow(keys.index("dashboard"))
    card_lines(win)[RM.REVIEW].linkActivated.emit("#")
    assert driver.opened[-1].kind.name == "studio"
    assert driver.opened[-1].record["uid"] == due["studio"]

    win.nav.setCurrentRow(keys.index("dashboard"))
    card_lines(win)[RM.PLAN].linkActivated.emit("#")
    assert win.nav.currentRow() == keys.index("plan")

    win.nav.setCurrentRow(keys.index("dashboard"))
    card_lines(win)[RM.PACKAGE].linkActivated.emit("#")
    assert len(opened_export) == 1

    win.nav.setCurrentRow(keys.index("dashboard"))
    card_lines(win)[RM.FOLLOW_UP].linkActivated.emit("#")
    assert (driver.opened[-1].kind.name, driver.opened[-1].record["uid"]) == (
        "activity", due["meeting"])


def test_nothing_due_says_so(open_window, ledger):
    s = R.create("studio", None, {"name": "无事劳模创新工作室", "host_unit": "测试单位",
                                  "founded_on": "2015-01-01"})["uid"]
    R.create("plan", s, {"year": current_year()})
    ExportLog.insert(studio_uid=s, sequence=1, package_uid="p", file_name="f.zip",
                     sha256="0" * 64, size=1, created_at=f"{TODAY.isoformat()}T00:30:00",
                     target="/media/usb").execute()
    win = open_window(s)
    page = win.page("dashboard")
    assert page.findChild(QLabel, "no_reminders").text() == "暂无提醒"
    assert card_lines(win) == {}
