"""Every validation rule refuses bad input, names the field in Chinese and saves nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store.models import MODELS, AuditEntry, all_models
from snapshots import reuse

TODAY = date(2025, 6, 15)  # every create/update below validates against this "today"
MISSING = object()  # in a case's changes: leave this key out of the values


# --- helpers -------------------------------------------------------------------------------

def make_studio(name: str = "李明劳模创新工作室", **extra) -> dict:
    values = {"name": name, "host_unit": "某某重型机械厂", "founded_on": "2018-04-20", **extra}
    return R.create("studio", None, values, today=TODAY)


def add_member(studio: dict, name: str, role: str = "member", **extra) -> dict:
    return R.create("member", studio["uid"], {"name": name, "role": role, **extra}, today=TODAY)


def studio_with_leader(name: str = "李明劳模创新工作室",
                       leader: str = "李明") -> tuple[dict, dict]:
    studio = make_studio(name)
    return studio, add_member(studio, leader, "leader", joined_on="2018-04-20")


def add(kind: str, studio: dict, values: dict) -> dict:
    return R.create(kind, studio["uid"], values, today=TODAY)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, to prove a refused change wrote nothing at all."""
    return {m._meta.table_name: list(m.select().order_by(m._meta.primary_key).tuples())
            for m in all_models()}


def count(kind: str) -> int:
    return MODELS[kind].select().count()


def refused(kind: str, call: Callable[[], object], field: str, label: str | None) -> str:
    """Run `call`, expect a ValidationError on exactly `field` whose message names `label`;
    check nothing was saved. Returns the message."""
    rows, audits, everything = count(kind), AuditEntry.select().count(), snapshot()
    with pytest.raises(ValidationError) as exc:
        call()
    errors = exc.value.errors
    assert set(errors) == {field}, errors
    message = errors[field]
    if label is not None:
        assert f"“{label}”" in message, message
    assert message in str(exc.value)
    assert count(kind) == rows
    assert AuditEntry.select().count() == audits
    assert snapshot() == everything
    return message


@pytest.fixture
def w(ledger):
    """Two studios with leaders and a few records each; one trashed member and project in A
    (made once per run and copied into each test's ledger: tests/snapshots.py)."""
    return reuse("test_validation.w", ledger, _two_studios)


def _two_studios() -> SimpleNamespace:
    a, leader = studio_with_leader()
    b, b_leader = studio_with_leader("王强技能大师工作室", "王强")
    ns = SimpleNamespace(a=a, b=b, leader=leader, b_leader=b_leader)
    ns.member = add_member(a, "张伟", "core")
    ns.gone = add_member(a, "赵六")
    R.trash("member", ns.gone["uid"])
    ns.project = add("project", a, BASE["project"](ns))
    ns.old_project = add("project", a, {**BASE["project"](ns), "title": "旧课题"})
    R.trash("project", ns.old_project["uid"])
    ns.result = add("result", a, BASE["result"](ns))
    ns.b_member = add_member(b, "孙丽")
    ns.b_project = add("project", b, {**BASE["project"](ns), "title": "乙方课题"})
    ns.b_result = add("result", b, {**BASE["result"](ns), "title": "乙方成果"})
    ns.b_activity = add("activity", b, BASE["activity"](ns))
    return ns


# Valid values for each kind; every case below changes one thing in them.
BASE: dict[str, Callable[[SimpleNamespace], dict]] = {
    "studio": lambda w: {"name": "新建工作室", "host_unit": "某某电力公司",
                         "founded_on": "2019-01-01"},
    "member": lambda w: {"name": "钱七", "role": "member", "joined_on": "2020-01-01"},
    "mentorship": lambda w: {"master": w.leader["uid"], "apprentice_name": "小孙",
                             "agreement_date": "2024-03-01"},
    "rule": lambda w: {"title": "学习培训制度", "category": "training"},
    "equipment": lambda w: {"name": "数控车床", "quantity": 2, "value_fen": 12_000_000},
    "plan": lambda w: {"year": 2023, "targets": [{"metric": "projects", "value": 3}]},
    "project": lambda w: {"title": "轴承寿命攻关", "type": "breakthrough",
                          "start_date": "2024-01-01", "status": "in_progress"},
    "activity": lambda w: {"date": "2024-04-01", "type": "meeting", "topic": "四月例会"},
    "result": lambda w: {"title": "快速换模法", "type": "operating_method",
                         "date": "2024-06-01"},
    "benefit": lambda w: {"year": 2024, "amount_fen": 5_000_000, "kind": "saving",
                          "basis": "年节约材料费 5 万元"},
    "fund": lambda w: {"date": "2024-02-01", "direction": "income", "source": "union",
                       "amount_fen": 500_000},
    "honour": lambda w: {"name": "五一劳动奖章", "level": "provincial", "year": 2023},
}


