"""The must-have set (八个必有, 六有…) is template data chosen per union (issue 16 §4): the
八个必有 gives what the program always gave; another set gives its own items and thresholds;
a file that cannot serve is refused in Chinese and the set chosen before stays in force."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import musthaves, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import resources_dir
from laomo_desktop.store import migrations
from sample_ledger import build

YEAR = 2025


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


@pytest.fixture
def four(ledger):
    """A studio of four members with a plan, a project, equipment, rules and funds: too small
    for the 八个必有's 5 members, enough for the 六有's team of 3."""
    s = R.create("studio", None, {"name": "王强工作室", "host_unit": "江城机械厂",
                                  "founded_on": "2020-01-01", "category": "skill_master",
                                  "room_address": "三号楼 105 室", "room_area": 40})["uid"]
    m = [R.create("member", s, {"name": n, "role": "leader" if i == 0 else "member"})["uid"]
         for i, n in enumerate(("王强", "李四", "张三", "赵六"))]
    R.create("equipment", s, {"name": "数控车床", "quantity": 1})
    R.create("rule", s, {"title": "培训制度", "category": "training", "adopted_on": "2020-02-01"})
    R.create("fund", s, {"date": "2025-02-01", "direction": "income", "source": "union",
                         "amount_fen": 2_000_000})
    R.create("plan", s, {"year": YEAR, "targets": [{"metric": "results", "value": 1}]})
    R.create("project", s, {"title": "主轴振动攻关", "type": "breakthrough",
                            "start_date": "2025-03-01", "status": "in_progress"})
    R.create("activity", s, {"date": "2025-04-01", "type": "training", "topic": "数控编程",
                             "attendees": [{"member": x} for x in m]})
    return s


def test_the_shipped_sets_are_the_eight_must_haves_and_the_six_haves():
    rows = {r["name"]: r for r in musthaves.list_sets()}
    assert (rows["eight_must_haves"]["must_have_set"], rows["eight_must_haves"]["criteria"]) == \
        ("八个必有", 8)
    assert (rows["six_haves"]["must_have_set"], rows["six_haves"]["criteria"]) == ("六有", 6)
    assert "union_100" not in rows  # a scoring sheet, not a must-have set


def test_the_eight_must_haves_give_what_the_figures_always_gave(sample):
    for uid in (sample["A"], sample["B"]):
        for year in (2023, 2025):
            got = musthaves.checklist(uid, year, musthaves.load_set("eight_must_haves"))
            old = stats.studio_year(uid, year).must_haves
            assert [(i.item, i.met, str(i.detail)) for i in got.items] == \
                [(m.item, m.met, str(m.detail)) for m in old]
            assert [i.label.zh for i in got.items] == ["有标志", "有场所", "有设施", "有职工参与",
                                                       "有制度", "有经费", "有台账", "有成效"]
    assert got.short == "八个必有"


def test_the_six_haves_have_their_own_items_and_thresholds(four):
    eight = musthaves.checklist(four, YEAR, musthaves.load_set("eight_must_haves"))
    six = musthaves.checklist(four, YEAR, musthaves.load_set("six_haves"))
    assert [i.label.zh for i in six.items] == ["有团队", "有场所", "有设施", "有经费", "有制度",
                                               "有规划和课题"]
    participation = next(i for i in eight.items if i.item == "participation")
    assert not participation.met and "5" in str(participation.detail)  # the 八个必有: 5 members
    team = six.items[0]
    assert team.met and team.section == "member" and len(team.evidence) == 4  # the 六有: 3
    plan = six.items[5]
    assert plan.met and plan.section == "project" and plan.evidence[0]["title"] == "主轴振动攻关"
    assert six.met == 6 and eight.met < 8


def test_the_threshold_is_the_templates_not_the_programs(four, ledger):
    data = json.loads((resources_dir() / "templates" / "six_haves.json").read_text("utf-8"))
    data["name"] = "my_six"
    data["criteria"][0]["rule"]["min"] = 5  # this union wants five
    ledger.templates.mkdir()
    (ledger.templates / "my_six.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    got = musthaves.checklist(four, YEAR, musthaves.load_set("my_six", ledger.templates))
    assert not got.items[0].met and "5" in str(got.items[0].detail)


def test_choosing_a_set_is_the_unions_setting(ledger):
    assert musthaves.chosen_name(ledger) == "eight_must_haves"
    chosen = musthaves.choose(ledger, "six_haves")
    assert chosen.must_haves == "六有"
    assert musthaves.chosen_name(ledger) == "six_haves"
    assert musthaves.current(ledger).name == "six_haves"
    assert declared.stored(ledger.settings_file, declared.MUST_HAVE_SET) == "six_haves"


def _hostile(folder):
    """(file name, content) of files a union could not use as its set, and what is said."""
    deep = '{"name": "deep", "title": "t", "must_haves": "x", "criteria": ' + "[" * 100_000
    many = {"name": "many", "title": "很多", "must_haves": "百有", "criteria": [
        {"id": f"c{i}", "area": f"有{i}", "item": "x", "points": 1,
         "rule": {"must_have": "sign"}} for i in range(500)]}
    return [
        ("broken.json", "{ 这不是 JSON", "不是有效的 JSON"),
        ("deep.json", deep, "嵌套层数过多"),
        ("big.json", " " * (musthaves_max() + 10) + "{}", "太大"),
        ("gbk.json", "六有".encode("gbk"), "UTF-8"),
        ("many.json", json.dumps(many, ensure_ascii=False), "最多 20 项"),
        ("unknown.json", json.dumps({"name": "u", "title": "t", "must_haves": "六有", "criteria": [
            {"id": "a", "area": "有标志", "item": "x", "points": 1,
             "rule": {"must_have": "rm -rf"}}]}, ensure_ascii=False), "不是八个必有之一"),
        ("sheet.json", (resources_dir() / "templates" / "union_100.json").read_text("utf-8")
         .replace('"union_100"', '"sheet"'), "不是必有项标准"),
    ]


def musthaves_max() -> int:
    from laomo_desktop.ledger.templates import MAX_TEMPLATE_BYTES

    return MAX_TEMPLATE_BYTES


def test_a_broken_or_hostile_set_is_refused_in_chinese_and_the_choice_stays(ledger):
    musthaves.choose(ledger, "six_haves")
    before = ledger.settings_file.read_bytes()
    ledger.templates.mkdir()
    for name, content, said in _hostile(ledger.templates):
        path = ledger.templates / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
        for given in (str(path), path.stem):
            with pytest.raises(LaomoError) as err:
                musthaves.choose(ledger, given)
            assert said in err.value.message, (name, err.value.message)
        assert ledger.settings_file.read_bytes() == before
        assert musthaves.current(ledger).name == "six_haves"
    listed = {r["name"]: r for r in musthaves.list_sets(ledger.templates)}
    assert "error" in listed["broken"]  # listed with why it cannot be used


def test_a_chosen_set_broken_later_says_what_to_do(ledger):
    ledger.templates.mkdir()
    own = ledger.templates / "own.json"
    shutil.copy(resources_dir() / "templates" / "six_haves.json", own)
    musthaves.choose(ledger, str(own))
    own.write_text("{", "utf-8")
    with pytest.raises(LaomoError) as err:
        musthaves.current(ledger)
    assert "无法使用" in err.value.message and "设置" in err.value.message


def test_a_studio_has_a_category_and_old_ledgers_are_model_worker_studios(ledger, tmp_path):
    from laomo_desktop.ledger.kinds.studio import category_of

    s = R.create("studio", None, {"name": "甲", "host_unit": "乙", "founded_on": "2020-01-01",
                                  "category": "traditional_craft"})
    assert category_of(R.get("studio", s["uid"])["category"]).zh == "传统工艺大师工作室"
    assert category_of(None).zh == "劳模创新工作室"
    old = tmp_path / "old.sqlite3"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE studio (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO studio (name) VALUES ('老工作室')")

    class Db:  # the step as migrate runs it
        execute_sql = con.execute

    step = next(st for st in migrations.STEPS if st.version == 9)
    step.apply(Db)
    assert con.execute("SELECT category FROM studio").fetchall() == [("model_worker",)]
    assert migrations.upgrade_record("studio", {"name": "x"}, 4)["category"] == "model_worker"
    assert migrations.upgrade_record("studio", {"category": "worker"}, 4)["category"] == "worker"
