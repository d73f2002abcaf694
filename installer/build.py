"""`make dist`: the floor → clean → build the one-folder program → self-test → package.

    .venv/bin/python installer/build.py          (what `make dist` runs)

Linux (x86_64, built on Debian 12): dist/laomo-desktop/ (the folder),
dist/laomo-desktop_<v>_<arch>.deb, dist/laomo-desktop-<v>-linux-<machine>.tar.gz and
dist/SHA256SUMS, for desks with glibc 2.28 or newer (UOS 20, Kylin V10, Debian 10+). Steps:
  0. the floor (installer/floor.py, cached in build/floor/): a Python built for glibc 2.28 and
     a virtual environment of it with the wheels of constraints-release.txt (PySide6 6.9.x);
     PyInstaller runs in that environment
  1. clean build/pyinstaller, build/deb and this script's outputs in dist/
  2. PyInstaller with installer/laomo.spec; no library of the build machine's system goes in
  3. the frozen `laomo self-test` offscreen, in a scrubbed environment (no venv on PATH, no
     PYTHON* variables, a temporary working folder); also on X11 (xcb) under Xvfb when Xvfb is
     installed. A failing check fails the build.
  4. no file of the folder may need more than GLIBC_2.28 / GLIBCXX_3.4.24; every shared library
     it takes from the system must belong to a package the .deb declares (Depends/Recommends),
     and libc6/libstdc++6's minimum versions are computed from the symbol versions asked for
  5. .tar.gz of the folder; .deb by dpkg-deb, xz only (dpkg 1.19 reads no zstd): app in
     /opt/laomo-desktop, `laomo` and `laomo-desktop` in /usr/bin, a .desktop entry, icons
  6. `dpkg-deb -x` the .deb into a temporary folder and run ITS laomo self-test; check the
     .desktop entry and the icons in it
installer/verify_root.py then installs the .deb into a Debian 11 root with apt and runs its
self-test there (`make verify-debian11`).
Windows (not run here: written by reading the docs; .github/workflows/windows.yml runs it on a
Windows build host): steps 1-3 with the build environment's own Python, then
installer/windows/laomo.iss is compiled with Inno Setup's ISCC.exe when it is found (PATH, or
"Program Files (x86)/Inno Setup 6"); `--no-setup` stops after step 3. See installer/README.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import elfdeps  # noqa: E402
import floor  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP = DIST / "laomo-desktop"  # the one-folder program (COLLECT name in laomo.spec)
SPEC = ROOT / "installer" / "laomo.spec"
ICONS = ROOT / "src" / "laomo_desktop" / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
EXE = ".exe" if WINDOWS else ""

PACKAGE = "laomo-desktop"
INSTALL_DIR = "/opt/laomo-desktop"
# What the desk provides and the spec leaves out of the folder on purpose (see _from_system in
# laomo.spec): glibc, libstdc++, glib and the graphics/font/session/printing stack. Names as in
# Debian 11-12 / Ubuntu 20.04-24.04, with the older name as an alternative where Debian 10
# (UOS 20's base) had another; step 4 checks that they cover every library the folder needs
# from the system. libc6 and libstdc++6 get their minimum versions from the binaries.
DEPENDS = [
    "libc6", "libstdc++6", "libgcc-s1 | libgcc1", "libglib2.0-0", "libgl1", "libegl1",
    "libfontconfig1", "libfreetype6", "libdbus-1-3", "libgssapi-krb5-2", "zlib1g", "libzstd1",
    "libatomic1",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-glx0",
    "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
    "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libcups2 | libcups2t64",  # printing; renamed libcups2t64 in Ubuntu 24.04 / Debian 13
]
# Only the Wayland platform plugin needs these; without them Qt uses X11 (XWayland).
RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]
# Libraries the build machine may not have installed, so dpkg cannot say whose they are.
KNOWN_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
}
# libstdc++'s GLIBCXX_3.4.N symbol versions → the GCC release whose libstdc++6 has them
GLIBCXX_GCC = {21: 5, 22: 6, 23: 7, 24: 7, 25: 8, 26: 9, 27: 9, 28: 10, 29: 11, 30: 12,
               31: 13, 32: 13, 33: 14, 34: 15}

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=Laomo Desktop
Name[zh_CN]=劳模创新工作室台账
GenericName=Studio ledger
GenericName[zh_CN]=工作室台账
Comment=Offline ledger for model-worker innovation studios
Comment[zh_CN]=劳模（工匠）创新工作室台账：日常记录、年度统计、考核报表、U 盘数据包
Exec=laomo-desktop
TryExec=laomo-desktop
Icon=laomo-desktop
Terminal=false
Categories=Office;
Keywords=ledger;studio;union;台账;劳模;工匠;创新工作室;工会;
StartupNotify=true
StartupWMClass=Laomo Desktop
"""


