"""The look the overview and the union page share: their colours, the style of their cards,
tiles and progress bars, a label helper, and the card whose body is rebuilt on every reload."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from laomo_desktop.ui.plain import DataLabel

GREEN = "#1a7f37"
RED = "#c62828"
AMBER = "#b45309"
MUTED = "#6b7280"

STYLE = f"""
QFrame#card, QFrame#tile {{
    background: palette(base); border: 1px solid palette(midlight); border-radius: 8px;
}}
QProgressBar {{
    border: none; border-radius: 4px; background: palette(midlight);
    min-height: 8px; max-height: 8px;
}}
QProgressBar::chunk {{ border-radius: 4px; background: #2f6fd6; }}
QProgressBar[met="true"]::chunk {{ background: {GREEN}; }}
"""


def label(text: str = "", *, scale: float = 1.0, bold: bool = False, color: str | None = None,
           wrap: bool = False, name: str = "", lines: bool = False) -> QLabel:
    lab = DataLabel(text, lines=lines)  # record titles and studio names among them
    if scale != 1.0 or bold:
        font = lab.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        lab.setFont(font)
    if color:
        lab.setStyleSheet(f"color: {color};")
    if wrap:
        lab.setWordWrap(True)
    if name:
        lab.setObjectName(name)
    return lab


def clear(layout: QGridLayout, graveyard: QWidget) -> None:
    """Empty a card. Its widgets leave the page at once (so no stale one is found or shown) but
    are deleted later: the button whose click caused a reload may still be in its handler."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.setParent(graveyard)
            widget.deleteLater()


class Card(QFrame):
    """A titled white panel whose body is rebuilt on every reload."""

    def __init__(self, title: str, name: str):
        super().__init__()
        self.setObjectName("card")
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 16)
        lay.setSpacing(12)
        self.head = head = QHBoxLayout()
        self.title = label(title, scale=1.15, bold=True, name=f"{name}_title")
        head.addWidget(self.title)
        head.addStretch(1)
        self.summary = label(color=MUTED, name=f"{name}_summary")
        head.addWidget(self.summary)
        lay.addLayout(head)
        self.body = QGridLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setHorizontalSpacing(14)
        self.body.setVerticalSpacing(10)
        lay.addLayout(self.body)
        self._graveyard = QWidget()  # outside the page, never shown

    def reset(self, summary: str = "") -> QGridLayout:
        clear(self.body, self._graveyard)
        for col in range(self.body.columnCount()):
            self.body.setColumnStretch(col, 0)
        self.summary.setText(summary)
        return self.body
