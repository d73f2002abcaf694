"""The notice package: a notice the union office sends down to its studios (issue 16 §1), the
other direction of the exchange.

One zip file, `<office>_<文号 or title>-<uid[:8]>-v<revision:03d>.notice.laomo.zip`:
`manifest.json` (the office, the notice with its items and its revision, each attached file's
name, size and SHA-256), `signature.ed25519` (the office's Ed25519 key over the manifest's exact
bytes, as its office package is signed) and `attachments/<sha256>`: the notice file and the
union's forms.

`read_notice` refuses a hostile or damaged file with the studio package's own checks
(exchange/package.py: a regular file, every member's name, path, compression ratio and
overlap before anything is read, the signature), then this manifest's declared shape (each
notice field by the notice's own rules, attachment names without a folder, sizes within what
the ledger attaches), then every member listed and every attachment's size and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from laomo_desktop import __version__
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import building, export, keys
from laomo_desktop.exchange import office as O
from laomo_desktop.exchange import package as P
from laomo_desktop.exchange.filenames import name_part
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import officenotices, offices
from laomo_desktop.ledger import shapes as H
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text
from laomo_desktop.visible import visible
from laomo_desktop.work import Job

NOTICE_FORMAT = "laomo-notice-package"
NOTICE_FORMAT_VERSION = 1
NOTICE_SUFFIX = ".notice.laomo.zip"
MAX_NOTICE_BYTES = P.MAX_PACKAGE_BYTES
MAX_FILES = officenotices.MAX_FILES
NOTICE_NAME_RE = re.compile(r"manifest\.json|signature\.ed25519|attachments/[0-9a-f]{64}")
ANY_PACKAGE_RE = re.compile(f"{P.NAME_RE.pattern}|{O.OFFICE_NAME_RE.pattern}")
# the parts of the file name: the office's name and the notice's 文号 (or title), shorter than
# a studio's name alone, so the whole name stays far below 255 bytes and UTF-16 units
OFFICE_UNITS, OFFICE_BYTES, DOC_UNITS, DOC_BYTES = 24, 72, 36, 108

NOTICE_BAD = Text("通知数据包“{name}”{what}。未导入任何数据。",
                  'Notice package "{name}" {what}. Nothing was imported.')
NOT_NOTICE = Text("不是工会下发的通知数据包", "is not a notice package sent by a union office")
IS_STUDIO = Text("是工作室的数据包，不是工会下发的通知", "is a studio's package, not a notice from a union office")
IS_OFFICE = Text("是工会转报的数据包，不是工会下发的通知",
                 "is a package forwarded by an office, not a notice from a union office")
NEWER_FORMAT = Text("由更新版本的程序生成（格式版本 {version}），请升级程序后再导入",
                    "was made by a newer version of the program (format version {version}); "
                    "upgrade the program, then import it")
TOO_LARGE = Text("过大（超过 2 GB）", "is too large (more than 2 GB)")
FILE_NOT_THERE = Text("的清单列出了附件“{file}”，但其中没有这个文件",
                      'lists the attached file "{file}", but the file is not in it')
FILE_ALTERED = Text("中的附件“{file}”与清单不符（被替换或改动过）",
                    'holds an attached file "{file}" that differs from its manifest (swapped or changed)')
FILE_TWICE = Text("把附件“{file}”列了两次", 'lists the attached file "{file}" twice')
NO_NOTICE = Text("找不到要导出的工会通知“{uid}”。", 'There is no office notice "{uid}" to export.')


def _bad(path: Path, what: object) -> LaomoError:
    return LaomoError(NOTICE_BAD(name=visible(Path(path).name), what=what))


def _child_field(name: str) -> H.Shape:
    f = next(x for x in S.kind("notice").children[0].fields if x.name == name)
    return H.Declared(Both(f"报送材料（items.{name}）", f"items.{name}"), not f.required, f)


_ITEMS = Both("报送材料（items）", "items")
_FILES = Both("附件（attachments）", "attachments")
_NAME = re.compile(r"[^/\\:*?\"<>|\x00-\x1f\x7f]{1,255}")
NOTICE_SHAPE = H.Obj(Both("通知（notice）", "notice"), fields={
    "uid": H.Uid(Both("通知编号（notice.uid）", "notice.uid")),
    "revision": H.Int(Both("版次（notice.revision）", "notice.revision"), lo=1),
    **{f: H.declared("notice", f, nullable=not S.kind("notice").field(f).required)
       for f in officenotices.FIELDS},
    "items": H.ListOf(_ITEMS, max_items=50, item=H.Obj(_ITEMS, fields={
        "key": H.Hex(Both("材料编号（items.key）", "items.key"), 32),
        "what": _child_field("what"),
        "source": _child_field("source"),
    })),
})
FILE_ENTRY = H.Obj(_FILES, fields={
    "sha256": H.Hex(Both("校验值（attachments.sha256）", "attachments.sha256"), 64),
    "size": H.Int(Both("附件大小（attachments.size）", "attachments.size"), lo=0, hi=A.MAX_BYTES),
    "filename": H.Text(Both("附件文件名（attachments.filename）", "attachments.filename"),
                       max_len=255, pattern=_NAME,
                       what=Both("文件名（不含路径）", "a file name (no folder)")),
    "title": H.Text(Both("附件说明（attachments.title）", "attachments.title"), nullable=True,
                    max_len=200),
})
NOTICE_MANIFEST = H.Obj(Both("清单", "manifest"), fields={
    "format": H.Const(Both("格式（format）", "format"), value=NOTICE_FORMAT),
    "format_version": H.Int(Both("格式版本（format_version）", "format_version"), lo=1),
    "app_version": P.MANIFEST_SHAPE.fields["app_version"],
    "package_uid": H.Uid(Both("数据包编号（package_uid）", "package_uid")),
    "created_at": H.Stamp(Both("生成时间（created_at）", "created_at")),
    "office": O.OFFICE_MANIFEST.fields["office"],
    "notice": NOTICE_SHAPE,
    "attachments": H.ListOf(_FILES, max_items=MAX_FILES, item=FILE_ENTRY),
    "signer": P.MANIFEST_SHAPE.fields["signer"],
})


@dataclass
class NoticePackage(O.FromOffice):
    notice = property(lambda self: self.manifest["notice"])
    revision = property(lambda self: self.manifest["notice"]["revision"])
    attachments = property(lambda self: self.manifest["attachments"])


def attachment_member(sha256: str) -> str:
    return P.attachment_file(sha256)


def notice_package_name(office: dict, notice: dict) -> str:
    """`<office>_<文号 or title>-<uid[:8]>-v<revision:03d>.notice.laomo.zip`, each part made
    safe for FAT32 and Windows as a studio's name is (exchange/filenames.py)."""
    fields = notice["fields"]
    parts = [name_part(office.get("name") or "", OFFICE_UNITS, OFFICE_BYTES),
             name_part(fields.get("doc_no") or fields.get("title") or "", DOC_UNITS, DOC_BYTES)]
    head = "_".join(p for p in parts if p)
    head = f"{head}-" if head else ""
    return f"{head}{notice['uid'][:8]}-v{notice['revision']:03d}{NOTICE_SUFFIX}"


