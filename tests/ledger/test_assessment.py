"""Self-assessment against templates; every figure below is worked out by hand from
tests/sample_ledger.py (studio A, 2025) — see the comments next to each number."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laomo_desktop
from helpers import run_cli as run
from laomo_desktop.cli import main
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.metrics import fact
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
    assert set(rows) == {"eight_must_haves", "union_100", "demonstration", "party_building",
                         "six_haves"}
    assert not any("error" in r for r in rows.values())
    assert (rows["eight_must_haves"]["criteria"], rows["eight_must_haves"]["total_points"]) == (8, 8)
    assert rows["union_100"]["total_points"] == 100
    assert (rows["demonstration"]["criteria"], rows["demonstration"]["total_points"]) == (6, 6)
    assert all(r["source"] == "shipped" for r in rows.values())


def test_eight_must_haves_all_met_with_their_evidence(sample):
    got = A.assess(sample["A"], 2025, "eight_must_haves")
    assert (got["score"], got["points"], got["met"], got["missing"]) == (8, 8, 8, 0)
    c = by_id(got)
    assert [x["area"] for x in got["criteria"]] == [
        "有标志", "有场所", "有设施", "有职工参与", "有制度", "有经费", "有台账", "有成效"]
    assert uids(c["mh5"]) == {sample["rule1"], sample["rule2"]}
    assert sample["r1"] in uids(c["mh8"]) and sample["r6"] not in uids(c["mh8"])  # r6 binned
    assert uids(c["mh6"]) == {sample["f1"], sample["f2"]}
    assert c["mh7"]["detail"] == "台账：有年度计划，记录活动 5 次"


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
    assert {e["title"] for e in c["u13"]["evidence"]} == {  # not 王芳's pair, over in 2023
        "李明 带徒 刘洋", "张伟 带徒 孙丽"}
    assert {e["kind"] for e in c["u16"]["evidence"]} == {"fund"}


def test_demonstration_not_eligible_until_a_third_member_is_promoted(sample):
    got = A.assess(sample["A"], 2025, "demonstration")
    c = by_id(got)
    assert [c[f"d{i}"]["status"] for i in range(1, 7)] == [
        "met", "met", "met", "missing", "missing", "met"]  # d5: 李明 has no honour recorded
    assert got["score"] == 4 and got["eligible"] is False
    assert c["d1"]["detail"] == "工作室已运行 6 年（要求 ≥ 3）"       # founded 2019-03-01
    assert c["d4"]["detail"] == "累计技能晋级 2 人（要求 ≥ 3）"
    assert c["d3"]["detail"] == "本年度培训 3 场次 + 本年度技术交流 1 次，合计 4（要求 ≥ 2）"
    assert uids(c["d2"]) == {sample[k] for k in ("r1", "r2", "r3", "r4", "r5")}  # cumulative
    assert uids(c["d3"]) == {sample[k] for k in ("t1", "t2", "t3", "e1")}

    R.update("member", sample["liuyang"], {"skill_levels": [
        {"level": "grade5", "date": "2022-01-01"}, {"level": "grade4", "date": "2025-10-01"}]},
        today=TODAY)
    R.create("honour", sample["A"], {"holder": sample["liming"], "name": "湖北省劳动模范",
                                     "level": "provincial", "year": 2020}, today=TODAY)
    again = A.assess(sample["A"], 2025, "demonstration")
    assert again["score"] == 6 and again["eligible"] is True


def test_demonstration_for_a_young_studio_is_all_missing(sample):
    got = A.assess(sample["B"], 2025, "demonstration")
    c = by_id(got)
    assert got["score"] == 0 and got["eligible"] is False and got["missing"] == 6
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
    assert all(isinstance(fact(f.figures, m), int | float) for m in A.METRICS)
    assert set(A.CODED) <= {a.name for a in dataclasses.fields(f.figures.studio)}
    studio = f.figures.studio
    assert (f.figures.years_running, studio.party_org, studio.level) == (6, "party_group",
                                                                         "provincial")
    assert f.rule_categories == ["funds", "training"]
    assert [fact(f.figures, f"{k}_count") for k in ("result", "activity", "honour")] == [5, 6, 1]
    assert fact(f.figures, "fund_expense_wan") == 1.234567 and f.figures.targets_met == 4
    assert A.facts(sample["A"], 2018).figures.years_running == 0  # before founding


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


def test_load_by_path_and_the_shipped_templates_inside_the_package(sample, tmp_path):
    path = write(tmp_path, "x.json", own_template())
    assert A.load_template(path).name == "my_union"
    with pytest.raises(LaomoError, match="找不到评分模板文件"):
        A.load_template(tmp_path / "nothing.json")
    # beside the code, so an installed wheel (and the frozen build) has them too
    assert A.shipped_dir() == Path(laomo_desktop.__file__).parent / "resources" / "templates"
    assert (A.shipped_dir() / "union_100.json").is_file()


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
                                        "detail", "detail_en", "evidence", "evidence_total",
                                        "note"}
    assert data["period_label"] == "2025 年度"


def test_cli_assess_text_lists_marks_scores_and_total(sample_dir, capsys):
    code, out, _ = run(capsys, "assess", "--data-dir", str(sample_dir), "--studio", "李明",
                       "--year", "2025", "--template", "demonstration")
    assert code == 0
    assert "李明劳模创新工作室  2025 年度\n" in out
    assert "✓ 1/1 分  d1 运行时间" in out
    assert "✗ 0/1 分  d4 人才培养" in out
    assert "\n      说明：台账只能按年度末领衔人名下荣誉记录" in out  # d5's note
    assert "合计 4 / 6 分" in out and "暂不符合条件" in out
    code, out, _ = run(capsys, "assess", "--data-dir", str(sample_dir), "--studio", "李明",
                       "--year", "2025", "--template", "party_building")
    assert "◐ 13.33/20 分  pb4" in out and "合计 53.33 / 100 分" in out


def test_cli_uses_the_union_folder_and_lists_templates(sample_dir, capsys):
    write(sample_dir / "templates", "ours.json", own_template())
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "templates", "--json")
    assert code == 0
    names = {r["name"]: r for r in json.loads(out)}
    assert len(names) == 6 and names["my_union"]["source"] == "user"
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "templates")
    assert "union_100  劳模创新工作室年度考核评分表（百分制示例）  19 项，满分 100" in out
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


# ---- as of the statistics year (ledger/asof.py, ledger/period.py) --------------------------

TEMPLATES = ("eight_must_haves", "union_100", "demonstration", "party_building")


def all_templates(uid: str, year: int) -> dict[str, dict]:
    return {t: A.assess(uid, year, t) for t in TEMPLATES}


def add(kind: str, studio: str | None, values: dict) -> str:
    return R.create(kind, studio, values, today=TODAY)["uid"]


def test_rules_and_equipment_of_2026_change_nothing_in_2025(sample):
    before, facts = all_templates(sample["A"], 2025), A.facts(sample["A"], 2025)
    add("rule", sample["A"], {"title": "奖励激励办法", "category": "incentive",
                              "adopted_on": "2026-02-01"})
    add("equipment", sample["A"], {"name": "红外热像仪", "acquired_on": "2026-03-01"})
    assert all_templates(sample["A"], 2025) == before
    assert A.facts(sample["A"], 2025) == facts
    assert A.facts(sample["A"], 2026).rule_categories == ["funds", "incentive", "training"]


def test_a_rule_repealed_or_equipment_disposed_before_the_end_no_longer_counts(sample):
    R.update("rule", sample["rule2"], {"repealed_on": "2024-12-01"}, today=TODAY)
    old = add("equipment", sample["A"], {"name": "旧示波器", "acquired_on": "2020-05-01",
                                         "disposed_on": "2024-06-01"})
    f = A.facts(sample["A"], 2025)
    assert f.rule_categories == ["training"] and fact(f.figures, "rule_count") == 1
    assert fact(f.figures, "equipment_count") == 1  # eq1 only
    c = by_id(A.assess(sample["A"], 2025, "union_100"))
    assert uids(c["u05"]) == {sample["rule1"]}            # the repealed rule is no evidence
    assert c["u05"]["detail"] == "已建立制度类别：学习培训；缺少：奖励激励、经费管理"
    assert c["u16"]["status"] == "missing"                # no funds rule in force
    assert uids(c["u02"]) == {sample["eq1"]}
    earlier = A.facts(sample["A"], 2023)                  # both still in force then
    assert earlier.rule_categories == ["funds", "training"]
    assert fact(earlier.figures, "equipment_count") == 1
    assert old in uids(by_id(A.assess(sample["A"], 2023, "union_100"))["u02"])


def test_mentoring_evidence_is_the_pairs_of_the_year_unless_cumulative(sample):
    got = by_id(A.assess(sample["A"], 2025, "union_100"))
    assert uids(got["u13"]) == {sample["ms1"], sample["ms2"]}  # ms3 graduated in 2023
    demo = by_id(A.assess(sample["A"], 2025, "demonstration"))
    assert uids(demo["d4"]) == {sample["ms1"], sample["ms2"], sample["ms3"]}  # all to date


def test_a_naming_of_2026_or_removed_in_2024_gives_no_level_in_2025(sample):
    R.update("studio", sample["B"], {"recognitions": [
        {"level": "district", "date": "2024-03-01", "status": "removed", "status_on": "2024-11-01"},
        {"level": "city", "date": "2026-03-01"}]}, today=TODAY)
    assert A.facts(sample["B"], 2025).figures.studio.level is None
    assert A.facts(sample["B"], 2026).figures.studio.level == "city"
    tpl = A.load_template(write_tpl(own_template()))
    c = by_id(A.assess(sample["B"], 2025, tpl))
    assert c["c2"]["detail"].endswith("命名级别：无有效命名（要求：省级、全国级）")
    R.update("studio", sample["A"], {"recognitions": [
        {"level": "city", "date": "2021-05-01"},
        {"level": "provincial", "date": "2023-06-01", "status": "revoked",
         "status_on": "2025-04-01"}]}, today=TODAY)
    assert A.facts(sample["A"], 2024).figures.studio.level == "provincial"
    assert A.facts(sample["A"], 2025).figures.studio.level == "city"


def write_tpl(data: dict) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    return write(folder, "t.json", data)


def test_the_party_organisation_is_the_one_in_force_at_the_end(sample):
    R.update("studio", sample["A"], {"party_org": "party_branch",
                                     "party_org_founded_on": "2026-03-01",
                                     "party_changes": [{"party_org": "pioneer_post",
                                                        "date": "2020-01-01"}]}, today=TODAY)
    assert A.facts(sample["A"], 2025).figures.studio.party_org == "pioneer_post"
    c = by_id(A.assess(sample["A"], 2025, "party_building"))
    assert c["pb1"]["detail"].startswith("党组织形式：党员先锋岗")
    assert A.facts(sample["A"], 2026).figures.studio.party_org == "party_branch"


def test_a_statistics_year_from_october(sample):
    from laomo_desktop.ledger.period import set_start_month

    set_start_month(10)  # 2025 = 2024-10-01 … 2025-09-30
    R.update("studio", sample["B"], {"founded_on": "2023-11-01",
                                     "recognitions": [{"level": "city", "date": "2025-11-01"}]},
             today=TODAY)
    add("rule", sample["A"], {"title": "奖励激励办法", "category": "incentive",
                              "adopted_on": "2025-11-01"})
    newcomer = add("member", sample["A"], {"name": "新人", "role": "member",
                                           "joined_on": "2025-11-01"})
    f = A.facts(sample["A"], 2025)
    assert (f.figures.start, f.figures.end) == ("2024-10-01", "2025-09-30")
    assert f.rule_categories == ["funds", "training"]
    fb = A.facts(sample["B"], 2025).figures
    assert (fb.studio.level, fb.years_running) == (None, 1)  # 满 2 年 on 2025-11-01
    assert A.facts(sample["B"], 2026).figures.years_running == 2
    got = A.assess(sample["A"], 2025, "union_100")
    assert got["period_label"] == "2025 统计年度（2024-10-01 至 2025-09-30）"
    assert newcomer not in uids(by_id(got)["u03"])
    assert by_id(got)["u11"]["detail"] == "本年度培训 3 场次（要求 ≥ 4）"  # t0, t1, t2


def test_no_assessment_for_a_year_before_the_founding(sample):
    with pytest.raises(LaomoError, match="成立于 2024-01-01.*尚未成立"):
        A.assess(sample["B"], 2023, "eight_must_haves")


# Records dated after the period, edits that end something after it, a later leader, party
# organisation, naming or its removal: none may change the assessment of the year.
LATER = st.sampled_from([
    "rule", "equipment", "member", "activity", "result", "fund", "mentorship", "project",
    "honour", "plan", "benefit", "naming", "removal", "party", "leader", "repeal", "dispose",
    "leave", "end_pair", "trash_new"])


def later_change(what: str, a: str, u: dict, day: str, year: int) -> None:
    nxt = year + 1
    if what == "rule":
        add("rule", a, {"title": "新制度", "category": "incentive", "adopted_on": day})
    elif what == "equipment":
        add("equipment", a, {"name": "新设备", "acquired_on": day})
    elif what == "member":
        add("member", a, {"name": "新成员", "role": "member", "joined_on": day,
                          "party_member": True})
    elif what == "activity":
        add("activity", a, {"date": day, "type": "party", "topic": "后来的活动",
                            "attendees": [{"member": u["liuyang"]}]})
    elif what == "result":
        add("result", a, {"title": "后来的专利", "type": "patent", "date": day,
                          "patent_kind": "utility"})
    elif what == "fund":
        add("fund", a, {"date": day, "direction": "expense", "amount_fen": 100,
                        "category": "training"})
    elif what == "mentorship":
        add("mentorship", a, {"master": u["liming"], "apprentice_name": "后来的徒弟",
                              "agreement_date": day})
    elif what == "project":
        add("project", a, {"title": "后来的课题", "type": "other", "start_date": day,
                           "status": "in_progress"})
    elif what == "honour":
        add("honour", a, {"holder": u["liming"], "name": "全国劳动模范", "level": "national",
                          "year": nxt})
    elif what == "plan":
        add("plan", a, {"year": nxt, "targets": [{"metric": "results", "value": 1}]})
    elif what == "benefit":
        add("benefit", a, {"year": nxt, "amount_fen": 10**8, "kind": "saving", "basis": "后来"})
    elif what in ("naming", "removal", "party", "leader"):
        s = R.get("studio", a)
        if what == "naming":
            s["recognitions"].append({"level": "national", "date": day})
        elif what == "removal":
            # the namings there were by then (a later naming cannot be removed before it)
            s["recognitions"] = [{**r, "status": "removed", "status_on": day}
                                 if (r["date"] or "") <= day else r
                                 for r in s["recognitions"]]
        elif what == "party":
            s["party_changes"].append({"party_org": "party_branch", "date": day})
        else:
            s["leaders"].append({"name": "王芳", "since": day})
        R.update("studio", a, {k: s[k] for k in ("recognitions", "party_changes", "leaders")},
                 today=TODAY)
    elif what == "repeal":
        R.update("rule", u["rule2"], {"repealed_on": day}, today=TODAY)
    elif what == "dispose":
        R.update("equipment", u["eq1"], {"disposed_on": day}, today=TODAY)
    elif what == "leave":
        R.update("member", u["wangfang"], {"left_on": day}, today=TODAY)
    elif what == "end_pair":
        R.update("mentorship", u["ms2"], {"ended_on": day}, today=TODAY)
    else:  # something added after the period, then binned
        R.trash("activity", add("activity", a, {"date": day, "type": "training",
                                                "topic": "删掉的"}))


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(month=st.sampled_from([1, 10]), changes=st.lists(
    st.tuples(LATER, st.integers(min_value=1, max_value=150)), min_size=3, max_size=8,
    unique_by=lambda c: c[0]))
def test_later_records_never_change_the_assessment(sample, month, changes):
    from laomo_desktop.ledger.period import period, set_start_month
    from laomo_desktop.store.models import database

    with database.atomic() as tx:
        set_start_month(month)
        before = all_templates(sample["A"], 2025)
        end = date.fromisoformat(period(2025).end)
        for what, days in changes:
            later_change(what, sample["A"], sample, (end + timedelta(days=days)).isoformat(), 2025)
        assert all_templates(sample["A"], 2025) == before, changes
        tx.rollback()


# ---- template parameters -------------------------------------------------------------------

def test_the_minimum_team_size_is_a_template_parameter(sample, tmp_path):
    for key in ("liuyang", "chenjing"):
        R.update("member", sample[key], {"left_on": "2025-08-01"}, today=TODAY)
    assert A.facts(sample["A"], 2025).figures.members_total == 3
    default = by_id(A.assess(sample["A"], 2025, "eight_must_haves"))["mh4"]
    assert default["status"] == "missing" and "成员不足 5 人" in default["detail"]
    data = json.loads((A.shipped_dir() / "eight_must_haves.json").read_text("utf-8"))
    assert data["parameters"] == {"min_members": 5}
    data["parameters"] = {"min_members": 3}
    three = A.load_template(write(tmp_path, "three.json", data))
    assert three.parameters == {"min_members": 3}
    got = by_id(A.assess(sample["A"], 2025, three))["mh4"]
    assert got["status"] == "met" and got["detail"] == "职工参与：年末成员 3 人；本年度 5 人参加过活动"


BAD_PARAMETERS = [
    ([3], "parameters 应为对象"),
    ({"min_member": 3}, "parameters 有不认识的键“min_member”"),
    ({"min_members": "3"}, "parameters.min_members 应为 1 到 1000 之间的整数"),
    ({"min_members": 0}, "parameters.min_members 应为 1 到 1000 之间的整数"),
    ({"min_members": 2.5}, "parameters.min_members 应为 1 到 1000 之间的整数"),
    ({"min_members": True}, "parameters.min_members 应为 1 到 1000 之间的整数"),
]


@pytest.mark.parametrize(("value", "expected"), BAD_PARAMETERS)
def test_bad_parameters_are_refused_in_chinese(tmp_path, value, expected):
    with pytest.raises(LaomoError) as exc:
        A.load_template(write(tmp_path, "bad.json", own_template(parameters=value)))
    assert exc.value.message.startswith("评分模板 bad.json") and expected in exc.value.message


# ---- the shipped templates say what they are -----------------------------------------------

def test_union_100_says_it_is_an_example_to_adapt():
    t = A.load_template("union_100")
    assert "示例" in t.title
    assert "示例评分细则，请按本级工会文件修改" in t.description
    assert "市总工会劳模创新工作室年度考核细则" not in t.description


def test_demonstration_names_its_source():
    t = A.load_template("demonstration")
    assert "参照某省2020年示范性工作室评定条件整理，使用前请按本级工会文件核对" in t.description
    assert "文号" not in t.description and "号文" not in t.description


def test_demonstration_needs_a_decorated_leader_and_an_earlier_naming(sample):
    c = by_id(A.assess(sample["A"], 2025, "demonstration"))
    assert c["d5"]["status"] == "missing" and c["d5"]["evidence"] == []
    assert c["d5"]["detail"].startswith("领衔人李明没有符合要求的荣誉")
    assert c["d5"]["note"]  # says what the ledger cannot know
    assert c["d6"]["status"] == "met"  # named city-level 2021, provincial 2023
    # an honour of another member, a provincial 五一 medal, one of 2026: none of them counts
    add("honour", sample["A"], {"holder": sample["wangfang"], "name": "全国劳动模范",
                                "level": "national", "year": 2020})
    add("honour", sample["A"], {"holder": sample["liming"], "name": "省五一劳动奖章",
                                "level": "provincial", "year": 2021})
    add("honour", sample["A"], {"holder": sample["liming"], "name": "省劳动模范",
                                "level": "provincial", "year": 2026})
    assert by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"]["status"] == "missing"
    medal = add("honour", sample["A"], {"holder": sample["liming"], "name": "全国五一劳动奖章",
                                        "level": "national", "year": 2024})
    d5 = by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"]
    assert d5["status"] == "met" and uids(d5) == {medal}
    assert d5["detail"] == "领衔人李明：全国五一劳动奖章（全国级，2024 年度）"
    # a new leader from 2026 changes nothing in 2025; in 2026 it is 王芳's honours that count
    R.update("studio", sample["A"], {"leaders": [{"name": "王芳", "since": "2026-01-01"}]},
             today=TODAY)
    assert by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"]["status"] == "met"
    d5 = by_id(A.assess(sample["A"], 2026, "demonstration"))["d5"]
    assert d5["detail"] == "领衔人王芳：全国劳动模范（全国级，2020 年度）"


def test_demonstration_earlier_naming_is_a_valid_one(sample):
    R.update("studio", sample["A"], {"recognitions": [
        {"level": "city", "date": "2021-05-01", "status": "removed", "status_on": "2024-03-01"},
        {"level": "enterprise", "date": "2020-01-01"}]}, today=TODAY)
    d6 = by_id(A.assess(sample["A"], 2025, "demonstration"))["d6"]
    assert d6["status"] == "missing" and "企业级" in d6["detail"]
    assert by_id(A.assess(sample["A"], 2023, "demonstration"))["d6"]["status"] == "met"


def test_party_building_counts_quarters_not_just_activities(sample):
    for day in ("2025-01-10", "2025-02-10", "2025-03-10", "2025-10-10"):
        add("activity", sample["A"], {"date": day, "type": "party", "topic": "主题党日"})
    c = by_id(A.assess(sample["A"], 2025, "party_building"))
    assert c["pb3"]["score"] == 10  # 4 activities but in 2 of 4 quarters → 2/4 × 20
    assert c["pb3"]["detail"] == "本年度开展党建活动的季度 2 个（要求 ≥ 4）"


def test_no_shipped_template_claims_to_be_a_union_document():
    for name in TEMPLATES:
        t = A.load_template(name)
        assert "市总工会" not in t.title + t.description, name


def test_the_readme_documents_every_metric_rule_and_parameter():
    text = (A.shipped_dir() / "README.md").read_text("utf-8")
    named = [m for m in A.METRICS if not m.startswith("activities_") and not m.endswith("_count")]
    named += [*A.CODED, *A.RULE_KEYS, *A.PARAMETERS, "note"]
    assert [m for m in named if f"`{m}`" not in text and f'"{m}"' not in text] == []


def test_a_packet_with_a_three_member_template_says_so_in_its_summary_too(sample, ledger,
                                                                          tmp_path):
    from helpers import pdftotext
    from laomo_desktop.reports.packet import write_packet

    for key in ("liuyang", "chenjing"):
        R.update("member", sample[key], {"left_on": "2025-08-01"}, today=TODAY)
    data = json.loads((A.shipped_dir() / "eight_must_haves.json").read_text("utf-8"))
    data["parameters"] = {"min_members": 3}
    out = tmp_path / "packet.pdf"
    result = write_packet(ledger, sample["A"], 2025, write(tmp_path / "t", "three.json", data),
                          [], out)
    assert by_id(result)["mh4"]["status"] == "met"
    text = pdftotext(out)
    assert "成员不足" not in text and "成员 3 人" in text


def test_money_targets_and_amounts_read_in_wan_with_two_decimals(ledger):
    """The self-assessment printed "经济效益（万元）（目标 50，完成 12.3456）"."""
    from laomo_desktop.ledger import assessment as A

    s = R.create("studio", None, {"name": "效益工作室", "host_unit": "某厂",
                                  "founded_on": "2020-01-01"})
    R.create("plan", s["uid"], {"year": 2025, "targets": [
        {"metric": "benefit_fen", "value": 50_000_000}]})
    R.create("benefit", s["uid"], {"year": 2025, "amount_fen": 123_456_00, "kind": "saving",
                                   "basis": "外委单价 3700 元 − 自修材料费 1500 元"})
    f = A.facts(s["uid"], 2025)
    _, detail = A.evaluate({"targets": "all"}, f)
    assert str(detail) == "年度目标完成 0/1 项；未完成：经济效益（万元）（目标 50.00，完成 12.35）"
    _, detail = A.evaluate({"metric": "benefit_wan", "min": 20}, f)
    assert str(detail) == "本年度经济效益 12.35 万元（要求 ≥ 20.00 万元）"


def test_the_leaders_honours_are_those_of_a_member_of_the_team_at_the_end(sample):
    """The leader's history names 张强 from 2024; a member 张强 joins only in 2026 (with an
    honour of 2023). In 2025 the ledger had no such member: the packet says so, and adding or
    removing that later member changes nothing in 2025 (found by the property test)."""
    R.update("studio", sample["A"], {"leaders": [{"name": "张强", "since": "2024-01-01"}]},
             today=TODAY)
    before = by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"]
    assert before["detail"].endswith("张强不在成员名单中，台账里没有其荣誉记录")
    later = add("member", sample["A"], {"name": "张强", "role": "core",
                                        "joined_on": "2026-03-01"})
    add("honour", sample["A"], {"holder": later, "name": "全国劳动模范", "level": "national",
                                "year": 2023})
    assert by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"] == before
    R.trash("member", later)
    assert by_id(A.assess(sample["A"], 2025, "demonstration"))["d5"] == before
