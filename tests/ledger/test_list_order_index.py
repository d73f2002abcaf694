"""A list over every studio's records (a province: 150,000 activities) comes in its shown order
from an index of the live records, not from sorting the whole table first (issue 16, §6)."""

from __future__ import annotations

import pytest

from laomo_desktop.ledger.queries import year_filter
from laomo_desktop.ledger.rowquery import RowQuery
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database

DATED = [k.name for k in S.KINDS if k.per_studio and year_filter(k)]


def plan_of(query: RowQuery) -> str:
    sql = (f'SELECT t.id FROM "{query.kind.table}" t WHERE {" AND ".join(query._where)} '
           f"ORDER BY {query._order}")
    return " / ".join(r[3] for r in database.execute_sql("EXPLAIN QUERY PLAN " + sql,
                                                         query._params).fetchall())


@pytest.mark.parametrize("kind", DATED)
def test_every_studios_list_is_read_in_order_from_an_index(ledger, kind):
    plan = plan_of(RowQuery(kind, None, [S.kind(kind).title or "id"]))
    assert "TEMP B-TREE" not in plan, plan
    assert "USING" in plan and "INDEX" in plan, plan


def test_the_list_still_leaves_out_what_is_in_the_recycle_bin(ledger, tmp_path):
    from sample_ledger import build

    build(ledger, tmp_path)
    q = RowQuery("activity", None, ["topic"])
    before = q.ids()
    assert before
    database.execute_sql("UPDATE activity SET deleted_at = '2025-01-01T00:00:00Z' WHERE id = ?",
                         (before[0],))
    assert q.ids() == before[1:]
