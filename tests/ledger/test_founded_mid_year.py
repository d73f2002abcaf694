"""A studio founded on 2025-07-01 with records on both sides of 2025's end, worked out by hand.

新苗劳模创新工作室 (founded 2025-07-01):
- members: 王建国 (leader 2025-07-01 … left 2026-06-30, party), 陈晓 (core 2025-07-01, party;
  skill 2020 中级工, promoted 2024-05-01 before joining and again 2025-11-01), 刘敏 (2025-09-01 …
  left 2026-03-31), 孙婷 and 吴刚 (2025-07-01), 赵磊 (joined 2026-02-01, promoted 2026-06-01),
  李志强 (leader from 2026-07-01, promoted 2026-09-01);
- leaders: 王建国 from 2025-07-01, 李志强 from 2026-07-01; party organisation 党员先锋岗 from
  founding, 劳模党支部 from 2026-04-01; named city-level 2025-12-18, provincial 2026-05-20;
- equipment: 水质检测仪 bought 2025-08-10, 旧电脑 2025-08-20 disposed of 2026-06-30, 管网测漏仪
  2026-03-15; rules: 管理制度 2025-07-15, 经费管理办法 2025-08-01 repealed 2026-04-30, its
  revision 2026-05-01;
- pair 王建国 → 孙婷 agreed 2025-09-01, 出师 2026-06-30 (promoted);
- funds: +¥50,000 2025-07-20, −¥30,000 2025-10-10, −¥5,000 2026-03-01 (so ¥20,000 carried into
  2026, nothing received in 2026);
- training 2025-09-10 (3 members + 6 outside), meeting 2025-12-05 (2 members), training
  2026-04-20 (2 members + 10 outside); results 2025-11-20 (operating method) and a patent
  filed 2026-05-10, granted 2026-11-20; plans for 2025 and 2026.
"""

from __future__ import annotations

import contextlib
import io
from datetime import date

import pytest

from helpers import pdftotext
from laomo_desktop.cli import main
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.period import Period, set_start_month
from laomo_desktop.ledger.union import union_year
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.store.database import close_ledger, open_ledger
from snapshots import reuse

NAME = "新苗劳模创新工作室"
TODAY = date(2026, 12, 1)


