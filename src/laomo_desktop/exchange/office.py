"""The office package: what a union office forwards to the office above (issue 16 §5).

One zip file, `<office>_<code>-<uid[:8]>-<time>-<sequence>.office.laomo.zip`:
`manifest.json` (the office, its level, the statistics year, the year's targets, and each studio
package it covers: studio, package uid, sequence, file name, size, SHA-256, the studio's key
fingerprint), `signature.ed25519` (the office's Ed25519 key over the manifest's exact bytes) and
`studios/<sha256>.laomo.zip`: the studio packages as the office imported them, unchanged bytes
(stored, not compressed again), so each still carries its studio's own signature.

`read_office` refuses a hostile or damaged file before it reads any studio package (the
member checks of exchange.package, the manifest's declared shape, the office signature, every
member listed); `extract_studios` then copies each studio package out, checks its size and
SHA-256 against the signed manifest, and reads it with exchange.package.read_package (the
studio's own signature, every record) — and that it is the package the manifest names.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys
from laomo_desktop.exchange import package as P
from laomo_desktop.exchange.filenames import code_part, name_part
from laomo_desktop.ledger import shapes as H
from laomo_desktop.ledger import union
from laomo_desktop.store import enums as E
from laomo_desktop.texts import Both, Text
from laomo_desktop.visible import visible

OFFICE_FORMAT = "laomo-office-package"
OFFICE_FORMAT_VERSION = 1
OFFICE_SUFFIX = ".office.laomo.zip"
MAX_OFFICE_BYTES = (4 << 30) - 1        # what a FAT32 stick holds in one file
MAX_STUDIOS = 5_000
OFFICE_NAME_RE = re.compile(r"manifest\.json|signature\.ed25519|studios/[0-9a-f]{64}\.laomo\.zip")


def studio_member(sha256: str) -> str:
    return f"studios/{sha256}.laomo.zip"


def office_package_name(office: dict, created, sequence: int) -> str:
    """`<name>_<code>-<uid[:8]>-<yyyymmddTHHMMSSZ>-<sequence:04d>.office.laomo.zip`, the name
    and code made safe for FAT32 and Windows as a studio package's are (exchange/filenames.py)."""
    from datetime import UTC

    code = code_part(office.get("code"))
    prefix = f"{code}-{office['uid'][:8]}" if code else office["uid"][:8]
    name = name_part(office.get("name") or "")
    head = f"{name}_" if name else ""
    return (f"{head}{prefix}-{created.astimezone(UTC):%Y%m%dT%H%M%SZ}-{sequence:04d}"
            f"{OFFICE_SUFFIX}")


NOT_OFFICE = Text("不是工会转报的数据包", "is not a package forwarded by a union office")
NEWER_OFFICE_FORMAT = Text("由更新版本的程序生成（格式版本 {version}），请升级程序后再导入",
                           "was made by a newer version of the program (format version "
                           "{version}); upgrade the program, then import it")
OFFICE_TOO_LARGE = Text("过大（超过 4 GB）", "is too large (more than 4 GB)")
STUDIO_NOT_THERE = Text("的清单声称包含工作室“{studio}”的数据包，但其中没有这个数据包",
                        'claims a package of studio "{studio}", but that package is not in it')
STUDIO_TWICE = Text("的清单把工作室“{studio}”列了两次", 'lists studio "{studio}" twice')
STUDIO_ALTERED = Text("中工作室“{studio}”的数据包与清单不符（被替换或改动过）",
                      'holds a package of studio "{studio}" that differs from its manifest '
                      "(swapped or changed)")
STUDIO_SWAPPED = Text("中的数据包不是清单所说的工作室“{studio}”的那个数据包（被替换过）",
                      'holds a package that is not the one of studio "{studio}" its manifest '
                      "names (it was swapped)")
STUDIO_REFUSED = Text("中工作室“{studio}”的数据包不能导入：{why}",
                      'holds a package of studio "{studio}" that cannot be imported: {why}')
BAD_TARGETS = Text("中的年度目标无效：{why}", "holds invalid targets for the year: {why}")
OFFICE_BAD = Text("工会数据包“{name}”{what}。未导入任何数据。",
                  'Office package "{name}" {what}. Nothing was imported.')


def _bad(path: Path, what: object) -> LaomoError:
    return LaomoError(OFFICE_BAD(name=visible(Path(path).name), what=what))


@dataclass(frozen=True)
class _Targets(H.Shape):
    """The office's targets for the year, as ledger.union validates a targets file."""

    def _check(self, v) -> None:
        if not isinstance(v, dict):
            raise H.Problem(H.BAD_FORM(field=self.label))
        try:
            union.validate_targets(v)
        except LaomoError as exc:
            raise H.Problem(exc.said) from None


