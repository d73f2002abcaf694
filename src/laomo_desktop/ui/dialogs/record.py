"""The one add/edit dialog for every record kind, built from its declaration.

Validation errors from the ledger appear in red under their fields; the dialog stays open with
everything that was typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, warn
from laomo_desktop.ui.widgets.attachpanel import AttachmentsPanel
from laomo_desktop.ui.widgets.childlists import make_child_editor
from laomo_desktop.ui.widgets.editors import make_editor
from laomo_desktop.ui.widgets.unsaved import AsksBeforeDiscarding


def available_geometry(widget: QWidget) -> QRect:
    """The room a dialog has on the screen it opens on (logical pixels, after scaling)."""
    screen = widget.screen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1024, 700)


class RecordDialog(AsksBeforeDiscarding, QDialog):
    """Esc, 取消 or the window's × on a changed form ask before the changes are thrown away."""

    def __init__(self, paths: LedgerPaths, kind_name: str, studio_uid: str,
                 record: dict | None, save: Callable[[dict], dict],
                 defaults: dict | None = None, parent: QWidget | None = None,
                 attachments: bool = True, leave_out: frozenset[str] = frozenset()):
        super().__init__(parent)
        self.kind = S.kind(kind_name)
        self.record = record
        self.save_fn = save
        self.saved: dict | None = None
        title = fmt.label(self.kind)
        self.setWindowTitle((tr("Edit %1") if record else tr("New %1")).replace("%1", title))
        self.setObjectName(f"dialog_{kind_name}")

        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors = {}
        self.errors: dict[str, QLabel] = {}
        rules = kinds.rules(kind_name)
        hidden = rules.hidden_fields
        for f in self.kind.fields:
            if f.name in hidden or f.name in leave_out:
                continue
            ed = make_editor(f, studio_uid)
            self.editors[f.name] = ed
            self._add_row(form, f.name, fmt.label(f) + ("*" if f.required else ""), ed.widget)
        for child in self.kind.children:  # `leave_out` names a list's column as list.field
            child = replace(child, fields=tuple(
                f for f in child.fields if f"{child.name}.{f.name}" not in leave_out))
            ed = make_child_editor(child, studio_uid, child.name in rules.people_lists)
            self.editors[child.name] = ed
            self._add_row(form, child.name, fmt.label(child), ed)
        self.attachments = None
        if not rules.is_file and attachments:  # an office's notice keeps its own files
            self.attachments = AttachmentsPanel(paths, kind_name, record["uid"] if record else None)
            form.addRow(tr("Attachments"), self.attachments)

        values = dict(defaults or {})
        if record:
            values.update(record)
        for name, ed in self.editors.items():
            if name in values:
                ed.set(values[name])
        self.remember_state()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.general_error = DataLabel(lines=True)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.general_error)
        lay.addWidget(buttons)
        screen = available_geometry(self)
        hint = form_host.sizeHint()
        width = min(max(680, hint.width() + 48), 1320, screen.width() - 40)
        height = min(760, screen.height() - 80, hint.height() + 110)
        self.resize(width, height)

    def _add_row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = DataLabel(lines=True)
        err.setObjectName(f"error_{name}")
        err.setStyleSheet("color: #b00020;")
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        self.errors[name] = err
        form.addRow(label, box)

    def values(self) -> dict:
        return {name: ed.get() for name, ed in self.editors.items()}

    def form_state(self) -> tuple:
        files = (list(self.attachments.pending), list(self.attachments.removed)) \
            if self.attachments is not None else None
        return self.values(), files

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setVisible(name in errors)
            label.setText(errors.get(name, ""))
        other = [msg for name, msg in errors.items() if name not in self.errors]
        self.general_error.setVisible(bool(other))
        self.general_error.setText(fmt.clauses(other))
        first = next((n for n in self.editors if n in errors), None)
        if first:
            w = self.editors[first]
            (getattr(w, "widget", None) or w).setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            if self.attachments is not None:
                self.attachments.check()
            self.saved = self.save_fn(self.values())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except LaomoError as exc:
            warn(self, tr("Not saved"), exc.message)
            return
        if self.attachments is not None:
            try:
                self.attachments.commit(self.saved["uid"])
            except LaomoError as exc:  # the record itself is saved: close as saved, say what's missing
                warn(self, tr("Attachments not added"),
                     tr("The record was saved, but not every attachment was added:") + "\n"
                     + exc.message)
        super().accept()
