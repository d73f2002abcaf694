"""The Linux release's floor (installer/floor.py, installer/build.py): what the build refuses."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402
import floor  # noqa: E402


def _host_library(name: str) -> Path:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64"):
        path = Path(folder) / name
        if path.exists():
            return path.resolve()
    pytest.skip(f"{name} is not on this machine")


def test_a_library_of_a_newer_system_is_named_with_the_version_it_needs(tmp_path: Path):
    # the build machine's libstdc++ (Debian 12: GCC 12) asks for more than the floor on both
    # counts; a plain text file beside it is not looked at
    lib = _host_library("libstdc++.so.6")
    shutil.copy2(lib, tmp_path / "libstdc++.so.6")
    (tmp_path / "README.txt").write_text("not a binary", encoding="utf-8")
    glibc, glibcxx, above = floor.ceiling(tmp_path)
    assert glibc > floor.FLOOR_GLIBC and glibcxx > floor.FLOOR_GLIBCXX
    assert any(line.startswith("libstdc++.so.6 needs GLIBCXX_3.4.") for line in above)
    assert any(line.startswith("libstdc++.so.6 needs GLIBC_2.") for line in above)
    assert not any("README" in line for line in above)


def test_a_folder_within_the_floor_passes(tmp_path: Path):
    # libz from the build machine needs only old symbol versions (GLIBC_2.2.5, 2.14)
    shutil.copy2(_host_library("libz.so.1"), tmp_path / "libz.so.1")
    glibc, glibcxx, above = floor.ceiling(tmp_path)
    assert above == [] and glibc <= floor.FLOOR_GLIBC and glibcxx == ()


def _ar(path: Path, members: dict[str, bytes]) -> Path:
    out = bytearray(b"!<arch>\n")
    for name, data in members.items():
        header = (f"{name:<16}{0:<12}{0:<6}{0:<6}{100644:<8}{len(data):<10}").encode() + b"`\n"
        out += header + data + (b"\n" if len(data) % 2 else b"")
    path.write_bytes(bytes(out))
    return path


def test_a_deb_old_dpkg_cannot_unpack_is_refused(tmp_path: Path):
    good = _ar(tmp_path / "good.deb", {"debian-binary": b"2.0\n", "control.tar.xz": b"x" * 3,
                                       "data.tar.xz": b"y" * 4})
    assert build.deb_members(good) == ["debian-binary", "control.tar.xz", "data.tar.xz"]
    build.check_old_dpkg_reads(good)
    zstd = _ar(tmp_path / "zstd.deb", {"debian-binary": b"2.0\n", "control.tar.zst": b"x",
                                       "data.tar.zst": b"y"})
    with pytest.raises(build.BuildError, match="dpkg 1.19"):
        build.check_old_dpkg_reads(zstd)


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line)
        if m:
            pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return pins


def test_the_release_pins_pyside6_6_9_and_otherwise_what_the_tests_pass_with():
    dev = _pins(ROOT / "constraints.txt")
    release = _pins(floor.CONSTRAINTS)
    qt = {"pyside6-essentials", "pyside6-addons", "shiboken6"}
    assert all(release[name].startswith("6.9.") for name in qt)
    differing = {name for name in release if name in dev and release[name] != dev[name]}
    assert differing == qt
    # every runtime, test and build pin of the tests' environment is in the release's too
    # (ruff only lints)
    assert set(dev) - set(release) == {"ruff"}
