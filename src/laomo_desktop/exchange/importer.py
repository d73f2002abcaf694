"""Import (union office side): preview and apply a studio's package, merging by uid and version.

Merge rule per record: not here → new; incoming version higher → updated (every field and the
child lists); same version and content → unchanged; same version, other content → conflicting
(kept in the conflict table, nothing overwritten); lower → stale (reported, not applied).
A package may change only the records of its own studio; the studio then becomes read-only in
this ledger (imported_studio). Everything is checked before anything is written: the package
(exchange.package, with the declared shapes of ledger.shapes), the key pinned for the studio,
ownership, every record (whatever the merge makes of it) with the services' own validation,
and the services' cross-record rules over the package's records together with the studio's
records already here. Then a backup, then one transaction, which reads the import log again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys, privacy
from laomo_desktop.exchange.outcomes import (
    COUNT_LABELS,
    ImportResult,
    KeyChanged,
    KeyNotTrusted,
    KindCounts,
    Preview,
)
from laomo_desktop.exchange.package import Package, invalid_record, read_package
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import shapes as H
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, blobs, rows
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import (
    MODELS,
    Conflict,
    ImportedStudio,
    ImportLog,
    database,
)
from laomo_desktop.texts import Both, Joined, Message, Text
from laomo_desktop.visible import visible
from laomo_desktop.work import Job, Progress, result_of

CHUNK, META = 500, frozenset(R.META)
COUNTED = Text("{label} {n} 条", "{label} {n}")
LIST, COMMA = Both("、", ", "), Both("，", ", ")  # the counts in the log, in a message

BAD_OWNER_KIND = Text("“{field}”无效：附件只能属于台账中的记录，不能属于另一个附件或自己",
                      '"{field}" is not valid: an attachment belongs to a record of the ledger, '
                      "not to another attachment or itself")
OWNER_NOT_IN_PACKAGE = Text("附件所属的记录不在数据包中",
                            "The record the attachment belongs to is not in the package")
OWN_STUDIO = Text("工作室“{studio}”是本台账自己的工作室，不能用数据包覆盖它。未导入任何数据。",
                  'Studio "{studio}" is this ledger\'s own studio; a package cannot overwrite it. '
                  "Nothing was imported.")
UID_CLASH = Text("数据包中的{kind}记录与本台账中另一个工作室的记录编号相同，"
                 "不能导入。请联系技术支持。未导入任何数据。",
                 "A record ({kind}) in the package has the same number as a record of another "
                 "studio in this ledger and cannot be imported. Please contact technical support. "
                 "Nothing was imported.")
ONE_MISSING = Text("第 {n} 号", "No. {n}")
SOME_MISSING = Text("第 {first}–{last} 号", "Nos. {first}–{last}")
GAP = Text("已导入到第 {last} 号数据包，这是第 {sequence} 号：缺少{gap}数据包，请向工作室核实是否漏导。",
           "Packages up to No. {last} were imported and this is No. {sequence}: package {gap} "
           "is missing. Ask the studio whether one was left out.")
OLDER = Text("这是第 {sequence} 号数据包，早于已导入的第 {last} 号；其中较旧的记录不会覆盖较新的。",
             "This is package No. {sequence}, older than No. {last} already imported; its older "
             "records do not overwrite newer ones.")
CANNOT_PROCESS = Text("数据包“{name}”的内容无法处理（{error}），可能不是本程序生成的。{outcome}",
                      'The content of package "{name}" cannot be processed ({error}); it may not '
                      "have been made by this program. {outcome}")
NOTHING_IMPORTED = Text("未导入任何数据。", "Nothing was imported.")
LEDGER_UNCHANGED = Text("台账没有改动。", "The ledger was not changed.")
ALREADY = Text("数据包“{name}”已于 {when} 导入过，本次没有改动。",
               'Package "{name}" was already imported on {when}; nothing was changed.')
STEP_CHECK = Text("核对数据包", "Checking the package")
STEP_BACKUP = Text("备份台账", "Backing up the ledger")
STEP_WRITE = Text("写入记录", "Writing the records")
STEP_ATTACHMENT = Text("保存附件 {i}/{n}", "Saving attachment {i}/{n}")
ATTACHMENT_OF_PACKAGE = Text("数据包中的附件 {sha}…", "the attachment {sha}… of the package")
NO_ATTACHMENT_FILES = Text("数据包“{name}”缺少附件文件。未导入任何数据。",
                           'Package "{name}" lacks attachment files. Nothing was imported.')
IMPORTED = Text("已导入工作室“{studio}”的第 {sequence} 号数据包：{detail}。",
                'Imported package No. {sequence} of studio "{studio}": {detail}.')
IMPORTED_CONFLICTS = Text("有冲突的记录没有改动，已列入冲突清单待核对。",
                          "Conflicting records were not changed; they are listed for review.")
NO_LONGER_HERE = Text("本台账中已没有这条{kind}记录（{uid}）。",
                      "This ledger no longer has this record ({kind}, {uid}).")
INVALID_INCOMING = Text("数据包中的{kind}记录“{title}”无效：{why}。",
                        'The record ({kind}) "{title}" in the package is not valid: {why}.')
AUDIT_IMPORT = Text("导入工作室“{studio}”的第 {sequence} 号数据包：{detail}",
                    'Imported package No. {sequence} of studio "{studio}": {detail}')


@dataclass
class _Plan:
    pkg: Package
    studio_id: int | None
    counts: dict[str, KindCounts]
    new: dict[str, list[tuple[dict, dict, dict]]]            # kind -> (record, row, children)
    updated: dict[str, list[tuple[int, dict, dict, dict]]]   # kind -> (id, record, row, children)
    conflicts: list[tuple[str, dict, dict]]
    data_version: int
    ids: _Ids
    withheld: privacy.Withheld = field(default_factory=dict)  # personal fields not shared


class _Ids:
    """Local row ids of the package's records: existing ones, or pending ids for new ones
    (store.rows.PendingIds) that become the ids SQLite gives them when they are written."""

    def __init__(self, studio_id: int, pending: rows.PendingIds | None = None):
        self.studio_id = studio_id
        self.pending = pending or rows.PendingIds()
        self.refs: dict[tuple[str, str], V.Ref] = {}

    def add(self, kind: str, uid: str, rid: int) -> None:
        self.refs[(kind, uid)] = V.Ref(rid, self.studio_id, False)

    def id(self, kind: str, uid: str) -> int:
        return self.refs[(kind, uid)].id

    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        return self.refs.get((kind, uid))


def _local_rows(kind: S.Kind, uids: list[str]) -> dict[str, tuple[int, int, int]]:
    """uid -> (id, version, studio id) of the local rows with these uids."""
    owner = "studio_id" if kind.per_studio else "id"
    out = {}
    for i in range(0, len(uids), CHUNK):
        part = uids[i:i + CHUNK]
        q = database.execute_sql(
            f'SELECT uid, id, version, {owner} FROM "{kind.table}" '
            f'WHERE uid IN ({", ".join("?" * len(part))})', part)
        out.update({u: (rid, ver, sid) for u, rid, ver, sid in q})
    return out


def _local_records(kind: S.Kind, ids: list[int]) -> dict[str, dict]:
    model = MODELS[kind.name]
    out = {}
    for i in range(0, len(ids), CHUNK):
        rows = list(model.select().where(model.id.in_(ids[i:i + CHUNK])).dicts())
        out.update({r["uid"]: r for r in R.to_records(kind, rows)})
    return out


def _clean(kind: S.Kind, rec: dict, ctx: V.Context, ids: _Ids) -> tuple[dict, dict]:
    """The row and child rows as a form would save them (validate.clean_record), or the
    services' ValidationError naming the field and the reason."""
    row, children = V.clean_record(kind, rec, ctx, ignore=META)
    if kinds.rules(kind).is_file:
        _check_owner(kind, row, ids)
    return row, children