def values_for(kind: str, w: SimpleNamespace, changes: dict) -> dict:
    values = BASE[kind](w)
    for k, v in changes.items():
        if v is MISSING:
            values.pop(k, None)
        else:
            values[k] = v
    return values


def run_create(kind: str, w: SimpleNamespace, values: dict, today: date = TODAY) -> dict:
    return R.create(kind, None if kind == "studio" else w.a["uid"], values, today=today)


@pytest.mark.parametrize("kind", sorted(BASE))
def test_the_base_values_are_valid(w, kind):
    rows = count(kind)
    record = run_create(kind, w, BASE[kind](w))
    assert R.get(kind, record["uid"])["created_at"] == record["created_at"]
    assert count(kind) == rows + 1


# --- single-field cases: (kind, changes, field, label, part of the message) -----------------
# `changes` may be a function of the fixture namespace for references.

CASES = [
    # required fields
    ("member", {"name": MISSING}, "name", "姓名", "不能为空"),
    ("member", {"name": "   "}, "name", "姓名", "不能为空"),
    ("member", {"role": MISSING}, "role", "工作室角色", "不能为空"),
    ("studio", {"host_unit": ""}, "host_unit", "所在单位", "不能为空"),
    ("studio", {"founded_on": None}, "founded_on", "成立日期", "不能为空"),
    ("mentorship", {"master": MISSING}, "master", "师傅", "不能为空"),
    ("mentorship", {"agreement_date": MISSING}, "agreement_date", "协议签订日期", "不能为空"),
    ("rule", {"category": MISSING}, "category", "制度类别", "不能为空"),
    ("equipment", {"name": "\t"}, "name", "设备名称", "不能为空"),
    ("plan", {"year": MISSING}, "year", "年度", "不能为空"),
    ("project", {"status": MISSING}, "status", "课题状态", "不能为空"),
    ("activity", {"topic": MISSING}, "topic", "主题", "不能为空"),
    ("result", {"date": MISSING}, "date", "完成日期", "不能为空"),
    ("benefit", {"basis": ""}, "basis", "计算依据", "不能为空"),
    ("fund", {"direction": MISSING}, "direction", "收支", "不能为空"),
    ("honour", {"level": MISSING}, "level", "荣誉级别", "不能为空"),
    # required fields of child rows: the error is on the child list and names the row field
    ("plan", {"targets": [{"metric": "projects"}]}, "targets", "目标值", "第 1 行"),
    ("member", {"skill_levels": [{"level": "grade3"}]}, "skill_levels", "取得日期", "不能为空"),
    ("result", {"points": [{"text": "省时"}, {"text": ""}]}, "points", "创新点", "第 2 行"),
    # enumerations
    ("member", {"role": "boss"}, "role", "工作室角色", "不在可选范围内"),
    ("member", {"sex": "男"}, "sex", "性别", "不在可选范围内"),
    ("project", {"type": "RENOVATION"}, "type", "课题类型", "不在可选范围内"),
    ("studio", {"directions": "technology,flying"}, "directions", "创新方向", "取值无效"),
    ("studio", {"directions": ["service", "技术创新"]}, "directions", "创新方向", "取值无效"),
    ("plan", {"targets": [{"metric": "money", "value": 1}]}, "targets", "指标", "第 1 行"),
    # dates
    ("member", {"joined_on": "2025-02-30"}, "joined_on", "加入日期", "不是有效的日期"),
    ("activity", {"date": "昨天"}, "date", "活动日期", "不是有效的日期"),
    ("project", {"start_date": 20240101}, "start_date", "开始日期", "不是有效的日期"),
    ("result", {"date": "1899-12-31"}, "date", "完成日期", "早于 1900 年"),
    ("fund", {"date": "2031-01-01"}, "date", "日期", "晚于 2030 年"),
    ("plan", {"year": 1899}, "year", "年度", "不能小于 1900"),
    ("honour", {"year": 2031}, "year", "获得年度", "不能大于 2030"),
    # end before start
    ("project", {"end_date": "2023-12-31"}, "end_date", "结束日期", "不能早于“开始日期”"),
    ("member", {"left_on": "2019-12-31"}, "left_on", "退出日期", "不能早于“加入日期”"),
    ("member", {"birth_date": "2020-06-01"}, "joined_on", "加入日期", "不能早于“出生日期”"),
    ("mentorship", {"graduated_on": "2024-02-29"}, "graduated_on", "出师日期",
     "不能早于“协议签订日期”"),
    ("result", {"type": "patent", "patent_kind": "utility", "patent_status": "granted",
                "patent_filed_on": "2024-03-01", "patent_granted_on": "2024-02-01"},
     "patent_granted_on", "专利授权日", "不能早于“专利申请日”"),
    ("member", {"birth_date": "1990-05-01",
                "skill_levels": [{"level": "grade5", "date": "1989-01-01"}]},
     "skill_levels", "技能等级记录", "不能早于出生日期"),
    ("studio", {"recognitions": [{"level": "city", "date": "2018-12-31"}]},
     "recognitions", "命名表彰", "不能早于“成立日期”"),
    # money and counts
    ("benefit", {"amount_fen": -1}, "amount_fen", "效益金额", "不能为负数"),
    ("equipment", {"value_fen": "-100"}, "value_fen", "价值", "不能为负数"),
    ("activity", {"outside_count": -3}, "outside_count", "外部参加人数", "不能为负数"),
    ("equipment", {"quantity": -1}, "quantity", "数量", "不能为负数"),
    ("fund", {"amount_fen": 12.5}, "amount_fen", "金额", "应以整数“分”保存"),
    ("fund", {"amount_fen": "12.5"}, "amount_fen", "金额", "不是有效的金额"),
    ("benefit", {"amount_fen": 100.0}, "amount_fen", "效益金额", "应以整数“分”保存"),
    ("fund", {"amount_fen": 0}, "amount_fen", "金额", "必须大于 0"),
    ("fund", {"amount_fen": 10**13 + 1}, "amount_fen", "金额", "不能大于"),
    ("activity", {"outside_count": True}, "outside_count", "外部参加人数", "应为整数"),
    ("activity", {"outside_count": "五"}, "outside_count", "外部参加人数", "应为整数"),
    ("activity", {"hours": -0.5}, "hours", "学时", "不能为负数"),
    ("activity", {"hours": "两小时"}, "hours", "学时", "应为数字"),
    ("studio", {"room_area": float("nan")}, "room_area", "场所面积（平方米）", "应为数字"),
    ("mentorship", {"period_months": 0}, "period_months", "带徒期限（月）", "不能小于 1"),
    ("plan", {"targets": [{"metric": "patents", "value": -2}]}, "targets", "目标值", "不能为负数"),
    # text
    ("member", {"name": "张" * 31}, "name", "姓名", "不能超过 30 个字（现有 31 个）"),
    ("studio", {"name": "工" * 61}, "name", "工作室名称", "不能超过 60 个字"),
    ("activity", {"topic": "第一行\n第二行"}, "topic", "主题", "只能填一行"),
    ("member", {"post": "钳工\r班长"}, "post", "岗位", "只能填一行"),
    ("member", {"name": 12345}, "name", "姓名", "应为文字"),
    ("benefit", {"basis": "算" * 5001}, "basis", "计算依据", "不能超过 5000 个字"),
    ("member", {"party_member": "是"}, "party_member", "中共党员", "应为“是”或“否”"),
    # mentorship
    ("mentorship", {"apprentice_name": MISSING}, "apprentice_name", "徒弟姓名", "请选择"),
    ("mentorship", lambda w: {"apprentice": w.leader["uid"]}, "apprentice",
     "徒弟（本工作室成员）", "不能与“师傅”是同一人"),
    # result contributors: exactly one of member / name
    ("result", {"contributors": [{"name": "外援"}, {}]}, "contributors", "完成人（按排序）",
     "第 2 行"),
    ("result", {"contributors": [{"member": None, "name": "  "}]}, "contributors",
     "完成人（按排序）", "第 1 行"),
    ("result", lambda w: {"contributors": [{"member": w.leader["uid"], "name": "李明"}]},
     "contributors", "完成人（按排序）", "二选一"),
    ("result", lambda w: {"contributors": [{"member": w.leader["uid"]},
                                           {"member": w.b_member["uid"]}]},
     "contributors", "成员", "不能引用其他工作室的记录"),
    ("result", {"contributors": [{"name": "名" * 31}]}, "contributors", "外单位人员姓名",
     "不能超过 30 个字"),
    # patents
    ("result", {"type": "patent"}, "patent_kind", "专利类型", "专利类成果必须选择"),
    ("result", {"patent_kind": "invention"}, "patent_kind", "专利类型", "只有成果类型为“专利”"),
    ("result", {"patent_no": "ZL2024123456.7"}, "patent_kind", "专利类型",
     "只有成果类型为“专利”"),
    ("result", {"type": "patent", "patent_kind": "invention", "patent_status": "granted",
                "patent_filed_on": "2024-01-01"},
     "patent_granted_on", "专利授权日", "已授权的专利必须填写"),
    # references: another studio, the recycle bin, nothing at all
    ("activity", lambda w: {"attendees": [{"member": w.b_member["uid"]}]}, "attendees", "成员",
     "不能引用其他工作室的记录"),
    ("fund", lambda w: {"project": w.b_project["uid"]}, "project", "关联课题",
     "不能引用其他工作室的记录"),
    ("fund", lambda w: {"activity": w.b_activity["uid"]}, "activity", "关联活动",
     "不能引用其他工作室的记录"),
    ("benefit", lambda w: {"result": w.b_result["uid"]}, "result", "对应成果",
     "不能引用其他工作室的记录"),
    ("mentorship", lambda w: {"master": w.b_leader["uid"]}, "master", "师傅",
     "不能引用其他工作室的记录"),
    ("project", lambda w: {"leader": w.gone["uid"]}, "leader", "课题负责人", "已在回收站中"),
    ("fund", lambda w: {"project": w.old_project["uid"]}, "project", "关联课题", "已在回收站中"),
    ("project", lambda w: {"participants": [{"member": w.leader["uid"]},
                                            {"member": w.gone["uid"]}]},
     "participants", "成员", "已在回收站中"),
    ("result", {"project": "00000000-0000-4000-8000-000000000000"}, "project", "所属课题",
     "所选的记录不存在"),
    ("honour", {"holder": "no-such-uid"}, "holder", "获得者（空为工作室）", "所选的记录不存在"),
    ("honour", lambda w: {"holder": w.project["uid"]}, "holder", "获得者（空为工作室）",
     "所选的记录不存在"),
    ("mentorship", {"master": 1}, "master", "师傅", "取值无效"),
    # funds
    ("fund", {"source": MISSING}, "source", "经费来源", "收入必须选择"),
    ("fund", {"direction": "expense", "source": MISSING}, "category", "支出类别",
     "支出必须选择"),
    # child lists
    ("result", {"points": [{"text": "一"}, {"text": "二"}, {"text": "三"}, {"text": "四"}]},
     "points", "创新点", "最多 3 项"),
    ("activity", lambda w: {"attendees": [{"member": w.leader["uid"]},
                                          {"member": w.member["uid"]},
                                          {"member": w.leader["uid"]}]},
     "attendees", "参加成员", "第 3 行与前面重复"),
    ("plan", {"targets": [{"metric": "patents", "value": 1}, {"metric": "patents", "value": 2}]},
     "targets", "年度目标", "第 2 行与前面重复"),
    ("activity", {"attendees": "张伟"}, "attendees", "参加成员", "格式无效"),
    # the end of a standing record: never before its start (ledger/asof.py reads them as spans)
    ("equipment", {"acquired_on": "2024-05-01", "disposed_on": "2024-04-30"}, "disposed_on",
     "处置日期（报废/调出）", "不能早于“购置日期”"),
    ("rule", {"adopted_on": "2020-03-01", "repealed_on": "2020-02-29"}, "repealed_on",
     "废止日期", "不能早于“制定日期”"),
    ("mentorship", {"ended_on": "2024-02-29"}, "ended_on", "解除日期（未出师）",
     "不能早于“协议签订日期”"),
    ("mentorship", {"graduated_on": "2025-03-01", "ended_on": "2025-04-01"}, "ended_on",
     "解除日期（未出师）", "“出师日期”和“解除日期（未出师）”只能填一个"),
    # a naming's life: a status other than 有效 has its date, no date before the naming's
    ("studio", {"recognitions": [{"level": "city", "date": "2020-05-01", "status": "removed"}]},
     "recognitions", "状态变更日期", "“命名状态”为“摘牌”"),
    ("studio", {"recognitions": [{"level": "city", "date": "2020-05-01"},
                                 {"level": "provincial", "date": "2022-05-01",
                                  "status": "under_review"}]},
     "recognitions", "状态变更日期", "第 2 行"),
    ("studio", {"recognitions": [{"level": "city", "date": "2020-05-01", "status": "revoked",
                                  "status_on": "2020-04-30"}]},
     "recognitions", "状态变更日期", "不能早于“命名日期”"),
    ("studio", {"recognitions": [{"level": "city", "date": "2020-05-01",
                                  "status_on": "2019-05-01"}]},
     "recognitions", "状态变更日期", "不能早于“命名日期”"),
    ("studio", {"recognitions": [{"level": "city", "date": "2020-05-01",
                                  "next_review": "2020-05-01"}]},
     "recognitions", "下次复审日期", "应晚于“命名日期”"),
    # the party organisation's and the leader's history: from the founding, one entry a day
    ("studio", {"party_changes": [{"party_org": "pioneer_post", "date": "2018-12-31"}]},
     "party_changes", "起始日期", "不能早于“成立日期”"),
    ("studio", {"party_changes": [{"party_org": "pioneer_post", "date": "2020-01-01"},
                                  {"party_org": "party_group", "date": "2020-01-01"}]},
     "party_changes", "起始日期", "第 2 行"),
    ("studio", {"leaders": [{"name": "王建国", "since": "2018-06-30"}]},
     "leaders", "任领衔人起始日期", "不能早于“成立日期”"),
    ("studio", {"leaders": [{"name": "王建国", "since": "2019-01-01"},
                            {"name": "刘红", "since": "2022-03-01"},
                            {"name": "张伟", "since": "2022-03-01"}]},
     "leaders", "任领衔人起始日期", "第 3 行与第 2 行"),
    # studio code
    ("studio", {"code": "甲-01"}, "code", "工作室编号", "只能由英文字母、数字和“-”组成"),
    ("studio", {"code": "ＡＢ01"}, "code", "工作室编号", "只能由英文字母、数字和“-”组成"),
    ("studio", {"code": "AB 01"}, "code", "工作室编号", "只能由英文字母、数字和“-”组成"),
]


