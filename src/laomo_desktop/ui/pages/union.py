"""The union office's overview (单位汇总): every studio of the ledger with the year's figures,
the city totals against the union's targets, the studios still without a party organisation,
and the import of the studios' data packages with its history.

The figures are ledger.union.union_year's (the union summary report's) for the office's
statistics year, with the namings due for review in it and the plaques removed or names revoked
in it; the targets come from <data dir>/union_targets.json. Double-clicking a studio (or one of
its namings) opens its own (read-only) ledger."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import privacy
from laomo_desktop.ledger import offices, period, union, unioncolumns
from laomo_desktop.store import changes
from laomo_desktop.store import enums as E
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.conflicts import ConflictsDialog
from laomo_desktop.ui.dialogs.imports import (
    choose_packages,
    import_packages,
)
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages import unionoffices
from laomo_desktop.ui.pages.cardlook import GREEN, MUTED, RED, STYLE
from laomo_desktop.ui.pages.lazypage import LazyPage
from laomo_desktop.ui.pages.unioncards import GoalsCard, NamingsCard, card, scrolled
from laomo_desktop.ui.pages.unionlayout import CardsArea, HistoryCard, TopRow
from laomo_desktop.ui.pages.uniontable import (  # noqa: F401 - the page's tests reach them here
    COLUMNS,
    NUMERIC,
    SORT_ROLE,
    UnionTable,
    UnionTableModel,
    UnionTotals,
    cell_text,
    metric_head,
    ut,
    withheld_text,
)
from laomo_desktop.ui.plain import DataLabel, shown
from laomo_desktop.ui.system import drives
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.work import Job, Progress

# From this many studios the figures are added up on a worker thread (a province's 2,000 take
# about a second of SQL): the page shows at once, saying so, and the window answers meanwhile.
BACKGROUND_FROM = 300


def worth_preparing() -> bool:
    """Whether the ledger holds enough studios for its figures to be added up in advance."""
    return union.studio_count() >= BACKGROUND_FROM


class UnionPage(LazyPage):
    open_studio = Signal(str)  # drill down: the main window switches to the studio

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("page_union")
        self.setStyleSheet(STYLE)
        self.data: dict = {}
        self.year = 0
        self._shown: tuple | None = None  # (what was shown, the ledger's stamp then)
        self._loading = None  # the worker adding the figures up, while it does
        self._again = False  # asked to refresh while it did

        self.heading = QLabel()
        self.heading.setObjectName("union_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the office's name as typed
        self.subheading = QLabel()
        self.subheading.setObjectName("union_subheading")
        self.subheading.setStyleSheet(f"color: {MUTED};")
        self.import_button = QPushButton(tr("Import packages…"))
        self.import_button.setObjectName("import_packages")
        self.import_button.setToolTip(tr("Import the data packages the studios sent (several "
                                         "at once)"))
        self.import_button.clicked.connect(lambda: self.import_from(""))
        self.drive_button = QPushButton(tr("From a USB stick"))
        self.drive_button.setObjectName("import_from_drive")
        self.drive_menu = QMenu(self.drive_button)
        self.drive_menu.aboutToShow.connect(self._fill_drive_menu)
        self.drive_button.setMenu(self.drive_menu)
        self.office_button = QPushButton(tr("Office…"))
        self.office_button.setObjectName("office_settings")
        self.office_button.clicked.connect(self.edit_office)
        self.forward_button = QPushButton(tr("Forward up…"))
        self.forward_button.setToolTip(tr("Forward to the office above"))
        self.forward_button.setObjectName("forward_up")
        self.forward_button.clicked.connect(
            lambda: unionoffices.forward_up(self.ctx, self, self.year, self.reload))
        self.columns_button = QPushButton(tr("Columns…"))
        self.columns_button.setObjectName("union_columns")
        self.columns_button.setToolTip(tr("Choose the figures the union summary shows"))
        self.columns_button.clicked.connect(self.edit_columns)
        self.top = TopRow(self.heading, self.subheading, [
            self.columns_button, self.office_button, self.forward_button, self.drive_button,
            self.import_button])

        self.model = UnionTableModel(self)
        self.table = UnionTable()
        self.table.setModel(self.model)
        self.table.setObjectName("union_table")
        self.table.setAccessibleName(tr("Studios"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the summary's order (level, name) until clicked
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the studio's name is fitted to its text like the figures (a stretched first column got
        # what the figures left over: "龚玲…" at 1366×768); the last column takes the rest
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMinimumSectionSize(48)
        # columns fitted to a sample of rows, not to every studio's (2,000 rows' texts)
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.setToolTip(tr("Double-click a studio to open its ledger"))
        self.table.doubleClicked.connect(lambda idx: self._drill(idx.row()))
        # three rows at least, however the splitter is dragged (four and more as first shown)
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
            + 3 * self.table.verticalHeader().defaultSectionSize()
            + self.table.horizontalScrollBar().sizeHint().height())
        self.totals = UnionTotals(self.table)
        self.empty = QLabel(tr("There are no studios in this ledger yet. Import the data "
                               "packages the studios sent to see them here."))
        self.empty.setObjectName("union_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED};")
        upper = QWidget()
        ulay = QVBoxLayout(upper)
        ulay.setContentsMargins(0, 0, 0, 0)
        self.busy = DataLabel(lines=True)  # adding up a province's figures, or why it could not
        self.busy.setObjectName("union_busy")
        self.busy.setWordWrap(True)
        self.busy.hide()
        ulay.addWidget(self.busy)
        self.columns_notice = QLabel()
        self.columns_notice.setObjectName("union_columns_notice")
        self.columns_notice.setWordWrap(True)
        self.columns_notice.setStyleSheet(f"color: {RED};")
        self.columns_notice.hide()
        ulay.addWidget(self.columns_notice)
        rows = QVBoxLayout()  # the totals right under the rows, as a sum row is
        rows.setSpacing(0)
        rows.addWidget(self.table, 1)
        rows.addWidget(self.totals)
        ulay.addLayout(rows, 1)
        ulay.addWidget(self.empty)

        self.goals_card = GoalsCard(self.edit_targets)
        goals = self.goals_card.frame
        self.targets_note = self.goals_card.note  # the card's parts, as the tests reach them
        self.targets_button = self.goals_card.button
        party, party_lay, self.party_summary = card(tr("Without a party organisation"),
                                                     "party")
        self.lacking = DataLabel(lines=True)  # studio names, one a line
        self.lacking.setObjectName("lacking_party")
        self.lacking.setWordWrap(True)
        self.lacking.setAlignment(Qt.AlignmentFlag.AlignTop)
        party_lay.addWidget(scrolled(self.lacking, "lacking_scroll"), 1)
        self.naming_card = NamingsCard(self.open_studio.emit)
        namings = self.naming_card.frame
        # the card's parts, as the page's tests and the window reach them
        self.namings = self.naming_card.tree
        self.namings_summary = self.naming_card.summary
        self.namings_empty = self.naming_card.empty
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(12)
        middle.addWidget(party, 0)  # a line or two: the rest goes to the namings
        middle.addWidget(namings, 1)
        self.history_card = HistoryCard(self.show_conflicts)
        # the card's parts, as the tests reach them
        self.history, self.history_summary = self.history_card.tree, self.history_card.summary
        self.conflicts = self.history_card.conflicts
        middle_card = QWidget()
        middle_card.setLayout(middle)
        self.offices_card = unionoffices.OfficesCard()
        lower = self.cards = CardsArea([self.offices_card.frame, goals, middle_card,
                                        self.history_card.frame])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("union_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._split = False  # the table's share set once, when the page first has its height
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        lay.addLayout(self.top.grid)
        lay.addWidget(self.splitter, 1)

    # -- loading ----------------------------------------------------------------------------
    def shown_year(self) -> int:
        """The selected year, or the statistics year today falls in (the office's setting)."""
        return self.ctx.year or period.current_year()

    def _targets(self, year: int) -> tuple[dict | None, object]:
        try:
            return union.load_targets(self.ctx.paths.union_targets, year), ""
        except LaomoError as exc:
            return None, exc.message

    def _shown_for(self) -> tuple:
        """What the page shows depends on: the year, the targets, whether every year is
        selected, the language (the ledger's content is the stamp's)."""
        year = self.shown_year()
        targets, note = self._targets(year)
        return (year, repr(targets), str(note), bool(self.ctx.year), fmt.is_chinese())

    def mark_dirty(self, *_args) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        QWidget.showEvent(self, event)
        self._share()
        if self._dirty:
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.top.follow(self._top_width())
        self._share()

    def _top_width(self) -> int:
        margins = self.layout().contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _share(self) -> None:
        """The table first: three fifths of the height and five rows at least, the cards
        scroll in the rest (once, when the page first has its height; then as the user drags
        the splitter)."""
        room = self.splitter.height() - self.splitter.handleWidth()
        if not self._split and room > 0 and self.isVisible():
            self._split = True
            t = self.table
            five = (self.table.minimumHeight() + 2 * t.verticalHeader().defaultSectionSize()
                    + self.totals.sizeHint().height())
            upper = max(room * 3 // 5, min(five, room - self.cards.minimumHeight()))
            self.splitter.setSizes([upper, room - upper])

    def refresh(self) -> None:
        """Reload unless the page already shows this: the same year and targets, and nothing
        written to the ledger since (a re-open after another studio was looked at costs a
        check, not the figures of every studio again)."""
        if self._shown is not None and self._shown == (self._shown_for(), changes.stamp()):
            self._dirty = False
            return
        if self._loading is not None:  # done when the figures under way are in
            self._again = True
            return
        if worth_preparing():
            self._load_in_background()
        else:
            self.reload()

    def reload(self) -> None:
        self._dirty = False
        self._shown = None
        key = self._shown_for()
        before = changes.stamp()  # a write while loading: loaded again next time
        year = self.shown_year()
        targets, note = self._targets(year)
        self._apply(year, union.union_year(year, targets), note, (key, before))

    def prepare(self) -> None:
        """Add the figures up on a worker thread before the page is first shown."""
        if self._shown is None and self._loading is None:
            self._load_in_background()

    def _load_in_background(self) -> None:
        """union_year on a worker thread (its own connection); the page says what it does and
        shows the figures when they are in. A write meanwhile makes them stale: the stamp taken
        before says so, and the page loads again."""
        self._dirty = False
        key = self._shown_for()
        before = changes.stamp()
        year = self.shown_year()
        targets, note = self._targets(year)
        paths = self.ctx.paths
        self.busy.setText(tr("Adding up the figures of %1 studios…").replace(
            "%1", str(union.studio_count())))
        self.busy.setStyleSheet(f"color: {MUTED};")
        self.busy.show()
        self.empty.hide()

        def job() -> Job:
            yield Progress(0, 0)
            return union.union_year(year, targets)

        def done(data: dict) -> None:
            self._loading = None
            if self.ctx.paths is paths:  # not another ledger's figures
                self.busy.hide()
                self._apply(year, data, note, (key, before))
            self._then()

        def failed(exc: BaseException) -> None:
            self._loading = None
            if not isinstance(exc, LaomoError):  # a defect: recorded as any other
                sys.excepthook(type(exc), exc, exc.__traceback__)
            self.busy.setText(tr("The figures could not be added up: %1").replace(
                "%1", worded(exc.message) if isinstance(exc, LaomoError) else str(exc)))
            self.busy.setStyleSheet(f"color: {RED};")
            self._again = False

        self._loading = start_job(self, tr("Union overview"), "", job, done, on_failed=failed,
                                  cancellable=False, quiet=True)

    def _then(self) -> None:
        again, self._again = self._again, False
        if (again or self._dirty) and self.isVisible():
            self.refresh()

    def _apply(self, year: int, data: dict, note: object, shown_as: tuple) -> None:
        self.year = year
        self.data = data
        imported = union.imported_studios()
        sub = tr("%1 studios, %2 of them imported from their data packages").replace(
            "%1", str(len(data["studios"]))).replace("%2", str(len(imported)))
        if data["start"].endswith("-01-01"):
            self.heading.setText(tr("Union overview %1").replace("%1", fmt.period_label(year)))
        else:  # the office counts its year from another month: say which days it covers
            self.heading.setText(tr("Union overview, statistics year %1").replace(
                "%1", str(year)))
            sub = tr("Statistics year %1 (%2 to %3)").replace("%1", str(year)).replace(
                "%2", data["start"]).replace("%3", data["end"]) + " · " + sub
        if not self.ctx.year:
            sub += " · " + tr("all years are selected; showing the current year")
        self.subheading.setText(sub)
        came = offices.office_of(year)
        for row in data["studios"]:
            row["came_through"] = fmt.listed(came.get(row["uid"], ()))
        self.columns = unioncolumns.chosen()
        self.model.set_columns(self.columns.keys)
        notice = self.columns.notice()
        self.columns_notice.setText(tr("Some chosen columns are unknown to this version and "
                                       "were skipped: %1").replace(
            "%1", ", ".join(self.columns.skipped)) if notice else "")
        self.columns_notice.setVisible(notice is not None)
        self._fill_table(data["studios"], imported)
        self.offices_card.fill(offices.by_office(data["studios"], year, NUMERIC))
        own = offices.own_office()
        if own is not None:
            self.heading.setText(f"{shown(own.name)} · {self.heading.text()}")
        self._fill_goals(data, note)
        self._fill_party(data["coverage"])
        self.naming_card.fill(data)
        self._fill_history(data["studios"])
        self.cards.arrange()  # the offices' card shown or hidden: no gap where it was
        self.top.follow(self._top_width())  # the heading's text may have grown
        self._shown = shown_as

    def _fill_table(self, rows: list[dict], imported: dict) -> None:
        t = self.table
        self.model.set_rows(rows, imported, privacy.withheld_by_studio)
        if rows and not getattr(self, "_fitted", False):
            self._fitted = True
            t.resizeColumnsToContents()
            header = t.horizontalHeader()
            header.resizeSection(0, min(header.sectionSize(0) + 8, 16 * t.fontMetrics()
                                        .horizontalAdvance("工")))
            for c in range(1, t.columnCount()):
                header.resizeSection(c, max(56, min(header.sectionSize(c) + 8, 200)))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.totals.show_totals(self.model.columns, self.data["totals"])
        self.totals.setVisible(bool(rows))

    def _fill_goals(self, data: dict, note: str) -> None:
        own = offices.own_office()
        self.goals_card.fill(data["goals"], note, self.ctx.paths.union_targets,
                             own.level if own else None)

    def _fill_party(self, coverage: dict) -> None:
        lacking = coverage["lacking"]
        scope = coverage["scope"] if fmt.is_chinese() else fmt.choice_label(
            E.Level, coverage["min_level"])
        self.party_summary.setText(tr("%1 of %2 covered").replace(
            "%1", str(coverage["covered"])).replace("%2", str(coverage["total"])))
        if lacking:
            form = "✗ {}（{}）" if fmt.is_chinese() else "✗ {} ({})"
            lines = [form.format(shown(r["name"]), cell_text(r, "level")) for r in lacking]
            self.lacking.setText("\n".join(lines))
            self.lacking.setStyleSheet(f"color: {RED};")
        else:
            self.lacking.setText(tr("Every studio at %1 level or above has a party "
                                    "organisation.").replace("%1", scope))
            self.lacking.setStyleSheet(f"color: {GREEN};")

    def _fill_history(self, studios: list[dict]) -> None:
        self.history_card.fill(studios)

    # -- actions ----------------------------------------------------------------------------
    def uid_at(self, row: int) -> str | None:
        return self.model.uid_at(row)

    def _drill(self, row: int) -> None:
        uid = self.uid_at(row)
        if uid:
            self.open_studio.emit(uid)

    def edit_targets(self) -> None:
        """The year's targets in their editor; the comparison is redone as soon as they are
        saved."""
        from laomo_desktop.ui.dialogs.targets import edit_targets

        units = [r["host_unit"] for r in self.data.get("studios", ())]
        if edit_targets(self, self.ctx.paths.union_targets, self.year, units):
            self.reload()

    def edit_columns(self) -> None:
        """The union summary's columns in their dialog; the page follows once they are kept."""
        from laomo_desktop.ui.dialogs.unioncolumns import UnionColumnsDialog

        dlg = UnionColumnsDialog(self)
        try:
            if dlg.exec() == dlg.DialogCode.Accepted:
                self.reload()
        finally:
            dlg.deleteLater()

    def edit_office(self) -> None:
        dlg = unionoffices.OfficeDialog(self.ctx, self)
        try:
            if dlg.exec() == dlg.DialogCode.Accepted:
                self.reload()
        finally:
            dlg.deleteLater()

    def show_conflicts(self) -> None:
        dlg = ConflictsDialog(self.ctx, self)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()

    def _fill_drive_menu(self) -> None:
        self.drive_menu.clear()
        targets = drives.list_targets()
        for t in targets:
            # a drive's label is the stick's own: visible, and "&" is not a shortcut marker
            act = self.drive_menu.addAction(f"{shown(t.label).replace('&', '&&')} · "
                                            f"{drives.free_text(t)}")
            act.triggered.connect(lambda _c=False, root=t.root: self.import_from(str(root)))
        if not targets:
            self.drive_menu.addAction(tr("No drives found")).setEnabled(False)

    def import_from(self, start: str,
                    then: Callable[[list], None] | None = None) -> None:
        """Choose packages (the file dialog opens at `start`) and import them; the overview is
        reloaded once the import has ended, then `then` gets the outcomes (none chosen: [])."""
        files = choose_packages(self, start)
        if not files:
            if then is not None:
                then([])
            return

        def imported(outcomes: list) -> None:
            self.reload()
            if then is not None:
                then(outcomes)

        import_packages(self.ctx, self, files, imported)
