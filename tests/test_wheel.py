"""`pip install` gives a working program: a wheel built from this checkout, installed into a fresh
virtual environment in a temporary folder, run from outside the source tree, has its fonts,
templates and Chinese translation (issue 15).

One test, about a minute: it builds the wheel the way pip builds it for a user (an isolated
build environment with the [build-system] requirements, pinned by constraints.txt; PyPI or
pip's cache provides setuptools). The fresh venv gets the wheel only: its dependencies are
this venv's, reached through a .pth file, so nothing large is downloaded; the program itself
is imported from the fresh venv (checked), never from src/. Deselect it with `-m "not wheel"`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from datetime import date
from pathlib import Path

import pytest

from helpers import pdftotext

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.wheel


def _copy_sources(to: Path) -> Path:
    """What a wheel is built from, copied: an in-tree build would leave build/ and *.egg-info
    in the checkout, under the feet of the other tests."""
    to.mkdir()
    for name in ("pyproject.toml", "README.md", "constraints.txt"):
        shutil.copy2(ROOT / name, to / name)
    shutil.copytree(ROOT / "src", to / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
    return to


def _run(args: list, cwd: Path, env: dict, timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def test_a_wheel_installed_in_a_fresh_venv_works_from_outside_the_tree(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8",
               LAOMO_DATA_DIR=str(tmp_path / "nowhere"))  # never the user's own ledger

    source = _copy_sources(tmp_path / "source")
    (source.parent / "wheels").mkdir()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--build-constraint",
          source / "constraints.txt", "-w", source.parent / "wheels", source], source, env)
    [wheel] = (source.parent / "wheels").glob("laomo_desktop-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, env)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        tmp_path, env).stdout.strip())
    # the dependencies: this venv's site-packages, after the fresh one's (its .pth files, the
    # editable install of this checkout among them, are not processed from there)
    (purelib / "zz_laomo_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet",
          wheel], tmp_path, env)

    away = tmp_path / "elsewhere"  # the working folder: nowhere near src/
    away.mkdir()
    laomo = bindir / ("laomo.exe" if os.name == "nt" else "laomo")
    where = _run([python, "-c", "import laomo_desktop.paths as p; print(p.resources_dir())"],
                 away, env).stdout.strip()
    assert Path(where) == purelib / "laomo_desktop" / "resources", where

    selftest = json.loads(_run([laomo, "self-test"], away, env).stdout)
    assert selftest["ok"], selftest
    by_name = {c["name"]: c for c in selftest["checks"]}
    assert "撤销" in by_name["translations"]["detail"]  # the .qm came with the wheel

    templates = _run([laomo, "templates"], away, env).stdout
    assert "劳模创新工作室“八个必有”自查表" in templates and "百分制示例" in templates

    data = tmp_path / "data"
    _run([laomo, "--data-dir", data, "demo", "--studios", "1", "--years", "2"], away, env)
    studio = json.loads(_run([laomo, "--data-dir", data, "studios", "--json"], away,
                             env).stdout)[0]
    pdf = tmp_path / "annual.pdf"
    _run([laomo, "--data-dir", data, "report", "annual", "--studio", studio["uid"],
          "--year", date.today().year - 1, "--out", pdf], away, env)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdftotext(pdf)
    assert studio["name"] in text and "年度" in text
