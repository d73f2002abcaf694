"""The main window: studio and year at the top, sections on the left, menus. It only wires the
pages together; each page does its own work.

A start shows the window before the ledger is opened: built with `fill=False` it is the frame
(title, menus, the sections), which needs neither peewee nor the models; `fill()` then shows the
section and the studios from the opened ledger (ui/app.py calls it after the first paint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ui import fmt, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.sections import SECTIONS, Section
from laomo_desktop.ui.plain import DataLabel, shown, warn
from laomo_desktop.ui.window import screenfit
from laomo_desktop.ui.window.commands import MenuCommands
from laomo_desktop.ui.window.sectionkeys import SectionKeys

if TYPE_CHECKING:
    from laomo_desktop.ui.dialogs.welcome import WelcomePage

# The pages, the record form and the first-run page are imported when first needed: with their
# tables, editors and dialogs they are a good part of a start, and a start shows one page. So are
# the ledger's modules (records, queries, studios, backup): the frame is painted before them.
REDO_KEYS = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]  # the menu shows the first


class MainWindow(MenuCommands, QMainWindow):
    language_changed = Signal()

    def __init__(self, ctx: AppContext, *, fill: bool = True):
        super().__init__()
        self.ctx = ctx
        self._demo_job = None  # the demo loading, while it runs
        self.setObjectName("main_window")
        self.setWindowTitle(tr("Studio Ledger — Laomo Desktop"))
        # no minimum of its own: its pages' layouts set it, small enough for a 768-pixel screen
        # at 125 %; this and every dialog are kept inside the screen when shown
        screenfit.install()
        self.closing_for_rebuild = False
        self.read_only = False  # show_read_only: the ledger cannot be written
        self.filled = False  # fill(): the section and the studios are shown (the ledger is open)

        self.root = QStackedWidget()
        self._welcome: WelcomePage | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(tr("Sections"))
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               "QListWidget#navigation::item { padding: 5px 10px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # built when first opened: a quicker start
        for s in SECTIONS:
            self.nav.addItem(s.shown_title())
        self.nav.currentRowChanged.connect(self._show_section)
        self.splitter = QSplitter()
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1000])
        self.root.addWidget(self.splitter)
        self.setCentralWidget(self.root)

        self._build_toolbar()
        self._build_menus()
        self.root.currentChanged.connect(lambda _i: self.section_keys.update())
        self.statusBar().addPermanentWidget(DataLabel(str(ctx.paths.root)))
        ctx.navigate_requested.connect(self.navigate)
        ctx.ledger_changed.connect(self._refresh_studios_if_needed)
        self._restore_state()
        if fill:
            self.fill()

    def fill(self) -> None:
        """Show what needs the open ledger: the section last shown and the studios (or the
        first-run page). Until then the window is its frame, the section only marked."""
        self.filled = True
        self._show_section(self.nav.currentRow())
        self.refresh_studios()
        QTimer.singleShot(0, self, self._prepare_union)

    def _prepare_union(self) -> None:
        """A province office (hundreds of studios): once the window is up, the union overview
        adds its figures up on a worker thread, so that opening it shows them at once."""
        from laomo_desktop.store.database import current

        if current() is None or "union" in self.pages:
            return
        from laomo_desktop.ui.pages import union

        if union.worth_preparing():
            self.page("union").prepare()

    # -- building ---------------------------------------------------------------------------
    @property
    def welcome(self) -> WelcomePage:
        """The first-run page, built only when there is no studio yet."""
        if self._welcome is None:
            from laomo_desktop.ui.dialogs.welcome import WelcomePage

            self._welcome = WelcomePage(self.ctx.paths)
            self._welcome.studio_created.connect(self.studio_created)
            self._welcome.demo_requested.connect(self.load_demo)
            self._welcome.import_requested.connect(self.import_packages)
            self.root.addWidget(self._welcome)
        return self._welcome

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            page = self._make_page(next(s for s in SECTIONS if s.key == key))
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _show_section(self, row: int) -> None:
        if self.filled and 0 <= row < len(SECTIONS):
            self.stack.setCurrentWidget(self.page(SECTIONS[row].key))
            self.section_keys.update()

    def _make_page(self, s: Section) -> QWidget:
        if s.key == "dashboard":
            from laomo_desktop.ui.pages.dashboard import DashboardPage

            return DashboardPage(self.ctx)
        if s.key in ("recycle", "audit"):
            from laomo_desktop.ui.pages.binlog import AuditPage, RecycleBinPage

            return RecycleBinPage(self.ctx) if s.key == "recycle" else AuditPage(self.ctx)
        if s.kind and kinds.rules(s.kind).is_file:
            from laomo_desktop.ui.pages.attachments import AttachmentSectionPage

            return AttachmentSectionPage(self.ctx, s)
        if s.kind and kinds.rules(s.kind).checklist:  # notices: their items under the table
            from laomo_desktop.ui.pages.notices import NoticeSectionPage

            return NoticeSectionPage(self.ctx, s)
        if s.kind and kinds.rules(s.kind).leader_first:  # the kind the leader is one of
            from laomo_desktop.ui.pages.members import MemberSectionPage

            return MemberSectionPage(self.ctx, s)
        if s.key == "reports":  # loads Qt PDF and the report writers: only when first opened
            from laomo_desktop.ui.pages.reports import ReportsPage

            return ReportsPage(self.ctx)
        if s.key == "union":  # loads exchange/ (and its crypto): only when first opened
            from laomo_desktop.ui.pages.union import UnionPage

            page = UnionPage(self.ctx)
            page.open_studio.connect(self.drill_down)
            return page
        from laomo_desktop.ui.pages.section import SectionPage

        return SectionPage(self.ctx, s)

    def _build_toolbar(self) -> None:
        self.studio_bar = bar = QToolBar(tr("Studio"))
        bar.setObjectName("studio_toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addWidget(QLabel(tr("Studio:") + " "))
        self.studio_box = QComboBox()
        self.studio_box.setObjectName("studio_switcher")
        self.studio_box.setAccessibleName(tr("Studio"))
        self.studio_box.setMinimumContentsLength(18)
        self.studio_box.currentIndexChanged.connect(self._studio_picked)
        bar.addWidget(self.studio_box)
        bar.addSeparator()
        bar.addWidget(QLabel(" " + tr("Year:") + " "))
        self.year_box = QComboBox()
        self.year_box.setObjectName("year_selector")
        self.year_box.setAccessibleName(tr("Year"))
        self.year_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box.currentIndexChanged.connect(self._year_picked)
        bar.addWidget(self.year_box)
        bar.addSeparator()
        profile = QAction(tr("Studio profile…"), self)
        profile.triggered.connect(self.edit_studio)
        bar.addAction(profile)

    def _build_menus(self) -> None:
        def dialogs():  # loaded when a menu item is first used: a quicker start
            from laomo_desktop.ui.dialogs import menus as module

            return module

        m = self.menuBar().addMenu(tr("&File"))
        self._action(m, tr("New studio…"), self.new_studio)
        m.addSeparator()
        self.export_action = self._action(m, tr("Export data package…"), self.export_package)
        self._action(m, tr("Import data packages…"), lambda: self.import_packages())
        self.excel_action = self._action(m, tr("Import from Excel…"), self.import_excel)
        m.addSeparator()
        self._action(m, tr("Back up now"), lambda: dialogs().backup_now(self.ctx, self))
        self._action(m, tr("Restore from a backup…"),
                     lambda: dialogs().restore_from_backup(
                         self.ctx, self, lambda ok: ok and self.refresh_studios()))
        self._action(m, tr("Open the data folder"), lambda: dialogs().open_data_folder(self.ctx))
        m.addSeparator()
        self._action(m, tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        e = self.menuBar().addMenu(tr("&Edit"))
        e.setToolTipsVisible(True)  # the redo item's tooltip names its second key
        undo_action = self.ctx.undo_stack.createUndoAction(self, tr("Undo"))
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        # Qt's own Redo key is Ctrl+Y on Windows but Ctrl+Shift+Z on Linux: both, everywhere
        self.redo_action = redo_action = self.ctx.undo_stack.createRedoAction(self, tr("Redo"))
        redo_action.setShortcuts(REDO_KEYS)
        redo_action.setToolTip(tr("Redo (Ctrl+Y or Ctrl+Shift+Z)"))
        redo_action.setStatusTip(tr("Redo (Ctrl+Y or Ctrl+Shift+Z)"))
        e.addAction(undo_action)
        e.addAction(redo_action)
        e.addSeparator()
        self.section_keys = SectionKeys(self, e)
        self.record_actions = self.section_keys.actions
        e.addSeparator()
        self._action(e, tr("Find in the whole ledger…"), self.global_search,
                     QKeySequence("Ctrl+Shift+F"))
        t = self.menuBar().addMenu(tr("&Tools"))
        self._action(t, tr("Check the ledger"), self.check_ledger)
        self._action(t, tr("Statistics year starts in…"), self.change_year_start)
        self._action(t, tr("Settings…"), self.open_settings)
        h = self.menuBar().addMenu(tr("&Help"))
        self._action(h, tr("About"), lambda: dialogs().about_dialog(self.ctx, self))

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    # -- state ------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        geometry = prefs.read(s, declared.WINDOW_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)  # from another screen maybe: shown, it is kept on this
        else:
            screenfit.fit_size(self, 1280, 760)
        splitter = prefs.read(s, declared.WINDOW_SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.nav.setCurrentRow(prefs.read(s, declared.WINDOW_SECTION))

    def save_state(self) -> None:
        s = self.ctx.settings
        prefs.write(s, declared.WINDOW_GEOMETRY, self.saveGeometry())
        prefs.write(s, declared.WINDOW_SPLITTER, self.splitter.saveState())
        prefs.write(s, declared.WINDOW_SECTION, self.nav.currentRow())
        for page in self.pages.values():
            if hasattr(page, "save_columns"):  # a section's table (no import at closing)
                page.save_columns()
        s.sync()

    def show_read_only(self, message: str) -> None:
        """A ledger that cannot be written: say so in the title and above the pages."""
        self.read_only = True
        self.setWindowTitle(tr("Studio Ledger — Laomo Desktop") + tr(" (read-only)"))
        banner = DataLabel(message)
        banner.setObjectName("read_only_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet("QLabel#read_only_banner { background: #fff4ce; color: #3b2f00; "
                             "padding: 6px 10px; border-bottom: 1px solid #e0c97a; }")
        self.statusBar().showMessage(message)
        central = self.centralWidget()
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(banner)
        lay.addWidget(central, 1)
        self.setCentralWidget(holder)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_state()
        if (not self.closing_for_rebuild and prefs.read(self.ctx.settings, declared.BACKUP_ON_CLOSE)
                and self.studio_box.count() and not self.read_only):
            self.statusBar().showMessage(tr("Backing up…"))
            from laomo_desktop.store import backup

            try:
                backup.auto_backup(self.ctx.paths)
            except LaomoError as exc:
                warn(self, tr("Backup failed"), exc.message)
        super().closeEvent(event)

    # -- studios and years --------------------------------------------------------------------
    def refresh_studios(self, select: str | None = None) -> None:
        from laomo_desktop.ledger.studios import list_studios

        studios = list_studios()
        wanted = select or self.ctx.studio_uid or prefs.read(self.ctx.settings,
                                                                    declared.LAST_STUDIO)
        self.studio_box.blockSignals(True)
        self.studio_box.clear()
        for s in studios:
            self.studio_box.addItem(shown(s["name"]), s["uid"])
        i = max(self.studio_box.findData(wanted), 0)
        self.studio_box.setCurrentIndex(i if studios else -1)
        self.studio_box.blockSignals(False)
        self._known = {s["uid"] for s in studios}
        self.studio_bar.setVisible(bool(studios))
        if not studios:
            self.ctx.set_studio("")
            self.export_action.setEnabled(False)
            self.root.setCurrentWidget(self.welcome)
            return
        self.root.setCurrentWidget(self.splitter)
        self._studio_picked(self.studio_box.currentIndex())

    def _refresh_studios_if_needed(self) -> None:
        from laomo_desktop.ledger.studios import list_studios

        names = {s["uid"]: s["name"] for s in list_studios()}
        shown = {self.studio_box.itemData(i): self.studio_box.itemText(i)
                 for i in range(self.studio_box.count())}
        if names != shown:
            self.refresh_studios()

    def _studio_picked(self, index: int) -> None:
        from laomo_desktop.ledger.studios import studio_is_imported

        uid = self.studio_box.itemData(index) if index >= 0 else ""
        self._fill_years(uid or "")
        self.ctx.set_studio(uid or "")
        self.export_action.setEnabled(bool(uid) and not studio_is_imported(uid or ""))

    def _fill_years(self, studio_uid: str) -> None:
        """The statistics years of the ledger's studios (a union office picks any year it
        holds), each named as the union names it (the ledger's setting decides the months)."""
        from laomo_desktop.ledger import queries as Q
        from laomo_desktop.ledger.period import current_year

        this_year = current_year()
        years = set(Q.years_with_data(None))
        years.add(this_year)
        last = prefs.read(self.ctx.settings, declared.LAST_YEAR)  # 0: all years
        wanted = self.ctx.year or (this_year if last is None else last)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(tr("All years"), 0)
        for y in sorted(years, reverse=True):
            self.year_box.addItem(fmt.period_label(y), y)
        i = self.year_box.findData(wanted)
        self.year_box.setCurrentIndex(i if i >= 0 else self.year_box.findData(this_year))
        self.year_box.blockSignals(False)
        self._year_picked(self.year_box.currentIndex())

    def _year_picked(self, index: int) -> None:
        self.ctx.set_year(int(self.year_box.itemData(index) or 0))

    # -- actions ------------------------------------------------------------------------------
    def studio_created(self, uid: str) -> None:
        self.refresh_studios(select=uid)
        self.nav.setCurrentRow(0)

    def new_studio(self) -> None:
        from laomo_desktop.ledger import kinds
        from laomo_desktop.ledger import records as R
        from laomo_desktop.ui.dialogs.record import RecordDialog
        from laomo_desktop.ui.system import undo

        dlg = RecordDialog(self.ctx.paths, "studio", "", None,
                           lambda v: R.create("studio", None, v), parent=self,
                           defaults=dict(kinds.rules("studio").defaults))  # a category
        if dlg.exec() and dlg.saved:
            self.ctx.undo_stack.push(undo.created(self.ctx, "studio", dlg.saved,
                                                  tr("New studio…")))
            self.refresh_studios(select=dlg.saved["uid"])
            self.navigate("member", "")

    def edit_studio(self) -> None:
        uid = self.ctx.studio_uid
        if not uid:
            return
        from laomo_desktop.ledger import records as R
        from laomo_desktop.ledger.studios import studio_is_imported
        from laomo_desktop.ui.dialogs.record import RecordDialog
        from laomo_desktop.ui.pages.section import make_read_only, refuse_edit
        from laomo_desktop.ui.system import undo

        before = R.get("studio", uid)
        if studio_is_imported(uid):  # the studio's own packages change it, nothing else
            dlg = make_read_only(RecordDialog(self.ctx.paths, "studio", uid, before, refuse_edit,
                                              parent=self))
            dlg.exec()
            return
        dlg = RecordDialog(self.ctx.paths, "studio", uid, before,
                           lambda v: R.update("studio", uid, v,
                                              expected_version=before["version"]), parent=self)
        if dlg.exec() and dlg.saved:
            if dlg.saved["version"] != before["version"]:
                self.ctx.undo_stack.push(undo.edited(self.ctx, "studio", before, dlg.saved,
                                                     tr("Studio profile…")))
            self.ctx.changed()

    def navigate(self, section: str, uid: str) -> None:
        if section == "studio":
            self.edit_studio()
            return
        if section == "export":  # a reminder: no package sent this quarter
            self.export_package()
            return
        keys = [s.key for s in SECTIONS]
        if section not in keys:
            return
        if section == "reports":  # uid names the document to open, e.g. "assessment"
            self.nav.setCurrentRow(keys.index(section))
            self.page(section).open_document(uid)
            return
        if uid and self.ctx.year:
            self.year_box.setCurrentIndex(0)  # the record may be in another year
        self.nav.setCurrentRow(keys.index(section))
        page = self.page(section)
        from laomo_desktop.ui.pages.section import SectionPage

        if uid and isinstance(page, SectionPage):
            page.reload()
            if page.select_uid(uid) and page.edit_on_navigate:
                page.edit_uid(uid)

    def drill_down(self, uid: str) -> None:
        """From the union overview into one studio: its overview page, for the same year."""
        if self.studio_box.findData(uid) < 0:
            self.refresh_studios(select=uid)
        self.studio_box.setCurrentIndex(max(self.studio_box.findData(uid), 0))
        self.nav.setCurrentRow([s.key for s in SECTIONS].index("dashboard"))

    def bring_to_front(self) -> None:
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                            | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()
