"""Notices (通知) and their deadlines: which are still open, how many days are left, ticking a
required item done. The overview's countdown, the notices section and `laomo notices` all read
these, so they say the same thing in the same words.

A notice is open until it is closed (办结日期) or every one of its required items is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Message, Text

KIND = "notice"
UNION_FORM, OTHER = E.NoticeSource.UNION_FORM, E.NoticeSource.OTHER

DAYS_LEFT = Text("还有 {n} 天：{title}（{due}截止）", "{n} days left: {title} (due {due})")
TOMORROW = Text("明天截止：{title}（{due}）", "Due tomorrow: {title} ({due})")
TODAY = Text("今天截止：{title}（{due}）", "Due today: {title} ({due})")
OVERDUE = Text("已逾期 {n} 天：{title}（{due}截止）", "{n} days overdue: {title} (was due {due})")
OVERDUE_ONE = Text("已逾期 1 天：{title}（{due}截止）", "1 day overdue: {title} (was due {due})")
CLOSED = Text("已办结：{title}（{due}截止）", "Closed: {title} (due {due})")
# the same, without the title (beside it on the checklist and the notice's screen)
LEFT_SHORT = Text("还有 {n} 天", "{n} days left")
TOMORROW_SHORT = Text("明天截止", "Due tomorrow")
TODAY_SHORT = Text("今天截止", "Due today")
OVERDUE_SHORT = Text("已逾期 {n} 天", "{n} days overdue")
OVERDUE_ONE_SHORT = Text("已逾期 1 天", "1 day overdue")
CLOSED_SHORT = Text("已办结", "Closed")
NO_SUCH_ITEM = Text("这份通知没有第 {n} 项报送材料", "This notice has no required item {n}")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def due_words(due: str, today: date) -> Both:
    """A due date as the countdown says it: "6月9日" in the current year, with the year else."""
    d = date.fromisoformat(due)
    if d.year == today.year:
        return Both(f"{d.month}月{d.day}日", f"{d.day} {_MONTHS[d.month - 1]}")
    return Both(f"{d.year}年{d.month}月{d.day}日", f"{d.day} {_MONTHS[d.month - 1]} {d.year}")


def days_left(due: str, today: date) -> int:
    """Days from `today` to the due day: 0 on the day, negative once it has passed."""
    return (date.fromisoformat(due) - today).days


def countdown(title: str, due: str, today: date, *, closed: bool = False) -> Message:
    """"还有 5 天：关于……的通知（6月9日截止）", "明天截止", "今天截止", "已逾期 3 天"."""
    words = due_words(due, today)
    if closed:
        return CLOSED(title=title, due=words)
    n = days_left(due, today)
    if n > 1:
        return DAYS_LEFT(n=n, title=title, due=words)
    if n == 1:
        return TOMORROW(title=title, due=words)
    if n == 0:
        return TODAY(title=title, due=words)
    return (OVERDUE_ONE if n == -1 else OVERDUE)(n=-n, title=title, due=words)


def state(due: str, today: date, *, closed: bool = False) -> Message:
    """"还有 5 天", "明天截止", "今天截止", "已逾期 3 天" or "已办结"."""
    if closed:
        return CLOSED_SHORT()
    n = days_left(due, today)
    if n > 1:
        return LEFT_SHORT(n=n)
    if n in (0, 1):
        return (TODAY_SHORT if n == 0 else TOMORROW_SHORT)()
    return OVERDUE_ONE_SHORT() if n == -1 else OVERDUE_SHORT(n=-n)


@dataclass(frozen=True)
class NoticeState:
    """A notice as the overview and `laomo notices` show it."""

    uid: str
    title: str
    issuer: str
    doc_no: str
    due_on: str
    days: int             # days left; negative: overdue
    done: int             # required items done
    items: int            # required items
    closed: bool          # closed, or every item done
    said: Message         # the countdown, worded when shown

    @property
    def overdue(self) -> bool:
        return not self.closed and self.days < 0


def is_closed(record: dict[str, Any]) -> bool:
    items = record.get("items") or []
    return bool(record.get("closed_on")) or (bool(items) and all(i.get("done") for i in items))


def notices(studio_uid: str, today: date | None = None, *, closed: bool = False
            ) -> list[NoticeState]:
    """The studio's live notices, soonest due first; the closed ones too when `closed`."""
    today = today or date.today()
    out = []
    for rec in R.list_records(KIND, studio_uid):
        shut = is_closed(rec)
        if shut and not closed:
            continue
        items = rec.get("items") or []
        out.append(NoticeState(
            rec["uid"], rec["title"] or "", rec["issuer"] or "", rec["doc_no"] or "",
            rec["due_on"], days_left(rec["due_on"], today), sum(1 for i in items if i["done"]),
            len(items), shut, countdown(rec["title"] or "", rec["due_on"], today, closed=shut)))
    return sorted(out, key=lambda n: (n.closed, n.due_on, n.title))


def next_due(studio_uid: str, today: date | None = None) -> NoticeState | None:
    """The open notice due first (an overdue one before any other), or None."""
    found = notices(studio_uid, today)
    return found[0] if found else None


def open_count(studio_uid: str) -> int:
    """How many open notices the studio has (one query, for the overview)."""
    row = database.execute_sql(
        "SELECT count(*) FROM notice t JOIN studio s ON s.id = t.studio_id "
        "WHERE s.uid = ? AND t.deleted_at IS NULL AND t.closed_on IS NULL AND ("
        "NOT EXISTS (SELECT 1 FROM notice_item i WHERE i.parent_id = t.id) OR "
        "EXISTS (SELECT 1 FROM notice_item i WHERE i.parent_id = t.id AND NOT i.done))",
        (studio_uid,)).fetchone()
    return row[0] if row else 0


def set_item_done(uid: str, index: int, done: bool, *, today: date | None = None,
                  actor: str | None = None, expected_version: int | None = None) -> dict:
    """Tick (or untick) the required item at `index` (from 0); ticking it dates it today unless
    a date is already there, unticking clears the date. One ordinary update of the notice."""
    rec = R.get(KIND, uid)
    items = [dict(i) for i in rec.get("items") or []]
    if not 0 <= index < len(items):
        raise LaomoError(NO_SUCH_ITEM(n=index + 1))
    item = items[index]
    item["done"] = bool(done)
    item["done_on"] = (item.get("done_on") or (today or date.today()).isoformat()) if done else None
    return R.update(KIND, uid, {"items": items}, expected_version=expected_version,
                    actor=actor, today=today)


def source_label(code: str | None) -> Both:
    """What produces an item, in both languages ("" when not given)."""
    try:
        c = E.NoticeSource(code)
    except ValueError:
        return Both(code or "", code or "")
    return Both(c.zh, c.en)