def _check_owner(kind: S.Kind, row: dict, ids: _Ids) -> None:
    """An attachment belongs to another record of the studio (as ledger.attachments.attach
    requires of a file added by hand)."""
    if row["owner_kind"] not in S.BY_NAME or kinds.rules(row["owner_kind"]).is_file:
        raise ValidationError({"owner_kind": BAD_OWNER_KIND(field=kind.field("owner_kind"))})
    if ids.resolve(row["owner_kind"], row["owner_uid"]) is None:
        raise ValidationError({"owner_uid": OWNER_NOT_IN_PACKAGE()})


def _plan(pkg: Package) -> _Plan:
    here = database.execute_sql(f'SELECT id, name FROM "{S.kind("studio").table}" WHERE uid = ?',
                                (pkg.studio_uid,)).fetchone()
    if here is not None and not R.is_imported(here[0]):
        raise LaomoError(OWN_STUDIO(studio=here[1]))
    version = database.execute_sql("PRAGMA data_version").fetchone()[0]
    pending = rows.PendingIds()
    known = here[0] if here else None  # the studio's id here, None when it is new here
    studio_id = pending.new() if known is None else known
    ids = _Ids(studio_id, pending)
    seen = privacy.prepare(pkg.records, pkg.manifest, pkg.studio_uid, known)
    plan = _Plan(pkg, known, {}, {}, {}, [], version, ids, seen.after)
    existing: dict[str, dict[str, tuple[int, int, int]]] = {}
    for kind in S.KINDS:  # every id first: records refer to later ones only by uid
        incoming = pkg.records[kind.name]
        local = _local_rows(kind, [r["uid"] for r in incoming])
        existing[kind.name] = local
        if any(sid != studio_id for _, _, sid in local.values()) or (here is None and local):
            raise LaomoError(UID_CLASH(kind=kind))
        for r in incoming:
            if r["uid"] in local:
                ids.add(kind.name, r["uid"], local[r["uid"]][0])
            else:
                ids.add(kind.name, r["uid"], studio_id if kinds.rules(kind).owns_records
                        else pending.new())
    ctx = V.Context(studio_id, ids, date.today())
    for kind in S.KINDS:
        counts = plan.counts[kind.name] = KindCounts()
        local = existing[kind.name]
        same = [local[r["uid"]][0] for r in pkg.records[kind.name]
                if r["uid"] in local and local[r["uid"]][1] == r["version"]]
        ours = _local_records(kind, same) if same else {}
        written: dict[str, dict] = {}
        for r in pkg.records[kind.name]:
            here = local.get(r["uid"])
            # every record passes the rules a form passes, also one that will not be written
            try:
                row, children = _clean(kind, r, ctx, ids)
            except ValidationError as exc:
                raise invalid_record(pkg.path, kind, r, exc.said) from None
            if here is None or here[1] < r["version"]:
                written[r["uid"]] = {**row, "deleted_at": r.get("deleted_at")}
                if here is None:
                    counts.new += 1
                    plan.new.setdefault(kind.name, []).append((r, row, children))
                else:
                    counts.updated += 1
                    plan.updated.setdefault(kind.name, []).append((here[0], r, row, children))
            elif here[1] > r["version"]:
                counts.stale += 1
            elif (same := seen.compare(kind.name, ours[r["uid"]], r)) == "unchanged":
                counts.unchanged += 1
            elif same == "refresh":  # differs only in personal fields shared again
                counts.updated += 1
                written[r["uid"]] = {**row, "deleted_at": r.get("deleted_at")}
                plan.updated.setdefault(kind.name, []).append((here[0], r, row, children))
            else:
                counts.conflicting += 1
                plan.conflicts.append((kind.name, ours[r["uid"]], r))
        broken = (R.broken_together(kind, studio_id, written, stored=here is not None)
                  if kind.per_studio and (written or here is not None) else None)
        if broken:
            raise invalid_record(pkg.path, kind, broken[0], broken[1].said)
    return plan


