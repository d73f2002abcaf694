"""The union page's office parts (issue 16 §5): this office's name, level and key (a small
dialog), forwarding to the office above (a folder or stick, then a job), and the card of the
studios grouped by the office below they came through, with the note when a studio came by
two paths (counted once) and when those paths disagree."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import forward, keys
from laomo_desktop.ledger import offices
from laomo_desktop.ledger.metrics import metric
from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.exchange import mono_label
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.cardlook import GREEN, MUTED, RED
from laomo_desktop.ui.pages.unioncards import card, goal_label_en
from laomo_desktop.ui.plain import DataLabel, shown, tip
from laomo_desktop.ui.system.tasks import start_job


class OfficeDialog(QDialog):
    """This office's name, level and code; its signing key's fingerprint, to read out to the
    office above before its first import."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("office_dialog")
        self.setWindowTitle(tr("Office settings"))
        own = offices.own_office()
        self.name = QLineEdit(own.name if own else "")
        self.name.setObjectName("office_name")
        self.level = QComboBox()
        self.level.setObjectName("office_level")
        for lv in E.OfficeLevel:
            self.level.addItem(fmt.choice_label(E.OfficeLevel, lv.value), lv.value)
        if own:
            self.level.setCurrentIndex(self.level.findData(own.level))
        self.code = QLineEdit((own.code or "") if own else "")
        self.code.setObjectName("office_code")
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Level"), self.level)
        form.addRow(tr("Code"), self.code)
        self.error = QLabel()
        self.error.setObjectName("office_error")
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel(tr("Signing-key fingerprint of this office (the office above compares it "
                         "before its first import):"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        self.fingerprint = mono_label(keys.installation_fingerprint(ctx.paths),
                                      "office_fingerprint")
        lay.addWidget(self.fingerprint)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _save(self) -> None:
        try:
            offices.set_own_office(self.name.text(), self.level.currentData(), self.code.text())
        except LaomoError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


def forward_up(ctx: AppContext, parent: QWidget, year: int, then) -> None:
    """Choose a folder (a stick), then write the office package there as a job."""
    if offices.own_office() is None and \
            OfficeDialog(ctx, parent).exec() != QDialog.DialogCode.Accepted:
        return
    folder = QFileDialog.getExistingDirectory(parent, tr("Choose the folder to write to"))
    if not folder:
        return

    def done(r) -> None:
        text = tr("Office package No. %1 written and read back: %2 studio package(s). You can "
                  "remove the USB stick now.").replace("%1", str(r.sequence)).replace(
                      "%2", str(len(r.studios))) + "\n" + shown(r.path.name)
        if r.missing:
            text += "\n\n" + tr("Not forwarded (their packages are not kept here; import them "
                                "again): %1").replace("%1", fmt.listed([shown(n) for n in r.missing]))
        QMessageBox.information(parent, tr("Forward to the office above"), text)
        then()

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LaomoError):
            raise exc
        QMessageBox.warning(parent, tr("Forward to the office above"), exc.message)

    start_job(parent, tr("Forward to the office above"), tr("Writing the office package…"),
              lambda: forward.export_office_steps(ctx.paths, Path(folder),
                                                  year), done, on_failed=failed)


PERSON_TIMES = metric("training_person_times")  # the figure the card shows beside its target


class OfficesCard:
    """The studios by the office below they came through: studios, person-times against the
    office's own target, and a note when a studio came by two paths."""

    def __init__(self):
        self.frame, lay, self.summary = card(tr("By office below"), "offices")
        self.tree = QTreeWidget()
        self.tree.setObjectName("by_office")
        self.tree.setRootIsDecorated(False)  # its targets under each office, always open
        self.tree.setHeaderLabels([tr("Office"), tr("Studios"), tr("Person-times"),
                                   tr("Target")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.tree, 1)
        self.note = DataLabel(lines=True)
        self.note.setObjectName("by_office_note")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)

    def fill(self, grouped: dict) -> None:
        self.tree.clear()
        groups = grouped["groups"]
        shown_any = any(g["office_uid"] for g in groups)
        self.frame.setVisible(shown_any)
        if not shown_any:
            return
        for g in groups:
            name = shown(g["name"]) if g["office_uid"] else tr("Imported directly or entered here")
            if g["level"]:
                name += " · " + fmt.choice_label(E.OfficeLevel, g["level"])
            target = (g["targets"] or {}).get(PERSON_TIMES.key)  # the target says it by name
            item = QTreeWidgetItem(self.tree, [
                name, str(len(g["studios"])),
                PERSON_TIMES.text_of(g["totals"][PERSON_TIMES.attribute]),
                "" if target is None else str(target)])
            for goal in g.get("goals", []):  # every target the office set, against its studios
                label = goal["label"] if fmt.is_chinese() else goal_label_en(goal)
                child = QTreeWidgetItem(item, [label, "", str(goal["actual"]),
                                               str(goal["target"])])
                child.setForeground(2, QColor(GREEN if goal["met"] else RED))
                child.setToolTip(0, tip(label))
            item.setExpanded(True)
        self.summary.setText(str(grouped["studios"]))
        lines = []
        if grouped["twice"]:
            lines.append(tr("%1 studio(s) came by two or more paths and are counted once.")
                         .replace("%1", str(len(grouped["twice"]))))
        for d in grouped["disagreeing"]:
            lines.append("⚠ " + tr("%1: the paths (%2) carried different content for this year; "
                                  "the ledger holds the newer records of each.")
                         .replace("%1", shown(d["name"]))
                         .replace("%2", fmt.listed([shown(o) for o in d["offices"]])))
        self.note.setText("\n".join(lines))
        self.note.setStyleSheet(f"color: {RED if grouped['disagreeing'] else MUTED};")
        self.note.setVisible(bool(lines))
