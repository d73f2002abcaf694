from __future__ import annotations

import pytest

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import as_json
from sample_ledger import EXPECTED_2025, build


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def test_figures_for_2025_match_hand_computed(sample):
    got = stats.studio_year(sample["A"], 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025


def test_other_studio_figures_do_not_leak(sample):
    got = stats.studio_year(sample["B"], 2025)
    assert got.training_sessions == 1
    assert got.training_person_times == 501
    assert got.results_total == 0


def test_targets_compare_plan_with_actual(sample):
    targets = {t.metric: t for t in stats.studio_year(sample["A"], 2025).targets}
    assert [t for t in targets] == ["training_sessions", "training_person_times", "results",
                                    "patents", "benefit_fen"]
    assert targets["training_sessions"].actual == 3
    assert targets["training_sessions"].met is False
    assert targets["training_sessions"].progress == 0.75
    assert targets["training_person_times"].met is True
    assert targets["benefit_fen"].actual == 12_345_600


def test_eight_must_haves_all_met_in_a_full_year(sample):
    items = stats.studio_year(sample["A"], 2025).must_haves
    assert [str(m.label) for m in items] == ["标志", "场所", "设施", "职工参与", "制度", "经费",
                                          "台账", "成效"]
    assert all(m.met for m in items), [m for m in items if not m.met]
    evidence = {m.item: {e["uid"] for e in m.evidence} for m in items}
    assert sample["rule1"] in evidence["rules"]
    assert sample["r1"] in evidence["results"]
    assert sample["f1"] in evidence["funds"]


def test_must_haves_say_what_is_missing(sample):
    items = {m.item: m for m in stats.studio_year(sample["A"], 2023).must_haves}
    assert items["ledger"].met is False and "年度计划" in str(items["ledger"].detail)
    assert items["funds"].met is False
    assert items["results"].met is False
    assert items["equipment"].met is False  # bought in 2025
    small = {m.item: m for m in stats.studio_year(sample["B"], 2025).must_haves}
    assert small["sign"].met is False
    assert small["participation"].met is False  # one member only


def test_trash_and_restore_change_the_figures(sample):
    R.trash("activity", sample["t3"])
    assert stats.studio_year(sample["A"], 2025).training_person_times == 15
    R.restore("activity", sample["t3"])
    assert stats.studio_year(sample["A"], 2025).training_person_times == 40


def test_an_empty_year_has_zero_figures(sample):
    got = stats.studio_year(sample["A"], 2010)
    assert got.training_sessions == 0
    assert got.benefit_fen == 0
    assert got.targets == ()
    assert not any(m.met for m in got.must_haves if m.item not in ("sign", "room",
                                                                          "participation"))


def test_a_promotion_before_joining_is_not_the_studios(ledger):
    """A studio founded in 2025 showed "技能晋级 2 人" for 2024 with 0 members: levels a member
    obtained before joining counted as the studio's promotions."""
    s = R.create("studio", None, {"name": "新工作室", "host_unit": "某厂",
                                  "founded_on": "2025-07-01"})
    R.create("member", s["uid"], {
        "name": "王五", "role": "member", "joined_on": "2025-07-01",
        "skill_levels": [{"level": "grade4", "date": "2022-01-01"},
                         {"level": "grade3", "date": "2024-06-01"},
                         {"level": "grade2", "date": "2025-09-01"}]})
    y2024, y2025 = stats.studio_year(s["uid"], 2024), stats.studio_year(s["uid"], 2025)
    assert (y2024.members_total, y2024.promotions) == (0, 0)
    assert (y2025.members_total, y2025.promotions, y2025.promotions_cumulative) == (1, 1, 1)


def test_funds_carried_in_meet_the_must_have_without_new_income(ledger):
    s = R.create("studio", None, {"name": "结转工作室", "host_unit": "某厂",
                                  "founded_on": "2020-01-01"})
    R.create("fund", s["uid"], {"date": "2024-03-01", "direction": "income", "source": "union",
                                "amount_fen": 2_000_000})
    R.create("fund", s["uid"], {"date": "2025-04-01", "direction": "expense",
                                "category": "training", "amount_fen": 500_000})
    funds = {m.item: m for m in stats.studio_year(s["uid"], 2025).must_haves}["funds"]
    assert funds.met and str(funds.detail) == "上年度结转 20,000.00 元"
    R.create("fund", s["uid"], {"date": "2025-05-01", "direction": "expense",
                                "category": "training", "amount_fen": 1_500_000})
    y2026 = {m.item: m for m in stats.studio_year(s["uid"], 2026).must_haves}["funds"]
    assert not y2026.met and str(y2026.detail) == "本年度没有经费收入，也没有上年度结转的经费"
