"""What installer/verify_root.py runs in a Debian root and how it reads the answers: the command
lines (debootstrap, each command in its own mount namespace), apt's and the dynamic loader's
complaints, the self-test's JSON, and the summary. Pure: no root, network or processes needed,
so tests/test_verify_root.py checks all of it."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

MIRROR = "http://deb.debian.org/debian"
PACKAGE = "laomo-desktop"
INSTALL_DIR = "/opt/laomo-desktop"
STAMP = ".laomo-root-complete"  # in the root: JSON, written once debootstrap has finished
CHROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# (what, mount arguments relative to the root); applied in this order in each command's namespace
MOUNTS = [
    ("proc", ["-t", "proc", "proc"]),
    ("sys", ["-t", "sysfs", "-o", "ro", "sysfs"]),
    ("dev", ["--rbind", "/dev"]),  # with /dev/pts and /dev/shm
]
LOADER_ERROR = re.compile(r"version `[^']+' not found|error while loading shared libraries|"
                          r"cannot open shared object file|Failed to load Python shared library|"
                          r"GLIBC(XX)?_[0-9.]+")


class VerifyError(Exception):
    """One paragraph for the developer; the script exits 1."""


def debootstrap_command(suite: str, root: Path, mirror: str = MIRROR) -> list[str]:
    return ["debootstrap", "--variant=minbase", suite, str(root), mirror]


def chroot_command(root: Path, argv: list[str], env: dict[str, str] | None = None) -> list[str]:
    """`argv` in the root, in a private mount namespace with MOUNTS, with only `env` (plus PATH
    and LANG) in its environment."""
    full_env = {"PATH": CHROOT_PATH, "LANG": "C.UTF-8", **(env or {})}
    r = str(root)
    lines = ["set -e"]
    lines += [shlex.join(["mount", *args, f"{r}/{target}"]) for target, args in MOUNTS]
    lines.append(shlex.join(["exec", "chroot", r, "/usr/bin/env", "-i",
                             *(f"{k}={v}" for k, v in full_env.items()), *argv]))
    return ["unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
            "\n".join(lines)]


def apt_env() -> dict[str, str]:
    return {"DEBIAN_FRONTEND": "noninteractive", "HOME": "/root"}


def self_test_env(home: str, data_dir: str) -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen", "HOME": home, "LAOMO_DATA_DIR": data_dir,
            "TMPDIR": "/tmp"}


def root_is_complete(root: Path) -> bool:
    try:
        stamp = json.loads((root / STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(stamp.get("packages"), list) and bool(stamp["packages"])


def mounts_under(root: Path, mountinfo: str) -> list[str]:
    """Mount points at or below `root` in /proc/self/mountinfo text (octal escapes undone)."""
    base = str(root).rstrip("/")
    found = []
    for line in mountinfo.splitlines():
        fields = line.split()
        if len(fields) < 5:
            continue
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
        if point == base or point.startswith(base + "/"):
            found.append(point)
    return found


def glibc_version(ldd_output: str) -> str:
    """'ldd (Debian GLIBC 2.31-13+deb11u11) 2.31' → '2.31'."""
    first = ldd_output.strip().splitlines()[0] if ldd_output.strip() else ""
    m = re.search(r"(\d+\.\d+)\s*$", first)
    return m.group(1) if m else "?"


def unmet_dependencies(apt_output: str) -> list[str]:
    """The lines under apt's 'The following packages have unmet dependencies:'."""
    lines = apt_output.splitlines()
    for i, line in enumerate(lines):
        if "have unmet dependencies" in line:
            out = []
            for nxt in lines[i + 1:]:
                if not nxt.startswith(" "):
                    break
                out.append(nxt.strip())
            return out
    return []


def dependency_names(depends: str) -> list[str]:
    """Package names of a Depends field, versions dropped, the first of each alternative."""
    names = []
    for group in depends.split(","):
        first = group.split("|")[0].strip()
        name = re.split(r"[\s(:\[]", first, maxsplit=1)[0]
        if name:
            names.append(name)
    return names


def loader_errors(stderr: str) -> list[str]:
    return [line.strip() for line in stderr.splitlines() if LOADER_ERROR.search(line)]


@dataclass
class Check:
    name: str
    ok: bool
    ms: float
    detail: str


