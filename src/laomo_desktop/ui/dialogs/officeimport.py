"""The preview of an office package (forwarded by an office below): the office, its level and
year, its signing key (confirmed on first import exactly as a studio's), and what importing each
studio package in it would do. Import is allowed once the key is confirmed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFrame,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.exchange.officeimport import OfficePreview
from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.exchange import (
    MUTED,
    import_buttons,
    key_accepted,
    key_box,
    when_text,
)
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown


class OfficePreviewDialog(QDialog):
    def __init__(self, pv: OfficePreview, count_keys: tuple[str, ...], headers: list[str],
                 parent: QWidget | None = None, place: str = ""):
        """`count_keys`, `headers`: the merge's outcomes and their column titles
        (ui/dialogs/imports.py, which opens this dialog)."""
        super().__init__(parent)
        self.pv = pv
        self.setObjectName("office_preview")
        self.setWindowTitle(tr("Import an office package") + (f" ({place})" if place else ""))
        level = fmt.choice_label(E.OfficeLevel, pv.office["level"])
        head = DataLabel(tr("%1 (%2 level)").replace("%1", pv.office["name"]).replace("%2", level))
        head.setObjectName("preview_office")
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        head.setFont(font)
        info = DataLabel(tr("Office package No. %1 for the year %2, made %3 · %4 studios · %5")
                         .replace("%1", str(pv.sequence)).replace("%2", str(pv.year))
                         .replace("%3", when_text(pv.created_at))
                         .replace("%4", str(len(pv.studios))).replace("%5", pv.file.name))
        info.setStyleSheet(f"color: {MUTED};")
        info.setWordWrap(True)

        self.table = QTableWidget(len(pv.studios), len(count_keys) + 1)
        self.table.setObjectName("office_studios")
        self.table.setHorizontalHeaderLabels([tr("Studio")] + headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for r, s in enumerate(pv.studios):
            cells = [shown(s.studio_name)] + [
                ("—" if s.already_imported else str(s.total(k))) for k in count_keys]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(1, self.table.columnCount()):
            self.table.setColumnWidth(c, max(64, self.table.columnWidth(c) + 16))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.trust = QCheckBox(tr("I confirmed this fingerprint with the office (by phone or on "
                                  "paper)"))
        self.trust.setObjectName("trust_key")
        self.replace = QCheckBox(tr("Replace the registered key with this new one (I confirmed "
                                    "the new fingerprint with the office)"))
        self.replace.setObjectName("replace_key")
        buttons = import_buttons(self, place)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(info)
        lay.addWidget(self._key_box())
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self._update()
        self.resize(680, 460)

    def _key_box(self) -> QFrame:
        return key_box(
            self.pv, self.trust, self.replace,
            tr("✓ Signed with the key registered for this office (%1).")
            .replace("%1", self.pv.fingerprint),
            tr("This is the first package from this office. Before importing, call the office "
               "and compare its signing-key fingerprint with this one:"),
            tr("The signing key of this office has CHANGED. Call the office and compare the new "
               "fingerprint before importing."))

    @property
    def trust_new_key(self) -> bool:
        return self.pv.key_status == "first" and self.trust.isChecked()

    @property
    def replace_key(self) -> bool:
        return self.pv.key_status == "changed" and self.replace.isChecked()

    def _update(self, *_args) -> None:
        self.import_button.setEnabled(key_accepted(self.pv, self.trust, self.replace))
