"""Grants (补助资金): what a secretary notices when expenses are drawn on one — the balance, and
an expense outside the grant's categories, outside its period or beyond its amount flagged in
the fund list and in `laomo check`, never refused."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.ledger import check, grants, stats
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.union import union_year
from laomo_desktop.store import enums as E

TODAY = date(2025, 6, 15)


def make_studio(name: str = "李明劳模创新工作室") -> dict:
    return R.create("studio", None, {"name": name, "host_unit": "某某重型机械厂",
                                     "founded_on": "2018-04-20"}, today=TODAY)


def make_grant(studio: dict, **extra) -> dict:
    values = {"name": "2025年省级示范工作室补助", "body": "省总工会", "doc_no": "苏工发〔2025〕12号",
              "amount_fen": 5_000_000, "received_on": "2025-03-10",
              "categories": "equipment,training", "period_from": "2025-03-01",
              "period_to": "2025-12-31", "conditions": "专款专用，年底前报送使用情况。", **extra}
    return R.create("grant", studio["uid"], values, today=TODAY)


def spend(studio: dict, grant: dict | None, amount_fen: int, day: str = "2025-05-01",
          category: str = "equipment", note: str = "购置数控铣床刀具") -> dict:
    values = {"date": day, "direction": "expense", "category": category,
              "amount_fen": amount_fen, "note": note}
    if grant is not None:
        values["grant"] = grant["uid"]
    return R.create("fund", studio["uid"], values, today=TODAY)


def fund_flags(studio: dict) -> dict[str, str | None]:
    """note -> the flags column of the fund list, as the section shows it."""
    rows = Q.fetch_rows("fund", studio["uid"], ["note", "grant", "grant_flags"])
    return {note: flags for _uid, _v, note, _grant, flags in rows}


def test_an_expense_within_the_grant_is_not_flagged_and_the_balance_follows(ledger):
    studio = make_studio()
    grant = make_grant(studio)
    spend(studio, grant, 1_200_000)
    spend(studio, grant, 300_000, category="training", note="技能培训讲课费")
    assert fund_flags(studio) == {"购置数控铣床刀具": None, "技能培训讲课费": None}
    use = grants.grant_use(grant["uid"])
    assert (use.amount_fen, use.spent_fen, use.left_fen) == (5_000_000, 1_500_000, 3_500_000)
    rows = Q.fetch_rows("grant", studio["uid"], ["name", "spent_fen", "left_fen"])
    assert [r[2:] for r in rows] == [("2025年省级示范工作室补助", 1_500_000, 3_500_000)]


def test_an_expense_against_the_grants_terms_is_saved_and_flagged(ledger):
    studio = make_studio()
    grant = make_grant(studio)
    spend(studio, grant, 100_000, category="material", note="办公耗材")
    spend(studio, grant, 100_000, day="2026-01-05", note="年后购置量具")
    spend(studio, grant, 100_000, day="2025-02-01", note="到账前垫付")
    spend(studio, grant, 4_850_000, day="2025-06-01", note="购置三坐标测量仪")
    flags = fund_flags(studio)
    assert flags["办公耗材"] == E.GrantFlag.OUTSIDE_CATEGORIES
    assert flags["年后购置量具"] == "after_period,over_amount"
    assert flags["到账前垫付"] == E.GrantFlag.BEFORE_PERIOD
    assert flags["购置三坐标测量仪"] == E.GrantFlag.OVER_AMOUNT  # 5.05 万 by then
    use = grants.grant_use(grant["uid"])
    assert use.left_fen == -150_000
    assert [e.note for e in use.expenses] == ["到账前垫付", "办公耗材", "购置三坐标测量仪",
                                              "年后购置量具"]
    assert [len(e.flags) for e in use.expenses] == [1, 1, 1, 2]


def test_flags_say_what_is_wrong_in_chinese_in_laomo_check(ledger):
    studio = make_studio()
    grant = make_grant(studio)
    spend(studio, grant, 100_000, category="material", note="办公耗材")
    spend(studio, grant, 100_000, day="2026-01-05", note="年后购置量具")
    problems = [p for p in check.check_ledger(ledger) if "补助资金" in p.message]
    assert all(p.severity == "warning" for p in problems)
    assert not check.failed(problems)
    text = "\n".join(p.message for p in problems)
    assert ("工作室“李明劳模创新工作室”：2025年5月1日支出 1,000.00 元（办公耗材）列支补助资金"
            "“2025年省级示范工作室补助”，但支出类别“材料”不在其可列支类别（设备、培训）内") in text
    assert "2026年1月5日支出 1,000.00 元（年后购置量具）" in text
    assert "晚于使用期限（至 2025年12月31日）" in text


def test_an_income_or_an_entry_without_a_grant_is_never_flagged(ledger):
    studio = make_studio()
    grant = make_grant(studio, amount_fen=100)
    R.create("fund", studio["uid"], {"date": "2024-01-01", "direction": "income",
                                     "source": "union", "amount_fen": 5_000_000,
                                     "note": "补助到账", "grant": grant["uid"]}, today=TODAY)
    spend(studio, None, 900_000, category="other", note="不列支补助")
    assert fund_flags(studio) == {"补助到账": None, "不列支补助": None}
    assert grants.grant_use(grant["uid"]).spent_fen == 0


def test_a_grants_own_rules_are_refused_in_chinese(ledger):
    studio = make_studio()
    with pytest.raises(ValidationError) as err:
        make_grant(studio, amount_fen=0, period_from="2025-12-31", period_to="2025-01-01")
    messages = {k: str(v) for k, v in err.value.errors.items()}
    assert "必须大于 0" in messages["amount_fen"]
    assert "不能早于" in messages["period_to"]


def test_the_years_figures_and_the_union_summary_count_grants_received_and_spent(ledger):
    studio = make_studio()
    grant = make_grant(studio)
    make_grant(studio, name="2024年市级补助", received_on="2024-05-01", amount_fen=1_000_000,
               period_from="2024-05-01", period_to="2025-12-31")
    spend(studio, grant, 1_200_000)
    spend(studio, grant, 300_000, day="2024-12-01", note="上年支出")
    figures = stats.studio_year(studio["uid"], 2025)
    assert figures.grants_received_fen == 5_000_000
    assert figures.grants_spent_fen == 1_200_000
    row = union_year(2025)["studios"][0]
    assert (row["grants_received_fen"], row["grants_spent_fen"]) == (5_000_000, 1_200_000)
    assert union_year(2025)["totals"]["grants_received_fen"] == 5_000_000
