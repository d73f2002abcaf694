"""Checking the ledger: SQLite's own checks, attachment files, and the domain's rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import grants
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import COUNTED, MODELS, database
from laomo_desktop.texts import Text, worded
from laomo_desktop.visible import visible
from laomo_desktop.work import Job, Progress, result_of

INTEGRITY = Text("数据库完整性检查发现问题：{what}", "The database's integrity check found a problem: {what}")
DANGLING = Text("表 {table} 第 {row} 行引用了不存在的 {parent} 记录",
                "Row {row} of table {table} refers to a {parent} record that does not exist")
MISCOUNTED = Text("{record}记下的“{child}”人数（{kept}）与名单（{listed} 人）不符，统计数字可能不准。"
                  "请联系技术支持。",
                  "{record} records {kept} in its list “{child}”, which holds {listed}: the "
                  "figures may be wrong. Please contact technical support.")
FILE_MISSING = Text("附件“{name}”的文件丢失", "The file of the attachment “{name}” is missing")
FILE_DAMAGED = Text("附件“{name}”的文件内容已损坏（校验值不符）",
                    "The file of the attachment “{name}” is damaged (its checksum does not match)")
BROKEN_RULE = Text("工作室“{studio}”：{rule}（{kind}：{titles}）",
                   "Studio “{studio}”: {rule} ({kind}: {titles})")
OWN_MASTER = Text("工作室“{studio}”：师徒结对的“徒弟（本工作室成员）”不能与“师傅”是同一人",
                  "Studio “{studio}”: in a mentoring pair, the apprentice (a member of the "
                  "studio) cannot be the same person as the master")
NO_LEADER = Text("工作室“{studio}”没有登记领衔人", "Studio “{studio}” has no leader registered")
LEADERS_NAMED = Text("团队中“工作室角色”为领衔人的是“{names}”",
                     "the team's member with the studio role of leader is “{names}”")
NO_LEADER_IN_TEAM = Text("团队中没有“工作室角色”为领衔人的在职成员",
                         "no current member of the team has the studio role of leader")
LEADER_HISTORY = Text("工作室“{studio}”：领衔人沿革最近一条写的是“{name}”（自 {since} "
                      "起），而{now}；各年度材料按领衔人沿革写领衔人。请在“成员”页用"
                      "“更换领衔人…”记下更换，或在工作室资料中更正领衔人沿革",
                      "Studio “{studio}”: the latest entry of the leader history names "
                      "“{name}” (since {since}), but {now}; each year's documents name the "
                      "leader from the leader history. Record the change with “Change "
                      "leader…” on the Members page, or correct the leader history in the "
                      "studio's profile")
RECORD_WHERE = Text("{kind}“{title}”{owner}", "{kind} “{title}”{owner}")
CHILD_OF = Text("的{list}", "'s {list}")
CANNOT_SAVE_TEXT = Text("{where}：{why}（请打开这条记录修改后保存）",
                        "{where}: {why} (please open this record, correct it and save it)")
MORE_TEXTS = Text("另有 {n} 处文字含有不能保存的字符（未逐一列出）",
                  "{n} more texts hold characters that cannot be saved (not listed one by one)")
READ_ERROR = Text("读取台账时出错，文件可能已损坏：{why}",
                  "An error occurred while reading the ledger; the file may be damaged: {why}")


@dataclass(frozen=True)
class Problem:
    severity: str  # "error": data is damaged; "rule": a rule of the forms is broken;
    #                "warning": advice (e.g. no leader registered yet)
    said: Any  # a texts.Message, worded when shown (`message`)

    @property
    def message(self) -> str:
        """What is wrong, in the language the user chose."""
        return worded(self.said)


def _integrity() -> Iterator[Problem]:
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        for r in rows[:20]:
            yield Problem("error", INTEGRITY(what=r))
    for table, rowid, parent, _ in database.execute_sql("PRAGMA foreign_key_check").fetchall()[:20]:
        yield Problem("error", DANGLING(table=table, row=rowid, parent=parent))
    yield from _counts()


def _counts() -> Iterator[Problem]:
    """A child list's length kept on its parent's row (store/models.py COUNTED), which the
    figures add up, is the list's length."""
    for (kind_name, child_name), column in COUNTED.items():
        kind = S.kind(kind_name)
        child = kind.child(child_name)
        wrong = database.execute_sql(
            f'SELECT p.id, p."{column}", (SELECT count(*) FROM "{child.table}" c '
            f'WHERE c.parent_id = p.id) AS n FROM "{kind.table}" p WHERE p."{column}" != n '
            "LIMIT 20").fetchall()
        for rid, kept, listed in wrong:
            record = R.to_records(kind, list(MODELS[kind_name].select()
                                             .where(MODELS[kind_name].id == rid).dicts()))[0]
            yield Problem("error", MISCOUNTED(record=R.named(kind, record), child=child,
                                              kept=kept, listed=listed))


