"""Conflicts at the union office: listed with what differs, resolved either way, from the CLI."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import all_records, snapshot

from helpers import run_cli
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import conflicts, importer
from laomo_desktop.ledger import records as R
from laomo_desktop.store.database import close_ledger
from laomo_desktop.store.models import AuditEntry, Conflict, database
from laomo_desktop.texts import worded


def make_conflicts(ex) -> dict[str, dict]:
    """Import studio A, change two records behind the importer's back at the office (same
    versions), import the studio's next package: a rule and an activity in conflict."""
    first = ex.export().path
    ex.at_office()
    importer.apply(ex.office, first, trust_new_key=True)
    database.execute_sql("UPDATE rule SET title = '办公室改的', on_wall = 0 WHERE uid = ?",
                         (ex.uids["rule1"],))
    database.execute_sql("UPDATE activity SET topic = '办公室改的主题' WHERE uid = ?",
                         (ex.uids["t1"],))
    database.execute_sql("DELETE FROM activity_attendee WHERE member_id = "
                         "(SELECT id FROM member WHERE uid = ?) AND parent_id = "
                         "(SELECT id FROM activity WHERE uid = ?)",
                         (ex.uids["liuyang"], ex.uids["t1"]))
    second = ex.export().path
    ex.at_office()
    assert importer.apply(ex.office, second).preview.total("conflicting") == 2
    return {c["kind"]: c for c in conflicts.list_conflicts()}


def said(conflict: dict, lang: str = "zh") -> list[tuple[str, ...]]:
    """conflicts.differences worded as a reader of `lang` sees them."""
    return [tuple(worded(part, lang) for part in d) for d in conflicts.differences(conflict)]


def audit_summaries() -> list[str]:
    q = AuditEntry.select().where(AuditEntry.action == "resolve_conflict")
    return [a.summary for a in q.order_by(AuditEntry.id)]


def test_conflicts_are_listed_with_the_fields_that_differ(ex):
    found = make_conflicts(ex)
    rule, act = found["rule"], found["activity"]
    assert (rule["studio"], rule["studio_uid"]) == ("李明劳模创新工作室", ex.uids["A"])
    assert (rule["kind_label"], rule["record_uid"], rule["title"]) == (
        "制度", ex.uids["rule1"], "办公室改的")
    assert rule["sequence"] == 2 and rule["package_uid"] == act["package_uid"]
    assert rule["local"]["title"] == "办公室改的"
    assert rule["incoming"]["title"] == "工作室学习培训制度"
    assert rule["created_at"] and rule["resolved_at"] is None
    assert said(rule) == [("制度名称", "办公室改的", "工作室学习培训制度"), ("已上墙", "否", "是")]
    assert said(act) == [
        ("主题", "办公室改的主题", "带电作业培训"),
        ("参加成员", "1. 王芳\n2. 张伟", "1. 王芳\n2. 张伟\n3. 刘洋")]
    assert said(act, "en")[1][0] == "Member attendees"
    assert conflicts.list_conflicts(studio_uid=ex.uids["B"]) == []
    assert len(conflicts.list_conflicts(studio_uid=ex.uids["A"])) == 2


def test_keeping_the_local_copy_changes_no_record_and_closes_the_conflict(ex):
    found = make_conflicts(ex)
    records = all_records(ex.uids["A"])
    backups = sorted(p.name for p in ex.office.backups.iterdir())
    done = conflicts.resolve(ex.office, found["rule"]["id"], "local", actor="办公室")
    assert done["backup"] is None and done["record"] == found["rule"]["local"]
    assert all_records(ex.uids["A"]) == records
    assert sorted(p.name for p in ex.office.backups.iterdir()) == backups
    assert [c["kind"] for c in conflicts.list_conflicts()] == ["activity"]
    closed = [c for c in conflicts.list_conflicts(include_resolved=True) if c["resolved_at"]]
    assert [c["id"] for c in closed] == [found["rule"]["id"]]
    assert audit_summaries() == ["冲突已处理：保留本地（制度“办公室改的”）"]
    entry = AuditEntry.get(AuditEntry.action == "resolve_conflict")
    assert (entry.actor, entry.record_uid, entry.studio_uid) == (
        "办公室", ex.uids["rule1"], ex.uids["A"])


