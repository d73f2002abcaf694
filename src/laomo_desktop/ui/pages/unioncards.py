"""Cards of the union page (单位汇总): the card frame every card shares, the city's totals
against the year's targets, and the year's namings due for review and plaques removed or names
revoked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.cardlook import GREEN, MUTED, RED
from laomo_desktop.ui.plain import DataLabel, shown, tip

UID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rows a column's fitted width is measured on (Qt's default: 1,000). A province has thousands of
# studios; the widest of a few hundred rows of levels, dates and statuses is the widest of all.
CONTENTS_PRECISION = 300


def card(title: str, name: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    card = QFrame()
    card.setObjectName("card")
    card.setAccessibleName(title)
    lay = QVBoxLayout(card)
    lay.setContentsMargins(14, 10, 14, 12)
    lay.setSpacing(8)
    head = QHBoxLayout()
    caption = QLabel(title)
    caption.setObjectName(f"{name}_caption")
    font = caption.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    caption.setFont(font)
    head.addWidget(caption)
    summary = QLabel()
    summary.setObjectName(f"{name}_summary")
    summary.setStyleSheet(f"color: {MUTED};")
    head.addWidget(summary)
    head.addStretch(1)  # the summary beside its caption, not out at the card's far edge
    lay.addLayout(head)
    return card, lay, summary


def scrolled(content: QWidget, name: str) -> QScrollArea:
    """`content` scrolling inside its card, at the top of it: a long list (a province's 280
    studios) does not make the card, and every card in its row, as tall as the list; the room a
    taller card beside it gives is left empty below, not spread between the lines."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(content)
    lay.addStretch(1)
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(box)
    area.viewport().setAutoFillBackground(False)  # the card's own background, not a grey box
    box.setAutoFillBackground(False)
    return area


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
        # the studio's name whole (a stretched name got what the dates left: "彭…"); on a narrow
        # card the list scrolls sideways to the status, the last column takes any room to spare
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        head = tree.header()
        head.setStretchLastSection(True)
        head.setResizeContentsPrecision(CONTENTS_PRECISION)
        for c in (0, 1, 2):
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
        head = tree.header()
        for c in (0, 1, 2):  # fitted once at the end, not at every row (a province: thousands)
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        tree.clear()
        due, gone = data["due_review"], data["withdrawn"]
        for title, rows in ((tr("Due for review (%1)"), due),
                            (tr("Plaque removed or revoked (%1)"), gone)):
            group = QTreeWidgetItem([title.replace("%1", str(len(rows)))])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            items = []
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
                items.append(item)
            group.addChildren(items)
            tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
        tree.expandAll()
        for c in (0, 1, 2):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(tr("%1 due · %2 removed").replace(
            "%1", str(len(due))).replace("%2", str(len(gone))))
        self.empty.setText(tr("No naming is due for review, and no plaque was removed "
                                      "or name revoked, in this year."))
        self.empty.setVisible(not due and not gone)

    def _drill(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        uid = item.data(0, UID_ROLE)
        if uid:
            self.open_studio(uid)


GOALS_EN = {"party_coverage": QT_TRANSLATE_NOOP("Union", "Party organisation coverage"),
            "training_person_times": QT_TRANSLATE_NOOP("Union", "Training person-times"),
            "technical_innovations": QT_TRANSLATE_NOOP("Union", "Technical innovations"),
            "patents": QT_TRANSLATE_NOOP("Union", "Patents"),
            "results_total": QT_TRANSLATE_NOOP("Union", "Innovation results")}


def goal_label_en(goal: dict) -> str:
    """A goal's label in English (the summary's labels are Chinese)."""
    key = goal["key"]
    if key in GOALS_EN:
        return QCoreApplication.translate("Union", GOALS_EN[key])
    if key.startswith("studios:"):
        return tr("%1 studios").replace("%1", fmt.choice_label(E.Level, key[8:]))
    if key.startswith("unit:"):
        return tr("Studios of %1").replace("%1", shown(key[5:]))
    return goal["label"]



class GoalsCard:
    """The city's totals against the year's targets, a bar each, with where the targets are kept
    and the button that edits them. The goals scroll inside the card: on a low screen a squeezed
    grid would crush its wrapped labels into unreadable slivers."""

    def __init__(self, edit: Callable[[], None]):
        self.frame, lay, self.summary = card(self.title_for(None), "goals")
        self.caption = self.frame.findChild(QLabel, "goals_caption")
        box = QWidget()
        self.grid = QGridLayout(box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        lay.addWidget(scrolled(box, "goals_scroll"), 1)
        self.note = DataLabel(lines=True)  # may quote the targets file
        self.note.setObjectName("targets_note")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.button = QPushButton(tr("Edit targets…"))
        self.button.setObjectName("edit_targets")
        self.button.setToolTip(tr("Set the targets of the year this page shows"))
        self.button.clicked.connect(edit)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    @staticmethod
    def title_for(level: str | None) -> str:
        """The card's title for the office's level: the totals are the district's, the city's
        or the province's (a province's clerk read 全市 over the province's totals)."""
        if level == E.OfficeLevel.PROVINCE:
            return tr("Province totals against the targets")
        if level == E.OfficeLevel.CITY:
            return tr("City totals against the targets")
        if level == E.OfficeLevel.COUNTY:
            return tr("District totals against the targets")
        return tr("Totals against the targets")

    def fill(self, goals: list[dict], note: str, targets_file: Path,
             level: str | None = None) -> None:
        """`note`: what is wrong with the targets file, if anything; `level`: the office's."""
        self.caption.setText(self.title_for(level))
        self.frame.setAccessibleName(self.caption.text())
        grid = self.grid
        while grid.count():
            w = grid.takeAt(0).widget()
            if w is not None:
                w.hide()  # gone at once, not when the event loop gets to deleting it
                w.deleteLater()
        self.summary.setText(tr("%1 of %2 met").replace(
            "%1", str(sum(g["met"] for g in goals))).replace("%2", str(len(goals))))
        for i, g in enumerate(goals):
            label = g["label"] if fmt.is_chinese() else goal_label_en(g)
            name = DataLabel(label)
            name.setWordWrap(True)
            done = QLabel(tr("%1 / %2").replace("%1", str(g["actual"]))
                          .replace("%2", str(g["target"])))
            done.setObjectName(f"goal_text_{g['key']}")
            bar = QProgressBar()
            bar.setObjectName(f"goal_{g['key']}")
            bar.setRange(0, 100)
            bar.setValue(int(min(g["progress"], 1.0) * 100))
            bar.setTextVisible(False)
            bar.setProperty("met", bool(g["met"]))
            bar.setAccessibleName(f"{label} {done.text()}")
            pct = QLabel(f"{int(g['progress'] * 100)}%")
            pct.setStyleSheet(f"color: {GREEN if g['met'] else MUTED};")
            grid.addWidget(name, i * 2, 0, 1, 2)
            grid.addWidget(done, i * 2, 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(bar, i * 2 + 1, 0, 1, 2)
            grid.addWidget(pct, i * 2 + 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        self.note.setText(note or tr("Targets are kept in %1.").replace(
            "%1", targets_file.name))
        self.note.setStyleSheet(f"color: {RED if note else MUTED};")
        self.note.setToolTip(tip(str(targets_file)))
