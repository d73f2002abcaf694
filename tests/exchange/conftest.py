from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from exchange_helpers import all_records, switch

from helpers import new_ledger
from laomo_desktop.exchange import export, keys
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger
from sample_ledger import build


@dataclass
class Exchange:
    """A studio's ledger (the sample ledger) and an empty union office ledger, in tmp_path."""

    tmp: Path
    studio: LedgerPaths
    office: LedgerPaths
    uids: dict[str, str]
    usb: Path

    def at_studio(self) -> LedgerPaths:
        return switch(self.studio)

    def at_office(self) -> LedgerPaths:
        return switch(self.office)

    def export(self, **kw) -> export.ExportResult:
        """Export studio A from the studio's ledger (leaves the studio's ledger open)."""
        self.at_studio()
        return export.export_studio(self.studio, self.uids["A"], self.usb, **kw)

    def studio_records(self) -> dict[str, list[dict]]:
        self.at_studio()
        return all_records(self.uids["A"])


@pytest.fixture
def ex(tmp_path: Path, migrated_template: Path):
    studio = new_ledger(tmp_path / "studio", migrated_template)
    uids = build(studio, tmp_path)
    close_ledger()
    office = new_ledger(tmp_path / "office", migrated_template)
    close_ledger()
    usb = tmp_path / "usb"
    usb.mkdir()
    yield Exchange(tmp_path, studio, office, uids, usb)
    close_ledger()


@pytest.fixture
def setup(ex):
    """(ex, a valid package, the studio's signing key); the office ledger is open and empty."""
    pkg = ex.export().path
    key = keys.load_or_create(ex.studio)
    ex.at_office()
    return ex, pkg, key
