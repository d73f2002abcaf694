"""Export (studio side): build and verify a package in the outbox, then write it to a drive.

Writing to the target: free space and FAT32's 4 GiB limit are checked first; the file is
written as `*.partial`, flushed and fsynced, renamed, the folder fsynced, and then read back
from the drive (with the cached pages dropped where the OS allows) and compared by SHA-256.
Any failure removes what was written (best effort) and leaves the ledger as it was; only a
verified copy is logged in export_log. The outbox keeps the last packages of each studio so
a bad stick can be rewritten without exporting again (`write_to_target` / `rewrite`).
Members' and the studio's personal fields travel only when the studio includes them
(`include`, exchange.privacy).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import building, package, privacy
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store.models import MODELS, ExportLog, database
from laomo_desktop.texts import Text
from laomo_desktop.work import Cancelled, Job, Progress, result_of

UNWRITABLE = Text("无法写入（U 盘可能已被拔出或损坏）",
                  "cannot write (the USB stick may have been unplugged or be damaged)")
WRITE_FAILED = Text("写入“{folder}”失败：{why}。目标位置没有留下可用的数据包，"
                    "台账没有改动；数据包仍保存在本机发件箱中，可以换一个 U 盘重试。",
                    'Writing to "{folder}" failed: {why}. No usable package was left there and '
                    "the ledger was not changed; the package is still kept in the outbox on "
                    "this computer, to be written to another USB stick.")
NO_FOLDER = Text("找不到目标文件夹“{folder}”（U 盘是否已拔出？）。",
                 'The folder "{folder}" cannot be found (was the USB stick unplugged?).')
OVER_FAT32 = Text("数据包超过 4 GB，无法写入 FAT32 格式的 U 盘。台账没有改动。",
                  "The package is larger than 4 GB and cannot be written to a USB stick "
                  "formatted as FAT32. The ledger was not changed.")
NO_SPACE = Text("“{folder}”空间不足：需要 {need}，只剩 {free}。请清理 U 盘或换一个 U 盘。台账没有改动。",
                'Not enough space on "{folder}": {need} needed, {free} left. Free some space '
                "or use another USB stick. The ledger was not changed.")
READ_BACK_DIFFERS = Text("写入后回读校验不一致：U 盘可能有问题。目标位置没有留下可用的数据包，"
                         "台账没有改动；请换一个 U 盘重试。",
                         "What was read back after writing differs: the USB stick may be faulty. "
                         "No usable package was left there and the ledger was not changed; try "
                         "another USB stick.")
SHRANK = Text("源文件在复制时变短了", "the source file became shorter while it was copied")
STEP_WRITE = Text("写入", "Writing")
STEP_READ_BACK = Text("回读校验", "Reading back")
STEP_DONE = Text("完成", "Done")
IMPORTED_STUDIO = Text("工作室“{studio}”的数据是从它的数据包导入的，只能由该工作室自己导出。",
                       "Studio \"{studio}\"'s data was imported from its data packages; only the "
                       "studio itself can export it.")

KEEP_IN_OUTBOX = 5
FAT32_MAX_FILE = (4 << 30) - 1
SPACE_MARGIN = 1 << 20
CHUNK = 1 << 20

Opener = Callable[[Path], BinaryIO]


def default_opener(path: Path) -> BinaryIO:
    return open(path, "xb")  # noqa: SIM115 - the caller closes it


@dataclass(frozen=True)
class ExportResult:
    path: Path          # the verified copy at the target
    outbox_path: Path
    studio_uid: str
    studio_name: str
    package_uid: str
    sequence: int
    size: int
    sha256: str
    counts: dict[str, int]
    fingerprint: str
    omitted_fields: dict[str, list[str]] = field(default_factory=dict)  # left out: privacy


def outbox(paths: LedgerPaths) -> Path:
    return paths.outbox


def next_sequence(studio_uid: str) -> int:
    last = (ExportLog.select(pw.fn.MAX(ExportLog.sequence))
            .where(ExportLog.studio_uid == studio_uid).scalar())
    return (last or 0) + 1


def _manifest(path: Path) -> dict | None:
    """The manifest of one of our own outbox packages (unverified: only to sort the outbox)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return json.loads(zf.read(package.MANIFEST))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None


def outbox_packages(paths: LedgerPaths, studio_uid: str | None = None) -> list[tuple[Path, dict]]:
    """(path, manifest) of the packages in the outbox, newest first."""
    folder = outbox(paths)
    out = []
    if folder.is_dir():
        for p in folder.iterdir():
            m = _manifest(p) if package.FILE_NAME_RE.match(p.name) else None
            if m is not None and studio_uid in (None, m.get("studio", {}).get("uid")):
                out.append((p, m))
    return sorted(out, key=lambda pm: (str(pm[1].get("created_at")), pm[1].get("sequence", 0)),
                  reverse=True)