def build() -> str:
    def add(kind, studio, values):
        return R.create(kind, studio, values, today=TODAY)["uid"]

    s = add("studio", None, {
        "name": NAME, "host_unit": "江城水务集团", "founded_on": "2025-07-01", "has_plaque": True,
        "room_address": "二号楼 105 室", "room_area": 80, "party_org": "pioneer_post",
        "party_org_founded_on": "2025-07-01",
        "party_changes": [{"party_org": "party_branch", "date": "2026-04-01"}],
        "recognitions": [{"level": "city", "date": "2025-12-18", "body": "江城市总工会"},
                         {"level": "provincial", "date": "2026-05-20", "body": "省总工会"}],
        "leaders": [{"name": "王建国", "since": "2025-07-01"},
                    {"name": "李志强", "since": "2026-07-01"}]})
    m = {}
    for name, role, joined, left, party, skills in (
        ("王建国", "leader", "2025-07-01", "2026-06-30", True, [("grade1", "2015-01-01")]),
        ("陈晓", "core", "2025-07-01", None, True,
         [("grade4", "2020-03-01"), ("grade3", "2024-05-01"), ("grade2", "2025-11-01")]),
        ("刘敏", "member", "2025-09-01", "2026-03-31", False, [("grade5", "2023-01-01")]),
        ("孙婷", "member", "2025-07-01", None, False, []),
        ("吴刚", "member", "2025-07-01", None, False, []),
        ("赵磊", "member", "2026-02-01", None, False,
         [("grade4", "2022-01-01"), ("grade3", "2026-06-01")]),
        ("李志强", "leader", "2026-07-01", None, False,
         [("grade2", "2019-01-01"), ("grade1", "2026-09-01")]),
    ):
        m[name] = add("member", s, {"name": name, "role": role, "joined_on": joined,
                                    "left_on": left, "party_member": party,
                                    "skill_levels": [{"level": lv, "date": d}
                                                     for lv, d in skills]})
    for name, n, fen, bought, gone in (("水质检测仪", 2, 1_200_000, "2025-08-10", None),
                                       ("旧电脑", 1, 400_000, "2025-08-20", "2026-06-30"),
                                       ("管网测漏仪", 1, 3_500_000, "2026-03-15", None)):
        add("equipment", s, {"name": name, "quantity": n, "value_fen": fen,
                             "acquired_on": bought, "disposed_on": gone})
    for title, cat, adopted, repealed in (("工作室管理制度", "management", "2025-07-15", None),
                                          ("经费管理办法", "funds", "2025-08-01", "2026-04-30"),
                                          ("经费管理办法（修订）", "funds", "2026-05-01", None)):
        add("rule", s, {"title": title, "category": cat, "adopted_on": adopted,
                        "repealed_on": repealed})
    add("mentorship", s, {"master": m["王建国"], "apprentice": m["孙婷"],
                          "agreement_date": "2025-09-01", "graduated_on": "2026-06-30",
                          "promoted": True})
    for d, direction, fen, extra in (("2025-07-20", "income", 5_000_000, {"source": "union"}),
                                     ("2025-10-10", "expense", 3_000_000,
                                      {"category": "equipment"}),
                                     ("2026-03-01", "expense", 500_000, {"category": "training"})):
        add("fund", s, {"date": d, "direction": direction, "amount_fen": fen, **extra})
    add("activity", s, {"date": "2025-09-10", "type": "training", "topic": "水质检测培训",
                        "hours": 4, "outside_count": 6,
                        "attendees": [{"member": m[n]} for n in ("陈晓", "刘敏", "孙婷")]})
    add("activity", s, {"date": "2025-12-05", "type": "meeting", "topic": "年终总结会",
                        "attendees": [{"member": m[n]} for n in ("王建国", "陈晓")]})
    add("activity", s, {"date": "2026-04-20", "type": "training", "topic": "管网测漏培训",
                        "hours": 3, "outside_count": 10,
                        "attendees": [{"member": m[n]} for n in ("陈晓", "赵磊")]})
    add("result", s, {"title": "管网巡检操作法", "type": "operating_method",
                      "date": "2025-11-20", "contributors": [{"member": m["陈晓"]}]})
    patent = add("result", s, {"title": "一种测漏装置", "type": "patent", "date": "2026-05-10",
                               "patent_kind": "utility", "patent_status": "granted",
                               "patent_filed_on": "2026-05-10",
                               "patent_granted_on": "2026-11-20"})
    add("benefit", s, {"result": patent, "year": 2026, "amount_fen": 30_000_000,
                       "kind": "saving", "basis": "减少漏损"})
    add("plan", s, {"year": 2025, "targets": [{"metric": "training_sessions", "value": 2},
                                              {"metric": "benefit_fen", "value": 10_000_000}]})
    add("plan", s, {"year": 2026, "targets": [{"metric": "patents", "value": 1}]})
    return s


@pytest.fixture
def studio(ledger) -> str:
    return reuse("test_founded_mid_year.build", ledger, build)  # made once: tests/snapshots.py


