"""The data package, format version 1 (docs/package-format.md): its names and safe reading
(exchange.building writes one).

A package is one zip file: `manifest.json`, `signature.ed25519` (Ed25519 over the exact bytes
of manifest.json), `records/<kind>.jsonl` and `attachments/<sha256>`. `read_package` refuses a
hostile or damaged file before it reads any data, then checks the signature against the key in
the manifest and every member against the manifest's size and SHA-256. Whether that key is the
one pinned for the studio is the importer's question (exchange.importer).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys, privacy
from laomo_desktop.exchange.filenames import FILE_NAME_RE, SUFFIX, package_name  # noqa: F401
from laomo_desktop.exchange.layout import (  # noqa: F401 - the layout, as package.<name>
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MANIFEST_SHAPE,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_PACKAGE_BYTES,
    MAX_RATIO,
    MAX_RECORDS_BYTES,
    MAX_TOTAL_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    NAME_RE,
    RATIO_FLOOR,
    SIGNATURE,
    attachment_file,
    record_file,
)
from laomo_desktop.ledger import shapes as H
from laomo_desktop.store import blobs, migrations
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Text
from laomo_desktop.visible import visible

# Upgrades of older format versions to the current one, by the version they start from:
# (manifest, records by kind) -> None, in place. Version 1 is the first, so none yet.
UPGRADES: dict[int, Callable[[dict, dict[str, list[dict]]], None]] = {}


# --- reading -------------------------------------------------------------------------------

@dataclass
class Package:
    path: Path
    manifest: dict
    records: dict[str, list[dict]]
    attachments: dict[str, int]  # sha256 -> size
    public_key: bytes
    sha256: str = ""  # of the whole file, where the builder computed it

    studio_uid = property(lambda self: self.manifest["studio"]["uid"])
    studio_name = property(lambda self: self.manifest["studio"]["name"])
    package_uid = property(lambda self: self.manifest["package_uid"])
    sequence = property(lambda self: self.manifest["sequence"])
    created_at = property(lambda self: self.manifest["created_at"])
    fingerprint = property(lambda self: keys.fingerprint(self.public_key))
    counts = property(lambda self: {k: len(v) for k, v in self.records.items()})

    def attachment_chunks(self, sha: str) -> Iterator[bytes]:
        """The content of an attachment, read again from the package (size-limited)."""
        size = self.attachments[sha]
        try:
            with _open_regular(self.path) as raw, zipfile.ZipFile(raw) as zf, \
                    zf.open(attachment_file(sha)) as f:
                left = size + 1
                while left > 0 and (chunk := f.read(min(CHUNK, left))):
                    left -= len(chunk)
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
            raise _bad(self.path, CHANGED_SINCE) from exc


# What is wrong with a package, said after its name: "数据包“x”{what}。未导入任何数据。"
BAD = Text("数据包“{name}”{what}。未导入任何数据。", 'Package "{name}" {what}. Nothing was imported.')
CHANGED_SINCE = Text("在校验之后被改动或无法读取", "was changed after it was checked, or cannot be read")
INVALID_RECORD = Text("中的{kind}记录“{title}”无效：{why}",
                      'has an invalid record ({kind}) "{title}": {why}')
MALFORMED = Text("的内容格式异常（结构过深或不完整），不是本程序生成的数据包",
                 "is malformed (nested too deeply or incomplete) and was not made by this program")
CANNOT_READ = Text("无法读取数据包“{name}”：{why}", 'Cannot read package "{name}": {why}')
NOT_A_FILE = Text("不是普通文件（而是文件夹、管道或设备），不能作为数据包读取",
                  "is not a regular file (but a folder, a pipe or a device) and cannot be read "
                  "as a package")
TOO_MANY_FILES = Text("包含的文件过多（{n} 个，上限 {limit}）",
                      "holds too many files ({n}; the limit is {limit})")
UNSAFE_PATH = Text("包含不安全的路径“{name}”，可能是恶意构造的文件",
                   'holds an unsafe path "{name}"; it may have been made to do harm')
DUPLICATE_FILE = Text("包含重复的文件“{name}”，可能是恶意构造的文件",
                      'holds the file "{name}" twice; it may have been made to do harm')
FORBIDDEN_FILE = Text("包含不允许的文件“{name}”", 'holds a file that has no place in a package: "{name}"')
SYMLINK = Text("包含符号链接“{name}”，可能是恶意构造的文件",
               'holds a symbolic link "{name}"; it may have been made to do harm')
ENCRYPTED = Text("中的文件“{name}”被加密，无法校验",
                 'holds an encrypted file "{name}" that cannot be checked')
COMPRESSION = Text("中的文件“{name}”使用了不支持的压缩方式",
                   'holds a file "{name}" compressed with an unsupported method')
BOMB_MEMBER = Text("中的文件“{name}”压缩比异常（疑似“压缩炸弹”）",
                   'holds a file "{name}" with an abnormal compression ratio (a suspected '
                   '"zip bomb")')
BOMB_TOTAL = Text("解压后的总大小异常（疑似“压缩炸弹”）",
                  'would unpack to an abnormal total size (a suspected "zip bomb")')
OVERLAPPING = Text("内部结构异常（文件相互重叠），可能是恶意构造的文件",
                   "has an abnormal inner structure (files overlap); it may have been made to do harm")
MEMBER_TOO_LARGE = Text("中的文件“{name}”过大", 'holds a file "{name}" that is too large')
MEMBER_DAMAGED = Text("中的文件“{name}”已损坏", 'holds a damaged file "{name}"')
NOT_A_PACKAGE = Text("不是劳模创新工作室台账的数据包",
                     "is not a data package of a model-worker innovation studio ledger")
BAD_FORMAT_VERSION = Text("的格式版本无效", "has an invalid format version")
NEWER_FORMAT = Text("数据包“{name}”由更新版本的程序生成（格式版本 {version}），本程序只支持到"
                    "版本 {supported}。请升级程序后再导入。未导入任何数据。",
                    'Package "{name}" was made by a newer version of the program (format version '
                    "{version}); this program supports up to version {supported}. Upgrade the "
                    "program, then import it. Nothing was imported.")
BAD_SCHEMA_VERSION = Text("的数据版本无效", "has an invalid data version")
NEWER_SCHEMA = Text("数据包“{name}”来自使用更新数据版本（{version}）的程序，本程序只支持到"
                    "版本 {supported}。请升级程序后再导入。未导入任何数据。",
                    'Package "{name}" comes from a program with a newer data version ({version}); '
                    "this program supports up to version {supported}. Upgrade the program, then "
                    "import it. Nothing was imported.")
BAD_MANIFEST = Text("的清单格式无效：{why}", "has an invalid manifest: {why}")
BAD_OMITTED = Text("的清单格式无效：“未提供的字段（omitted_fields）”只能列出各类记录中"
                   "可以不填的字段，每个一次",
                   'has an invalid manifest: "Fields not provided (omitted_fields)" may list only '
                   "fields a record may leave empty, each once")
BAD_SIGNATURE = Text("的签名无效：清单在签名后被改动过，或签名不是清单中的密钥所签。此数据包不可信",
                     "has an invalid signature: its manifest was changed after it was signed, or "
                     "the signature was not made with the key in the manifest. This package "
                     "cannot be trusted")
FINGERPRINT_MISMATCH = Text("清单中的密钥指纹与公钥不符",
                            "has a key fingerprint in its manifest that does not match the "
                            "public key")
BAD_RECORDS = Text("中的{kind}记录格式无效", "has records ({kind}) in an invalid format")
OTHER_STUDIO = Text("中的记录属于其他工作室（{kind}记录 {uid}）",
                    "holds a record of another studio ({kind} record {uid})")
DUPLICATE_RECORD = Text("中有重复的{kind}记录 {uid}", "holds the {kind} record {uid} twice")
NO_ATTACHMENT_FILE = Text("“{field}”所指的附件文件不在数据包中",
                          '"{field}" names an attachment file that is not in the package')
ATTACHMENT_SIZE = Text("“{field}”为 {size}，与数据包中的附件文件（{actual} 字节）不符",
                       '"{field}" is {size}, but the attachment file in the package has '
                       "{actual} bytes")
UNREADABLE = Text("的内容无法读取（{error}），已损坏或不是本程序生成的数据包",
                  "cannot be read ({error}); it is damaged or was not made by this program")
TOO_LARGE = Text("过大（{size} GB，上限 {limit} GB）", "is too large ({size} GB; the limit is {limit} GB)")
INCOMPLETE = Text("缺少清单或签名，不是完整的数据包",
                  "lacks its manifest or its signature and is not a complete package")
MANIFEST_DAMAGED = Text("的清单已损坏", "has a damaged manifest")
UNLISTED = Text("中有清单未列出的文件", "holds files its manifest does not list")
MISSING_FILE = Text("缺少文件“{name}”，不完整", 'lacks the file "{name}" and is incomplete')
SIZE_MISMATCH = Text("中的文件“{name}”大小与清单不符（已损坏或被改动）",
                     'holds a file "{name}" whose size differs from its manifest (damaged or '
                     "changed)")
CONTENT_MISMATCH = Text("中的文件“{name}”内容与清单不符（已损坏或被改动）",
                        'holds a file "{name}" whose content differs from its manifest (damaged '
                        "or changed)")
DAMAGED = Text("已损坏或不完整（可能复制时中断）",
               "is damaged or incomplete (the copy may have been interrupted)")
COUNTS_MISMATCH = Text("中的记录条数与清单不符", "holds other numbers of records than its manifest says")
STUDIO_MISMATCH = Text("中的工作室信息与清单不符", "holds other studio details than its manifest")
STUDIO_FIELD_MISMATCH = Text("的清单与工作室记录不符：清单中的“{field}”与数据包中的工作室记录不同",
                             'has a manifest that differs from its studio record: "{field}" in '
                             "the manifest is not the studio record's")


def _bad(path: Path, what: object) -> LaomoError:
    return LaomoError(BAD(name=visible(path.name), what=what))


def invalid_record(path: Path, kind: S.Kind, rec: object, why: object) -> LaomoError:
    """A record that breaks a rule: kind, title (or uid), then the field and the reason."""
    return _bad(path, INVALID_RECORD(kind=kind, title=H.title_of(kind, rec), why=why))


def _open_regular(path: Path):
    """The file at `path` opened for reading, if it is a regular file; a FIFO, a device or a
    folder is refused before anything is read from it (reading a FIFO would wait forever)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _not_a_file(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise LaomoError(CANNOT_READ(name=visible(Path(path).name),
                                     why=blobs.describe_os_error(exc))) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped after the first look
            raise _not_a_file(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _not_a_file(path: Path) -> LaomoError:
    return _bad(Path(path), NOT_A_FILE)


def _check_members(path: Path, zf: zipfile.ZipFile, name_re: re.Pattern | None = None,
                   max_members: int | None = None) -> dict[str, zipfile.ZipInfo]:
    """Every member checked before any is read; `name_re`: the names a package may hold (an
    office package's are its own, exchange/office.py)."""
    name_re, max_members = name_re or NAME_RE, max_members or MAX_MEMBERS
    infos = zf.infolist()
    if len(infos) > max_members:
        raise _bad(path, TOO_MANY_FILES(n=len(infos), limit=max_members))
    seen: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = packed = 0
    for info in infos:
        name = info.filename
        parts = info.orig_filename.replace("\\", "/").split("/")
        if (info.orig_filename.startswith(("/", "\\")) or ".." in parts or ":" in name
                or "\\" in info.orig_filename):
            raise _bad(path, UNSAFE_PATH(name=info.orig_filename))
        if name in seen or name.lower() in folded:
            raise _bad(path, DUPLICATE_FILE(name=name))
        if not name_re.fullmatch(name):
            raise _bad(path, FORBIDDEN_FILE(name=name))
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _bad(path, SYMLINK(name=name))
        if info.flag_bits & 0x1:
            raise _bad(path, ENCRYPTED(name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _bad(path, COMPRESSION(name=name))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bad(path, BOMB_MEMBER(name=name))
        seen[name] = info
        folded.add(name.lower())
        total += info.file_size
        packed += info.compress_size
    if total > MAX_UNCOMPRESSED_BYTES or (total > RATIO_FLOOR and total > MAX_TOTAL_RATIO * max(packed, 1)):
        raise _bad(path, BOMB_TOTAL)
    ordered = sorted(infos, key=lambda i: i.header_offset)
    ends = [i.header_offset + 30 + len(i.orig_filename.encode()) + i.compress_size
            for i in ordered]
    starts = [i.header_offset for i in ordered[1:]] + [zf.start_dir]
    if any(end > start for end, start in zip(ends, starts, strict=True)):
        raise _bad(path, OVERLAPPING)
    return seen


def _read(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise _bad(path, MEMBER_TOO_LARGE(name=info.filename))
    with zf.open(info) as f:
        data = f.read(limit + 1)
    if len(data) != info.file_size:
        raise _bad(path, MEMBER_DAMAGED(name=info.filename))
    return data


def _hash_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> str:
    h = hashlib.sha256()
    n = 0
    with zf.open(info) as f:
        while chunk := f.read(CHUNK):
            n += len(chunk)
            if n > size:
                break
            h.update(chunk)
    return h.hexdigest() if n == size else ""


def _check_manifest(path: Path, m: object) -> dict:
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise _bad(path, NOT_A_PACKAGE)
    version = m.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad(path, BAD_FORMAT_VERSION)
    if version > FORMAT_VERSION:
        raise LaomoError(NEWER_FORMAT(name=path.name, version=version, supported=FORMAT_VERSION))
    schema = m.get("schema_version")
    if not isinstance(schema, int) or schema < 1:
        raise _bad(path, BAD_SCHEMA_VERSION)
    if schema > migrations.LATEST:
        raise LaomoError(NEWER_SCHEMA(name=path.name, version=schema, supported=migrations.LATEST))
    try:
        MANIFEST_SHAPE.check(m)
    except H.Problem as p:
        raise _bad(path, BAD_MANIFEST(why=p.message)) from None
    if not privacy.valid_manifest_entry(m.get(privacy.MANIFEST_KEY)):
        raise _bad(path, BAD_OMITTED)
    return m


def _check_signature(path: Path, m: dict, mbytes: bytes, signature: bytes) -> bytes:
    try:
        public = bytes.fromhex(m["signer"]["public_key"])
    except ValueError:
        public = b""
    if not keys.verify(public, signature, mbytes):
        raise _bad(path, BAD_SIGNATURE)
    if m["signer"].get("fingerprint") != keys.fingerprint(public):
        raise _bad(path, FINGERPRINT_MISMATCH)
    return public


def _parse_records(path: Path, kind: str, data: bytes) -> list:
    """The records of one records/<kind>.jsonl, as parsed (checked by _check_records)."""
    k = S.kind(kind)
    try:
        text = data.decode("utf-8")
        if text and not text.endswith("\n"):
            raise ValueError(kind)
        # one record per line, lines end with "\n" only (U+2028 and the like may be in a text)
        out = json.loads("[" + text[:-1].replace("\n", ",") + "]") if text else []
        if len(out) != text.count("\n"):
            raise ValueError(kind)
    except RecursionError:
        raise _bad(path, MALFORMED) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(path, BAD_RECORDS(kind=k)) from exc
    return out


def _check_records(path: Path, kind: S.Kind, records: list, studio_uid: str) -> None:
    """Every record has its declared shape (ledger.shapes), belongs to the studio, once."""
    seen: set[str] = set()
    for r in records:
        try:
            H.check_record(kind, r)
        except H.Problem as p:
            raise invalid_record(path, kind, r, p.message) from None
        if r["studio"] != studio_uid:
            raise _bad(path, OTHER_STUDIO(kind=kind, uid=r["uid"]))
        if r["uid"] in seen:
            raise _bad(path, DUPLICATE_RECORD(kind=kind, uid=r["uid"]))
        seen.add(r["uid"])


def _check_attachments(path: Path, records: list[dict], files: dict[str, int]) -> None:
    """Each attachment record names a file of the package by its SHA-256, with its size."""
    kind = S.kind("attachment")
    for r in records:
        sha, size = r.get("sha256"), r.get("size")
        if sha not in files:
            raise invalid_record(path, kind, r, NO_ATTACHMENT_FILE(field=kind.field("sha256")))
        if size != files[sha]:
            raise invalid_record(path, kind, r, ATTACHMENT_SIZE(field=kind.field("size"), size=size,
                                                                actual=files[sha]))


def read_package(path: Path) -> Package:
    """Check a package completely and return its records; LaomoError with the reason if not."""
    return read_guarded(path, _read_package, _bad)


T = TypeVar("T")


def read_guarded(path: Path, read: Callable[[Path, Any], T],
                 bad: Callable[[Path, object], LaomoError]) -> T:
    """`read(path, the opened file)` of a regular file (not a link or a device); anything it
    did not foresee is `bad(path, UNREADABLE)`, a LaomoError naming the kind of package."""
    path = Path(path)
    with _open_regular(path) as raw:
        try:
            return read(path, raw)
        except LaomoError:
            raise
        except Exception as exc:  # the checks are meant to catch everything before this
            raise bad(path, UNREADABLE(error=type(exc).__name__)) from exc


def looks_like(path: Path, suffix: str, fmt: str) -> bool:
    """Whether a file is a package of format `fmt`, by its name ending in `suffix`, else by its
    manifest's format: a cheap look before the full checks, never an error."""
    if str(path).endswith(suffix):
        return True
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            return json.loads(zf.read(info)).get("format") == fmt
    except Exception:  # noqa: BLE001 - anything unreadable is for the reader to explain
        return False


def _read_package(path: Path, raw) -> Package:
    size = os.fstat(raw.fileno()).st_size
    if size > MAX_PACKAGE_BYTES:
        raise _bad(path, TOO_LARGE(size=f"{size / 2**30:.1f}", limit=MAX_PACKAGE_BYTES >> 30))
    try:
        with zipfile.ZipFile(raw) as zf:
            infos = _check_members(path, zf)
            if MANIFEST not in infos or SIGNATURE not in infos:
                raise _bad(path, INCOMPLETE)
            mbytes = _read(path, zf, infos[MANIFEST], MAX_MANIFEST_BYTES)
            signature = _read(path, zf, infos[SIGNATURE], keys.SIGNATURE_BYTES)
            try:
                m = _check_manifest(path, json.loads(mbytes.decode("utf-8")))
            except RecursionError:
                raise _bad(path, MALFORMED) from None
            except (UnicodeDecodeError, ValueError) as exc:
                raise _bad(path, MANIFEST_DAMAGED) from exc
            public = _check_signature(path, m, mbytes, signature)
            listed = {f["name"]: f for f in m["files"]}
            present = set(infos) - {MANIFEST, SIGNATURE}
            if len(listed) != len(m["files"]) or present - set(listed):
                raise _bad(path, UNLISTED)
            if set(listed) - present:
                raise _bad(path, MISSING_FILE(name=sorted(set(listed) - present)[0]))
            records: dict[str, list[dict]] = {}
            attachments: dict[str, int] = {}
            for name, f in listed.items():
                info = infos[name]
                if info.file_size != f["size"]:
                    raise _bad(path, SIZE_MISMATCH(name=name))
                if name.startswith("records/"):
                    data = _read(path, zf, info, MAX_RECORDS_BYTES)
                    ok = hashlib.sha256(data).hexdigest() == f["sha256"]
                else:
                    data = b""
                    ok = f["sha256"] == name.rsplit("/", 1)[1] and (
                        _hash_member(path, zf, info, f["size"]) == f["sha256"])
                if not ok:
                    raise _bad(path, CONTENT_MISMATCH(name=name))
                if name.startswith("records/"):
                    kind = name[len("records/"):-len(".jsonl")]
                    records[kind] = _parse_records(path, kind, data)
                else:
                    attachments[name.rsplit("/", 1)[1]] = f["size"]
    # RuntimeError also covers an unsupported compression method (zipfile raises a subclass)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            RuntimeError) as exc:
        raise _bad(path, DAMAGED) from exc
    for v in range(m["format_version"], FORMAT_VERSION):
        UPGRADES[v](m, records)
    for kind in S.KINDS:
        records.setdefault(kind.name, [])
        _check_records(path, kind, records[kind.name], m["studio"]["uid"])
    if {k: len(v) for k, v in records.items() if v} != {k: n for k, n in m["counts"].items() if n}:
        raise _bad(path, COUNTS_MISMATCH)
    studios = records["studio"]
    if len(studios) != 1 or studios[0]["uid"] != m["studio"]["uid"]:
        raise _bad(path, STUDIO_MISMATCH)
    for name in ("name", "code"):  # what the preview and the pinned key show is what is stored
        if studios[0].get(name) != m["studio"][name]:
            raise _bad(path, STUDIO_FIELD_MISMATCH(field=S.kind("studio").field(name)))
    _check_attachments(path, records["attachment"], attachments)
    if m["schema_version"] < migrations.RECORDS_SCHEMA:  # written by an earlier version
        records = {kind: [migrations.upgrade_record(kind, r, m["schema_version"]) for r in rs]
                   for kind, rs in records.items()}
        records = migrations.split_alliances(records, m["schema_version"])  # step 12
    return Package(path, m, records, attachments, public)
