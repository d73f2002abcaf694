"""Finding studios: the list with leader and level, and lookup by name or uid; a new studio
with its leader; a change of leader that keeps its history (领衔人沿革)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, database
from laomo_desktop.texts import Both, Text

UNNAMED = Both("未命名", "not named")  # the level of a studio without a naming
NOT_FOUND = Text("找不到工作室“{text}”。用 laomo studios 查看全部工作室。",
                 'No studio "{text}" was found. "laomo studios" lists every studio.')
AMBIGUOUS = Text("“{text}”对应多个工作室（{names}…），请写全名称或使用 uid。",
                 '"{text}" names several studios ({names}…): write the full name or use the uid.')
NAME_THE_LEADER = Text("请填写工作室领衔人的姓名", "Fill in the name of the studio's leader")
NOT_AFTER_TODAY = Text("“{field}”不能晚于今天（{today}）：请在更换生效以后再记下",
                       '"{field}" cannot be later than today ({today}): record the change once '
                       "it has taken effect")
CHOOSE_LEADER = Text("请选择新领衔人", "Choose the new leader")
NO_MEMBER = Text("找不到这位成员，它可能已被彻底删除",
                 "This member cannot be found: they may have been deleted for good")
NOT_OURS = Text("“{name}”不是本工作室的成员", '"{name}" is not a member of this studio')
MEMBER_IN_BIN = Text("“{name}”在回收站中，请先恢复这位成员",
                     '"{name}" is in the recycle bin: restore this member first')
ALREADY_LEADER = Text("“{name}”已是本工作室的领衔人", '"{name}" already leads this studio')
NOT_JOINED_YET = Text("“{name}”{joined}才加入工作室，不能自 {day} 起任领衔人（请核对更换日期或其“{field}”）",
                      '"{name}" joined the studio on {joined} and cannot lead it from {day} '
                      '(check the date of the change or their "{field}")')
ALREADY_LEFT = Text("“{name}”已于 {left} 退出工作室，不能自 {day} 起任领衔人",
                    '"{name}" left the studio on {left} and cannot lead it from {day}')
BEFORE_FOUNDED = Text("“{field}”不能早于工作室的“{founded}”（{day}）",
                      '"{field}" cannot be earlier than the studio\'s "{founded}" ({day})')
NOT_AFTER_LATEST = Text("“{field}”须晚于领衔人沿革中最近一位领衔人“{name}”的起始日期（{day}）",
                        '"{field}" must be later than the day the latest leader in the '
                        'leaders\' history, "{name}", took over ({day})')

_LIST = f"""
    SELECT s.uid, s.name, {M.leader_sql("s")}, {asof.level_sql("s")}, s.category
    FROM {M.table("studio")} s WHERE {M.live_sql("s")} ORDER BY s.name, s.id"""


def list_studios(today: date | None = None) -> list[dict]:
    """Every live studio with its leader and level as they stand today, and its category."""
    from laomo_desktop.ledger.kinds.studio import category_of

    end = (today or date.today()).isoformat()
    out = []
    for uid, name, leader, levels, category in database.execute_sql(
            _LIST, {"start": end, "end": end}).fetchall():
        level = asof.highest_level(levels)
        cat = category_of(category)
        out.append({"uid": uid, "name": name, "leader": leader, "level": level,
                    "level_label": E.Level.label(level) if level else UNNAMED.zh,
                    "category": cat.value, "category_label": cat.zh})
    return out


def studio_is_imported(uid: str | None) -> bool:
    """Whether the studio's records come from its data packages (read-only in this ledger):
    the window, the forms and the exports ask before offering a change."""
    return bool(uid) and database.execute_sql(
        "SELECT 1 FROM imported_studio i JOIN studio s ON s.id = i.studio_id WHERE s.uid = ?",
        (uid,)).fetchone() is not None


def find_studio(text: str) -> dict:
    """A studio by exact uid or name, or by a unique uid prefix or part of the name."""
    text = text.strip()
    studios = list_studios()
    for s in studios:
        if text in (s["uid"], s["name"]):
            return s
    matches = [s for s in studios
               if (len(text) >= 4 and s["uid"].startswith(text)) or (text and text in s["name"])]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LaomoError(NOT_FOUND(text=text))
    raise LaomoError(AMBIGUOUS(text=text, names=[s["name"] for s in matches[:5]]))


def create_studio(values: dict, leader_name: str) -> dict:
    """A new studio together with its leader, in one transaction (the first-run form)."""
    if not (leader_name or "").strip():
        raise ValidationError({"leader": NAME_THE_LEADER()})
    with database.atomic():
        studio = R.create("studio", None, values)
        try:
            R.create("member", studio["uid"], {"name": leader_name, "role": "leader",
                                               "joined_on": values.get("founded_on")})
        except ValidationError as exc:
            raise ValidationError({"leader": next(iter(exc.said_errors.values()))}) from exc
    return studio


# ---- a change of leader --------------------------------------------------------------------

LEADER, CORE = M.LEADER, E.MemberRole.CORE.value
SINCE = S.Field("since", "更换日期", "Date of the change", S.DATE, required=True)
BECOMES_LEADER = "becomes_leader"   # leader_role_effect: the form makes a new leader
STOPS_LEADING = "stops_leading"     # the form takes the role from the recorded leader


@dataclass(frozen=True)
class Change:
    """One record a composed change wrote, as the services gave it before (None: the change
    created it) and after; undoing restores the befores in reverse order."""

    kind: str
    uid: str
    before: dict | None
    after: dict


_latest = M.latest_leader_entry  # the latest entry of 领衔人沿革 (date, then position)


def _writable_studio(studio_uid: str) -> dict:
    studio = R.get("studio", studio_uid)
    if studio["deleted_at"]:
        raise LaomoError(R.STUDIO_IN_BIN())
    model = MODELS["studio"]
    R.check_writable(model.get(model.uid == studio_uid).id)
    return studio


def _day(since: date | str | None, today: date) -> str:
    day, problem = V.clean_value(SINCE, since, V.Context(None, R.RESOLVER, today))
    if problem:
        raise ValidationError({"since": problem})
    if day > today.isoformat():
        raise ValidationError({"since": NOT_AFTER_TODAY(field=SINCE, today=today.isoformat())})
    return day


def _new_leader(studio: dict, member_uid: str | None, day: str) -> dict:
    """The member who is to lead from `day`, or the reason they cannot."""
    if not member_uid:
        raise ValidationError({"member": CHOOSE_LEADER()})
    try:
        m = R.get("member", member_uid)
    except LaomoError as exc:
        raise ValidationError({"member": NO_MEMBER()}) from exc
    name = m["name"]
    if m["studio"] != studio["uid"]:
        raise ValidationError({"member": NOT_OURS(name=name)})
    if m["deleted_at"]:
        raise ValidationError({"member": MEMBER_IN_BIN(name=name)})
    latest = _latest(studio["leaders"])
    if (latest["name"] == name) if latest else m["role"] == LEADER:
        raise ValidationError({"member": ALREADY_LEADER(name=name)})
    if m["joined_on"] and m["joined_on"] > day:
        raise ValidationError({"member": NOT_JOINED_YET(name=name, joined=m["joined_on"], day=day,
                                                        field=S.MEMBER.field("joined_on"))})
    if m["left_on"] and m["left_on"] <= day:
        raise ValidationError({"member": ALREADY_LEFT(name=name, left=m["left_on"], day=day)})
    return m


def _former_leader(leaders: list[dict], day: str) -> dict | None:
    """Who led until `day` when no 领衔人沿革 is kept: the member with the role of leader who
    had not left by then (the first, as meanings.leader_sql takes), else the one who left last.
    One who joined on or after `day` is still named: the change cannot come before them."""
    staying = [m for m in leaders if not m["left_on"] or m["left_on"] >= day]
    if staying:
        return staying[0]
    return max(leaders, key=lambda m: m["left_on"], default=None)


def _update(kind: str, uid: str, values: dict, actor: str | None, today: date,
            expected_version: int | None = None) -> Change | None:
    before = R.get(kind, uid)
    after = R.update(kind, uid, values, expected_version=expected_version, actor=actor,
                     today=today)
    return None if after["version"] == before["version"] else Change(kind, uid, before, after)


def change_leader(studio_uid: str, member_uid: str | None, since: date | str | None, *,
                  actor: str | None = None, today: date | None = None) -> list[Change]:
    """Make a member the studio's leader from `since`, keeping who led before.

    Editing roles in the member form would rewrite the past (a period's leader falls back to
    the member with the role of leader: ledger/asof.py), so this records the change in the
    studio's 领衔人沿革 instead, first writing down the leader so far when no list is kept
    (from their joining, else the founding), and gives the roles to match: the former leader
    becomes 骨干, the new one 领衔人. One transaction through records.update (validation,
    versions, audit entries as for any edit); refused with nothing written when the date or
    the member does not fit. Returns each record's before and after, in the order written."""
    today = today or date.today()
    with database.atomic():
        studio = _writable_studio(studio_uid)
        day = _day(since, today)
        member = _new_leader(studio, member_uid, day)
        founded = studio["founded_on"]
        if founded and day < founded:
            raise ValidationError({"since": BEFORE_FOUNDED(
                field=SINCE, founded=S.STUDIO.field("founded_on"), day=founded)})
        others = [m for m in R.list_records("member", studio_uid)
                  if m["role"] == LEADER and m["uid"] != member["uid"]]
        entries = list(studio["leaders"])
        former = None if entries else _former_leader(others, day)
        if former is not None:
            entries.append({"name": former["name"],
                            "since": max(d for d in (former["joined_on"], founded) if d)})
        latest = _latest(entries)
        if latest is not None and day <= latest["since"]:
            raise ValidationError({"since": NOT_AFTER_LATEST(field=SINCE, name=latest["name"],
                                                             day=latest["since"])})
        entries.append({"name": member["name"], "since": day})
        writes = [("studio", studio_uid, {"leaders": entries})]
        writes += [("member", m["uid"], {"role": CORE}) for m in others
                   if not m["left_on"] or m["left_on"] >= day]  # still in the team: hands over
        writes.append(("member", member["uid"], {"role": LEADER}))
        changes = [_update(kind, uid, values, actor, today) for kind, uid, values in writes]
    return [c for c in changes if c is not None]


