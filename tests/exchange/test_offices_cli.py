"""`laomo office`, `laomo export --office` and `laomo import` of an office package."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli as run
from laomo_desktop.store.database import close_ledger


def test_a_county_forwards_and_the_city_imports_from_the_command_line(sample_dir, tmp_path,
                                                                      capsys):
    usb, up = tmp_path / "usb", tmp_path / "up"
    usb.mkdir()
    up.mkdir()
    county, city = str(tmp_path / "county"), str(tmp_path / "city")
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb))
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", county, "office", "--name", "江城区总工会",
                         "--level", "county", "--code", "JC-QX")
    assert code == 0 and "江城区总工会（区县级，代码 JC-QX）" in out
    county_fp = re.search(r"签名密钥指纹：([0-9A-F ]{39})", out).group(1)
    code, out, err = run(capsys, "--data-dir", county, "import", "--yes", *map(str, usb.iterdir()))
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", county, "export", "--to", str(up))
    assert code == 1 and "--office" in err
    code, out, err = run(capsys, "--data-dir", county, "export", "--office", "--to", str(up),
                         "--year", "2025")
    assert code == 0, err
    sent = Path(out.strip())
    assert sent.name.startswith("江城区总工会_JC-QX-") and "工作室数据包 1 个" in err

    code, out, err = run(capsys, "--data-dir", city, "office", "--name", "江城市总工会",
                         "--level", "city")
    code, out, err = run(capsys, "--data-dir", city, "import", str(sent))
    assert code == 1 and county_fp in err and "--yes" in err
    code, out, err = run(capsys, "--data-dir", city, "import", "--yes", str(sent))
    assert code == 0, err
    assert "区县级工会“江城区总工会”" in out and "李明劳模创新工作室" in out
    code, out, err = run(capsys, "--data-dir", city, "import", "--yes", str(sent))
    assert code == 1 and "不能重复导入" in err
    code, out, err = run(capsys, "--data-dir", county, "import", "--yes", str(sent))
    assert code == 1 and "自己转报的" in err
    code, out, err = run(capsys, "--data-dir", city, "office")
    assert "下级工会：江城区总工会（区县级），已导入到第 1 号" in out
    close_ledger()
