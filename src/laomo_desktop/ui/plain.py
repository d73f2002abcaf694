"""Text from the ledger or from a data package, shown exactly as written: never as markup.

Qt draws any string that merely *looks* like HTML as rich text: labels, tooltips, message boxes
and progress dialogs default to Qt.AutoText. A record titled `<b>粗体</b>` would show bold, and a
package's studio name could draw a large green "✓ signed with the registered key" heading. So:

- `DataLabel` is the label for anything that holds user or package text: plain-text format, and
  control and bidi characters shown by code point, [U+202E] (a newline in a one-line name cannot forge a
  second line beneath it);
- `as_plain` turns a string for an AutoText place (tooltips, message boxes) into one Qt shows
  literally; `tip`, `warn`, `inform`, `fail` and `ask` apply it.

Item views (tables, trees, lists, combo boxes) and editors already draw plain text.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from laomo_desktop.visible import visible

Button = QMessageBox.StandardButton


def shown(text: str, *, lines: bool = False) -> str:
    """`text` with its invisible and reordering characters visible; `lines` keeps line breaks."""
    return visible(text, keep_newlines=lines)


def as_plain(text: str) -> str:
    """`text` for a place that takes Qt.AutoText: unchanged when Qt would show it as plain text
    anyway; otherwise escaped and wrapped so that Qt's rich text shows every character of it."""
    if not Qt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def tip(text: str) -> str:
    """A tooltip showing `text` literally (tooltips are AutoText and cannot be set otherwise)."""
    return as_plain(shown(text, lines=True)) if text else ""


class DataLabel(QLabel):
    """A label that shows user or package data: plain text, hidden characters made visible.

    `lines`: multi-line text (a list of warnings, a summary) keeps its line breaks."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, lines: bool = False):
        super().__init__(parent)
        self._lines = lines
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(shown(text, lines=self._lines))


def _box(kind: str, parent: QWidget | None, title: str, text: str, *args) -> Button:
    # The static functions (not a QMessageBox built here): the suite stands in for them.
    return getattr(QMessageBox, kind)(parent, shown(title), as_plain(shown(text, lines=True)),
                                      *args)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning whose text (often a ledger message naming a record) is shown literally."""
    _box("warning", parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _box("information", parent, title, text)


def fail(parent: QWidget | None, title: str, text: str) -> None:
    _box("critical", parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question, No by default; True when the user answered Yes."""
    return _box("question", parent, title, text, Button.Yes | Button.No, Button.No) == Button.Yes
