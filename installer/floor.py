"""The Linux release's floor: every binary it ships needs at most glibc 2.28 (UOS 20, Kylin V10).

The build machine's own Python is compiled against its newer glibc, so `make dist` builds a
Python of its own for the floor, once, and freezes the program with that:

    .venv/bin/python installer/floor.py          (build.py runs it; cached in build/floor/)

1. Sources: the upstream tarballs as Debian ships them (its archive is reachable where PyPI
   is; python.org and GitHub are not), each checked against the SHA-256 written here.
2. A C compiler for the floor: `zig cc -target x86_64-linux-gnu.2.28` (PyPI's `ziglang`, in the
   `dist` extra). Zig links against stubs of that glibc version, so nothing newer can be used.
3. zlib, libffi and SQLite as static, position-independent libraries, linked into Python's
   own modules: the desk's copies differ in version and soname (libffi.so.6/7/8; SQLite 3.27 on
   Debian 10 lacks RETURNING, which the ledger uses), so these are ours, not the system's.
4. CPython, shared (`libpython3.13.so`, which PyInstaller's bootloader opens), installed into
   build/floor/python. No OpenSSL, bz2, lzma, readline, curses, Tk, dbm: the program does not
   use them (hashlib keeps its own SHA-2/3 and BLAKE2; signatures come from `cryptography`).
5. A virtual environment of that Python with the exact wheels of constraints-release.txt:
   PySide6 6.9.x (manylinux_2_28; 6.10 and later need glibc 2.34) and the rest, each for
   manylinux_2_28 or older. PyPI is reached by the build machine's pip (`pip download
   --platform ...`); the floor Python has no TLS and installs from those files only.

`ceiling()` reads every ELF file of a folder and returns the highest GLIBC_/GLIBCXX_ version
asked for; build.py fails when the frozen folder goes above FLOOR_GLIBC / FLOOR_GLIBCXX.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import elfdeps  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "build" / "floor"
PREFIX = HOME / "python"
VENV = HOME / "venv"
CONSTRAINTS = ROOT / "constraints-release.txt"

FLOOR_GLIBC = (2, 28)
FLOOR_GLIBCXX = (3, 4, 24)  # libstdc++ of GCC 7; the floor's distributions have GCC 8 (3.4.25)
TARGET = f"x86_64-linux-gnu.{FLOOR_GLIBC[0]}.{FLOOR_GLIBC[1]}"
PY_VERSION = "3.13"
DEBIAN_POOL = "http://deb.debian.org/debian/pool/main/"

# wheels for the floor: manylinux tags up to 2_28 (pip does not widen a --platform by itself)
PLATFORMS = ["manylinux_2_28_x86_64", "manylinux_2_27_x86_64", "manylinux_2_26_x86_64",
             "manylinux_2_24_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
             "manylinux_2_12_x86_64", "manylinux2010_x86_64", "manylinux_2_5_x86_64",
             "manylinux1_x86_64"]


@dataclass(frozen=True)
class Source:
    name: str
    path: str  # under DEBIAN_POOL (Debian 13 "trixie": kept while trixie is supported)
    sha256: str
    folder: str  # the top folder inside the tarball

    @property
    def file(self) -> str:
        return self.path.rsplit("/", 1)[-1]


SOURCES = [
    Source("zlib", "z/zlib/zlib_1.3.dfsg+really1.3.1.orig.tar.gz",
           "60dd315c07f616887caa029408308a018ace66e3d142726a97db164b3b8f69fb", "zlib-1.3.1"),
    Source("libffi", "libf/libffi/libffi_3.4.8.orig.tar.gz",
           "cbb7f0b3b095dc506387ec1e35b891bfb4891d05b90a495bc69a10f2293f80ff", "libffi-3.4.8"),
    Source("sqlite", "s/sqlite3/sqlite3_3.46.1.orig.tar.xz",
           "d0cdd2ece271b29e7ce18095745d892517ee26d0f270065b3a25c2e9eb11639c", "sqlite3-3.46.1"),
    Source("python", "p/python3.13/python3.13_3.13.5.orig.tar.xz",
           "93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640", "Python-3.13.5"),
]
# SQLite as Python's own module would want it; threads as Python uses them
SQLITE_FLAGS = ["-DSQLITE_THREADSAFE=1", "-DSQLITE_ENABLE_FTS5", "-DSQLITE_ENABLE_MATH_FUNCTIONS",
                "-DSQLITE_ENABLE_DBSTAT_VTAB", "-DSQLITE_ENABLE_RTREE",
                "-DSQLITE_ENABLE_COLUMN_METADATA", "-DSQLITE_OMIT_LOAD_EXTENSION"]
HOST_TOOLS = {"autoreconf": "autoconf", "automake": "automake", "libtoolize": "libtool",
              "tclsh": "tcl", "make": "make", "gcc": "gcc"}  # command → Debian package


class FloorError(Exception):
    pass


Say = Callable[[str], None]


def recipe_id() -> str:
    """Changes whenever what the cached Python is built from changes."""
    text = repr((SOURCES, SQLITE_FLAGS, TARGET, zig_version(), configure_args(), ZCC))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# ------------------------------------------------------------------------------------ tools


def zig() -> Path:
    try:
        import ziglang
    except ImportError:
        raise FloorError("the `ziglang` package is missing from this environment: "
                         "`make dist` installs it (the `dist` extra of pyproject.toml)") from None
    exe = Path(ziglang.__file__).parent / "zig"
    if not exe.exists():
        raise FloorError(f"ziglang is installed but {exe} is missing")
    return exe


def zig_version() -> str:
    return subprocess.run([str(zig()), "version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def missing_host_tools() -> list[str]:
    return sorted({pkg for cmd, pkg in HOST_TOOLS.items() if not shutil.which(cmd)})


# zcc, two differences from GNU tools that CPython's Makefile meets: zig's linker knows the
# shared object's name only as -soname, not as ld's short -h; and zig cannot link a shared
# object from other shared objects alone (libpython3.so, the stable-ABI shim), so an empty C
# file is added when nothing else is compiled or linked.
ZCC = """#!/bin/sh
own=no
for arg; do
  shift
  case "$arg" in
    -Wl,-h*) set -- "$@" "-Wl,-soname,${arg#-Wl,-h}" ;;
    *) set -- "$@" "$arg" ;;
  esac
  case "$arg" in *.c|*.o|*.a|*.s|*.S|-) own=yes ;; esac