def test_taking_the_incoming_copy_writes_it_with_its_child_lists(ex):
    found = make_conflicts(ex)
    for kind in ("rule", "activity"):
        done = conflicts.resolve(ex.office, found[kind]["id"], "incoming")
        assert done["backup"] is not None and done["backup"].exists()
        assert "pre-import" in done["backup"].name
        assert R.get(kind, found[kind]["record_uid"]) == found[kind]["incoming"]
    assert [m["member"] for m in R.get("activity", ex.uids["t1"])["attendees"]] == [
        ex.uids["wangfang"], ex.uids["zhangwei"], ex.uids["liuyang"]]
    assert conflicts.list_conflicts() == []
    assert audit_summaries() == ["冲突已处理：采用数据包（制度“办公室改的”）",
                                 "冲突已处理：采用数据包（活动“办公室改的主题”）"]
    entry = AuditEntry.select().where(AuditEntry.action == "resolve_conflict").first()
    assert json.loads(entry.before)["title"] == "办公室改的"
    assert json.loads(entry.after)["title"] == "工作室学习培训制度"
    office = all_records(ex.uids["A"])
    assert office == ex.studio_records()  # the office copy is the studio's again
    third = ex.export().path
    ex.at_office()
    counts = importer.apply(ex.office, third).preview
    assert counts.total("conflicting") == 0 and counts.total("unchanged") > 0


def test_a_conflict_is_resolved_once_and_unknown_ones_are_refused(ex):
    found = make_conflicts(ex)
    cid = found["rule"]["id"]
    conflicts.resolve(ex.office, cid, "local")
    before = snapshot(ex.office)
    for keep in ("local", "incoming"):
        with pytest.raises(LaomoError, match="已于 .* 处理过"):
            conflicts.resolve(ex.office, cid, keep)
    with pytest.raises(LaomoError, match="找不到编号为 999 的冲突"):
        conflicts.resolve(ex.office, 999, "local")
    with pytest.raises(LaomoError, match="保留本地"):
        conflicts.resolve(ex.office, found["activity"]["id"], "theirs")
    assert snapshot(ex.office) == before
    assert len(audit_summaries()) == 1


def test_an_incoming_copy_overtaken_by_a_newer_package_is_not_taken(ex):
    found = make_conflicts(ex)
    ex.at_studio()
    R.update("rule", ex.uids["rule1"], {"title": "第二版标题"})
    newer = ex.export().path
    ex.at_office()
    assert importer.apply(ex.office, newer).preview.counts["rule"].updated == 1  # as usual
    with pytest.raises(LaomoError, match="较新的数据包"):
        conflicts.resolve(ex.office, found["rule"]["id"], "incoming")
    assert R.get("rule", ex.uids["rule1"])["title"] == "第二版标题"
    conflicts.resolve(ex.office, found["rule"]["id"], "local")
    assert R.get("rule", ex.uids["rule1"])["title"] == "第二版标题"


def test_an_invalid_incoming_copy_is_refused_and_nothing_changes(ex):
    found = make_conflicts(ex)
    bad = dict(found["activity"]["incoming"], attendees=[{"member": "no-such-member"}])
    Conflict.update(incoming=json.dumps(bad)).where(
        Conflict.id == found["activity"]["id"]).execute()
    records = all_records(ex.uids["A"])
    with pytest.raises(LaomoError, match="冲突仍待处理"):
        conflicts.resolve(ex.office, found["activity"]["id"], "incoming")
    assert all_records(ex.uids["A"]) == records
    assert len(conflicts.list_conflicts()) == 2 and audit_summaries() == []


def test_conflicts_from_the_command_line(ex, capsys):
    found = make_conflicts(ex)
    close_ledger()
    office = str(ex.office.root)
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts")
    assert code == 0, err
    assert f"#{found['rule']['id']}" in out and "李明劳模创新工作室" in out
    assert "制度名称" in out and "本地：办公室改的" in out and "数据包：工作室学习培训制度" in out
    assert "参加成员" in out and "3. 刘洋" in out and "共 2 条" in out
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [found["rule"]["id"], found["activity"]["id"]]
    assert rows[0]["differences"][0] == {"field": "制度名称", "local": "办公室改的",
                                         "incoming": "工作室学习培训制度"}

    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--resolve",
                             str(found["rule"]["id"]))
    assert code == 2 and "--keep" in err
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--resolve",
                             str(found["rule"]["id"]), "--keep", "incoming")
    assert code == 0 and "冲突已处理：采用数据包" in out and "备份" in err
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--resolve",
                             str(found["rule"]["id"]), "--keep", "local")
    assert code == 1 and "处理过" in err
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--resolve", "999",
                             "--keep", "local")
    assert code == 1 and "找不到" in err
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts", "--resolve",
                             str(found["activity"]["id"]), "--keep", "local")
    assert code == 0 and "保留本地" in out
    code, out, err = run_cli(capsys, "--data-dir", office, "conflicts")
    assert code == 0 and "没有待处理的冲突" in out
    ex.at_office()
    assert R.get("rule", ex.uids["rule1"])["title"] == "工作室学习培训制度"
    assert R.get("activity", ex.uids["t1"])["topic"] == "办公室改的主题"