def _prune_outbox(paths: LedgerPaths, studio_uid: str, keep: Path, sequence: int) -> None:
    """Keep the newest KEEP_IN_OUTBOX packages of a studio. Older packages with the same or a
    later sequence number were never delivered (nothing logged them): `keep` replaces them."""
    kept = 1
    for p, m in outbox_packages(paths, studio_uid):
        if p == keep:
            continue
        if m.get("sequence", 0) < sequence and kept < KEEP_IN_OUTBOX:
            kept += 1
            continue
        with contextlib.suppress(OSError):
            p.unlink()


def _fsync_dir(folder: Path) -> None:
    try:
        blobs.fsync_dir(folder)
    except OSError as exc:  # some file systems (FAT on some kernels) refuse a directory fsync
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES):
            raise


def _read_back(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        if hasattr(os, "posix_fadvise"):  # read from the drive, not from the page cache
            with contextlib.suppress(OSError):
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _failure(target_dir: Path, exc: OSError) -> LaomoError:
    reason: object = blobs.describe_os_error(exc)
    if exc.errno in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT):
        reason = UNWRITABLE
    return LaomoError(WRITE_FAILED(folder=target_dir, why=reason))


def write_steps(source: Path, target_dir: Path, sha256: str | None = None, *,
                opener: Opener = default_opener) -> Iterator[tuple[int, int, str]]:
    """Copy a verified package to target_dir; returns (target Path, SHA-256) once the copy was
    read back from the drive and has the SHA-256 `sha256` (the source's, if known; else that
    of the bytes written, computed while copying)."""
    target_dir = Path(target_dir)
    size = source.stat().st_size
    if not target_dir.is_dir():
        raise LaomoError(NO_FOLDER(folder=target_dir))
    if size > FAT32_MAX_FILE:
        raise LaomoError(OVER_FAT32)
    try:
        free = shutil.disk_usage(target_dir).free
    except OSError as exc:
        raise _failure(target_dir, exc) from exc
    if free < size + SPACE_MARGIN:
        raise LaomoError(NO_SPACE(folder=target_dir, need=_human(size + SPACE_MARGIN),
                                  free=_human(free)))
    final = target_dir / source.name
    partial = final.with_name(source.name + ".partial")
    written = [partial]
    done = 0
    h = hashlib.sha256()
    try:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()  # left by an earlier attempt
        with open(source, "rb", buffering=0) as src, opener(partial) as out:
            if sha256 is not None and _kernel_copy_ok(out):
                copied = _kernel_copy(src, out, size)
            else:
                copied = _copy(src, out, None if sha256 is not None else h)
            for done in copied:
                yield done, size * 2, str(STEP_WRITE)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
        written.append(final)
        _fsync_dir(target_dir)
        yield size, size * 2, str(STEP_READ_BACK)
        sha256 = sha256 or h.hexdigest()
        if _read_back(final) != sha256:
            raise LaomoError(READ_BACK_DIFFERS)
        yield size * 2, size * 2, str(STEP_DONE)
    except OSError as exc:
        _remove(written)
        raise _failure(target_dir, exc) from exc
    except BaseException:
        _remove(written)
        raise
    return final, sha256


def _kernel_copy_ok(out: BinaryIO) -> bool:
    return hasattr(os, "sendfile") and isinstance(out, io.BufferedWriter | io.FileIO)


def _kernel_copy(src: BinaryIO, out: BinaryIO, size: int) -> Iterator[int]:
    """Copy inside the kernel (like cp and shutil.copyfile); bytes done after each step."""
    out.flush()
    done = 0
    while done < size:
        try:
            n = os.sendfile(out.fileno(), src.fileno(), done, CHUNK * 8)
        except OSError as exc:
            if done == 0 and exc.errno in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
                yield from _copy(src, out, None)  # a file system that cannot: plain writes
                return
            raise
        if n == 0:
            raise OSError(errno.EIO, str(SHRANK))
        done += n
        yield done


def _copy(src: BinaryIO, out: BinaryIO, h) -> Iterator[int]:
    """Copy with write() calls (hashing what is written into `h`, if given)."""
    buf = memoryview(bytearray(CHUNK))
    done = 0
    while n := src.readinto(buf):
        chunk = buf[:n]
        if h is not None:
            h.update(chunk)
        while chunk:  # a raw file may take less than it was given
            wrote = out.write(chunk)
            chunk = chunk[wrote if wrote is not None else len(chunk):]
        done += n
        yield done


