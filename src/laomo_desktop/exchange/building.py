"""Building a data package (docs/package-format.md) from a studio's records: the zip, its
manifest and signature, written under a temporary name and read back with the same checks an
importer applies (exchange.package.read_package) before it takes its final name."""

from __future__ import annotations

import contextlib
import hashlib
import json
import stat
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from laomo_desktop import __version__
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys, privacy
from laomo_desktop.exchange.package import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_PACKAGE_BYTES,
    SIGNATURE,
    attachment_file,
    package_name,
    read_package,
    record_file,
)
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs, migrations
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS
from laomo_desktop.texts import Text

NO_STUDIO = Text("找不到该工作室。", "The studio cannot be found.")
STEP_RECORDS = Text("整理{kind}记录", "Gathering the records: {kind}")
STEP_SIGN = Text("签名（附件 {done}/{n} 个）", "Signing (attachments {done}/{n})")
STEP_VERIFY = Text("校验数据包", "Verifying the package")
TOO_LARGE = Text("数据包有 {size} GB，超过 {limit} GB 的上限。请把较大的附件移出台账后再导出。",
                 "The package has {size} GB, more than the limit of {limit} GB. Take the larger "
                 "attachments out of the ledger, then export again.")
CANNOT_BUILD = Text("无法在“{folder}”中生成数据包：{why}", 'Cannot make the package in "{folder}": {why}')
BLOB_MISSING = Text("附件文件 {sha}… 在本机丢失，无法导出。请先运行“检查台账”，"
                    "从备份恢复或重新添加该附件。",
                    "The attachment file {sha}… is missing on this computer, so the studio cannot "
                    'be exported. Run "Check the ledger" first, then restore a backup or add the '
                    "attachment again.")
BLOB_DAMAGED = Text("本机的附件文件 {sha}… 已损坏（校验值不符），无法导出。请先运行“检查台账”。",
                    "The attachment file {sha}… on this computer is damaged (its checksum does not "
                    'match), so the studio cannot be exported. Run "Check the ledger" first.')


def studio_records(studio_uid: str, omitted: dict[str, list[str]] | None = None
                   ) -> Iterator[tuple[S.Kind, list[dict]]]:
    """Every record of a studio, live and binned, kind by kind in KINDS order; the `omitted`
    fields ({kind: [field, ...]}, see exchange.privacy) emptied."""
    smodel = MODELS["studio"]
    sid = smodel.select(smodel.id).where(smodel.uid == studio_uid).scalar()
    if sid is None:
        raise LaomoError(NO_STUDIO)
    for kind in S.KINDS:
        model = MODELS[kind.name]
        where = (model.studio == sid) if kind.per_studio else (model.id == sid)
        records = R.to_records(kind, list(model.select().where(where).order_by(model.id).dicts()))
        privacy.strip(kind, records, (omitted or {}).get(kind.name, ()))
        yield kind, records


def _line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8") + b"\n"


@contextlib.contextmanager
def partial_file(tmp: Path, out_dir: Path) -> Iterator[None]:
    """A package being written at `tmp` (….partial, renamed when verified): whatever stops it
    removes the file, and a disk error becomes CANNOT_BUILD naming the folder."""
    try:
        yield
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LaomoError(CANNOT_BUILD(folder=out_dir, why=blobs.describe_os_error(exc))) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _info(name: str, when: datetime, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = compress
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def build_steps(paths: LedgerPaths, studio_uid: str, out_dir: Path, sequence: int,
                now: datetime | None = None, include: Iterable[str] | None = None
                ) -> Iterator[tuple[int, int, str]]:
    """Write and verify a package in out_dir, yielding progress; returns the verified Package
    (as the value of StopIteration). Of the optional personal fields (exchange.privacy) only
    those named in `include` travel: privacy by default."""
    omitted = privacy.omitted_for(include)
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    key = keys.load_or_create(paths)
    public = keys.raw_public(key)
    studio = R.get("studio", studio_uid)
    name = package_name(studio, created, sequence)
    final = Path(out_dir) / name
    tmp = final.with_name(name + ".partial")
    total = len(S.KINDS) + 2
    files: list[dict] = []
    counts: dict[str, int] = {}
    att = att_done = 0
    with partial_file(tmp, out_dir):
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
            for i, (kind, recs) in enumerate(studio_records(studio_uid, omitted)):
                yield i, total, str(STEP_RECORDS(kind=kind))
                data = b"".join(_line(r) for r in recs)
                counts[kind.name] = len(recs)
                member = record_file(kind.name)
                zf.writestr(_info(member, created, zipfile.ZIP_DEFLATED), data)
                files.append({"name": member, "size": len(data),
                              "sha256": hashlib.sha256(data).hexdigest()})
                if kinds.rules(kind).is_file:
                    hashes = sorted({r["sha256"] for r in recs})
                    att = len(hashes)
                    for sha in hashes:
                        files.append(_add_blob(paths, zf, sha, created))
                        att_done += 1
            yield len(S.KINDS), total, str(STEP_SIGN(done=att_done, n=att))
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                "schema_version": migrations.RECORDS_SCHEMA, "package_uid": str(uuid.uuid4()),
                "studio": {"uid": studio_uid, "name": studio["name"], "code": studio["code"]},
                "created_at": created.isoformat().replace("+00:00", "Z"), "sequence": sequence,
                "counts": counts, "files": files, privacy.MANIFEST_KEY: omitted,
                "signer": {"algorithm": "ed25519", "fingerprint": keys.fingerprint(public),
                           "public_key": public.hex()},
            }
            mbytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                sort_keys=True).encode("utf-8")
            zf.writestr(_info(MANIFEST, created, zipfile.ZIP_DEFLATED), mbytes)
            zf.writestr(_info(SIGNATURE, created, zipfile.ZIP_STORED), key.sign(mbytes))
        size = tmp.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise LaomoError(TOO_LARGE(size=f"{size / 2**30:.1f}", limit=MAX_PACKAGE_BYTES >> 30))
        yield len(S.KINDS) + 1, total, str(STEP_VERIFY)
        verified = read_package(tmp)
        verified.sha256 = blobs.file_sha256(tmp)[0]
        tmp.replace(final)
        verified.path = final
    return verified


def _add_blob(paths: LedgerPaths, zf: zipfile.ZipFile, sha: str, when: datetime) -> dict:
    src = blobs.blob_path(paths, sha)
    if not src.is_file():
        raise LaomoError(BLOB_MISSING(sha=sha[:12]))
    name = attachment_file(sha)
    h = hashlib.sha256()
    size = 0
    info = _info(name, when, zipfile.ZIP_STORED)
    with open(src, "rb") as f, zf.open(info, "w", force_zip64=True) as out:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if h.hexdigest() != sha:
        raise LaomoError(BLOB_DAMAGED(sha=sha[:12]))
    return {"name": name, "size": size, "sha256": sha}


def build_package(paths: LedgerPaths, studio_uid: str, out_dir: Path, sequence: int = 1,
                  now: datetime | None = None, include: Iterable[str] | None = None) -> Path:
    steps = build_steps(paths, studio_uid, out_dir, sequence, now, include)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value.path
