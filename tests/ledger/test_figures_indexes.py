"""A province's figures (issue 16, §6: 2,000 studios, 150,000 activities) are read from the
covering indexes of the year's live rows, not from every row of the tables: the plan of each
statement that used to visit the table rows reads an index alone."""

from __future__ import annotations

import pytest

from laomo_desktop.ledger import union as U
from laomo_desktop.ledger.period import Period
from laomo_desktop.store.models import database

COVERED = ("training", "results", "funds", "grants_spent", "alliance_funds", "activity_types")


@pytest.mark.parametrize("query", COVERED)
def test_the_figures_of_every_studio_read_a_covering_index(ledger, query):
    plan = [r[3] for r in database.execute_sql("EXPLAIN QUERY PLAN " + U.QUERIES[query],
                                               Period(2025, 1).params()).fetchall()]
    # the table of the year's rows itself is never visited, only its index
    assert any("USING COVERING INDEX" in step and "_live_figures" in step for step in plan), plan


def test_a_binned_record_leaves_the_figures_the_index_gives(ledger, tmp_path):
    from laomo_desktop.ledger import records as R
    from sample_ledger import build

    build(ledger, tmp_path)
    before = U.union_year(2025)["totals"]
    trainings = [a for a in R.list_records("activity", None)
                 if a["type"] == "training" and a["date"].startswith("2025")]
    R.trash("activity", trainings[0]["uid"])
    after = U.union_year(2025)["totals"]
    assert after["training_sessions"] == before["training_sessions"] - 1
    assert after["training_person_times"] < before["training_person_times"]
