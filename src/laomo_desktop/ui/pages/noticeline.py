"""The overview's countdown to the next due date of an open notice (ledger/notices.py):
"还有 5 天：关于……的通知（6月9日截止）", amber within a week, red on the day and once overdue;
a click opens the notice. Nothing is shown when no notice is open."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from laomo_desktop.ledger import notices as N
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.cardlook import AMBER, RED
from laomo_desktop.ui.plain import shown

SOON_DAYS = 7


def colour(days: int) -> str:
    return RED if days <= 0 else AMBER if days <= SOON_DAYS else ""


def make_line(open_notice: Callable[[str], None]) -> QLabel:
    lab = QLabel()
    lab.setObjectName("notice_countdown")
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                               | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    lab.setToolTip(tr("Open the notice and its required items"))
    lab.linkActivated.connect(lambda uid: open_notice(uid))
    lab.hide()
    return lab


def fill(lab: QLabel, studio_uid: str) -> N.NoticeState | None:
    """Show the countdown of the studio's next open notice on `lab`; hide it when none."""
    nxt = N.next_due(studio_uid)
    if nxt is None:
        lab.clear()
        lab.hide()
        return None
    others = len(N.notices(studio_uid)) - 1
    text = html.escape(shown(str(nxt.said)))
    style = f"color: {colour(nxt.days)}; " if colour(nxt.days) else ""
    weight = "font-weight: bold; " if nxt.days <= 0 else ""
    more = ""
    if others:
        more = " " + html.escape(tr("(%1 more open notices)").replace("%1", str(others)))
    lab.setText(f'<a href="{html.escape(nxt.uid)}" style="{style}{weight}text-decoration: none">'
                f"{text}</a>{more}")
    lab.setAccessibleName(shown(str(nxt.said)))
    lab.show()
    return nxt
