"""Importing a notice package (the studio's side): everything checked, then one transaction.

Refused before anything is written, each with its reason in Chinese: a damaged, hostile or
misdirected file (exchange/noticepkg.py), a union office's ledger (notices go down to studios),
a ledger without a studio of its own or with several and none named, an office key that is not
the one pinned (a first key is confirmed by the user), an older version of a notice already
imported. The same version again changes nothing and says so.

A newer version of a notice (the same office notice uid) updates the office's fields and items:
items are matched by the key the office gave them (the text they had in the last version
found in the studio's list), so a tick (done, 完成日期) stays on its item when the office
renames it; an item the office dropped goes unless the studio had ticked it; the items the
studio added itself stay, and so does its 办结日期. Each studio's notice has its own uid; where
it came from is kept in `notice_origin`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys
from laomo_desktop.exchange import noticepkg as NP
from laomo_desktop.exchange.officeimport import OfficeKeyChanged, OfficeKeyNotTrusted
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import officenotices, offices
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import list_studios, studio_is_imported
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import backup, blobs
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import NoticeImportLog, NoticeOrigin, database
from laomo_desktop.texts import Joined, Text
from laomo_desktop.visible import visible
from laomo_desktop.work import Job, Progress, result_of

UNION_LEDGER = Text("通知数据包“{name}”是工会下发给工作室的，本台账是工会的台账（{office}），不能导入。"
                    "请在工作室的台账中导入。未导入任何数据。",
                    'Notice package "{name}" is sent by a union office to its studios; this is '
                    "a union office's ledger ({office}) and cannot import it. Import it in the "
                    "studio's ledger. Nothing was imported.")
NO_STUDIO = Text("本台账还没有自己的工作室，不能导入通知。未导入任何数据。",
                 "This ledger has no studio of its own to import the notice into. Nothing was "
                 "imported.")
CHOOSE_STUDIO = Text("本台账有 {n} 个工作室，请指定通知导入到哪个工作室（命令行用 --studio）。未导入任何数据。",
                     "This ledger has {n} studios; name the studio to import the notice into "
                     "(--studio on the command line). Nothing was imported.")
NOT_OWN = Text("工作室“{studio}”是从数据包导入的，不能向它导入通知。未导入任何数据。",
               'Studio "{studio}" was imported from its data packages; a notice cannot be '
               "imported into it. Nothing was imported.")
OTHER_OFFICE = Text("通知数据包“{name}”中的通知已由另一个工会（{other}）下发过，不能导入。台账没有改动。",
                    'The notice in package "{name}" was already sent by another office ({other}) '
                    "and cannot be imported. The ledger was not changed.")
OLDER = Text("通知数据包“{name}”是通知“{title}”的第 {revision} 版，较旧于已导入的第 {last} 版，"
             "不能导入。台账没有改动。",
             'Notice package "{name}" holds version {revision} of "{title}", older than version '
             "{last} already imported; it cannot be imported. The ledger was not changed.")
SAME = Text("通知“{title}”的第 {revision} 版已于 {when} 导入过，本次没有改动。",
            'Version {revision} of the notice "{title}" was already imported on {when}; nothing '
            "was changed.")
NEW = Text("新增通知“{title}”：报送材料 {items} 项，附件 {files} 个",
           'A new notice "{title}": {items} required items, {files} attached files')
UPDATE = Text("更新通知“{title}”（第 {old} 版 → 第 {new} 版）",
              'The notice "{title}" updated (version {old} → {new})')
CHANGED_FIELD = Text("{label}：{old} → {new}", "{label}: {old} → {new}")
ITEMS_ADDED = Text("新增报送材料 {n} 项", "{n} required items added")
ITEMS_DROPPED = Text("工会删去报送材料 {n} 项", "{n} required items removed by the office")
KEPT_OWN = Text("保留本工作室已完成的 {done} 项和自己添加的 {own} 项",
                "The studio's {done} items done and its own {own} items are kept")
FILES_ADDED = Text("新增附件 {n} 个", "{n} attached files added")
IMPORTED = Text("已导入{level}级工会“{office}”下发的通知：{what}。", 'Imported the notice from "{office}" ({level} level): {what}.')
AUDIT = Text("导入工会“{office}”下发的通知“{title}”第 {revision} 版",
             'Imported version {revision} of the notice "{title}" from office "{office}"')
STEP_CHECK = Text("核对通知数据包", "Checking the notice package")
STEP_BACKUP = Text("备份台账", "Backing up the ledger")
STEP_WRITE = Text("写入通知", "Writing the notice")
EMPTY = Text("（空）", "(empty)")


class NoticeKeyNotTrusted(OfficeKeyNotTrusted):
    """The office's first package in this ledger: its key's fingerprint is confirmed first."""


class NoticeKeyChanged(OfficeKeyChanged):
    """A key other than the one pinned for the office."""


@dataclass
class NoticePreview:
    file: Path
    office: dict
    fingerprint: str
    key_status: str
    pinned_fingerprint: str | None
    notice: dict
    attachments: list[dict]
    studio_uid: str
    studio_name: str
    action: str                    # "new", "update" or "same"
    summary: object                # worded when shown
    changes: list = field(default_factory=list)


@dataclass
class NoticeResult:
    preview: NoticePreview
    applied: bool
    message: object
    backup: Path | None = None


def origin_of(notice_uid: str) -> dict | None:
    row = NoticeOrigin.get_or_none(NoticeOrigin.notice_uid == notice_uid)
    return None if row is None else {
        "office_uid": row.office_uid, "office_name": row.office_name,
        "office_level": row.office_level, "revision": row.revision,
        "office_notice_uid": row.office_notice_uid, "fingerprint": row.fingerprint,
        "imported_at": row.imported_at, "items": json.loads(row.items)}


def _studio(name: str, studio_uid: str | None) -> dict:
    own = [s for s in list_studios() if not studio_is_imported(s["uid"])]
    if studio_uid:
        found = next((s for s in list_studios() if s["uid"] == studio_uid), None)
        if found is None:
            raise LaomoError(NO_STUDIO)
        if studio_is_imported(studio_uid):
            raise LaomoError(NOT_OWN(studio=found["name"]))
        return found
    if not own:
        raise LaomoError(NO_STUDIO)
    if len(own) > 1:
        raise LaomoError(CHOOSE_STUDIO(n=len(own)))
    return own[0]


def _origin_row(pkg: NP.NoticePackage, studio_uid: str) -> NoticeOrigin | None:
    return NoticeOrigin.get_or_none((NoticeOrigin.office_notice_uid == pkg.notice["uid"])
                                    & (NoticeOrigin.studio_uid == studio_uid))


def _check(pkg: NP.NoticePackage, studio_uid: str | None) -> tuple[dict, NoticeOrigin | None]:
    name = visible(pkg.path.name)
    own = offices.own_office()
    if own is not None:
        raise LaomoError(UNION_LEDGER(name=name, office=own.name))
    studio = _studio(name, studio_uid)
    origin = _origin_row(pkg, studio["uid"])
    if origin is not None and origin.office_uid != pkg.office_uid:
        raise LaomoError(OTHER_OFFICE(name=name, other=origin.office_name))
    if origin is not None and pkg.revision < origin.revision:
        raise LaomoError(OLDER(name=name, title=pkg.notice["title"], revision=pkg.revision,
                               last=origin.revision))
    return studio, origin


def _check_key(pkg: NP.NoticePackage, trust_new_key: bool, replace_key: bool) -> None:
    status = keys.key_status(pkg.office_uid, pkg.public_key)
    if status == "first" and not trust_new_key:
        raise NoticeKeyNotTrusted(pkg.office_name, pkg.fingerprint)
    if status == "changed" and not replace_key:
        raise NoticeKeyChanged(pkg.office_name, keys.pinned(pkg.office_uid).fingerprint,
                               pkg.fingerprint)


def merge_items(local: list[dict], before: list[dict], incoming: list[dict]) -> list[dict]:
    """The studio's items after a newer version: the office's items in its order, each keeping
    the studio's tick from the item it was (by key, found by the text it last had); dropped
    items the studio ticked stay; then the studio's own items."""
    free = list(range(len(local)))
    claimed: dict[str, int] = {}
    for b in before:
        n = next((i for i in free if local[i]["what"] == b["what"]), None)
        if n is not None:
            free.remove(n)
            claimed[b["key"]] = n
    out = []
    for it in incoming:
        n = claimed.pop(it["key"], None)
        if n is None:
            n = next((i for i in free if local[i]["what"] == it["what"]), None)
            if n is not None:
                free.remove(n)
        mine = local[n] if n is not None else {"done": False, "done_on": None}
        out.append({"what": it["what"], "source": it["source"], "done": bool(mine["done"]),
                    "done_on": mine.get("done_on")})
    dropped_done = [dict(local[n]) for n in sorted(claimed.values()) if local[n]["done"]]
    return out + dropped_done + [dict(local[i]) for i in free]