class BuildError(Exception):
    pass


def say(text: str) -> None:
    print(text, flush=True)


@contextlib.contextmanager
def step(title: str, timings: dict[str, float]) -> Iterator[None]:
    say(f"\n==> {title}")
    start = time.perf_counter()
    yield
    timings[title] = time.perf_counter() - start
    say(f"    ({timings[title]:.1f} s)")


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


def version() -> str:
    v = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    init = (ROOT / "src" / "laomo_desktop" / "__init__.py").read_text("utf-8")
    m = re.search(r'__version__\s*=\s*"([^"]+)"', init)
    if not m or m.group(1) != v:
        raise BuildError(f"pyproject.toml says {v}, laomo_desktop.__version__ says "
                         f"{m.group(1) if m else '?'}: make them equal first")
    return v


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


# ---------------------------------------------------------------------------------- 1 and 2


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        say("    PyInstaller is not in this environment: installing it from PyPI")
        run([sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6"])


def ensure_qm() -> None:
    ts = ROOT / "src" / "laomo_desktop" / "resources" / "translations" / "laomo_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return
    lrelease = Path(sys.executable).parent / f"pyside6-lrelease{EXE}"
    say(f"    compiling {qm.relative_to(ROOT)}")
    run([str(lrelease), "-silent", str(ts), "-qm", str(qm)])


def clean() -> None:
    for path in (BUILD / "pyinstaller", BUILD / "deb", APP, DIST / "SHA256SUMS"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    for pattern in (f"{PACKAGE}_*.deb", f"{PACKAGE}-*.tar.gz", f"{PACKAGE}-*-setup.exe"):
        for old in DIST.glob(pattern):
            old.unlink()


def pyinstaller(python: str) -> None:
    BUILD.mkdir(exist_ok=True)
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC)],
        cwd=ROOT)
    if LINUX:
        # one program, two names: `laomo-desktop` without a command opens the window anyway
        (APP / "laomo-desktop").symlink_to("laomo")


# ---------------------------------------------------------------------------------------- 3


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's desk would give the program: no venv, no Python variables."""
    venv_bin = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "LD_LIBRARY_PATH", "LAOMO_"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and p != venv_bin)
    env.update(extra)
    return env


def self_test(program: Path, label: str, **env: str) -> dict:
    """Run `program self-test` in a scrubbed environment; the parsed JSON, or BuildError."""
    with tempfile.TemporaryDirectory(prefix="laomo-dist-") as tmp:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["LAOMO_DATA_DIR"] = str(Path(tmp) / "not-used")
        start = time.perf_counter()
        proc = subprocess.run([str(program), "self-test"], cwd=tmp, env=clean_env(**env),
                              capture_output=True, text=True, timeout=300)
        took = time.perf_counter() - start
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise BuildError(f"{label}: self-test printed no JSON (exit {proc.returncode})\n"
                         f"stdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-4000:]}") from None
    for c in result.get("checks", []):
        say(f"    {'ok  ' if c['ok'] else 'FAIL'} {c['name']:<13} {c['ms']:>7.1f} ms  {c['detail']}")
    if proc.returncode != 0 or not result.get("ok"):
        raise BuildError(f"{label}: self-test failed (exit {proc.returncode})\n{proc.stderr[-4000:]}")
    if not result.get("frozen"):
        raise BuildError(f"{label}: self-test says it is not the frozen build")
    say(f"    {label}: passed in {took:.2f} s ({result['qt']}, {result['python']})")
    return result


