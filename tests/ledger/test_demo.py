from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import demo, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.ledger.check import check_ledger
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database

TODAY = date(2026, 6, 1)
CONTENT = """
    SELECT (SELECT group_concat(name, '|') FROM (SELECT name FROM studio ORDER BY name)),
           (SELECT count(*) || '/' || total(outside_count) FROM activity),
           (SELECT group_concat(date || topic, '|') FROM
              (SELECT date, topic FROM activity ORDER BY date, topic LIMIT 200)),
           (SELECT total(amount_fen) FROM fund), (SELECT total(amount_fen) FROM benefit),
           (SELECT count(*) FROM activity_attendee), (SELECT count(*) FROM result_contributor)
"""


def _content(root) -> tuple:
    open_ledger(LedgerPaths(root))
    list(demo.generate(2, 2, seed=11, today=TODAY))
    out = database.execute_sql(CONTENT).fetchone()
    close_ledger()
    return out


def test_same_seed_same_sample_data(tmp_path):
    assert _content(tmp_path / "one") == _content(tmp_path / "two")


def test_sample_studios_are_sound_and_busy(ledger):
    progress = list(demo.generate(3, 2, today=TODAY))
    assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
    studios = list_studios()
    assert len(studios) == 3 and all(s["leader"] for s in studios)
    assert check_ledger(ledger) == []
    busiest = max(stats.studio_year(s["uid"], 2025)["training_person_times"] for s in studios)
    assert 1000 < busiest < 3000
    year = stats.studio_year(studios[0]["uid"], 2025)
    assert year["results_total"] > 0 and year["fund_balance_fen"] > 0
    assert year["targets"], "every sample year has a plan with targets"


def test_an_interrupted_demo_leaves_whole_studios_only(ledger):
    gen = demo.generate(3, 1, today=TODAY)
    next(gen)
    gen.close()
    assert len(list_studios()) == 1
    assert check_ledger(ledger) == []


def test_demo_only_fills_an_empty_ledger(ledger):
    R.create("studio", None, {"name": "已有工作室", "host_unit": "x", "founded_on": "2020-01-01"})
    with pytest.raises(LaomoError, match="空台账"):
        next(demo.generate(1, 1))


def test_bulk_writes_parents_first_whatever_order_kinds_first_appear(ledger):
    with BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        w.add("fund", s, {"date": "2021-01-01", "direction": "income", "source": "union",
                          "amount_fen": 100})
        p = w.add("project", s, {"title": "课题", "type": "other", "start_date": "2021-01-01",
                                 "status": "approved"})
        w.add("fund", s, {"date": "2021-02-01", "direction": "expense", "category": "project",
                          "amount_fen": 50, "project": p})
    funds = R.list_records("fund", s)
    assert [f["project"] for f in funds] == [None, p]


def test_a_bad_record_in_a_batch_writes_nothing(ledger):
    with pytest.raises(LaomoError), BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        w.add("member", s, {"name": "", "role": "leader"})
    assert list_studios() == []
