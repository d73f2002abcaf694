"""Helpers shared by tests: running the CLI in-process, reading PDFs back with poppler."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    from laomo_desktop.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def pdftotext(pdf: Path) -> str:
    """The text of a PDF as poppler reads it (the tool must be installed: see .ci/run)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdffonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split() for line in out if line.strip()]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