def _values(pkg: NP.NoticePackage) -> dict:
    return {f: pkg.notice[f] for f in officenotices.FIELDS}


def _preview(pkg: NP.NoticePackage, studio: dict, origin: NoticeOrigin | None) -> NoticePreview:
    pin = keys.pinned(pkg.office_uid)
    n = pkg.notice
    common = (pkg.path, pkg.office, pkg.fingerprint, keys.key_status(pkg.office_uid,
              pkg.public_key), pin.fingerprint if pin else None, n, pkg.attachments,
              studio["uid"], studio["name"])
    if origin is None:
        return NoticePreview(*common, "new", NEW(title=n["title"], items=len(n["items"]),
                                                  files=len(pkg.attachments)))
    if pkg.revision == origin.revision:
        return NoticePreview(*common, "same", SAME(title=n["title"], revision=pkg.revision,
                                                    when=origin.imported_at[:19].replace("T", " ")))
    local = R.get("notice", origin.notice_uid)
    changes = []
    kind = S.kind("notice")
    for f in officenotices.FIELDS:
        if (local.get(f) or None) != (n[f] or None):
            changes.append(CHANGED_FIELD(label=kind.field(f), old=local.get(f) or EMPTY(),
                                         new=n[f] or EMPTY()))
    before = json.loads(origin.items)
    merged = merge_items(local["items"] or [], before, n["items"])
    old_keys, new_keys = {b["key"] for b in before}, {i["key"] for i in n["items"]}
    if new_keys - old_keys:
        changes.append(ITEMS_ADDED(n=len(new_keys - old_keys)))
    if old_keys - new_keys:
        changes.append(ITEMS_DROPPED(n=len(old_keys - new_keys)))
    own = len(merged) - len(n["items"])
    done = sum(1 for i in merged if i["done"])
    if done or own:
        changes.append(KEPT_OWN(done=done, own=own))
    have = {a["sha256"] for a in A.attachments_of(origin.notice_uid)}
    if {f["sha256"] for f in pkg.attachments} - have:
        changes.append(FILES_ADDED(n=len({f["sha256"] for f in pkg.attachments} - have)))
    return NoticePreview(*common, "update", UPDATE(title=n["title"], old=origin.revision,
                                                    new=pkg.revision), changes)


