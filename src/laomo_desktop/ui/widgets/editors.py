"""One editor widget per declared field type, so every form is built from the declarations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger.typed import date_text, number_value
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown
from laomo_desktop.ui.widgets.textlimit import LengthCounter


class Editor:
    """A field's widget plus get/set in the ledger's terms (ISO dates, fen, codes, uids)."""

    def __init__(self, field: S.Field, widget: QWidget):
        self.field = field
        self.widget = widget
        widget.setAccessibleName(fmt.label(field))
        widget.setObjectName(f"field_{field.name}")

    def get(self) -> Any:
        raise AttributeError

    def set(self, value: Any) -> None:
        raise AttributeError


class TextEditor(Editor):
    """One line or a text box. What is typed or pasted is kept whole, however long: a counter
    shows the length against the field's limit, and the ledger refuses a text that is too long
    with a message under the field (ui.textlimit)."""

    def __init__(self, field: S.Field):
        if field.type == S.LONGTEXT:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(72 if field.text_limit > 2000 else 56)
        else:
            w = QLineEdit()
        super().__init__(field, w)
        self.counter = LengthCounter(field, w)

    def get(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def set(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlainText(text)
        else:
            self.widget.setText(text)


class NumberEditor(Editor):
    """A number typed freely: full-width digits from an input method and thousands separators
    are read; a minus or anything else that is not a number is kept and refused with a message
    when saving (never silently dropped)."""

    def __init__(self, field: S.Field):
        self.line = QLineEdit()
        if field.type == S.MONEY:
            box = QWidget()
            lay = QHBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(QLabel("¥"))
            lay.addWidget(self.line, 1)
            box.setFocusProxy(self.line)
            self.line.setPlaceholderText("0.00")
            self.line.setAccessibleName(fmt.label(field))
            super().__init__(field, box)
        else:
            super().__init__(field, self.line)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.setMaximumWidth(180)

    def get(self) -> Any:
        return number_value(self.line.text(), self.field.type)

    def set(self, value: Any) -> None:
        if value is None:
            self.line.setText("")
        elif self.field.type == S.MONEY:
            self.line.setText(f"{int(value) // 100}.{int(value) % 100:02d}")
        elif self.field.type == S.FLOAT:
            self.line.setText(format(value, ".15g"))  # exact: :g would round to 6 digits
        else:
            self.line.setText(str(value))


class DateEditor(Editor):
    """A date typed as in a spreadsheet (2026-4-20, 2026/4/20, 20260420, 2026年4月20日) or
    picked from a calendar. Tab always moves on; text that is not a date is kept and refused
    with a message when saving, never dropped."""

    def __init__(self, field: S.Field):
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(tr("e.g. 2025-03-05"))
        self.line.setClearButtonEnabled(True)
        self.line.setAccessibleName(fmt.label(field))
        # room for the widest date and the clear button, the same before and after styling
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("2025-03-05") + 44)
        self.line.editingFinished.connect(self._tidy)
        lay.addWidget(self.line)
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(tr("Pick a date from the calendar"))
        pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(pick)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(lambda d: (self.line.setText(d.toString("yyyy-MM-dd")),
                                                 menu.close()))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_calendar_at_value)
        pick.setMenu(menu)
        lay.addWidget(pick)
        lay.addStretch(1)
        box.setFocusProxy(self.line)
        super().__init__(field, box)

    def _tidy(self) -> None:
        """Show a readable date in the one form the ledger writes, as soon as it is typed."""
        text = self.line.text()
        tidy = date_text(text)
        if tidy != text:
            self.line.setText(tidy)

    def _show_calendar_at_value(self) -> None:
        d = QDate.fromString(date_text(self.line.text()), "yyyy-MM-dd")
        self.calendar.setSelectedDate(d if d.isValid() else QDate.currentDate())

    def get(self) -> str | None:
        text = date_text(self.line.text())
        return text or None

    def set(self, value: Any) -> None:
        self.line.setText(str(value)[:10] if value else "")


class BoolEditor(Editor):
    def __init__(self, field: S.Field):
        super().__init__(field, QCheckBox())

    def get(self) -> bool:
        return self.widget.isChecked()

    def set(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class ChoiceEditor(Editor):
    def __init__(self, field: S.Field):
        combo = QComboBox()
        if not field.required:
            combo.addItem("", None)
        for c in field.choices:
            combo.addItem(fmt.choice_label(field.choices, c.value), c.value)
        super().__init__(field, combo)

    def get(self) -> str | None:
        return self.widget.currentData()

    def set(self, value: Any) -> None:
        i = self.widget.findData(value)
        self.widget.setCurrentIndex(max(i, 0))


class MultiEditor(Editor):
    def __init__(self, field: S.Field):
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for c in field.choices:
            cb = QCheckBox(fmt.choice_label(field.choices, c.value))
            lay.addWidget(cb)
            self.boxes[c.value] = cb
        lay.addStretch(1)
        super().__init__(field, box)

    def get(self) -> list[str]:
        return [code for code, cb in self.boxes.items() if cb.isChecked()]

    def set(self, value: Any) -> None:
        codes = value.split(",") if isinstance(value, str) else (value or [])
        for code, cb in self.boxes.items():
            cb.setChecked(code in codes)


class RefEditor(Editor):
    """A picker for another record of the studio, with completion on any part of its title."""

    def __init__(self, field: S.Field, studio_uid: str):
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        for uid, title in Q.ref_choices(field.ref, studio_uid):
            combo.addItem(shown(title or ""), uid)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setMinimumContentsLength(16)
        super().__init__(field, combo)

    def get(self) -> str | None:
        combo = self.widget
        text = combo.currentText().strip()
        if not text:
            return None
        i = combo.currentIndex()
        if i > 0 and combo.itemText(i) == text:
            return combo.itemData(i)
        i = combo.findText(text, Qt.MatchFlag.MatchExactly)
        return combo.itemData(i) if i > 0 else f"?{text}"

    def set(self, value: Any) -> None:
        i = self.widget.findData(value) if value else 0
        if value and i < 0:  # a record no longer offered (e.g. in the recycle bin): keep it
            from laomo_desktop.ledger import records as R

            try:
                title = R.get(self.field.ref, value).get(S.kind(self.field.ref).title)
            except Exception:
                title = value
            self.widget.addItem(shown(str(title)), value)
            i = self.widget.count() - 1
        self.widget.setCurrentIndex(max(i, 0))


def make_editor(field: S.Field, studio_uid: str) -> Editor:
    if field.type in (S.TEXT, S.LONGTEXT):
        return TextEditor(field)
    if field.type in (S.INT, S.YEAR, S.FLOAT, S.MONEY):
        return NumberEditor(field)
    if field.type == S.DATE:
        return DateEditor(field)
    if field.type == S.BOOL:
        return BoolEditor(field)
    if field.type == S.CHOICE:
        return ChoiceEditor(field)
    if field.type == S.MULTI:
        return MultiEditor(field)
    if field.type == S.REF:
        return RefEditor(field, studio_uid)
    raise ValueError(field.type)
