"""Data packages in the GUI, union office side: the preview of one package (counts, warnings
and the signing-key check), the import itself off the GUI thread, and the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, noticeimport, noticepkg, office, officeimport
from laomo_desktop.exchange.noticeimport import NoticePreview
from laomo_desktop.exchange.officeimport import OfficePreview
from laomo_desktop.exchange.package import SUFFIX, Package, read_package
from laomo_desktop.exchange.session import ImportSession
from laomo_desktop.store import schema as S
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.exchange import (
    MUTED,
    ORANGE,
    import_buttons,
    key_accepted,
    key_box,
    when_text,
)
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.work import Job, Progress, result_of, single_step

COUNT_KEYS = tuple(importer.COUNT_LABELS)


def count_headers() -> list[str]:
    """The outcomes of a merge, in COUNT_KEYS order (context "Import": "New" is not a button)."""
    return [QCoreApplication.translate("Import", "New"),
            QCoreApplication.translate("Import", "Updated"),
            QCoreApplication.translate("Import", "Unchanged"),
            QCoreApplication.translate("Import", "Stale"),
            QCoreApplication.translate("Import", "Conflicting")]


class ImportPreviewDialog(QDialog):
    """What importing one package would do; the key check decides whether Import is allowed."""

    def __init__(self, pv: importer.Preview, parent: QWidget | None = None, place: str = ""):
        super().__init__(parent)
        self.pv = pv
        self.setObjectName("import_preview")
        self.setWindowTitle(tr("Import data package") + (f" ({place})" if place else ""))
        # Everything from the package is plain text, its invisible characters shown: a studio
        # name cannot draw a heading, a line break or a forged "signed with the key" line.
        head = DataLabel(pv.studio_name)
        head.setObjectName("preview_studio")
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        head.setFont(font)
        info = DataLabel(tr("Package No. %1, made %2 · %3").replace("%1", str(pv.sequence))
                         .replace("%2", when_text(pv.created_at)).replace("%3", pv.file.name))
        info.setStyleSheet(f"color: {MUTED};")

        self.table = QTableWidget(0, len(COUNT_KEYS) + 1)
        self.table.setObjectName("preview_counts")
        self.table.setHorizontalHeaderLabels([tr("Records")] + count_headers())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows = [(fmt.label(S.kind(k)), c.as_dict()) for k, c in pv.counts.items()
                if any(c.as_dict().values())]
        if rows:
            rows.append((tr("Total"), {k: pv.total(k) for k in COUNT_KEYS}))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for r, (label, counts) in enumerate(rows):
            self.table.insertRow(r)
            cells = [label] + [str(counts[k]) for k in COUNT_KEYS]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    if text == "0":  # what matters stands out
                        item.setForeground(QColor(MUTED))
                    elif COUNT_KEYS[c - 1] in ("stale", "conflicting"):
                        item.setForeground(QColor(ORANGE))
                if r == len(rows) - 1:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(1, self.table.columnCount()):
            self.table.setColumnWidth(c, max(76, self.table.columnWidth(c) + 16))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table_height = (self.table.horizontalHeader().sizeHint().height() + 4
                        + self.table.verticalHeader().defaultSectionSize() * len(rows))

        notes = [worded(w) for w in pv.warnings]
        if pv.already_imported:
            notes.insert(0, tr("This package was already imported on %1; importing it again "
                               "would change nothing.").replace("%1",
                                                               when_text(pv.already_imported)))
            self.table.hide()
        if pv.total("conflicting"):
            notes.append(tr("Conflicting records are not overwritten; they are listed for "
                            "review."))
        self.warnings = DataLabel("\n".join(f"⚠ {shown(n)}" for n in notes), lines=True)
        self.warnings.setObjectName("preview_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {ORANGE};")
        self.warnings.setVisible(bool(notes))

        self.trust = QCheckBox(tr("I confirmed this fingerprint with the studio (by phone or on "
                                  "paper)"))
        self.trust.setObjectName("trust_key")
        self.replace = QCheckBox(tr("Replace the registered key with this new one (I confirmed "
                                    "the new fingerprint with the studio)"))
        self.replace.setObjectName("replace_key")
        key_box = self._key_box()

        buttons = import_buttons(self, place)

        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(info)
        lay.addWidget(key_box)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.warnings)
        if pv.already_imported:
            lay.addStretch(1)
        lay.addWidget(buttons)
        self._update()
        self.resize(680, max(360, min(720, 195 + table_height)))

    def _key_box(self) -> QFrame:
        return key_box(
            self.pv, self.trust, self.replace,
            tr("✓ Signed with the key registered for this studio (%1).")
            .replace("%1", self.pv.fingerprint),
            tr("This is the first package from this studio. Before importing, call the studio "
               "(or check the review packet) and compare its signing-key fingerprint with this "
               "one:"),
            tr("The signing key of this studio has CHANGED. The studio may have reinstalled the "
               "program, or the package may be forged. Call the studio and compare the new "
               "fingerprint before importing."),
            red_new=True)

    @property
    def trust_new_key(self) -> bool:
        return self.pv.key_status == "first" and self.trust.isChecked()

    @property
    def replace_key(self) -> bool:
        return self.pv.key_status == "changed" and self.replace.isChecked()

    def _update(self, *_args) -> None:
        self.import_button.setEnabled(key_accepted(self.pv, self.trust, self.replace)
                                      and not self.pv.already_imported)


class ImportReportDialog(QDialog):
    """What happened to each chosen package."""

    def __init__(self, outcomes: list[tuple[Path, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle(tr("Import report"))
        done = sum(1 for _, status, _ in outcomes if status == "imported")
        summary = QLabel(tr("%1 of %2 package(s) imported.").replace("%1", str(done))
                         .replace("%2", str(len(outcomes))))
        summary.setObjectName("import_summary")
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setObjectName("import_report_text")
        self.text.setReadOnly(True)
        self.text.setPlainText("\n\n".join(f"{shown(f.name)}\n{shown(msg, lines=True)}"
                                           for f, _, msg in outcomes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(summary)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(620, 360)


def choose_packages(parent: QWidget | None, start: str = "") -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(
        parent, tr("Choose data packages"), start,
        tr("Data packages (*%1);;All files (*)").replace("%1", SUFFIX))
    return [Path(f) for f in files]


class NoticeFile(NamedTuple):
    """A notice package from the union office, for the studio chosen (ui/dialogs/noticepkg.py)."""

    path: Path
    studio_uid: str


def _check(paths, file: Path, studio_uid: str = ""):
    if office.looks_like_office(file):  # forwarded by an office below: the file, its preview
        return file, officeimport.preview(paths, file)
    if noticepkg.looks_like_notice(file):  # sent down by the union office
        return NoticeFile(file, studio_uid), noticeimport.preview(paths, file, studio_uid or None)
    pkg = read_package(file)
    return pkg, importer.preview(paths, pkg)


Outcome = tuple[Path, str, str]


def _notice_steps(nf: NoticeFile):
    return lambda paths, _pkg, **kw: noticeimport.apply_steps(paths, nf.path,
                                                              nf.studio_uid or None, **kw)


class _Chosen(NamedTuple):
    """A package the user confirmed in its preview, with the key choices made there."""

    index: int  # its place among the chosen files
    package: Package
    trust: bool
    replace: bool
    label: str  # its step in the progress dialog, worded on the GUI thread


def import_steps(paths, chosen: list[_Chosen], outcomes: list[Outcome | None],
                 session: ImportSession | None = None) -> Job[int]:
    """Import the confirmed packages in turn: a step per package, named. Each package is
    imported in its own transaction (importer.apply_steps), so Cancel, asked before each one,
    stops before the next and keeps those already imported, each complete. What happened to
    each is written into `outcomes` as it happens (read on the GUI thread once the job ended,
    cancelled or not). A backup is taken before the first import of the `session` (the
    program's run) and again only when the ledger was changed otherwise since its last import.
    Returns how many were imported."""
    session = session or ImportSession()
    imported = 0
    for n, c in enumerate(chosen):
        yield Progress(n, len(chosen), c.label)
        is_office = isinstance(c.package, Path)  # an office package (ui/dialogs/officeimport.py)
        path = c.package if is_office else c.package.path
        steps = officeimport.apply_steps if is_office else importer.apply_steps
        if isinstance(c.package, NoticeFile):  # a notice from the union office
            path = c.package.path
            steps = _notice_steps(c.package)
        try:
            result = result_of(steps(paths, c.package, trust_new_key=c.trust,
                                     replace_key=c.replace, take_backup=session.needs_backup()))
        except LaomoError as exc:
            outcomes[c.index] = (path, "failed", exc.message)
            continue
        session.imported(result.backup)
        parts = [*result.results] if is_office else []
        lines = [worded(result.message)] + [f"  {worded(r.message)}" for r in parts] + [
            f"⚠ {worded(w)}" for r in (parts or [result])
            for w in getattr(r.preview, "warnings", ())]
        outcomes[c.index] = (path, "imported" if result.applied else "already",
                             "\n".join(lines))
        imported += result.applied
    return imported


def import_packages(ctx: AppContext, parent: QWidget | None, files: list[Path],
                    then: Callable[[list[Outcome]], None] | None = None) -> None:
    """Check and preview each package (a job each, then its preview dialog), then import the
    confirmed ones in one job, then the report. `then` gets (file, status, message) per file,
    status one of imported / already / skipped / refused / failed, once it is all over."""
    outcomes: list[Outcome | None] = [None] * len(files)
    chosen: list[_Chosen] = []
    title = tr("Import data packages")

    def check(i: int) -> None:
        if i == len(files):
            return import_chosen()
        f = files[i]
        start_job(parent, title, tr("Checking “%1”…").replace("%1", f.name),
                  lambda: single_step(lambda: _check(ctx.paths, f, ctx.studio_uid)),
                  lambda checked: confirm(i, *checked), on_failed=lambda exc: refused(i, exc),
                  cancellable=False)

    def refused(i: int, exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        outcomes[i] = (files[i], "refused", exc.message)
        check(i + 1)

    def confirm(i: int, pkg: Package, pv: importer.Preview) -> None:
        f = files[i]
        place = tr("%1 of %2").replace("%1", str(i + 1)).replace("%2", str(len(files))) \
            if len(files) > 1 else ""
        if isinstance(pv, NoticePreview):
            from laomo_desktop.ui.dialogs.noticepkg import NoticePreviewDialog
            dlg = NoticePreviewDialog(pv, parent, place)
        elif isinstance(pv, OfficePreview):
            from laomo_desktop.ui.dialogs.officeimport import OfficePreviewDialog
            dlg = OfficePreviewDialog(pv, COUNT_KEYS, count_headers(), parent, place)
        else:
            dlg = ImportPreviewDialog(pv, parent, place)
        try:
            accepted = dlg.exec() == QDialog.DialogCode.Accepted
            trust, replace = dlg.trust_new_key, dlg.replace_key
        finally:
            dlg.deleteLater()
        if getattr(pv, "action", None) == "same":
            outcomes[i] = (f, "already", worded(pv.summary))
        elif getattr(pv, "already_imported", None):
            outcomes[i] = (f, "already", tr("Already imported on %1; nothing was changed.")
                           .replace("%1", when_text(pv.already_imported)))
        elif not accepted:
            outcomes[i] = (f, "skipped", tr("Skipped; nothing was imported."))
        else:
            chosen.append(_Chosen(i, pkg, trust, replace,
                                  tr("Importing “%1”…").replace("%1", f.name)))
        check(i + 1)

    def import_chosen() -> None:
        if not chosen:
            return report()
        start_job(parent, title, chosen[0].label,
                  lambda: import_steps(ctx.paths, chosen, outcomes, ctx.import_session), lambda _n: report(),
                  on_failed=failed, on_cancelled=report)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            report()
            raise exc
        report()

    def report() -> None:
        done = [o if o is not None else (f, "skipped", tr("Cancelled; nothing was imported."))
                for f, o in zip(files, outcomes, strict=True)]
        if any(status == "imported" for _, status, _ in done):
            ctx.changed()
        if done:
            dlg = ImportReportDialog(done, parent)
            try:
                dlg.exec()
            finally:
                dlg.deleteLater()
        if then is not None:
            then(done)

    check(0)
