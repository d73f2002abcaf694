"""The union summary's columns chosen from the metric registry (issue 16 §5): kept in the
ledger in their order, DEFAULT when none chosen, a refused choice leaves the one before it, an
unknown stored name skipped with a notice; the summary's title after the studios' category."""

from __future__ import annotations

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.ledger.metrics import METRICS
from laomo_desktop.store.models import database


def test_default_is_the_summary_s_columns_of_before(ledger):
    c = UC.chosen()
    assert c.keys == UC.DEFAULT and not c.chosen and not c.skipped
    assert set(UC.DEFAULT) <= set(UC.CHOOSABLE) <= set(METRICS)


def test_a_choice_round_trips_in_its_order_and_reset_restores_the_default(ledger):
    UC.choose(["qc_groups", "patents_total", "benefit_wan"])
    c = UC.chosen()
    assert c.keys == ("qc_groups", "patents_total", "benefit_wan") and c.chosen
    assert c.attributes == ("qc_groups", "patents_total", "benefit_fen")
    UC.reset()
    assert UC.chosen().keys == UC.DEFAULT


@pytest.mark.parametrize("keys", [[], ["no_such_metric"], ["patents_total", "patents_total"],
                                  ["activities_total"]])
def test_a_bad_choice_is_refused_in_chinese_and_the_old_one_stays(ledger, keys):
    UC.choose(["qc_groups"])
    with pytest.raises(LaomoError) as err:
        UC.choose(keys)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))
    assert UC.chosen().keys == ("qc_groups",)


def test_an_unknown_stored_name_is_skipped_with_a_notice(ledger):
    with database.atomic():
        for i, k in enumerate(["from_a_newer_version", "patents_total"]):
            database.execute_sql("INSERT INTO union_column VALUES (?, ?)", (i, k))
    c = UC.chosen()
    assert c.keys == ("patents_total",) and c.skipped == ("from_a_newer_version",)
    assert "from_a_newer_version" in c.notice().render("zh")


def test_only_unknown_names_fall_back_to_the_default_and_say_so(ledger):
    database.execute_sql("INSERT INTO union_column VALUES (0, 'gone')")
    c = UC.chosen()
    assert c.keys == UC.DEFAULT and c.skipped == ("gone",)


def test_every_choosable_metric_is_in_one_group_and_has_a_head():
    listed = [k for _g, keys in UC.grouped() for k in keys]
    assert sorted(listed) == sorted(UC.CHOOSABLE)
    for k in UC.CHOOSABLE:
        assert UC.head(k, "zh") and UC.head(k, "en")
    assert UC.head("patents_total") == "专利（件）"


@pytest.mark.parametrize("cats, title", [
    (["model_worker", "model_worker"], "劳模创新工作室汇总表"),
    ([None], "劳模创新工作室汇总表"),
    (["skill_master"], "技能大师工作室汇总表"),
    (["model_worker", "craftsman"], "创新工作室汇总表"),
    (["model_worker", "skill_master"], "工作室汇总表"),
    ([], "创新工作室汇总表"),
])
def test_the_title_follows_the_studios_category(cats, title):
    assert UC.summary_title([{"category": c} for c in cats]) == title
