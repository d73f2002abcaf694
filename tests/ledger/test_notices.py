"""Notices and their deadlines as a secretary reads them: the countdown's words at n, 1 and 0
days and once overdue, which notices are open, and ticking a required item done."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import notices as N
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.texts import set_language

TODAY = date(2026, 6, 4)
TITLE = "关于开展2026年度劳模创新工作室考核工作的通知"


@pytest.fixture
def studio(ledger):
    return R.create("studio", None, {"name": "通知劳模创新工作室", "host_unit": "测试单位",
                                     "founded_on": "2020-01-01"})["uid"]


def notice(studio: str, due: str = "2026-06-09", title: str = TITLE, items=(), **more) -> dict:
    return R.create("notice", studio, {
        "issuer": "市总工会", "doc_no": "市工发〔2026〕12号", "title": title,
        "received_on": "2026-05-20", "due_on": due, "items": list(items), **more})


@pytest.mark.parametrize(("due", "zh", "en"), [
    ("2026-06-09", f"还有 5 天：{TITLE}（6月9日截止）", f"5 days left: {TITLE} (due 9 June)"),
    ("2026-06-05", f"明天截止：{TITLE}（6月5日）", f"Due tomorrow: {TITLE} (5 June)"),
    ("2026-06-04", f"今天截止：{TITLE}（6月4日）", f"Due today: {TITLE} (4 June)"),
    ("2026-06-03", f"已逾期 1 天：{TITLE}（6月3日截止）",
     f"1 day overdue: {TITLE} (was due 3 June)"),
    ("2026-05-25", f"已逾期 10 天：{TITLE}（5月25日截止）",
     f"10 days overdue: {TITLE} (was due 25 May)"),
    ("2027-01-10", f"还有 220 天：{TITLE}（2027年1月10日截止）",
     f"220 days left: {TITLE} (due 10 January 2027)"),
])
def test_the_countdown_says_how_many_days_are_left(due, zh, en):
    said = N.countdown(TITLE, due, TODAY)
    assert said.render("zh") == zh
    assert said.render("en") == en


def test_the_next_due_is_the_open_notice_due_first_an_overdue_one_before_all(studio):
    notice(studio, "2026-06-20", "关于报送年度计划的通知")
    late = notice(studio, "2026-06-01", "关于报送成果的通知")
    notice(studio, "2026-05-01", "关于已办结事项的通知", closed_on="2026-05-25")
    first = N.next_due(studio, TODAY)
    assert first.uid == late["uid"] and first.overdue and first.days == -3
    assert str(first.said) == "已逾期 3 天：关于报送成果的通知（6月1日截止）"
    assert [n.title for n in N.notices(studio, TODAY)] == ["关于报送成果的通知", "关于报送年度计划的通知"]
    assert len(N.notices(studio, TODAY, closed=True)) == 3
    assert N.open_count(studio) == 2


def test_ticking_every_item_done_closes_the_notice(studio):
    rec = notice(studio, items=[
        {"what": "年度工作总结（盖章纸质版两份）", "source": "annual"},
        {"what": "考核申报表", "source": "union_form"}])
    after = N.set_item_done(rec["uid"], 0, True, today=TODAY)
    assert after["items"][0]["done"] is True and after["items"][0]["done_on"] == "2026-06-04"
    assert after["items"][1]["done"] is False
    state = N.next_due(studio, TODAY)
    assert (state.done, state.items, state.closed) == (1, 2, False)
    N.set_item_done(rec["uid"], 1, True, today=date(2026, 6, 6))
    assert N.next_due(studio, TODAY) is None
    assert N.notices(studio, TODAY, closed=True)[0].closed
    undone = N.set_item_done(rec["uid"], 0, False, today=TODAY)
    assert undone["items"][0] == {"what": "年度工作总结（盖章纸质版两份）", "source": "annual",
                                  "done": False, "done_on": None}
    assert N.next_due(studio, TODAY).uid == rec["uid"]


def test_ticking_an_item_that_is_not_there_leaves_the_notice_as_it_was(studio):
    rec = notice(studio, items=[{"what": "考核申报表", "source": "union_form"}])
    with pytest.raises(LaomoError) as exc:
        N.set_item_done(rec["uid"], 3, True, today=TODAY)
    assert "第 4 项" in str(exc.value)
    assert R.get("notice", rec["uid"])["version"] == rec["version"]


def test_a_notice_needs_its_issuer_title_and_due_date(studio):
    with pytest.raises(ValidationError) as exc:
        R.create("notice", studio, {"title": "", "issuer": "", "due_on": ""})
    assert set(exc.value.errors) >= {"title", "issuer", "due_on"}


def test_the_list_shows_how_many_items_are_done(studio):
    from laomo_desktop.ledger import queries as Q

    notice(studio, items=[{"what": "甲", "done": True}, {"what": "乙"}, {"what": "丙"}])
    rows = Q.fetch_rows("notice", studio, ["title", "progress"])
    assert [tuple(r[-2:]) for r in rows] == [(TITLE, "1/3")]


def test_english_countdown_follows_the_chosen_language():
    set_language("en")
    try:
        assert str(N.countdown("Notice", "2026-06-06", TODAY)) == "2 days left: Notice (due 6 June)"
    finally:
        set_language("zh")


@pytest.mark.parametrize(("due", "closed", "zh", "en"), [
    ("2026-06-09", False, "还有 5 天", "5 days left"), ("2026-06-05", False, "明天截止", "Due tomorrow"),
    ("2026-06-04", False, "今天截止", "Due today"), ("2026-06-03", False, "已逾期 1 天", "1 day overdue"),
    ("2026-06-01", False, "已逾期 3 天", "3 days overdue"), ("2026-06-01", True, "已办结", "Closed")])
def test_the_state_beside_a_notice(due, closed, zh, en):
    said = N.state(due, TODAY, closed=closed)
    assert (said.render("zh"), said.render("en")) == (zh, en)
