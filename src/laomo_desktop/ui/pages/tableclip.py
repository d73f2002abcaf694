"""Copy and paste on a section's table, as in a spreadsheet.

Ctrl+C (or 复制 in the table's menu) puts the selected rows, in the order shown, on the
clipboard with a header line: tab-separated text and an HTML table, so they paste into
Excel/WPS as cells. Ctrl+V (or 粘贴) reads rows copied from a sheet, shows what would be added
(ui/dialogs/paste.py) and adds the valid rows as one undo step, as a job (tasks.start_job:
progress per batch of rows, Cancel adds none). The reading, checking and writing is in
ledger/paste.py; this module only wires it to the page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import clipboard, paste
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.paste import PasteDialog
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.system.undo import ServiceCommand
from laomo_desktop.ui.widgets.tablemodel import RAW_ROLE

# a section page (ui/pages/section.py): it installs these keys on itself, so this module does not
# import it back
SectionPage = Any


def _columns(page: SectionPage, *types: str) -> set[int]:
    names = {f.name: f for f in page.kind.fields}
    return {i for i, c in enumerate(page.section.columns)
            if c in names and names[c].type in types}


def selected_rows(page: SectionPage) -> list[int]:
    """The selected rows in the order the table shows them (the current row when none is)."""
    rows = sorted({i.row() for i in page.table.selectionModel().selectedRows()})
    if not rows and page.table.currentIndex().isValid():
        rows = [page.table.currentIndex().row()]
    return rows


def copied_table(page: SectionPage, rows: list[int]) -> list[list[str]]:
    """The header line and the given rows' cells as the clipboard gets them: the text the
    table shows, except dates (ISO, which every spreadsheet reads as a date) and long text
    (whole, where the table shows only its start)."""
    model = page.model
    n = model.columnCount()
    dates, raw = _columns(page, S.DATE), _columns(page, S.DATE, S.LONGTEXT)
    out = [[str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(n)]]
    for r in rows:
        cells = []
        for c in range(n):
            text = model.text_at(r, c)
            if c in raw:  # a withheld field has no stored value: its text says so
                value = model.data(model.index(r, c), RAW_ROLE)
                if isinstance(value, str) and value:
                    text = value[:10] if c in dates else value
            cells.append(text)
        out.append(cells)
    return out


_copied: list[QMimeData] = []  # the last rows copy_rows put on the clipboard


def copy_rows(page: SectionPage) -> int:
    """Put the selected rows on the clipboard; returns how many."""
    rows = selected_rows(page)
    if not rows:
        return 0
    table = copied_table(page, rows)
    mime = QMimeData()
    mime.setText(clipboard.to_tsv(table))
    mime.setHtml(clipboard.to_html(table))
    QApplication.clipboard().setMimeData(mime)
    _copied[:] = [mime]  # to know it is still ours when the program ends
    _status(page, tr("%1 rows copied: they paste into Excel or WPS as cells.")
            .replace("%1", str(len(rows))))
    return len(rows)


def hand_over_clipboard() -> None:
    """Before the program ends: leave the copied rows on the clipboard as text Qt makes itself.

    The copy's QMimeData was made in Python and the clipboard owns it; Qt deletes it only when
    the application's last pieces are torn down, after Python has finished, and telling Python
    then crashed the program on its way out (a segmentation fault at exit). The rows stay
    pasteable (as tab-separated text) after the program has closed."""
    board = QApplication.clipboard()
    ours = [m for m in _copied if isValid(m)]
    _copied.clear()
    if ours and board.mimeData() is ours[0]:  # nothing copied since, here or elsewhere
        board.setText(ours[0].text())


def paste_rows(page: SectionPage) -> None:
    """Preview the clipboard's rows as new records of the page's kind and, when the user
    accepts, add the valid ones (a job) as one undo step; the added rows are then selected."""
    ctx = page.ctx
    if not ctx.studio_uid:
        return
    kind = page.kind.name
    try:
        preview = paste.preview(kind, ctx.studio_uid, QApplication.clipboard().text())
    except LaomoError as exc:
        warn(page, tr("Cannot paste"), exc.message)
        return
    if not PasteDialog(preview, page).exec():
        return

    def added(uids: list[str]) -> None:
        text = tr("Paste %1 rows of %2").replace("%1", str(len(uids))) \
            .replace("%2", fmt.label(page.kind))
        ctx.undo_stack.push(ServiceCommand(ctx, text, lambda: paste.trash_added(kind, uids),
                                           lambda: paste.restore_added(kind, uids), page))
        ctx.changed()
        select_uids(page, set(uids))
        _status(page, tr("%1 records added. Ctrl+Z removes them all.")
                .replace("%1", str(len(uids))))

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        warn(page, tr("Nothing was added"), exc.message)

    start_job(page, tr("Paste %1 from a spreadsheet").replace("%1", fmt.label(page.kind)),
              tr("Adding the rows…"), lambda: paste.add_steps(preview), added, on_failed=failed)


def select_uids(page: SectionPage, uids: set[str]) -> None:
    """Select the rows of these records that the table shows."""
    model, selection = page.model, QItemSelection()
    last = model.columnCount() - 1
    rows = sorted(r for r in map(model.row_of_uid, uids) if r >= 0)
    for r in rows:
        selection.select(model.index(r, 0), model.index(r, last))
    if rows:
        page.table.selectionModel().select(selection,
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)
        page.table.scrollTo(model.index(rows[0], 0))


def _status(page: SectionPage, message: str) -> None:
    win = page.window()
    if hasattr(win, "statusBar"):
        win.statusBar().showMessage(message, 8000)


def install(page: SectionPage) -> None:
    """Ctrl+C and Ctrl+V on the page (a line edit with the focus keeps its own), and 复制 and
    粘贴 in the table's context menu."""
    page.copy_action = QAction(tr("Copy rows"), page)
    page.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
    page.copy_action.triggered.connect(lambda: copy_rows(page))
    page.paste_action = QAction(tr("Paste rows from Excel/WPS…"), page)
    page.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
    page.paste_action.triggered.connect(lambda: paste_rows(page))
    for act in (page.copy_action, page.paste_action):
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setShortcutVisibleInContextMenu(True)
        page.addAction(act)
        page.table.addAction(act)
    page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