def _warnings(pkg: Package, studio_id: int | None) -> list[Message]:
    row = R.imported_row(studio_id)
    if row is None:
        return []
    last = row[1]
    if pkg.sequence > last + 1:
        gap = (ONE_MISSING(n=last + 1) if pkg.sequence == last + 2
               else SOME_MISSING(first=last + 1, last=pkg.sequence - 1))
        return [GAP(last=last, sequence=pkg.sequence, gap=gap)]
    if pkg.sequence <= last:
        return [OLDER(sequence=pkg.sequence, last=last)]
    return []


def _done_at(package_uid: str) -> str | None:
    """When this package was imported (the import log), or None: asked before and again inside
    the transaction, in plain SQL (2,000 packages at a province)."""
    row = database.execute_sql(f'SELECT imported_at FROM "{ImportLog._meta.table_name}" '
                               "WHERE package_uid = ?", (package_uid,)).fetchone()
    return row[0] if row else None


def _preview(pkg: Package, plan: _Plan | None, done: str | None = None) -> Preview:
    pin = keys.pinned(pkg.studio_uid)
    p = Preview(pkg.path, pkg.studio_uid, pkg.studio_name, pkg.package_uid, pkg.sequence,
                pkg.created_at, pkg.fingerprint, keys.status_of(pin, pkg.public_key),
                pin.fingerprint if pin else None, done)
    if plan is not None:
        p.counts = plan.counts
        p.warnings = _warnings(pkg, plan.studio_id)
    return p


