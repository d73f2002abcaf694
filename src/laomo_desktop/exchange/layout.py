"""A data package's layout (docs/package-format.md): its format name, member names and limits,
and every field of manifest.json with what each may hold. exchange/package.py reads packages
by it; the office and notice packages reuse its pieces."""

from __future__ import annotations

import re

from laomo_desktop.ledger import shapes as H
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

FORMAT = "laomo-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature.ed25519"

MAX_PACKAGE_BYTES = 2 << 30        # the whole file
MAX_MEMBERS = 50_000
MAX_MANIFEST_BYTES = 16 << 20
MAX_RECORDS_BYTES = 1 << 30        # one records/<kind>.jsonl, uncompressed
MAX_UNCOMPRESSED_BYTES = 4 << 30   # all members together
MAX_RATIO = 100                    # uncompressed : compressed, per member above RATIO_FLOOR
MAX_TOTAL_RATIO = 50
RATIO_FLOOR = 1 << 20              # small members may compress well; they cannot hurt
CHUNK = 1 << 20

NAME_RE = re.compile(
    r"manifest\.json|signature\.ed25519|attachments/[0-9a-f]{64}|records/(?:"
    + "|".join(re.escape(k.name) for k in S.KINDS) + r")\.jsonl")


def record_file(kind: str) -> str:
    return f"records/{kind}.jsonl"


def attachment_file(sha256: str) -> str:
    return f"attachments/{sha256}"


# Every field of manifest.json, declared once and checked from here before anything is read
# (docs/package-format.md). Unknown keys are refused: the signature vouches for the bytes, not
# for what a newer or hand-made writer meant by a key this reader does not know.
_FILES = Both("文件清单（files）", "files")
_OMITTED = Both("未提供的字段（omitted_fields）", "omitted_fields")
MANIFEST_SHAPE = H.Obj(Both("清单", "manifest"), fields={
    "format": H.Const(Both("格式（format）", "format"), value=FORMAT),
    "format_version": H.Int(Both("格式版本（format_version）", "format_version"), lo=1),
    "app_version": H.Text(Both("程序版本（app_version）", "app_version"), max_len=40,
                          pattern=re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]*"),
                          what=Both("版本号", "a version number")),
    "schema_version": H.Int(Both("数据版本（schema_version）", "schema_version"), lo=1),
    "package_uid": H.Uid(Both("数据包编号（package_uid）", "package_uid")),
    "studio": H.Obj(Both("工作室（studio）", "studio"), fields={
        "uid": H.Uid(Both("工作室编号（studio.uid）", "studio.uid")),
        "name": H.declared("studio", "name"),
        "code": H.declared("studio", "code", nullable=True),
    }),
    "created_at": H.Stamp(Both("生成时间（created_at）", "created_at")),
    "sequence": H.Int(Both("序号（sequence）", "sequence"), lo=1),
    "counts": H.MapOf(Both("记录条数（counts）", "counts"), keys=H.KIND_NAMES,
                      value=H.Int(Both("记录条数（counts）", "counts"), lo=0)),
    "files": H.ListOf(_FILES, max_items=MAX_MEMBERS, item=H.Obj(_FILES, fields={
        "name": H.Text(Both("文件名（files.name）", "files.name"), max_len=100, pattern=NAME_RE,
                       what=Both("数据包成员名", "a package member name")),
        "size": H.Int(Both("文件大小（files.size）", "files.size"), lo=0,
                      hi=MAX_UNCOMPRESSED_BYTES),
        "sha256": H.Hex(Both("文件校验值（files.sha256）", "files.sha256"), 64),
    })),
    "signer": H.Obj(Both("签名者（signer）", "signer"), fields={
        "algorithm": H.Const(Both("签名算法（signer.algorithm）", "signer.algorithm"),
                             value="ed25519"),
        "fingerprint": H.Text(Both("密钥指纹（signer.fingerprint）", "signer.fingerprint"),
                              max_len=39, pattern=re.compile(r"(?:[0-9A-F]{4} ){7}[0-9A-F]{4}"),
                              what=Both("密钥指纹", "a key fingerprint")),
        "public_key": H.Hex(Both("公钥（signer.public_key）", "signer.public_key"), 64),
    }),
}, optional={
    # personal fields the studio chose not to send: {kind: [field, ...]}
    "omitted_fields": H.MapOf(_OMITTED, keys=H.KIND_NAMES, value=H.ListOf(
        _OMITTED, max_items=100, item=H.Text(
            _OMITTED, max_len=40, pattern=re.compile(r"[a-z][a-z0-9_]*"),
            what=Both("字段名", "a field name")))),
})
