"""Undo and redo of ledger changes. Each command replays service calls, so undoing is itself a
recorded, validated change (undoing a creation moves the record to the recycle bin)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import studios
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import warn


def content(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in R.META}


class ServiceCommand(QUndoCommand):
    """Already done when pushed: the first redo() does nothing."""

    def __init__(self, ctx: AppContext, text: str, undo: Callable[[], object],
                 redo: Callable[[], object], parent_widget: QWidget | None = None):
        super().__init__(text)
        self.ctx = ctx
        self._undo = undo
        self._redo = redo
        self._first = True
        self._widget = parent_widget

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except LaomoError as exc:
            warn(self._widget, tr("Cannot undo"), exc.message)
            self.setObsolete(True)
        self.ctx.changed()

    def undo(self) -> None:
        self._run(self._undo)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)


def created(ctx: AppContext, kind: str, record: dict, text: str) -> ServiceCommand:
    uid = record["uid"]
    return ServiceCommand(ctx, text, lambda: R.trash(kind, uid), lambda: R.restore(kind, uid))


def edited(ctx: AppContext, kind: str, before: dict, after: dict, text: str) -> ServiceCommand:
    uid = before["uid"]
    return ServiceCommand(ctx, text, lambda: R.update(kind, uid, content(before)),
                          lambda: R.update(kind, uid, content(after)))


def trashed(ctx: AppContext, kind: str, uids: list[str], text: str) -> ServiceCommand:
    """The records one Del moved to the recycle bin, as one step."""
    return ServiceCommand(ctx, text, lambda: R.restore_many(kind, uids),
                          lambda: R.trash_many(kind, uids))


def composed(ctx: AppContext, changes: list[studios.Change], text: str) -> ServiceCommand:
    """Several records one service changed together (a change of leader) as one step: undo
    puts back every record's content before, in reverse order; redo writes each after again."""
    return ServiceCommand(ctx, text, lambda: studios.revert(changes),
                          lambda: studios.reapply(changes))
