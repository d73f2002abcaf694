"""The ledger's shared meanings, each stated once: the figures, documents, checks and lists
that need "a live record", "a member in the team on a day", "the studio's leader" or "an
activity's person-times" call these instead of writing the SQL (or the Python) again, so a
change of definition is made in one place.

Tables and columns come from the declarations (store/schema.py): `table("activity")`,
`child_table("activity", "attendees")`. What is in force during a period or at its end is
ledger/asof.py's; the member and leader predicates here build on it.

SQL predicates take the table alias they apply to and, where a day matters, an SQL expression
for that day (default :end, the period's last day, as in asof).
"""

from __future__ import annotations

from laomo_desktop.ledger import asof
from laomo_desktop.ledger.period import Period
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S


def table(kind: str) -> str:
    """The table of a record kind, as its declaration names it."""
    return S.kind(kind).table


def child_table(kind: str, child: str) -> str:
    """The table of a kind's child list (e.g. an activity's attendees)."""
    return S.kind(kind).child(child).table


def column(kind: str, field: str) -> str:
    """The column of a declared field (a reference's is `<name>_id`)."""
    return S.kind(kind).field(field).column


# ---- live records and the period's days -------------------------------------------------------

LIVE = "deleted_at IS NULL"  # not in the recycle bin (prefix with "alias." where needed)
IN_YEAR = "BETWEEN :start AND :end"  # a date within the period


def studio_id_sql(param: str = "?") -> str:
    """The id of the studio whose uid is the SQL parameter `param` (a subquery)."""
    return f"(SELECT id FROM {table('studio')} WHERE uid = {param})"


def live_sql(a: str) -> str:
    """The record (alias `a`) is not in the recycle bin."""
    return f"{a}.{LIVE}"


# ---- a member in the team ----------------------------------------------------------------------

_MEMBER, _LEADERS = table("member"), child_table("studio", "leaders")
LEADER = E.MemberRole.LEADER.value


def in_team_sql(m: str, day: str = ":end") -> str:
    """A member (alias `m`) was in the team on `day`: joined by then (or unknown) and not yet
    left (退出日期 after it, or none). With the default day: active at the period's end."""
    return asof.at_end_sql("member", m, day)


def in_team(member: dict, day: str) -> bool:
    """in_team_sql in Python, over a record as ledger.records gives it."""
    return asof.at_day("member", member, day)


def is_leader_sql(m: str) -> str:
    """A member (alias `m`) holds the role of leader (工作室角色 领衔人)."""
    return f"{m}.{column('member', 'role')} = '{LEADER}'"


def is_leader(member: dict) -> bool:
    return member.get("role") == LEADER


def leader_members_sql(s: str, m: str = "m", day: str | None = ":end") -> str:
    """FROM/WHERE of the live members of studio (alias `s`) with the role of leader who were in
    the team on `day`; with `day` None, those who never left (no 退出日期), as the one-leader
    rule of the member records counts them."""
    team = f"{m}.left_on IS NULL" if day is None else in_team_sql(m, day)
    return (f"FROM {_MEMBER} {m} WHERE {m}.studio_id = {s}.id AND {is_leader_sql(m)} "
            f"AND {live_sql(m)} AND {team}")


# ---- the studio's leader -------------------------------------------------------------------------
# The leader on a day is the latest entry of 领衔人沿革 begun by then (by date, then by its place in
# the list); without one, the first member (by id) with the role of leader in the team that day.

def latest_leader_entry_sql(s: str, col: str = "name", day: str | None = ":end") -> str:
    """`col` of the latest 领衔人沿革 entry of studio (alias `s`) begun by `day` (None: any)."""
    begun = "" if day is None else f" AND l.since <= {day}"
    return (f"(SELECT l.{col} FROM {_LEADERS} l WHERE l.parent_id = {s}.id{begun} "
            "ORDER BY l.since DESC, l.position DESC LIMIT 1)")


def latest_leader_entry(entries: list[dict]) -> dict | None:
    """latest_leader_entry_sql in Python, over the studio's `leaders` list (any day)."""
    if not entries:
        return None
    return max(enumerate(entries), key=lambda ie: (ie[1]["since"], ie[0]))[1]


def leader_sql(s: str = "s", day: str = ":end") -> str:
    """The name of the leader of studio (alias `s`) on `day` (default: the period's end)."""
    return (f"coalesce({latest_leader_entry_sql(s, 'name', day)}, "
            f"(SELECT m.name {leader_members_sql(s, 'm', day)} ORDER BY m.id LIMIT 1))")


def leader(studio: dict, members: list[dict], p: Period) -> str | None:
    """leader_sql in Python at the period's end. `members`: the studio's live members with
    name, role, joined_on, left_on (any order)."""
    latest = latest_leader_entry([ld for ld in studio.get("leaders") or []
                                  if ld.get("since") and ld["since"] <= p.end])
    if latest is not None:
        return latest["name"]
    for m in members:
        if is_leader(m) and in_team(m, p.end):
            return m["name"]
    return None


# ---- an activity's person-times (参加人次) -------------------------------------------------------
# The member attendees listed plus the outside count; an activity with neither entered has no
# count at all (shown empty, and left out of the totals with a note), not 0.


def attendees_sql(a: str) -> str:
    """An activity's (alias `a`) number of member attendees: kept on the activity row by the
    attendee table's triggers (store/steps_year.py, step 15), not counted each time."""
    return f"{a}.attendee_count"


def uncounted_sql(a: str) -> str:
    """An activity (alias `a`) with neither attendees nor an outside count entered."""
    return f"({a}.outside_count IS NULL AND {a}.attendee_count = 0)"


def person_times_sql(a: str) -> str:
    """An activity's (alias `a`) person-times, 0 when none were entered (for sums)."""
    return f"({attendees_sql(a)} + coalesce({a}.outside_count, 0))"


def person_times(activity: dict) -> int | None:
    """An activity record's person-times as the lists show it (the Python twin of
    `person_times_shown_sql`): member attendees plus the outside count; None when neither was
    entered."""
    if activity.get("outside_count") is None and not activity.get("attendees"):
        return None
    return len(activity.get("attendees") or []) + (activity.get("outside_count") or 0)


def person_times_shown_sql(a: str) -> str:
    """An activity's person-times for a list: empty (NULL) when none were entered."""
    return f"CASE WHEN {uncounted_sql(a)} THEN NULL ELSE {person_times_sql(a)} END"
