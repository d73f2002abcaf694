"""`laomo notices`: the open notices with the days left, soonest first; --all the closed ones
too; `laomo report notices` prints the checklist."""

from __future__ import annotations

import json
from datetime import date, timedelta

from helpers import pdftotext
from helpers import run_cli as run
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger


def _add(sample_dir, *notices: tuple[str, int, bool]) -> list[str]:
    open_ledger(LedgerPaths(sample_dir))
    try:
        uid = find_studio("李明")["uid"]
        today = date.today()
        return [R.create("notice", uid, {
            "issuer": "市总工会", "doc_no": "市工发〔2026〕3号", "title": title,
            "due_on": (today + timedelta(days=days)).isoformat(),
            "items": [{"what": "年度工作总结", "source": "annual", "done": done}]})["uid"]
            for title, days, done in notices]
    finally:
        close_ledger()


def test_notices_lists_the_open_ones_with_days_left(sample_dir, capsys):
    late, soon, _ = _add(sample_dir, ("关于报送成果的通知", -2, False),
                         ("关于考核工作的通知", 5, False), ("关于已报送材料的通知", 3, True))
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "notices")
    assert code == 0, err
    lines = [line for line in out.splitlines() if "通知" in line]
    assert len(lines) == 2
    assert lines[0].startswith(late) and "已逾期 2 天：关于报送成果的通知" in lines[0]
    assert lines[1].startswith(soon) and "还有 5 天：关于考核工作的通知" in lines[1]
    assert "市总工会 市工发〔2026〕3号" in lines[1] and "0/1" in lines[1]
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "notices", "--all", "--json")
    got = json.loads(out)
    assert [(n["title"], n["closed"], n["days_left"]) for n in got] == [
        ("关于报送成果的通知", False, -2), ("关于考核工作的通知", False, 5),
        ("关于已报送材料的通知", True, 3)]


def test_notices_says_when_there_are_none(sample_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "notices")
    assert code == 0 and out.strip() == "没有未办结的通知。"


def test_report_notices_prints_one_notice(sample_dir, capsys, tmp_path):
    uid, _ = _add(sample_dir, ("关于考核工作的通知", 5, False), ("关于别的事项的通知", 6, False))
    out = tmp_path / "清单.pdf"
    code, stdout, err = run(capsys, "--data-dir", str(sample_dir), "report", "notices",
                            "--studio", "李明", "--year", str(date.today().year + 1),
                            "--notice", uid, "--out", str(out))
    assert code == 0, err
    text = pdftotext(out)
    assert "关于考核工作的通知" in text and "关于别的事项的通知" not in text
