"""Self-assessment against templates; every figure below is worked out by hand from
tests/sample_ledger.py (studio A, 2025) — see the comments next to each number."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from helpers import run_cli as run
from laomo_desktop.cli import main
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment as A
from laomo_desktop.ledger import records as R
from sample_ledger import build

TODAY = date(2026, 6, 1)


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def by_id(result: dict) -> dict[str, dict]:
    return {c["id"]: c for c in result["criteria"]}


def uids(criterion: dict) -> set[str]:
    return {e["uid"] for e in criterion["evidence"]}


# ---- the shipped templates on the sample ledger ---------------------------------------------

def test_shipped_templates_are_listed_and_valid():
    rows = {r["name"]: r for r in A.list_templates()}
    assert set(rows) == {"eight_must_haves", "union_100", "demonstration", "party_building"}
    assert not any("error" in r for r in rows.values())
    assert (rows["eight_must_haves"]["criteria"], rows["eight_must_haves"]["total_points"]) == (8, 8)
    assert rows["union_100"]["total_points"] == 100
    assert rows["demonstration"]["criteria"] == 4
    assert all(r["source"] == "shipped" for r in rows.values())


def test_eight_must_haves_all_met_with_their_evidence(sample):
    got = A.assess(sample["A"], 2025, "eight_must_haves")
    assert (got["score"], got["points"], got["met"], got["missing"]) == (8, 8, 8, 0)
    c = by_id(got)
    assert [x["area"] for x in got["criteria"]] == [
        "有标志", "有场所", "有设施", "有职工参与", "有制度", "有经费", "有台帐", "有成效"]
    assert uids(c["mh5"]) == {sample["rule1"], sample["rule2"]}
    assert sample["r1"] in uids(c["mh8"]) and sample["r6"] not in uids(c["mh8"])  # r6 binned
    assert uids(c["mh6"]) == {sample["f1"], sample["f2"]}
    assert c["mh7"]["detail"] == "台帐：有年度计划，记录活动 5 次"


def test_eight_must_haves_for_studio_b_name_what_is_missing(sample):
    got = A.assess(sample["B"], 2025, "eight_must_haves")
    c = by_id(got)
    # B: no plaque, no room, no equipment, 1 member, no rules/funds/plan/results
    assert got["score"] == 0 and got["missing"] == 8
    assert c["mh1"]["status"] == "missing" and c["mh1"]["evidence"] == []
    assert "标志" in c["mh1"]["detail"]


UNION_100 = {  # studio A, 2025
    "u01": 5,     # plaque and room
    "u02": 3,     # one piece of equipment
    "u03": 2.5,   # 5 members of 8 → 5/8 × 4
    "u04": 3,     # participation
    "u05": 4,     # training + funds of training/incentive/funds → 2/3 × 6
    "u06": 4,     # plan and activities
    "u07": 10,    # 4 results ≥ 3
    "u08": 6,     # 2 patents ≥ 2
    "u09": 6,     # r3 awarded (none rolled out)
    "u10": 8,     # 12.3456 万元 ≥ 10
    "u11": 4.5,   # 3 of 4 sessions → 3/4 × 6
    "u12": 3.2,   # 40 of 50 person-times → 0.8 × 4
    "u13": 5,     # ms1 and ms2 active in 2025
    "u14": 5,     # 王芳 and 张伟 promoted in 2025
    "u15": 5,     # income from union and host unit
    "u16": 5,     # funds rule + 1.234567 万元 spent ≥ 0.1
    "u17": 2.5,   # 1 exchange of 2 → 1/2 × 5
    "u18": 4,     # 4 of 5 targets met (training sessions 3 < 4) → 4/5 × 5
    "u19": 5,     # one honour (2023)
}


def test_union_100_scores_by_hand(sample):
    got = A.assess(sample["A"], 2025, "union_100")
    assert {i: c["score"] for i, c in by_id(got).items()} == UNION_100
    assert got["score"] == 90.7 and got["points"] == 100
    assert got["grade"] == "三星级"  # ≥ 90
    assert "eligible" not in got
    partly = {i for i, c in by_id(got).items() if c["status"] == "partly"}
    assert partly == {"u03", "u05", "u11", "u12", "u17", "u18"}
    assert (got["met"], got["partly"], got["missing"]) == (13, 6, 0)
    c = by_id(got)
    assert c["u11"]["detail"] == "本年度培训 3 场次（要求 ≥ 4）"
    assert c["u05"]["detail"] == "已建立制度类别：学习培训、经费管理；缺少：奖励激励"
    assert c["u18"]["detail"] == "年度目标完成 4/5 项；未完成：培训场次（目标 4，完成 3）"


def test_union_100_evidence_is_the_right_records(sample):
    c = by_id(A.assess(sample["A"], 2025, "union_100"))
    assert uids(c["u08"]) == {sample["r1"], sample["r2"]}            # patents of 2025
    assert uids(c["u11"]) == {sample["t1"], sample["t2"], sample["t3"]}  # not t0 (2024), t4
    assert uids(c["u16"]) == {sample["f3"], sample["f4"]}            # 2025 expenses only
    assert uids(c["u03"]) == {sample[k] for k in ("liming", "wangfang", "zhangwei", "liuyang",
                                                  "chenjing")}        # 赵强 left in 2024
    assert c["u03"]["evidence"][0]["title"] == "李明"                 # the leader first
    assert uids(c["u01"]) == {sample["A"]}                           # must-have evidence
    assert uids(c["u19"]) == {sample["hon1"]}
    assert {e["title"] for e in c["u13"]["evidence"]} == {
        "李明 带徒 刘洋", "张伟 带徒 孙丽", "王芳 带徒 陈静"}
    assert {e["kind"] for e in c["u16"]["evidence"]} == {"fund"}


def test_demonstration_not_eligible_until_a_third_member_is_promoted(sample):
    got = A.assess(sample["A"], 2025, "demonstration")
    c = by_id(got)
    assert [c[i]["status"] for i in ("d1", "d2", "d3", "d4")] == ["met", "met", "met", "missing"]
    assert got["score"] == 75 and got["eligible"] is False
    assert c["d1"]["detail"] == "工作室已运行 6 年（要求 ≥ 3）"       # founded 2019-03-01
    assert c["d4"]["detail"] == "累计技能晋级 2 人（要求 ≥ 3）"
    assert c["d3"]["detail"] == "本年度培训 3 场次 + 本年度技术交流 1 次，合计 4（要求 ≥ 2）"
    assert uids(c["d2"]) == {sample[k] for k in ("r1", "r2", "r3", "r4", "r5")}  # cumulative
    assert uids(c["d3"]) == {sample[k] for k in ("t1", "t2", "t3", "e1")}

    R.update("member", sample["liuyang"], {"skill_levels": [
        {"level": "grade5", "date": "2022-01-01"}, {"level": "grade4", "date": "2025-10-01"}]},
        today=TODAY)
    again = A.assess(sample["A"], 2025, "demonstration")
    assert again["score"] == 100 and again["eligible"] is True


def test_demonstration_for_a_young_studio_is_all_missing(sample):
    got = A.assess(sample["B"], 2025, "demonstration")
    c = by_id(got)
    assert got["score"] == 0 and got["eligible"] is False and got["missing"] == 4
    assert c["d1"]["detail"] == "工作室已运行 1 年（要求 ≥ 3）"      # founded 2024-01-01
    assert c["d3"]["status"] == "missing"  # one training, no partial credit


def test_party_building_partial_credit(sample):
    got = A.assess(sample["A"], 2025, "party_building")
    c = by_id(got)
    assert {i: x["score"] for i, x in c.items()} == {
        "pb1": 30, "pb2": 0, "pb3": 0, "pb4": 13.33, "pb5": 10}  # pb4: 2 of 3 × 20
    assert got["score"] == 53.33
    assert c["pb1"]["detail"].startswith("党组织形式：劳模党小组")
    assert c["pb4"]["status"] == "partly" and c["pb2"]["status"] == "missing"

    party = R.create("activity", sample["A"], {"date": "2025-07-01", "type": "party",
                                               "topic": "主题党日"}, today=TODAY)["uid"]
    c = by_id(after := A.assess(sample["A"], 2025, "party_building"))
    assert (c["pb2"]["score"], c["pb3"]["score"]) == (20, 5)  # 1 ≥ 1; 1 of 4 × 20
    assert c["pb3"]["status"] == "partly" and uids(c["pb3"]) == {party}
    assert after["score"] == 78.33


def test_facts_cover_every_metric_of_the_vocabulary(sample):
    f = A.facts(sample["A"], 2025)
    assert set(A.METRICS) | set(A.CODED) <= set(f)
    assert (f["years_running"], f["party_org"], f["level"]) == (6, "party_group", "provincial")
    assert f["rule_categories"] == ["funds", "training"]
    assert (f["result_count"], f["activity_count"], f["honour_count"]) == (5, 6, 1)
    assert f["fund_expense_wan"] == 1.234567 and f["targets_met"] == 4
    assert A.facts(sample["A"], 2018)["years_running"] == 0  # before founding


# ---- a union's own templates --------------------------------------------------------------

def write(folder: Path, name: str, data) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    "utf-8")
    return path


def own_template(**extra) -> dict:
    return {"name": "my_union", "title": "某市总工会考核表", "total_points": 10, "_note": "注释",
            "criteria": [
                {"id": "c1", "area": "人才培养", "item": "培训与交流不少于 8 次", "points": 6,
                 "rule": {"sum_of": ["training_sessions", "exchanges"], "min": 8,
                          "partial": True}},
                {"id": "c2", "area": "制度建设", "item": "有激励制度或制度上墙", "points": 4,
                 "rule": {"any_of": [{"rule_categories": ["incentive"]},
                                     {"metric": "level", "in": ["provincial", "national"]}]},
                 "evidence": {"kind": "rule", "types": ["funds"]}}], **extra}


def test_a_union_template_in_the_data_folder_is_listed_and_used(sample, tmp_path):
    extra = tmp_path / "union"
    write(extra, "ours.json", own_template())
    rows = {r["name"]: r for r in A.list_templates(extra)}
    assert rows["my_union"]["source"] == "user" and rows["my_union"]["criteria"] == 2
    assert "union_100" in rows
    template = A.load_template("my_union", extra)
    assert A.load_template("ours", extra).name == "my_union"  # by file name too
    got = A.assess(sample["A"], 2025, template)
    c = by_id(got)
    assert c["c1"]["score"] == 3  # 3 + 1 = 4 of 8 → 1/2 × 6
    assert c["c2"]["score"] == 4 and "命名级别：省级" in c["c2"]["detail"]
    assert uids(c["c2"]) == {sample["rule2"]}
    assert got["score"] == 7 and got["points"] == 10
    with pytest.raises(LaomoError, match="找不到评分模板“my_union”"):
        A.load_template("my_union")  # not without the folder


def test_a_union_file_with_a_shipped_name_replaces_it(sample, tmp_path):
    write(tmp_path, "mine.json", own_template(name="union_100"))
    rows = [r for r in A.list_templates(tmp_path) if r["name"] == "union_100"]
    assert len(rows) == 1 and rows[0]["source"] == "user"
    assert A.load_template("union_100", tmp_path).title == "某市总工会考核表"


def test_a_broken_union_file_is_listed_with_its_error(tmp_path):
    write(tmp_path, "broken.json", "{")
    rows = {r["name"]: r for r in A.list_templates(tmp_path)}
    assert "不是有效的 JSON" in rows["broken"]["error"] and "union_100" in rows


def test_load_by_path_and_the_frozen_resources(sample, tmp_path, monkeypatch):
    path = write(tmp_path, "x.json", own_template())
    assert A.load_template(path).name == "my_union"
    with pytest.raises(LaomoError, match="找不到评分模板文件"):
        A.load_template(tmp_path / "nothing.json")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert A.shipped_dir() == tmp_path / "resources" / "templates"


def crit(rule, **kw) -> dict:
    return {"id": "c9", "area": "区", "item": "项", "points": 5, "rule": rule, **kw}


BROKEN = [
    ("bad JSON", '{"name": "x",', ["不是有效的 JSON", "第 1 行"]),
    ("not an object", "[]", ["JSON 对象"]),
    ("missing title", {"name": "x", "criteria": [crit({"must_have": "sign"})]}, ["title 缺失"]),
    ("no criteria", {"name": "x", "title": "t", "criteria": []}, ["criteria"]),
    ("unknown top key", {"name": "x", "title": "t", "critera": [], "criteria": [
        crit({"must_have": "sign"})]}, ["不认识的键“critera”"]),
    ("missing rule", {"name": "x", "title": "t", "criteria": [
        {"id": "c9", "area": "a", "item": "i", "points": 1}]}, ["考核项 c9", "rule 缺失"]),
    ("missing area", {"name": "x", "title": "t", "criteria": [
        {"id": "c9", "item": "i", "points": 1, "rule": {"must_have": "sign"}}]},
     ["考核项 c9 的 area"]),
    ("unknown metric", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "trainings", "min": 2})]}, ["考核项 c9", "rule.metric", "“trainings”不存在"]),
    ("nested unknown metric", {"name": "x", "title": "t", "criteria": [
        crit({"any_of": [{"must_have": "sign"}, {"sum_of": ["exchanges", "nope"], "min": 1}]})]},
     ["考核项 c9", "rule.any_of[1].sum_of", "“nope”"]),
    ("unknown rule type", {"name": "x", "title": "t", "criteria": [crit({"magic": 1})]},
     ["考核项 c9", "应有且只有一种规则"]),
    ("two rule types", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign", "targets": "all"})]}, ["应有且只有一种规则"]),
    ("unknown rule key", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "exchanges", "min": 1, "max": 3})]}, ["不认识的键“max”"]),
    ("metric without min", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "exchanges"})]}, ["考核项 c9", "min"]),
    ("bad code", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "party_org", "in": ["party_cell"]})]}, ["代码“party_cell”无效"]),
    ("min on a coded fact", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "party_org", "min": 1})]}, ["party_org 是代码类指标"]),
    ("in on a number", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "exchanges", "in": [1]})]}, ["rule 是数值规则"]),
    ("sum of one", {"name": "x", "title": "t", "criteria": [
        crit({"sum_of": ["exchanges"], "min": 1})]}, ["rule.sum_of 应为至少两个指标名"]),
    ("bad category", {"name": "x", "title": "t", "criteria": [
        crit({"rule_categories": ["training", "safety"]})]}, ["rule.rule_categories", "“safety”"]),
    ("bad must-have", {"name": "x", "title": "t", "criteria": [crit({"must_have": "plaque"})]},
     ["“plaque”不是八个必有之一"]),
    ("partial not bool", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "exchanges", "min": 1, "partial": "yes"})]}, ["partial 应为 true"]),
    ("negative min", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "exchanges", "min": -1})]}, ["min 应为不小于 0"]),
    ("negative points", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign"}, points=-5)]}, ["考核项 c9 的 points", "-5"]),
    ("points as text", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign"}, points="5")]}, ["考核项 c9 的 points"]),
    ("duplicate ids", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign"}), crit({"must_have": "room"})]}, ["id“c9”重复"]),
    ("total mismatch", {"name": "x", "title": "t", "total_points": 100, "criteria": [
        crit({"must_have": "sign"})]}, ["合计 5", "total_points 100"]),
    ("bad evidence kind", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign"}, evidence="photo")]}, ["考核项 c9 的 evidence", "“photo”"]),
    ("bad evidence type", {"name": "x", "title": "t", "criteria": [
        crit({"must_have": "sign"}, evidence={"kind": "activity", "types": ["party", "x"]})]},
     ["evidence.types", "“x”"]),
    ("bad verdict", {"name": "x", "title": "t", "verdict": "most", "criteria": [
        crit({"must_have": "sign"})]}, ["verdict"]),
]


@pytest.mark.parametrize(("case", "content", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_templates_are_refused_naming_the_problem(tmp_path, case, content, expected):
    path = write(tmp_path, "bad.json", content)
    with pytest.raises(LaomoError) as exc:
        A.load_template(path)
    message = exc.value.message
    assert message.startswith("评分模板 bad.json"), message
    for fragment in expected:
        assert fragment in message, (fragment, message)


def test_a_template_without_total_points_and_with_a_bom_loads(tmp_path):
    data = own_template()
    del data["total_points"]
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert A.load_template(path).total_points == 10


# ---- the command line ----------------------------------------------------------------------





def test_cli_assess_json_is_the_assess_dict(sample_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "assess", "--studio", "李明",
                       "--year", "2025", "--template", "union_100", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["score"] == 90.7 and data["grade"] == "三星级"
    assert {c["id"]: c["score"] for c in data["criteria"]} == UNION_100
    assert set(data["criteria"][0]) == {"id", "area", "item", "points", "score", "status",
                                        "detail", "evidence"}


def test_cli_assess_text_lists_marks_scores_and_total(sample_dir, capsys):
    code, out, _ = run(capsys, "assess", "--data-dir", str(sample_dir), "--studio", "李明",
                       "--year", "2025", "--template", "demonstration")
    assert code == 0
    assert "✓ 25/25 分  d1 运行时间" in out
    assert "✗ 0/25 分  d4 人才培养" in out
    assert "合计 75 / 100 分" in out and "暂不符合条件" in out
    code, out, _ = run(capsys, "assess", "--data-dir", str(sample_dir), "--studio", "李明",
                       "--year", "2025", "--template", "party_building")
    assert "◐ 13.33/20 分  pb4" in out and "合计 53.33 / 100 分" in out


def test_cli_uses_the_union_folder_and_lists_templates(sample_dir, capsys):
    write(sample_dir / "templates", "ours.json", own_template())
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "templates", "--json")
    assert code == 0
    names = {r["name"]: r for r in json.loads(out)}
    assert len(names) == 5 and names["my_union"]["source"] == "user"
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "templates")
    assert "union_100  劳模创新工作室年度考核评分表（百分制）  19 项，满分 100" in out
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "assess", "--studio", "李明",
                       "--year", "2025", "--template", "my_union", "--json")
    assert code == 0 and json.loads(out)["score"] == 7


def test_cli_errors_exit_1_with_one_line(sample_dir, tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "assess", "--studio", "李明",
                         "--year", "2025", "--template", "no_such")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "找不到评分模板“no_such”" in err
    bad = write(tmp_path, "bad.json", {"name": "x", "title": "t", "criteria": [
        crit({"metric": "trainings", "min": 1})]})
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "assess", "--studio", "李明",
                       "--year", "2025", "--template", str(bad))
    assert code == 1 and "bad.json" in err and "c9" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "assess", "--studio", "没有",
                       "--year", "2025", "--template", "union_100")
    assert code == 1 and "找不到工作室" in err


def test_cli_assess_without_template_is_bad_usage():
    with pytest.raises(SystemExit) as exc:
        main(["assess", "--studio", "李明", "--year", "2025"])
    assert exc.value.code == 2
