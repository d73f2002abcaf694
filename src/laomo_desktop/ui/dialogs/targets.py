"""The editor of the union's targets of one year (单位汇总 ▸ 设置年度目标).

Until now the office could change them only by hand in union_targets.json. The fields are the
targets unions set: totals of the year, party-organisation coverage, numbers of studios by level
and by host unit (the sub-units the ledger's studios name). What is typed is read by
ledger/targets.py; a bad entry is shown in red under its field and nothing is saved. Saving
writes only this year's targets and an audit entry; Cancel or Esc after a change asks first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import targets as T
from laomo_desktop.ledger import union
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown, warn
from laomo_desktop.ui.widgets.unsaved import AsksBeforeDiscarding

ERROR_STYLE = "color: #c62828;"


class TargetsDialog(AsksBeforeDiscarding, QDialog):
    """Targets of `year`; `units`: the host units of the year's studios (one field each)."""

    def __init__(self, path: Path, year: int, units: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("targets_dialog")
        self.setWindowTitle(tr("Targets of %1").replace("%1", fmt.year_text(year)))
        self.path, self.year = Path(path), year
        self.changes: list[str] = []
        current = union.load_targets(self.path, year)  # LaomoError: the caller says why
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        totals = QGroupBox(tr("Totals of the year"))
        form = QFormLayout(totals)
        labels = {"training_person_times": tr("Training person-times"),
                  "technical_innovations": tr("Technical innovations and breakthroughs"),
                  "results_total": tr("Innovation results, all kinds"),
                  "patents": tr("Patents")}
        for key, _label in T.TOTALS:
            self._field(form, key, labels[key], current[key],
                        optional=key in T.OPTIONAL)

        party = QGroupBox(tr("Party organisation"))
        form = QFormLayout(party)
        self.min_level = QComboBox()
        self.min_level.setObjectName("target_min_level")
        for lv in E.Level:
            self.min_level.addItem(tr("%1 and above").replace(
                "%1", fmt.choice_label(E.Level, lv.value)), lv.value)
        self.min_level.setCurrentIndex(self.min_level.findData(current[T.MIN_LEVEL]))
        form.addRow(tr("Studios counted"), self.min_level)
        self._field(form, T.PERCENT, tr("Coverage (%)"), current[T.PERCENT])

        levels = QGroupBox(tr("Studios by level"))
        form = QFormLayout(levels)
        for lv in E.Level:
            self._field(form, T.level_field(lv.value), fmt.choice_label(E.Level, lv.value),
                        current["studios_by_level"].get(lv.value), optional=True)

        groups: list[QWidget] = [totals, party, levels]
        names = sorted({u.strip() for u in units if u and u.strip()}
                       | set(current["studios_by_unit"]))
        if names:  # the ledger's studios name their host units: a quota for each
            by_unit = QGroupBox(tr("Studios by host unit"))
            form = QFormLayout(by_unit)
            for unit in names:
                self._field(form, T.unit_field(unit), shown(unit),
                            current["studios_by_unit"].get(unit), optional=True)
            groups.append(by_unit)

        self.general_error = QLabel()
        self.general_error.setObjectName("targets_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        inner = QWidget()
        lay = QVBoxLayout(inner)
        for g in groups:
            lay.addWidget(g)
        lay.addStretch(1)
        scroll = QScrollArea()  # many host units, a small screen: it scrolls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(tr("An empty field sets no target. The comparison on the union overview "
                         "uses these targets at once."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7280;")
        outer = QVBoxLayout(self)
        outer.addWidget(note)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        self.resize(480, 640)
        self.remember_state()  # Esc/取消 after a change asks 放弃所做的修改？

    def _field(self, form: QFormLayout, name: str, label: str, value, *,
               optional: bool = False) -> None:
        edit = QLineEdit("" if value is None else str(value))
        edit.setObjectName(f"target_{name}")
        edit.setAccessibleName(label)
        if optional:
            edit.setPlaceholderText(tr("not set"))
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(edit)
        lay.addWidget(error)
        form.addRow(label, box)
        self.fields[name], self.errors[name] = edit, error

    def texts(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.fields.items()} | {
            T.MIN_LEVEL: self.min_level.currentData()}

    def form_state(self) -> dict[str, str]:
        return self.texts()

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        first = next((n for n in self.fields if n in errors), None)
        if first is not None:
            self.fields[first].setFocus()
            self.fields[first].selectAll()

    def accept(self) -> None:
        texts = self.texts()
        min_level = texts.pop(T.MIN_LEVEL)
        self.general_error.hide()
        try:
            targets = T.read_form(texts, min_level)
            self.changes = T.save_year(self.path, self.year, targets)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except LaomoError as exc:
            self._show_errors({})
            self.general_error.setText(exc.message)
            self.general_error.show()
            return
        super().accept()


def edit_targets(parent: QWidget, path: Path, year: int, units: list[str]) -> list[str] | None:
    """Open the editor; the changes saved (None: cancelled or the file cannot be read)."""
    try:
        dlg = TargetsDialog(path, year, units, parent)
    except LaomoError as exc:
        warn(parent, tr("Cannot edit the targets"), exc.message + "\n" +
             tr("Repair or move the file away, then try again."))
        return None
    try:
        return dlg.changes if dlg.exec() else None
    finally:
        dlg.deleteLater()
