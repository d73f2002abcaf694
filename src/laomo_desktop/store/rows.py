"""The one writer of record rows: new records, changed records, the recycle bin, audit entries.

The services (ledger.records), bulk writes (ledger.bulk: the sample data), pasted rows
(ledger.paste) and imported packages (exchange.importer) all write through here. Rows arrive
already checked by the services' validation (ledger.validate): this module validates nothing,
it only knows the columns (read from the models, which store/schema.py declares) and writes
many rows in few statements.

Ids come from SQLite: a new row is inserted without an id and SQLite's own rowid assignment
gives it one, read back with RETURNING. Rows written in one batch may refer to each other
(a fund entry to a project of the same batch, a child row to its parent) before any of them
has an id: such a reference holds a pending id from `PendingIds` (a negative number, which
SQLite never assigns), swapped for the real id once the row it stands for is written. Kinds are
written in declaration order, which puts every kind after the kinds it refers to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import peewee as pw

from laomo_desktop.store import schema as S
from laomo_desktop.store.models import CHILD_MODELS, COUNTED, MODELS, AuditEntry, database

UIDS = 500       # uids in one IN (...)
PARAMS = 30000   # bound values in one multi-row INSERT (SQLite allows 32,766)


class PendingIds:
    """Ids for rows not written yet: -1, -2, … until `write` learns the ids SQLite gave them."""

    def __init__(self) -> None:
        self._last = 0
        self.assigned: dict[int, int] = {}

    def new(self) -> int:
        self._last -= 1
        return self._last

    def real(self, rid: int | None) -> int | None:
        """The id a pending id stands for once its row is written; any other id as it is.
        A pending id whose row is not written yet is a caller's mistake (KeyError)."""
        if rid is None or rid > 0:
            return rid
        return self.assigned[rid]


# --- the column map ----------------------------------------------------------------------

@cache
def _columns(model: type[pw.Model], skip: tuple[str, ...]) -> tuple[str, tuple[str, ...],
                                                                   dict[str, Any]]:
    """(quoted column list, field names in that order, defaults) of a model, without `skip`."""
    fields = [f for f in model._meta.sorted_fields if f.name not in skip]
    defaults = {f.name: f.default for f in fields if f.default is not None}
    return (", ".join(f'"{f.column_name}"' for f in fields), tuple(f.name for f in fields),
            defaults)


@cache
def _links(kind_name: str, child: str | None = None) -> tuple[str, ...]:
    """The fields of a row that hold another row's id (and so may hold a pending id)."""
    kind = S.kind(kind_name)
    if child is not None:
        return ("parent",) + tuple(f.name for f in kind.child(child).fields if f.type == S.REF)
    return (("studio",) if kind.per_studio else ()) + tuple(
        f.name for f in kind.fields if f.type == S.REF)


def _values(row: dict, names: tuple[str, ...], defaults: dict[str, Any]) -> list[Any]:
    try:
        return [row[n] for n in names]
    except KeyError:
        return [row[n] if n in row else defaults.get(n) for n in names]


def _swap(row: dict, links: tuple[str, ...], ids: PendingIds) -> dict:
    for name in links:
        v = row.get(name)
        if v is not None and v < 0:
            row[name] = ids.real(v)
    return row


# --- writing -----------------------------------------------------------------------------

