"""Cards of the union page (单位汇总): the card frame every card shares, and the card of the
year's namings due for review and plaques removed or names revoked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dashboard import MUTED, RED
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import shown, tip

UID_ROLE = Qt.ItemDataRole.UserRole + 1


def card(title: str, name: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    card = QFrame()
    card.setObjectName("card")
    card.setAccessibleName(title)
    lay = QVBoxLayout(card)
    lay.setContentsMargins(14, 10, 14, 12)
    lay.setSpacing(8)
    head = QHBoxLayout()
    caption = QLabel(title)
    font = caption.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    caption.setFont(font)
    head.addWidget(caption)
    head.addStretch(1)
    summary = QLabel()
    summary.setObjectName(f"{name}_summary")
    summary.setStyleSheet(f"color: {MUTED};")
    head.addWidget(summary)
    lay.addLayout(head)
    return card, lay, summary


class NamingsCard:
    """Two groups, each naming a row; a double-click hands the studio's uid to `open_studio`."""

    def __init__(self, open_studio: Callable[[str], object]):
        self.open_studio = open_studio
        self.frame, lay, self.summary = card(tr("Reviews and removed plaques"), "namings")
        self.tree = tree = QTreeWidget()
        tree.setObjectName("union_namings")
        tree.setAccessibleName(tr("Reviews and removed plaques"))
        tree.setHeaderLabels([tr("Studio"), tr("Level"), tr("Date"), tr("Status")])
        tree.setFrameShape(QFrame.Shape.NoFrame)
        tree.setRootIsDecorated(False)  # the groups stay open: nothing to fold
        tree.setItemsExpandable(False)
        tree.setIndentation(10)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        tree.setToolTip(tr("Double-click a studio to open its ledger"))
        tree.itemDoubleClicked.connect(self._drill)
        lay.addWidget(tree, 1)
        self.empty = QLabel()
        self.empty.setObjectName("namings_empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED};")
        lay.addWidget(self.empty)

    def fill(self, data: dict) -> None:
        """Two groups, each naming a row: the reviews due in the year (dated by the review) and
        the plaques removed or names revoked in it (dated by the change)."""
        tree = self.tree
        tree.clear()
        due, gone = data["due_review"], data["withdrawn"]
        for title, rows in ((tr("Due for review (%1)"), due),
                            (tr("Plaque removed or revoked (%1)"), gone)):
            group = QTreeWidgetItem([title.replace("%1", str(len(rows)))])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for r in rows:
                item = QTreeWidgetItem([shown(r["name"]),
                                        fmt.choice_label(E.Level, r["level"]),
                                        fmt.date_text(r["date"]),
                                        fmt.choice_label(E.RecognitionStatus, r["status"])])
                item.setData(0, UID_ROLE, r["uid"])
                item.setToolTip(0, tip("\n".join(filter(None, (
                    shown(r["name"]),
                    tr("Named on %1").replace("%1", fmt.date_text(r["naming_date"])),
                    tr("Document no. %1").replace("%1", shown(r["doc_no"]))
                    if r["doc_no"] else "")))))
                if rows is gone:
                    item.setForeground(3, QColor(RED))
                group.addChild(item)
            tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
        self.summary.setText(tr("Due for review %1 · removed or revoked %2").replace(
            "%1", str(len(due))).replace("%2", str(len(gone))))
        self.empty.setText(tr("No naming is due for review, and no plaque was removed "
                                      "or name revoked, in this year."))
        self.empty.setVisible(not due and not gone)

    def _drill(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        uid = item.data(0, UID_ROLE)
        if uid:
            self.open_studio(uid)
