"""What a user notices of the record services: create, update, trash, restore, purge,
attachments and the audit log."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import blobs
from laomo_desktop.store.models import CHILD_MODELS, MODELS, AuditEntry
from snapshots import reuse

TODAY = date(2025, 6, 15)


# --- helpers -------------------------------------------------------------------------------

def make_studio(name: str = "李明劳模创新工作室") -> dict:
    return R.create("studio", None, {"name": name, "host_unit": "某某重型机械厂",
                                     "founded_on": "2018-04-20"}, today=TODAY)


def add_member(studio: dict, name: str, role: str = "member", **extra) -> dict:
    return R.create("member", studio["uid"], {"name": name, "role": role, **extra}, today=TODAY)


def studio_with_leader() -> tuple[dict, dict]:
    studio = make_studio()
    return studio, add_member(studio, "李明", "leader", joined_on="2018-04-20")


def result_values(**extra) -> dict:
    return {"title": "快速换模法", "type": "operating_method", "date": "2024-06-01", **extra}


def audit_rows(record_uid: str | None = None) -> list[AuditEntry]:
    q = AuditEntry.select().order_by(AuditEntry.id)
    if record_uid is not None:
        q = q.where(AuditEntry.record_uid == record_uid)
    return list(q)


def last_audit() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).get()


def count(kind: str) -> int:
    return MODELS[kind].select().count()


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content)
    return p


@pytest.fixture
def s(ledger):
    return reuse("test_records.s", ledger, _studio_leader_member)  # made once: tests/snapshots.py


def _studio_leader_member() -> dict:
    studio, leader = studio_with_leader()
    return {"studio": studio, "leader": leader, "member": add_member(studio, "张伟", "core")}


# --- create --------------------------------------------------------------------------------

def test_create_returns_the_stored_record(s):
    m = add_member(s["studio"], "王芳", sex="female", joined_on="2021-09-01",
                   skill_levels=[{"level": "grade3", "date": "2019-05-01"},
                                 {"level": "grade2", "date": "2023-05-01",
                                  "certificate_no": "JS-2023-7"}])
    assert str(uuid.UUID(m["uid"])) == m["uid"]
    assert m["version"] == 1
    assert m["deleted_at"] is None
    assert m["created_at"] == m["updated_at"]
    assert datetime.fromisoformat(m["created_at"]).tzinfo is not None
    assert m["studio"] == s["studio"]["uid"]
    assert (m["name"], m["sex"], m["role"], m["joined_on"]) == ("王芳", "female", "member",
                                                                "2021-09-01")
    assert m["party_member"] is False and m["left_on"] is None
    assert m["skill_levels"] == [
        {"level": "grade3", "date": "2019-05-01", "certificate_no": None},
        {"level": "grade2", "date": "2023-05-01", "certificate_no": "JS-2023-7"},
    ]
    assert R.get("member", m["uid"]) == m
    assert [r["name"] for r in R.list_records("member", s["studio"]["uid"])] == [
        "李明", "张伟", "王芳"]


def test_create_keeps_contributors_in_order_with_an_outsider_by_name(s):
    r = R.create("result", s["studio"]["uid"], result_values(contributors=[
        {"member": s["member"]["uid"]},
        {"name": " 外单位王工 "},
        {"member": s["leader"]["uid"]},
    ], points=[{"text": "换模时间缩短一半"}, {"text": "无需专用工装"}]), today=TODAY)
    assert r["contributors"] == [
        {"member": s["member"]["uid"], "name": None},
        {"member": None, "name": "外单位王工"},
        {"member": s["leader"]["uid"], "name": None},
    ]
    assert [p["text"] for p in r["points"]] == ["换模时间缩短一半", "无需专用工装"]
    assert R.get("result", r["uid"])["contributors"] == r["contributors"]
    # a new order is kept too
    again = R.update("result", r["uid"], {"contributors": list(reversed(r["contributors"]))},
                     today=TODAY)
    assert [c["member"] or c["name"] for c in again["contributors"]] == [
        s["leader"]["uid"], "外单位王工", s["member"]["uid"]]


def test_create_writes_an_audit_entry(s):
    m = R.create("member", s["studio"]["uid"], {"name": "王芳", "role": "member"},
                 actor="档案员小陈", today=TODAY)
    e = last_audit()
    assert (e.action, e.kind, e.record_uid, e.studio_uid, e.actor) == (
        "create", "member", m["uid"], s["studio"]["uid"], "档案员小陈")
    assert e.before is None
    assert json.loads(e.after) == m
    assert e.summary == "新建成员“王芳”"


def test_studios_are_their_own_studio(ledger):
    st = make_studio("独立工作室")
    assert st["studio"] == st["uid"]
    assert [x["uid"] for x in R.list_records("studio")] == [st["uid"]]
    assert last_audit().studio_uid == st["uid"]


def test_records_are_listed_per_studio(s):
    other = make_studio("王强技能大师工作室")
    add_member(other, "王强", "leader")
    assert [r["name"] for r in R.list_records("member", other["uid"])] == ["王强"]
    assert len(R.list_records("member")) == 3


# --- atomicity -------------------------------------------------------------------------------

def test_bad_child_row_leaves_no_parent(s):
    results, audits = count("result"), AuditEntry.select().count()
    contributors = CHILD_MODELS[("result", "contributors")].select().count()
    with pytest.raises(ValidationError) as exc:
        R.create("result", s["studio"]["uid"], result_values(
            contributors=[{"member": s["leader"]["uid"]}, {"name": "名" * 31}]), today=TODAY)
    assert set(exc.value.errors) == {"contributors"}
    assert count("result") == results
    assert CHILD_MODELS[("result", "contributors")].select().count() == contributors
    assert AuditEntry.select().count() == audits


def test_failure_after_the_parent_row_is_written_rolls_it_back(s, monkeypatch):
    real = R.rows.write_children

    def write_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(R.rows, "write_children", write_then_fail)
    results, audits = count("result"), AuditEntry.select().count()
    points = CHILD_MODELS[("result", "points")]
    with pytest.raises(OSError, match="disk full"):
        R.create("result", s["studio"]["uid"], result_values(points=[{"text": "一"}]),
                 today=TODAY)
    assert count("result") == results
    assert points.select().count() == 0
    assert AuditEntry.select().count() == audits


def test_failing_audit_undoes_create_and_update(s, monkeypatch):
    def broken_audit(*args, **kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(R, "audit", broken_audit)
    members = count("member")
    with pytest.raises(RuntimeError):
        add_member(s["studio"], "王芳")
    assert count("member") == members
    with pytest.raises(RuntimeError):
        R.update("member", s["member"]["uid"], {"name": "张伟伟"}, today=TODAY)
    assert R.get("member", s["member"]["uid"]) == s["member"]


# --- update --------------------------------------------------------------------------------

def test_update_changes_only_the_given_fields(s):
    before = s["member"]
    after = R.update("member", before["uid"], {"phone": "13800000000", "post": "钳工班长"},
                     actor="档案员小陈", today=TODAY)
    assert (after["phone"], after["post"]) == ("13800000000", "钳工班长")
    assert after["version"] == 2
    assert after["created_at"] == before["created_at"]
    assert after["updated_at"] >= before["updated_at"]
    untouched = {k: v for k, v in after.items()
                 if k not in ("phone", "post", "version", "updated_at")}
    assert untouched == {k: v for k, v in before.items()
                         if k not in ("phone", "post", "version", "updated_at")}
    assert R.get("member", before["uid"]) == after


def test_update_writes_before_and_after_to_the_audit_log(s):
    uid = s["member"]["uid"]
    R.update("member", uid, {"name": "张伟伟"}, actor="档案员小陈", today=TODAY)
    e = last_audit()
    assert (e.action, e.kind, e.record_uid, e.studio_uid, e.actor) == (
        "update", "member", uid, s["studio"]["uid"], "档案员小陈")
    before, after = json.loads(e.before), json.loads(e.after)
    assert (before["name"], after["name"]) == ("张伟", "张伟伟")
    assert (before["version"], after["version"]) == (1, 2)
    assert before["role"] == after["role"] == "core"
    assert e.summary == "修改成员“张伟伟”"


def test_update_of_a_child_list_is_audited(s):
    r = R.create("result", s["studio"]["uid"], result_values(points=[{"text": "一"}]),
                 today=TODAY)
    R.update("result", r["uid"], {"points": [{"text": "一"}, {"text": "二"}]}, today=TODAY)
    e = last_audit()
    assert [p["text"] for p in json.loads(e.before)["points"]] == ["一"]
    assert [p["text"] for p in json.loads(e.after)["points"]] == ["一", "二"]


@pytest.mark.parametrize("values", [
    {},
    {"name": "张伟"},
    {"name": "  张伟  ", "role": "core"},
    {"left_on": None, "skill_levels": []},
])
def test_update_that_changes_nothing_makes_no_version_and_no_audit(s, values):
    uid = s["member"]["uid"]
    audits = AuditEntry.select().count()
    same = R.update("member", uid, values, today=TODAY)
    assert same == s["member"]
    assert same["version"] == 1
    assert R.get("member", uid) == s["member"]
    assert AuditEntry.select().count() == audits


def test_update_with_a_stale_version_is_refused(s):
    uid = s["member"]["uid"]
    first = R.update("member", uid, {"phone": "111"}, expected_version=1, today=TODAY)
    assert first["version"] == 2
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="已被修改过") as exc:
        R.update("member", uid, {"phone": "222"}, expected_version=1, today=TODAY)
    assert not isinstance(exc.value, ValidationError)
    assert R.get("member", uid) == first
    assert AuditEntry.select().count() == audits
    assert R.update("member", uid, {"phone": "222"}, expected_version=2,
                    today=TODAY)["version"] == 3


def test_update_of_an_unknown_uid(ledger):
    with pytest.raises(LaomoError, match="找不到这条成员记录"):
        R.update("member", "no-such-uid", {"name": "x"})


# --- recycle bin ---------------------------------------------------------------------------

def test_trash_moves_the_record_to_the_recycle_bin(s):
    uid, sid = s["member"]["uid"], s["studio"]["uid"]
    t = R.trash("member", uid, actor="档案员小陈")
    assert t["deleted_at"] is not None
    assert datetime.fromisoformat(t["deleted_at"]).tzinfo is not None
    assert t["version"] == 2
    assert uid not in [m["uid"] for m in R.list_records("member", sid)]
    assert [m["uid"] for m in R.list_records("member", sid, deleted=True)] == [uid]
    assert R.get("member", uid)["deleted_at"] == t["deleted_at"]
    e = last_audit()
    assert (e.action, e.record_uid, e.actor) == ("trash", uid, "档案员小陈")
    assert json.loads(e.before)["deleted_at"] is None
    assert json.loads(e.after)["deleted_at"] == t["deleted_at"]


def test_trashing_twice_changes_nothing(s):
    uid = s["member"]["uid"]
    first = R.trash("member", uid)
    audits = AuditEntry.select().count()
    assert R.trash("member", uid) == first
    assert AuditEntry.select().count() == audits


def test_a_trashed_record_cannot_be_edited(s):
    uid = s["member"]["uid"]
    trashed = R.trash("member", uid)
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="回收站"):
        R.update("member", uid, {"phone": "13800000000"}, today=TODAY)
    assert R.get("member", uid) == trashed
    assert AuditEntry.select().count() == audits


def test_restore_brings_it_back(s):
    uid, sid = s["member"]["uid"], s["studio"]["uid"]
    R.trash("member", uid)
    back = R.restore("member", uid, actor="档案员小陈")
    assert back["deleted_at"] is None
    assert back["version"] == 3
    assert uid in [m["uid"] for m in R.list_records("member", sid)]
    assert R.list_records("member", sid, deleted=True) == []
    assert (last_audit().action, last_audit().record_uid) == ("restore", uid)
    assert R.update("member", uid, {"phone": "1"}, today=TODAY)["phone"] == "1"


def test_restore_refused_while_the_studio_is_in_the_recycle_bin(s):
    R.trash("member", s["member"]["uid"])
    R.trash("studio", s["studio"]["uid"])
    with pytest.raises(LaomoError, match="所属工作室在回收站中"):
        R.restore("member", s["member"]["uid"])
    assert R.get("member", s["member"]["uid"])["deleted_at"] is not None


# --- purge ---------------------------------------------------------------------------------

def test_purging_a_live_record_is_refused(s):
    uid = s["member"]["uid"]
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="只能彻底删除回收站中的记录"):
        R.purge("member", uid)
    assert R.get("member", uid) == s["member"]
    assert AuditEntry.select().count() == audits


def test_purge_removes_the_record_and_its_child_rows_for_good(s):
    r = R.create("result", s["studio"]["uid"], result_values(
        contributors=[{"member": s["leader"]["uid"]}, {"name": "外单位王工"}],
        points=[{"text": "一"}]), today=TODAY)
    trashed = R.trash("result", r["uid"])
    R.purge("result", r["uid"], actor="档案员小陈")
    with pytest.raises(LaomoError, match="找不到这条创新成果记录"):
        R.get("result", r["uid"])
    assert R.list_records("result", deleted=True) == []
    assert CHILD_MODELS[("result", "contributors")].select().count() == 0
    assert CHILD_MODELS[("result", "points")].select().count() == 0
    e = last_audit()
    assert (e.action, e.kind, e.record_uid, e.actor) == ("purge", "result", r["uid"], "档案员小陈")
    assert json.loads(e.before) == trashed
    assert e.after is None


def test_purge_refused_while_a_mentorship_refers_to_the_member(s):
    ms = R.create("mentorship", s["studio"]["uid"], {
        "master": s["leader"]["uid"], "apprentice": s["member"]["uid"],
        "agreement_date": "2024-03-01"}, today=TODAY)
    uid = s["member"]["uid"]
    trashed = R.trash("member", uid)
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError) as exc:
        R.purge("member", uid)
    assert "师徒结对" in exc.value.message
    assert "张伟" in exc.value.message
    assert R.get("member", uid) == trashed
    assert AuditEntry.select().count() == audits
    # a mentorship in the recycle bin still refers to the member
    R.trash("mentorship", ms["uid"])
    with pytest.raises(LaomoError, match="师徒结对"):
        R.purge("member", uid)
    R.purge("mentorship", ms["uid"])
    R.purge("member", uid)
    with pytest.raises(LaomoError):
        R.get("member", uid)


def test_purge_refused_while_child_rows_refer_to_the_member(s):
    R.create("activity", s["studio"]["uid"], {
        "date": "2024-04-01", "type": "meeting", "topic": "四月例会",
        "attendees": [{"member": s["member"]["uid"]}]}, today=TODAY)
    R.trash("member", s["member"]["uid"])
    with pytest.raises(LaomoError, match="活动的参加成员（1 条）"):
        R.purge("member", s["member"]["uid"])


# --- attachments ---------------------------------------------------------------------------

def test_attach_stores_the_blob_by_its_hash(ledger, s, tmp_path):
    content = "会议签到表\n".encode() * 100
    f = write(tmp_path, "签到表.txt", content)
    a = A.attach(ledger, "member", s["member"]["uid"], f, title="入室申请", actor="档案员小陈")
    sha = hashlib.sha256(content).hexdigest()
    blob = ledger.attachments / sha[:2] / sha
    assert blob.is_file()
    assert blob.read_bytes() == content
    assert (a["owner_kind"], a["owner_uid"], a["sha256"], a["size"], a["filename"],
            a["title"], a["studio"]) == ("member", s["member"]["uid"], sha, len(content),
                                         "签到表.txt", "入室申请", s["studio"]["uid"])
    assert A.open_path(ledger, a) == blob
    assert A.attachments_of(s["member"]["uid"]) == [a]
    e = last_audit()
    assert (e.action, e.kind, e.record_uid, e.actor) == ("create", "attachment", a["uid"],
                                                         "档案员小陈")


def test_attaching_the_same_content_twice_stores_one_blob(ledger, s, tmp_path):
    content = b"%PDF-1.4 fake certificate"
    first = A.attach(ledger, "member", s["member"]["uid"], write(tmp_path, "证书.pdf", content))
    second = A.attach(ledger, "member", s["leader"]["uid"],
                      write(tmp_path, "证书副本.pdf", content))
    assert first["uid"] != second["uid"]
    assert first["sha256"] == second["sha256"]
    assert [p.name for p in blobs.all_blobs(ledger)] == [first["sha256"]]
    assert [p.name for p in ledger.attachments.rglob("*") if p.is_file()] == [first["sha256"]]
    assert count("attachment") == 2
    assert [x["filename"] for x in A.attachments_of(s["member"]["uid"])] == ["证书.pdf"]
    assert [x["filename"] for x in A.attachments_of(s["leader"]["uid"])] == ["证书副本.pdf"]


def test_attaching_to_a_trashed_record_is_refused(ledger, s, tmp_path):
    R.trash("member", s["member"]["uid"])
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="回收站"):
        A.attach(ledger, "member", s["member"]["uid"], write(tmp_path, "a.txt", b"unique 1"))
    assert count("attachment") == 0
    assert blobs.all_blobs(ledger) == []
    assert AuditEntry.select().count() == audits


def test_attaching_a_missing_file_is_refused(ledger, s, tmp_path):
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="找不到文件") as exc:
        A.attach(ledger, "member", s["member"]["uid"], tmp_path / "不存在.pdf")
    assert "不存在.pdf" in exc.value.message
    with pytest.raises(LaomoError, match="找不到文件"):
        A.attach(ledger, "member", s["member"]["uid"], tmp_path)  # a folder is not a file
    assert count("attachment") == 0
    assert blobs.all_blobs(ledger) == []
    assert AuditEntry.select().count() == audits


def test_attaching_to_a_record_that_does_not_exist_is_refused(ledger, s, tmp_path):
    with pytest.raises(LaomoError, match="找不到这条成员记录"):
        A.attach(ledger, "member", "no-such-uid", write(tmp_path, "a.txt", b"x"))
    with pytest.raises(LaomoError, match="附件只能添加到台账记录上"):
        A.attach(ledger, "attachment", "whatever", write(tmp_path, "b.txt", b"y"))
    assert count("attachment") == 0


def test_detach_moves_the_attachment_to_the_recycle_bin(ledger, s, tmp_path):
    a = A.attach(ledger, "member", s["member"]["uid"], write(tmp_path, "a.txt", b"minutes"))
    gone = A.detach(a["uid"], actor="档案员小陈")
    assert gone["deleted_at"] is not None
    assert A.attachments_of(s["member"]["uid"]) == []
    assert [x["uid"] for x in A.attachments_of(s["member"]["uid"], deleted=True)] == [a["uid"]]
    assert A.open_path(ledger, gone).read_bytes() == b"minutes"  # the file stays meanwhile
    e = last_audit()
    assert (e.action, e.kind, e.record_uid, e.actor) == ("trash", "attachment", a["uid"],
                                                         "档案员小陈")


def test_purging_a_record_purges_its_attachment_records(ledger, s, tmp_path):
    uid = s["member"]["uid"]
    a = A.attach(ledger, "member", uid, write(tmp_path, "a.txt", b"photo"))
    R.trash("member", uid)
    R.purge("member", uid)
    with pytest.raises(LaomoError):
        R.get("attachment", a["uid"])
    actions = [(e.action, e.kind) for e in audit_rows(a["uid"])]
    assert actions == [("create", "attachment"), ("purge", "attachment")]
    assert (last_audit().action, last_audit().record_uid) == ("purge", uid)


def test_refused_purge_keeps_the_attachments(ledger, s, tmp_path):
    uid = s["member"]["uid"]
    R.create("mentorship", s["studio"]["uid"], {
        "master": s["leader"]["uid"], "apprentice": uid, "agreement_date": "2024-03-01"},
        today=TODAY)
    a = A.attach(ledger, "member", uid, write(tmp_path, "a.txt", b"photo"))
    R.trash("member", uid)
    audits = AuditEntry.select().count()
    with pytest.raises(LaomoError, match="师徒结对"):
        R.purge("member", uid)
    assert R.get("attachment", a["uid"]) == a
    assert AuditEntry.select().count() == audits


# --- the audit log -------------------------------------------------------------------------

def test_every_change_is_in_the_audit_log_with_its_action(s):
    sid = s["studio"]["uid"]
    p = R.create("project", sid, {"title": "轴承寿命攻关", "type": "breakthrough",
                                  "start_date": "2024-01-01", "status": "in_progress"},
                 actor="甲", today=TODAY)
    uid = p["uid"]
    R.update("project", uid, {"status": "concluded", "end_date": "2024-12-31"}, actor="乙",
             today=TODAY)
    R.update("project", uid, {"status": "concluded"}, actor="乙", today=TODAY)  # no change
    R.trash("project", uid, actor="丙")
    R.restore("project", uid, actor="丁")
    R.trash("project", uid, actor="丙")
    R.purge("project", uid, actor="戊")
    rows = audit_rows(uid)
    assert [(e.action, e.actor) for e in rows] == [
        ("create", "甲"), ("update", "乙"), ("trash", "丙"), ("restore", "丁"), ("trash", "丙"),
        ("purge", "戊")]
    assert {(e.kind, e.studio_uid) for e in rows} == {("project", sid)}
    assert [e.before is None for e in rows] == [True, False, False, False, False, False]
    assert [e.after is None for e in rows] == [False, False, False, False, False, True]
    versions = [json.loads(e.after)["version"] for e in rows[:-1]]
    assert versions == [1, 2, 3, 4, 5]
    assert json.loads(rows[1].before)["status"] == "in_progress"
    assert json.loads(rows[1].after)["status"] == "concluded"
    assert [e.at for e in rows] == sorted(e.at for e in rows)
    assert rows[0].summary == "新建创新课题“轴承寿命攻关”"
    assert rows[2].summary == "创新课题“轴承寿命攻关”移入回收站"
    assert rows[3].summary == "创新课题“轴承寿命攻关”从回收站恢复"
    assert rows[5].summary == "彻底删除创新课题“轴承寿命攻关”"


def test_audit_actor_defaults_to_the_login_name(s):
    add_member(s["studio"], "王芳")
    assert last_audit().actor == R.current_actor()
    assert last_audit().actor != ""


# --- rules: the 版本 field once shared its column with the record's version ---------------

def _rule(studio: dict, **extra) -> dict:
    return R.create("rule", studio["uid"], {"title": "学习培训制度", "category": "training",
                                            **extra}, today=TODAY)


def test_a_rule_can_be_edited(s):
    r = _rule(s["studio"])
    after = R.update("rule", r["uid"], {"title": "学习培训管理制度"}, today=TODAY)
    assert after["title"] == "学习培训管理制度"


def test_a_rule_can_be_trashed(s):
    r = _rule(s["studio"])
    assert R.trash("rule", r["uid"])["deleted_at"] is not None


def test_a_rule_keeps_the_revision_typed_for_it(s):
    r = _rule(s["studio"], revision="V2.0")
    assert R.get("rule", r["uid"])["revision"] == "V2.0"
    assert r["version"] == 1
    assert R.update("rule", r["uid"], {"revision": "V2.1"}, today=TODAY)["version"] == 2


def test_an_edit_may_keep_a_link_to_a_binned_record_but_not_add_one(s):
    studio, leader = studio_with_leader()
    worker = add_member(studio, "王芳")
    newcomer = add_member(studio, "赵强")
    act = R.create("activity", studio["uid"], {
        "date": "2025-03-01", "type": "training", "topic": "安全培训",
        "attendees": [{"member": worker["uid"]}]}, today=TODAY)
    R.trash("member", worker["uid"])
    after = R.update("activity", act["uid"], {"topic": "安全规程培训"}, today=TODAY)
    assert after["topic"] == "安全规程培训"
    assert after["attendees"] == [{"member": worker["uid"]}]
    R.trash("member", newcomer["uid"])
    with pytest.raises(ValidationError) as exc:
        R.update("activity", act["uid"], {"attendees": [{"member": worker["uid"]},
                                                        {"member": newcomer["uid"]}]},
                 today=TODAY)
    assert "attendees" in exc.value.errors and "回收站" in exc.value.errors["attendees"]