done
case " $* " in *" -shared "*) [ $own = no ] && set -- "$@" "@EMPTY@" ;; esac
exec "@ZIG@" cc -target @TARGET@ "$@"
"""


def wrappers(bin_dir: Path) -> dict[str, str]:
    """zcc/zar/zranlib: the compiler for the floor, as commands configure scripts can run."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    empty = bin_dir / "empty.c"
    empty.write_text("/* nothing: see ZCC in installer/floor.py */\n", encoding="utf-8")
    zcc = ZCC.replace("@ZIG@", str(zig())).replace("@TARGET@", TARGET)
    scripts = {"zcc": zcc.replace("@EMPTY@", str(empty)),
               "zar": f'#!/bin/sh\nexec "{zig()}" ar "$@"\n',
               "zranlib": f'#!/bin/sh\nexec "{zig()}" ranlib "$@"\n'}
    for name, text in scripts.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return {"CC": "zcc", "AR": "zar", "RANLIB": "zranlib", "CXX": "false"}


# ---------------------------------------------------------------------------------- sources


def fetch(src: Source, into: Path, say: Say) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    target = into / src.file
    if target.exists() and _sha256(target) == src.sha256:
        return target
    url = DEBIAN_POOL + src.path
    say(f"    downloading {url}")
    part = target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=120) as resp, open(part, "wb") as out:
            shutil.copyfileobj(resp, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise FloorError(f"cannot download {url}: {exc}") from None
    got = _sha256(part)
    if got != src.sha256:
        part.unlink()
        raise FloorError(f"{src.file}: SHA-256 {got}, expected {src.sha256}: not the file "
                         "this recipe was written for")
    part.replace(target)
    return target


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unpack(archive: Path, src: Source, into: Path) -> Path:
    folder = into / src.folder
    if folder.exists():
        shutil.rmtree(folder)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    if not folder.is_dir():
        raise FloorError(f"{archive.name} did not unpack into {src.folder}/")
    return folder


# ------------------------------------------------------------------------------------ build


def _run(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> None:
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        tail = log.read_text("utf-8", errors="replace").splitlines()[-25:]
        raise FloorError(f"`{' '.join(cmd[:3])} …` failed in {cwd} (exit {proc.returncode}); "
                         f"the log is {log}:\n  " + "\n  ".join(tail))


def configure_args() -> list[str]:
    return [f"--prefix={PREFIX}", "--enable-shared", "--without-ensurepip",
            "--with-system-libmpdec=no", "--disable-test-modules"]


def build_python(say: Say) -> Path:
    """build/floor/python/bin/python3.13, built now unless the cached one has this recipe."""
    python = PREFIX / "bin" / f"python{PY_VERSION}"
    stamp = PREFIX / ".recipe"
    want = recipe_id()
    if python.exists() and stamp.exists() and stamp.read_text("utf-8").strip() == want:
        say(f"    {python.relative_to(ROOT)}: cached (recipe {want})")
        return python
    missing = missing_host_tools()
    if missing:
        raise FloorError("building the floor's Python needs Debian packages that are missing: "
                         f"apt-get install {' '.join(missing)}")
    work = HOME / "work"
    deps = HOME / "deps"
    # the static libraries are kept across a failed Python build when the recipe is the same
    if (deps / ".recipe").exists() and (deps / ".recipe").read_text("utf-8").strip() != want:
        shutil.rmtree(deps)
    if PREFIX.exists():
        shutil.rmtree(PREFIX)
    work.mkdir(parents=True, exist_ok=True)
    deps.mkdir(parents=True, exist_ok=True)
    (deps / ".recipe").write_text(want + "\n", encoding="utf-8")
    log = HOME / "build.log"
    log.write_text("", encoding="utf-8")
    tools = wrappers(HOME / "bin")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{HOME / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # only our own libraries are seen by configure scripts, never the build machine's
    env["PKG_CONFIG_LIBDIR"] = str(deps / "lib" / "pkgconfig")
    zenv = {**env, **tools, "CFLAGS": "-O2 -fPIC"}
    archives = {s.name: fetch(s, HOME / "sources", say) for s in SOURCES}
    by_name = {s.name: s for s in SOURCES}

    jobs = str(os.cpu_count() or 2)

    def library(name: str, title: str, steps: Callable[[Path], None]) -> None:
        done = deps / f".built-{name}"
        if done.exists():
            say(f"    {title}: built before")
            return
        say(f"    {title}")
        steps(unpack(archives[name], by_name[name], work))
        done.touch()

    def zlib(top: Path) -> None:
        _run(["./configure", "--static", f"--prefix={deps}"], top, zenv, log)
        _run(["make", "-j", jobs, "libz.a"], top, zenv, log)
        _run(["make", "install"], top, zenv, log)

    def libffi(top: Path) -> None:
        _run(["./autogen.sh"], top, env, log)  # Debian's tarball is the git tree: no configure
        _run(["./configure", "--host=x86_64-linux-gnu", "--build=x86_64-linux-gnu",
              "--disable-shared", "--enable-static", "--with-pic", "--disable-docs",
              "--disable-multi-os-directory", f"--prefix={deps}"], top, zenv, log)
        _run(["make", "-j", jobs], top, zenv, log)
        _run(["make", "install"], top, zenv, log)

    def sqlite(top: Path) -> None:
        gen = top / "gen"
        gen.mkdir()
        # sqlite3.c is generated by host tools (tclsh, lemon), then compiled for the floor
        _run(["../configure", "--disable-tcl"], gen, env, log)
        _run(["make", "sqlite3.c"], gen, env, log)
        _run(["zcc", "-c", "-O2", "-fPIC", *SQLITE_FLAGS, "sqlite3.c", "-o", "sqlite3.o"], gen,
             zenv, log)
        (deps / "lib").mkdir(parents=True, exist_ok=True)
        (deps / "include").mkdir(parents=True, exist_ok=True)
        _run(["zar", "rcs", str(deps / "lib" / "libsqlite3.a"), "sqlite3.o"], gen, zenv, log)
        for header in ("sqlite3.h", "sqlite3ext.h"):
            shutil.copy2(gen / header, deps / "include" / header)

    library("zlib", "zlib (static)", zlib)
    library("libffi", "libffi (static)", libffi)
    library("sqlite", "SQLite (amalgamation, static)", sqlite)

    say(f"    CPython {by_name['python'].folder.split('-')[1]} (shared, for {TARGET})")
    top = work / by_name["python"].folder
    configured = top / ".configured"  # a failed build resumes with what it compiled
    inc, lib = f"-I{deps / 'include'}", f"-L{deps / 'lib'}"
    penv = {**env, **tools,
            "LIBFFI_CFLAGS": inc, "LIBFFI_LIBS": f"{lib} -lffi",
            "LIBSQLITE3_CFLAGS": inc, "LIBSQLITE3_LIBS": f"{lib} -lsqlite3 -lm",
            "ZLIB_CFLAGS": inc, "ZLIB_LIBS": f"{lib} -lz",
            # zig makes __DATE__/__TIME__ an error (not reproducible); Python prints them
            "CFLAGS": "-Wno-error=date-time",
            # $ORIGIN through make ($$) and the shell (\\$): python3.13 finds ../lib/libpython
            "LDFLAGS": f"{lib} -Wl,-rpath,\\$$ORIGIN/../lib"}
    if not (configured.exists() and configured.read_text("utf-8") == want):
        top = unpack(archives["python"], by_name["python"], work)
        _run(["./configure", *configure_args()], top, penv, log)
        configured.write_text(want, encoding="utf-8")
    _run(["make", "-j", jobs], top, penv, log)
    _run(["make", "install"], top, penv, log)
    for module in ("_sqlite3", "zlib", "_ctypes", "_decimal", "pyexpat"):
        probe = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True,
                               text=True)
        if probe.returncode != 0:
            raise FloorError(f"the floor's Python cannot import {module}: "
                             f"{probe.stderr.strip()[-500:]}")
    glibc, _glibcxx, offenders = ceiling(PREFIX)
    if offenders:
        raise FloorError("the floor's Python itself goes above the floor: " + "; ".join(offenders))
    stamp.write_text(want + "\n", encoding="utf-8")
    shutil.rmtree(work)
    say(f"    {python.relative_to(ROOT)}: built (needs GLIBC_{'.'.join(map(str, glibc))})")
    return python


def release_env(python: Path, host_pip: list[str], say: Say, extras: str = "dist,test") -> Path:
    """build/floor/venv with the wheels of constraints-release.txt; returns its python. The
    test tools are there too (`make test-release`); the spec keeps them out of the folder."""
    venv_python = VENV / "bin" / "python"
    stamp = VENV / ".installed"
    want = hashlib.sha256(CONSTRAINTS.read_bytes() + (ROOT / "pyproject.toml").read_bytes()
                          + python.read_bytes()[:4096] + extras.encode()).hexdigest()[:16]
    if venv_python.exists() and stamp.exists() and stamp.read_text("utf-8").strip() == want:
        say(f"    {VENV.relative_to(ROOT)}: cached")
        return venv_python
    if VENV.exists():
        shutil.rmtree(VENV)
    requirements = _requirements(extras)
    wheels = HOME / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    say(f"    wheels for cp{PY_VERSION.replace('.', '')}, manylinux ≤ 2_28: {wheels.relative_to(ROOT)}")
    platform_args = [arg for p in PLATFORMS for arg in ("--platform", p)]
    subprocess.run([*host_pip, "download", "--quiet", "--disable-pip-version-check",
                    "--only-binary=:all:", *platform_args, "--python-version", PY_VERSION,
                    "--implementation", "cp", "-c", str(CONSTRAINTS), "-d", str(wheels),
                    *requirements], check=True)
    subprocess.run([str(python), "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--no-index", "--find-links", str(wheels),
                    "-c", str(CONSTRAINTS), *requirements], check=True)
    stamp.write_text(want + "\n", encoding="utf-8")
    return venv_python


def _requirements(extras: str) -> list[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras.split(","):
        reqs += project["optional-dependencies"][extra]
    # the build tools that run on the build machine only
    return [r for r in reqs if not r.lower().startswith(("ziglang", "fonttools"))]


# ---------------------------------------------------------------------------------- ceiling


def ceiling(folder: Path) -> tuple[tuple[int, ...], tuple[int, ...], list[str]]:
    """Highest GLIBC_ and GLIBCXX_ versions any ELF file under `folder` asks for, and the
    files (with the version) that ask for more than the floor."""
    highest: dict[str, tuple[int, ...]] = {}
    offenders = []
    limits = {"GLIBC": FLOOR_GLIBC, "GLIBCXX": FLOOR_GLIBCXX}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or not elfdeps.is_elf(path):
            continue
        info = elfdeps.read(path)
        if info is None:
            continue
        for family, v in info.versions.items():
            highest[family] = max(highest.get(family, ()), v)
            if family in limits and v > limits[family]:
                offenders.append(f"{path.relative_to(folder)} needs {family}_"
                                 + ".".join(map(str, v)))
    return highest.get("GLIBC", ()), highest.get("GLIBCXX", ()), offenders


def main() -> int:
    try:
        python = build_python(print)
        env_python = release_env(python, [sys.executable, "-m", "pip"], print)
    except (FloorError, subprocess.CalledProcessError) as exc:
        print(f"FAILED: {exc}")
        return 1
    print(env_python)
    return 0


if __name__ == "__main__":
    sys.exit(main())
