"""What every page shares: the ledger, the current studio and year, undo, and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from laomo_desktop import settings as declared
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui import prefs


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
        # the program run's imports share one pre-import backup (exchange/session.py); made
        # when first needed: exchange/ is loaded only when imports are
        self._import_session = None

    @property
    def import_session(self):
        if self._import_session is None:
            from laomo_desktop.exchange.session import ImportSession

            self._import_session = ImportSession()
        return self._import_session

    def set_studio(self, uid: str) -> None:
        if uid != self.studio_uid:
            self.studio_uid = uid
            prefs.write(self.settings, declared.LAST_STUDIO, uid)
            self.studio_changed.emit(uid)

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            prefs.write(self.settings, declared.LAST_YEAR, year)
            self.year_changed.emit(year)

    def changed(self) -> None:
        self.ledger_changed.emit()
