"""Attachment files, stored once each under attachments/ by their SHA-256."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Both, Text

CHUNK = 1 << 20
CANNOT_READ = Text("无法读取文件“{path}”：{why}", "Cannot read the file “{path}”: {why}")
ATTACHMENT = Text("附件“{name}”", "the attachment “{name}”")
FOLDER_IS_LINK = Text("附件文件夹“{folder}”是一个链接，为防止写到数据文件夹之外，未保存{what}。",
                      "The attachments folder “{folder}” is a link; so that nothing is written "
                      "outside the data folder, {what} was not saved.")
WRONG_CONTENT = Text("{what}的内容与校验值不符，未保存。",
                     "The content of {what} does not match its checksum; it was not saved.")
CANNOT_SAVE = Text("无法保存{what}：{why}", "Cannot save {what}: {why}")
DISK_FULL = Both("磁盘空间不足", "the disk is full")
NO_PERMISSION = Both("没有写入权限", "no permission to write")
READ_ONLY_DISK = Both("磁盘为只读", "the disk is read-only")


def blob_path(paths: LedgerPaths, sha256: str) -> Path:
    return paths.attachments / sha256[:2] / sha256


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_exclusive(path: Path) -> None:
    """Create an empty file under `path`, removing a leftover of that name first; never
    following a link, so nothing is written outside the folder through a planted link."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # a link is removed itself, its target is not touched
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644))


def store_blob(paths: LedgerPaths, source: Path) -> tuple[str, int]:
    """Copy a file into the blob store (if not already there); return (sha256, size).

    The copy is written under a temporary name, flushed, re-read and compared before it takes
    its final name, so a blob that exists is always complete.
    """
    try:
        sha, size = file_sha256(source)
    except OSError as exc:
        raise LaomoError(CANNOT_READ(path=source, why=exc.strerror or exc)) from exc
    dest = blob_path(paths, sha)
    if dest.exists() and dest.stat().st_size == size:
        return sha, size

    def chunks():
        with open(source, "rb") as src:
            while chunk := src.read(CHUNK):
                yield chunk

    store_chunks(paths, sha, chunks(), ATTACHMENT(name=source.name))
    return sha, size


def store_chunks(paths: LedgerPaths, sha256: str, chunks: Iterable[bytes], label: Any) -> int:
    """Store content that arrives in chunks (a file, a package member) under its SHA-256;
    returns the size. `label` names what is stored in messages (a texts.Message or a plain
    string). Written under a temporary name, flushed, re-read and renamed only when
    what is on disk hashes to `sha256`, so a blob that exists is always complete.
    """
    dest = blob_path(paths, sha256)
    # a name of its own: two programs storing the same content must not write into one file
    tmp = dest.with_name(f"{dest.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
    size = 0
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.parent.is_symlink():
            raise LaomoError(FOLDER_IS_LINK(folder=dest.parent, what=label))
        create_exclusive(tmp)
        with open(tmp, "r+b") as out:
            for chunk in chunks:
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if file_sha256(tmp)[0] != sha256:
            raise LaomoError(WRONG_CONTENT(what=label))
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise LaomoError(CANNOT_SAVE(what=label, why=describe_os_error(exc))) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return size


def describe_os_error(exc: OSError) -> Both | str:
    """Why a file could not be written, in both languages where the program knows the cause
    (the system's own text otherwise); put in a message, or worded (texts.worded) to show."""
    import errno

    if exc.errno == errno.ENOSPC:
        return DISK_FULL
    if exc.errno in (errno.EACCES, errno.EPERM):
        return NO_PERMISSION
    if exc.errno == errno.EROFS:
        return READ_ONLY_DISK
    return exc.strerror or str(exc)


def all_blobs(paths: LedgerPaths) -> list[Path]:
    if not paths.attachments.exists():
        return []
    return [p for p in paths.attachments.glob("??/*") if len(p.name) == 64]
