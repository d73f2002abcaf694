"""`laomo notices --office`, `laomo notices --export UID --to DIR` (the office) and `laomo import`
of a notice package (the studio)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli as run
from laomo_desktop.ledger import officenotices
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger

NOTICE = {"issuer": "江城区总工会", "doc_no": "江工发〔2025〕12号", "title": "关于报送考核材料的通知",
          "received_on": "2025-05-06", "due_on": "2025-06-09", "note": None,
          "items": [{"what": "年度工作总结", "source": "annual"}]}


def test_the_office_exports_a_notice_and_the_studio_imports_it(sample_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    county = tmp_path / "county"
    code, out, err = run(capsys, "--data-dir", str(county), "office", "--name", "江城区总工会",
                         "--level", "county")
    assert code == 0, err
    paths = open_ledger(LedgerPaths(county))
    uid = officenotices.save(paths, NOTICE)["uid"]
    close_ledger()
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--office")
    assert code == 0 and uid in out and "江工发〔2025〕12号" in out and "未发送" in out
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--export", uid,
                         "--to", str(usb))
    assert code == 0, err
    sent = Path(out.strip())
    assert sent.parent == usb and sent.name.endswith(".notice.laomo.zip") and "第 1 版" in err
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--office")
    assert "已发送第 1 版" in out

    studio = str(sample_dir)
    code, out, err = run(capsys, "--data-dir", studio, "import", str(sent))
    assert code == 1 and "--studio" in err
    code, out, err = run(capsys, "--data-dir", studio, "import", "--studio", "李明", str(sent))
    assert code == 1 and "--yes" in err and "江城区总工会" in err
    code, out, err = run(capsys, "--data-dir", studio, "import", "--studio", "李明", "--yes",
                         str(sent))
    assert code == 0 and "新增通知" in out, err
    code, out, err = run(capsys, "--data-dir", studio, "import", "--studio", "李明", str(sent))
    assert code == 0 and "没有改动" in out, err
    code, out, err = run(capsys, "--data-dir", studio, "notices", "--studio", "李明")
    assert "关于报送考核材料的通知" in out
    code, out, err = run(capsys, "--data-dir", str(county), "import", "--yes", str(sent))
    assert code == 1 and "工会的台账" in err


def test_the_office_writes_a_notice_on_the_command_line(tmp_path, capsys):
    import json

    county = tmp_path / "county"
    code, out, err = run(capsys, "--data-dir", str(county), "office", "--name", "江城区总工会",
                         "--level", "county")
    assert code == 0, err
    body = tmp_path / "notice.json"
    body.write_text(json.dumps(NOTICE, ensure_ascii=False), "utf-8")
    doc = tmp_path / "通知正文.pdf"
    doc.write_bytes(b"%PDF-1.4 notice\n")
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--write", str(body),
                         "--attach", str(doc))
    assert code == 0 and "第 1 版" in err, err
    uid = out.strip()
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps({**NOTICE, "due_on": "2025-06-30"}, ensure_ascii=False),
                       "utf-8")
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--write", str(changed),
                         "--notice", uid)
    assert code == 0 and out.strip() == uid and "第 2 版" in err, err
    open_ledger(LedgerPaths(county))
    n = officenotices.get(uid)
    assert n["fields"]["due_on"] == "2025-06-30" and n["revision"] == 2
    assert [a["filename"] for a in n["attachments"]] == ["通知正文.pdf"]
    close_ledger()
    # what cannot be a notice is refused in Chinese, and nothing is written
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", "utf-8")
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--write", str(bad))
    assert code == 1 and "读不了通知文件" in err
    no_title = tmp_path / "no-title.json"
    no_title.write_text(json.dumps({**NOTICE, "title": ""}, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "--data-dir", str(county), "notices", "--write", str(no_title))
    assert code == 1 and "通知标题" in err
    open_ledger(LedgerPaths(county))
    assert [x["uid"] for x in officenotices.list_notices()] == [uid]
    close_ledger()
