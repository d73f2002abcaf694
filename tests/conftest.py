from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store.database import close_ledger, open_ledger  # noqa: E402


@pytest.fixture
def ledger(tmp_path: Path):
    """A fresh, empty ledger in a temporary data directory, bound for this test only."""
    paths = open_ledger(LedgerPaths(tmp_path / "data"))
    yield paths
    close_ledger()


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    """A data folder holding the hand-computed sample ledger (closed, ready for the CLI)."""
    from sample_ledger import build

    root = tmp_path / "data"
    paths = open_ledger(LedgerPaths(root))
    build(paths, tmp_path)
    close_ledger()
    return root

