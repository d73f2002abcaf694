"""The one mechanism that changes the ledger, for every record kind.

create / update / trash / restore / purge validate, write in one transaction and append an
audit entry (before and after as JSON) in that same transaction. Records travel as plain
dicts: declared fields by name, references and the owning studio by uid, child lists as lists.

What the services say is a message of the catalogue (laomo_desktop.texts), worded when shown.
The audit log's summaries are declared the same way but kept in Chinese, as every entry so far
(`logged`): the log is part of the ledger, not a screen.
"""

from __future__ import annotations

import getpass
from datetime import UTC, date, datetime
from typing import Any

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.kinds import OnePer
from laomo_desktop.store import rows
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import CHILD_MODELS, MODELS, ImportedStudio, database
from laomo_desktop.texts import Message, Text

META = ("uid", "studio", "created_at", "updated_at", "version", "deleted_at")
READ_ONLY = Text("该工作室的数据由其导出的数据包导入，在本台账中只读。",
                 "This studio's records come from the data packages it exports: in this ledger "
                 "they are read-only.")
NO_STUDIO = Text("找不到该工作室。", "The studio cannot be found.")
STUDIO_IN_BIN = Text("该工作室已在回收站中，请先恢复。",
                     "The studio is in the recycle bin: restore it first.")
NO_RECORD = Text("找不到这条{kind}记录，它可能已被彻底删除。",
                 "This {kind} record cannot be found: it may have been deleted for good.")
CHANGED_MEANWHILE = Text("这条{kind}记录已被修改过，请重新打开后再编辑。",
                         "This {kind} record has been changed since: open it again to edit it.")
RECORD_IN_BIN = Text("这条{kind}记录在回收站中，请先恢复再编辑。",
                     "This {kind} record is in the recycle bin: restore it before editing it.")
OWNER_IN_BIN = Text("所属工作室在回收站中，请先恢复工作室。",
                    "The record's studio is in the recycle bin: restore the studio first.")
PURGE_FROM_BIN = Text("只能彻底删除回收站中的记录，请先把这条{kind}移入回收站。",
                      "Only records in the recycle bin can be deleted for good: move this {kind} "
                      "to the recycle bin first.")
STILL_USED = Text("{record}仍被这些记录引用：{users}。请先修改或彻底删除它们。",
                  "{record} is still referred to by these records: {users}. Change them or "
                  "delete them for good first.")
COUNTED = Text("{kind}（{n} 条）", "{kind} ({n})")
CHILD_COUNTED = Text("{kind}的{child}（{n} 条）", "{kind}, {child} ({n})")
TITLED = Text("{kind}“{title}”", '{kind} "{title}"')
# the audit log's summaries (kept in Chinese: see the module's docstring)
LOG_CREATE = Text("新建{record}", "New {record}")
LOG_UPDATE = Text("修改{record}", "Changed {record}")
LOG_TRASH = Text("{record}移入回收站", "{record} moved to the recycle bin")
LOG_RESTORE = Text("{record}从回收站恢复", "{record} restored from the recycle bin")
LOG_PURGE_FILE = Text("彻底删除附件“{name}”", 'Attachment "{name}" deleted for good')
LOG_PURGE = Text("彻底删除{record}", "{record} deleted for good")


def logged(said: Message | Text) -> Message | Text:
    """An audit summary: the log keeps it in both languages (store.rows.audit_entry) and shows
    the one the reader chose; entries written before that show their Chinese."""
    return said


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


class DbResolver:
    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        model = MODELS[kind]
        k = S.kind(kind)
        cols = [model.id, model.deleted_at, getattr(model, k.title)]
        if k.per_studio:
            cols.append(model.studio)
        row = model.select(*cols).where(model.uid == uid).tuples().first()
        if row is None:
            return None
        studio_id = row[3] if k.per_studio else row[0]
        return V.Ref(row[0], studio_id, row[1] is not None, str(row[2] or ""))


RESOLVER = DbResolver()


def _studio_id(studio_uid: str | None) -> int:
    model = MODELS["studio"]
    row = model.select(model.id, model.deleted_at).where(model.uid == studio_uid).first()
    if row is None:
        raise LaomoError(NO_STUDIO())
    if row.deleted_at is not None:
        raise LaomoError(STUDIO_IN_BIN())
    return row.id


def is_imported(studio_id: int | None) -> bool:
    """Whether a studio's records come from its packages (and so are read-only here)."""
    return imported_row(studio_id) is not None


