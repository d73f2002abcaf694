"""How the union page (单位汇总) lays itself out on the screens union clerks have (1366×768 at
100–150 %, 911 logical pixels wide at 150 %): the heading above its buttons when they do not fit
beside it, and the cards below the table in a scroll area, four across when there is room for
them, else two or one across. Neither forces the window wider than the screen; the cards scroll
rather than take the table's height. Also the import history card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from laomo_desktop.exchange import importlog, keys, privacy
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.exchange import ORANGE, when_text
from laomo_desktop.ui.dialogs.imports import COUNT_KEYS, count_headers
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.cardlook import MUTED, RED
from laomo_desktop.ui.pages.unioncards import card
from laomo_desktop.ui.pages.uniontable import withheld_text
from laomo_desktop.ui.plain import shown, tip

HISTORY_SHOWN = 200
CARD_EMS = 26  # a card's comfortable width in 工-widths: a studio's name, a date and a status
SPACING = 12


def em(widget: QWidget) -> int:
    return widget.fontMetrics().horizontalAdvance("工")


class TopRow:
    """The heading and subheading, and the page's buttons: beside the heading when the page is
    wide enough for both, else on the subheading's line under it. The labels wrap, so the row
    never makes the page wider than its buttons."""

    def __init__(self, heading: QLabel, subheading: QLabel, buttons: list[QPushButton]):
        self.heading, self.subheading = heading, subheading
        for label in (heading, subheading):
            label.setWordWrap(True)
        self.buttons = QWidget()
        lay = QHBoxLayout(self.buttons)
        lay.setContentsMargins(0, 0, 0, 0)
        for b in buttons:
            lay.addWidget(b)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(SPACING)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.wide: bool | None = None
        self.arrange(True)

    def needs(self) -> int:
        """The width the heading and the buttons take side by side."""
        return (self.heading.fontMetrics().horizontalAdvance(self.heading.text()) + 8
                + self.buttons.sizeHint().width() + SPACING)

    def arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for w in (self.heading, self.subheading, self.buttons):
            self.grid.removeWidget(w)
        bottom = Qt.AlignmentFlag.AlignBottom
        if wide:
            self.grid.addWidget(self.heading, 0, 0)
            self.grid.addWidget(self.subheading, 1, 0)
            self.grid.addWidget(self.buttons, 0, 1, 2, 1, bottom)
        else:
            self.grid.addWidget(self.heading, 0, 0, 1, 2)
            self.grid.addWidget(self.subheading, 1, 0)
            self.grid.addWidget(self.buttons, 1, 1, bottom)

    def follow(self, width: int) -> None:
        self.arrange(width >= self.needs())


def hidden(w: QWidget) -> bool:
    """Hidden on purpose (a card not yet laid out is hidden too, until its layout shows it)."""
    return w.isHidden() and w.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


class CardsArea(QScrollArea):
    """The cards, in order, row by row: four across on a wide page, two on a narrow one, one on
    a very narrow one; they scroll when the page gives them less height than they need."""

    def __init__(self, cards: list[QWidget]):
        super().__init__()
        self.setObjectName("union_cards")
        self.cards = cards
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        box = QWidget()
        box.setObjectName("union_cards_box")
        self.grid = QGridLayout(box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self.setWidget(box)
        self.setMinimumHeight(self.fontMetrics().height() * 5)
        self.across = 0
        self.arrange()

    def columns_for(self, width: int) -> int:
        comfortable = CARD_EMS * em(self)
        for n in (4, 2):
            if width >= n * comfortable + (n - 1) * SPACING:
                return n
        return 1

    def arrange(self) -> None:
        """Lay the shown cards out anew for the width there is (hidden ones leave no gap)."""
        shown_cards = [c for c in self.cards if not hidden(c)]
        across = min(self.columns_for(self.viewport().width()), max(1, len(shown_cards)))
        placed = [self.grid.itemAt(i).widget() for i in range(self.grid.count())]
        if across == self.across and placed == shown_cards:
            return
        self.across = across
        for c in self.cards:
            self.grid.removeWidget(c)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < across else 0)
        for i, c in enumerate(shown_cards):
            self.grid.addWidget(c, i // across, i % across)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.arrange()


def result_text(result: dict) -> str:
    """An import_log result as one line: the totals by outcome, warnings and conflicts."""
    counts = result.get("counts", {})
    totals = {k: sum(c.get(k, 0) for c in counts.values()) for k in COUNT_KEYS}
    parts = [f"{h} {totals[k]}" for k, h in zip(COUNT_KEYS, count_headers(), strict=True)
             if totals[k]]
    text = "，".join(parts) if fmt.is_chinese() else ", ".join(parts)
    text = text or tr("No records")
    if result.get("warnings"):
        text += " · ⚠ " + tr("%1 warning(s)").replace("%1", str(len(result["warnings"])))
    return text


class HistoryCard:
    """The latest imports (studio, when, outcome, package) and the link to the open conflicts,
    which `show_conflicts` opens."""

    def __init__(self, show_conflicts: Callable[[], None]):
        self.frame, lay, self.summary = card(tr("Import history"), "history")
        self.tree = QTreeWidget()
        self.tree.setObjectName("import_history")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("Studio"), tr("Imported"), tr("Result"),
                                   tr("Package")])
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        lay.addWidget(self.tree, 1)
        self.conflicts = QPushButton()  # a link: opens the conflicts to review
        self.conflicts.setObjectName("open_conflicts")
        self.conflicts.setFlat(True)
        self.conflicts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.conflicts.clicked.connect(show_conflicts)
        lay.addWidget(self.conflicts)

    def fill(self, studios: list[dict]) -> None:
        names = {k.studio_uid: k.studio_name for k in keys.list_pinned()}
        names.update({s["uid"]: s["name"] for s in studios})
        history = importlog.import_history(limit=HISTORY_SHOWN)
        self.tree.clear()
        for h in history:
            result = h["result"]
            item = QTreeWidgetItem([shown(names.get(h["studio_uid"], "")),
                                    when_text(h["imported_at"]), result_text(result),
                                    shown(h["file_name"])])
            item.setToolTip(0, tip(tr("Package No. %1").replace("%1", str(h["sequence"]))))
            item.setToolTip(2, tip("\n".join([*(shown(w) for w in result.get("warnings", [])),
                                              withheld_text(result.get(privacy.MANIFEST_KEY)
                                                            or {})]).strip()
                                   or result_text(result)))
            if result.get("warnings"):
                item.setForeground(2, QColor(ORANGE))
            self.tree.addTopLevelItem(item)
        for c in range(3):
            self.tree.resizeColumnToContents(c)
        total = importlog.import_count()
        self.summary.setText(str(total) if total else "")
        n = importlog.open_conflict_count()
        self.conflicts.setText(tr("Open conflicts: %1").replace("%1", str(n)))
        self.conflicts.setStyleSheet(f"color: {RED if n else MUTED}; text-align: left; "
                                     f"border: none; text-decoration: {'underline' if n else 'none'};")
        self.conflicts.setEnabled(bool(n))
        self.conflicts.setToolTip(tr("Records that came with the same version but other "
                                     "content than the ledger's; they were kept, not applied.")
                                  + (" " + tr("Click to review them.") if n else ""))
