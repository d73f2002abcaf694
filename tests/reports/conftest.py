from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


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


@pytest.fixture
def pdf_tools():
    return pdftotext, pdffonts, page_count
