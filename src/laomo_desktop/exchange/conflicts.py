"""Conflicts (union office side): review and resolve the records an import kept aside.

An import keeps an incoming record with the same version as the ledger's copy but other
content in the conflict table and changes nothing (exchange.importer). Here the clerk sees
what differs and decides: keep the ledger's copy ("local"), or take the package's
("incoming"), which is written exactly as an import writes an update. Either way the conflict
is marked resolved and an audit entry says so, in one transaction. A later package with a
higher version still overrides the record as usual, resolved or not.
"""

from __future__ import annotations

import json
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, keys
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, Conflict, ImportLog, database
from laomo_desktop.texts import Both, Joined, Text
from laomo_desktop.work import Job, Progress, result_of

KEEP = {"local": Both("保留本地", "Keep local"), "incoming": Both("采用数据包", "Take the package's")}
TITLE_MAX = 40

EMPTY = Both("（空）", "(empty)")
LIST, COMMA = Both("、", ", "), Both("，", ", ")  # separators of a list, of an item's values
NONE = Both("（无）", "(none)")
YES, NO = Both("是", "Yes"), Both("否", "No")
IN_BIN, IN_USE = Both("在回收站中", "In the recycle bin"), Both("在用", "In use")
STATUS, CHANGED_AT = Both("状态", "Status"), Both("修改时间", "Last changed")
ITEM = Text("{i}. {parts}", "{i}. {parts}")
NO_SUCH = Text("找不到编号为 {id} 的冲突。", "There is no conflict number {id}.")
ALREADY = Text("编号为 {id} 的冲突已于 {when} 处理过。", "Conflict number {id} was resolved on {when}.")
GONE = Text("本台账中已没有这条{kind}记录，无法采用数据包中的内容。",
            "This ledger no longer has this record ({kind}); the package's copy cannot be taken.")
OUTDATED = Text("这条{kind}记录在冲突登记后已由较新的数据包更新（现为第 {version} 版），"
                "数据包中的这份内容已过时，不能采用；请选择保留本地。",
                "This record ({kind}) was updated by a newer package after the conflict was "
                "registered (it is now version {version}); the package's copy is out of date and "
                'cannot be taken. Choose "Keep local".')
NO_FILE = Text("数据包中这份附件的文件不在本台账中，无法采用；请让工作室修改该附件后重新导出数据包。",
               "The file of this attachment from the package is not in this ledger, so it cannot "
               "be taken; ask the studio to change the attachment and export a package again.")
CHOOSE = Text("请选择“保留本地”（local）或“采用数据包”（incoming）。",
              'Choose "Keep local" (local) or "Take the package\'s" (incoming).')
STILL_OPEN = Text("{why}冲突仍待处理。", "{why} The conflict is still open.")
RECORD = Text("{kind}“{title}”", '{kind} "{title}"')
RESOLVED = Text("冲突已处理：{keep}（{record}）", "Conflict resolved: {keep} ({record})")
SENTENCE = Text("{said}。", "{said}.")


def _title(kind: S.Kind, rec: dict) -> str:
    text = " ".join(str(rec.get(kind.title) or "").split())
    return text if len(text) <= TITLE_MAX else text[:TITLE_MAX] + "…"


def _studio_names() -> dict[str, str]:
    names = {k.studio_uid: k.studio_name for k in keys.list_pinned()}
    model = MODELS["studio"]
    names.update(model.select(model.uid, model.name).tuples())
    return names


def _packages() -> dict[str, dict]:
    q = ImportLog.select(ImportLog.package_uid, ImportLog.sequence, ImportLog.file_name,
                         ImportLog.imported_at)
    return {r["package_uid"]: r for r in q.dicts()}


def _entry(row: dict, names: dict[str, str], packages: dict[str, dict]) -> dict:
    kind = S.kind(row["kind"])
    local, incoming = json.loads(row["local"]), json.loads(row["incoming"])
    studio_uid = incoming.get("studio") or local.get("studio") or ""
    pkg = packages.get(row["package_uid"], {})
    return {
        "id": row["id"], "studio_uid": studio_uid, "studio": names.get(studio_uid, ""),
        "kind": kind.name, "kind_label": kind.label, "record_uid": row["record_uid"],
        "title": _title(kind, local) or _title(kind, incoming),
        "package_uid": row["package_uid"], "sequence": pkg.get("sequence"),
        "file_name": pkg.get("file_name", ""), "created_at": row["created_at"],
        "resolved_at": row["resolved_at"], "local": local, "incoming": incoming,
    }


def list_conflicts(studio_uid: str | None = None, include_resolved: bool = False) -> list[dict]:
    """The conflicts (open ones only unless include_resolved), oldest first, with both records
    parsed and what the clerk needs to recognise them: studio, kind, title and package."""
    q = Conflict.select().order_by(Conflict.id)
    if not include_resolved:
        q = q.where(Conflict.resolved_at.is_null())
    names, packages = _studio_names(), _packages()
    out = [_entry(r, names, packages) for r in q.dicts()]
    return [c for c in out if studio_uid is None or c["studio_uid"] == studio_uid]


def get_conflict(conflict_id: int) -> dict:
    row = Conflict.select().where(Conflict.id == conflict_id).dicts().first()
    if row is None:
        raise LaomoError(NO_SUCH(id=conflict_id))
    return _entry(row, _studio_names(), _packages())


# --- what differs ------------------------------------------------------------------------------

