"""`laomo records|attach|search|log`: the GUI's record services, scripted from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli


@pytest.fixture
def cli(tmp_path: Path, capsys):
    """Runs `laomo --data-dir <a fresh folder> ARGS...`: (exit code, stdout, stderr)."""
    data = str(tmp_path / "data")

    def run(*args: str) -> tuple[int, str, str]:
        return run_cli(capsys, "--data-dir", data, *args)
    return run


@pytest.fixture
def studio(cli) -> str:
    code, out, err = cli("records", "add", "studio", "--set", "name=李明劳模创新工作室",
                         "--set", "host_unit=江城供电公司", "--set", "founded_on=2019/3/1",
                         "--set", "directions=technology,服务创新", "--set", "has_plaque=是",
                         "--json")
    assert code == 0, err
    return json.loads(out)["uid"]


def _add(cli, kind: str, studio: str, *sets: str) -> dict:
    args = [a for s in sets for a in ("--set", s)]
    code, out, err = cli("records", "add", kind, "--studio", studio, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_reads_typed_values_and_show_gives_them_back(cli, studio):
    code, out, _ = cli("records", "show", "studio", studio, "--json")
    assert code == 0
    shown = json.loads(out)
    assert (shown["founded_on"], shown["directions"], shown["has_plaque"]) == (
        "2019-03-01", "technology,service", True)
    member = _add(cli, "member", "李明", "name=王芳", "role=骨干", "joined_on=2021年4月1日")
    assert (member["role"], member["joined_on"], member["studio"]) == ("core", "2021-04-01", studio)
    fund = _add(cli, "fund", studio, "date=2025-03-05", "direction=income", "source=union",
                "amount_fen=１２,０００")
    assert fund["amount_fen"] == 12000
    code, out, _ = cli("records", "show", "fund", fund["uid"])
    assert code == 0 and "金额（amount_fen）：12000 分（¥120.00）" in out


def test_refused_add_prints_each_field_message_and_writes_nothing(cli, studio):
    code, out, err = cli("records", "add", "fund", "--studio", studio, "--set", "date=2025-13-01",
                         "--set", "direction=expense", "--set", "amount_fen=0")
    assert code == 1 and out == ""
    assert err.splitlines() == ["错误：“日期”不是有效的日期：没有 13 月（月份应为 1 至 12）",
                                "错误：“金额”必须大于 0", "错误：支出必须选择“支出类别”"]
    assert cli("records", "list", "fund", "--json")[1].strip() == "[]"
    code, out, _ = cli("log", "--json")
    assert [e["action"] for e in json.loads(out)] == ["create"]  # the studio only


def test_money_with_decimals_is_refused_as_fen(cli, studio):
    code, _, err = cli("records", "add", "fund", "--studio", studio, "--set", "date=2025-01-01",
                       "--set", "direction=income", "--set", "source=union",
                       "--set", "amount_fen=12.50")
    assert code == 1 and "以“分”为单位" in err and "现为“12.50”" in err
    assert cli("records", "list", "fund", "--json")[1].strip() == "[]"


@pytest.mark.parametrize("args, says", [
    (("records", "list", "subsidy"), "没有“subsidy”这种记录"),
    (("records", "add", "member", "--studio", "李明", "--set", "colour=red"),
     "成员没有“colour”这个字段"),
    (("records", "add", "member", "--studio", "李明", "--set", "skill_levels=x"),
     "“skill_levels”是列表字段，只能用 --from"),
    (("records", "show", "member", "no-such-uid"), "没有 uid 为“no-such-uid”的成员记录"),
    (("records", "trash", "member", "no-such-uid"), "没有 uid 为“no-such-uid”的成员记录"),
    (("records", "add", "member", "--studio", "不存在", "--set", "name=甲"), "找不到工作室“不存在”"),
    (("records", "add", "member", "--set", "name=甲"), "须用 --studio 指明所属工作室"),
    (("records", "add", "member", "--studio", "李明"), "请用 --set 字段=值 或 --from"),
])
def test_unknown_names_are_usage_errors_in_one_line(cli, studio, args, says):
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err
    assert cli("records", "list", "member", "--json")[1].strip() == "[]"


def test_show_json_edited_and_given_back_with_from(cli, studio, tmp_path):
    member = _add(cli, "member", studio, "name=张伟", "role=core")
    code, out, _ = cli("records", "show", "member", member["uid"], "--json")
    record = json.loads(out)
    record["post"] = "检修班长"
    record["skill_levels"] = [{"level": "grade3", "date": "2023-05-01", "certificate_no": None}]
    f = tmp_path / "member.json"
    f.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("records", "edit", "member", member["uid"], "--from", str(f), "--json")
    assert code == 0, err
    after = json.loads(out)
    assert (after["post"], after["skill_levels"], after["version"]) == (
        "检修班长", record["skill_levels"], 2)
    assert {k: v for k, v in after.items() if k not in ("updated_at", "version")} == {
        k: v for k, v in record.items() if k not in ("updated_at", "version")}
    # the same file again is a version behind: refused, nothing written
    code, _, err = cli("records", "edit", "member", member["uid"], "--from", str(f))
    assert code == 1 and "已被修改过" in err
    assert json.loads(cli("records", "show", "member", member["uid"], "--json")[1])["version"] == 2


def test_edit_with_set_changes_only_that_field(cli, studio):
    member = _add(cli, "member", studio, "name=刘洋", "role=member", "phone=123")
    code, out, _ = cli("records", "edit", "member", member["uid"], "--set", "post=值班员")
    assert code == 0 and "已保存成员“刘洋”" in out
    after = json.loads(cli("records", "show", "member", member["uid"], "--json")[1])
    assert (after["post"], after["phone"], after["role"]) == ("值班员", "123", "member")


def test_trash_and_restore_move_a_record_through_the_recycle_bin(cli, studio):
    member = _add(cli, "member", studio, "name=陈静", "role=member")
    code, out, _ = cli("records", "trash", "member", member["uid"])
    assert code == 0 and "已移入回收站" in out
    assert json.loads(cli("records", "list", "member", "--json")[1]) == []
    binned = json.loads(cli("records", "list", "member", "--deleted", "--json")[1])
    assert [r["uid"] for r in binned] == [member["uid"]]
    code, out, _ = cli("records", "restore", "member", member["uid"])
    assert code == 0 and "已从回收站恢复" in out
    assert [r["name"] for r in json.loads(cli("records", "list", "member", "--json")[1])] == ["陈静"]
    actions = [e["action"] for e in json.loads(cli("log", "--json")[1])]
    assert actions[:2] == ["restore", "trash"]


def test_list_by_studio_and_year(cli, studio):
    other = json.loads(cli("records", "add", "studio", "--set", "name=周红职工创新工作室",
                           "--set", "host_unit=江城水务", "--set", "founded_on=2020-01-01",
                           "--json")[1])["uid"]
    _add(cli, "activity", studio, "date=2024-05-01", "type=training", "topic=旧培训")
    _add(cli, "activity", studio, "date=2025-05-01", "type=training", "topic=新培训")
    _add(cli, "activity", other, "date=2025-06-01", "type=meeting", "topic=周红例会")
    code, out, _ = cli("records", "list", "activity", "--studio", "李明", "--year", "2025")
    assert code == 0 and "新培训" in out and "旧培训" not in out and "周红例会" not in out
    topics = {r["topic"] for r in json.loads(cli("records", "list", "activity", "--json")[1])}
    assert topics == {"旧培训", "新培训", "周红例会"}


def test_attach_copies_every_file_or_none(cli, studio, tmp_path):
    member = _add(cli, "member", studio, "name=李明", "role=leader")
    a, b = tmp_path / "证书.pdf", tmp_path / "照片.jpg"
    a.write_bytes(b"%PDF-1.4 test")
    b.write_bytes(b"\xff\xd8\xff photo")
    code, _, err = cli("attach", "member", member["uid"], str(a), str(tmp_path / "没有.pdf"))
    assert code == 1 and "找不到文件" in err
    assert json.loads(cli("records", "list", "attachment", "--json")[1]) == []
    code, out, err = cli("attach", "member", member["uid"], str(a), str(b), "--title", "佐证")
    assert code == 0, err
    assert out.count("已添加附件") == 2
    rows = json.loads(cli("records", "list", "attachment", "--json")[1])
    assert sorted((r["filename"], r["owner_uid"], r["title"]) for r in rows) == [
        ("照片.jpg", member["uid"], "佐证"), ("证书.pdf", member["uid"], "佐证")]
    code, _, err = cli("attach", "member", "no-such-uid", str(a))
    assert code == 2 and "没有 uid 为“no-such-uid”的成员记录" in err


def test_search_finds_live_records_like_the_window(cli, studio):
    hit = _add(cli, "activity", studio, "date=2025-05-01", "type=training", "topic=带电作业培训")
    gone = _add(cli, "activity", studio, "date=2025-05-02", "type=training", "topic=带电检修")
    cli("records", "trash", "activity", gone["uid"])
    code, out, _ = cli("search", "带电", "--studio", studio, "--json")
    assert code == 0
    assert json.loads(out) == [{"kind": "activity", "uid": hit["uid"], "title": "带电作业培训",
                                "studio": studio}]
    code, out, _ = cli("search", "带电")
    assert code == 0 and "活动：带电作业培训" in out and "李明劳模创新工作室" in out


def test_log_lists_the_newest_changes_first(cli, studio):
    member = _add(cli, "member", studio, "name=赵强", "role=member")
    cli("records", "edit", "member", member["uid"], "--set", "post=电工")
    code, out, _ = cli("log", "--studio", studio, "--limit", "2")
    assert code == 0
    assert [line.split("  ")[-1] for line in out.splitlines()] == ["修改成员“赵强”", "新建成员“赵强”"]
    entries = json.loads(cli("log", "--json")[1])
    assert [e["summary"] for e in entries][-1] == "新建工作室“李明劳模创新工作室”"
    assert entries[0]["record_uid"] == member["uid"]
    assert cli("log", "--limit", "0")[0] == 2


HOLD = """
import sys
from pathlib import Path
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import lock
assert lock.try_acquire(LedgerPaths(Path(sys.argv[1])), lock.GUI)
print("locked", flush=True)
sys.stdin.read()
"""


def test_writing_commands_take_the_ledger_lock_reading_ones_do_not(cli, studio, tmp_path):
    import subprocess
    import sys

    member = _add(cli, "member", studio, "name=王芳", "role=core")
    f = tmp_path / "a.txt"
    f.write_text("a", encoding="utf-8")
    window = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "data")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout.readline().strip() == "locked"
        for args in (("records", "add", "member", "--studio", studio, "--set", "name=甲",
                      "--set", "role=member"),
                     ("records", "edit", "member", member["uid"], "--set", "post=电工"),
                     ("records", "trash", "member", member["uid"]),
                     ("records", "restore", "member", member["uid"]),
                     ("attach", "member", member["uid"], str(f))):
            code, _, err = cli(*args)
            assert code == 1 and "台账正在图形界面中打开" in err, args
        for args in (("records", "list", "member"), ("records", "show", "member", member["uid"]),
                     ("search", "王"), ("log",)):
            assert cli(*args)[0] == 0, args
    finally:
        window.communicate("")
    after = json.loads(cli("records", "show", "member", member["uid"], "--json")[1])
    assert (after["version"], after["post"], after["deleted_at"]) == (1, None, None)
