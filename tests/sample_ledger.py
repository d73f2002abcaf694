"""A small ledger whose 2025 figures are worked out by hand (see EXPECTED_2025).

Also the source of tests/fixtures/ledger_v1/: the saved schema-version-1 ledger.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from laomo_desktop.ledger import attachments
from laomo_desktop.ledger import records as R
from snapshots import reuse

TODAY = date(2026, 6, 1)


def build(paths, tmp: Path) -> dict[str, str]:
    """Fill an empty ledger; returns uids by short name. Made once per run and copied into
    every later empty ledger (tests/snapshots.py): the same records, in a fraction of the time."""
    _certificate(tmp)
    return reuse("sample_ledger", paths, lambda: _fill(paths, tmp))


def _certificate(tmp: Path) -> Path:
    photo = tmp / "证书.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n sample certificate scan")
    return photo


def _fill(paths, tmp: Path) -> dict[str, str]:
    u: dict[str, str] = {}

    def add(key, kind, studio, values):
        u[key] = R.create(kind, studio, values, today=TODAY)["uid"]
        return u[key]

    a = add("A", "studio", None, {
        "name": "李明劳模创新工作室", "code": "LM-0001", "host_unit": "江城供电公司",
        "unit_type": "state", "founded_on": "2019-03-01", "directions": ["technology", "service"],
        "room_address": "一号楼 201 室", "room_area": 120, "has_plaque": True,
        "party_org": "party_group", "party_members": 2,
        "recognitions": [{"level": "city", "date": "2021-05-01"},
                         {"level": "provincial", "date": "2023-06-01", "demonstration": True}],
    })
    add("liming", "member", a, {"name": "李明", "role": "leader", "party_member": True,
                                 "joined_on": "2019-03-01"})
    add("wangfang", "member", a, {"name": "王芳", "role": "core", "party_member": True,
                                   "skill_levels": [{"level": "grade3", "date": "2018-01-01"},
                                                    {"level": "grade2", "date": "2025-04-01"}]})
    add("zhangwei", "member", a, {"name": "张伟", "role": "core",
                                   "skill_levels": [{"level": "grade4", "date": "2020-01-01"},
                                                    {"level": "grade3", "date": "2023-05-01"},
                                                    {"level": "grade2", "date": "2025-09-01"}]})
    add("liuyang", "member", a, {"name": "刘洋", "role": "member",
                                  "skill_levels": [{"level": "grade5", "date": "2022-01-01"}]})
    add("chenjing", "member", a, {"name": "陈静", "role": "member"})
    add("zhaoqiang", "member", a, {"name": "赵强", "role": "member", "joined_on": "2020-01-01",
                                    "left_on": "2024-06-30"})

    def att(*keys):
        return [{"member": u[k]} for k in keys]

    add("t1", "activity", a, {"date": "2025-03-10", "type": "training", "topic": "带电作业培训",
                              "hours": 4, "outside_count": 10,
                              "attendees": att("wangfang", "zhangwei", "liuyang")})
    add("t2", "activity", a, {"date": "2025-06-15", "type": "training", "topic": "安全规程培训",
                              "hours": 3.5, "attendees": att("liming", "chenjing")})
    add("t3", "activity", a, {"date": "2025-11-01", "type": "training", "topic": "对外授课",
                              "hours": 2, "outside_count": 25})
    add("e1", "activity", a, {"date": "2025-05-20", "type": "exchange", "topic": "兄弟单位交流",
                              "attendees": att("liming")})
    add("m1", "activity", a, {"date": "2025-01-08", "type": "meeting", "topic": "年度启动会",
                              "minutes": "部署全年工作", "follow_ups": [
                                  {"what": "采购测试仪", "owner": u["liming"], "due": "2025-03-31"}]})
    add("t0", "activity", a, {"date": "2024-12-31", "type": "training", "topic": "去年培训",
                              "outside_count": 7,
                              "attendees": att("wangfang", "zhangwei", "liuyang")})
    add("t4", "activity", a, {"date": "2025-07-01", "type": "training", "topic": "已删除的培训",
                              "outside_count": 100})
    R.trash("activity", u["t4"])

    add("p1", "project", a, {"title": "配网带电作业机器人攻关", "type": "breakthrough",
                             "start_date": "2024-03-01", "end_date": "2025-02-28",
                             "status": "concluded", "leader": u["liming"],
                             "participants": att("zhangwei")})
    add("p2", "project", a, {"title": "计量箱改造", "type": "renovation",
                             "start_date": "2025-04-01", "status": "in_progress"})
    add("p3", "project", a, {"title": "旧课题", "type": "other", "start_date": "2023-01-01",
                             "end_date": "2023-12-31", "status": "concluded"})

    add("r1", "result", a, {"title": "一种绝缘操作杆", "type": "patent", "date": "2025-01-10",
                            "patent_kind": "utility", "patent_no": "ZL2025 2 0012345.6",
                            "patent_status": "granted", "patent_filed_on": "2025-01-10",
                            "patent_granted_on": "2025-08-20", "project": u["p1"],
                            "contributors": [{"member": u["liming"]}, {"name": "外单位专家"},
                                             {"member": u["zhangwei"]}],
                            "points": [{"text": "绝缘等级提高"}]})
    add("r2", "result", a, {"title": "带电作业方法", "type": "patent", "date": "2025-02-02",
                            "patent_kind": "invention", "patent_status": "filed"})
    add("r3", "result", a, {"title": "李明操作法", "type": "operating_method",
                            "date": "2025-04-04", "award_name": "市职工技术创新成果",
                            "award_level": "city", "award_grade": "second", "award_year": 2025})
    add("r4", "result", a, {"title": "关于巡检路线的建议", "type": "suggestion",
                            "date": "2025-12-31"})
    add("r5", "result", a, {"title": "去年的革新", "type": "renovation", "date": "2024-06-01"})
    add("r6", "result", a, {"title": "已删除的QC", "type": "qc", "date": "2025-03-03"})
    R.trash("result", u["r6"])

    add("b1", "benefit", a, {"result": u["r1"], "year": 2025, "amount_fen": 12_345_600,
                             "kind": "saving", "basis": "年节约检修费用"})
    add("b2", "benefit", a, {"result": u["r5"], "year": 2024, "amount_fen": 5_000_000,
                             "kind": "increase", "basis": "增收"})
    add("b3", "benefit", a, {"year": 2025, "amount_fen": 99_000_000, "kind": "other",
                             "basis": "已删除"})
    R.trash("benefit", u["b3"])

    for key, d, direction, extra, amount in (
        ("f1", "2025-02-01", "income", {"source": "union"}, 3_000_000),
        ("f2", "2025-02-15", "income", {"source": "host_unit"}, 2_000_000),
        ("f3", "2025-05-01", "expense", {"category": "equipment"}, 1_200_000),
        ("f4", "2025-06-01", "expense", {"category": "training"}, 34_567),
        ("f5", "2024-03-01", "income", {"source": "union"}, 1_000_000),
        ("f6", "2024-09-01", "expense", {"category": "material"}, 500_000),
    ):
        add(key, "fund", a, {"date": d, "direction": direction, "amount_fen": amount, **extra})

    add("ms1", "mentorship", a, {"master": u["liming"], "apprentice": u["liuyang"],
                                 "agreement_date": "2024-03-01", "graduated_on": "2025-06-30",
                                 "promoted": True})
    add("ms2", "mentorship", a, {"master": u["zhangwei"], "apprentice_name": "孙丽",
                                 "agreement_date": "2025-05-01"})
    add("ms3", "mentorship", a, {"master": u["wangfang"], "apprentice": u["chenjing"],
                                 "agreement_date": "2023-01-01", "graduated_on": "2023-12-31"})

    add("plan", "plan", a, {"year": 2025, "problems": "青年骨干偏少", "next_year": "扩大培训",
                            "targets": [
                                {"metric": "training_sessions", "value": 4},
                                {"metric": "training_person_times", "value": 40},
                                {"metric": "results", "value": 3},
                                {"metric": "patents", "value": 1},
                                {"metric": "benefit_fen", "value": 10_000_000}]})
    add("rule1", "rule", a, {"title": "工作室学习培训制度", "category": "training",
                             "adopted_on": "2019-04-01", "on_wall": True})
    add("rule2", "rule", a, {"title": "经费管理办法", "category": "funds",
                             "adopted_on": "2020-01-01"})
    add("eq1", "equipment", a, {"name": "绝缘电阻测试仪", "quantity": 2,
                                "value_fen": 1_200_000, "acquired_on": "2025-05-01"})
    add("hon1", "honour", a, {"name": "省级示范性劳模创新工作室", "level": "provincial",
                              "year": 2023})

    u["att1"] = attachments.attach(paths, "result", u["r1"], _certificate(tmp), "授权证书")["uid"]

    b = add("B", "studio", None, {"name": "周红职工创新工作室", "host_unit": "滨海公交集团",
                                  "founded_on": "2024-01-01"})
    add("zhouhong", "member", b, {"name": "周红", "role": "leader"})
    add("bt1", "activity", b, {"date": "2025-03-10", "type": "training", "topic": "驾驶培训",
                               "outside_count": 500, "attendees": att("zhouhong")})
    return u


EXPECTED_2025 = {
    "activities_total": 5,
    "activities_by_type": {"training": 3, "exchange": 1, "meeting": 1},
    "training_sessions": 3,
    "training_person_times": 40,
    "training_hours": 9.5,
    "projects_total": 2,
    "projects_started": 1,
    "results_total": 4,
    "results_cumulative": 5,
    "results_awarded": 1,
    "patents_total": 2,
    "patents_granted": 1,
    "patents_by_kind": {"utility": 1, "invention": 1},
    "benefit_fen": 12_345_600,
    "benefit_wan": 12.3456,
    "benefit_cumulative_fen": 17_345_600,
    "fund_income_fen": 5_000_000,
    "fund_expense_fen": 1_234_567,
    "fund_income_by_source": {"union": 3_000_000, "host_unit": 2_000_000},
    "fund_expense_by_category": {"equipment": 1_200_000, "training": 34_567},
    "fund_balance_fen": 4_265_433,
    "members_total": 5,
    "members_party": 2,
    "promotions": 2,
    "promotions_cumulative": 2,
    "mentoring_pairs": 2,
    "apprentices": 2,
    "mentoring_new": 1,
    "apprentices_graduated": 1,
    "apprentices_promoted": 1,
}