def _case_id(case) -> str:
    kind, changes, field, _label, _part = case
    return f"{kind}-{field}-{CASES.index(case)}"


@pytest.mark.parametrize("kind,changes,field,label,part", CASES, ids=[_case_id(c) for c in CASES])
def test_create_refuses(w, kind, changes, field, label, part):
    if callable(changes):
        changes = changes(w)
    values = values_for(kind, w, changes)
    message = refused(kind, lambda: run_create(kind, w, values), field, label)
    assert part in message


def test_unknown_field_is_refused(w):
    values = {**BASE["member"](w), "nickname": "小钱", "age": 30}
    message = refused("member", lambda: run_create("member", w, values), "_", None)
    assert message == "未知的字段：age、nickname"


def test_every_bad_field_is_reported_at_once(w):
    values = {"name": "", "role": "boss", "joined_on": "昨天"}
    with pytest.raises(ValidationError) as exc:
        run_create("member", w, values)
    assert set(exc.value.errors) == {"name", "role", "joined_on"}
    assert "“姓名”" in exc.value.errors["name"]
    assert "“工作室角色”" in exc.value.errors["role"]
    assert "“加入日期”" in exc.value.errors["joined_on"]


# --- boundaries that are accepted, so the refusals above are not over-eager -------------------

def test_boundaries_are_accepted(w):
    m = add_member(w.a, "张" * 30, joined_on="2020-01-01", left_on="2020-01-01",
                   birth_date="1900-01-01")
    assert m["name"] == "张" * 30
    f = add("fund", w.a, {**BASE["fund"](w), "amount_fen": 1, "date": "2030-12-31"})
    assert (f["amount_fen"], f["date"]) == (1, "2030-12-31")
    a = add("activity", w.a, {**BASE["activity"](w), "outside_count": 0,
                              "summary": "第一段\n第二段"})
    assert (a["outside_count"], a["summary"]) == (0, "第一段\n第二段")
    r = add("result", w.a, {**BASE["result"](w), "points": [{"text": "一"}, {"text": "二"},
                                                              {"text": "三"}]})
    assert [p["text"] for p in r["points"]] == ["一", "二", "三"]
    s = make_studio("编号工作室", code="AB-01", directions="service, technology")
    assert (s["code"], s["directions"]) == ("AB-01", "technology,service")