def _attachments(paths: LedgerPaths) -> Iterator[Problem]:
    rows = database.execute_sql(
        "SELECT DISTINCT sha256, filename, size FROM attachment").fetchall()
    for sha, filename, size in rows:
        p = blobs.blob_path(paths, sha)
        if not p.is_file():
            yield Problem("error", FILE_MISSING(name=filename))
            continue
        actual, actual_size = blobs.file_sha256(p)
        if actual != sha or actual_size != size:
            yield Problem("error", FILE_DAMAGED(name=filename))


def _domain() -> Iterator[Problem]:
    """The rules the forms enforce, over what is stored ("rule": a record breaks one, so the
    check fails), and advice no form enforces ("warning")."""
    names = dict(database.execute_sql("SELECT id, name FROM studio"))
    for rule in R.CROSS_RULES:
        kind = S.kind(rule.kind)
        model = MODELS[rule.kind]
        by_studio: dict[int, list[dict]] = {}
        for row in model.select().where(*rule.where(model)).order_by(model.id).dicts():
            by_studio.setdefault(row["studio"], []).append(row)
        for sid, rows in by_studio.items():
            for group in rule.groups(rows):
                titles = [str(r[kind.title]) for r in group[:10]]
                yield Problem("rule", BROKEN_RULE(studio=names.get(sid, sid), rule=rule.rule,
                                                  kind=kind, titles=titles))
    for (name,) in database.execute_sql("""
            SELECT s.name FROM mentorship m JOIN studio s ON s.id = m.studio_id
            WHERE m.deleted_at IS NULL AND m.apprentice_id = m.master_id"""):
        yield Problem("rule", OWN_MASTER(studio=name))
    leaders = database.execute_sql(f"""
        SELECT s.name FROM {M.table("studio")} s WHERE {M.live_sql("s")}
          AND NOT EXISTS (SELECT 1 {M.leader_members_sql("s", "m", None)})
          AND {M.latest_leader_entry_sql("s", "id", None)} IS NULL
        ORDER BY s.name""").fetchall()
    for (name,) in leaders:
        yield Problem("warning", NO_LEADER(studio=name))
    yield from _leader_history(date.today().isoformat())
    yield from _grant_flags()


def _leader_history(today: str) -> Iterator[Problem]:
    """领衔人沿革 decides who led in each year (ledger/asof.py); when its latest entry names
    someone who is not the member with the role of leader in the team today, the role was
    changed in the member form (or the list by hand) and the two disagree."""
    rows = database.execute_sql(f"""
        SELECT s.name, l.name, l.since, (
            SELECT group_concat(m.name, char(31)) {M.leader_members_sql("s", "m", ":day")})
        FROM {M.table("studio")} s JOIN {M.child_table("studio", "leaders")} l
          ON l.id = {M.latest_leader_entry_sql("s", "id", None)}
        WHERE {M.live_sql("s")} ORDER BY s.name""", {"day": today}).fetchall()
    for studio, name, since, holders in rows:
        holders = (holders or "").split("\x1f") if holders else []
        if name in holders:
            continue
        now = LEADERS_NAMED(names=holders) if holders else NO_LEADER_IN_TEAM()
        yield Problem("warning", LEADER_HISTORY(studio=studio, name=name, since=since, now=now))


