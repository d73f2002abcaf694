"""The keys of the section shown (new, edit, delete, search) as window-wide actions: they work
wherever the focus is in the main window (the navigation list after a click, the table, the
search box, the year selector) and call the page shown. An action is disabled on a page that
has no such step, so its key goes on to the focused widget there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QWidget

from laomo_desktop.ui.i18n import tr


def step_of(page: QWidget | None, step: str):
    """What a page does for a step: its method, or for search its search box."""
    target = getattr(page, step, None)
    if callable(target):
        return target
    box = getattr(page, "search", None)
    if step == "focus_search" and isinstance(box, QLineEdit):
        return lambda: (box.setFocus(Qt.FocusReason.ShortcutFocusReason), box.selectAll())
    return None


class SectionKeys:
    """`window`: the main window, with its page stack (`stack`) and its pages' splitter shown
    in `root` when a studio is open."""

    def __init__(self, window: QMainWindow, menu: QMenu):
        self.window = window
        self.actions: dict[str, QAction] = {}
        for step, text, keys in (
                ("new_record", tr("New record"), [QKeySequence(QKeySequence.StandardKey.New)]),
                ("edit_current", tr("Open the selected record"),
                 [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]),
                ("delete_current", tr("Delete the selected record"),
                 [QKeySequence(Qt.Key.Key_Delete)]),
                ("focus_search", tr("Search this section"),
                 [QKeySequence(QKeySequence.StandardKey.Find)])):
            act = QAction(text, window)
            act.setObjectName(f"action_{step}")
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _checked=False, step=step: self.run(step))
            menu.addAction(act)
            self.actions[step] = act
        self.update()

    def _on_pages(self) -> bool:
        return self.window.root.currentWidget() is self.window.splitter

    def run(self, step: str) -> None:
        target = step_of(self.window.stack.currentWidget(), step)
        if target is not None and self._on_pages():
            target()

    def update(self) -> None:
        """Enable the actions the page shown has a step for."""
        page = self.window.stack.currentWidget()
        for step, act in self.actions.items():
            act.setEnabled(self._on_pages() and step_of(page, step) is not None)
