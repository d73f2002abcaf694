"""Alliances (联盟): the studio's own record of an alliance it belongs to or leads — its member
studios, its yearly plans, the joint projects and the alliance's funds tied to it — and the
year's figures a secretary and the union read from them."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.ledger import alliances as AL
from laomo_desktop.ledger import metrics, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.union import union_year

TODAY = date(2025, 6, 15)


def make_studio(name: str = "李明劳模创新工作室") -> dict:
    return R.create("studio", None, {"name": name, "host_unit": "某某重型机械厂",
                                     "founded_on": "2018-04-20"}, today=TODAY)


def make_alliance(studio: dict, **extra) -> dict:
    values = {"name": "市装备制造劳模创新工作室联盟", "role": "leader", "founded_on": "2023-05-01",
              "lead_studio": "李明劳模创新工作室",
              "members": [{"studio_name": "王强技能大师工作室", "host_unit": "某某机床厂",
                           "role": "member"},
                          {"studio_name": "赵敏职工创新工作室", "host_unit": "某某泵业公司",
                           "role": "member"}],
              "plans": [{"year": 2025, "joint_projects": 2, "tasks": "联合攻关两项，联合培训四次"}],
              **extra}
    return R.create("alliance", studio["uid"], values, today=TODAY)


def joint_project(studio: dict, alliance: dict, title: str, start: str, end: str | None = None,
                  status: str = "in_progress") -> dict:
    values = {"title": title, "type": "cooperation", "start_date": start, "status": status,
              "alliance": alliance["uid"]}
    if end:
        values["end_date"] = end
    return R.create("project", studio["uid"], values, today=TODAY)


def alliance_fund(studio: dict, alliance: dict, direction: str, amount: int, day: str,
                  note: str) -> dict:
    return R.create("fund", studio["uid"], {
        "date": day, "direction": direction, "amount_fen": amount, "note": note,
        **({"category": "project"} if direction == "expense" else {"source": "union"}),
        "alliance": alliance["uid"]}, today=TODAY)


@pytest.fixture
def studio(ledger) -> dict:
    return make_studio()


def test_an_alliance_keeps_its_members_and_plans(studio):
    a = make_alliance(studio)
    got = R.get("alliance", a["uid"])
    assert [m["studio_name"] for m in got["members"]] == ["王强技能大师工作室", "赵敏职工创新工作室"]
    assert got["plans"][0]["joint_projects"] == 2


def test_a_plan_year_only_once_and_a_name_is_required(studio):
    with pytest.raises(ValidationError) as err:
        make_alliance(studio, name="", plans=[{"year": 2025, "joint_projects": 1},
                                               {"year": 2025, "joint_projects": 2}])
    assert set(err.value.errors) >= {"name", "plans"}


def test_the_studio_profile_no_longer_holds_alliances(studio):
    assert "alliances" not in R.get("studio", studio["uid"])


def test_the_years_figures_count_alliances_joint_projects_and_funds(studio):
    led = make_alliance(studio)
    joined = make_alliance(studio, name="省电力行业创新联盟", role="member",
                           lead_studio="张华劳模创新工作室", plans=[])
    make_alliance(studio, name="已退出的联盟", role="member", left_on="2024-12-31", plans=[])
    make_alliance(studio, name="明年成立的联盟", role="member", joined_on="2026-03-01",
                  plans=[])
    joint_project(studio, led, "大型铸件缺陷联合攻关", "2025-02-01")
    joint_project(studio, joined, "变电站巡检机器人", "2024-03-01", "2025-03-31", "concluded")
    joint_project(studio, led, "去年已结题的项目", "2023-01-01", "2024-06-30", "concluded")
    R.create("project", studio["uid"], {"title": "本单位自有课题", "type": "cooperation",
                                        "start_date": "2025-01-01", "status": "in_progress"},
             today=TODAY)
    alliance_fund(studio, led, "income", 5_000_000, "2025-03-01", "省总工会联盟经费")
    alliance_fund(studio, led, "expense", 1_230_000, "2025-05-01", "联合攻关材料费")
    alliance_fund(studio, led, "expense", 100_000, "2026-01-05", "明年的支出")
    got = stats.studio_year(studio["uid"], 2025)
    assert (got.alliances_joined, got.alliances_led) == (2, 1)
    assert got.alliance_projects == 2
    assert (got.alliance_funds_received_fen, got.alliance_funds_spent_fen) == (5_000_000,
                                                                                1_230_000)
    assert metrics.metric("alliance_funds_received_wan").text(got) == "5.00"
    assert metrics.fact(got, "alliances_led") == 1
    assert "alliance_projects" in metrics.TEMPLATE_METRICS


def test_the_union_rows_carry_the_alliance_figures(studio):
    led = make_alliance(studio)
    joint_project(studio, led, "大型铸件缺陷联合攻关", "2025-02-01")
    alliance_fund(studio, led, "income", 5_000_000, "2025-03-01", "省总工会联盟经费")
    row = next(r for r in union_year(2025)["studios"] if r["uid"] == studio["uid"])
    assert (row["alliances_joined"], row["alliances_led"], row["alliance_projects"],
            row["alliance_funds_received_fen"]) == (1, 1, 1, 5_000_000)


def test_the_alliance_year_reads_plan_against_projects_and_the_balance(studio):
    led = make_alliance(studio)
    joint_project(studio, led, "大型铸件缺陷联合攻关", "2025-02-01")
    alliance_fund(studio, led, "income", 2_000_000, "2024-10-01", "去年的联盟经费")
    alliance_fund(studio, led, "income", 5_000_000, "2025-03-01", "省总工会联盟经费")
    alliance_fund(studio, led, "expense", 1_230_000, "2025-05-01", "联合攻关材料费")
    year = AL.alliance_year(led["uid"], 2025)
    assert year.planned_projects == 2 and len(year.projects) == 1
    assert (year.carried_in_fen, year.received_fen, year.spent_fen, year.balance_fen) == (
        2_000_000, 5_000_000, 1_230_000, 5_770_000)
    assert [m.studio_name for m in year.members][:1] == ["李明劳模创新工作室"]  # this studio first


def test_a_member_list_that_names_the_studio_does_not_count_it_twice(studio):
    """The secretary often lists her own studio among the members (as the leader, first):
    the report's 成员工作室 still names it once, in the first row, with the ledger's unit."""
    led = make_alliance(studio, members=[
        {"studio_name": " 李明劳模创新工作室 ", "host_unit": "某某厂（旧名）", "role": "leader"},
        {"studio_name": "王强技能大师工作室", "host_unit": "某某机床厂", "role": "member"}])
    members = AL.alliance_year(led["uid"], 2025).members
    assert [(m.studio_name, m.host_unit) for m in members] == [
        ("李明劳模创新工作室", "某某重型机械厂"), ("王强技能大师工作室", "某某机床厂")]