def _human(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(n, 1) / 1024:.0f} KB"


def _remove(files: list[Path]) -> None:
    for p in files:
        with contextlib.suppress(OSError):
            p.unlink()


def _log(result: ExportResult, created_at: str) -> None:
    with database.atomic():
        ExportLog.insert(studio_uid=result.studio_uid, sequence=result.sequence,
                         package_uid=result.package_uid, file_name=result.path.name,
                         sha256=result.sha256, size=result.size, created_at=created_at,
                         target=str(result.path.parent)).execute()


def _deliver(pkg: package.Package, target_dir: Path,
             opener: Opener) -> Iterator[tuple[int, int, str]]:
    """Write a verified outbox package to the target and log it."""
    final, sha = yield from write_steps(pkg.path, target_dir, pkg.sha256 or None, opener=opener)
    result = ExportResult(final, pkg.path, pkg.studio_uid, pkg.studio_name, pkg.package_uid,
                          pkg.sequence, final.stat().st_size, sha, pkg.counts, pkg.fingerprint,
                          pkg.manifest.get(privacy.MANIFEST_KEY) or {})
    _log(result, pkg.created_at)
    return result


def export_steps(paths: LedgerPaths, studio_uid: str, target_dir: Path, *,
                 opener: Opener = default_opener, now: datetime | None = None,
                 include: Iterable[str] | str | None = None) -> Job[ExportResult]:
    """Export as a job (laomo_desktop.work): yields Progress, returns the ExportResult.
    `include`: the optional personal fields that travel (exchange.privacy; none by default).

    Cancelled at any step, it leaves the files as they were: the package being built, the one
    written to the outbox and the partial copy on the stick are removed, and older packages in
    the outbox stay. A failed delivery keeps the new outbox package, to be written again."""
    include = privacy.parse_include(include)  # an unknown name is refused before any work
    smodel = MODELS["studio"]
    studio = smodel.get_or_none(smodel.uid == studio_uid)
    if studio is None:
        raise LaomoError(building.NO_STUDIO)
    if R.is_imported(studio.id):
        raise LaomoError(IMPORTED_STUDIO(studio=studio.name))
    if not Path(target_dir).is_dir():
        raise LaomoError(NO_FOLDER(folder=target_dir))
    sequence = next_sequence(studio_uid)
    total = 100  # building is the first 60 %, writing and reading back the rest
    built = yield from _scaled(building.build_steps(paths, studio_uid, outbox(paths), sequence,
                                                    now, include), 0, 60)
    try:
        result = yield from _scaled(_deliver(built, target_dir, opener), 60, total)
    except (Cancelled, GeneratorExit):
        with contextlib.suppress(OSError):
            built.path.unlink()  # never delivered: as if the export had not started
        raise
    except BaseException:
        _prune_outbox(paths, studio_uid, built.path, sequence)
        raise
    _prune_outbox(paths, studio_uid, built.path, sequence)
    return result


def _scaled(steps: Iterator[tuple[int, int, str]], start: int, end: int) -> Job:
    """The steps of a part of the export, as the share start…end of its 100 steps."""
    while True:
        try:
            done, n, text = next(steps)
        except StopIteration as stop:
            return stop.value
        try:
            yield Progress(start + (end - start) * done // max(n, 1), 100, text)
        except BaseException as exc:  # Cancel: the part cleans up its own files first
            with contextlib.suppress(StopIteration, type(exc)):
                steps.throw(exc)
            raise


def export_studio(paths: LedgerPaths, studio_uid: str, target_dir: Path, *,
                  opener: Opener = default_opener,
                  include: Iterable[str] | str | None = None) -> ExportResult:
    return result_of(export_steps(paths, studio_uid, target_dir, opener=opener,
                                  include=include))


def rewrite_steps(paths: LedgerPaths, outbox_file: Path, target_dir: Path, *,
                  opener: Opener = default_opener) -> Job[ExportResult]:
    """Write a package kept in the outbox to another target (a stick that failed before), as a
    job; cancelled, it removes the partial copy and keeps the outbox package."""
    pkg = package.read_package(Path(outbox_file))  # checked again before every write
    pkg.sha256 = blobs.file_sha256(pkg.path)[0]
    return (yield from _scaled(_deliver(pkg, Path(target_dir), opener), 0, 100))


def rewrite(paths: LedgerPaths, outbox_file: Path, target_dir: Path, *,
            opener: Opener = default_opener) -> ExportResult:
    return result_of(rewrite_steps(paths, outbox_file, target_dir, opener=opener))
