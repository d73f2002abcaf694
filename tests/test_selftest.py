"""`laomo self-test`: the real run (in a subprocess, as an installer runs it) and the runner."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from laomo_desktop import __version__, selftest
from laomo_desktop.cli import main as cli_main

NAMES = ["qt", "translations", "ledger", "pdf", "exchange"]


def test_self_test_passes_headless_and_leaves_the_data_dir_alone(tmp_path: Path):
    data = tmp_path / "data"   # the "user's ledger": must not even be created
    temp = tmp_path / "temp"   # the self-test's temporary folders: must be cleaned up
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it goes offscreen itself
    env.update(LAOMO_DATA_DIR=str(data), TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    proc = subprocess.run([sys.executable, "-m", "laomo_desktop", "self-test"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    result = json.loads(proc.stdout)  # stdout is the JSON object and nothing else
    failed = [c for c in result["checks"] if not c["ok"]]
    assert not failed, (failed, proc.stderr)
    assert proc.returncode == 0 and result["ok"] is True
    assert [c["name"] for c in result["checks"]] == NAMES
    assert set(result) == {"ok", "version", "checks", "python", "qt", "frozen"}
    assert all(set(c) == {"name", "ok", "detail", "ms"} and c["detail"] for c in result["checks"])
    assert result["version"] == __version__ and result["frozen"] is False
    assert "6." in result["qt"] and sys.version.split()[0] in result["python"]
    assert "offscreen" in result["checks"][0]["detail"]
    assert not data.exists()
    assert list(temp.iterdir()) == []


def _ok():
    return "fine"


def _boom():
    raise RuntimeError("exploded on purpose")


def _not_met():
    selftest.require(1 + 1 == 3, "arithmetic is off")
    return "unreachable"


def test_a_failing_check_fails_the_run_but_not_the_other_checks():
    ran = []

    def last():
        ran.append("last")
        return "still ran"

    out = io.StringIO()
    code = selftest.main([("first", _ok), ("boom", _boom), ("unmet", _not_met), ("last", last)],
                         out)
    result = json.loads(out.getvalue())
    assert code != 0 and result["ok"] is False
    assert ran == ["last"]
    checks = {c["name"]: c for c in result["checks"]}
    assert list(checks) == ["first", "boom", "unmet", "last"]
    assert checks["first"]["ok"] and checks["first"]["detail"] == "fine"
    assert not checks["boom"]["ok"]
    assert checks["boom"]["detail"].startswith("RuntimeError: exploded on purpose (at ")
    assert checks["unmet"] == {**checks["unmet"], "ok": False, "detail": "arithmetic is off"}
    assert checks["last"]["ok"] and checks["last"]["detail"] == "still ran"
    assert all(isinstance(c["ms"], float) and c["ms"] >= 0 for c in result["checks"])


def test_all_checks_passing_gives_exit_0():
    out = io.StringIO()
    assert selftest.main([("a", _ok), ("b", _ok)], out) == 0
    assert json.loads(out.getvalue())["ok"] is True


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_cli_runs_it_without_looking_up_or_opening_the_data_dir(
        tmp_path: Path, monkeypatch, capsys, where):
    def no_data_dir():
        raise AssertionError("self-test looked up the user's data folder")

    monkeypatch.setattr("laomo_desktop.cli.default_data_dir", no_data_dir)
    monkeypatch.setattr(selftest, "CHECKS", [("one", _ok), ("two", _boom)])
    data = tmp_path / "data"
    option = ["--data-dir", str(data)]
    argv = option + ["self-test"] if where == "before" else ["self-test"] + option
    for args in (["self-test"], argv):  # without --data-dir, default_data_dir is not called
        assert cli_main(args) == 1
        result = json.loads(capsys.readouterr().out)
        assert [(c["name"], c["ok"]) for c in result["checks"]] == [("one", True), ("two", False)]
    assert not data.exists()