# the figures of each year, worked out by hand from the module docstring
EXPECTED = {
    2024: {"members_total": 0, "members_party": 0, "promotions": 0, "promotions_cumulative": 0,
           "mentoring_pairs": 0, "activities_total": 0, "results_total": 0,
           "fund_income_fen": 0, "fund_expense_fen": 0, "fund_balance_fen": 0,
           "fund_carried_in_fen": 0},
    2025: {"members_total": 5, "members_party": 2, "leaders": 1, "promotions": 1,
           "promotions_cumulative": 1, "mentoring_pairs": 1, "mentoring_new": 1,
           "apprentices_graduated": 0, "apprentices_promoted": 0, "activities_total": 2,
           "training_sessions": 1, "training_person_times": 9, "training_hours": 4,
           "participating_members": 4, "results_total": 1, "results_cumulative": 1,
           "patents_total": 0, "patents_granted": 0, "benefit_fen": 0,
           "fund_income_fen": 5_000_000, "fund_expense_fen": 3_000_000,
           "fund_balance_fen": 2_000_000, "fund_carried_in_fen": 0},
    2026: {"members_total": 5, "members_party": 1, "leaders": 1, "promotions": 2,
           "promotions_cumulative": 3, "mentoring_pairs": 1, "mentoring_new": 0,
           "apprentices_graduated": 1, "apprentices_promoted": 1, "activities_total": 1,
           "training_sessions": 1, "training_person_times": 12, "training_hours": 3,
           "participating_members": 2, "results_total": 1, "results_cumulative": 2,
           "patents_total": 1, "patents_total_granted": 1, "patents_filed": 1,
           "patents_granted": 1, "benefit_fen": 30_000_000, "fund_income_fen": 0,
           "fund_expense_fen": 500_000, "fund_balance_fen": 1_500_000,
           "fund_carried_in_fen": 2_000_000},
}
STUDIO_THEN = {
    2024: {"founded": False, "level": None, "party_org": "none", "leader": None},
    2025: {"founded": True, "level": "city", "party_org": "pioneer_post", "leader": "王建国"},
    2026: {"founded": True, "level": "provincial", "party_org": "party_branch",
           "leader": "李志强"},
}
MUST_HAVES = {  # item -> (met, detail)
    2024: {"equipment": (False, "没有登记设备设施"), "rules": (False, "没有登记工作室制度"),
           "participation": (False, "成员不足 5 人或本年度没有成员参加活动的记录"),
           "funds": (False, "本年度没有经费收入，也没有上年度结转的经费"),
           "results": (False, "本年度没有创新成果记录")},
    2025: {"equipment": (True, "登记设备设施 2 项"), "rules": (True, "已建立制度 2 项"),
           "participation": (True, "年末成员 5 人；本年度 4 人参加过活动"),
           "funds": (True, "本年度经费收入 50,000.00 元"),
           "ledger": (True, "有年度计划，记录活动 2 次"),
           "results": (True, "本年度创新成果 1 项")},
    2026: {"equipment": (True, "登记设备设施 2 项"), "rules": (True, "已建立制度 2 项"),
           "participation": (True, "年末成员 5 人；本年度 2 人参加过活动"),
           "funds": (True, "上年度结转 20,000.00 元"),
           "ledger": (True, "有年度计划，记录活动 1 次"),
           "results": (True, "本年度创新成果 1 项")},
}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_figures_of_each_year_are_those_worked_out_by_hand(studio, year):
    got = stats.studio_year(studio, year)
    assert {k: as_json(got)[k] for k in EXPECTED[year]} == EXPECTED[year]
    assert {k: as_json(got)["studio"][k] for k in STUDIO_THEN[year]} == STUDIO_THEN[year]
    musts = {m.item: (m.met, str(m.detail)) for m in got.must_haves}
    assert {k: musts[k] for k in MUST_HAVES[year]} == MUST_HAVES[year]
    # evidence names only records of the year: the equipment held at its end
    equipment = got.must_have("equipment")
    assert sorted(e["title"] for e in equipment.evidence) == {
        2024: [], 2025: ["旧电脑", "水质检测仪"], 2026: ["水质检测仪", "管网测漏仪"]}[year]


def test_the_union_summary_counts_the_studio_from_its_founding_year_as_it_stood(studio):
    rows = {y: [r for r in union_year(y)["studios"] if r["name"] == NAME]
            for y in (2024, 2025, 2026)}
    assert rows[2024] == []
    assert [(r["level"], r["party_org"], r["leader"]) for r in rows[2025]] == [
        ("city", "pioneer_post", "王建国")]
    assert [(r["level"], r["party_org"], r["leader"]) for r in rows[2026]] == [
        ("provincial", "party_branch", "李志强")]


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_the_2025_summary_states_2025_and_nothing_dated_later(studio, tmp_path):
    write_annual(studio, 2025, tmp_path / "a.pdf", generated=date(2031, 2, 3))
    text = pdftotext(tmp_path / "a.pdf")
    lines = _lines(text)
    assert "领衔人：王建国" in lines  # the cover
    assert "2026" not in text  # no record, date or figure of 2026
    for name in ("李志强", "赵磊", "管网测漏仪", "经费管理办法（修订）", "省级", "劳模党支部",
                 "一种测漏装置"):
        assert name not in text, name
    for name in ("水质检测仪", "旧电脑", "经费管理办法", "市级", "党员先锋岗", "王建国", "孙婷"):
        assert name in text, name
    joined = " ".join(lines)
    assert "登记设备设施 2 项" in joined
    assert "本年度经费收入 50,000.00 元" in joined
    assert "技能晋级 1 人（累计 1 人）" in joined