def self_test_on_x11(program: Path) -> str:
    """The same self-test on a real X server (Xvfb): loads the xcb platform plugin and the
    system's X11/xcb/xkbcommon libraries the .deb depends on. Skipped without Xvfb."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        say("    skipped: Xvfb is not installed (apt-get install xvfb)")
        return "skipped (no Xvfb)"
    display = next((n for n in range(91, 160) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                    and not Path(f"/tmp/.X{n}-lock").exists()), None)
    if display is None:
        say("    skipped: no free X display number")
        return "skipped (no free display)"
    server = subprocess.Popen([xvfb, f":{display}", "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            time.sleep(0.05)
        else:
            say("    skipped: Xvfb did not start within 10 s")
            return "skipped (Xvfb did not start)"
        result = self_test(program, "frozen build on X11 (Xvfb)", QT_QPA_PLATFORM="xcb",
                           DISPLAY=f":{display}")
        if not any("xcb" in c["detail"] for c in result["checks"]):
            say("    note: no check names the platform; QT_QPA_PLATFORM=xcb was set, and Qt "
                "stops when it cannot load the platform it is told to use")
        return "passed"
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---------------------------------------------------------------------------------------- 4


def _system_paths(lib: str, ldconfig: str) -> list[str]:
    """Where the dynamic loader finds `lib` (same word size as us), under every name dpkg may
    have registered it (/lib and /usr/lib are one folder on merged-/usr systems)."""
    wide = sys.maxsize > 2**32
    paths = []
    for line in ldconfig.splitlines():
        name, _, rest = line.strip().partition(" ")
        if name != lib or "=>" not in rest:
            continue
        path = rest.split("=>", 1)[1].strip()
        try:
            with open(path, "rb") as f:
                if (f.read(5)[4] == 2) != wide:
                    continue
        except (OSError, IndexError):
            continue
        for p in (path, os.path.realpath(path)):
            paths += [p, p[4:] if p.startswith("/usr/") else "/usr" + p]
    return paths


def _dpkg_owner(paths: list[str]) -> str | None:
    for path in paths:
        proc = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def system_dependencies(folder: Path) -> tuple[str, list[str]]:
    """Check DEPENDS/RECOMMENDS against what the folder's binaries need from the system.
    Returns the Depends field (with computed minimum versions) and notes to print."""
    present = {p.name for p in folder.rglob("*")}
    needed: dict[str, set[str]] = {}
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file() or not elfdeps.is_elf(p):
            continue
        info = elfdeps.read(p)
        for lib in info.needed if info else ():
            if lib not in present:
                needed.setdefault(lib, set()).add(p.name)
    ldconfig = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    declared = {alt.strip() for entry in DEPENDS + RECOMMENDS for alt in entry.split("|")}
    problems, used = [], set()
    for lib in sorted(needed):
        owner = _dpkg_owner(_system_paths(lib, ldconfig)) or KNOWN_PACKAGES.get(lib)
        users = ", ".join(sorted(needed[lib])[:3])
        if owner is None:
            problems.append(f"{lib} (needed by {users}) is not installed here and not in "
                            "KNOWN_PACKAGES")
        elif owner not in declared:
            problems.append(f"{lib} comes from {owner}, which the .deb does not declare "
                            f"(needed by {users})")
        else:
            used.add(owner)
    if problems:
        raise BuildError("the folder needs system libraries the .deb does not depend on:\n  "
                         + "\n  ".join(problems) + "\nadd their packages to DEPENDS in "
                         "installer/build.py (what the desk's distribution provides is never "
                         "copied into the folder: _from_system in laomo.spec)")
    glibc, glibcxx, above = floor.ceiling(folder)
    if LINUX and above:
        raise BuildError(f"{len(above)} files need more than the floor (GLIBC_"
                         f"{'.'.join(map(str, floor.FLOOR_GLIBC))}, GLIBCXX_"
                         f"{'.'.join(map(str, floor.FLOOR_GLIBCXX))}):\n  " + "\n  ".join(above[:20]))
    glibc, glibcxx = glibc or (2, 17), glibcxx or (3, 4, 22)
    if glibcxx[:2] != (3, 4) or len(glibcxx) < 3 or glibcxx[2] not in GLIBCXX_GCC:
        raise BuildError(f"GLIBCXX_{'.'.join(map(str, glibcxx))}: extend GLIBCXX_GCC in build.py")
    gcc = GLIBCXX_GCC[glibcxx[2]]
    versions = {"libc6": f"libc6 (>= {'.'.join(map(str, glibc[:2]))})",
                "libstdc++6": f"libstdc++6 (>= {gcc})"}
    depends = ", ".join(versions.get(d, d) for d in DEPENDS)
    unused = [entry for entry in DEPENDS + RECOMMENDS
              if not {alt.strip() for alt in entry.split("|")} & used]
    notes = [f"{len(needed)} libraries come from the system, all from declared packages",
             f"highest symbol versions any file needs: GLIBC_{'.'.join(map(str, glibc))}, "
             f"GLIBCXX_{'.'.join(map(str, glibcxx))} (the floor: GLIBC_"
             f"{'.'.join(map(str, floor.FLOOR_GLIBC))}, GLIBCXX_"
             f"{'.'.join(map(str, floor.FLOOR_GLIBCXX))}) → {versions['libc6']}, "
             f"{versions['libstdc++6']}"]
    if unused:
        notes.append("declared but not needed by any binary here: " + ", ".join(unused))
    return depends, notes


# ---------------------------------------------------------------------------------------- 5


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def tarball(v: str) -> Path:
    out = DIST / f"{PACKAGE}-{v}-linux-{platform.machine()}.tar.gz"

    def owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(APP, arcname=APP.name, filter=owner)
    return out


def _distributions() -> list[tuple[str, str, str]]:
    """(name, version, licence) of every Python distribution in the built folder (the spec
    copies their metadata there), starting from pyproject.toml's dependencies."""
    internal = [str(APP / "_internal")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    seen: dict[str, tuple[str, str, str]] = {}
    todo = [re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0] for r in project["dependencies"]]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        dist = next(iter(importlib.metadata.distributions(name=name, path=internal)), None)
        if dist is None:
            continue
        meta = dist.metadata
        classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        lic = (meta.get("License-Expression") or "; ".join(classifiers)
               or (meta.get("License") or "").strip().splitlines()[:1] or [""])
        lic = lic if isinstance(lic, str) else lic[0]
        if not lic:  # no licence field: say what its licence file is
            text = next((f.read_text() or "" for f in dist.files or []
                         if f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING"))), "")
            lic = ("MIT (its LICENSE file)" if "Permission is hereby granted, free of charge"
                   in text else "see its licence file")
        seen[key] = (meta["Name"], dist.version, lic[:100])
        for req in dist.requires or []:
            if "extra ==" not in req:
                todo.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
    return sorted(seen.values(), key=lambda t: t[0].lower())


def project_licence() -> str:
    lic = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"].get("license")
    return (lic.get("text") or lic.get("file") or "?") if isinstance(lic, dict) else str(lic)


def copyright_file(v: str, python: str) -> str:
    lines = [
        "Laomo Desktop (劳模创新工作室台账) " + v,
        "",
        "The program's own code and its icon: " + project_licence() + ".",
        "",
        "The folder /opt/laomo-desktop also contains, unmodified (licence texts, where a",
        f"package ships one: {INSTALL_DIR}/_internal/<package>.dist-info/):",
        f"- {python} (Python Software Foundation License), built for glibc 2.28 by",
        "  installer/floor.py with, linked into it: zlib (Zlib licence), libffi (MIT) and",
        "  SQLite (public domain)",
        "- the Qt 6 libraries and plugins that PySide6 ships (LGPL-3.0; The Qt Company)",
        "- the report fonts, with their licences and what was changed in",
        f"  {INSTALL_DIR}/_internal/laomo_desktop/resources/fonts/ (README.md): WenQuanYi Zen Hei, unmodified",
        "  (GPL-2.0 with a font embedding exception); Laomo Serif, modified from Noto Serif CJK SC",
        "  (SIL OFL 1.1); Laomo Fang, modified from FandolFang (GPL-3.0+ with the font",
        "  exception); Laomo Kai, modified from AR PL UKai (Arphic Public License)",
        "- the PyInstaller bootloader (GPL-2.0 with the PyInstaller bootloader exception)",
        "- these Python packages (name, version, licence as their metadata states it):",
    ]
    lines += [f"  {n} {ver}: {lic}" for n, ver, lic in _distributions()]
    lines += ["- the shared libraries those packages' wheels carry (<package>.libs/ folders, and",
              "  ICU in PySide6/Qt/lib), as their wheels ship them",
              "- libxcb-util.so.1 (xcb-util, MIT), from Debian, for desks whose distribution has",
              "  only libxcb-util.so.0 (Debian 10, UOS 20)"]
    return "\n".join(lines) + "\n"


def deb(v: str, depends: str, python: str) -> Path:
    arch = deb_arch()
    root = BUILD / "deb" / f"{PACKAGE}_{v}_{arch}"
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(APP, opt, symlinks=True)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    for name in ("laomo", "laomo-desktop"):  # absolute: from one top-level folder into another
        (usr / "bin" / name).symlink_to(f"{INSTALL_DIR}/{name}")
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    for size in ICON_SIZES:
        d = usr / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        d.mkdir(parents=True)
        shutil.copy2(ICONS / f"laomo-{size}.png", d / f"{PACKAGE}.png")
    scalable = usr / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / "laomo.svg", scalable / f"{PACKAGE}.svg")
    doc = usr / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file(v, python), encoding="utf-8")
    # whatever the umask was: directories and programs 755, other files 644
    for p in root.rglob("*"):
        if not p.is_symlink():
            p.chmod(0o755 if p.is_dir() or p.stat().st_mode & 0o100 else 0o644)
    installed_kb = (folder_size(root) + 1023) // 1024
    maintainer = os.environ.get("LAOMO_DEB_MAINTAINER",
                                "Laomo Desktop maintainers <laomo-desktop@localhost>")
    control = "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {v}",
        f"Architecture: {arch}",
        f"Maintainer: {maintainer}",
        f"Installed-Size: {installed_kb}",
        f"Depends: {depends}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: misc",
        "Priority: optional",
        "Description: 劳模创新工作室台账 Laomo Desktop, offline studio ledger",
        " An offline desktop ledger (台账) for model-worker innovation studios and",
        " the trade-union offices that oversee them: the studio's records, the",
        " year's figures against its targets and the \"eight must-haves\", PDF and",
        " XLSX reports, and signed data packages carried on a USB stick.",
        " .",
        f" The program is installed in {INSTALL_DIR}; `laomo-desktop` opens the",
        " window and `laomo` is its command line (`laomo self-test` checks the",
        " installation). Each user's ledger is kept in ~/.local/share/LaomoDesktop",
        " and is never removed by uninstalling the package.",
    ]) + "\n"
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    (root / "DEBIAN").chmod(0o755)
    out = DIST / f"{PACKAGE}_{v}_{arch}.deb"
    # xz -3: 54 s and 65.7 MB here against -6's 94 s and 59.4 MB (the build's long pole)
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(out)],
        stdout=subprocess.DEVNULL)
    check_old_dpkg_reads(out)
    return out


