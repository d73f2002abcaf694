"""A page that reloads when the studio, the year or the ledger changes: at once when it is
on screen, otherwise the next time it is shown (so hidden pages cost nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from laomo_desktop.ui.context import AppContext


class LazyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, by_year: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = True
        ctx.studio_changed.connect(self.mark_dirty)
        ctx.ledger_changed.connect(self.mark_dirty)
        if by_year:
            ctx.year_changed.connect(self.mark_dirty)

    @property
    def up_to_date(self) -> bool:
        """Whether what the page shows is loaded (a page may fill itself after it is painted)."""
        return not self._dirty

    def mark_dirty(self, *_args) -> None:
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        """Subclasses load their content here, starting with `self._dirty = False`."""
        self._dirty = False
