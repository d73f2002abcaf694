"""The notices a union office writes to send to its studios (issue 16 §1).

An office's notice is not a studio's record: it belongs to no studio until a studio imports it
(exchange/noticeimport.py). It is kept as one row of `office_notice`: the notice's own fields
(issuing union, 文号, title, received and due dates, note), its required items, each with a
stable key so that a studio can tell a renamed item from a new one, and the attached files
(the notice file, the union's forms) in the blob store. It is checked by the same rules as a
studio's notice (ledger/validate.py on the kind "notice"). Every saved change raises its
revision: a studio importing revision 3 after revision 2 updates its notice.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import OfficeNotice, database
from laomo_desktop.texts import Text

FIELDS = ("issuer", "doc_no", "title", "received_on", "due_on", "note")
MAX_FILES = 20

NO_SUCH = Text("找不到这份工会通知（{uid}）。", "There is no office notice {uid}.")
TOO_MANY_FILES = Text("一份通知最多附 {n} 个文件。", "A notice has at most {n} attached files.")
AUDIT_SAVED = Text("工会通知“{title}”第 {revision} 版", 'Office notice "{title}", version {revision}')


def _row_dict(row: OfficeNotice) -> dict[str, Any]:
    body = json.loads(row.body)
    return {"uid": row.uid, "revision": row.revision, "sent_revision": row.sent_revision,
            "created_at": row.created_at, "updated_at": row.updated_at, **body}


def get(uid: str) -> dict[str, Any]:
    row = OfficeNotice.get_or_none(OfficeNotice.uid == uid)
    if row is None:
        raise LaomoError(NO_SUCH(uid=uid))
    return _row_dict(row)


def list_notices() -> list[dict[str, Any]]:
    """The office's notices, the newest due date first."""
    out = [_row_dict(r) for r in OfficeNotice.select()]
    return sorted(out, key=lambda n: (n["fields"]["due_on"] or "", n["updated_at"]), reverse=True)


def _keyed(items: list[dict], old: list[dict]) -> list[dict]:
    """Each item with its key: kept from the old item of the same text, else from the old
    item in the same place that no other item took (a renamed item), else a new one."""
    free = list(old)
    out: list[dict | None] = [None] * len(items)
    for n, it in enumerate(items):
        same = next((o for o in free if o["what"] == it["what"]), None)
        if same is not None:
            free.remove(same)
            out[n] = {"key": same["key"], "what": it["what"], "source": it.get("source")}
    for n, it in enumerate(items):
        if out[n] is None:
            placed = old[n] if n < len(old) and old[n] in free else None
            if placed is not None:
                free.remove(placed)
            out[n] = {"key": placed["key"] if placed else uuid.uuid4().hex, "what": it["what"],
                      "source": it.get("source")}
    return out  # type: ignore[return-value]


def _files(paths: LedgerPaths, kept: list[dict], add: list[Path]) -> list[dict]:
    files = list(kept)
    for f in map(Path, add):
        if not f.is_file():
            raise LaomoError(A.NO_FILE(file=str(f)))
        if f.stat().st_size > A.MAX_BYTES:
            raise LaomoError(A.TOO_BIG(name=f.name, mb=A.MAX_BYTES // 1024 // 1024))
        name = f.name[:255]
        _, err = V.clean_value(S.ATTACHMENT.field("filename"), name, V.Context(None, R.RESOLVER))
        if err:
            raise ValidationError({"filename": err})
        sha, size = blobs.store_blob(paths, f)
        if all(x["sha256"] != sha for x in files):
            files.append({"sha256": sha, "size": size, "filename": name, "title": None})
    if len(files) > MAX_FILES:
        raise LaomoError(TOO_MANY_FILES(n=MAX_FILES))
    return files


def save(paths: LedgerPaths, values: dict[str, Any], *, uid: str | None = None,
         add_files: list[Path] = (), remove_files: list[str] = (), actor: str | None = None,
         today: date | None = None) -> dict[str, Any]:
    """Write (or, with `uid`, change) an office notice; checked as a notice is. Returns it."""
    kind = S.kind("notice")
    items_in = [{"what": i.get("what"), "source": i.get("source")}
                for i in values.get("items") or []]
    row, children = V.clean_record(kind, {**{f: values.get(f) for f in FIELDS},
                                          "items": items_in},
                                   V.Context(None, R.RESOLVER, today or date.today()))
    items = [{"what": c["what"], "source": c.get("source")} for c in children.get("items", [])]
    old = get(uid) if uid else None
    files = _files(paths, [f for f in (old or {}).get("attachments", [])
                           if f["sha256"] not in set(remove_files)], list(add_files))
    body = {"fields": {f: row.get(f) for f in FIELDS},
            "items": _keyed(items, old["items"] if old else []), "attachments": files}
    stamp = R.now_iso()
    with database.atomic():
        if old is None:
            uid = str(uuid.uuid4())
            OfficeNotice.create(uid=uid, revision=1, body=json.dumps(body, ensure_ascii=False),
                                created_at=stamp, updated_at=stamp, sent_revision=0)
        else:
            OfficeNotice.update(revision=OfficeNotice.revision + 1, updated_at=stamp,
                                body=json.dumps(body, ensure_ascii=False)).where(
                OfficeNotice.uid == uid).execute()
        saved = get(uid)
        R.audit("update" if old else "create", "office_notice", uid, None,
                {"revision": old["revision"]} if old else None, {"revision": saved["revision"]},
                AUDIT_SAVED(title=body["fields"]["title"], revision=saved["revision"]), actor)
    return saved


def mark_sent(uid: str, revision: int) -> None:
    OfficeNotice.update(sent_revision=revision).where(OfficeNotice.uid == uid).execute()


def as_record(notice: dict[str, Any]) -> dict[str, Any]:
    """The office notice as the notice form shows it (fields, items; nothing ticked)."""
    return {**notice["fields"], "uid": notice["uid"], "closed_on": None,
            "items": [{"what": i["what"], "source": i["source"], "done": False, "done_on": None}
                      for i in notice["items"]]}
