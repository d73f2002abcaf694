"""Where the ledger lives: platformdirs' user data dir, or --data-dir, or LAOMO_DATA_DIR."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "LaomoDesktop"


def resources_dir() -> Path:
    """resources/ (fonts, templates, translations) of a source checkout or a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def default_data_dir() -> Path:
    env = os.environ.get("LAOMO_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class LedgerPaths:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def db(self) -> Path:
        return self.root / "ledger.sqlite3"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> None:
        for p in (self.root, self.attachments, self.backups):
            p.mkdir(parents=True, exist_ok=True)
