"""The small dialogs behind the File, Tools and Help menus: back up, restore, check the ledger,
settings and about.

Each public function takes the AppContext and the parent window and is modal. The modal pieces
are classes (RestoreDialog, SettingsDialog; the check's report is ui/dialogs/check.py) so tests
can drive them.
Backup, restore and the check are jobs (work.py) driven by tasks.start_job: a progress dialog
with Cancel, and their outcome handled on the GUI thread by a callback; each function returns at
once and says how it ended through `then`."""

from __future__ import annotations

import html
import platform
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import laomo_desktop
from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.store import backup
from laomo_desktop.store.backup import BackupInfo
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.health import LedgerProblem
from laomo_desktop.ui import fmt, i18n, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, ask, fail, inform, shown, tip, warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.widgets.unsaved import AsksBeforeDiscarding
from laomo_desktop.work import single_step

APP_NAME_ZH = "劳模创新工作室台账"
APP_NAME_EN = "Laomo Desktop"


def app_name() -> str:
    """The program's name as the chosen language says it."""
    return APP_NAME_ZH if fmt.is_chinese() else APP_NAME_EN


# -- formatting -------------------------------------------------------------------------------


def size_text(n: int) -> str:
    """A file size in KB (under 1 MB) or MB."""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024)):,} KB"
    return f"{n / 1024 / 1024:,.1f} MB"


def when_text(moment: datetime) -> str:
    """A UTC moment as local date and time in the chosen language."""
    local = moment.astimezone()
    return f"{fmt.date_text(local.date().isoformat())} {local:%H:%M:%S}"


def reason_text(info: BackupInfo) -> str:
    """Why the backup was made, in the chosen language (the store names it in both)."""
    return info.reason_label


def backup_label(info: BackupInfo) -> str:
    return fmt.noted(when_text(info.created), reason_text(info))


# -- File ▸ Back up now -----------------------------------------------------------------------
def _nothing(_outcome: object) -> None:
    pass


def backup_now(ctx: AppContext, parent: QWidget | None,
               then: Callable[[BackupInfo | None], None] = _nothing) -> None:
    """Take a manual backup and say where it went; `then` gets it, or None if it failed (the
    user was told) or was cancelled (no file is left)."""
    def done(info: BackupInfo) -> None:
        inform(
            parent, tr("Backup made"),
            tr("The ledger was backed up to the file “%1” (%2).\n\nBackups are kept in the "
               "folder %3.")
            .replace("%1", info.path.name).replace("%2", size_text(info.size))
            .replace("%3", str(ctx.paths.backups)))
        then(info)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        warn(parent, tr("Backup failed"), exc.message)
        then(None)

    start_job(parent, tr("Back up"), tr("Backing up the ledger…"),
              lambda: backup.take_backup_steps(ctx.paths, "manual"), done,
              on_failed=failed, on_cancelled=lambda: then(None))


