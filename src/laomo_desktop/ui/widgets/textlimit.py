"""A text field's length against its declared limit, shown in the field as one types.

Text used to be limited with QLineEdit.setMaxLength, which silently drops whatever goes past
the limit: a 5,000-character title pasted in was saved as its first 100. Now everything typed
or pasted is kept. A small counter in the field's corner ("37/100") counts what the ledger will
count (ledger.validate: spaces and line breaks around the text do not count), turns red near
the limit and says how many characters are too many once over; saving such text is refused by
the ledger with its message under the field, like every other error."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from laomo_desktop.ledger.validate import trim
from laomo_desktop.store import schema as S
from laomo_desktop.ui.i18n import tr

NEAR = 0.9  # from this share of the limit on, the count is red and stays shown
KEPT = 10_000_000  # a line edit's own default limit (32,767) would still cut a long paste
GREY, RED = "#6b7280", "#b00020"


class LengthCounter(QLabel):
    """The counter inside `edit` (a QLineEdit or QPlainTextEdit) for the text field `field`.

    Shown while the field has the focus, and whenever the text is near or over the limit (so
    that a too-long text still says so after the focus has moved on)."""

    def __init__(self, field: S.Field, edit: QLineEdit | QPlainTextEdit):
        super().__init__(edit)
        self.field = field
        self.edit = edit
        self.setObjectName(f"count_{field.name}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.setFont(font)
        if isinstance(edit, QLineEdit):
            edit.setMaxLength(KEPT)
        edit.textChanged.connect(self.update_count)
        edit.installEventFilter(self)
        self.hide()
        self.update_count()

    def count(self) -> int:
        """Characters as the ledger counts them (it checks the trimmed text)."""
        edit = self.edit
        text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        return len(trim(self.field, text))

    def over(self) -> int:
        """How many characters too many (0 when the text fits)."""
        return max(0, self.count() - self.field.text_limit)

    def near(self) -> bool:
        return self.count() >= NEAR * self.field.text_limit

    def update_count(self, *_args) -> None:
        n, limit = self.count(), self.field.text_limit
        text = f"{n}/{limit}"
        if n > limit:
            text = tr("%1 too many · %2").replace("%1", str(n - limit)).replace("%2", text)
        self.setText(text)
        weight = "bold" if n > limit else "normal"
        self.setStyleSheet(f"color: {RED if self.near() else GREY}; font-weight: {weight};"
                           " background: transparent;")
        self.edit.setAccessibleDescription(text)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._place()
        return False

    def _place(self) -> None:
        """In the right end of a line, in the bottom-right corner of a text box; the text
        gets out of its way."""
        edit = self.edit
        show = edit.hasFocus() or self.near()
        self.setVisible(show)
        self.adjustSize()
        if isinstance(edit, QLineEdit):
            edit.setTextMargins(0, 0, self.width() + 6 if show else 0, 0)
            self.move(edit.width() - self.width() - 6, (edit.height() - self.height()) // 2)
        else:
            edit.setViewportMargins(0, 0, 0, self.height() if show else 0)
            frame = edit.frameWidth()
            bar = edit.verticalScrollBar()
            right = frame + (bar.width() if bar.isVisible() else 0)
            self.move(edit.width() - right - self.width() - 4,
                      edit.height() - frame - self.height())
        self.raise_()