def _load(package_path: Path | Package) -> Package:
    return package_path if isinstance(package_path, Package) else read_package(package_path)


@contextmanager
def _only_laomo_errors(package_path: Path | Package, outcome: Text) -> Iterator[None]:
    """Whatever a package provokes leaves preview and apply as a LaomoError, never as a
    traceback: the checks above are meant to catch everything first, this is the last line."""
    try:
        yield
    except LaomoError:
        raise
    except Exception as exc:
        path = package_path.path if isinstance(package_path, Package) else Path(package_path)
        raise LaomoError(CANNOT_PROCESS(name=visible(path.name), error=type(exc).__name__,
                                        outcome=outcome)) from exc


def preview(paths: LedgerPaths, package_path: Path | Package) -> Preview:
    """What importing the package would do; raises LaomoError if it would be refused."""
    return planned(paths, package_path)[0]


def planned(paths: LedgerPaths, package_path: Path | Package) -> tuple[Preview, _Plan | None]:
    """`preview` and its plan, which `apply` takes (`plan=`) instead of planning again."""
    with _only_laomo_errors(package_path, NOTHING_IMPORTED):
        pkg = _load(package_path)
        done = _done_at(pkg.package_uid)
        plan = None if done else _plan(pkg)
        return _preview(pkg, plan, done), plan


def _already(pkg: Package, done: str) -> ImportResult:
    return ImportResult(_preview(pkg, None, done), False,
                        ALREADY(name=visible(pkg.path.name), when=done[:19].replace("T", " ")))


def apply(paths: LedgerPaths, package_path: Path | Package, trust_new_key: bool = False,
          replace_key: bool = False, *, take_backup: bool = True,
          actor: str | None = None, keep_copy: bool = True, plan: _Plan | None = None
          ) -> ImportResult:
    """Import a package: checks, a backup, then one transaction. Re-importing is a no-op."""
    return result_of(apply_steps(paths, package_path, trust_new_key, replace_key, take_backup=
                                 take_backup, actor=actor, keep_copy=keep_copy, plan=plan))


def apply_steps(paths: LedgerPaths, package_path: Path | Package, trust_new_key: bool = False,
                replace_key: bool = False, *, take_backup: bool = True,
                actor: str | None = None, keep_copy: bool = True, plan: _Plan | None = None
                ) -> Job[ImportResult]:
    """Then the package is kept (`keep_copy`) to forward it up: exchange/forward.py. `plan`:
    `planned`'s for this Package, only other studios' records written since (officeimport)."""
    result = yield from _apply_steps(paths, package_path, trust_new_key, replace_key,
                                     take_backup=take_backup, actor=actor, planned=plan)
    if keep_copy:
        from laomo_desktop.exchange import forward
        forward.keep_package(paths, result.preview)  # best effort: the import stands
    return result


