"""Two ledgers for the exchange GUI tests: a studio's (the sample ledger) and a union office's;
the one database object is bound to one of them at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from laomo_desktop.exchange import export
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.ui.context import AppContext
from sample_ledger import build


def context_for(paths: LedgerPaths, folder: Path) -> AppContext:
    """The ledger `paths` opened (the one before closed), with its own settings file in
    `folder` that makes no backup when a window closes."""
    close_ledger()
    open_ledger(paths)
    settings = QSettings(str(folder / f"{paths.root.name}.ini"), QSettings.Format.IniFormat)
    settings.setValue("backup/on_close", False)
    return AppContext(paths, settings)


class Ledgers:
    """A studio's ledger (the sample ledger) and an empty union office ledger."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.studio = open_ledger(LedgerPaths(tmp / "studio"))
        self.uids = build(self.studio, tmp)
        self.prepare_studio()
        close_ledger()
        self.office = LedgerPaths(tmp / "office")
        self.usb = tmp / "usb"
        self.usb.mkdir()

    def prepare_studio(self) -> None:
        """Add to the studio's ledger while it is open (for subclasses)."""

    def ctx(self, paths: LedgerPaths) -> AppContext:
        return context_for(paths, self.tmp)

    def package(self) -> Path:
        """Export studio A with the core (the studio's ledger stays open)."""
        self.ctx(self.studio)
        return export.export_studio(self.studio, self.uids["A"], self.usb).path