def test_the_new_dates_accept_their_boundaries(w):
    """Ends on the day they start, 有效 (or no status) without a date, a review after the
    naming, history entries from the founding day on: all saved as given."""
    e = add("equipment", w.a, {**BASE["equipment"](w), "acquired_on": "2024-05-01",
                               "disposed_on": "2024-05-01"})
    assert e["disposed_on"] == "2024-05-01"
    r = add("rule", w.a, {**BASE["rule"](w), "adopted_on": "2020-03-01",
                          "repealed_on": "2020-03-01"})
    assert r["repealed_on"] == "2020-03-01"
    m = add("mentorship", w.a, {**BASE["mentorship"](w), "ended_on": "2024-03-01"})
    assert (m["ended_on"], m["graduated_on"]) == ("2024-03-01", None)
    namings = [{"level": "enterprise", "date": "2019-01-01", "status": "valid",
                "next_review": "2019-01-02"},
               {"level": "city", "date": "2020-05-01", "next_review": "2022-05-01"},
               {"level": "provincial", "date": "2021-05-01", "status": "removed",
                "status_on": "2021-05-01"}]
    s = run_create("studio", w, {**BASE["studio"](w), "recognitions": namings,
                                 "party_changes": [
                                     {"party_org": "pioneer_post", "date": "2019-01-01"},
                                     {"party_org": "party_group", "date": "2021-07-01"}],
                                 "leaders": [{"name": "王建国", "since": "2019-01-01"},
                                             {"name": "刘红", "since": "2023-03-01"}]})
    assert [(n["status"], n["status_on"], n["next_review"]) for n in s["recognitions"]] == [
        ("valid", None, "2019-01-02"), (None, None, "2022-05-01"),
        ("removed", "2021-05-01", None)]
    assert [c["date"] for c in s["party_changes"]] == ["2019-01-01", "2021-07-01"]
    assert [ld["name"] for ld in s["leaders"]] == ["王建国", "刘红"]