def check_old_dpkg_reads(path: Path) -> None:
    members = deb_members(path)
    if members[:1] != ["debian-binary"] or not set(members[1:]) <= OLD_DPKG_READS:
        raise BuildError(f"{path.name} holds {members}: dpkg 1.19 (Debian 10, UOS 20) reads "
                         "only " + ", ".join(sorted(OLD_DPKG_READS)))


# what the oldest dpkg on the floor's distributions (1.19, Debian 10 / UOS 20) can unpack: no
# zstd (Ubuntu's dpkg 1.21 and Debian's 1.21.18 added it)
OLD_DPKG_READS = {f"{part}.tar.{z}" for part in ("control", "data") for z in ("xz", "gz")}


def deb_members(path: Path) -> list[str]:
    """The member names of a .deb (an `ar` archive), in order."""
    names = []
    with open(path, "rb") as f:
        if f.read(8) != b"!<arch>\n":
            raise BuildError(f"{path.name} is not an ar archive")
        while header := f.read(60):
            if len(header) < 60:
                break
            names.append(header[:16].decode("ascii").strip().rstrip("/"))
            size = int(header[48:58].decode("ascii").strip())
            f.seek(size + size % 2, os.SEEK_CUR)
    return names


# ---------------------------------------------------------------------------------------- 6


