"""The one table page every record section uses: search as you type, sort by any column, the
count of shown rows, and new / edit / delete through the shared record dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import privacy
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.period import current_year, period
from laomo_desktop.ledger.rowquery import CALL, CHOICE, RAW, Cell, RowQuery
from laomo_desktop.ledger.studios import studio_is_imported
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.listexport import ListExport
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages import tableclip
from laomo_desktop.ui.pages.lazypage import LazyPage
from laomo_desktop.ui.pages.listfooter import TotalsFooter
from laomo_desktop.ui.pages.sections import Section
from laomo_desktop.ui.plain import warn
from laomo_desktop.ui.system import undo
from laomo_desktop.ui.widgets.attachpanel import column_spec as attachment_column
from laomo_desktop.ui.widgets.sqltable import QueryTableModel


def read_only_banner() -> QLabel:
    banner = QLabel(tr("This studio was imported from its data packages: read-only. Its records "
                       "are entered by the studio itself and updated by importing its next "
                       "package."))
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("QLabel#read_only_banner { background: #fff4d6; color: #6b4e00; "
                         "border: 1px solid #e8c766; border-radius: 4px; padding: 6px 10px; }")
    banner.hide()
    return banner


def refuse_edit(_values: dict) -> dict:
    raise LaomoError(R.READ_ONLY)


def not_provided_text(_value=None) -> str:
    """What an imported studio's withheld personal field shows (never an empty value)."""
    return tr("Not provided")


def make_read_only(dlg: RecordDialog) -> RecordDialog:
    """A record dialog for viewing only: nothing can be typed, attached or saved. A field the
    studio withheld from its packages reads "not provided" instead of an empty editor."""
    dlg.setWindowTitle(tr("%1 (read-only)").replace("%1", fmt.label(dlg.kind)))
    dlg.save_button.setEnabled(False)
    for ed in dlg.editors.values():
        (getattr(ed, "widget", None) or ed).setEnabled(False)
    withheld = privacy.withheld(dlg.record["studio"]) if dlg.record else {}
    for name in sorted(withheld.get(dlg.kind.name, ())):
        ed = dlg.editors.get(name)
        widget = getattr(ed, "widget", None) or ed
        if widget is None or widget.parentWidget() is None:
            continue
        label = QLabel(not_provided_text())
        label.setObjectName(f"not_provided_{name}")
        label.setToolTip(tr("The studio did not include this in its data package."))
        label.setStyleSheet("color: #6b7280; font-style: italic;")
        widget.parentWidget().layout().insertWidget(0, label)
        widget.hide()
    if dlg.attachments is not None:
        for b in dlg.attachments.findChildren(QPushButton):
            b.setVisible(b.text() == tr("Open"))
        dlg.attachments.setAcceptDrops(False)
    return dlg


def outside_note() -> QLabel:
    """The strip that says how many records the year's list leaves out (never a silent gap)."""
    note = QLabel()
    note.setObjectName("outside_note")
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.RichText)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    note.setStyleSheet("QLabel#outside_note { background: #eef4fc; color: #1f3b63; "
                       "border: 1px solid #c5d8f0; border-radius: 4px; padding: 5px 10px; }")
    note.hide()
    return note


def column_spec(kind: S.Kind, name: str):
    """(header, formatter) of a table column: a declared field or a computed one."""
    if kinds.rules(kind).is_file and (spec := attachment_column(name)) is not None:
        return spec
    for e in Q.EXTRAS.get(kind.name, ()):
        if e.name == name:
            header = e.label if fmt.is_chinese() else e.en
            if e.choices is not None:  # one code, or several (comma-separated)
                return header, lambda v, c=e.choices: fmt.multi_text(c, v)
            if e.type == S.MONEY:
                return header, lambda v: "" if v is None else fmt.money_text(v)
            return header, lambda v: "" if v is None else str(v)
    f = kind.field(name)
    if f.type == S.REF:
        return fmt.label(f), lambda v: v or ""
    return fmt.label(f), lambda v, f=f: fmt.value_text(f, v)


def column_cell(kind: S.Kind, name: str, formatter) -> Cell:
    """How the text `formatter` shows in a column is searched (ledger/rowquery.py): stored
    text as is, a choice by its labels, anything else through the formatter itself."""
    if kinds.rules(kind).is_file and attachment_column(name) is not None:
        return Cell(CALL, text=formatter)
    choices = None
    for e in Q.EXTRAS.get(kind.name, ()):
        if e.name == name:
            choices = e.choices
            if choices is None:
                return Cell(CALL, text=formatter)
    if choices is None:
        f = kind.field(name)
        if f.type in (S.TEXT, S.REF):
            return Cell(RAW)
        if f.type != S.CHOICE:
            return Cell(CALL, text=formatter)
        choices = f.choices
    return Cell(CHOICE, labels={c.value: fmt.choice_label(choices, c.value) for c in choices})