def test_moving_the_founding_after_the_history_is_refused(w):
    """The founding date is checked against the lists already stored, on update too."""
    s = run_create("studio", w, {**BASE["studio"](w),
                                 "leaders": [{"name": "王建国", "since": "2019-01-01"}]})
    message = refused("studio", lambda: R.update("studio", s["uid"],
                                                 {"founded_on": "2019-06-01"}, today=TODAY),
                      "leaders", "成立日期")
    assert "2019-06-01" in message or "任领衔人起始日期" in message


def test_future_dates_are_measured_from_today(w):
    """More than five years ahead of the given `today` is a typing mistake."""
    values = {**BASE["activity"](w), "date": "2031-01-01"}
    refused("activity", lambda: run_create("activity", w, values, today=date(2025, 1, 1)),
            "date", "活动日期")
    later = run_create("activity", w, values, today=date(2026, 1, 1))
    assert later["date"] == "2031-01-01"
    too_far = date.today().replace(year=date.today().year + 6, month=1, day=1).isoformat()
    values = {**BASE["activity"](w), "date": too_far}
    with pytest.raises(ValidationError) as exc:
        R.create("activity", w.a["uid"], values)  # today defaults to the real today
    assert "“活动日期”" in exc.value.errors["date"]


def test_update_refuses_bad_values_and_keeps_the_record(w):
    before = R.get("project", w.project["uid"])
    refused("project", lambda: R.update("project", w.project["uid"], {"end_date": "2023-01-01"},
                                        today=TODAY), "end_date", "结束日期")
    refused("project", lambda: R.update("project", w.project["uid"], {"title": ""},
                                        today=TODAY), "title", "课题名称")
    refused("project", lambda: R.update("project", w.project["uid"],
                                        {"leader": w.b_member["uid"]}, today=TODAY),
            "leader", "课题负责人")
    assert R.get("project", w.project["uid"]) == before


