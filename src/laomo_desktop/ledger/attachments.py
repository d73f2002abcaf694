"""Attaching files to any record: the file is stored once by content, the link is a record."""

from __future__ import annotations

from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import filetypes, kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import validate as V
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, database
from laomo_desktop.texts import Text
from laomo_desktop.visible import visible

MAX_BYTES = 200 * 1024 * 1024

ONLY_RECORDS = Text("附件只能添加到台账记录上。", "Files can be attached only to records of the ledger.")
NO_FILE = Text("找不到文件“{file}”。", 'The file "{file}" cannot be found.')
TOO_BIG = Text("文件“{name}”超过 {mb} MB，请压缩或拆分后再添加。",
               'The file "{name}" is larger than {mb} MB: compress it or split it, then attach it.')
OWNER_IN_BIN = Text("该记录在回收站中，不能添加附件。",
                    "The record is in the recycle bin: no file can be attached to it.")
BAD_DIGEST = Text("附件“{name}”的内容摘要无效，请从备份恢复或重新添加。",
                  'The attachment "{name}" has an invalid content digest: restore it from a '
                  "backup or attach it again.")
FILE_LOST = Text("附件“{name}”的文件丢失，请从备份恢复或重新添加。",
                 'The file of the attachment "{name}" is missing: restore it from a backup or '
                 "attach it again.")


def attach(paths: LedgerPaths, owner_kind: str, owner_uid: str, file: Path,
           title: str | None = None, *, actor: str | None = None) -> dict:
    """Copy `file` into the ledger and link it to a record; returns the attachment record."""
    if owner_kind not in S.BY_NAME or kinds.rules(owner_kind).is_file:
        raise LaomoError(ONLY_RECORDS())
    file = Path(file)
    if not file.is_file():
        raise LaomoError(NO_FILE(file=str(file)))
    if file.stat().st_size > MAX_BYTES:
        raise LaomoError(TOO_BIG(name=file.name, mb=MAX_BYTES // 1024 // 1024))
    owner = R.get(owner_kind, owner_uid)
    studio = MODELS["studio"].get_or_none(MODELS["studio"].uid == owner["studio"])
    R.check_writable(studio.id if studio else None)
    if owner["deleted_at"]:
        raise LaomoError(OWNER_IN_BIN())
    filename = file.name[:255]
    _, err = V.clean_value(S.ATTACHMENT.field("filename"), filename, V.Context(None, R.RESOLVER))
    if err:  # refused before its bytes are copied into the ledger, not after
        raise ValidationError({"filename": err})
    sha, size = blobs.store_blob(paths, file)
    values = {"owner_kind": owner_kind, "owner_uid": owner_uid, "sha256": sha, "size": size,
              "filename": filename, "title": title}
    return R.create("attachment", owner["studio"], values, actor=actor)


def detach(attachment_uid: str, *, actor: str | None = None) -> dict:
    """Move an attachment to the recycle bin; its file stays until the bin is emptied."""
    return R.trash("attachment", attachment_uid, actor=actor)


def attachments_of(owner_uid: str, *, deleted: bool = False) -> list[dict]:
    model = MODELS["attachment"]
    q = model.select().where(model.owner_uid == owner_uid,
                             model.deleted_at.is_null(not deleted))
    return R.to_records(S.kind("attachment"), list(q.order_by(model.id).dicts()))


def open_path(paths: LedgerPaths, attachment: dict) -> Path:
    """Where the attachment's content is on disk (checked to exist, and to be in the
    ledger's own store: the digest names the file, so it must be one)."""
    sha = attachment.get("sha256")
    if not (isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
        raise LaomoError(BAD_DIGEST(name=visible(attachment.get("filename") or "")))
    p = blobs.blob_path(paths, sha)
    if not p.is_file():
        raise LaomoError(FILE_LOST(name=visible(attachment["filename"])))
    return p


def referenced_hashes() -> set[str]:
    return {r[0] for r in database.execute_sql("SELECT DISTINCT sha256 FROM attachment")}


def split_owner(value: str | None) -> tuple[str, str, str]:
    """(kind, title, where) from the attachment list's "owner" column (queries.EXTRAS: one SQL
    expression gives it for every row, no lookup per file); where is "live", "bin" (the record
    is in the recycle bin) or "missing" (not in the ledger)."""
    kind, _, rest = (value or "").partition("\x1f")
    title, found, binned = rest.rpartition("\x1f")
    if not found:
        return kind, "", "missing"
    return kind, title, "bin" if binned == "1" else "live"


def pictures_of(studio_uid: str) -> dict[str, tuple[str, str]]:
    """uid → (sha256, file name) of a studio's live attachments whose names say they are
    pictures (the ones the lists show as thumbnails), in one query."""
    rows = database.execute_sql(
        "SELECT uid, sha256, filename FROM attachment WHERE deleted_at IS NULL "
        "AND studio_id = (SELECT id FROM studio WHERE uid = ?)", (studio_uid,)).fetchall()
    return {uid: (sha, name) for uid, sha, name in rows if filetypes.is_image(name or "")}