def preview(paths: LedgerPaths, path: Path, studio_uid: str | None = None) -> NoticePreview:
    """What importing the notice package would do; raises LaomoError if it would be refused
    (everything but the office key, which the caller asks about)."""
    pkg = NP.read_notice(path)
    studio, origin = _check(pkg, studio_uid)
    return _preview(pkg, studio, origin)


def apply(paths: LedgerPaths, path: Path, studio_uid: str | None = None,
          trust_new_key: bool = False, replace_key: bool = False, *, take_backup: bool = True,
          actor: str | None = None) -> NoticeResult:
    return result_of(apply_steps(paths, path, studio_uid, trust_new_key, replace_key,
                                 take_backup=take_backup, actor=actor))


def apply_steps(paths: LedgerPaths, path: Path, studio_uid: str | None = None,
                trust_new_key: bool = False, replace_key: bool = False, *,
                take_backup: bool = True, actor: str | None = None) -> Job[NoticeResult]:
    yield Progress(0, 3, str(STEP_CHECK))
    pkg = NP.read_notice(path)
    studio, origin = _check(pkg, studio_uid)
    pv = _preview(pkg, studio, origin)
    _check_key(pkg, trust_new_key, replace_key)
    if pv.action == "same":
        return NoticeResult(pv, False, pv.summary)
    yield Progress(1, 3, str(STEP_BACKUP))
    taken = backup.take_backup(paths, "pre-import").path if take_backup else None
    for f in pkg.attachments:  # content-addressed: storing one twice changes nothing
        blobs.store_chunks(paths, f["sha256"], NP.attachment_chunks(pkg, f["sha256"]),
                           f["filename"])
    yield Progress(2, 3, str(STEP_WRITE))
    with database.atomic("IMMEDIATE"):
        studio, origin = _check(pkg, studio["uid"])  # another program may have imported it
        _write(pkg, studio, origin, actor)
    message = IMPORTED(level=E.OfficeLevel(pkg.level), office=pkg.office_name,
                       what=Joined((pv.summary, *pv.changes))
                       if pv.changes else pv.summary)
    return NoticeResult(pv, True, message, taken)


