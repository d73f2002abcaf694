"""What every page shares: the ledger, the current studio and year, undo, and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from laomo_desktop.paths import LedgerPaths


class AppContext(QObject):
    studio_changed = Signal(str)       # uid ("" when there is none)
    year_changed = Signal(int)         # 0 = every year
    ledger_changed = Signal()          # something was written: pages reload
    navigate_requested = Signal(str, str)  # section key, record uid ("" for none)

    def __init__(self, paths: LedgerPaths, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.studio_uid = ""
        self.year = 0

    def set_studio(self, uid: str) -> None:
        if uid != self.studio_uid:
            self.studio_uid = uid
            self.settings.setValue("last/studio", uid)
            self.studio_changed.emit(uid)

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.settings.setValue("last/year", year)
            self.year_changed.emit(year)

    def flag(self, key: str, default: bool) -> bool:
        """A yes/no setting, whatever form the settings file stored it in."""
        value = self.settings.value(key, default)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    def changed(self) -> None:
        self.ledger_changed.emit()