_ST = Both("工作室（studios）", "studios")
FILE_NAME_BYTES = 255 - len(".partial")
NAME_TOO_LONG = Text("中工作室“{studio}”的数据包文件名过长（超过磁盘允许的长度）",
                     "names a package file of studio “{studio}” too long for a disk")
_SAFE_FILE = re.compile(r"[^/\\:*?\"<>|\x00-\x1f\x7f]{1,200}")
STUDIO_ENTRY = H.Obj(_ST, fields={
    "uid": H.Uid(Both("工作室编号（studios.uid）", "studios.uid")),
    "name": H.declared("studio", "name"),
    "code": H.declared("studio", "code", nullable=True),
    "package_uid": H.Uid(Both("数据包编号（studios.package_uid）", "studios.package_uid")),
    "sequence": H.Int(Both("序号（studios.sequence）", "studios.sequence"), lo=1),
    "file_name": H.Text(Both("文件名（studios.file_name）", "studios.file_name"), max_len=200,
                        pattern=_SAFE_FILE, what=Both("文件名（不含路径）", "a file name (no folder)")),
    "size": H.Int(Both("大小（studios.size）", "studios.size"), lo=1, hi=P.MAX_PACKAGE_BYTES),
    "sha256": H.Hex(Both("校验值（studios.sha256）", "studios.sha256"), 64),
    "fingerprint": H.Text(Both("密钥指纹（studios.fingerprint）", "studios.fingerprint"),
                          max_len=39, pattern=re.compile(r"(?:[0-9A-F]{4} ){7}[0-9A-F]{4}"),
                          what=Both("密钥指纹", "a key fingerprint")),
    "content": H.Hex(Both("记录校验值（studios.content）", "studios.content"), 64),
})
OFFICE_MANIFEST = H.Obj(Both("清单", "manifest"), fields={
    "format": H.Const(Both("格式（format）", "format"), value=OFFICE_FORMAT),
    "format_version": H.Int(Both("格式版本（format_version）", "format_version"), lo=1),
    "app_version": P.MANIFEST_SHAPE.fields["app_version"],
    "package_uid": H.Uid(Both("数据包编号（package_uid）", "package_uid")),
    "created_at": H.Stamp(Both("生成时间（created_at）", "created_at")),
    "sequence": H.Int(Both("序号（sequence）", "sequence"), lo=1),
    "year": H.Int(Both("统计年度（year）", "year"), lo=2000, hi=2200),
    "office": H.Obj(Both("工会（office）", "office"), fields={
        "uid": H.Uid(Both("工会编号（office.uid）", "office.uid")),
        "name": H.Text(Both("工会名称（office.name）", "office.name"), max_len=60),
        "code": H.Text(Both("工会代码（office.code）", "office.code"), nullable=True, max_len=20,
                       pattern=re.compile(r"[A-Za-z0-9-]{0,20}"),
                       what=Both("字母、数字和“-”", 'letters, digits and "-"')),
        "level": H.Text(Both("工会级别（office.level）", "office.level"), max_len=20,
                        pattern=re.compile("|".join(lv.value for lv in E.OfficeLevel)),
                        what=Both("区县、市或省", "county, city or province")),
    }),
    "studios": H.ListOf(_ST, max_items=MAX_STUDIOS, item=STUDIO_ENTRY),
    "targets": _Targets(Both("年度目标（targets）", "targets")),
    "signer": P.MANIFEST_SHAPE.fields["signer"],
})


@dataclass
class FromOffice:
    """A package an office signed (its studios forwarded, or a notice sent down): the office
    as its manifest names it, and the key that signed it."""

    path: Path
    manifest: dict
    public_key: bytes

    office = property(lambda self: self.manifest["office"])
    office_uid = property(lambda self: self.manifest["office"]["uid"])
    office_name = property(lambda self: self.manifest["office"]["name"])
    level = property(lambda self: self.manifest["office"]["level"])
    package_uid = property(lambda self: self.manifest["package_uid"])
    created_at = property(lambda self: self.manifest["created_at"])
    fingerprint = property(lambda self: keys.fingerprint(self.public_key))


@dataclass
class OfficePackage(FromOffice):
    sequence = property(lambda self: self.manifest["sequence"])
    year = property(lambda self: self.manifest["year"])
    studios = property(lambda self: self.manifest["studios"])


def content_digest(manifest: dict) -> str:
    """What a studio package holds, by its record files' SHA-256 (not its time or number): two
    paths that carried the same records agree."""
    files = sorted((f["name"], f["sha256"]) for f in manifest["files"]
                   if f["name"].startswith("records/"))
    return hashlib.sha256(json.dumps(files).encode()).hexdigest()


