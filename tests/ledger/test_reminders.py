"""The overview's reminders, worked out from the ledger for a given day: due follow-ups, no plan
for the statistics year, a mentoring period ending, no package this quarter, a review due."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import reminders as RM
from laomo_desktop.ledger.period import set_start_month
from laomo_desktop.store.models import ExportLog

TODAY = date(2026, 5, 20)


@pytest.fixture
def studio(ledger):
    u: dict[str, str] = {}
    u["studio"] = s = R.create("studio", None, {
        "name": "提醒劳模创新工作室", "host_unit": "测试单位", "founded_on": "2020-01-01"})["uid"]
    u["master"] = R.create("member", s, {"name": "李明", "role": "leader"})["uid"]
    u["apprentice"] = R.create("member", s, {"name": "王芳", "role": "member"})["uid"]
    return u


def kinds(studio_uid: str, today: date = TODAY) -> dict[str, list[RM.Reminder]]:
    out: dict[str, list[RM.Reminder]] = {}
    for r in RM.reminders(studio_uid, today):
        out.setdefault(r.kind, []).append(r)
    return out


def sent(studio_uid: str, at: str) -> None:
    ExportLog.insert(studio_uid=studio_uid, sequence=1, package_uid="p", file_name="f.zip",
                     sha256="0" * 64, size=1, created_at=at, target="/media/usb").execute()


def test_no_plan_for_the_current_statistics_year(studio):
    found = kinds(studio["studio"])
    assert [r.text for r in found[RM.PLAN]] == ["2026 年度工作计划尚未录入"]
    assert found[RM.PLAN][0].section == "plan"
    R.create("plan", studio["studio"], {"year": 2025})
    assert RM.PLAN in kinds(studio["studio"])  # last year's plan is not this year's
    R.create("plan", studio["studio"], {"year": 2026})
    assert RM.PLAN not in kinds(studio["studio"])


def test_the_plan_follows_the_statistics_year(studio):
    set_start_month(10)  # 2025-10-01 .. 2026-09-30 is statistics year 2026; 2026-11 is 2027
    R.create("plan", studio["studio"], {"year": 2026})
    assert RM.PLAN not in kinds(studio["studio"])
    found = kinds(studio["studio"], date(2026, 11, 2))
    assert found[RM.PLAN][0].text == "2027 统计年度工作计划尚未录入"


def test_a_mentoring_period_ending_within_30_days(studio):
    s = studio["studio"]
    soon = R.create("mentorship", s, {"master": studio["master"], "apprentice": studio["apprentice"],
                                      "agreement_date": "2024-06-10", "period_months": 24})["uid"]
    R.create("mentorship", s, {"master": studio["master"], "apprentice_name": "外单位张三",
                               "agreement_date": "2024-07-01", "period_months": 24})  # 2026-07-01
    R.create("mentorship", s, {"master": studio["master"], "apprentice_name": "已出师",
                               "agreement_date": "2024-06-01", "period_months": 24,
                               "graduated_on": "2026-05-01"})
    R.create("mentorship", s, {"master": studio["master"], "apprentice_name": "无期限",
                               "agreement_date": "2020-06-01"})
    found = kinds(s)[RM.MENTORING]
    assert [(r.uid, r.date, r.section) for r in found] == [(soon, "2026-06-10", "mentorship")]
    assert found[0].text == "师徒结对（李明—王芳）带徒期限即将到期：请登记出师、解除或续签"
    later = kinds(s, date(2026, 6, 15))[RM.MENTORING]  # both within 30 days; one has passed
    assert [r.date for r in later] == ["2026-06-10", "2026-07-01"]
    assert "带徒期限已到期" in later[0].text and later[0].overdue(date(2026, 6, 15))


def test_no_package_sent_this_quarter(studio):
    s = studio["studio"]
    found = kinds(s)[RM.PACKAGE]
    assert found[0].text == "本季度（2026 年第 2 季度）尚未向工会报送数据包"
    assert (found[0].date, found[0].section) == ("2026-06-30", RM.EXPORT)
    sent(s, "2026-03-31T10:00:00")  # last quarter
    assert RM.PACKAGE in kinds(s)
    sent(s, "2026-04-02T09:30:00")
    assert RM.PACKAGE not in kinds(s)
    assert RM.PACKAGE in kinds(s, date(2026, 7, 1))  # a new quarter


def test_a_recognition_due_for_review(studio):
    s = studio["studio"]
    R.update("studio", s, {"recognitions": [
        {"level": "city", "date": "2021-05-01", "body": "市总工会", "next_review": "2026-07-01"},
        {"level": "district", "date": "2020-05-01", "next_review": "2026-05-01",
         "status": "revoked", "status_on": "2025-01-01"},  # no longer valid: no review
        {"level": "provincial", "date": "2023-05-01", "next_review": "2027-05-01"}]})
    found = kinds(s)[RM.REVIEW]
    assert [(r.date, r.section, r.uid) for r in found] == [("2026-07-01", "studio", s)]
    assert found[0].text == "市级命名（市总工会）的复审即将到期：请准备复审材料"
    assert "复审已到期" in kinds(s, date(2026, 7, 2))[RM.REVIEW][0].text
    assert RM.REVIEW not in kinds(s, date(2026, 4, 1))  # 91 days ahead: not yet


def test_follow_ups_stay_and_everything_comes_by_due_date(studio):
    s = studio["studio"]
    meeting = R.create("activity", s, {
        "date": "2026-05-01", "type": "meeting", "topic": "例会",
        "follow_ups": [{"what": "采购测试仪", "owner": studio["master"], "due": "2026-05-18"},
                       {"what": "办完了", "due": "2026-05-18", "done": True},
                       {"what": "下个月的事", "due": "2026-07-01"}]})["uid"]
    found = RM.reminders(s, TODAY)
    follow = [r for r in found if r.kind == RM.FOLLOW_UP]
    assert [(r.text, r.owner, r.uid, r.section) for r in follow] == [
        ("会议待办：采购测试仪", "李明", meeting, "activity")]
    assert follow[0].overdue(TODAY)
    dated = [r.date for r in found if r.date]
    assert dated == sorted(dated) and found[-1].date is None  # the plan has no date: last


def test_an_imported_studio_is_not_asked_for_packages(studio, ledger):
    from laomo_desktop.store.models import database

    database.execute_sql(
        "INSERT INTO imported_studio (studio_id, fingerprint, last_sequence, last_package_at) "
        "SELECT id, 'f', 1, '2026-01-01' FROM studio WHERE uid = ?", (studio["studio"],))
    assert RM.PACKAGE not in kinds(studio["studio"])


def test_add_months_keeps_the_day_or_the_months_last():
    assert RM.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert RM.add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)
