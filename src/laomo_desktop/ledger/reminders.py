"""What a studio's secretary should see to on a given day: the overview's 提醒 card.

One function, `reminders`, gathers them from the ledger so that the GUI only shows them (and
tests need no window): meeting follow-ups that are due, no plan for the current statistics year,
a mentoring pair whose agreed period ends within 30 days (or has ended with neither 出师 nor an
ending recorded), no data package sent to the union this calendar quarter, and a naming valid
today whose next review is within 60 days or past. Each names the record it concerns (or the
place to act) so that a click can open it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from laomo_desktop.ledger import asof
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger.period import current_year, period
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Text, worded

FOLLOW_UP_DAYS = 7       # follow-ups due within this many days
MENTORING_DAYS = 30      # a pair's agreed period ending within this many days
REVIEW_DAYS = 60         # a naming's next review within this many days

# what a reminder is about; `section` and `uid` say where a click leads
FOLLOW_UP, PLAN, MENTORING, PACKAGE, REVIEW = "follow_up", "plan", "mentoring", "package", "review"
EXPORT = "export"        # the section key of "open the export dialog" (not a page)

FOLLOW_UP_TEXT = Text("会议待办：{what}", "Meeting follow-up: {what}")
NO_PLAN = Text("{year} 年度工作计划尚未录入", "The {year} work plan has not been entered yet")
NO_PLAN_STATS_YEAR = Text("{year} 统计年度工作计划尚未录入",
                          "The work plan of statistics year {year} has not been entered yet")
MENTORING_DUE = Text("师徒结对（{pair}）带徒期限{when}：请登记出师、解除或续签",
                     "Mentoring pair ({pair}): the agreed period {when}. Please record the "
                     "graduation, the ending or a renewal")
ENDED = Both("已到期", "has ended")
ENDING = Both("即将到期", "ends soon")
NO_PACKAGE = Text("本季度（{year} 年第 {quarter} 季度）尚未向工会报送数据包",
                  "No data package has been sent to the union this quarter (Q{quarter} {year})")
NAMING = Text("{level}命名", "{level} naming")
NAMING_BY = Text("{level}命名（{body}）", "{level} naming ({body})")
REVIEW_DUE = Text("{named}的复审{when}：请准备复审材料",
                  "The review of the {named} {when}: please prepare the review documents")
REVIEW_PASSED = Both("已到期", "is overdue")
REVIEW_SOON = Both("即将到期", "is due soon")


@dataclass(frozen=True)
class Reminder:
    kind: str            # FOLLOW_UP, PLAN, MENTORING, PACKAGE or REVIEW
    said: Any            # what to do: a texts.Message, worded when shown (`text`)
    date: str | None     # ISO: when it is due (None: no date given)
    section: str         # where to act: a section key, "studio" (its form) or EXPORT
    uid: str = ""        # the record it concerns ("" when there is none yet)
    owner: str = ""      # who is to do it, when the ledger says so

    @property
    def text(self) -> str:
        """What to do, in the language the user chose."""
        return worded(self.said)

    def overdue(self, today: date) -> bool:
        return bool(self.date) and self.date < today.isoformat()


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day), as an
    agreement's "period of N months" is read."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def quarter_of(day: date) -> tuple[date, date]:
    """The calendar quarter holding `day`: its first and last day."""
    first_month = (day.month - 1) // 3 * 3 + 1
    last_month = first_month + 2
    return (date(day.year, first_month, 1),
            date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]))


def _studio_id(studio_uid: str) -> int | None:
    row = database.execute_sql("SELECT id FROM studio WHERE uid = ? AND deleted_at IS NULL",
                               (studio_uid,)).fetchone()
    return row[0] if row else None


def _follow_ups(studio_uid: str, today: date) -> list[Reminder]:
    until = (today + timedelta(days=FOLLOW_UP_DAYS)).isoformat()
    return [Reminder(FOLLOW_UP, FOLLOW_UP_TEXT(what=what), due, "activity", activity_uid, owner or "")
            for what, due, owner, activity_uid in Q.due_follow_ups(studio_uid, until)]


def _plan(studio_id: int, today: date) -> list[Reminder]:
    year = current_year(today)
    if database.execute_sql("SELECT 1 FROM plan WHERE studio_id = ? AND year = ? "
                            "AND deleted_at IS NULL", (studio_id, year)).fetchone():
        return []
    missing = NO_PLAN if period(year).start_month == 1 else NO_PLAN_STATS_YEAR
    return [Reminder(PLAN, missing(year=year), None, "plan")]


def _mentoring(studio_id: int, today: date) -> list[Reminder]:
    """Open pairs (no 出师, no ending recorded) whose agreed period ends within the window or
    has already ended."""
    rows = database.execute_sql("""
        SELECT t.uid, t.agreement_date, t.period_months,
               coalesce((SELECT m.name FROM member m WHERE m.id = t.apprentice_id),
                        t.apprentice_name, ''),
               coalesce((SELECT m.name FROM member m WHERE m.id = t.master_id), '')
        FROM mentorship t WHERE t.studio_id = ? AND t.deleted_at IS NULL
          AND t.period_months IS NOT NULL AND t.graduated_on IS NULL AND t.ended_on IS NULL""",
        (studio_id,)).fetchall()
    out = []
    horizon = today + timedelta(days=MENTORING_DAYS)
    for uid, agreed, months, apprentice, master in rows:
        try:
            ends = add_months(date.fromisoformat(agreed), int(months))
        except ValueError:
            continue
        if ends > horizon:
            continue
        pair = f"{master}—{apprentice}" if master and apprentice else (apprentice or master)
        when = ENDED if ends < today else ENDING  # the date stands beside it
        out.append(Reminder(MENTORING, MENTORING_DUE(pair=pair, when=when),
                            ends.isoformat(),
                            "mentorship", uid))
    return out


def _package(studio_uid: str, studio_id: int, today: date) -> list[Reminder]:
    """No package of this studio written this calendar quarter (by this installation's export
    log). A studio imported from packages is the union office's copy: it sends none."""
    if database.execute_sql("SELECT 1 FROM imported_studio WHERE studio_id = ?",
                            (studio_id,)).fetchone():
        return []
    first, last = quarter_of(today)
    for (created,) in database.execute_sql(
            "SELECT created_at FROM export_log WHERE studio_uid = ?", (studio_uid,)).fetchall():
        try:
            made = datetime.fromisoformat(created)
        except (TypeError, ValueError):
            continue
        day = made.astimezone().date() if made.tzinfo else made.date()
        if first <= day <= last:
            return []
    quarter = (first.month - 1) // 3 + 1
    return [Reminder(PACKAGE, NO_PACKAGE(year=first.year, quarter=quarter),
                     last.isoformat(), EXPORT)]