def verify_deb(path: Path, v: str) -> dict:
    info = subprocess.run(["dpkg-deb", "-f", str(path), "Package", "Version", "Architecture"],
                          capture_output=True, text=True, check=True).stdout
    if f"Package: {PACKAGE}" not in info or f"Version: {v}" not in info:
        raise BuildError(f"{path.name}: unexpected control fields:\n{info}")
    with tempfile.TemporaryDirectory(prefix="laomo-deb-") as tmp:
        root = Path(tmp)
        run(["dpkg-deb", "-x", str(path), str(root)])
        for name in ("laomo", "laomo-desktop"):
            link = root / "usr" / "bin" / name
            if not link.is_symlink() or os.readlink(link) != f"{INSTALL_DIR}/{name}":
                raise BuildError(f"/usr/bin/{name} should link to {INSTALL_DIR}/{name}")
            target = root / INSTALL_DIR.lstrip("/") / name
            if not (target.exists() and os.access(target, os.X_OK)):
                raise BuildError(f"{INSTALL_DIR}/{name} is missing or not executable")
        desktop = root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
        check_desktop_entry(desktop)
        for size in ICON_SIZES:
            png = root / f"usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png"
            if not png.exists() or png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
                raise BuildError(f"icon missing or not a PNG: {png.relative_to(root)}")
            w, h = int.from_bytes(png.read_bytes()[16:20], "big"), \
                int.from_bytes(png.read_bytes()[20:24], "big")
            if (w, h) != (size, size):
                raise BuildError(f"{png.relative_to(root)} is {w}×{h}, expected {size}×{size}")
        say(f"    {path.name}: /usr/bin links, .desktop entry and {len(ICON_SIZES)} icons ok")
        return self_test(root / INSTALL_DIR.lstrip("/") / "laomo", "the .deb's laomo (extracted)")


