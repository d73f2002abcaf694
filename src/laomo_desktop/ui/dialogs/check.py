"""The ledger check and its report dialog (Tools ▸ Check the ledger)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import laomo_desktop
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.check import Problem, check_steps
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.menus import app_name, when_text
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown, warn
from laomo_desktop.ui.system.tasks import start_job


# -- formatting -------------------------------------------------------------------------------
def passed_text() -> str:
    return tr("Check passed: the ledger file is sound, every attachment is in place and "
              "unchanged, and the studios' records follow the rules.")


def report_text(problems: list[Problem], paths: LedgerPaths,
                when: datetime | None = None) -> str:
    """The report as plain text, errors first, ready to copy into a message to support."""
    when = when or datetime.now().astimezone()
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    lines = [f"{app_name()} {laomo_desktop.__version__} — " + tr("ledger check"),
             tr("Ledger: %1").replace("%1", str(paths.root)),
             tr("Checked at: %1").replace("%1", when_text(when)), ""]
    if not problems:
        lines.append(passed_text())
        return "\n".join(lines)
    if errors:
        lines.append(tr("Errors (%1): the data is damaged").replace("%1", str(len(errors))))
        lines += [f"  ✗ {shown(p.message)}" for p in errors]
        lines.append("")
    if warnings:
        lines.append(tr("Warnings (%1): a rule is not met").replace("%1", str(len(warnings))))
        lines += [f"  ! {shown(p.message)}" for p in warnings]
        lines.append("")
    if errors:
        lines.append(tr("What to do: restore a recent backup (File ▸ Restore from a backup), or "
                        "send this report to support."))
    else:
        lines.append(tr("What to do: correct the records named above."))
    return "\n".join(lines)


class CheckReportDialog(QDialog):
    def __init__(self, problems: list[Problem], paths: LedgerPaths,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("check_dialog")
        self.setWindowTitle(tr("Check the ledger"))
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        if not problems:
            summary = tr("No problems found.")
        elif errors:
            summary = (tr("%1 error(s) and %2 warning(s) found.")
                       .replace("%1", str(errors)).replace("%2", str(warnings)))
        else:
            summary = tr("%1 warning(s) found; the data itself is sound.").replace(
                "%1", str(warnings))
        self.summary = QLabel(summary)
        self.summary.setObjectName("check_summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        color = "#b00020" if errors else ("#8a5a00" if warnings else "#1b6e20")
        self.summary.setStyleSheet(f"color: {color};")

        self.report = QPlainTextEdit()
        self.report.setObjectName("check_report")
        self.report.setAccessibleName(tr("Check report"))
        self.report.setReadOnly(True)
        self.report.setPlainText(report_text(problems, paths))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setObjectName("copy_report")
        self.copy_button.setToolTip(tr("Copy the report to paste it into a message"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.report, 1)
        lay.addWidget(buttons)
        self.resize(680, 440)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def check_ledger_dialog(ctx: AppContext, parent: QWidget | None) -> None:
    """Run the check as a job (progress per check, Cancel) and show its report when it ends."""
    def report(problems: list[Problem]) -> None:
        dlg = CheckReportDialog(problems, ctx.paths, parent)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        warn(parent, tr("Check failed"), exc.message)

    start_job(parent, tr("Check the ledger"), tr("Checking the ledger…"),
              lambda: check_steps(ctx.paths), report, on_failed=failed)


# -- File ▸ Open the data folder --------------------------------------------------------------
