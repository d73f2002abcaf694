"""更换领衔人…: who leads the studio from which day. The ledger keeps who led before
(ledger.studios.change_leader), so the documents of earlier years still name them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import studios
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown, warn
from laomo_desktop.ui.widgets.unsaved import AsksBeforeDiscarding

Apply = Callable[[str | None, str], list[studios.Change]]
FIELDS = ("member", "since")  # the errors this dialog shows by its own fields


def _error_label(name: str) -> DataLabel:
    label = DataLabel(lines=True)
    label.setObjectName(f"error_{name}")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class ChangeLeaderDialog(AsksBeforeDiscarding, QDialog):
    """The new leader (picked, or fixed when the member form asks) and the day they lead from.

    `apply(member_uid, since)` does the change and returns what it wrote (kept in `changes`).
    Its refusals show by the field they concern; with a fixed member (the member form's own
    save), errors about the form's fields close the dialog into `form_errors`, for the form
    to show where they were typed."""

    def __init__(self, studio_uid: str, selected: str | None, apply: Apply, *,
                 fixed_name: str | None = None, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_leader_dialog")
        self.setWindowTitle(tr("Change leader"))
        self.apply = apply
        self.fixed = fixed_name is not None
        self.changes: list[studios.Change] = []
        self.form_errors: dict[str, str] = {}

        current = studios.leader_today(studio_uid, today)
        self.current = DataLabel(current or tr("not recorded"))
        self.current.setObjectName("current_leader")
        self.member = QComboBox()
        self.member.setObjectName("new_leader")
        self.member.setAccessibleName(tr("New leader"))
        self.member.setMinimumContentsLength(16)
        if self.fixed:
            self.member.addItem(shown(fixed_name or ""), selected)
            self.member.setEnabled(False)
        else:
            self.member.addItem("", None)
            for m in studios.leader_candidates(studio_uid, today):
                role = fmt.choice_label(E.MemberRole, m["role"])
                text = fmt.noted(m['name'], role)
                self.member.addItem(shown(text), m["uid"])
            self.member.setCurrentIndex(max(self.member.findData(selected), 0) if selected else 0)
        self.since = QDateEdit()
        self.since.setObjectName("leader_since")
        self.since.setAccessibleName(tr("Date of the change"))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        day = today or date.today()
        self.since.setDate(QDate(day.year, day.month, day.day))
        self.errors = {name: _error_label(name) for name in FIELDS}

        explain = QLabel(tr("The former leader becomes a core member, the leader history "
                            "records this change, and the documents of earlier years still "
                            "name the former leader."))
        explain.setObjectName("leader_explanation")
        explain.setWordWrap(True)
        explain.setStyleSheet("QLabel#leader_explanation { background: #eef4fc; color: #1f3b63;"
                              " border: 1px solid #c5d8f0; border-radius: 4px; padding: 6px 10px; }")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Current leader"), self.current)
        for label, widget, name in ((tr("New leader"), self.member, "member"),
                                    (tr("Date of the change"), self.since, "since")):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(widget)
            lay.addWidget(self.errors[name])
            form.addRow(label, box)
        self.general_error = _error_label("general")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Change leader"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(explain)
        lay.addWidget(self.general_error)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.setMinimumWidth(560)  # the explanation reads as one line in Chinese
        self._fit_height()
        (self.since if self.fixed else self.member).setFocus(Qt.FocusReason.OtherFocusReason)
        self.remember_state()

    def form_state(self) -> tuple:
        return self.member.currentData(), self.since.date()

    def _fit_height(self) -> None:
        """Tall enough for what is shown at this width (an error line makes it taller, never
        squeezes the fields)."""
        lay = self.layout()
        lay.activate()
        need = lay.totalHeightForWidth(max(self.width(), self.minimumWidth()))
        if need > 0 and need > self.height():
            self.resize(max(self.width(), self.minimumWidth()), need)

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        other = [msg for name, msg in errors.items() if name not in self.errors]
        self.general_error.setText(fmt.clauses(other))
        self.general_error.setVisible(bool(other))
        self._fit_height()

    def accept(self) -> None:
        since = self.since.date().toString("yyyy-MM-dd")
        try:
            self.changes = self.apply(self.member.currentData(), since)
        except ValidationError as exc:
            if self.fixed and not exc.errors.keys() & set(FIELDS):
                self.form_errors = exc.errors
                self.discard()
                return
            self.show_errors(exc.errors)
            return
        except LaomoError as exc:
            warn(self, tr("Leader not changed"), exc.message)
            return
        super().accept()
