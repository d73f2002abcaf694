"""Shared by the exchange tests: switching between two ledgers, snapshots, crafting packages."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from laomo_desktop.exchange import keys, package
from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def switch(paths: LedgerPaths) -> LedgerPaths:
    close_ledger()
    return open_ledger(paths)


def table_digests() -> dict[str, str]:
    """A checksum of every table's rows in the open ledger."""
    out = {}
    tables = [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall()]
    for t in tables:
        rows = database.execute_sql(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
        out[t] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def snapshot(paths: LedgerPaths) -> tuple:
    """Everything an import could change: the tables, the blob store, the backups."""
    return (table_digests(), sorted(p.name for p in blobs.all_blobs(paths)),
            sorted(p.name for p in paths.backups.iterdir()))


def all_records(studio_uid: str) -> dict[str, list[dict]]:
    return {k.name: R.list_records(k.name, studio_uid) + R.list_records(k.name, studio_uid,
                                                                          deleted=True)
            for k in S.KINDS}


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def write_zip(path: Path, items: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names on purpose
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in items:
                zf.writestr(info, data)
    return path


def _manifest_bytes(manifest: dict) -> bytes:
    try:
        return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    except UnicodeEncodeError:  # a lone surrogate: escaped, as a hostile writer would send it
        return json.dumps(manifest, indent=1, sort_keys=True).encode()


def craft(src: Path, dst: Path, *, edit: Callable[[dict, dict[str, bytes]], None] | None = None,
          sign_with=None, relist: bool = True,
          extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> Path:
    """A copy of a package with its manifest or members edited.

    `edit(manifest, data)` changes them in place; with `relist` the manifest's file list is
    recomputed from `data`; `sign_with` re-signs the manifest (else the old signature stays).
    """
    items = members(src)
    data = {i.filename: b for i, b in items}
    old_manifest = data.pop(package.MANIFEST)
    signature = data.pop(package.SIGNATURE)
    manifest = json.loads(old_manifest)
    if edit:
        edit(manifest, data)
    if relist:
        manifest["files"] = [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                             for n, b in data.items()]
    mbytes = _manifest_bytes(manifest)
    if edit is None and not relist:
        mbytes = old_manifest
    if sign_with is not None:
        public = keys.raw_public(sign_with)
        if manifest["signer"]["public_key"] != public.hex():
            manifest["signer"] = {"algorithm": "ed25519", "public_key": public.hex(),
                                  "fingerprint": keys.fingerprint(public)}
            mbytes = _manifest_bytes(manifest)
        signature = sign_with.sign(mbytes)
    out = [(package.MANIFEST, mbytes), (package.SIGNATURE, signature), *data.items(), *extra]
    return write_zip(dst, out)


def edit_records(kind: str, change: Callable[[list[dict]], None]
                 ) -> Callable[[dict, dict[str, bytes]], None]:
    """An `edit` for `craft`: `change(records)` edits one kind's records in place (the
    manifest's count follows)."""
    def edit(manifest: dict, data: dict[str, bytes]) -> None:
        name = package.record_file(kind)
        recs = [json.loads(line) for line in data[name].decode().splitlines()]
        change(recs)
        data[name] = b"".join(json.dumps(r).encode() + b"\n" for r in recs)  # \ud800 stays escaped
        manifest["counts"][kind] = len(recs)
    return edit
