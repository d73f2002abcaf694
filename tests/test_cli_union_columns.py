"""`laomo union-columns` shows, lists, sets and resets the union summary's columns (issue 16
§5); an unknown name is refused in Chinese and the columns stay as they were."""

from __future__ import annotations

from helpers import run_cli


def test_set_list_refuse_and_reset(sample_dir, capsys):
    d = ["--data-dir", str(sample_dir)]
    code, out, _ = run_cli(capsys, *d, "union-columns")
    assert code == 0 and "（默认）" in out and "1. projects_started" in out
    code, out, _ = run_cli(capsys, *d, "union-columns", "--set", "qc_groups,mentoring_records")
    assert code == 0 and "（本工会选定）" in out
    assert out.index("qc_groups") < out.index("mentoring_records") and "projects_started" not in out
    code, out, err = run_cli(capsys, *d, "union-columns", "--set", "qc_groups,没有这一列")
    assert code == 1 and out == "" and "“没有这一列”不是汇总表可用的列" in err
    code, out, _ = run_cli(capsys, *d, "union-columns", "--list")
    assert code == 0 and "合理化建议与QC小组：" in out
    assert "  ✓ qc_groups " in out and "    projects_started " in out  # still the choice
    code, out, _ = run_cli(capsys, *d, "union-columns", "--reset")
    assert code == 0 and "（默认）" in out and "12. grants_spent_wan" in out