def imported_row(studio_id: int | None) -> tuple[int, int, str] | None:
    """(row id, last sequence, last package's creation time) of an imported studio, else None.
    In plain SQL: asked several times per package imported, 2,000 packages at a province."""
    if studio_id is None:
        return None
    return database.execute_sql(
        f'SELECT id, last_sequence, last_package_at FROM "{ImportedStudio._meta.table_name}" '
        "WHERE studio_id = ?", (studio_id,)).fetchone()


def check_writable(studio_id: int | None) -> None:
    if is_imported(studio_id):
        raise LaomoError(READ_ONLY())


def studio_id_of(kind: S.Kind, row: pw.Model) -> int:
    return row.studio_id if kind.per_studio else row.id


def _row_by_uid(kind: S.Kind, uid: str) -> pw.Model:
    row = MODELS[kind.name].get_or_none(MODELS[kind.name].uid == uid)
    if row is None:
        raise LaomoError(NO_RECORD(kind=kind))
    return row


# --- reading -----------------------------------------------------------------------------

def _uid_map(kind: str, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    model = MODELS[kind]
    return dict(model.select(model.id, model.uid).where(model.id.in_(list(ids))).tuples())


def _refs_to_uids(fields: tuple[S.Field, ...], rows: list[dict]) -> None:
    for f in fields:
        if f.type != S.REF:
            continue
        uids = _uid_map(f.ref, {r[f.name] for r in rows if r.get(f.name)})
        for r in rows:
            r[f.name] = uids.get(r[f.name])


def to_records(kind: S.Kind, rows: list[dict]) -> list[dict]:
    """Rows of `kind` (as dicts) → record dicts with uids for references and child lists."""
    if not rows:
        return []
    _refs_to_uids(kind.fields, rows)
    if kind.per_studio:
        studios = _uid_map("studio", {r["studio"] for r in rows})
        for r in rows:
            r["studio"] = studios[r["studio"]]
    else:
        for r in rows:
            r["studio"] = r["uid"]
    by_id = {r["id"]: r for r in rows}
    for child in kind.children:
        cmodel = CHILD_MODELS[(kind.name, child.name)]
        crows = list(cmodel.select().where(cmodel.parent.in_(list(by_id)))
                     .order_by(cmodel.parent, cmodel.position).dicts())
        _refs_to_uids(child.fields, crows)
        for r in rows:
            r[child.name] = []
        for c in crows:
            parent = c.pop("parent")
            c.pop("id")
            c.pop("position")
            by_id[parent][child.name].append(c)
    for r in rows:
        r.pop("id")
        for f in kind.fields:
            if f.type == S.BOOL:
                r[f.name] = bool(r[f.name])
    return rows


def get(kind_name: str, uid: str) -> dict:
    kind = S.kind(kind_name)
    model = MODELS[kind_name]
    rows = list(model.select().where(model.uid == uid).dicts())
    if not rows:
        raise LaomoError(NO_RECORD(kind=kind))
    return to_records(kind, rows)[0]


def list_records(kind_name: str, studio_uid: str | None = None, *,
                 deleted: bool = False) -> list[dict]:
    """Every record of a kind in a studio (or every studio), live or in the recycle bin."""
    kind = S.kind(kind_name)
    model = MODELS[kind_name]
    q = model.select()
    q = q.where(model.deleted_at.is_null(False) if deleted else model.deleted_at.is_null())
    if studio_uid is not None:
        sid = MODELS["studio"].select(MODELS["studio"].id).where(MODELS["studio"].uid == studio_uid)
        q = q.where((model.studio if kind.per_studio else model.id).in_(sid))
    return to_records(kind, list(q.order_by(model.id).dicts()))


# --- writing -----------------------------------------------------------------------------

def audit(action: str, kind: str, record_uid: str | None, studio_uid: str | None,
          before: dict | None, after: dict | None, summary: Message | Text | str = "",
          actor: str | None = None) -> None:
    rows.write_audit([rows.audit_entry(now_iso(), actor or current_actor(), action, kind,
                                       record_uid, studio_uid, before, after, summary)])


# Every kind's rules across a studio's records, declared with the kind (ledger/kinds/).
CROSS_RULES: tuple[OnePer, ...] = tuple(c for k in S.KINDS for c in kinds.rules(k).constraints)


def _check_constraints(kind: S.Kind, row: dict, studio_id: int, record_id: int | None) -> None:
    """Rules that look at other records of the studio."""
    model = MODELS[kind.name]
    for rule in CROSS_RULES:
        if rule.kind != kind.name or not rule.applies(row):
            continue
        q = model.select().where(model.studio == studio_id, *rule.where(model))
        if rule.key:
            q = q.where(getattr(model, rule.key) == row[rule.key])
        if record_id:
            q = q.where(model.id != record_id)
        other = q.dicts().first()
        if other:
            raise ValidationError({rule.field: rule.message(row, other)})


def broken_together(kind: S.Kind, studio_id: int, rows: dict[str, dict], *, stored: bool = True
                    ) -> tuple[dict, ValidationError] | None:
    """The services' cross-record rules over a studio's records as an import would leave them:
    the stored records (none when not `stored`: a studio new here), with `rows` (uid -> row as
    clean_record made it, with its `deleted_at`) replacing or adding theirs. The first record
    that breaks a rule (one of `rows` where it can) and the error the services would raise for
    it, or None."""
    model = MODELS[kind.name]
    for rule in CROSS_RULES:
        if rule.kind != kind.name:
            continue
        merged = {r["uid"]: r for r in model.select()
                  .where(model.studio == studio_id, *rule.where(model)).dicts()} if stored else {}
        for uid, row in rows.items():
            merged.pop(uid, None)
            if row.get("deleted_at") is None and rule.applies(row):
                merged[uid] = {**row, "uid": uid}
        for group in rule.groups(merged.values()):
            group.sort(key=lambda r: r["uid"] not in rows)  # the incoming ones first
            return group[0], ValidationError({rule.field: rule.message(group[0], group[1])})
    return None


def named(kind: S.Kind, record: dict) -> Message | S.Kind:
    """A record as a message names it: its kind and title."""
    v = record.get(kind.title)
    return TITLED(kind=kind, title=v) if v not in (None, "") else kind


def create(kind_name: str, studio_uid: str | None, values: dict[str, Any], *,
           actor: str | None = None, today: date | None = None) -> dict:
    """Validate and add a record; returns it as stored. For a studio, studio_uid is None."""
    kind = S.kind(kind_name)
    with database.atomic():
        studio_id = _studio_id(studio_uid) if kind.per_studio else None
        check_writable(studio_id)
        ctx = V.Context(studio_id, RESOLVER, today or date.today())
        row, children = V.clean_record(kind, values, ctx)
        if kind.per_studio:
            _check_constraints(kind, row, studio_id, None)
            row["studio"] = studio_id
        stamp = now_iso()
        row.update(uid=new_uid(), created_at=stamp, updated_at=stamp, version=1)
        record_id = rows.insert(kind_name, [row])[row["uid"]]
        rows.write_children(kind_name, [(record_id, children)], replace=False)
        after = get(kind_name, row["uid"])
        audit("create", kind_name, after["uid"], after["studio"], None, after,
              logged(LOG_CREATE(record=named(kind, after))), actor)
    return after


def update(kind_name: str, uid: str, values: dict[str, Any], *,
           expected_version: int | None = None, actor: str | None = None,
           today: date | None = None) -> dict:
    """Change the given fields (and child lists) of a record; others keep their values."""
    kind = S.kind(kind_name)
    model = MODELS[kind_name]
    with database.atomic() as txn:
        before = get(kind_name, uid)
        if expected_version is not None and before["version"] != expected_version:
            raise LaomoError(CHANGED_MEANWHILE(kind=kind))
        if before["deleted_at"]:
            raise LaomoError(RECORD_IN_BIN(kind=kind))
        current = _row_by_uid(kind, uid)
        studio_id = studio_id_of(kind, current)
        check_writable(studio_id)
        merged = {k: v for k, v in before.items() if k not in META}
        merged.update(values)
        ctx = V.Context(studio_id, RESOLVER, today or date.today(), current.id,
                        _refs_of(kind, before))
        row, children = V.clean_record(kind, merged, ctx)
        if kind.per_studio:
            _check_constraints(kind, row, studio_id, current.id)
        row.update(updated_at=now_iso(), version=before["version"] + 1)
        model.update(**row).where(model.id == current.id).execute()
        rows.write_children(kind_name, [(current.id, children)], replace=True)
        after = get(kind_name, uid)
        if _content(after) == _content(before):
            txn.rollback()  # nothing really changed: no new version, no audit entry
            return before
        audit("update", kind_name, uid, after["studio"], before, after,
              logged(LOG_UPDATE(record=named(kind, after))), actor)
    return after


def _refs_of(kind: S.Kind, record: dict) -> frozenset[tuple[str, str]]:
    """What a stored record points at, so an edit may keep a link to a binned record."""
    out = {(f.ref, record[f.name]) for f in kind.fields if f.type == S.REF and record[f.name]}
    for child in kind.children:
        for f in child.fields:
            if f.type == S.REF:
                out |= {(f.ref, item[f.name]) for item in record[child.name] if item[f.name]}
    return frozenset(out)


def _content(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in META}


def _set_deleted(kind_name: str, uid: str, deleted: bool, actor: str | None) -> dict:
    kind = S.kind(kind_name)
    with database.atomic():
        before = get(kind_name, uid)
        check_writable(studio_id_of(kind, _row_by_uid(kind, uid)))
        if bool(before["deleted_at"]) == deleted:
            return before
        if not deleted and kind.per_studio:
            studio = get("studio", before["studio"])
            if studio["deleted_at"]:
                raise LaomoError(OWNER_IN_BIN())
        if not deleted and kinds.rules(kind).constraints:
            row = _row_by_uid(kind, uid)
            _check_constraints(kind, before, row.studio_id, row.id)
        stamp = now_iso()
        rows.set_deleted(kind_name, [uid], stamp, deleted)
        after = get(kind_name, uid)
        action = "trash" if deleted else "restore"
        said = (LOG_TRASH if deleted else LOG_RESTORE)(record=named(kind, after))
        audit(action, kind_name, uid, after["studio"], before, after, logged(said), actor)
    return after


def trash(kind_name: str, uid: str, *, actor: str | None = None) -> dict:
    """Move a record to the recycle bin (回收站); it stays until the bin is emptied."""
    return _set_deleted(kind_name, uid, True, actor)


def restore(kind_name: str, uid: str, *, actor: str | None = None) -> dict:
    return _set_deleted(kind_name, uid, False, actor)


def trash_many(kind_name: str, uids: list[str], *, actor: str | None = None) -> None:
    """Several records to the recycle bin in one transaction: all of them or, when one is
    refused, none (one Del on several rows, and its undo and redo)."""
    with database.atomic():
        for uid in uids:
            trash(kind_name, uid, actor=actor)


def restore_many(kind_name: str, uids: list[str], *, actor: str | None = None) -> None:
    """Undo trash_many: the records back from the recycle bin together, last trashed first."""
    with database.atomic():
        for uid in reversed(uids):
            restore(kind_name, uid, actor=actor)


def referrers(kind_name: str, record_id: int) -> list[Message]:
    """Labels of the live or binned records that still point at this one."""
    out = []
    for k in S.KINDS:
        model = MODELS[k.name]
        for f in k.fields:
            if f.type == S.REF and f.ref == kind_name:
                n = model.select().where(getattr(model, f.name) == record_id).count()
                if n:
                    out.append(COUNTED(kind=k, n=n))
        for child in k.children:
            cmodel = CHILD_MODELS[(k.name, child.name)]
            for f in child.fields:
                if f.type == S.REF and f.ref == kind_name:
                    n = (cmodel.select(cmodel.parent).distinct()
                         .where(getattr(cmodel, f.name) == record_id).count())
                    if n:
                        out.append(CHILD_COUNTED(kind=k, child=child, n=n))
        if kinds.rules(kind_name).owns_records and k.per_studio:
            n = model.select().where(model.studio == record_id).count()
            if n:
                out.append(COUNTED(kind=k, n=n))
    return out


def purge(kind_name: str, uid: str, *, actor: str | None = None) -> None:
    """Remove a record from the recycle bin for good, with its attachments' records."""
    kind = S.kind(kind_name)
    model = MODELS[kind_name]
    with database.atomic():
        before = get(kind_name, uid)
        check_writable(studio_id_of(kind, _row_by_uid(kind, uid)))
        if not before["deleted_at"]:
            raise LaomoError(PURGE_FROM_BIN(kind=kind))
        att = MODELS["attachment"]
        for a in att.select(att.uid).where(att.owner_uid == uid):
            a_before = get("attachment", a.uid)
            att.delete().where(att.uid == a.uid).execute()
            audit("purge", "attachment", a.uid, a_before["studio"], a_before, None,
                  logged(LOG_PURGE_FILE(name=a_before["filename"])), actor)
        row_id = _row_by_uid(kind, uid).id
        users = referrers(kind_name, row_id)
        if users:
            raise LaomoError(STILL_USED(record=named(kind, before), users=users))
        model.delete().where(model.id == row_id).execute()
        audit("purge", kind_name, uid, before["studio"], before, None,
              logged(LOG_PURGE(record=named(kind, before))), actor)


def new_uid() -> str:
    import uuid

    return str(uuid.uuid4())
