"""Standing in for the user at QMessageBox's static functions (information, warning, …)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

BOX_KINDS = ("information", "warning", "critical", "question")


def stand_in_for_message_boxes(monkeypatch, seen: Callable[[str, str, str], object],
                               answer: Callable[[str], QMessageBox.StandardButton]
                               = lambda kind: QMessageBox.StandardButton.Ok) -> None:
    """Replace QMessageBox's static functions: `seen(kind, title, text)` is told of each
    box, and `answer(kind)` is what the user clicked."""

    def box(kind):
        def call(parent, title, text, *args, **kwargs):
            seen(kind, title, text)
            return answer(kind)
        return staticmethod(call)

    for kind in BOX_KINDS:
        monkeypatch.setattr(QMessageBox, kind, box(kind))


class Warnings:
    """Stands in for QMessageBox.warning: records what the user would have been told."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []

    def __call__(self, _parent, title, text, *args, **kwargs):
        self.shown.append((title, text))
        return QMessageBox.StandardButton.Ok
