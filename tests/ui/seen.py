"""What a user sees of a text in the window: the characters Qt draws for it (as plain or rich
text) and the texts of every cell of an item view. Shared by the tests that plant markup in
every field and look for it on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import Qt, QTextDocument  # Qt.mightBeRichText is in QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
)

from laomo_desktop.store import schema as S


def rendered(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters Qt draws for `text` in a place with text format `fmt`."""
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText
                                         and Qt.mightBeRichText(text)):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def cells(view: QAbstractItemView):
    """(display text, tooltip) of every cell: the widget views' models keep their API private."""
    if isinstance(view, QTreeWidget):
        it = QTreeWidgetItemIterator(view)
        while it.value():
            item = it.value()
            yield from ((item.text(c), item.toolTip(c)) for c in range(view.columnCount()))
            it += 1
    elif isinstance(view, QListWidget):
        yield from ((view.item(i).text(), view.item(i).toolTip()) for i in range(view.count()))
    elif isinstance(view, QTableWidget):
        for r in range(view.rowCount()):
            for c in range(view.columnCount()):
                if view.item(r, c) is not None:
                    yield view.item(r, c).text(), view.item(r, c).toolTip()
    else:
        model = view.model()
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                idx = model.index(r, c)
                yield (str(idx.data(Qt.ItemDataRole.DisplayRole) or ""),
                       str(idx.data(Qt.ItemDataRole.ToolTipRole) or ""))


REQUIRED = {S.DATE: "2025-03-01", S.YEAR: 2025, S.INT: 1, S.MONEY: 100}


def fill(fields: tuple[S.Field, ...], made: dict[str, str],
         planted: Callable[[S.Field], str]) -> dict:
    """Every text field `planted`; other fields only where required (or a reference to a
    record already `made`)."""
    values = {}
    for f in fields:
        if f.type in (S.TEXT, S.LONGTEXT):
            values[f.name] = planted(f)
        elif f.type == S.REF and f.ref in made and (f.required or f.ref != "member"):
            values[f.name] = made[f.ref]
        elif f.required and f.type == S.CHOICE:
            values[f.name] = next(iter(f.choices)).value
        elif f.required:
            values[f.name] = REQUIRED[f.type]
    return values