def check_desktop_entry(path: Path) -> None:
    """What desktop-file-validate would complain about first, without needing it."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    if lines[0] != "[Desktop Entry]":
        raise BuildError(f"{path.name}: must start with [Desktop Entry]")
    keys = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        if key not in keys:
            raise BuildError(f"{path.name}: {key}= is missing")
    if keys["Icon"] != PACKAGE or keys["Exec"].split()[0] != "laomo-desktop":
        raise BuildError(f"{path.name}: Icon/Exec do not name {PACKAGE}")
    if not keys["Categories"].endswith(";"):
        raise BuildError(f"{path.name}: Categories must end with ';'")
    validate = shutil.which("desktop-file-validate")
    if validate:
        run([validate, str(path)])


# ------------------------------------------------------------------------------- Windows


def find_iscc() -> str | None:
    """Inno Setup's command-line compiler: on PATH (Chocolatey puts a shim there), else in the
    folder Inno Setup 6's own installer uses by default."""
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def inno_setup(v: str) -> Path | None:
    iscc = find_iscc()
    if not iscc:
        say("    ISCC.exe not found (PATH, Program Files\\Inno Setup 6): install Inno Setup 6.5+ "
            "to build the setup program")
        return None
    run([iscc, f"/DAppVersion={v}", f"/DSourceDir={APP}", f"/O{DIST}",
         str(ROOT / "installer" / "windows" / "laomo.iss")])
    return DIST / f"{PACKAGE}-{v}-setup.exe"