def looks_like_notice(path: Path) -> bool:
    """Whether a file is a notice package (package.looks_like)."""
    return P.looks_like(path, NOTICE_SUFFIX, NOTICE_FORMAT)


def read_notice(path: Path) -> NoticePackage:
    """The notice package, checked through (its attachments' bytes included)."""
    return P.read_guarded(path, _read_notice, _bad)


def _manifest(path: Path, mbytes: bytes) -> dict:
    try:
        m = json.loads(mbytes.decode("utf-8"))
    except RecursionError:
        raise _bad(path, P.MALFORMED) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(path, P.MANIFEST_DAMAGED) from exc
    fmt = m.get("format") if isinstance(m, dict) else None
    if fmt == P.FORMAT:
        raise _bad(path, IS_STUDIO)
    if fmt == O.OFFICE_FORMAT:
        raise _bad(path, IS_OFFICE)
    if fmt != NOTICE_FORMAT:
        raise _bad(path, NOT_NOTICE)
    version = m.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) \
            and version > NOTICE_FORMAT_VERSION:
        raise _bad(path, NEWER_FORMAT(version=version))
    try:
        NOTICE_MANIFEST.check(m)
    except H.Problem as p:
        raise _bad(path, P.BAD_MANIFEST(why=p.message)) from None
    return m