def value_text(f: S.Field, v) -> object:
    """A field's value as the clerk reads it (a str, or something worded in the reader's
    language: texts.worded); references by the title of the record."""
    if f.type == S.BOOL:
        return YES if v else NO
    if v is None or v == "":
        return EMPTY
    if f.type == S.MONEY and isinstance(v, int):
        return f"{'-' if v < 0 else ''}¥{abs(v) // 100:,}.{abs(v) % 100:02d}"
    if f.type in (S.CHOICE, S.MULTI):
        labels: list[object] = []
        for code in str(v).split(",") if f.type == S.MULTI else [v]:
            try:
                labels.append(f.choices(code))
            except ValueError:
                labels.append(str(code))
        return Joined(tuple(labels), LIST.zh, LIST.en)
    if f.type == S.REF:
        ref = R.RESOLVER.resolve(f.ref, v)
        return (ref.label or str(v)) if ref is not None else str(v)
    if f.type == S.FLOAT and isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _items_text(child: S.Child, items: list[dict]) -> object:
    if not items:
        return NONE
    lines = []
    for i, item in enumerate(items, 1):
        parts = [value_text(f, item.get(f.name)) for f in child.fields
                 if f.type == S.BOOL or item.get(f.name) not in (None, "")]
        lines.append(ITEM(i=i, parts=Joined(tuple(parts), COMMA.zh, COMMA.en)))
    return Joined(tuple(lines), "\n", "\n")


def differences(conflict: dict) -> list[tuple[object, object, object]]:
    """(field label, ledger's value, package's value) for each field that differs, in the
    declared order; a child list counts as one field, compared as a whole. Each is a str or
    something the caller words in the reader's language (texts.worded): a declared field or
    child list, a Both, a Joined list."""
    kind = S.kind(conflict["kind"])
    local, incoming = conflict["local"], conflict["incoming"]
    out = []
    for f in kind.fields:
        a, b = local.get(f.name), incoming.get(f.name)
        if a != b:
            out.append((f, value_text(f, a), value_text(f, b)))
    for child in kind.children:
        a, b = local.get(child.name) or [], incoming.get(child.name) or []
        if a != b:
            out.append((child, _items_text(child, a), _items_text(child, b)))
    if bool(local.get("deleted_at")) != bool(incoming.get("deleted_at")):
        state = {True: IN_BIN, False: IN_USE}
        out.append((STATUS, state[bool(local.get("deleted_at"))],
                    state[bool(incoming.get("deleted_at"))]))
    if not out and local.get("updated_at") != incoming.get("updated_at"):
        out.append((CHANGED_AT, str(local.get("updated_at")),
                    str(incoming.get("updated_at"))))
    return out


# --- resolving ---------------------------------------------------------------------------------

def _open_row(conflict_id: int) -> dict:
    c = get_conflict(conflict_id)
    if c["resolved_at"]:
        raise LaomoError(ALREADY(id=conflict_id, when=c["resolved_at"][:19].replace("T", " ")))
    return c


def _check_incoming(paths: LedgerPaths, c: dict) -> None:
    """The package's copy can still be taken: ours is at its version, its files are here."""
    kind = S.kind(c["kind"])
    model = MODELS[kind.name]
    version = model.select(model.version).where(model.uid == c["record_uid"]).scalar()
    if version is None:
        raise LaomoError(GONE(kind=kind))
    if version != c["incoming"]["version"]:
        raise LaomoError(OUTDATED(kind=kind, version=version))
    sha = c["incoming"].get("sha256") if kinds.rules(kind).is_file else None
    if sha and not blobs.blob_path(paths, sha).is_file():
        raise LaomoError(NO_FILE)


def resolve(paths: LedgerPaths, conflict_id: int, keep: str,
            actor: str | None = None) -> dict:
    """Resolve a conflict keeping the ledger's copy ("local") or taking the package's
    ("incoming", after an automatic backup). Returns the record as it now stands, the backup
    taken (or None) and a message."""
    return result_of(resolve_steps(paths, conflict_id, keep, actor))


def resolve_steps(paths: LedgerPaths, conflict_id: int, keep: str,
                  actor: str | None = None) -> Job[dict]:
    """`resolve` as a job (laomo_desktop.work): the backup (for "incoming"), then the write.

    The last step is yielded inside the transaction, so Cancel there, like any failure of the
    write, rolls the record and the conflict back: the ledger is as it was."""
    if keep not in KEEP:
        raise LaomoError(CHOOSE)
    c = _open_row(conflict_id)
    taken: Path | None = None
    if keep == "incoming":
        _check_incoming(paths, c)
        yield Progress(0, 2, str(importer.STEP_BACKUP))
        taken = backup.take_backup(paths, "pre-import").path
    yield Progress(1, 2, str(importer.STEP_WRITE))
    with database.atomic():
        c = _open_row(conflict_id)  # again, now that the ledger is locked
        kind = S.kind(c["kind"])
        before = None
        if keep == "incoming":
            _check_incoming(paths, c)
            before = R.get(kind.name, c["record_uid"])
            try:
                importer.overwrite_record(kind.name, c["incoming"])
            except LaomoError as exc:
                raise LaomoError(STILL_OPEN(why=exc.said)) from exc
        Conflict.update(resolved_at=R.now_iso()).where(Conflict.id == conflict_id).execute()
        record = R.get(kind.name, c["record_uid"])
        label = RECORD(kind=kind, title=c["title"]) if c["title"] else kind
        summary = RESOLVED(keep=KEEP[keep], record=label)
        R.audit("resolve_conflict", kind.name, c["record_uid"], c["studio_uid"],
                before or record, record, summary, actor)
        yield Progress(2, 2, str(importer.STEP_WRITE))  # still inside: Cancel rolls it back
    return {"id": conflict_id, "keep": keep, "record": record, "backup": taken,
            "message": SENTENCE(said=summary)}
