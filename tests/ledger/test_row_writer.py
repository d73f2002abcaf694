"""The one row writer (store.rows): the ids of new rows are SQLite's, whoever else writes in the
same transaction, and a batch's records are stored as the services store one."""

from __future__ import annotations

import json

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.store import rows
from laomo_desktop.store.models import MODELS, AuditEntry


def test_a_record_created_while_a_batch_is_queued_does_not_take_the_batchs_ids(ledger):
    """An id worked out as max(id)+1 when the batch began clashes with a row written meanwhile;
    ids from SQLite cannot."""
    with BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        m = w.add("member", s, {"name": "张三", "role": "leader"})
        other = R.create("studio", None, {"name": "手工", "host_unit": "y",
                                          "founded_on": "2021-01-01"})
        R.create("member", other["uid"], {"name": "李四", "role": "leader"})
    assert [r["uid"] for r in R.list_records("member", s)] == [m]
    assert [r["name"] for r in R.list_records("member", other["uid"])] == ["李四"]
    ids = [r.id for r in MODELS["studio"].select().order_by(MODELS["studio"].id)]
    assert len(set(ids)) == 2 and all(i > 0 for i in ids)


def test_the_writer_returns_the_ids_sqlite_gave(ledger):
    studio = R.create("studio", None, {"name": "甲", "host_unit": "x", "founded_on": "2020-01-01"})
    sid = MODELS["studio"].get(MODELS["studio"].uid == studio["uid"]).id
    stamp = R.now_iso()
    made = rows.insert("rule", [{"studio": sid, "uid": f"u{i}", "created_at": stamp,
                                 "updated_at": stamp, "version": 1, "title": f"制度{i}",
                                 "category": "management", "on_wall": False}
                                for i in range(3)])
    rule = MODELS["rule"]
    assert made == dict(rule.select(rule.uid, rule.id).tuples())


def test_a_batch_stores_records_as_the_services_do(ledger):
    values = {"name": "王五", "role": "member", "sex": "male", "joined_on": "2021-03-01",
              "party_member": True, "skill_levels": [{"level": "grade3", "date": "2021-05-01"}]}
    with BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        m = w.add("member", s, values)
    typed = R.create("member", s, values)
    skip = ("uid", "created_at", "updated_at")
    assert {k: v for k, v in R.get("member", m).items() if k not in skip} == \
        {k: v for k, v in typed.items() if k not in skip}
    entry = AuditEntry.get(AuditEntry.record_uid == typed["uid"])
    assert (entry.action, entry.summary, json.loads(entry.after)) == \
        ("create", "新建成员“王五”", typed)
    batch = AuditEntry.get(AuditEntry.action == "bulk")
    assert (batch.studio_uid, json.loads(batch.after), batch.summary) == \
        (s, {"studio": 1, "member": 1}, "测试：工作室 1 条、成员 1 条")
