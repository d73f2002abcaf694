"""`laomo import-excel`: an old Excel ledger brought in from a terminal (issue 14 §3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from laomo_desktop.cliargs import build_parser
from laomo_desktop.clirun import _writes

OLD = Path(__file__).parent / "fixtures" / "old_ledger.xlsx"
STUDIO = "李明劳模创新工作室"


@pytest.fixture
def cli(sample_dir: Path, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        return run_cli(capsys, "--data-dir", str(sample_dir), *args)
    return run


def _count(cli, kind: str) -> int:
    code, out, err = cli("records", "list", kind, "--studio", STUDIO, "--json")
    assert code == 0, err
    return len(json.loads(out))


def test_dry_run_lists_the_columns_and_counts_and_writes_nothing(cli):
    before = _count(cli, "activity")
    code, out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "活动",
                         "--dry-run")
    assert code == 0, err
    assert "工作表“活动及培训记录”（表头在第 3 行）→ 活动" in out
    assert "A 序号 → 不导入（序号列）" in out
    assert "B 日期 → 活动日期" in out
    assert "可导入 144 行" in out and "合计行 12 行" in out
    assert "试运行：台账没有改动。" in out
    assert _count(cli, "activity") == before


def test_import_then_again_adds_nothing(cli):
    before = _count(cli, "fund")
    code, out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "fund", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sheet"] == "经费收支" and len(report["imported"]) == 108
    assert _count(cli, "fund") == before + 108
    code, out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "fund", "--json")
    again = json.loads(out)
    assert again["counts"]["same"] == 108 and again["imported"] == []
    assert _count(cli, "fund") == before + 108


def test_map_adds_a_column_the_headers_did_not_name(cli):
    code, out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "member",
                         "--map", "是否党员=中共党员", "--map", "J=-", "--dry-run", "--json")
    assert code == 0, err
    fields = {c["header"]: c["field"] for c in json.loads(out)["columns"]}
    assert fields["是否党员"] == "party_member" and fields["联系电话"] is None
    differs = [r for r in json.loads(out)["rows"] if r["status"] == "differs"]
    assert differs and differs[0]["note"].startswith("与台账中已有的记录不同，不导入：性别在台账中为“（空）”")


def test_bad_files_and_names_get_a_message_and_an_exit_code(cli, tmp_path):
    (tmp_path / "a.xlsx").write_text("x")
    code, _out, err = cli("import-excel", str(tmp_path / "a.xlsx"), "--studio", STUDIO,
                          "--kind", "fund")
    assert code == 1 and "不是 Excel 工作簿" in err
    code, _out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "附件")
    assert code == 2 and "不能从 Excel 导入" in err
    code, _out, err = cli("import-excel", str(OLD), "--studio", "没有这个工作室", "--kind", "fund")
    assert code == 2
    code, _out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "fund",
                          "--sheet", "Sheet9")
    assert code == 1 and "没有名为“Sheet9”的工作表" in err
    code, _out, err = cli("import-excel", str(OLD), "--studio", STUDIO, "--kind", "fund",
                          "--map", "日期")
    assert code == 1 and "--map 的写法" in err


def test_an_import_takes_the_ledger_lock_and_a_dry_run_does_not():
    parse = build_parser().parse_args
    assert _writes(parse(["import-excel", "f.xlsx", "--studio", "s", "--kind", "fund"]))
    assert not _writes(parse(["import-excel", "f.xlsx", "--studio", "s", "--kind", "fund",
                              "--dry-run"]))