def _apply_steps(paths: LedgerPaths, package_path: Path | Package, trust_new_key: bool = False,
                 replace_key: bool = False, *, take_backup: bool = True,
                 actor: str | None = None, planned: _Plan | None = None) -> Job[ImportResult]:
    """`apply` as a job (laomo_desktop.work): a step per attachment file, the backup, the rows.

    Every check runs before the attachment files and the backup are written; only a failure of
    the disk or the database (or Cancel) can still stop the transaction, which then changes
    nothing. The last step is yielded inside the transaction: a job is never cancelled after
    its commit."""
    with _only_laomo_errors(package_path, NOTHING_IMPORTED):
        pkg = _load(package_path)
        done = _done_at(pkg.package_uid)
        if done is not None:
            return _already(pkg, done)
        status = keys.key_status(pkg.studio_uid, pkg.public_key)
        if status == "first" and not trust_new_key:
            raise KeyNotTrusted(pkg.studio_name, pkg.fingerprint)
        if status == "changed" and not replace_key:
            raise KeyChanged(pkg.studio_name, keys.pinned(pkg.studio_uid).fingerprint,
                             pkg.fingerprint)
        plan = planned if planned is not None and planned.pkg is pkg else _plan(pkg)
        result = ImportResult(_preview(pkg, plan), True, Joined(()))
        total = len(_wanted_blobs(plan)) + 3
        yield Progress(0, total, str(STEP_CHECK))
        yield from _store_blobs(paths, plan, total)
    yield Progress(total - 2, total, str(STEP_BACKUP))
    if take_backup:
        result.backup = backup.take_backup(paths, "pre-import").path
    yield Progress(total - 1, total, str(STEP_WRITE))
    with _only_laomo_errors(pkg, LEDGER_UNCHANGED), database.atomic("IMMEDIATE"):
        # another import of this package may have finished meanwhile (another program)
        done = _done_at(pkg.package_uid)
        if done is not None:
            already = _already(pkg, done)
            already.backup = result.backup
            return already
        if database.execute_sql("PRAGMA data_version").fetchone()[0] != plan.data_version:
            plan = _plan(pkg)  # another program changed the ledger meanwhile: plan again
            result.preview.counts = plan.counts
        _write(pkg, plan, actor)
        yield Progress(total, total, str(STEP_WRITE))  # still inside: Cancel here rolls the rows back
    p = result.preview
    detail = Joined(tuple(COUNTED(label=label, n=p.total(k)) for k, label in COUNT_LABELS.items()),
                    COMMA.zh, COMMA.en)
    done_message = IMPORTED(studio=pkg.studio_name, sequence=pkg.sequence, detail=detail)
    result.message = (Joined((done_message, IMPORTED_CONFLICTS), "", " ")
                      if p.total("conflicting") else Joined((done_message,)))
    return result


def _wanted_blobs(plan: _Plan) -> set[str]:
    wanted = {row["sha256"] for _, row, _ in plan.new.get("attachment", [])}
    return wanted | {row["sha256"] for _, _, row, _ in plan.updated.get("attachment", [])}


def _store_blobs(paths: LedgerPaths, plan: _Plan, total: int) -> Iterator[Progress]:
    """Attachment files first: content-addressed, so a file nothing refers to is harmless."""
    wanted = _wanted_blobs(plan)
    for i, sha in enumerate(sorted(wanted), 1):
        if sha not in plan.pkg.attachments:
            raise LaomoError(NO_ATTACHMENT_FILES(name=plan.pkg.path.name))
        dest = blobs.blob_path(paths, sha)
        if not (dest.is_file() and dest.stat().st_size == plan.pkg.attachments[sha]):
            blobs.store_chunks(paths, sha, plan.pkg.attachment_chunks(sha),
                               ATTACHMENT_OF_PACKAGE(sha=sha[:12]))
        yield Progress(i, total, str(STEP_ATTACHMENT(i=i, n=len(wanted))))


def _write(pkg: Package, plan: _Plan, actor: str | None) -> None:
    _write_rows(plan.ids, plan.new, plan.updated)
    _register(pkg, plan, plan.ids.studio_id, actor)
    privacy.clear(plan.ids.studio_id, pkg.studio_uid, plan.withheld)


def _write_rows(ids: _Ids, new_rows: dict[str, list[tuple[dict, dict, dict]]],
                updated_rows: dict[str, list[tuple[int, dict, dict, dict]]]) -> None:
    """The package's records through the one row writer, values as clean_record made them
    and the record's own uid, stamps and version; a new studio's id is SQLite's from then on."""
    def meta(rec: dict, row: dict) -> dict:
        row.update(uid=rec["uid"], created_at=rec["created_at"], studio=ids.studio_id,
                   updated_at=rec["updated_at"], version=rec["version"],
                   deleted_at=rec.get("deleted_at"))
        return row

    new = {k: [(ids.id(k, rec["uid"]), meta(rec, row), ch) for rec, row, ch in items]
           for k, items in new_rows.items()}
    changed = {k: [(rid, meta(rec, row), ch) for rid, rec, row, ch in items]
               for k, items in updated_rows.items()}
    rows.write(new, changed, ids.pending)
    ids.studio_id = ids.pending.real(ids.studio_id)


