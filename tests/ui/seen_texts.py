"""Every text a user can see in a window: its title, labels, buttons, group boxes, tabs,
headers and cells of tables and trees, combo items, placeholders, tooltips, and the menus'
and tool bars' actions. Each text comes with where it was seen (the window, the widget's
class and object name, what of it), so a test that finds a wrong text can name the widget.

Used by tests/ui/test_english_screens.py to hold the English interface to English."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

Seen = list[tuple[str, str]]
ROWS_PER_LEVEL = 60  # enough to meet every kind of cell a table shows, fast on a long table
ROLES = ((Qt.ItemDataRole.DisplayRole, "cell"), (Qt.ItemDataRole.ToolTipRole, "cell tooltip"))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model's column count is private in PySide6: it has one column."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, where: str, out: Seen,
                 parent: QModelIndex | None = None) -> None:
    parent = QModelIndex() if parent is None else parent
    if not parent.isValid():
        for orientation, name in ((Qt.Orientation.Horizontal, "column"),
                                  (Qt.Orientation.Vertical, "row")):
            count = _columns(model, parent) if name == "column" else \
                min(model.rowCount(parent), ROWS_PER_LEVEL)
            for i in range(count):
                for role, what in ((Qt.ItemDataRole.DisplayRole, "header"),
                                   (Qt.ItemDataRole.ToolTipRole, "header tooltip")):
                    value = model.headerData(i, orientation, role)
                    if isinstance(value, str):
                        out.append((f"{where} {name} {what} {i}", value))
    for r in range(min(model.rowCount(parent), ROWS_PER_LEVEL)):
        for c in range(_columns(model, parent)):
            index = model.index(r, c, parent)
            for role, what in ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append((f"{where} {what} ({r}, {c})", value))
        first = model.index(r, 0, parent)
        if not isinstance(model, (QAbstractListModel, QAbstractTableModel)) \
                and model.rowCount(first):
            _model_texts(model, f"{where} › row {r}", out, first)


def _actions(widget: QWidget, where: str, out: Seen) -> None:
    for act in widget.actions():
        for what, text in (("action", act.text()), ("action tooltip", act.toolTip()),
                           ("action status tip", act.statusTip())):
            out.append((f"{where} {what}", text))
        menu = act.menu()
        if isinstance(menu, QMenu):
            out.append((f"{where} menu title", menu.title()))
            _actions(menu, f"{where} › {act.text()}", out)


def widget_texts(w: QWidget, where: str, out: Seen) -> None:
    """The texts one widget shows itself (not its children's)."""
    out.append((f"{where} tooltip", w.toolTip()))
    if w.isWindow():
        out.append((f"{where} window title", w.windowTitle()))
    if isinstance(w, QMessageBox):
        out += [(f"{where} informative text", w.informativeText()),
                (f"{where} detailed text", w.detailedText())]
    if isinstance(w, (QLabel, QAbstractButton)):
        out.append((f"{where} text", w.text()))
    elif isinstance(w, QGroupBox):
        out.append((f"{where} title", w.title()))
    elif isinstance(w, QLineEdit):
        out += [(f"{where} text", w.text()), (f"{where} placeholder", w.placeholderText())]
    elif isinstance(w, (QPlainTextEdit, QTextEdit)):
        out += [(f"{where} text", w.toPlainText()),
                (f"{where} placeholder", w.placeholderText())]
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            out.append((f"{where} item {i}", w.itemText(i)))
            tip = w.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                out.append((f"{where} item {i} tooltip", tip))
        out.append((f"{where} placeholder", w.placeholderText()))
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            out += [(f"{where} tab {i}", w.tabText(i)), (f"{where} tab {i} tooltip",
                                                         w.tabToolTip(i))]
    elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) \
            and w.model() is not None:  # a header shows its view's model: read with the view
        _model_texts(w.model(), where, out)
    _actions(w, where, out)


def window_texts(top: QWidget, name: str) -> Seen:
    """Every text shown by `top` and the children a user can see in it (a page of a stack
    that is not shown, a hidden label, are not seen)."""
    out: Seen = []
    for w in [top, *top.findChildren(QWidget)]:
        # PySide6 6.9 (the Linux release's): reading the menu bar's overflow button
        # (qt_menubar_ext_button) deletes the menus Qt made for it; they are Qt's, not ours
        if not shiboken6.isValid(w):
            continue
        if w is not top and not w.isVisibleTo(top):
            continue
        where = f"{name}: {type(w).__name__}" + (f" '{w.objectName()}'" if w.objectName() else "")
        widget_texts(w, where, out)
    return [(where, text) for where, text in out if text]