def leader_role_effect(studio_uid: str, member_uid: str | None, values: dict) -> str | None:
    """What saving the member form with `values` would do to the studio's leader, where a
    plain save would mislead: BECOMES_LEADER (the role 领衔人 is given while someone else leads
    or led, so it is a change of leader), STOPS_LEADING (the recorded leader loses the role,
    and earlier years would no longer name them), else None."""
    stored = R.get("member", member_uid) if member_uid else None
    was_leader = stored is not None and stored["role"] == LEADER
    latest = _latest(R.get("studio", studio_uid)["leaders"])
    if values.get("role") == LEADER and not was_leader:
        if latest is not None:
            return None if latest["name"] == (values.get("name") or "").strip() else BECOMES_LEADER
        others = [m for m in R.list_records("member", studio_uid)
                  if m["role"] == LEADER and m["uid"] != member_uid]
        return BECOMES_LEADER if others else None
    if was_leader and values.get("role") != LEADER:
        return STOPS_LEADING if latest is None or latest["name"] == stored["name"] else None
    return None


def _save_member(studio_uid: str, member_uid: str | None, values: dict,
                 expected_version: int | None, actor: str | None, today: date
                 ) -> tuple[str, Change | None]:
    """The member form's edits with the role as it was (a new member: 骨干)."""
    if member_uid is None:
        created = R.create("member", studio_uid, {**values, "role": CORE}, actor=actor,
                           today=today)
        return created["uid"], Change("member", created["uid"], None, created)
    role = R.get("member", member_uid)["role"]
    return member_uid, _update("member", member_uid, {**values, "role": role}, actor, today,
                               expected_version)


