"""`laomo must-haves` chooses the union's must-have set; `laomo stats` checks against it; a file
that cannot serve is refused in Chinese and the set chosen before stays (issue 16 §4)."""

from __future__ import annotations

import json

from helpers import run_cli


def test_choosing_a_set_changes_what_stats_checks(sample_dir, capsys):
    d = ["--data-dir", str(sample_dir)]
    code, out, _ = run_cli(capsys, *d, "must-haves")
    assert code == 0 and "* eight_must_haves  “八个必有”" in out and "six_haves" in out
    code, out, _ = run_cli(capsys, *d, "stats", "--studio", "李明", "--year", "2025")
    assert "八个必有（8/8）" in out and "✓ 有标志" in out
    code, out, _ = run_cli(capsys, *d, "must-haves", "--use", "six_haves")
    assert code == 0 and "已选用必有项标准“六有”" in out
    code, out, _ = run_cli(capsys, *d, "stats", "--studio", "李明", "--year", "2025")
    assert "六有（" in out and "有规划和课题" in out and "有标志" not in out
    code, out, _ = run_cli(capsys, *d, "stats", "--studio", "李明", "--year", "2025", "--json")
    got = json.loads(out)["checklist"]
    assert got["short"] == "六有" and len(got["items"]) == 6


def test_a_broken_set_is_refused_and_the_choice_stays(sample_dir, tmp_path, capsys):
    d = ["--data-dir", str(sample_dir)]
    run_cli(capsys, *d, "must-haves", "--use", "six_haves")
    bad = tmp_path / "我市六有.json"
    bad.write_text('{"name": "x", "title": "t", "must_haves": "六有", "criteria": []}', "utf-8")
    code, out, err = run_cli(capsys, *d, "must-haves", "--use", str(bad))
    assert code == 1 and out == "" and "criteria 缺失或为空" in err and "我市六有.json" in err
    code, out, err = run_cli(capsys, *d, "must-haves", "--use", "union_100")
    assert code == 1 and "不是必有项标准" in err
    code, out, _ = run_cli(capsys, *d, "must-haves", "--json")
    assert json.loads(out)["chosen"] == "six_haves"
