"""Tools ▸ Statistics year starts in…: the ledger's first month of the statistics year
(统计年度起始月). Some unions count October to September; every figure, document, target and the
year selector follow the setting, so the dialog says plainly what a choice means before it is
written."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import period
from laomo_desktop.store.database import read_only_message
from laomo_desktop.texts import worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, warn
from laomo_desktop.ui.widgets.unsaved import AsksBeforeDiscarding


def month_name(month: int) -> str:
    if fmt.is_chinese():
        return f"{month} 月"
    return QLocale(QLocale.Language.English).monthName(month)


class YearStartDialog(AsksBeforeDiscarding, QDialog):
    """Shows the current first month and what a statistics year is under each choice.
    `read_only_message`: the ledger cannot be written; the setting is shown, not offered."""

    def __init__(self, current: int, year: int, read_only_message: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("year_start_dialog")
        self.setWindowTitle(tr("Statistics year"))
        self.year = year
        explanation = QLabel(tr(
            "The statistics year is the twelve months that every figure, document and yearly "
            "target of this ledger counts. Most unions count the calendar year (1 January to "
            "31 December); some count from 1 October to 30 September of the next year. A "
            "statistics year is named after the year it ends in: starting in October, "
            "statistics year 2025 runs from 2024-10-01 to 2025-09-30. The year of a plan, a "
            "benefit or an honour is the statistics year.\n\nRecords already entered are not "
            "changed; only the year they are counted in follows the setting. It applies to "
            "the whole ledger (at a union office, to its summary of every studio). Set it as "
            "your union asks."))
        explanation.setObjectName("explanation")
        explanation.setWordWrap(True)

        self.month_box = QComboBox()
        self.month_box.setObjectName("month_box")
        self.month_box.setAccessibleName(tr("Statistics year starts in"))
        for m in range(1, 13):
            self.month_box.addItem(month_name(m), m)
        self.month_box.setCurrentIndex(self.month_box.findData(current))
        self.month_box.currentIndexChanged.connect(self._update_preview)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Statistics year starts in:"), self.month_box)
        form.addRow("", self.preview)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(explanation)
        lay.addLayout(form)
        if read_only_message:
            note = DataLabel(tr("This ledger is read-only, so the setting cannot be changed "
                                "here:") + "\n" + read_only_message, lines=True)
            note.setObjectName("read_only_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #6b4e00;")
            lay.addWidget(note)
            self.month_box.setEnabled(False)
            self.ok_button.setEnabled(False)
        lay.addWidget(buttons)
        self._update_preview()
        self.resize(560, self.sizeHint().height())
        self.remember_state()

    def form_state(self) -> int:
        return self.month()

    def month(self) -> int:
        return int(self.month_box.currentData())

    def _update_preview(self) -> None:
        p = period.Period(self.year, self.month())
        self.preview.setText(tr("With this setting, %1 runs from %2 to %3.").replace(
            "%1", fmt.year_text(self.year, p)).replace("%2", p.start).replace("%3", p.end))


def change_year_start(ctx: AppContext, parent: QWidget | None) -> bool:
    """Ask for the first month and write it; True when the ledger's setting changed (the
    caller refreshes what shows years). A refused write is told and changes nothing."""
    current = period.start_month()
    said = read_only_message()
    read_only = worded(said) if said is not None else None
    dlg = YearStartDialog(current, ctx.year or period.current_year(), read_only, parent)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted or read_only:
            return False
        month = dlg.month()
    finally:
        dlg.deleteLater()
    if month == current:
        return False
    try:
        period.set_start_month(month)
    except LaomoError as exc:
        warn(parent, tr("Not changed"), exc.message)
        return False
    return True