def looks_like_office(path: Path) -> bool:
    """Whether a file is an office package (package.looks_like)."""
    return P.looks_like(path, OFFICE_SUFFIX, OFFICE_FORMAT)


def read_office(path: Path) -> OfficePackage:
    """The office package checked up to its studio packages (extract_studios checks those)."""
    return P.read_guarded(path, _read_office, _bad)


def _read_office(path: Path, raw) -> OfficePackage:
    if os.fstat(raw.fileno()).st_size > MAX_OFFICE_BYTES:
        raise _bad(path, OFFICE_TOO_LARGE)
    try:
        with zipfile.ZipFile(raw) as zf:
            infos = P._check_members(path, zf, OFFICE_NAME_RE, MAX_STUDIOS + 2)
            if P.MANIFEST not in infos or P.SIGNATURE not in infos:
                raise _bad(path, P.INCOMPLETE)
            mbytes = P._read(path, zf, infos[P.MANIFEST], P.MAX_MANIFEST_BYTES)
            signature = P._read(path, zf, infos[P.SIGNATURE], keys.SIGNATURE_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            RuntimeError) as exc:
        raise _bad(path, P.DAMAGED) from exc
    try:
        m = json.loads(mbytes.decode("utf-8"))
    except RecursionError:
        raise _bad(path, P.MALFORMED) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(path, P.MANIFEST_DAMAGED) from exc
    if not isinstance(m, dict) or m.get("format") != OFFICE_FORMAT:
        raise _bad(path, NOT_OFFICE)
    version = m.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) \
            and version > OFFICE_FORMAT_VERSION:
        raise _bad(path, NEWER_OFFICE_FORMAT(version=version))
    try:
        OFFICE_MANIFEST.check(m)
    except H.Problem as p:
        if isinstance(m.get("targets"), dict):
            try:
                union.validate_targets(m["targets"])
            except LaomoError as exc:
                raise _bad(path, BAD_TARGETS(why=exc.said)) from None
        raise _bad(path, P.BAD_MANIFEST(why=p.message)) from None
    public = P._check_signature(path, m, mbytes, signature)
    seen: set[str] = set()
    shas: set[str] = set()
    for s in m["studios"]:
        if s["uid"] in seen:
            raise _bad(path, STUDIO_TWICE(studio=s["name"]))
        if len(s["file_name"].encode("utf-8")) > FILE_NAME_BYTES:  # a disk's 255, with .partial
            raise _bad(path, NAME_TOO_LONG(studio=s["name"]))
        seen.add(s["uid"])
        member = studio_member(s["sha256"])
        if member not in infos:
            raise _bad(path, STUDIO_NOT_THERE(studio=s["name"]))
        if infos[member].file_size != s["size"]:
            raise _bad(path, STUDIO_ALTERED(studio=s["name"]))
        shas.add(member)
    if set(infos) - {P.MANIFEST, P.SIGNATURE} - shas:
        raise _bad(path, P.UNLISTED)
    return OfficePackage(path, m, public)


def extract_studios(opkg: OfficePackage, folder: Path) -> Iterator[tuple[dict, P.Package]]:
    """Each studio package copied into `folder` under its own file name and checked: its size
    and SHA-256 against the signed manifest, then everything read_package checks (its studio's
    signature, every record), then that it is the package the manifest names."""
    path = opkg.path
    with P._open_regular(path) as raw, zipfile.ZipFile(raw) as zf:
        for s in opkg.studios:
            dest = Path(folder) / s["file_name"]
            h = hashlib.sha256()
            n = 0
            try:
                with zf.open(studio_member(s["sha256"])) as src, open(dest, "xb") as out:
                    while chunk := src.read(P.CHUNK):
                        n += len(chunk)
                        if n > s["size"]:
                            break
                        h.update(chunk)
                        out.write(chunk)
            except FileExistsError:
                raise _bad(path, STUDIO_TWICE(studio=s["name"])) from None
            except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:
                raise _bad(path, STUDIO_ALTERED(studio=s["name"])) from exc
            if n != s["size"] or h.hexdigest() != s["sha256"]:
                raise _bad(path, STUDIO_ALTERED(studio=s["name"]))
            try:
                pkg = P.read_package(dest)
            except LaomoError as exc:
                raise _bad(path, STUDIO_REFUSED(studio=s["name"], why=exc.said)) from exc
            if (pkg.studio_uid, pkg.package_uid, pkg.sequence, pkg.fingerprint) != (
                    s["uid"], s["package_uid"], s["sequence"], s["fingerprint"]) \
                    or content_digest(pkg.manifest) != s["content"]:
                raise _bad(path, STUDIO_SWAPPED(studio=s["name"]))
            pkg.sha256 = s["sha256"]
            yield s, pkg
