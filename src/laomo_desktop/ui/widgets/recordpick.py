"""The reports page's choice of the record a document is about (Document.picks: a grant's use
report is about one grant): the studio's live records of that kind, the last choice kept."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from laomo_desktop.ledger import queries as Q
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown


class RecordPicker(QComboBox):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("report_record")
        self.setMinimumContentsLength(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.label = QLabel()
        self.label.setBuddy(self)
        self.kind: str | None = None

    def fill(self, kind: str | None, studio_uid: str | None) -> None:
        """The studio's records of `kind` (None: the document is about no record: hidden)."""
        keep = self.currentData()
        self.kind = kind
        self.clear()
        self.setVisible(kind is not None)
        self.label.setVisible(kind is not None)
        if kind is None:
            return
        name = fmt.label(S.kind(kind))
        self.label.setText(tr("%1:").replace("%1", name))
        self.setAccessibleName(name)
        for uid, title in Q.ref_choices(kind, studio_uid) if studio_uid else []:
            self.addItem(shown(title or ""), uid)
        if not self.count():
            self.addItem(tr("No %1 recorded yet").replace("%1", name))
            self.model().item(0).setEnabled(False)
        found = self.findData(keep)
        self.setCurrentIndex(max(found, 0))

    def chosen(self) -> tuple[str | None, str]:
        """(uid, title) of the chosen record; uid None when there is none to choose."""
        uid = self.currentData()
        return uid, self.currentText() if uid else ""