# --- exactly one active leader per studio ---------------------------------------------------

def test_second_leader_refused_on_create(w):
    message = refused("member", lambda: add_member(w.a, "周八", "leader"), "role", "工作室角色")
    assert "李明" in message  # names the leader who is already there


def test_member_cannot_be_made_leader_while_another_leads(w):
    refused("member", lambda: R.update("member", w.member["uid"], {"role": "leader"},
                                       today=TODAY), "role", "工作室角色")
    assert R.get("member", w.member["uid"])["role"] == "core"


def test_leaders_of_other_studios_do_not_count(w):
    c = make_studio("第三工作室")
    assert add_member(c, "吴九", "leader")["role"] == "leader"


def test_restoring_a_trashed_leader_refused_when_another_leads(w):
    R.trash("member", w.leader["uid"])
    new = add_member(w.a, "周八", "leader")
    refused("member", lambda: R.restore("member", w.leader["uid"]), "role", "工作室角色")
    assert R.get("member", w.leader["uid"])["deleted_at"] is not None
    assert R.get("member", new["uid"])["role"] == "leader"


def test_trashed_leader_does_not_block_a_new_leader(w):
    R.trash("member", w.leader["uid"])
    assert add_member(w.a, "周八", "leader")["role"] == "leader"


def test_leader_who_has_left_does_not_block_a_new_leader(w):
    R.update("member", w.leader["uid"], {"left_on": "2024-12-31"}, today=TODAY)
    new = add_member(w.a, "周八", "leader", joined_on="2025-01-01")
    assert new["role"] == "leader"
    # and the one who left cannot come back as leader while the new one leads
    refused("member", lambda: R.update("member", w.leader["uid"], {"left_on": None},
                                       today=TODAY), "role", "工作室角色")


