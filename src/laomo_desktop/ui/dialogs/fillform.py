"""Fill a union's own form (报表 ▸ 填写单位表单…): pick a form from the data folder's forms/ (or
a shipped example, or any file), a year, this studio or every studio, and the union's file-name
pattern; the form is filled off the GUI thread (reports/forms.py) and saved. Filling for every
studio shows progress and can be cancelled, leaving no file behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import formfields
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import leader_today
from laomo_desktop.reports import forms
from laomo_desktop.store import blobs
from laomo_desktop.texts import worded
from laomo_desktop.ui import prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.formfields import FieldsHelp
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import inform, shown, warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.work import Progress

MUTED = "color: #6b7280;"


def _button(text: str, name: str, slot) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.clicked.connect(slot)
    return b


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, LaomoError):
        return exc.message
    if isinstance(exc, OSError):
        return tr("The form could not be saved: %1. If the file is open in Word, Excel or WPS, "
                  "close it first, or choose another folder, and try again.").replace(
            "%1", worded(blobs.describe_os_error(exc)))
    return str(exc)


class FillFormDialog(QDialog):
    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._job = None
        self.setObjectName("fill_form")
        self.setWindowTitle(tr("Fill a union form"))
        intro = QLabel(tr("Fills a union's own Word (.docx) or Excel (.xlsx) form from the "
                          "ledger. Put the union's forms in the forms folder of the data "
                          "folder, or choose a file."))
        intro.setWordWrap(True)
        self.form_list = QListWidget()
        self.form_list.setObjectName("form_list")
        self.form_list.setAccessibleName(tr("Forms"))
        self.form_list.currentItemChanged.connect(lambda *_: self._update())
        pick = QHBoxLayout()
        for b in (_button(tr("Choose a file…"), "choose_form_file", self.choose_file),
                  _button(tr("Open the forms folder"), "open_forms_folder", self.open_folder),
                  _button(tr("Form fields…"), "show_form_fields", self.show_fields)):
            pick.addWidget(b)
        pick.addStretch(1)

        self.year = QSpinBox()
        self.year.setObjectName("form_year")
        self.year.setRange(1990, 2100)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._update)
        self.studio = QLabel()
        self.studio.setObjectName("form_studio")
        self.all_studios = QCheckBox(tr("Fill one for every studio of the ledger (union office)"))
        self.all_studios.setObjectName("form_all_studios")
        self.all_studios.toggled.connect(self._update)
        self.pattern = QLineEdit(prefs.read(ctx.settings, declared.FORM_FILE_NAME))
        self.pattern.setObjectName("form_file_name")
        self.pattern.setToolTip(tr("{工作室名称} {年度} {表单名称} {领衔人} {所在单位} stand for "
                                   "their values."))
        self.pattern.textChanged.connect(self._update)
        self.name_preview = QLabel()
        self.name_preview.setObjectName("form_name_preview")
        self.name_preview.setStyleSheet(MUTED)
        self.name_preview.setTextFormat(Qt.TextFormat.PlainText)
        options = QFormLayout()
        options.addRow(tr("Year:"), self.year)
        options.addRow(tr("Studio:"), self.studio)
        options.addRow("", self.all_studios)
        options.addRow(tr("File name:"), self.pattern)
        options.addRow("", self.name_preview)

        self.fill_button = _button(tr("Fill and save…"), "fill_form_button", self.fill)
        self.fill_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.fill_button)
        bottom.addWidget(_button(tr("Close"), "close_fill_form", self.reject))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.form_list, 1)
        lay.addLayout(pick)
        lay.addLayout(options)
        lay.addLayout(bottom)
        self.resize(640, 520)
        self.reload_forms()

    # -- choosing -----------------------------------------------------------------------------
    def reload_forms(self, select: Path | None = None) -> None:
        keep = select or self.chosen_form()
        self.form_list.clear()
        for f in forms.list_forms(self.ctx.paths):
            where = tr("forms folder") if f.source == "data" else tr("example")
            self._add(f.path, f"{f.path.name}  ({where})")
        if keep is not None and self._find(keep) < 0:
            chosen = tr("chosen file")
            self._add(keep, f"{keep.name}  ({chosen})")
        found = self._find(keep) if keep is not None else -1
        self.form_list.setCurrentRow(found if found >= 0 else 0)
        self._update()

    def _add(self, path: Path, text: str) -> None:
        item = QListWidgetItem(shown(text))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(shown(str(path)))
        self.form_list.addItem(item)

    def _find(self, path: Path) -> int:
        for i in range(self.form_list.count()):
            if Path(self.form_list.item(i).data(Qt.ItemDataRole.UserRole)) == path:
                return i
        return -1

    def chosen_form(self) -> Path | None:
        item = self.form_list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a form"), str(self.ctx.paths.forms if self.ctx.paths.forms.is_dir()
                                           else Path.home()),
            tr("Word or Excel forms (*.docx *.xlsx)"))
        if name:
            self.reload_forms(Path(name))

    def open_folder(self) -> None:
        try:
            self.ctx.paths.forms.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            warn(self, tr("Fill a union form"), failure_text(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.forms)))

    def show_fields(self) -> None:
        uid, year = self.ctx.studio_uid, self.year.value()
        values, about = None, tr("Examples are typical values; choose a studio to see its own.")
        if uid:
            try:
                values = formfields.context(uid, year)
                about = tr("Examples are the values of %1 in %2.").replace(
                    "%1", R.get("studio", uid)["name"]).replace("%2", str(year))
            except LaomoError as exc:
                about = exc.message
        FieldsHelp(values, shown(about), self).exec()

    # -- naming -------------------------------------------------------------------------------
    def _names(self) -> dict:
        uid = self.ctx.studio_uid
        if not uid:
            return {"name": tr("(studio)"), "leader": "", "host_unit": ""}
        studio = R.get("studio", uid)
        return {"name": studio["name"], "leader": leader_today(uid) or "",
                "host_unit": studio.get("host_unit") or ""}

    def _update(self) -> None:
        uid = self.ctx.studio_uid
        self.studio.setText(shown(R.get("studio", uid)["name"]) if uid
                            else tr("No studio chosen"))
        form = self.chosen_form()
        try:
            name = forms.file_name(self.pattern.text(), form or Path("表单.docx"), self._names(),
                                   self.year.value())
            self.name_preview.setText(tr("Saved as: %1").replace("%1", name))
            ok = True
        except LaomoError as exc:
            self.name_preview.setText(exc.message)
            ok = False
        ready = ok and form is not None and (bool(uid) or self.all_studios.isChecked())
        self.fill_button.setEnabled(ready and self._job is None)

    # -- filling ------------------------------------------------------------------------------
    def _folder(self) -> str:
        return prefs.read(self.ctx.settings, declared.FORMS_SAVE_DIR) or \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def fill(self) -> None:
        form, year, pattern = self.chosen_form(), self.year.value(), self.pattern.text()
        if form is None or self._job is not None:
            return
        prefs.write(self.ctx.settings, declared.FORM_FILE_NAME, pattern)
        if self.all_studios.isChecked():
            folder = QFileDialog.getExistingDirectory(self, tr("Save the filled forms in"),
                                                      self._folder())
            if not folder:
                return
            prefs.write(self.ctx.settings, declared.FORMS_SAVE_DIR, folder)
            self._start(lambda: forms.fill_all_steps(form, year, Path(folder), pattern),
                        lambda done: self._all_done(done, folder))
            return
        uid = self.ctx.studio_uid
        try:
            suggested = forms.file_name(pattern, form, self._names(), year)
        except LaomoError as exc:
            warn(self, tr("Not filled"), exc.message)
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the filled form"), str(Path(self._folder()) / suggested),
            tr("Word documents (*.docx)") if form.suffix.lower() == ".docx"
            else tr("Excel workbooks (*.xlsx)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != form.suffix.lower():
            target = target.with_name(target.name + form.suffix.lower())
        prefs.write(self.ctx.settings, declared.FORMS_SAVE_DIR, str(target.parent))

        def steps():
            yield Progress(0, 1, target.name)
            forms.fill_form(form, uid, year, target)
            yield Progress(1, 1, target.name)
            return target

        self._start(steps, lambda path: inform(self, tr("Form filled"), tr(
            "Saved “%1”.").replace("%1", str(path))))

    def _start(self, make_job, on_done) -> None:
        def done(result) -> None:
            self._job = None
            self._update()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._job = None
            self._update()
            warn(self, tr("Not filled"), failure_text(exc))

        def cancelled() -> None:
            self._job = None
            self._update()

        self._job = start_job(self, tr("Filling the form"), tr("Filling the form…"), make_job,
                              done, on_failed=failed, on_cancelled=cancelled)
        self._update()

    def _all_done(self, done: forms.Filled, folder: str) -> None:
        text = tr("%1 file(s) saved in “%2”.").replace("%1", str(len(done.written))).replace(
            "%2", folder)
        if done.skipped:
            text += "\n\n" + tr("Not filled:") + "\n" + "\n".join(
                f"{name}: {why}" for name, why in done.skipped)
        inform(self, tr("Forms filled"), text)
