from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_cli as run
from laomo_desktop import __version__
from laomo_desktop.cli import main
from sample_ledger import EXPECTED_2025


def test_studios_json_lists_uid_name_leader_level(sample_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "studios", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["name"], r["leader"], r["level"]) for r in rows] == [
        ("周红职工创新工作室", "周红", None), ("李明劳模创新工作室", "李明", "provincial")]
    assert set(rows[0]) == {"uid", "name", "leader", "level", "category"}  # issue 16 §5
    assert [r["category"] for r in rows] == ["model_worker", "model_worker"]  # never set: 劳模


def test_stats_json_has_the_contract_keys(sample_dir, capsys):
    code, out, _ = run(capsys, "stats", "--studio", "李明劳模创新工作室", "--year", "2025",
                       "--json", "--data-dir", str(sample_dir))
    assert code == 0
    data = json.loads(out)
    for key in ("training_sessions", "training_person_times", "results_total", "patents_total",
                "benefit_wan", "fund_income_fen", "fund_expense_fen"):
        assert data[key] == EXPECTED_2025[key]
    assert [(m["item"], m["met"]) for m in data["must_haves"]][:2] == [("sign", True),
                                                                       ("room", True)]


def test_stats_text_is_readable_chinese(sample_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "stats", "--studio", "李明",
                       "--year", "2025")
    assert code == 0
    assert "培训 3 场次、40 人次" in out
    assert "经济效益 12.35 万元" in out
    assert "✗ 培训场次：目标 4，完成 3（75%）" in out


def test_user_errors_exit_1_with_one_line_on_stderr(sample_dir, capsys):
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "stats", "--studio", "不存在",
                         "--year", "2025")
    assert code == 1
    assert err.count("\n") == 1 and "找不到工作室" in err
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "stats", "--studio", "工作室",
                       "--year", "2025")
    assert code == 1 and "多个工作室" in err
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "restore", "nothing.sqlite3")
    assert code == 1 and "找不到备份文件" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["stats", "--year", "abc"])
    assert exc.value.code == 2



def test_backup_backups_restore_check(sample_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "backup")
    assert code == 0 and "已备份到" in out
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "backups", "--json")
    backups = json.loads(out)
    assert len(backups) == 1 and backups[0]["reason"] == "manual"
    name = Path(backups[0]["file"]).name
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "restore", name)
    assert code == 0 and "恢复前的台账已备份为" in out
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 0 and "检查通过" in out


def test_check_reports_a_damaged_attachment(sample_dir, capsys):
    blob = next((sample_dir / "attachments").glob("??/*"))
    blob.write_bytes(b"tampered")
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 1
    assert "证书.png" in out and "已损坏" in out


def test_demo_then_stats_from_the_real_entry_point(tmp_path):
    env_dir = tmp_path / "ledger"
    cmd = [sys.executable, "-m", "laomo_desktop", "--data-dir", str(env_dir)]
    demo = subprocess.run([*cmd, "demo", "--studios", "2", "--years", "2"],
                          capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    studios = json.loads(subprocess.run([*cmd, "studios", "--json"], capture_output=True,
                                        text=True, check=True).stdout)
    assert len(studios) == 2 and all(s["leader"] for s in studios)
    from datetime import date
    stats = subprocess.run([*cmd, "stats", "--studio", studios[0]["uid"], "--year",
                            str(date.today().year - 1), "--json"],
                           capture_output=True, text=True, check=True)
    assert json.loads(stats.stdout)["training_sessions"] > 0
    again = subprocess.run([*cmd, "demo"], capture_output=True, text=True)
    assert again.returncode == 1 and "空台账" in again.stderr
    version = subprocess.run([*cmd, "--version"], capture_output=True, text=True)
    assert __version__ in version.stdout


def test_the_help_of_a_report_with_several_documents_names_each_format_once(capsys):
    """`laomo report book --help`: six books, each PDF or Word, so the output is "a .pdf or
    .docx file", not ".pdf 或 .docx 或 .pdf 或 …" once per book."""
    with pytest.raises(SystemExit):
        main(["report", "book", "--help"])
    out = capsys.readouterr().out
    assert "输出文件：.pdf 或 .docx\n" in out and ".pdf 或 .pdf" not in out


def test_report_annual_and_plan_as_word_documents(sample_dir, capsys, tmp_path):
    """`--format docx` writes a Word document (a suffix is added to a bare name); a suffix
    that says otherwise is refused before anything is written."""
    from docx import Document

    data = ("--data-dir", str(sample_dir))
    out = tmp_path / "总结.docx"
    code, said, _ = run(capsys, *data, "report", "annual", "--studio", "李明", "--year", "2025",
                        "--format", "docx", "--out", str(out))
    assert code == 0 and said.strip() == str(out)
    assert [p.text for p in Document(str(out)).paragraphs
            if p.style.name == "Heading 1"][:1] == ["一、基本情况"]
    assert not list(tmp_path.glob("*.partial"))
    code, said, _ = run(capsys, *data, "report", "plan", "--studio", "李明", "--year", "2025",
                        "--format", "docx", "--out", str(tmp_path / "计划"))
    assert code == 0 and (tmp_path / "计划.docx").is_file()
    code, said, _ = run(capsys, *data, "report", "sheet", "--studio", "李明", "--year", "2025",
                        "--template", "union_100", "--format", "docx",
                        "--out", str(tmp_path / "自评表.docx"))
    assert code == 0
    sheet = Document(str(tmp_path / "自评表.docx")).tables[0]
    assert sheet.rows[0].cells[-1].text == "考核得分"
    code, said, _ = run(capsys, *data, "report", "book", "funds", "--studio", "李明", "--year",
                        "2025", "--format", "docx", "--out", str(tmp_path / "经费.docx"))
    assert code == 0 and "上年结转" in [c.text for c in
                                     Document(str(tmp_path / "经费.docx")).tables[0].columns[2].cells]
    code, _, err = run(capsys, *data, "report", "annual", "--studio", "李明", "--year", "2025",
                       "--format", "docx", "--out", str(tmp_path / "总结.pdf"))
    assert code != 0 and "“总结.pdf”的扩展名应为 .docx" in err
    assert not (tmp_path / "总结.pdf").exists()


def test_a_fresh_process_writes_a_word_report(sample_dir, tmp_path):
    """A Word document measures its texts with the bundled fonts: a fresh `laomo` process has
    registered none yet (an earlier test of the same process must not be what makes it work)."""
    cmd = [sys.executable, "-m", "laomo_desktop", "--data-dir", str(sample_dir)]
    subprocess.run([*cmd, "records", "add", "alliance", "--studio", "李明", "--set",
                    "name=市装备制造劳模创新工作室联盟", "--set", "role=盟主", "--set",
                    "joined_on=2025-03-01"], capture_output=True, text=True, check=True)
    for what, more in (("annual", []), ("alliance", ["--alliance", "装备制造"])):
        out = tmp_path / f"{what}.docx"
        r = subprocess.run([*cmd, "report", what, "--studio", "李明", "--year", "2025", *more,
                            "--out", str(out)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 10_000