def _grant_flags() -> Iterator[Problem]:
    """An expense drawn on a grant against its terms: advice, as the fund list shows it (the
    grant's terms are the union's to judge; nothing stops the secretary from saving it)."""
    for use in grants.flagged_grants():
        for drawn in use.flagged:
            yield Problem("warning", grants.flagged_message(use, drawn))


STORED_TEXT_SHOWN = 20


def _stored_texts() -> Iterator[tuple[Callable[[], Any], S.Field, str]]:
    """(where, field, value) of every text of the live records, child lists included; `where`
    is only worded when asked (for the few texts reported)."""
    for kind in S.KINDS:
        title = kind.field(kind.title).column
        for owner, fields, table, join in (
                [("", kind.fields, f'"{kind.table}" p', "")]
                + [(CHILD_OF(list=c), c.fields, f'"{c.table}" c',
                    f' JOIN "{kind.table}" p ON p.id = c.parent_id') for c in kind.children]):
            texts = [f for f in fields if f.type in (S.TEXT, S.LONGTEXT)]
            if not texts:
                continue
            alias = "c" if join else "p"
            cols = ", ".join(f'{alias}."{f.column}"' for f in texts)
            for row in database.execute_sql(f'SELECT p."{title}", {cols} FROM {table}{join} '
                                            "WHERE p.deleted_at IS NULL"):
                def where(kind=kind, title=row[0], owner=owner) -> Any:
                    return RECORD_WHERE(kind=kind, title=visible(str(title)), owner=owner)

                for f, v in zip(texts, row[1:], strict=True):
                    if isinstance(v, str):
                        yield where, f, v


def _stored_text() -> Iterator[Problem]:
    """Text an earlier version let in that the forms now refuse (a control character, a lone
    surrogate): the record still shows, but its studio's package would be refused until the
    record is corrected. Judged by the services' own rule (validate.text_problem)."""
    found = 0
    for where, f, v in _stored_texts():
        why = V.text_problem(f, v)
        if why is not None:
            found += 1
            if found <= STORED_TEXT_SHOWN:
                yield Problem("rule", CANNOT_SAVE_TEXT(where=where(), why=why))
    if found > STORED_TEXT_SHOWN:
        yield Problem("rule", MORE_TEXTS(n=found - STORED_TEXT_SHOWN))


def _guarded(part: Callable[[], Iterator[Problem]]) -> list[Problem]:
    """A part of the check that meets damaged pages reports them instead of stopping."""
    try:
        return list(part())
    except LaomoError as exc:
        return [Problem("error", exc.said)]
    except (sqlite3.Error, pw.PeeweeException) as exc:
        return [Problem("error", READ_ERROR(why=exc))]


FILE_CHECK = Text("检查数据库文件", "Checking the database file")
ATTACHMENT_CHECK = Text("检查附件", "Checking the attachments")
RULE_CHECK = Text("检查业务规则", "Checking the rules")
TEXT_CHECK = Text("检查保存的文字", "Checking the stored text")


def check_ledger(paths: LedgerPaths) -> list[Problem]:
    """Everything wrong with the ledger, worst first; an empty list means all is well."""
    return result_of(check_steps(paths))


def check_steps(paths: LedgerPaths) -> Job[list[Problem]]:
    """check_ledger as a job, a step per check; it only reads, so stopping it changes nothing."""
    parts = [(ATTACHMENT_CHECK, lambda: _attachments(paths)), (RULE_CHECK, _domain),
             (TEXT_CHECK, _stored_text)]
    total = len(parts) + 1
    yield Progress(0, total, str(FILE_CHECK))
    problems = _guarded(_integrity)
    if not any(p.severity == "error" for p in problems):
        for done, (text, part) in enumerate(parts, 1):
            yield Progress(done, total, str(text))
            problems += _guarded(part)
    return sorted(problems, key=lambda p: SEVERITIES.index(p.severity))


SEVERITIES = ("error", "rule", "warning")


def failed(problems: list[Problem]) -> bool:
    """Whether the check fails: damage, or a record breaking a rule the forms enforce."""
    return any(p.severity != "warning" for p in problems)