# -- File ▸ Restore from a backup -------------------------------------------------------------
class RestoreDialog(QDialog):
    """Choose a backup to go back to: the kept backups newest first, or any other file."""

    def __init__(self, backups: list[BackupInfo], backups_dir: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore from a backup"))
        self.backups_dir = backups_dir
        self.other_file: Path | None = None

        intro = QLabel(tr(
            "Choose the backup to go back to. The ledger will then hold exactly what it held "
            "when that backup was made. The current ledger is backed up first, so you can "
            "return to it later."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName(tr("Backups"))
        self.list.setHeaderLabels([tr("Made at"), tr("Size"), tr("Kind")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for info in sorted(backups, key=lambda b: b.created, reverse=True):
            item = QTreeWidgetItem([when_text(info.created), size_text(info.size),
                                    reason_text(info)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            item.setToolTip(0, tip(info.path.name))
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.list.fontMetrics()
        for col in (1, 2):  # fixed to their widest text, with room to breathe
            texts = [self.list.headerItem().text(col)] + [
                self.list.topLevelItem(i).text(col) for i in range(self.list.topLevelItemCount())]
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.list.setColumnWidth(col, max(metrics.horizontalAdvance(t) for t in texts) + 32)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())

        self.empty = QLabel(tr("There are no backups yet. Use “Choose another file…” to restore "
                               "from a backup file kept elsewhere."))
        self.empty.setObjectName("no_backups")
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)
        self.list.setVisible(bool(backups))

        self.other = QPushButton(tr("Choose another file…"))
        self.other.setObjectName("other_file")
        self.other.setAutoDefault(False)
        self.other.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(tr("Restore…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty)
        lay.addStretch(0 if backups else 1)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addStretch(1)
        row.addWidget(buttons)
        lay.addLayout(row)

        self.list.currentItemChanged.connect(self._update)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update()
        self.resize(640, 420)

    def _update(self, *_args) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def selected_backup(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_path(self) -> Path | None:
        if self.other_file is not None:
            return self.other_file
        info = self.selected_backup()
        return info.path if info else None

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a backup file"), str(self.backups_dir),
            tr("Ledger backups (*.sqlite3 *.db);;All files (*)"))
        if name:
            self.other_file = Path(name)
            self.accept()


def restore_from_backup(ctx: AppContext, parent: QWidget | None,
                        then: Callable[[bool], None] = _nothing) -> None:
    """Let the user pick a backup and restore it; `then(True)` once the ledger was restored,
    `then(False)` when it was not (chosen not to, refused, failed or cancelled)."""
    dlg = RestoreDialog(backup.list_backups(ctx.paths), ctx.paths.backups, parent)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return then(False)
        path = dlg.selected_path()
        chosen = dlg.selected_backup() if dlg.other_file is None else None
    finally:
        dlg.deleteLater()
    if path is None:
        return then(False)
    what = backup_label(chosen) if chosen else f"“{path.name}”"
    title = tr("Restore from a backup")

    def checked(_version: int) -> None:
        if not ask(
            parent, title,
            tr("Go back to the backup of %1?\n\nEverything entered since then will no longer be "
               "in the ledger. The current ledger is backed up first, so you can return to it by "
               "restoring that backup.").replace("%1", what)):
            return then(False)
        start_job(parent, title, tr("Restoring the ledger…"),
                  lambda: backup.restore_backup_steps(ctx.paths, path), restored,
                  on_failed=restore_failed, on_cancelled=lambda: then(False))

    def refused(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        warn(parent, tr("Cannot restore this backup"), exc.message)
        then(False)

    def restored(before: BackupInfo) -> None:
        ctx.undo_stack.clear()
        ctx.changed()
        inform(
            parent, tr("Ledger restored"),
            tr("The ledger now holds the backup of %1.\n\nWhat it held just before was saved as "
               "the backup “%2”; restore that one to undo this.")
            .replace("%1", what).replace("%2", before.path.name))
        then(True)

    def restore_failed(exc: BaseException) -> None:
        if isinstance(exc, LedgerProblem):  # too damaged to be backed up: restore over it
            return _restore_over_damaged(ctx, parent, path, what, exc, then)
        if not isinstance(exc, LaomoError):
            raise exc
        warn(parent, tr("Restore failed"), exc.message)
        then(False)

    # a damaged or foreign file is refused before the user is asked anything
    start_job(parent, title, tr("Checking the backup…"),  # quick_check has no steps to stop at
              lambda: single_step(lambda: backup.verify_backup(path)), checked,
              on_failed=refused, cancellable=False)
    return None


def _restore_over_damaged(ctx: AppContext, parent: QWidget | None, path: Path, what: str,
                          problem: LedgerProblem, then: Callable[[bool], None]) -> None:
    """The open ledger is damaged: it is closed, moved aside as it is, and the backup put in its
    place (it cannot be backed up through SQLite first). The copy runs as a job, the window
    disabled meanwhile (no page may read the closed ledger); `then` gets whether it was done."""
    window = parent.window() if parent is not None else None
    close_ledger()
    if window is not None:
        window.setEnabled(False)

    def reopen() -> bool:
        if window is not None:
            window.setEnabled(True)
        try:
            open_ledger(ctx.paths, program="gui")
        except LaomoError as exc:
            fail(parent, tr("Cannot open the ledger"), exc.message)
            return False
        return True

    def restored(moved: list[Path]) -> None:
        if not reopen():
            return then(False)
        ctx.undo_stack.clear()
        ctx.changed()
        inform(parent, tr("Ledger restored"),
               tr("The ledger now holds the backup of %1.").replace("%1", what) + "\n\n"
               + tr("The previous file was damaged; it was kept, unchanged, as:") + "\n"
               + "\n".join(str(m) for m in moved))
        then(True)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, LaomoError):
            warn(parent, tr("Restore failed"), exc.message)
        reopen()
        then(False)
        if not isinstance(exc, LaomoError):
            raise exc

    start_job(parent, tr("Restore from a backup"), tr("Restoring the ledger…"),
              lambda: single_step(lambda: backup.restore_over(ctx.paths, path, problem.kind)),
              restored, on_failed=failed, cancellable=False)


# -- Tools ▸ Check the ledger -----------------------------------------------------------------
def open_data_folder(ctx: AppContext) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.paths.root)))


# -- Tools ▸ Settings -------------------------------------------------------------------------
class SettingsDialog(AsksBeforeDiscarding, QDialog):
    """Language and backup policy (declared.LANGUAGE, declared.BACKUP_ON_CLOSE)."""

    def __init__(self, settings: QSettings, backups_dir: Path | None = None,
                 parent: QWidget | None = None, templates_dir: Path | None = None):
        from laomo_desktop.ui.dialogs.musthaveset import MustHaveSetBox

        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settings_dialog")
        self.setWindowTitle(tr("Settings"))

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():  # each language named in itself
            self.language.addItem(name, code)
        current = prefs.read(settings, declared.LANGUAGE)
        self.language.setCurrentIndex(max(self.language.findData(current),
                                          self.language.findData(i18n.DEFAULT)))
        self.initial_language = self.language.currentData()

        self.backup_on_close = QCheckBox(tr("Back up the ledger every time the program closes"))
        self.backup_on_close.setObjectName("backup_on_close")
        self.backup_on_close.setChecked(prefs.read(settings, declared.BACKUP_ON_CLOSE))

        general = QGroupBox(tr("Display"))
        form = QFormLayout(general)
        form.addRow(tr("Language:"), self.language)
        backups = QGroupBox(tr("Backups"))
        blay = QVBoxLayout(backups)
        blay.addWidget(self.backup_on_close)
        if backups_dir is not None:
            where = DataLabel(tr("Backups are kept in %1; older ones are thinned out to one "
                                 "per day, week and month.").replace("%1", str(backups_dir)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            blay.addWidget(where)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self.must_haves = MustHaveSetBox(settings, templates_dir)  # the union's set

        lay = QVBoxLayout(self)
        lay.addWidget(general)
        lay.addWidget(backups)
        lay.addWidget(self.must_haves)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.resize(560, max(280, self.sizeHint().height()))  # room for the must-have set
        self.remember_state()

    def form_state(self) -> tuple:
        return (self.language.currentData(), self.backup_on_close.isChecked(),
                self.must_haves.chosen())

    def accept(self) -> None:
        """A must-have set that cannot be used is refused with why; the dialog stays open and
        the set chosen before stays in force."""
        problem = self.must_haves.check()
        if problem:
            warn(self, tr("Must-have set"), problem)
            return
        super().accept()

    def save(self) -> bool:
        """Store the choices; True if the language changed."""
        code = self.language.currentData()
        prefs.write(self.settings, declared.LANGUAGE, code)
        prefs.write(self.settings, declared.BACKUP_ON_CLOSE, self.backup_on_close.isChecked())
        self.must_haves.save()
        self.settings.sync()
        return code != self.initial_language


def settings_dialog(ctx: AppContext, parent: QWidget | None) -> bool:
    """Show the settings; True if the language changed (the caller re-creates its window)."""
    dlg = SettingsDialog(ctx.settings, ctx.paths.backups, parent, ctx.paths.templates)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        return dlg.save()
    finally:
        dlg.deleteLater()


# -- Help ▸ About -----------------------------------------------------------------------------
def about_text(ctx: AppContext) -> str:
    e = html.escape
    version = tr("Version %1").replace("%1", laomo_desktop.__version__)
    blurb = tr("The ledger of a model-worker innovation studio. It works offline; the data "
               "stays on this computer.")
    folder = tr("Data folder:")
    from laomo_desktop.ui.dialogs.exchange import installation_fingerprint_text

    key = tr("Signing-key fingerprint of this computer (for data packages):")
    name = f"{APP_NAME_ZH}<br>{APP_NAME_EN}" if fmt.is_chinese() else APP_NAME_EN
    return (f"<h3>{name}</h3>"
            f"<p>{e(version)}</p><p>{e(blurb)}</p>"
            f"<p>{e(folder)}<br><code>{e(shown(str(ctx.paths.root)))}</code></p>"
            f"<p>{e(key)}<br><code>{e(installation_fingerprint_text(ctx.paths))}</code></p>"
            f"<p><small>Qt {e(qVersion())} · PySide6 {e(PySide6.__version__)} · "
            f"Python {e(platform.python_version())}</small></p>")


def about_dialog(ctx: AppContext, parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setObjectName("about")
    box.setWindowTitle(tr("About %1").replace("%1", app_name()))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(ctx))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    try:
        box.exec()
    finally:
        box.deleteLater()