# ----------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-setup", action="store_true",
                        help="Windows: stop after the frozen self-test, do not run Inno Setup "
                             "(CI compiles laomo.iss in a step of its own)")
    args = parser.parse_args(argv)
    timings: dict[str, float] = {}
    outputs: list[Path] = []
    results: dict[str, str] = {}
    total = time.perf_counter()
    try:
        v = version()
        say(f"Laomo Desktop {v}: building on {platform.platform()}")
        if not (LINUX or WINDOWS):
            raise BuildError("only Linux and Windows builds are set up")
        python = sys.executable
        if LINUX:
            with step("0. the floor: Python for glibc 2.28 and the release's wheels", timings):
                python = str(floor.release_env(floor.build_python(say),
                                               [sys.executable, "-m", "pip"], say))
        with step("1. clean", timings):
            clean()
            if not LINUX:
                ensure_pyinstaller()
            ensure_qm()
        with step("2. PyInstaller (one folder)", timings):
            pyinstaller(python)
            say(f"    {APP.relative_to(ROOT)}: {mb(folder_size(APP))}")
        program = APP / f"laomo{EXE}"
        with step("3. self-test of the frozen build (offscreen)", timings):
            frozen = self_test(program, "frozen build")
            results["frozen self-test"] = "passed"
            if LINUX:
                results["frozen self-test on X11"] = self_test_on_x11(program)
        if LINUX:
            if not shutil.which("dpkg-deb"):
                raise BuildError("dpkg-deb is missing: the .deb is built on Debian/Ubuntu")
            with step("4. the floor, and system libraries against the .deb's Depends", timings):
                depends, notes = system_dependencies(APP)
                for note in notes:
                    say(f"    {note}")
                results["highest symbol versions"] = notes[1].split(": ", 1)[1]
            # gzip (in this process: zlib lets go of the GIL) and xz (dpkg-deb) take a core each
            with (step("5. package: .tar.gz and .deb (side by side)", timings),
                  concurrent.futures.ThreadPoolExecutor(2) as pool):
                tar_job = pool.submit(tarball, v)
                deb_job = pool.submit(deb, v, depends, frozen["python"])
                outputs += [tar_job.result(), deb_job.result()]
            with step("6. the .deb: extract it and run its self-test", timings):
                verify_deb(outputs[-1], v)
                results[".deb self-test (dpkg-deb -x)"] = "passed"
        elif WINDOWS and not args.no_setup:
            with step("4. Inno Setup", timings):
                setup = inno_setup(v)
                if setup:
                    outputs.append(setup)
    except (BuildError, floor.FloorError, subprocess.CalledProcessError) as exc:
        say(f"\nBUILD FAILED: {exc}")
        return 1
    sums = DIST / "SHA256SUMS"
    sums.write_text("".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
                            for p in outputs), encoding="utf-8")
    elapsed = time.perf_counter() - total
    say(f"\n==> done in {elapsed:.0f} s")
    say(f"    {APP.relative_to(ROOT)}/  {mb(folder_size(APP))} (target ≤ 200 MB)")
    for p in outputs:
        say(f"    {p.relative_to(ROOT)}  {mb(p.stat().st_size)}")
    for name, result in results.items():
        say(f"    {name}: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
