"""Closing a form with changes asks first: Esc, 取消 and the window's × used to throw away
whatever had been typed without a word.

A dialog where the user enters data mixes in `AsksBeforeDiscarding`, says what its form holds
(`form_state`, anything comparable) and calls `remember_state` once the form is filled. QDialog
sends Esc, a Cancel button and the window's close button all through `reject`, so that is the
one place that asks. What counts is what the form holds, not whether a key was pressed: text
typed and deleted back to what it was is no change, and the dialog closes at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from laomo_desktop.ui.i18n import tr


def discard_changes(parent: QWidget | None) -> bool:
    """Ask whether to throw away the changes; True only when the user chose to. Keeping on
    editing is the default (Enter) and what Esc answers."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Unsaved changes"),
                      tr("Discard the changes you made?"), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("discard_changes")
    discard = box.addButton(tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    try:
        box.exec()
        return box.clickedButton() is discard
    finally:
        box.deleteLater()


class AsksBeforeDiscarding:
    """Mixed into a QDialog (before it in the bases) whose form the user fills in. The dialog
    defines `form_state()`: what the form holds now, comparable with ==."""

    _clean_state: Any = None
    form_state: Callable[[], Any]

    def remember_state(self) -> None:
        """The form as it opened: closing it like this needs no question."""
        self._clean_state = self.form_state()

    def changed(self) -> bool:
        return self.form_state() != self._clean_state

    def reject(self) -> None:
        if self.changed() and not discard_changes(self):  # type: ignore[arg-type]
            return  # keep editing
        self.discard()

    def discard(self) -> None:
        """Close without asking (the caller has dealt with what the form holds)."""
        QDialog.reject(self)  # type: ignore[arg-type]
