"""Checking the ledger: SQLite's own checks, attachment files, and the domain's rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store.models import database


@dataclass(frozen=True)
class Problem:
    severity: str  # "error": data is damaged; "warning": a domain rule is not met
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
    leaders = database.execute_sql("""
        SELECT s.name, (SELECT count(*) FROM member m WHERE m.studio_id = s.id
                        AND m.role = 'leader' AND m.deleted_at IS NULL AND m.left_on IS NULL)
        FROM studio s WHERE s.deleted_at IS NULL ORDER BY s.name""").fetchall()
    for name, n in leaders:
        if n == 0:
            yield Problem("warning", f"工作室“{name}”没有登记领衔人")
        elif n > 1:
            yield Problem("warning", f"工作室“{name}”登记了 {n} 位领衔人，只能有一位")
    for name, year, n in database.execute_sql("""
            SELECT s.name, p.year, count(*) FROM plan p JOIN studio s ON s.id = p.studio_id
            WHERE p.deleted_at IS NULL GROUP BY p.studio_id, p.year HAVING count(*) > 1"""):
        yield Problem("warning", f"工作室“{name}”{year} 年有 {n} 份年度计划，只能有一份")
    for (name,) in database.execute_sql("""
            SELECT s.name FROM mentorship m JOIN studio s ON s.id = m.studio_id
            WHERE m.deleted_at IS NULL AND m.apprentice_id = m.master_id"""):
        yield Problem("warning", f"工作室“{name}”有一对师徒结对的师傅和徒弟是同一人")


def _guarded(part: Callable[[], Iterator[Problem]]) -> list[Problem]:
    """A part of the check that meets damaged pages reports them instead of stopping."""
    try:
        return list(part())
    except LaomoError as exc:
        return [Problem("error", exc.message)]
    except (sqlite3.Error, pw.PeeweeException) as exc:
        return [Problem("error", f"读取台账时出错，文件可能已损坏：{exc}")]


def check_ledger(paths: LedgerPaths) -> list[Problem]:
    """Everything wrong with the ledger, worst first; an empty list means all is well."""
    problems = _guarded(_integrity)
    if not any(p.severity == "error" for p in problems):
        problems += _guarded(lambda: _attachments(paths)) + _guarded(_domain)
    return sorted(problems, key=lambda p: p.severity != "error")