class _LedgerIds(_Ids):
    """The studio's rows already in this ledger, looked up as a record refers to them."""

    def resolve(self, kind: str, uid: str) -> V.Ref | None:
        if (kind, uid) not in self.refs:
            here = _local_rows(S.kind(kind), [uid]).get(uid)
            if here is None or here[2] != self.studio_id:
                return None
            self.add(kind, uid, here[0])
        return self.refs[(kind, uid)]


def overwrite_record(kind_name: str, rec: dict) -> None:
    """Write one incoming record over this ledger's copy exactly as an import updates it: the
    same checks, references among the studio's records, child lists replaced. For resolving a
    conflict; the caller holds the transaction (and took the backup)."""
    kind = S.kind(kind_name)
    here = _local_rows(kind, [rec["uid"]]).get(rec["uid"])
    if here is None:
        raise LaomoError(NO_LONGER_HERE(kind=kind, uid=rec["uid"]))
    ids = _LedgerIds(here[2])
    ids.add(kind_name, rec["uid"], here[0])
    try:
        H.check_record(kind, rec)
        row, children = _clean(kind, rec, V.Context(here[2], ids, date.today()), ids)
        if kind.per_studio and rec.get("deleted_at") is None:
            R._check_constraints(kind, row, here[2], here[0])
    except (ValidationError, H.Problem) as exc:
        why = exc.said if isinstance(exc, ValidationError) else exc.message
        raise LaomoError(INVALID_INCOMING(kind=kind, title=H.title_of(kind, rec), why=why)) from None
    _write_rows(ids, {}, {kind_name: [(here[0], rec, row, children)]})


def _register(pkg: Package, plan: _Plan, studio_id: int, actor: str | None) -> None:
    stamp = R.now_iso()
    keys.trust(pkg.studio_uid, pkg.studio_name, pkg.public_key, replace=True, actor=actor)
    row = R.imported_row(studio_id)
    table = ImportedStudio._meta.table_name
    if row is None:
        database.execute_sql(f'INSERT INTO "{table}" (studio_id, fingerprint, last_sequence, '
                             "last_package_at) VALUES (?, ?, ?, ?)",
                             (studio_id, pkg.fingerprint, pkg.sequence, pkg.created_at))
    else:
        database.execute_sql(f'UPDATE "{table}" SET fingerprint = ?, last_sequence = ?, '
                             "last_package_at = ? WHERE id = ?",
                             (pkg.fingerprint, max(row[1], pkg.sequence),
                              max(row[2], pkg.created_at), row[0]))
    for kind, local, incoming in plan.conflicts:
        Conflict.insert(package_uid=pkg.package_uid, kind=kind, record_uid=incoming["uid"],
                        local=json.dumps(local, ensure_ascii=False, sort_keys=True),
                        incoming=json.dumps(incoming, ensure_ascii=False, sort_keys=True),
                        created_at=stamp).execute()
    counts = {k: c.as_dict() for k, c in plan.counts.items() if any(c.as_dict().values())}
    warnings = [w.render("zh") for w in _warnings(pkg, plan.studio_id)]  # the log keeps text
    logged = json.dumps({"counts": counts, "warnings": warnings, "conflicts": len(plan.conflicts),
                         "fingerprint": pkg.fingerprint,
                         privacy.MANIFEST_KEY: privacy.log_entry(plan.withheld)},
                        ensure_ascii=False, sort_keys=True)
    database.execute_sql(f'INSERT INTO "{ImportLog._meta.table_name}" (package_uid, studio_uid, '
                         "sequence, file_name, imported_at, actor, result) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (pkg.package_uid, pkg.studio_uid, pkg.sequence, pkg.path.name, stamp,
                          actor or R.current_actor(), logged))
    totals = {k: sum(c[k] for c in counts.values()) for k in COUNT_LABELS}
    detail = Joined(tuple(COUNTED(label=COUNT_LABELS[k], n=n) for k, n in totals.items()),
                    LIST.zh, LIST.en)
    R.audit("import", "studio", pkg.studio_uid, pkg.studio_uid, None,
            {"package_uid": pkg.package_uid, "sequence": pkg.sequence, **totals},
            AUDIT_IMPORT(studio=pkg.studio_name, sequence=pkg.sequence, detail=detail),
            actor)