def _read_notice(path: Path, raw) -> NoticePackage:
    if os.fstat(raw.fileno()).st_size > MAX_NOTICE_BYTES:
        raise _bad(path, TOO_LARGE)
    try:
        with zipfile.ZipFile(raw) as zf:
            # any package's names pass here, so a studio's or an office's package given
            # instead is named as such below; every other check is the same
            infos = P._check_members(path, zf, ANY_PACKAGE_RE)
            if P.MANIFEST not in infos or P.SIGNATURE not in infos:
                raise _bad(path, P.INCOMPLETE)
            mbytes = P._read(path, zf, infos[P.MANIFEST], P.MAX_MANIFEST_BYTES)
            signature = P._read(path, zf, infos[P.SIGNATURE], keys.SIGNATURE_BYTES)
            m = _manifest(path, mbytes)
            if len(infos) > MAX_FILES + 2:
                raise _bad(path, P.TOO_MANY_FILES(n=len(infos), limit=MAX_FILES + 2))
            for name in infos:
                if not NOTICE_NAME_RE.fullmatch(name):
                    raise _bad(path, P.FORBIDDEN_FILE(name=name))
            public = P._check_signature(path, m, mbytes, signature)
            listed: set[str] = set()
            for f in m["attachments"]:
                member = attachment_member(f["sha256"])
                if member in listed:
                    raise _bad(path, FILE_TWICE(file=f["filename"]))
                listed.add(member)
                if member not in infos:
                    raise _bad(path, FILE_NOT_THERE(file=f["filename"]))
                if infos[member].file_size != f["size"] or \
                        P._hash_member(path, zf, infos[member], f["size"]) != f["sha256"]:
                    raise _bad(path, FILE_ALTERED(file=f["filename"]))
            if set(infos) - {P.MANIFEST, P.SIGNATURE} - listed:
                raise _bad(path, P.UNLISTED)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            RuntimeError) as exc:
        raise _bad(path, P.DAMAGED) from exc
    return NoticePackage(path, m, public)


def attachment_chunks(pkg: NoticePackage, sha256: str):
    """The bytes of one attached file, read again from the package (blobs.store_chunks checks
    them against the SHA-256 once more)."""
    with P._open_regular(pkg.path) as raw, zipfile.ZipFile(raw) as zf, \
            zf.open(attachment_member(sha256)) as src:
        while chunk := src.read(P.CHUNK):
            yield chunk


# --- writing (the office's side) -----------------------------------------------------------

def build_notice(paths: LedgerPaths, uid: str, out_dir: Path,
                 now: datetime | None = None) -> NoticePackage:
    """Write and verify the notice package of the office notice `uid` in `out_dir`."""
    own = offices.require_own_office()
    try:
        notice = officenotices.get(uid)
    except LaomoError:
        raise LaomoError(NO_NOTICE(uid=uid)) from None
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    key = keys.load_or_create(paths)
    public = keys.raw_public(key)
    manifest = {
        "format": NOTICE_FORMAT, "format_version": NOTICE_FORMAT_VERSION,
        "app_version": __version__, "package_uid": str(uuid.uuid4()),
        "created_at": created.isoformat().replace("+00:00", "Z"), "office": own.as_dict(),
        "notice": {"uid": notice["uid"], "revision": notice["revision"], **notice["fields"],
                   "items": notice["items"]},
        "attachments": notice["attachments"],
        "signer": {"algorithm": "ed25519", "fingerprint": keys.fingerprint(public),
                   "public_key": public.hex()},
    }
    mbytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    final = Path(out_dir) / notice_package_name(own.as_dict(), notice)
    tmp = final.with_name(final.name + ".partial")
    with building.partial_file(tmp, out_dir):
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w") as zf:
            zf.writestr(building._info(P.MANIFEST, created, zipfile.ZIP_DEFLATED), mbytes)
            zf.writestr(building._info(P.SIGNATURE, created, zipfile.ZIP_STORED),
                        key.sign(mbytes))
            for f in notice["attachments"]:  # stored as they are, as a studio package's:
                # a blank form compresses 1000-fold, which a reader must take for a zip bomb
                info = building._info(attachment_member(f["sha256"]), created,
                                      zipfile.ZIP_STORED)
                h = hashlib.sha256()
                with open(blobs.blob_path(paths, f["sha256"]), "rb") as src, \
                        zf.open(info, "w", force_zip64=True) as out:
                    while chunk := src.read(P.CHUNK):
                        h.update(chunk)
                        out.write(chunk)
        verified = read_notice(tmp)
        tmp.replace(final)
        verified.path = final
    return verified


@dataclass(frozen=True)
class NoticeExport:
    path: Path       # the verified copy at the target
    office: dict
    notice: dict
    revision: int
    size: int
    sha256: str


def export_notice_steps(paths: LedgerPaths, uid: str, target_dir: Path, *,
                        opener: export.Opener = export.default_opener,
                        now: datetime | None = None) -> Job[NoticeExport]:
    """`laomo notices --export UID --to DIR`: the package built in the outbox, written to the
    stick, read back and compared; the notice marks the revision sent."""
    own = offices.require_own_office()
    if not Path(target_dir).is_dir():
        raise LaomoError(export.NO_FOLDER(folder=target_dir))
    built = build_notice(paths, uid, export.outbox(paths), now)
    sha = blobs.file_sha256(built.path)[0]
    try:
        final, sha = yield from export.write_steps(built.path, Path(target_dir), sha,
                                                   opener=opener)
    finally:
        built.path.unlink(missing_ok=True)
    officenotices.mark_sent(uid, built.revision)
    return NoticeExport(final, own.as_dict(), built.notice, built.revision,
                        final.stat().st_size, sha)