def insert(kind_name: str, rows: Sequence[dict], ids: PendingIds | None = None) -> dict[str, int]:
    """Insert records of one kind (each a dict with every column by field name: the clean
    fields and uid, created_at, updated_at, version, deleted_at, studio). SQLite gives the ids;
    returns uid -> id. References holding pending ids of `ids` are swapped first."""
    if not rows:
        return {}
    model = MODELS[kind_name]
    columns, names, defaults = _columns(model, ("id",))
    links = _links(kind_name)
    per = max(1, PARAMS // len(names))
    marks = "(" + ", ".join("?" * len(names)) + ")"
    out: dict[str, int] = {}
    with database.atomic():  # RETURNING rows are read before any commit
        for i in range(0, len(rows), per):
            part = rows[i:i + per]
            params: list[Any] = []
            for r in part:
                params.extend(_values(_swap(r, links, ids) if ids else r, names, defaults))
            sql = (f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES '
                   f'{", ".join([marks] * len(part))} RETURNING "id", "uid"')
            out.update((uid, rid) for rid, uid in database.execute_sql(sql, params).fetchall())
    return out


def update(kind_name: str, rows: Sequence[tuple[int, dict]],
           ids: PendingIds | None = None) -> None:
    """Overwrite every column of existing records: (id, row as for `insert`)."""
    if not rows:
        return
    model = MODELS[kind_name]
    columns, names, defaults = _columns(model, ("id",))
    links = _links(kind_name)
    sets = ", ".join(f"{c} = ?" for c in columns.split(", "))
    database.cursor().executemany(
        f'UPDATE "{model._meta.table_name}" SET {sets} WHERE "id" = ?',
        [(*_values(_swap(r, links, ids) if ids else r, names, defaults), rid) for rid, r in rows])


def write_children(kind_name: str, parents: Sequence[tuple[int, dict[str, list[dict]]]], *,
                   replace: bool, ids: PendingIds | None = None) -> None:
    """The child lists of records: (record id, child name -> clean child rows). With
    `replace`, a list named replaces the stored one; a list not named is left alone."""
    if not parents:
        return
    cursor = database.cursor()
    for child in S.kind(kind_name).children:
        named = [(pid, ch[child.name]) for pid, ch in parents if child.name in ch]
        if not named:
            continue
        model = CHILD_MODELS[(kind_name, child.name)]
        if replace:
            cursor.executemany(f'DELETE FROM "{child.table}" WHERE "parent_id" = ?',
                               [(pid,) for pid, _ in named])
        columns, names, defaults = _columns(model, ("id", "parent"))
        links = _links(kind_name, child.name)[1:]
        params = [(pid, *_values(_swap(item, links, ids) if ids else item, names, defaults))
                  for pid, items in named for item in items]
        if params:
            cursor.executemany(f'INSERT INTO "{child.table}" ("parent_id", {columns}) '
                               f'VALUES (?{", ?" * len(names)})', params)
        counted = COUNTED.get((kind_name, child.name))
        if counted:  # the list's length on the parent's row (store/models.py), as it now is
            kept = "" if replace else f'"{counted}" + '
            lengths = [(len(items), pid) for pid, items in named if replace or items]
            cursor.executemany(f'UPDATE "{S.kind(kind_name).table}" SET "{counted}" = '
                               f'{kept}? WHERE "id" = ?', lengths)


def write(new: dict[str, list[tuple[int, dict, dict[str, list[dict]]]]],
          changed: dict[str, list[tuple[int, dict, dict[str, list[dict]]]]],
          ids: PendingIds) -> None:
    """A batch of records of any kinds: `new` rows (pending id, row, children) are inserted,
    `changed` rows (id, row, children) overwritten with their child lists replaced. Kinds go in
    declaration order, so a reference to a new row of an earlier kind finds its id."""
    for kind in S.KINDS:
        fresh = new.get(kind.name, [])
        if fresh:
            got = insert(kind.name, [row for _, row, _ in fresh], ids)
            for pid, row, _ in fresh:
                ids.assigned[pid] = got[row["uid"]]
        upd = changed.get(kind.name, [])
        update(kind.name, [(rid, row) for rid, row, _ in upd], ids)
        write_children(kind.name, [(rid, ch) for rid, _, ch in upd], replace=True, ids=ids)
        write_children(kind.name, [(ids.assigned[pid], ch) for pid, _, ch in fresh],
                       replace=False, ids=ids)


def set_deleted(kind_name: str, uids: Sequence[str], stamp: str, deleted: bool) -> None:
    """Records to the recycle bin (deleted_at = stamp) or back, each a new version."""
    model = MODELS[kind_name]
    for i in range(0, len(uids), UIDS):
        (model.update(deleted_at=stamp if deleted else None, updated_at=stamp,
                      version=model.version + 1)
         .where(model.uid.in_(list(uids[i:i + UIDS]))).execute())


# --- the audit log -----------------------------------------------------------------------

def _json(record: dict | None) -> str | None:
    return None if record is None else json.dumps(record, ensure_ascii=False, sort_keys=True)


def audit_entry(at: str, actor: str, action: str, kind: str, record_uid: str | None,
                studio_uid: str | None, before: dict | None, after: dict | None,
                summary: Any = "") -> dict:
    """One audit entry: the record before and after as JSON (None where there is none). A
    summary given as a texts message is kept in both languages (`summary`, `summary_en`), so
    the log reads in the language chosen when it is read; a plain string is kept as it is."""
    zh, en = ((summary.render("zh"), summary.render("en")) if hasattr(summary, "render")
              else (summary, ""))
    return {"at": at, "actor": actor, "action": action, "kind": kind, "record_uid": record_uid,
            "studio_uid": studio_uid, "summary": zh, "summary_en": en, "before": _json(before),
            "after": _json(after)}


_AUDIT_COLUMNS = ("at", "actor", "action", "kind", "record_uid", "studio_uid", "summary",
                  "summary_en", "before", "after")


def write_audit(entries: Iterable[dict]) -> None:
    """Audit entries (as audit_entry makes them), in the caller's transaction (or one of their
    own, signed as every change is: store/dbguard.py)."""
    with database.atomic():
        database.cursor().executemany(
            f'INSERT INTO "{AuditEntry._meta.table_name}" ({", ".join(_AUDIT_COLUMNS)}) '
            f'VALUES ({", ".join("?" * len(_AUDIT_COLUMNS))})',
            [tuple(e[c] for c in _AUDIT_COLUMNS) for e in entries])
