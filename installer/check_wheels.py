"""Which of the program's dependencies PyPI has a Linux wheel for, on a given CPU and glibc floor.

    python installer/check_wheels.py aarch64 2.28
    python installer/check_wheels.py loongarch64 2.28 --python 3.11

The dependencies are laomo-desktop's run-time requirements, followed through the metadata of the
packages installed in this environment (so run it with the project's venv). For each one it asks
PyPI's JSON API for the files of the installed version and of every release, and prints:

- ``pure``: a ``py3-none-any`` wheel, runs anywhere;
- ``ok``: the installed version has a wheel for that CPU whose manylinux tag is at or below the
  floor;
- ``NO``: it has not; then the lowest glibc any of its wheels for that CPU needs (if any), and the
  newest release that does have a fitting wheel (if any).

Exit status 1 when any dependency is ``NO``. Network access to pypi.org is needed. Standard
library only (the program never imports this file).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.request
from importlib import metadata

PYPI = "https://pypi.org/pypi"
# The legacy manylinux names and the glibc they stand for (PEP 600).
LEGACY = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = "laomo-desktop") -> dict[str, str]:
    """Installed distributions ``root`` needs at run time: normalised name -> version."""
    seen: dict[str, str] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _norm(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = dist.version
        for req in dist.requires or []:
            marker = req.partition(";")[2]
            if "extra" in marker:
                continue  # optional extras (test, dev, ...) are not run-time needs
            if marker and "sys_platform" in marker and "linux" not in marker:
                continue  # e.g. Windows-only helpers
            match = _REQ_NAME.match(req)
            if match:
                todo.append(match.group(1))
    seen.pop(_norm(root), None)
    return seen


def _glibc_floor(platform_tag: str, arch: str) -> tuple[int, int] | None:
    """glibc (major, minor) a manylinux platform tag for ``arch`` needs, else None."""
    for tag in platform_tag.split("."):
        if not tag.endswith("_" + arch):
            continue
        base = tag[: -len(arch) - 1]
        if base in LEGACY:
            return LEGACY[base]
        m = re.fullmatch(r"manylinux_(\d+)_(\d+)", base)
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def _python_fits(python_tag: str, abi_tag: str, py: tuple[int, int]) -> bool:
    for tag in python_tag.split("."):
        m = re.fullmatch(r"cp(\d)(\d+)", tag)
        if not m:
            if tag in ("py3", f"py{py[0]}{py[1]}"):
                return True
            continue
        ver = (int(m.group(1)), int(m.group(2)))
        if ver == py or (abi_tag == "abi3" and ver <= py):
            return True
    return False


def classify(filenames: list[str], arch: str, py: tuple[int, int]) -> tuple[str, tuple | None]:
    """("pure"|"wheel"|"none", lowest glibc of a fitting wheel for arch)."""
    lowest = None
    for fn in filenames:
        if not fn.endswith(".whl"):
            continue
        parts = fn[:-4].split("-")
        python_tag, abi_tag, plat = parts[-3], parts[-2], parts[-1]
        if plat == "any":
            return "pure", None
        if not _python_fits(python_tag, abi_tag, py):
            continue
        floor = _glibc_floor(plat, arch)
        if floor and (lowest is None or floor < lowest):
            lowest = floor
    return ("wheel" if lowest else "none"), lowest


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (fixed https URL)
        return json.load(resp)


def _vkey(version: str) -> tuple:
    return tuple(int(x) if x.isdigit() else -1 for x in re.split(r"[.+-]", version))


def check(name: str, version: str, arch: str, floor: tuple[int, int], py: tuple[int, int]) -> str:
    data = _get(f"{PYPI}/{name}/json")
    files = [f["filename"] for f in data["releases"].get(version, [])]
    kind, lowest = classify(files, arch, py)
    if kind == "pure":
        return f"pure   {name} {version}"
    if lowest and lowest <= floor:
        return f"ok     {name} {version}: manylinux_{lowest[0]}_{lowest[1]}_{arch}"
    needs = f"lowest is glibc {lowest[0]}.{lowest[1]}" if lowest else f"no {arch} wheel"
    newest = None
    for rel in sorted(data["releases"], key=_vkey, reverse=True):
        if re.search(r"[a-zA-Z]", rel):
            continue  # pre-releases
        k, low = classify([f["filename"] for f in data["releases"][rel]], arch, py)
        if k == "pure" or (low and low <= floor):
            newest = rel
            break
    alt = f"; newest release that fits: {newest}" if newest else "; no release fits"
    return f"NO     {name} {version}: {needs}{alt}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("arch", help="aarch64, loongarch64, x86_64, ...")
    ap.add_argument("glibc", help="the oldest glibc of the target desks, e.g. 2.28")
    ap.add_argument("--python", default="{}.{}".format(*sys.version_info[:2]))
    args = ap.parse_args(argv)
    floor = tuple(int(x) for x in args.glibc.split("."))
    py = tuple(int(x) for x in args.python.split("."))
    lines = [check(n, v, args.arch, floor, py) for n, v in sorted(runtime_closure().items())]
    print(f"{args.arch}, glibc <= {args.glibc}, CPython {args.python}:")
    print("\n".join(lines))
    return 1 if any(line.startswith("NO") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
