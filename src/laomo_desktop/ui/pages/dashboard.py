"""The overview (概况) of one studio-year: the headline figures, the year's targets against the
plan, the union's must-have set (八个必有, 六有…, ledger/musthaves.py) and what is missing,
reminders (ledger/reminders.py), and the latest entries. Every figure comes from ledger.stats;
nothing here is typed in."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof, musthaves, stats
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import reminders as RM
from laomo_desktop.ledger.figures import StudioThen, TargetResult, YearFigures
from laomo_desktop.ledger.metrics import WAN, metric, target_metric
from laomo_desktop.ledger.period import current_year, period
from laomo_desktop.store import enums as E
from laomo_desktop.ui import fmt, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.pages import noticeline
from laomo_desktop.ui.pages.cardlook import AMBER, GREEN, MUTED, RED, STYLE, Card, label
from laomo_desktop.ui.pages.lazypage import LazyPage
from laomo_desktop.ui.plain import shown

EVIDENCE_SHOWN = 3
TILE_WIDTH = 130        # a headline tile narrower than this wraps its caption into a column

# (stats key, tile caption); each value label is named "figure_<key>"
FIGURES = (
    ("training_sessions", QT_TRANSLATE_NOOP("Dashboard", "Training sessions")),
    ("training_person_times", QT_TRANSLATE_NOOP("Dashboard", "Training person-times")),
    ("results_total", QT_TRANSLATE_NOOP("Dashboard", "Innovation results")),
    ("patents_total", QT_TRANSLATE_NOOP("Dashboard", "Patents")),
    ("benefit_wan", QT_TRANSLATE_NOOP("Dashboard", "Economic benefit (10k yuan)")),
    ("fund_balance", QT_TRANSLATE_NOOP("Dashboard", "Fund balance")),
)

# what a click on a reminder does, by its kind (ledger/reminders.py)
REMINDER_TIPS = {
    RM.FOLLOW_UP: QT_TRANSLATE_NOOP("Dashboard", "Open the meeting"),
    RM.PLAN: QT_TRANSLATE_NOOP("Dashboard", "Go to the plans to make this year's plan"),
    RM.MENTORING: QT_TRANSLATE_NOOP("Dashboard", "Open the mentoring pair"),
    RM.PACKAGE: QT_TRANSLATE_NOOP("Dashboard", "Export a data package for the union"),
    RM.REVIEW: QT_TRANSLATE_NOOP("Dashboard", "Open the studio's namings"),
}

def figure_text(figures: YearFigures, key: str) -> str:
    """The text of a headline tile, exactly as `laomo stats` would give the same figure."""
    return metric(key).text(figures)  # formatted as ledger/metrics.py declares the figure


def local_time_text(at: str) -> str:
    """An audit timestamp (ISO, UTC) as local "MM-dd HH:mm"."""
    try:
        t = datetime.fromisoformat(at)
    except ValueError:
        return at[:16]
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone().strftime("%m-%d %H:%M")


class DashboardPage(LazyPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("page_dashboard")
        self.setStyleSheet(STYLE)
        self.figures: YearFigures | None = None
        self._painted = False  # the first paint shows the frame; the figures follow it

        self.stack = QStackedWidget()
        self.message = label(wrap=True, name="dashboard_message", scale=1.1, color=MUTED,
                              lines=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.message)

        content = QWidget()
        page = QVBoxLayout(content)
        page.setContentsMargins(24, 20, 24, 24)
        page.setSpacing(16)
        self.heading = label(scale=1.6, bold=True, name="heading", wrap=True)
        self.subheading = label(scale=1.1, color=MUTED, name="subheading", wrap=True)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.heading)
        heading.addWidget(self.subheading)
        # the studio as it stood at the year's end: level, leader, party organisation, review
        facts = QHBoxLayout()
        facts.setSpacing(18)
        self.facts: dict[str, QLabel] = {}
        for name in ("as_of", "studio_level", "studio_leader", "studio_party_org",
                     "next_review"):
            self.facts[name] = lab = label(color=MUTED, name=name)
            facts.addWidget(lab)
        facts.addStretch(1)
        heading.addSpacing(4)
        heading.addLayout(facts)
        self.notice_line = noticeline.make_line(lambda uid: self._go("notice", uid))
        heading.addWidget(self.notice_line)
        page.addLayout(heading)

        self.tiles = tiles = QGridLayout()
        tiles.setHorizontalSpacing(12)
        tiles.setVerticalSpacing(12)
        self.tile_frames: list[QFrame] = []
        self.tile_columns = len(FIGURES)  # in one row until the page is too narrow
        self.figure_labels: dict[str, QLabel] = {}
        for col, (key, caption) in enumerate(FIGURES):
            tile = QFrame()
            tile.setObjectName("tile")
            tl = QVBoxLayout(tile)
            tl.setContentsMargins(16, 12, 16, 12)
            tl.setSpacing(2)
            value = label(scale=1.9, bold=True, name=f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text = QCoreApplication.translate("Dashboard", caption)
            cap = label(text, color=MUTED, wrap=True)
            value.setAccessibleName(text)
            tl.addWidget(value)
            tl.addWidget(cap)
            tl.addStretch(1)
            tiles.addWidget(tile, 0, col)
            tiles.setColumnStretch(col, 1)
            self.tile_frames.append(tile)
            self.figure_labels[key] = value
        page.addLayout(tiles)

        self.targets = Card(QCoreApplication.translate("Dashboard", "Targets of the year"),
                             "targets")
        self.must_haves = Card(QCoreApplication.translate("Dashboard", "Must-haves"),
                                "must_haves")  # titled with the union's set when filled
        assess = QLabel('<a href="#">{}</a>'.format(html.escape(
            QCoreApplication.translate("Dashboard", "Self-assessment"))))
        assess.setTextFormat(Qt.TextFormat.RichText)
        assess.setObjectName("open_assessment")
        assess.setToolTip(QCoreApplication.translate(
            "Dashboard", "Score the year against an assessment template on the Reports page"))
        assess.linkActivated.connect(self._goer("reports", "assessment"))
        self.must_haves.head.addSpacing(12)
        self.must_haves.head.addWidget(assess)
        self.follow_ups = Card(QCoreApplication.translate("Dashboard", "Reminders"),
                                "reminders")  # with the meeting follow-ups that are due
        self.latest = Card(QCoreApplication.translate("Dashboard", "Latest entries"), "latest")
        columns = QHBoxLayout()
        columns.setSpacing(16)
        for cards in ((self.targets, self.follow_ups), (self.must_haves, self.latest)):
            col = QVBoxLayout()
            col.setSpacing(16)
            for card in cards:
                col.addWidget(card)
            col.addStretch(1)
            columns.addLayout(col, 1)
        page.addLayout(columns)
        page.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("dashboard_scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        self.scroll = scroll

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    # -- layout -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_tiles()

    def _arrange_tiles(self) -> None:
        """The headline tiles in one row when each gets the room its figure needs, else in
        rows of three (or two): a narrow window wraps them instead of cutting the last off."""
        room = self.width() - 48 - self.scroll.verticalScrollBar().sizeHint().width()
        figure = max(lab.sizeHint().width() for lab in self.figure_labels.values())
        need = max(TILE_WIDTH, figure + 32) + self.tiles.horizontalSpacing()
        count = len(self.tile_frames)
        columns = next((c for c in (count, 3, 2) if c * need <= room), 2)
        if columns == self.tile_columns:
            return
        self.tile_columns = columns
        for tile in self.tile_frames:
            self.tiles.removeWidget(tile)
        for col in range(count):
            self.tiles.setColumnStretch(col, 1 if col < columns else 0)
        for i, tile in enumerate(self.tile_frames):
            self.tiles.addWidget(tile, i // columns, i % columns)


    # -- loading ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The first time, the page is painted before its figures are computed (paintEvent),
        so a start shows the window at once; later shows reload at once, as every page does."""
        if self._painted:
            super().showEvent(event)
        else:
            QWidget.showEvent(self, event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._fill_after_first_paint)

    def _fill_after_first_paint(self) -> None:
        if self._dirty and self.isVisible():
            self.reload()

    def shown_year(self) -> int:
        return self.ctx.year or current_year()

    def reload(self) -> None:
        self._dirty = False
        uid = self.ctx.studio_uid
        if not uid:
            self._show_message(QCoreApplication.translate(
                "Dashboard", "No studio is selected. Create or choose a studio to see its "
                             "overview."))
            return
        year = self.shown_year()
        try:
            figures = stats.studio_year(uid, year)
            review = asof.next_review(R.get("studio", uid), period(year))
            namings = bool(figures.studio.level)
            plans = Q.fetch_rows("plan", uid, [], year=year)
            due = RM.reminders(uid)
            latest = Q.latest_changes(uid, 8)
        except LaomoError as exc:
            self._show_message(exc.message)
            return
        self.figures = figures
        self.heading.setText(figures.studio.name)
        if self.ctx.year:
            sub = QCoreApplication.translate("Dashboard", "Overview of %1")
        else:
            sub = QCoreApplication.translate(
                "Dashboard", "Overview of %1 (all years are selected; showing the current "
                             "year)")
        self.subheading.setText(sub.replace("%1", fmt.period_label(year)))
        self._fill_facts(figures.studio, figures.end, review if namings else None,
                         namings)
        for key, lab in self.figure_labels.items():
            lab.setText(figure_text(figures, key))
        self._arrange_tiles()  # a longer figure may need another row
        self._fill_targets(figures.targets, plans[0][0] if plans else None, year)
        self._fill_checklist(uid, year)
        self._fill_reminders(due)
        noticeline.fill(self.notice_line, uid)
        self._fill_latest(latest)
        self.stack.setCurrentIndex(1)

    def _show_message(self, text: str) -> None:
        self.figures = None
        self.message.setText(text)
        self.stack.setCurrentIndex(0)

    def _go(self, section: str, uid: str = "") -> None:
        self.ctx.navigate_requested.emit(section, uid)

    # -- the studio at the year's end ---------------------------------------------------------
    def _fill_facts(self, studio: StudioThen, end: str, review: str | None, namings: bool) -> None:
        """Level, leader and party organisation as of the period's end (stats), and the next
        review of the namings valid then: amber when it falls in the current statistics year,
        red when it has passed."""
        translate = QCoreApplication.translate
        f = self.facts
        f["as_of"].setText(translate("Dashboard", "As of %1:").replace(
            "%1", fmt.date_text(end)))
        level = fmt.choice_label(E.Level, studio.level) or translate("Dashboard",
                                                                         "not named")
        f["studio_level"].setText(translate("Dashboard", "Level: %1").replace("%1", level))
        leader = studio.leader or translate("Dashboard", "not recorded")
        f["studio_leader"].setText(translate("Dashboard", "Leader: %1").replace("%1", leader))
        f["studio_party_org"].setText(translate("Dashboard", "Party organisation: %1").replace(
            "%1", fmt.choice_label(E.PartyOrg, studio.party_org)))
        label = f["next_review"]
        label.setVisible(namings)
        today = date.today().isoformat()
        if not review:
            text, color = translate("Dashboard", "not recorded"), MUTED
        elif review < today:
            text = translate("Dashboard", "%1, overdue").replace("%1", fmt.date_text(review))
            color = RED
        elif period(current_year()).contains(review):
            text = translate("Dashboard", "%1, due this year").replace(
                "%1", fmt.date_text(review))
            color = AMBER
        else:
            text, color = fmt.date_text(review), MUTED
        label.setText(translate("Dashboard", "Next review: %1").replace("%1", text))
        font = label.font()
        font.setBold(color != MUTED)
        label.setFont(font)
        label.setStyleSheet(f"color: {color};")

    # -- the cards --------------------------------------------------------------------------
    def _fill_targets(self, targets: tuple[TargetResult, ...], plan_uid: str | None, year: int) -> None:
        met = sum(1 for t in targets if t.met)
        summary = "" if not targets else QCoreApplication.translate(
            "Dashboard", "%1 of %2 met").replace("%1", str(met)).replace("%2", str(len(targets)))
        grid = self.targets.reset(summary)
        if not targets:
            if plan_uid is None:
                text = QCoreApplication.translate(
                    "Dashboard", "There is no plan for %1 yet, so there are no targets to "
                                 "measure against.").replace("%1", fmt.year_text(year))
                button = QPushButton(QCoreApplication.translate("Dashboard", "Make the yearly plan"))
                button.setObjectName("make_plan")
                button.clicked.connect(lambda: self._go("plan", ""))
            else:
                text = QCoreApplication.translate(
                    "Dashboard", "The plan for %1 has no targets yet.").replace(
                        "%1", fmt.year_text(year))
                button = QPushButton(QCoreApplication.translate("Dashboard", "Open the plan"))
                button.setObjectName("open_plan")
                button.clicked.connect(lambda: self._go("plan", plan_uid))
            grid.addWidget(label(text, wrap=True, name="no_targets"), 0, 0)
            grid.addWidget(button, 1, 0, Qt.AlignmentFlag.AlignLeft)
            return
        for row, t in enumerate(targets):
            money = target_metric(t.metric).kind == WAN  # shown in 万元
            actual = fmt.wan_unit_text(t.actual) if money else str(t.actual)
            target = fmt.wan_unit_text(t.target) if money else str(t.target)
            percent = int(min(t.progress, 1.0) * 100)
            done = QCoreApplication.translate("Dashboard", "Done %1 / target %2").replace(
                "%1", actual).replace("%2", target)
            title = fmt.choice_label(E.TargetMetric, t.metric)  # declared in both languages
            name = label(title, bold=True)
            name.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
            bar = QProgressBar()
            bar.setObjectName(f"target_{t.metric}")
            bar.setRange(0, 100)
            bar.setValue(percent)
            bar.setTextVisible(False)
            bar.setProperty("met", bool(t.met))
            bar.setAccessibleName(f"{title} {done}")
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(label(done, color=None if t.met else MUTED,
                                  name=f"target_text_{t.metric}"), row * 2, 1,
                           Qt.AlignmentFlag.AlignRight)
            grid.addWidget(bar, row * 2 + 1, 0, 1, 2)
            grid.addWidget(label(f"{percent}%", color=GREEN if t.met else MUTED),
                           row * 2 + 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)

    def _fill_checklist(self, uid: str, year: int) -> None:
        """The studio-year against the union's must-have set (Tools ▸ Settings); a set that
        cannot be used says why in the card, and the rest of the page is shown as usual."""
        name = prefs.read(self.ctx.settings, declared.MUST_HAVE_SET)
        try:
            checklist = musthaves.checklist(uid, year, musthaves.current(self.ctx.paths, name))
        except LaomoError as exc:
            self.must_haves.title.setText(QCoreApplication.translate("Dashboard", "Must-haves"))
            grid = self.must_haves.reset()
            grid.addWidget(label(exc.message, wrap=True, color=RED, name="must_haves_problem"),
                           0, 0)
            return
        self.must_haves.title.setText(checklist.short)
        self.must_haves.title.setToolTip(checklist.title)
        self._fill_must_haves(checklist.items)

    def _fill_must_haves(self, items: tuple[musthaves.Item, ...]) -> None:
        met = sum(1 for m in items if m.met)
        grid = self.must_haves.reset(QCoreApplication.translate(
            "Dashboard", "%1 of %2 in place").replace("%1", str(met)).replace("%2", str(len(items))))
        for row, m in enumerate(items):
            mark = label("✓" if m.met else "✗", bold=True, scale=1.2,
                          color=GREEN if m.met else RED, name=f"mark_{m.item}")
            mark.setAccessibleName(QCoreApplication.translate("Dashboard", "In place")
                                   if m.met else
                                   QCoreApplication.translate("Dashboard", "Missing"))
            # a met item's label sits on its detail's first line; a missing one centres on
            # its button
            align = Qt.AlignmentFlag.AlignTop if m.met else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(mark, row, 0, align)
            grid.addWidget(label(str(m.label), bold=True), row, 1, align)
            box = QWidget()
            text = QVBoxLayout(box)
            text.setContentsMargins(0, 0, 0, 0)
            text.setSpacing(2)
            text.addWidget(label(str(m.detail), wrap=True, color=None if m.met else RED,
                                  name=f"detail_{m.item}"))
            titles = [e["title"] for e in m.evidence[:EVIDENCE_SHOWN] if e["title"]]
            if m.met and titles:
                ev = label(fmt.listed(titles), scale=0.9, color=MUTED, wrap=True,
                            name=f"evidence_{m.item}")
                text.addWidget(ev)
            grid.addWidget(box, row, 2, align)
            if not m.met and m.section:
                fix = QPushButton(QCoreApplication.translate("Dashboard", "Go and complete"))
                fix.setObjectName(f"fix_{m.item}")
                fix.setToolTip(QCoreApplication.translate(
                    "Dashboard", "Open the place where this is recorded"))
                fix.clicked.connect(self._goer(m.section, ""))
                grid.addWidget(fix, row, 3, align)
        grid.setColumnStretch(2, 1)

    def _goer(self, section: str, uid: str):
        """A slot that ignores what the signal carries (checked flag, link)."""
        return lambda *_args: self._go(section, uid)

    def _fill_reminders(self, due: list[RM.Reminder]) -> None:
        """One line per reminder, most urgent first; a click opens the record or the place to
        act (the plan section, the studio's namings, the export dialog)."""
        translate = QCoreApplication.translate
        grid = self.follow_ups.reset(str(len(due)) if due else "")
        if not due:
            grid.addWidget(label(translate("Dashboard", "No reminders."), color=MUTED,
                                  name="no_reminders"), 0, 0)
            return
        today = date.today()
        for row, r in enumerate(due):
            late = r.overdue(today)
            link = QLabel(f'<a href="#">{html.escape(shown(r.text))}</a>')  # escaped: a link
            link.setTextFormat(Qt.TextFormat.RichText)
            link.setObjectName(f"reminder_{row}")
            link.setProperty("kind", r.kind)
            link.setWordWrap(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            link.setToolTip(translate("Dashboard", REMINDER_TIPS[r.kind]))
            link.linkActivated.connect(self._goer(r.section, r.uid))
            grid.addWidget(link, row, 0)
            grid.addWidget(label(r.owner, color=MUTED), row, 1)
            if r.date:
                when_text = fmt.date_text(r.date)
                if late:
                    when_text = translate("Dashboard", "%1, overdue").replace("%1", when_text)
            elif r.kind == RM.FOLLOW_UP:
                when_text = translate("Dashboard", "No due date")
            else:
                when_text = ""
            grid.addWidget(label(when_text, bold=late, color=RED if late else MUTED,
                                  name=f"reminder_due_{row}"), row, 2,
                           Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)

    def _fill_latest(self, latest: list[tuple]) -> None:
        grid = self.latest.reset()
        if not latest:
            grid.addWidget(label(QCoreApplication.translate(
                "Dashboard", "Nothing has been entered yet."), color=MUTED), 0, 0)
            return
        for row, (at, summary, _kind) in enumerate(latest):
            grid.addWidget(label(local_time_text(at), color=MUTED), row, 0,
                           Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(summary, wrap=True, name=f"latest_{row}", lines=True),
                           row, 1)
        grid.setColumnStretch(1, 1)
