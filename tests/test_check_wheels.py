"""installer/check_wheels.py reads wheel file names right, offline. The PySide6-Essentials 6.9.3
names carry the platform tags PyPI lists for that release (checked 2026-12-02), so the
conclusions are the ones installer/README.md draws for ARM64 and LoongArch; the lxml names are
written in PyPI's form to exercise a legacy manylinux tag and a CPython-specific wheel."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_wheels", ROOT / "installer" / "check_wheels.py")
cw = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cw)

PYSIDE_693 = [
    "pyside6_essentials-6.9.3-cp39-abi3-macosx_12_0_universal2.whl",
    "pyside6_essentials-6.9.3-cp39-abi3-manylinux_2_28_x86_64.whl",
    "pyside6_essentials-6.9.3-cp39-abi3-manylinux_2_39_aarch64.whl",
    "pyside6_essentials-6.9.3-cp39-abi3-win_amd64.whl",
]
LXML = [
    "lxml-6.0.0-cp311-cp311-manylinux2014_aarch64.manylinux_2_17_aarch64.whl",
    "lxml-6.0.0-cp312-cp312-manylinux_2_28_x86_64.whl",
    "lxml-6.0.0.tar.gz",
]


def test_pyside_693_fits_x86_64_at_228_but_aarch64_needs_239():
    assert cw.classify(PYSIDE_693, "x86_64", (3, 11)) == ("wheel", (2, 28))
    assert cw.classify(PYSIDE_693, "aarch64", (3, 11)) == ("wheel", (2, 39))
    assert cw.classify(PYSIDE_693, "loongarch64", (3, 11)) == ("none", None)


def test_abi3_wheel_serves_newer_python_only():
    assert cw.classify(PYSIDE_693, "x86_64", (3, 13))[1] == (2, 28)
    assert cw.classify(PYSIDE_693, "x86_64", (3, 8)) == ("none", None)  # cp39-abi3 needs 3.9+


def test_legacy_tag_and_python_version_of_a_cpython_wheel():
    # manylinux2014 = glibc 2.17; the cp312 x86_64 wheel does not serve CPython 3.11
    assert cw.classify(LXML, "aarch64", (3, 11)) == ("wheel", (2, 17))
    assert cw.classify(LXML, "x86_64", (3, 11)) == ("none", None)


def test_pure_python_wheel_runs_anywhere():
    assert cw.classify(["pypdf-5.0.0-py3-none-any.whl"], "loongarch64", (3, 11)) == ("pure", None)


def test_runtime_closure_follows_dependencies_and_skips_extras():
    deps = cw.runtime_closure()
    for name in ("pyside6-essentials", "shiboken6", "cryptography", "cffi", "lxml", "pillow"):
        assert name in deps, name          # lxml via python-docx, pillow via reportlab
    for name in ("pytest", "ruff", "pyinstaller", "fonttools"):
        assert name not in deps, name      # test/dev/dist/fonts extras
