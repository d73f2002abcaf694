"""Checking the ledger: SQLite's own checks, attachment files, and the domain's rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, database
from laomo_desktop.texts import Text
from laomo_desktop.visible import visible
from laomo_desktop.work import Job, Progress, result_of


@dataclass(frozen=True)
class Problem:
    severity: str  # "error": data is damaged; "rule": a rule of the forms is broken;
    #                "warning": advice (e.g. no leader registered yet)
    message: str


def _integrity() -> Iterator[Problem]:
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        for r in rows[:20]:
            yield Problem("error", f"数据库完整性检查发现问题：{r}")
    for table, rowid, parent, _ in database.execute_sql("PRAGMA foreign_key_check").fetchall()[:20]:
        yield Problem("error", f"表 {table} 第 {rowid} 行引用了不存在的 {parent} 记录")


def _attachments(paths: LedgerPaths) -> Iterator[Problem]:
    rows = database.execute_sql(
        "SELECT DISTINCT sha256, filename, size FROM attachment").fetchall()
    for sha, filename, size in rows:
        p = blobs.blob_path(paths, sha)
        if not p.is_file():
            yield Problem("error", f"附件“{filename}”的文件丢失")
            continue
        actual, actual_size = blobs.file_sha256(p)
        if actual != sha or actual_size != size:
            yield Problem("error", f"附件“{filename}”的文件内容已损坏（校验值不符）")


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
                titles = "、".join(str(r[kind.title]) for r in group[:10])
                yield Problem("rule", f"工作室“{names.get(sid, sid)}”：{rule.rule}"
                                      f"（{kind.label}：{titles}）")
    for (name,) in database.execute_sql("""
            SELECT s.name FROM mentorship m JOIN studio s ON s.id = m.studio_id
            WHERE m.deleted_at IS NULL AND m.apprentice_id = m.master_id"""):
        yield Problem("rule", f"工作室“{name}”：师徒结对的“徒弟（本工作室成员）”不能与"
                              "“师傅”是同一人")
    leaders = database.execute_sql(f"""
        SELECT s.name FROM {M.table("studio")} s WHERE {M.live_sql("s")}
          AND NOT EXISTS (SELECT 1 {M.leader_members_sql("s", "m", None)})
          AND {M.latest_leader_entry_sql("s", "id", None)} IS NULL
        ORDER BY s.name""").fetchall()
    for (name,) in leaders:
        yield Problem("warning", f"工作室“{name}”没有登记领衔人")
    yield from _leader_history(date.today().isoformat())


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
        now = (f"团队中“工作室角色”为领衔人的是“{'、'.join(holders)}”" if holders
               else "团队中没有“工作室角色”为领衔人的在职成员")
        yield Problem("warning", f"工作室“{studio}”：领衔人沿革最近一条写的是“{name}”（自 {since} "
                                 f"起），而{now}；各年度材料按领衔人沿革写领衔人。请在“成员”页用"
                                 "“更换领衔人…”记下更换，或在工作室资料中更正领衔人沿革")


STORED_TEXT_SHOWN = 20


def _stored_texts() -> Iterator[tuple[Callable[[], str], S.Field, str]]:
    """(where, field, value) of every text of the live records, child lists included; `where`
    is only worded when asked (for the few texts reported)."""
    for kind in S.KINDS:
        title = kind.field(kind.title).column
        for owner, fields, table, join in (
                [("", kind.fields, f'"{kind.table}" p', "")]
                + [(f"的{c.label}", c.fields, f'"{c.table}" c',
                    f' JOIN "{kind.table}" p ON p.id = c.parent_id') for c in kind.children]):
            texts = [f for f in fields if f.type in (S.TEXT, S.LONGTEXT)]
            if not texts:
                continue
            alias = "c" if join else "p"
            cols = ", ".join(f'{alias}."{f.column}"' for f in texts)
            for row in database.execute_sql(f'SELECT p."{title}", {cols} FROM {table}{join} '
                                            "WHERE p.deleted_at IS NULL"):
                def where(kind=kind, title=row[0], owner=owner) -> str:
                    return f"{kind.label}“{visible(str(title))}”{owner}"

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
                yield Problem("rule", f"{where()}：{why}（请打开这条记录修改后保存）")
    if found > STORED_TEXT_SHOWN:
        yield Problem("rule", f"另有 {found - STORED_TEXT_SHOWN} 处文字含有不能保存的字符（未逐一列出）")


def _guarded(part: Callable[[], Iterator[Problem]]) -> list[Problem]:
    """A part of the check that meets damaged pages reports them instead of stopping."""
    try:
        return list(part())
    except LaomoError as exc:
        return [Problem("error", exc.message)]
    except (sqlite3.Error, pw.PeeweeException) as exc:
        return [Problem("error", f"读取台账时出错，文件可能已损坏：{exc}")]


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
