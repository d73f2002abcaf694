"""The commands behind the main window's menus that open a dialog or start a job: export,
import, search, settings, the check, the statistics year, the sample data. A mixin of
MainWindow (ui/window/mainwindow.py), which keeps the frame, the pages and the studio and year
selectors; each command loads its dialog when first used, for a quicker start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from laomo_desktop.errors import LaomoError
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.plain import warn


class MenuCommands:
    """Mixed into MainWindow: uses its ctx, nav, statusBar, refresh_studios, _fill_years and
    language_changed."""

    def export_package(self) -> None:
        from laomo_desktop.ledger import records as R
        from laomo_desktop.ledger.studios import studio_is_imported
        from laomo_desktop.ui.dialogs.exchange import export_dialog

        if self.ctx.studio_uid and studio_is_imported(self.ctx.studio_uid):
            QMessageBox.information(self, tr("Export data package"), str(R.READ_ONLY))
            return
        export_dialog(self.ctx, self)

    def import_packages(self, then: Callable[[list], None] | None = None) -> None:
        """File ▸ Import: also from the first-run page of an empty union office ledger. Once
        the import has ended, the overview is shown if anything came in; then `then(outcomes)`."""
        from laomo_desktop.ui.dialogs.imports import choose_packages, import_packages

        def imported(outcomes: list) -> None:
            if any(s == "imported" for _, s, _ in outcomes):
                self.refresh_studios()
                self.nav.setCurrentRow([s.key for s in SECTIONS].index("union"))
            if then is not None:
                then(outcomes)

        files = choose_packages(self)
        if files:
            import_packages(self.ctx, self, files, imported)
        else:
            imported([])

    def import_excel(self) -> None:
        """File ▸ Import from Excel…: an old Excel ledger's rows into the chosen studio."""
        from laomo_desktop.ui.dialogs.excelimport import excel_import

        excel_import(self.ctx, self)

    def global_search(self) -> None:
        from laomo_desktop.ui.window.search import SearchDialog

        SearchDialog(self.ctx, self).exec()

    def open_settings(self) -> None:
        from laomo_desktop import settings as declared
        from laomo_desktop.ui import prefs
        from laomo_desktop.ui.dialogs import menus as dialogs

        must_haves = prefs.read(self.ctx.settings, declared.MUST_HAVE_SET)
        if dialogs.settings_dialog(self.ctx, self):
            self.language_changed.emit()
        elif prefs.read(self.ctx.settings, declared.MUST_HAVE_SET) != must_haves:
            self.ctx.ledger_changed.emit()  # the overview checks against the new set

    def check_ledger(self) -> None:
        """Tools ▸ Check the ledger (its dialog loaded when first used: a quicker start)."""
        from laomo_desktop.ui.dialogs.check import check_ledger_dialog

        check_ledger_dialog(self.ctx, self)

    def change_year_start(self) -> None:
        """Tools ▸ Statistics year starts in…: after a change the selector's years and names,
        and every page, follow at once."""
        from laomo_desktop.ledger.period import current_year
        from laomo_desktop.ui.dialogs.yearstart import change_year_start

        if change_year_start(self.ctx, self):
            self._fill_years(self.ctx.studio_uid)
            self.ctx.changed()
            self.statusBar().showMessage(tr("The statistics year has changed, for example: %1").replace(
                "%1", fmt.period_label(self.ctx.year or current_year())), 8000)

    def load_demo(self) -> None:
        from laomo_desktop.ledger import demo
        from laomo_desktop.ui.system.tasks import start_job

        self._demo_job = start_job(self, tr("Sample data"), tr("Loading sample data…"),
                                   lambda: demo.generate(3, 3), self._demo_ended,
                                   on_failed=self._demo_failed,
                                   on_cancelled=self._demo_ended)

    def _demo_ended(self, _result=None) -> None:
        self._demo_job = None
        self.refresh_studios()

    def _demo_failed(self, exc: BaseException) -> None:
        warn(self, tr("Sample data not loaded"),
             exc.message if isinstance(exc, LaomoError) else str(exc))
        self._demo_ended()