def check_member_values(studio_uid: str, member_uid: str | None, values: dict, *,
                        expected_version: int | None = None, today: date | None = None) -> None:
    """The member form's own errors (its role aside), before a change of leader asks for its
    date: the save is tried by the services and always rolled back."""
    with database.atomic() as txn:
        _save_member(studio_uid, member_uid, values, expected_version, None,
                     today or date.today())
        txn.rollback()


def save_member_as_leader(studio_uid: str, member_uid: str | None, values: dict,
                          since: date | str | None, *, expected_version: int | None = None,
                          actor: str | None = None, today: date | None = None) -> list[Change]:
    """The member form's save when it makes a new leader (leader_role_effect): the form's
    other edits (or the new member, created as 骨干) and change_leader, in one transaction."""
    today = today or date.today()
    with database.atomic():
        member_uid, saved = _save_member(studio_uid, member_uid, values, expected_version,
                                         actor, today)
        changes = [saved, *change_leader(studio_uid, member_uid, since, actor=actor,
                                         today=today)]
    return [c for c in changes if c is not None]


def revert(changes: list[Change], *, actor: str | None = None) -> None:
    """Undo a composed change in one transaction: each record back to its content before, in
    reverse order (one the change created goes to the recycle bin, never lost)."""
    with database.atomic():
        for c in reversed(changes):
            if c.before is None:
                R.trash(c.kind, c.uid, actor=actor)
            else:
                R.update(c.kind, c.uid, _content(c.before), actor=actor)


def reapply(changes: list[Change], *, actor: str | None = None) -> None:
    """Redo a composed change that `revert` undid, in one transaction, in the original order."""
    with database.atomic():
        for c in changes:
            if c.before is None:
                R.restore(c.kind, c.uid, actor=actor)
            R.update(c.kind, c.uid, _content(c.after), actor=actor)


def _content(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in R.META}


def leader_today(studio_uid: str, today: date | None = None) -> str | None:
    """The studio's leader's name today, by the one definition (ledger/asof.py)."""
    end = (today or date.today()).isoformat()
    row = database.execute_sql(
        f"SELECT {M.leader_sql('s')} FROM {M.table('studio')} s WHERE s.uid = :uid",
        {"start": end, "end": end, "uid": studio_uid}).fetchone()
    return row[0] if row else None


def leader_candidates(studio_uid: str, today: date | None = None) -> list[dict]:
    """The members who could take over as leader: live, in the team today, not the leader."""
    day = (today or date.today()).isoformat()
    leader = leader_today(studio_uid, today)
    return [m for m in R.list_records("member", studio_uid)
            if m["name"] != leader and (not m["left_on"] or m["left_on"] > day)]