def _reviews(studio_uid: str, studio_id: int, today: date) -> list[Reminder]:
    """Namings valid today (ledger/asof.py) whose next review falls within the window or
    has passed."""
    horizon = (today + timedelta(days=REVIEW_DAYS)).isoformat()
    rows = database.execute_sql(
        f"SELECT r.level, r.next_review, r.body FROM studio_recognition r "
        f"WHERE r.parent_id = ? AND r.next_review IS NOT NULL AND r.next_review <= ? "
        f"AND {asof.naming_valid_sql('r', '?')} ORDER BY r.next_review",
        (studio_id, horizon, today.isoformat(), today.isoformat())).fetchall()
    out = []
    for level, review, body in rows:
        when = REVIEW_PASSED if review < today.isoformat() else REVIEW_SOON  # the date beside it
        shown = _level(level)
        named = NAMING(level=shown) if not body else NAMING_BY(level=shown, body=body)
        out.append(Reminder(REVIEW, REVIEW_DUE(named=named, when=when),
                            review, "studio", studio_uid))
    return out


def _level(code: str) -> Any:
    """The level as a choice (worded in either language), or the stored code when unknown."""
    try:
        return E.Level(code)
    except ValueError:
        return code or ""


def reminders(studio_uid: str, today: date | None = None) -> list[Reminder]:
    """Everything due for the studio on `today` (default: the real today), most urgent first:
    by due date, undated ones last."""
    today = today or date.today()
    studio_id = _studio_id(studio_uid)
    if studio_id is None:
        return []
    found = (_follow_ups(studio_uid, today) + _plan(studio_id, today)
             + _mentoring(studio_id, today) + _package(studio_uid, studio_id, today)
             + _reviews(studio_uid, studio_id, today))
    return sorted(found, key=lambda r: (r.date is None, r.date or ""))
