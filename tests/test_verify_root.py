"""installer/verify_root.py's pure parts (installer/debroot.py), offline and without root: the command lines it runs in
the Debian root, reading the self-test's JSON (made here by the real self-test runner), the
dynamic loader's and apt's complaints, and when a run passes. Nothing here runs debootstrap,
chroot or apt (installer/README.md says what a real run printed)."""

from __future__ import annotations

import importlib.util
import io
import json
import shlex
import sys
from pathlib import Path

import pytest

from laomo_desktop import selftest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("debroot", ROOT / "installer" / "debroot.py")
vr = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("debroot", vr)  # its dataclasses look their module up there
_spec.loader.exec_module(vr)

# What the PyInstaller bootloader printed for a glibc 2.35 build in a glibc 2.31 root.
LOADER_STDERR = (
    "[PYI-1234:ERROR] Failed to load Python shared library "
    "'/opt/laomo-desktop/_internal/libpython3.11.so.1.0': /lib/x86_64-linux-gnu/libc.so.6: "
    "version `GLIBC_2.35' not found (required by "
    "/opt/laomo-desktop/_internal/libpython3.11.so.1.0)\n")
APT_REFUSES = """\
Reading package lists...
Building dependency tree...
Some packages could not be installed. This may mean that you have
requested an impossible situation or if you are using the unstable
distribution that some required packages have not yet been created
or been moved out of Incoming.
The following information may help to resolve the situation:

The following packages have unmet dependencies:
 laomo-desktop : Depends: libc6 (>= 2.35) but 2.31-13+deb11u11 is to be installed
                 Depends: libstdc++6 (>= 11) but 10.2.1-6 is to be installed
E: Unable to correct problems, you have held broken packages.
"""


def _script(cmd: list[str]) -> list[list[str]]:
    """The shell lines chroot_command runs inside its mount namespace, split like sh would."""
    assert cmd[:5] == ["unshare", "--mount", "--propagation", "private", "--"]
    assert cmd[5:7] == ["/bin/sh", "-c"] and len(cmd) == 8
    return [shlex.split(line) for line in cmd[7].splitlines()]


def test_a_command_in_the_root_mounts_proc_sys_dev_first_in_its_own_namespace():
    root = Path("/work/x y/build/roots/bullseye")  # a space in the path must survive
    lines = _script(vr.chroot_command(root, ["apt-get", "install", "-y", "/tmp/a b.deb"],
                                      vr.apt_env()))
    assert lines[0] == ["set", "-e"]
    mounts = lines[1:-1]
    assert [m[0] for m in mounts] == ["mount"] * 3
    assert [m[-1] for m in mounts] == [f"{root}/proc", f"{root}/sys", f"{root}/dev"]
    assert mounts[2][1:3] == ["--rbind", "/dev"]
    run = lines[-1]
    assert run[:5] == ["exec", "chroot", str(root), "/usr/bin/env", "-i"]
    assert run[-4:] == ["apt-get", "install", "-y", "/tmp/a b.deb"]
    env = dict(a.split("=", 1) for a in run[5:-4])
    assert env["DEBIAN_FRONTEND"] == "noninteractive" and env["LANG"] == "C.UTF-8"
    assert "/usr/sbin" in env["PATH"].split(":")


def test_the_self_test_runs_offscreen_with_home_and_data_dir_inside_the_root():
    cmd = vr.chroot_command(Path("/r"), ["/usr/bin/laomo", "self-test"],
                            vr.self_test_env("/tmp/w/home", "/tmp/w/data"))
    run = _script(cmd)[-1]
    env = dict(a.split("=", 1) for a in run[5:-2])
    assert run[-2:] == ["/usr/bin/laomo", "self-test"]
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert (env["HOME"], env["LAOMO_DATA_DIR"]) == ("/tmp/w/home", "/tmp/w/data")
    assert "DEBIAN_FRONTEND" not in env  # env -i: nothing from this shell leaks in


def test_debootstrap_makes_a_minbase_root_from_the_mirror():
    assert vr.debootstrap_command("bullseye", Path("/b/roots/bullseye")) == [
        "debootstrap", "--variant=minbase", "bullseye", "/b/roots/bullseye",
        "http://deb.debian.org/debian"]


def _real_json(checks) -> str:
    out = io.StringIO()
    selftest.main(checks, out)
    return out.getvalue()


def test_the_real_self_test_json_is_read_and_printed_check_by_check():
    stdout = _real_json([("qt", lambda: "platform offscreen"), ("pdf", lambda: "1 page")])
    result = vr.parse_self_test(stdout, "", 0, 1.5)
    assert [c.name for c in result.checks] == ["qt", "pdf"] and result.ok
    assert result.frozen is False  # the test run is not the frozen build ...
    assert vr.self_test_problem(result) == "the self-test says it is not the frozen build"
    lines = result.check_lines()
    assert lines[0].split()[:2] == ["ok", "qt"] and lines[0].endswith("platform offscreen")


def test_a_failed_check_is_named_with_its_detail():
    def broken():
        raise RuntimeError("no font")

    stdout = _real_json([("qt", lambda: "fine"), ("pdf", broken)])
    data = json.loads(stdout)
    data["frozen"] = True
    result = vr.parse_self_test(json.dumps(data), "", 1, 2.0)
    assert not result.ok
    problem = vr.self_test_problem(result)
    assert problem.startswith("the self-test failed: pdf: RuntimeError: no font")
    assert "qt" not in problem
    assert result.check_lines()[1].split()[:2] == ["FAIL", "pdf"]