def test_a_former_leader_can_be_recorded_beside_the_current_one(w):
    old = add_member(w.a, "老刘", "leader", joined_on="2010-01-01", left_on="2017-12-31")
    assert (old["role"], old["left_on"]) == ("leader", "2017-12-31")


def test_leader_can_edit_own_record(w):
    after = R.update("member", w.leader["uid"], {"phone": "13800000000"}, today=TODAY)
    assert (after["phone"], after["version"]) == ("13800000000", 2)


# --- yearly plans: one live plan per year -----------------------------------------------------

def test_second_plan_for_the_same_year_refused(w):
    add("plan", w.a, {"year": 2024})
    message = refused("plan", lambda: add("plan", w.a, {"year": 2024}), "year", "年度")
    assert "2024 年" in message
    assert add("plan", w.b, {"year": 2024})["year"] == 2024  # another studio is free to
    assert add("plan", w.a, {"year": 2025})["year"] == 2025


def test_plan_year_change_onto_an_existing_year_refused(w):
    add("plan", w.a, {"year": 2024})
    p = add("plan", w.a, {"year": 2025})
    refused("plan", lambda: R.update("plan", p["uid"], {"year": 2024}, today=TODAY),
            "year", "年度")


def test_trashed_plan_does_not_block_but_cannot_come_back_beside_a_new_one(w):
    old = add("plan", w.a, {"year": 2024})
    R.trash("plan", old["uid"])
    new = add("plan", w.a, {"year": 2024})
    assert new["year"] == 2024
    refused("plan", lambda: R.restore("plan", old["uid"]), "year", "年度")


