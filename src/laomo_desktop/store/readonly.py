"""Opening a ledger-shaped file for reading only, beside the one database object: a backup, the
ledger before it is bound, the main file without its journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path, query: str = "mode=ro") -> sqlite3.Connection:
    """A read-only connection: `mode=ro` (journal included), or `immutable=1` (the main file
    alone: no -shm needed, any journal ignored)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