def test_the_2026_summary_counts_the_balance_carried_in(studio, tmp_path):
    write_annual(studio, 2026, tmp_path / "a.pdf", generated=date(2031, 2, 3))
    text = pdftotext(tmp_path / "a.pdf")
    assert "领衔人：李志强" in _lines(text)
    joined = " ".join(_lines(text))
    assert "上年度结转 20,000.00 元" in joined
    assert "技能晋级 2 人（累计 3 人）" in joined
    assert "旧电脑" not in text  # disposed of during 2026: not held at its end
    assert "经费管理办法（修订）" in text and "劳模党支部" in text


def test_documents_for_2024_are_refused_with_the_founding_date(studio, tmp_path, capsys):
    root = str(tmp_path / "data")
    close_ledger()
    for args in (["annual"], ["packet", "--template", "eight_must_haves"]):
        out = tmp_path / f"{args[0]}.pdf"
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["--data-dir", root, "report", *args, "--studio", NAME, "--year", "2024",
                         "--out", str(out)])
        assert code == 1
        assert err.getvalue().strip() == (
            "错误：工作室“新苗劳模创新工作室”成立于 2025-07-01，2024 年度结束时尚未成立，"
            "没有这一年度的材料可出具。请选择成立以后的年度。")
        assert not out.exists() and not list(tmp_path.glob("*.partial"))
    open_ledger(LedgerPaths(tmp_path / "data"))


def test_with_an_october_statistics_year(studio):
    """2025 runs 2024-10-01 … 2025-09-30, 2026 runs 2025-10-01 … 2026-09-30: the ¥50,000 of
    2025-07-20 is 2025's income and carried into 2026 whole, the ¥30,000 of 2025-10-10 is
    spent in 2026."""
    set_start_month(10)
    y2025, y2026 = stats.studio_year(studio, 2025), stats.studio_year(studio, 2026)
    assert (y2025.start, y2025.end) == (Period(2025, 10).start, "2025-09-30")
    assert {k: as_json(y2025)[k] for k in ("members_total", "promotions", "fund_income_fen",
                                  "fund_expense_fen", "fund_carried_in_fen", "activities_total",
                                  "results_total")} == {
        "members_total": 5, "promotions": 0, "fund_income_fen": 5_000_000,
        "fund_expense_fen": 0, "fund_carried_in_fen": 0, "activities_total": 1,
        "results_total": 0}
    assert {k: as_json(y2026)[k] for k in ("members_total", "promotions", "fund_income_fen",
                                  "fund_expense_fen", "fund_carried_in_fen", "fund_balance_fen",
                                  "activities_total", "results_total")} == {
        "members_total": 5, "promotions": 3, "fund_income_fen": 0,
        "fund_expense_fen": 3_500_000, "fund_carried_in_fen": 5_000_000,
        "fund_balance_fen": 1_500_000, "activities_total": 2, "results_total": 2}
    assert {k: as_json(y2025)["studio"][k] for k in ("level", "party_org", "leader")} == {
        "level": None, "party_org": "pioneer_post", "leader": "王建国"}
    assert {k: as_json(y2026)["studio"][k] for k in ("level", "party_org", "leader")} == {
        "level": "provincial", "party_org": "party_branch", "leader": "李志强"}
    funds = y2026.must_have("funds")
    assert (funds.met, str(funds.detail)) == (True, "上年度结转 50,000.00 元")