def test_a_loader_error_is_quoted_verbatim():
    with pytest.raises(vr.VerifyError) as e:
        vr.parse_self_test("", LOADER_STDERR, 255, 0.1)
    message = str(e.value)
    assert "exit 255" in message and "dynamic loader" in message
    assert LOADER_STDERR.strip() in message.splitlines()


def test_no_json_and_no_loader_error_shows_the_last_output():
    noise = "\n".join(f"line {i}" for i in range(40))
    with pytest.raises(vr.VerifyError) as e:
        vr.parse_self_test("Traceback ...", noise, 1, 0.1)
    assert "printed no JSON (exit 1)" in str(e.value)
    assert "line 39" in str(e.value) and "line 10\n" not in str(e.value)


def test_apts_unmet_dependencies_are_picked_out():
    assert vr.unmet_dependencies(APT_REFUSES) == [
        "laomo-desktop : Depends: libc6 (>= 2.35) but 2.31-13+deb11u11 is to be installed",
        "Depends: libstdc++6 (>= 11) but 10.2.1-6 is to be installed"]
    assert vr.unmet_dependencies("Setting up laomo-desktop (0.1.0) ...\n") == []


def test_dependency_names_drop_versions_and_take_the_first_alternative():
    depends = "libc6 (>= 2.35), libstdc++6 (>= 11), libgl1, libcups2 | libcups2t64, libxcb1"
    assert vr.dependency_names(depends) == ["libc6", "libstdc++6", "libgl1", "libcups2",
                                            "libxcb1"]


def test_glibc_version_from_ldd():
    out = "ldd (Debian GLIBC 2.31-13+deb11u11) 2.31\nCopyright (C) 2020 Free Software\n"
    assert vr.glibc_version(out) == "2.31"
    assert vr.glibc_version("") == "?"


def test_mounts_under_the_root_only(tmp_path: Path):
    root = Path("/work/my roots/bullseye")
    mountinfo = "\n".join([
        "22 1 0:21 / / rw - ext4 /dev/vda rw",
        r"40 22 0:5 / /work/my\040roots/bullseye/dev rw - devtmpfs udev rw",
        r"41 22 0:5 / /work/my\040roots/bullseye2/proc rw - proc proc rw",
    ])
    assert vr.mounts_under(root, mountinfo) == ["/work/my roots/bullseye/dev"]


def test_a_root_is_complete_only_with_a_stamp_listing_its_packages(tmp_path: Path):
    assert not vr.root_is_complete(tmp_path)
    (tmp_path / vr.STAMP).write_text("{not json")
    assert not vr.root_is_complete(tmp_path)  # debootstrap interrupted while writing it
    (tmp_path / vr.STAMP).write_text(json.dumps({"packages": []}))
    assert not vr.root_is_complete(tmp_path)
    (tmp_path / vr.STAMP).write_text(json.dumps({"packages": ["dpkg", "libc6"]}))
    assert vr.root_is_complete(tmp_path)


def _frozen_pass() -> vr.SelfTest:
    return vr.SelfTest(ok=True, frozen=True, checks=[vr.Check("qt", True, 200.0, "fine")],
                       qt="PySide6 6.9.3", python="CPython 3.11.7", seconds=2.5)


def test_only_an_apt_install_with_a_passing_frozen_self_test_passes():
    report = vr.Report(suite="bullseye", root="/r", glibc="2.31", dpkg="1.20.13",
                       install="ok", install_seconds=12.0, self_test=_frozen_pass(),
                       self_test_seconds=2.5, cleanup="ok")
    assert report.passed
    text = "\n".join(report.lines())
    assert "glibc       2.31" in text and "dpkg        1.20.13" in text
    assert "install     ok in 12.0 s" in text
    assert "self-test   ok in 2.50 s, 1/1 checks, frozen=True" in text and text.endswith("PASS")

    not_frozen = vr.Report(suite="bullseye", root="/r", install="ok",
                           self_test=vr.SelfTest(**{**_frozen_pass().__dict__, "frozen": False}))
    assert not not_frozen.passed
    forced = vr.Report(suite="bullseye", root="/r", install="forced", self_test=_frozen_pass(),
                       install_detail="laomo-desktop : Depends: libc6 (>= 2.35)")
    assert not forced.passed  # a desk's apt would have refused it
    assert "forced with dpkg --force-depends" in "\n".join(forced.lines())
    dirty = vr.Report(suite="bullseye", root="/r", install="ok", self_test=_frozen_pass(),
                      errors=["the root is not clean"])
    assert not dirty.passed


def test_the_summary_says_why_it_failed():
    refused = vr.Report(suite="bullseye", root="/r", install="refused", install_seconds=0.9,
                        install_detail="laomo-desktop : Depends: libc6 (>= 2.35) but 2.31-13 "
                                       "is to be installed")
    text = "\n".join(refused.lines())
    assert not refused.passed and text.endswith("FAIL")
    assert "install     FAILED in 0.9 s: apt refused it: laomo-desktop : Depends: libc6" in text
    assert "self-test   not run" in text
    crashed = vr.Report(suite="bullseye", root="/r", install="forced", self_test_seconds=0.05,
                        self_test_failure=LOADER_STDERR.strip())
    assert f"self-test   FAILED in 0.05 s: {LOADER_STDERR.strip()}" in crashed.lines()