def _write(pkg: NP.NoticePackage, studio: dict, origin: NoticeOrigin | None,
           actor: str | None) -> None:
    n = pkg.notice
    if origin is None:
        rec = R.create("notice", studio["uid"], {
            **_values(pkg), "items": [{"what": i["what"], "source": i["source"], "done": False,
                                       "done_on": None} for i in n["items"]]}, actor=actor)
        have: set[str] = set()
    else:
        local = R.get("notice", origin.notice_uid)
        items = merge_items(local["items"] or [], json.loads(origin.items), n["items"])
        rec = R.update("notice", origin.notice_uid, {**_values(pkg), "items": items},
                       actor=actor)
        have = {a["sha256"] for a in A.attachments_of(rec["uid"])}
    for f in pkg.attachments:
        if f["sha256"] not in have:
            R.create("attachment", studio["uid"], {
                "owner_kind": "notice", "owner_uid": rec["uid"], "sha256": f["sha256"],
                "size": f["size"], "filename": f["filename"], "title": f["title"]}, actor=actor)
    keys.trust(pkg.office_uid, pkg.office_name, pkg.public_key, replace=True, actor=actor,
               office=True)
    stamp = R.now_iso()
    NoticeOrigin.insert(
        notice_uid=rec["uid"], studio_uid=studio["uid"], office_notice_uid=n["uid"],
        office_uid=pkg.office_uid, office_name=pkg.office_name, office_level=pkg.level,
        fingerprint=pkg.fingerprint, revision=pkg.revision, package_uid=pkg.package_uid,
        items=json.dumps(n["items"], ensure_ascii=False), imported_at=stamp,
    ).on_conflict_replace().execute()
    NoticeImportLog.insert(package_uid=pkg.package_uid, office_uid=pkg.office_uid,
                           office_notice_uid=n["uid"], revision=pkg.revision,
                           studio_uid=studio["uid"], file_name=pkg.path.name,
                           imported_at=stamp, actor=actor or R.current_actor()
                           ).on_conflict_ignore().execute()
    R.audit("import_notice", "notice", rec["uid"], studio["uid"], None,
            {"package_uid": pkg.package_uid, "revision": pkg.revision},
            AUDIT(office=pkg.office_name, title=n["title"], revision=pkg.revision), actor)