# --- references that are fine ---------------------------------------------------------------

def test_references_within_the_studio_are_stored_by_uid(w):
    f = add("fund", w.a, {**BASE["fund"](w), "project": w.project["uid"]})
    assert f["project"] == w.project["uid"]
    b = add("benefit", w.a, {**BASE["benefit"](w), "result": w.result["uid"]})
    assert b["result"] == w.result["uid"]
    m = add("mentorship", w.a, {**BASE["mentorship"](w), "apprentice": w.member["uid"],
                                "apprentice_name": None})
    assert (m["master"], m["apprentice"]) == (w.leader["uid"], w.member["uid"])


# --- inputs that once crashed instead of being refused --------------------------------------

@pytest.mark.parametrize("changes,field,label", [
    ({"sex": ["male"]}, "sex", "性别"),
    ({"education": {"code": "master"}}, "education", "学历"),
])
def test_choice_given_a_list_or_dict_is_refused(w, changes, field, label):
    values = {**BASE["member"](w), **changes}
    refused("member", lambda: run_create("member", w, values), field, label)


def test_int_typed_with_two_minus_signs_is_refused(w):
    values = {**BASE["activity"](w), "outside_count": "--5"}
    refused("activity", lambda: run_create("activity", w, values), "outside_count",
            "外部参加人数")


def test_datetime_in_a_date_field_is_stored_as_a_date(w):
    values = {**BASE["member"](w), "joined_on": datetime(2021, 3, 4, 10, 30)}
    try:
        m = run_create("member", w, values)
    except ValidationError as exc:  # refusing it is also correct
        assert "joined_on" in exc.errors
    else:
        assert m["joined_on"] == "2021-03-04"


def test_a_studio_in_the_recycle_bin_takes_no_records(w):
    R.trash("studio", w.b["uid"])
    members, audits = count("member"), AuditEntry.select().count()
    with pytest.raises(LaomoError, match="工作室已在回收站中"):
        add_member(w.b, "新人")
    assert (count("member"), AuditEntry.select().count()) == (members, audits)


@pytest.mark.parametrize("typed, said", [
    ("1985-13-40", "“出生日期”不是有效的日期：没有 13 月（月份应为 1 至 12）"),
    ("2025-02-29", "“出生日期”不是有效的日期：2025 年 2 月只有 28 天"),
    ("2024/4/31", "“出生日期”不是有效的日期：2024 年 4 月只有 30 天"),
    ("1985-03-00", "“出生日期”不是有效的日期：日应为 1 以上"),
    ("三月五日", "“出生日期”不是有效的日期（应为 2025-03-05 的格式）"),
])
def test_a_date_written_right_but_not_on_the_calendar_says_why(ledger, typed, said):
    """1985-13-40 is written as the message asked (2025-03-05): saying "应为 2025-03-05 的格式"
    sent the secretary looking for the wrong mistake."""
    studio = make_studio()
    assert refused("member", lambda: add_member(studio, "张三", birth_date=typed),
                   "birth_date", "出生日期") == said


def test_the_services_read_a_date_as_a_spreadsheet_does(ledger):
    studio = make_studio()
    assert add_member(studio, "张三", birth_date="1985/3/12")["birth_date"] == "1985-03-12"
