"""`laomo export / verify / import / keys`."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli as run
from laomo_desktop.store.database import close_ledger


def test_export_verify_import_and_keys_from_the_command_line(sample_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    office = str(tmp_path / "office")
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb))
    assert code == 0, err
    pkg = Path(out.strip())
    assert pkg.parent == usb and pkg.is_file() and "安全拔出" in err
    fp = re.search(r"指纹 ([0-9A-F ]{39})", err).group(1)

    code, out, err = run(capsys, "--data-dir", office, "verify", str(pkg))
    assert code == 0 and "李明劳模创新工作室" in out and "成员 6" in out and fp in out
    assert "核对" in out

    code, out, err = run(capsys, "--data-dir", office, "import", str(pkg))
    assert code == 1 and fp in err and "--yes" in err
    code, out, err = run(capsys, "--data-dir", office, "import", str(pkg), "--yes")
    assert code == 0, err
    assert "新增 41 条" in out and "成员：新增 6" in out
    code, out, err = run(capsys, "--data-dir", office, "import", str(pkg), "--yes")
    assert code == 0 and "导入过" in out

    code, out, err = run(capsys, "--data-dir", office, "keys")
    assert code == 0 and fp in out and "李明劳模创新工作室" in out
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "keys")
    assert code == 0 and f"本机签名密钥指纹：{fp}" in out
    code, out, err = run(capsys, "--data-dir", office, "studios")
    assert "李明劳模创新工作室" in out and "周红" not in out
    close_ledger()


def test_a_damaged_package_fails_verify_and_import_with_one_line(sample_dir, tmp_path, capsys):
    bad = tmp_path / "bad.laomo.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "verify", str(bad))
    assert code == 1 and "已损坏" in err and "Traceback" not in err
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "o"), "import", str(bad), "--yes")
    assert code == 1 and "已损坏" in err and "1 个未导入" in err


def test_two_imports_of_one_package_at_once(sample_dir, tmp_path, capsys):
    """Two `laomo import` of the same package started together: the package is imported once;
    the other says it was imported already (or, should it find the ledger busy, says so) —
    never a traceback or IntegrityError."""
    import subprocess
    import sys

    from laomo_desktop.paths import LedgerPaths
    from laomo_desktop.store.database import open_ledger
    from laomo_desktop.store.models import ImportLog

    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb))
    assert code == 0, err
    pkg = out.strip()
    close_ledger()
    office = tmp_path / "office"
    open_ledger(LedgerPaths(office))  # created first: this test is about the import
    close_ledger()
    cmd = [sys.executable, "-m", "laomo_desktop", "--data-dir", str(office), "import", pkg, "--yes"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    done = [(p.wait(120), *p.communicate()) for p in runs]
    for code, out, err in done:
        assert "Traceback" not in err and "IntegrityError" not in err, err
        assert code == 0 or err.strip(), (code, out, err)
    assert sum("已导入工作室" in out for _, out, _ in done) == 1, done
    open_ledger(LedgerPaths(office))
    try:
        assert ImportLog.select().count() == 1
    finally:
        close_ledger()


def test_ctrl_c_during_import_stops_the_whole_command(sample_dir, tmp_path, capsys, monkeypatch):
    from laomo_desktop.exchange import importer

    usb = tmp_path / "usb"
    usb.mkdir()
    office = str(tmp_path / "office")
    packages = []
    for studio in ("李明", "周红"):
        code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", studio,
                             "--to", str(usb))
        assert code == 0, err
        packages.append(out.strip())
    real, started = importer.apply_steps, []

    def interrupted(paths, f, **kwargs):  # Ctrl-C arrives after the first step of a package
        started.append(Path(f).name)
        job = real(paths, f, **kwargs)
        try:
            yield next(job)
            raise KeyboardInterrupt
        finally:
            job.close()

    monkeypatch.setattr(importer, "apply_steps", interrupted)
    code, out, err = run(capsys, "--data-dir", office, "import", *packages, "--yes")
    assert code == 130 and "已中断" in err
    assert started == [Path(packages[0]).name]  # the second package was not started
    monkeypatch.setattr(importer, "apply_steps", real)
    code, out, err = run(capsys, "--data-dir", office, "studios")
    assert code == 0 and "李明" not in out and "周红" not in out
    close_ledger()
