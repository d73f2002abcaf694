"""Forwarding to the office above: the studio packages a union office imported are kept
unchanged (`<data dir>/forward/`, the newest of each studio), and `export_office_steps` writes
them, with the office's signed manifest, as one office package (exchange/office.py) to a stick,
read back and compared like a studio's export (exchange/export.py)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from laomo_desktop import __version__
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import building, export, keys
from laomo_desktop.exchange import office as O
from laomo_desktop.exchange import package as P
from laomo_desktop.ledger import offices, union
from laomo_desktop.ledger.period import current_year
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store.models import database
from laomo_desktop.texts import Text
from laomo_desktop.work import Job, Progress

NOTHING = Text("本台账还没有导入过可以转报的工作室数据包。请先导入各工作室（或下级工会）的数据包。",
               "This ledger has not imported any studio packages to forward yet. Import the "
               "packages of the studios (or of the offices below) first.")
KEPT_DAMAGED = Text("保存待转报的工作室“{studio}”的数据包已损坏或丢失（{file}）。请重新导入该工作室的"
                    "数据包后再转报。",
                    'The kept package of studio "{studio}" to forward is damaged or missing '
                    "({file}). Import the studio's package again, then forward.")
TOO_LARGE = Text("工会数据包超过 4 GB，无法写入 FAT32 格式的 U 盘。台账没有改动。",
                 "The office package is larger than 4 GB and cannot be written to a USB stick "
                 "formatted as FAT32. The ledger was not changed.")
STEP_ADD = Text("放入工作室“{studio}”的数据包（{i}/{n}）", 'Adding the package of "{studio}" ({i}/{n})')
STEP_SIGN = Text("签名并校验工会数据包", "Signing and verifying the office package")


def keep_package(paths: LedgerPaths, pv, *, move: bool = False,
                 later: list[Path] | None = None) -> bool:
    """Keep the imported package `pv` (an import's Preview, or a Package) unchanged under
    forward/, unless a newer one of its studio is kept; the older one it replaces is removed
    (or, `later`, added to that list for the caller to remove once its transaction is
    committed). Best effort: False when it could not be kept (the import stands; the clerk
    imports the file again to forward it)."""
    src = Path(getattr(pv, "file", None) or pv.path)
    dest = paths.forward / src.name
    known = ""
    try:
        paths.forward.mkdir(parents=True, exist_ok=True)
        if not (dest.exists() and dest.stat().st_size == src.stat().st_size):
            known = getattr(pv, "sha256", "")  # an office import's copy: checked when extracted
            tmp = dest.with_name(dest.name + ".partial")
            if move:
                shutil.move(src, tmp)
            else:
                shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, dest)
        sha, size = (known, dest.stat().st_size) if known else blobs.file_sha256(dest)
        with database.atomic():
            kept, replaced = offices.keep_forward(pv.studio_uid, pv.package_uid, pv.sequence,
                                                  dest.name, sha, size)
    except OSError:
        return False
    for name in filter(None, (replaced, None if kept else dest.name)):
        if later is not None:
            later.append(paths.forward / name)
            continue
        with contextlib.suppress(OSError):
            (paths.forward / name).unlink()
    return kept


@dataclass(frozen=True)
class OfficeExport:
    path: Path               # the verified copy at the target
    outbox_path: Path
    office: dict
    year: int
    sequence: int
    size: int
    sha256: str
    studios: list[str]       # names of the studios forwarded
    fingerprint: str
    missing: list[str] = field(default_factory=list)  # imported studios with no kept package


def _missing(kept: dict[str, dict]) -> list[str]:
    rows = database.execute_sql(
        "SELECT s.uid, s.name FROM imported_studio i JOIN studio s ON s.id = i.studio_id "
        "ORDER BY s.name").fetchall()
    return [name for uid, name in rows if uid not in kept]


def _add(zf: zipfile.ZipFile, src: Path, sha: str, when: datetime) -> str:
    info = zipfile.ZipInfo(O.studio_member(sha), date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o100644 << 16
    h = hashlib.sha256()
    with open(src, "rb") as f, zf.open(info, "w", force_zip64=True) as out:
        while chunk := f.read(P.CHUNK):
            h.update(chunk)
            out.write(chunk)
    return h.hexdigest()


def build_office_steps(paths: LedgerPaths, out_dir: Path, year: int, sequence: int,
                       now: datetime | None = None) -> Job[O.OfficePackage]:
    """Write and verify the office package in `out_dir`; returns it (read back as an
    importer reads it)."""
    own = offices.require_own_office()
    kept = offices.kept_packages()
    if not kept:
        raise LaomoError(NOTHING)
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    key = keys.load_or_create(paths)
    public = keys.raw_public(key)
    targets = union.targets_set(paths.union_targets, year)
    final = Path(out_dir) / O.office_package_name(own.as_dict(), created, sequence)
    tmp = final.with_name(final.name + ".partial")
    studios = []
    with building.partial_file(tmp, out_dir):
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
            for i, (uid, k) in enumerate(kept.items(), 1):
                src = paths.forward / k["file_name"]
                try:
                    pkg = P.read_package(src)
                except LaomoError as exc:
                    raise LaomoError(KEPT_DAMAGED(studio=uid, file=k["file_name"])) from exc
                yield Progress(i - 1, len(kept) + 1,
                               str(STEP_ADD(studio=pkg.studio_name, i=i, n=len(kept))))
                if _add(zf, src, k["sha256"], created) != k["sha256"]:
                    raise LaomoError(KEPT_DAMAGED(studio=pkg.studio_name, file=k["file_name"]))
                studios.append({"uid": uid, "name": pkg.studio_name,
                                "code": pkg.manifest["studio"]["code"],
                                "package_uid": pkg.package_uid, "sequence": pkg.sequence,
                                "file_name": k["file_name"], "size": k["size"],
                                "sha256": k["sha256"], "fingerprint": pkg.fingerprint,
                                "content": O.content_digest(pkg.manifest)})
            yield Progress(len(kept), len(kept) + 1, str(STEP_SIGN))
            manifest = {
                "format": O.OFFICE_FORMAT, "format_version": O.OFFICE_FORMAT_VERSION,
                "app_version": __version__, "package_uid": str(uuid.uuid4()),
                "created_at": created.isoformat().replace("+00:00", "Z"), "sequence": sequence,
                "year": year, "office": own.as_dict(), "studios": studios, "targets": targets,
                "signer": {"algorithm": "ed25519", "fingerprint": keys.fingerprint(public),
                           "public_key": public.hex()},
            }
            mbytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                sort_keys=True).encode("utf-8")
            zf.writestr(building._info(P.MANIFEST, created, zipfile.ZIP_DEFLATED), mbytes)
            zf.writestr(building._info(P.SIGNATURE, created, zipfile.ZIP_STORED),
                        key.sign(mbytes))
        if tmp.stat().st_size > O.MAX_OFFICE_BYTES:
            raise LaomoError(TOO_LARGE)
        verified = O.read_office(tmp)
        tmp.replace(final)
        verified.path = final
    return verified


def export_office_steps(paths: LedgerPaths, target_dir: Path, year: int | None = None, *,
                        opener: export.Opener = export.default_opener,
                        now: datetime | None = None) -> Job[OfficeExport]:
    """`laomo export --office`: the office package built in the outbox, then written to
    `target_dir`, read back and compared; logged in export_log under the office's uid."""
    own = offices.require_own_office()
    if not Path(target_dir).is_dir():
        raise LaomoError(export.NO_FOLDER(folder=target_dir))
    year = year or current_year()
    sequence = export.next_sequence(own.uid)
    missing = _missing(offices.kept_packages())
    built = yield from export._scaled(build_office_steps(paths, export.outbox(paths), year,
                                                         sequence, now), 0, 60)
    sha = blobs.file_sha256(built.path)[0]
    try:
        final, sha = yield from export._scaled(
            export.write_steps(built.path, Path(target_dir), sha, opener=opener), 60, 100)
    except BaseException:
        with contextlib.suppress(OSError):
            built.path.unlink()
        raise
    size = final.stat().st_size
    with database.atomic():
        database.execute_sql(
            "INSERT INTO export_log (studio_uid, sequence, package_uid, file_name, sha256, "
            "size, created_at, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (own.uid, sequence, built.package_uid, final.name, sha, size, built.created_at,
             str(final.parent)))
    return OfficeExport(final, built.path, own.as_dict(), year, sequence, size, sha,
                        [s["name"] for s in built.studios], built.fingerprint, missing)