class SectionPage(LazyPage):
    edit_on_navigate = True  # a link to a record opens its form (notices: shows their items)

    def __init__(self, ctx: AppContext, section: Section, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.section = section
        self.kind = S.kind(section.kind)
        self.setObjectName(f"page_{section.key}")

        self.specs = specs = [column_spec(self.kind, c) for c in section.columns]
        self.model = QueryTableModel([h for h, _ in specs], [f for _, f in specs], self)

        bar = QHBoxLayout()
        self.new_button = QPushButton(tr("New"))
        self.new_button.setToolTip(tr("New record (Ctrl+N)"))
        self.edit_button = QPushButton(tr("Edit"))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Move to the recycle bin (Del)"))
        for b, slot in ((self.new_button, self.new_record), (self.edit_button, self.edit_current),
                        (self.delete_button, self.delete_current)):
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        # a list a period filters (standing records as of the year, dated ones by date) can
        # show every record instead; the choice stays with the page while the program runs
        self.by_period = Q.in_period_sql(self.kind) is not None
        self.show_all = QCheckBox(tr("Show all records"))
        self.show_all.setObjectName("show_all")
        self.show_all.setToolTip(tr("Also list the records that were not in force or not "
                                    "dated in the selected year (shown in grey)"))
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.show_all.hide()
        bar.addWidget(self.show_all)
        bar.addSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Search (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search this section"))
        self.search.setClearButtonEnabled(True)
        # wide where there is room, narrow enough that the buttons' longer English words still
        # fit a 1366×768 screen at 125 %, and the Chinese ones at 150 % (tests/ui/test_fit_screen.py)
        self.search.setMinimumWidth(96)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self._filter)
        bar.addWidget(self.search, 2)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setMinimumWidth(80)
        bar.addWidget(self.count)
        self.export = ListExport(self)  # export or print the shown list
        bar.addWidget(self.export.button)

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # keeps the query's order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(100)  # fit to a sample of rows
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.setAccessibleName(fmt.label(self.kind))
        state = prefs.read(ctx.settings, declared.COLUMNS, section.key)
        if (prefs.read(ctx.settings, declared.COLUMN_NAMES, section.key)
                != ",".join(section.columns)):
            state = None  # saved for other columns (an earlier version): fit them again
        self._fit_columns = state is None
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

        self.read_only = False
        self.banner = read_only_banner()
        self.note = outside_note()
        self.note.linkActivated.connect(self._note_link)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.banner)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        self.totals = TotalsFooter(self.table, self.model, self.kind.name, list(section.columns))
        lay.addWidget(self.totals)
        # its keys (Ctrl+N, Ctrl+F, Del, Enter) are the main window's: they work wherever the
        # focus is in the window, not only inside this page
        tableclip.install(self)  # Ctrl+C / Ctrl+V as in a spreadsheet

    # -- loading ----------------------------------------------------------------------------
    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_columns()
        super().hideEvent(event)

    def save_columns(self) -> None:
        prefs.write(self.ctx.settings, declared.COLUMNS,
                    self.table.horizontalHeader().saveState(), self.section.key)
        prefs.write(self.ctx.settings, declared.COLUMN_NAMES,
                    ",".join(self.section.columns), self.section.key)

    def reload(self) -> None:
        self._dirty = False
        selected = self.current_uid()
        imported = studio_is_imported(self.ctx.studio_uid)
        withheld = (privacy.withheld(self.ctx.studio_uid).get(self.kind.name, frozenset())
                    if imported else frozenset())
        shown = [not_provided_text if c in withheld else f
                 for c, (_, f) in zip(self.section.columns, self.specs, strict=True)]
        self.model.set_formatters(shown, [column_cell(self.kind, c, f) for c, f in
                                          zip(self.section.columns, shown, strict=True)])
        self._load_rows()
        self._update_count()
        self.set_read_only(imported)
        if self._fit_columns and self.model.rowCount():
            self._fit_columns = False
            header = self.table.horizontalHeader()
            self.table.resizeColumnsToContents()
            # the last column is stretched to what the others leave: sized here too, it kept
            # its fitted width and pushed the table past the view (a scroll bar for ~12 px)
            for c in range(self.model.columnCount() - 1):
                header.resizeSection(c, max(90, min(header.sectionSize(c) + 12, 300)))
            header.setStretchLastSection(False)
            header.setStretchLastSection(True)
        if selected:
            self.select_uid(selected)

    def _load_rows(self) -> None:
        """The year's list (what lasted into it, or is dated or named in it), or with "show
        all" every record, those outside the year greyed; the note says what the year's list
        leaves out."""
        studio, year = self.ctx.studio_uid, self.ctx.year
        filtered = bool(studio) and bool(year) and self.by_period
        self.show_all.setVisible(filtered)
        if not studio:
            self.model.set_query(None)
            self.note.hide()
            return
        columns, kind = list(self.section.columns), self.kind.name
        if not filtered:
            self.model.set_query(RowQuery(kind, studio, columns))
            self.note.hide()
            return
        year_text = fmt.year_text(year)
        if self.show_all.isChecked():
            query = RowQuery(kind, studio, columns, year=year, grey_outside=True)
            self.model.set_query(query, tr("Not in %1").replace("%1", year_text))
            count = query.count_outside()
            text = tr("All records are shown; %1 of them are not in %2 and are shown in grey "
                      "(<a href=\"#year\">only %2</a>)")
        else:
            self.model.set_query(RowQuery(kind, studio, columns, year=year))
            count = Q.count_outside(kind, studio, year)
            text = tr("%1 more records are not in %2 (<a href=\"#all\">show all records</a>)")
        self.note.setText(text.replace("%1", str(count)).replace("%2", year_text))
        self.note.setVisible(count > 0)

    def _note_link(self, link: str) -> None:
        self.show_all.setChecked(link == "#all")

    def set_read_only(self, read_only: bool) -> None:
        """An imported studio: no new, edit or delete; double-click only views."""
        self.read_only = read_only
        self.banner.setVisible(read_only)
        self.new_button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only)
        self.edit_button.setText(tr("View") if read_only else tr("Edit"))

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        text = tr("%1 records").replace("%1", str(total)) if shown == total else \
            tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        self.count.setText(text)

    # -- selection --------------------------------------------------------------------------
    def current_uid(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.uid_at(idx.row()) if idx.isValid() else None

    def select_uid(self, uid: str) -> bool:
        row = self.model.row_of_uid(uid)
        if row < 0 and self.search.text():
            self.search.clear()
            row = self.model.row_of_uid(uid)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- changes ----------------------------------------------------------------------------
    def defaults(self) -> dict:
        year = self.ctx.year or current_year()
        today, within = date.today().isoformat(), period(year)
        day = today if within.contains(today) else within.start
        out: dict = {}
        for f in self.kind.fields:
            if f.type == S.YEAR and f.required:
                out[f.name] = year
            elif f.type == S.DATE and f.required:
                out[f.name] = day
        out.update(kinds.rules(self.kind).defaults)
        return out

    def dialog(self, record: dict | None, save) -> RecordDialog:
        return RecordDialog(self.ctx.paths, self.kind.name, self.ctx.studio_uid, record, save,
                            defaults=None if record else self.defaults(), parent=self)

    def new_record(self) -> None:
        if not self.ctx.studio_uid or self.read_only:
            return
        kind, studio = self.kind.name, self.ctx.studio_uid
        dlg = self.dialog(None, lambda v: R.create(kind, studio, v))
        if dlg.exec() and dlg.saved:
            text = tr("New %1").replace("%1", fmt.label(self.kind))
            self.ctx.undo_stack.push(self.created_command(dlg.saved, text))
            self.ctx.changed()
            self.select_uid(dlg.saved["uid"])

    def created_command(self, record: dict, text: str) -> QUndoCommand:
        """The undo step of a record the form created (a page may save more than the form)."""
        return undo.created(self.ctx, self.kind.name, record, text)

    def edited_command(self, before: dict, after: dict, text: str) -> QUndoCommand:
        return undo.edited(self.ctx, self.kind.name, before, after, text)

    def edit_uid(self, uid: str) -> None:
        try:
            before = R.get(self.kind.name, uid)
        except LaomoError as exc:
            warn(self, tr("Cannot open"), exc.message)
            return
        kind = self.kind.name
        if self.read_only:
            dlg = make_read_only(self.dialog(before, refuse_edit))
            dlg.exec()
            return
        dlg = self.dialog(before, lambda v: R.update(kind, uid, v,
                                                     expected_version=before["version"]))
        if dlg.exec() and dlg.saved:
            if dlg.saved["version"] != before["version"]:
                text = tr("Edit %1").replace("%1", fmt.label(self.kind))
                self.ctx.undo_stack.push(self.edited_command(before, dlg.saved, text))
            self.ctx.changed()

    def edit_current(self) -> None:
        uid = self.current_uid()
        if uid:
            self.edit_uid(uid)

    def delete_current(self) -> None:
        """Del: every selected row to the recycle bin (a sheet's selection), as one undo step."""
        uids = [u for u in map(self.model.uid_at, tableclip.selected_rows(self)) if u]
        if not uids or self.read_only:
            return
        try:
            R.trash_many(self.kind.name, uids)
        except LaomoError as exc:
            warn(self, tr("Not deleted"), exc.message)
            return
        text = tr("Delete %1").replace("%1", fmt.label(self.kind))
        self.ctx.undo_stack.push(undo.trashed(self.ctx, self.kind.name, uids, text))
        self.ctx.changed()
        win = self.window()
        if hasattr(win, "statusBar"):
            said = tr("Moved to the recycle bin. Ctrl+Z undoes it; the recycle bin restores it.")
            if len(uids) > 1:
                said = tr("%1 records moved to the recycle bin. Ctrl+Z undoes it; the recycle "
                          "bin restores them.").replace("%1", str(len(uids)))
            win.statusBar().showMessage(said, 8000)