@dataclass
class SelfTest:
    ok: bool
    frozen: bool
    checks: list[Check]
    qt: str
    python: str
    seconds: float

    def check_lines(self) -> list[str]:
        return [f"    {'ok  ' if c.ok else 'FAIL'} {c.name:<13} {c.ms:>7.1f} ms  {c.detail}"
                for c in self.checks]


def parse_self_test(stdout: str, stderr: str, returncode: int, seconds: float) -> SelfTest:
    """The self-test's JSON, or VerifyError saying why there is none (the loader's words first)."""
    try:
        data = json.loads(stdout)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        checks = [Check(str(c["name"]), bool(c["ok"]), float(c["ms"]), str(c["detail"]))
                  for c in data.get("checks", [])]
    except (ValueError, KeyError, TypeError):
        loader = loader_errors(stderr)
        if loader:
            raise VerifyError(f"the program did not start in the root (exit {returncode}); "
                              "the dynamic loader says:\n" + "\n".join(loader)) from None
        tail = "\n".join((stderr.strip() or stdout.strip() or "(nothing)").splitlines()[-15:])
        raise VerifyError(f"the self-test printed no JSON (exit {returncode}); its last "
                          f"output:\n{tail}") from None
    return SelfTest(ok=bool(data.get("ok")) and returncode == 0, frozen=bool(data.get("frozen")),
                    checks=checks, qt=str(data.get("qt")), python=str(data.get("python")),
                    seconds=seconds)


def self_test_problem(result: SelfTest) -> str | None:
    """Why this result does not pass, or None."""
    failed = [c for c in result.checks if not c.ok]
    if failed:
        return "the self-test failed: " + "; ".join(f"{c.name}: {c.detail}" for c in failed)
    if not result.ok:
        return "the self-test did not report ok (and names no failed check)"
    if not result.frozen:
        return "the self-test says it is not the frozen build"
    return None


@dataclass
class Report:
    suite: str
    root: str
    deb: str = ""
    root_mb: float | None = None
    glibc: str = "?"
    libc6: str = "?"
    dpkg: str = "?"
    update_seconds: float | None = None
    install: str = "not run"  # ok | refused (by apt) | forced (dpkg --force-depends) | failed
    install_detail: str = ""  # apt's first complaint, or why the forced install failed
    install_seconds: float | None = None
    self_test: SelfTest | None = None
    self_test_seconds: float | None = None
    self_test_failure: str = ""  # when there is no result: the loader's line, a timeout, ...
    cleanup: str = "not run"
    errors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (self.install == "ok" and self.self_test is not None
                and self_test_problem(self.self_test) is None and not self.errors)

    def _install_line(self) -> str:
        took = f" in {self.install_seconds:.1f} s" if self.install_seconds is not None else ""
        return {"ok": f"ok{took}",
                "refused": f"FAILED{took}: apt refused it: {self.install_detail}",
                "forced": f"forced with dpkg --force-depends{took} (apt refused it: "
                          f"{self.install_detail}); never a pass",
                "failed": f"FAILED{took}: {self.install_detail}"}.get(self.install, self.install)

    def _self_test_line(self) -> str:
        took = f" in {self.self_test_seconds:.2f} s" if self.self_test_seconds is not None else ""
        t = self.self_test
        if t is None:
            return f"FAILED{took}: {self.self_test_failure}" if self.self_test_failure else "not run"
        problem = self_test_problem(t)
        return (f"{'ok' if problem is None else 'FAILED'}{took}, {sum(c.ok for c in t.checks)}/"
                f"{len(t.checks)} checks, frozen={t.frozen} ({t.qt}, {t.python})")

    def lines(self) -> list[str]:
        size = f", {self.root_mb:.0f} MB" if self.root_mb is not None else ""
        update = f" (apt-get update {self.update_seconds:.1f} s)" if self.update_seconds else ""
        return [
            "== summary " + "=" * 60,
            f"suite       {self.suite} (root {self.root}{size})",
            f"glibc       {self.glibc} (libc6 {self.libc6})",
            f"dpkg        {self.dpkg}",
            f".deb        {self.deb}",
            f"install     {self._install_line()}{update}",
            f"self-test   {self._self_test_line()}",
            f"clean-up    {self.cleanup}",
            f"result      {'PASS' if self.passed else 'FAIL'}",
        ]
