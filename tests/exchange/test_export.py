"""Export to a drive: the package's shape, and the faults a USB stick can have."""

from __future__ import annotations

import errno
import json
import re
import zipfile

import pytest
from exchange_helpers import snapshot

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import export, package
from laomo_desktop.store.models import ExportLog

NAME = re.compile(r"^(?P<name>[^_]+)_LM-0001-[0-9a-f]{8}-\d{8}T\d{6}Z-\d{4}\.laomo\.zip$")


class Stick:
    """A file on a stick that fails after `after` bytes (or lies about what it stored)."""

    def __init__(self, path, after: int, err: int | None, corrupt: bool = False):
        self.f = open(path, "xb")  # noqa: SIM115
        self.after, self.err, self.corrupt, self.n = after, err, corrupt, 0

    def write(self, b) -> int:
        b = bytes(b)
        if self.err is not None and self.n + len(b) > self.after:
            self.f.write(b[: self.after - self.n])
            self.f.flush()
            raise OSError(self.err, "simulated")
        if self.corrupt and self.n <= self.after < self.n + len(b):
            i = self.after - self.n
            b = b[:i] + bytes([b[i] ^ 0xFF]) + b[i + 1:]
        self.n += len(b)
        return self.f.write(b)

    def fileno(self) -> int:
        return self.f.fileno()

    def flush(self) -> None:
        self.f.flush()

    def __enter__(self) -> Stick:
        return self

    def __exit__(self, *exc) -> None:
        self.f.close()


def test_the_package_has_the_documented_shape(ex):
    res = ex.export()
    assert NAME.match(res.path.name)["name"] == res.studio_name  # a clerk reads whose it is
    assert res.path.read_bytes() == res.outbox_path.read_bytes()
    with zipfile.ZipFile(res.path) as zf:
        names = zf.namelist()
        m = json.loads(zf.read("manifest.json"))
        members = zf.read("records/member.jsonl").decode().splitlines()
    assert not any(n.endswith(".sqlite3") for n in names)
    assert {"manifest.json", "signature.ed25519", "records/studio.jsonl"} <= set(names)
    assert any(n.startswith("attachments/") for n in names)
    assert (m["format"], m["format_version"], m["sequence"]) == ("laomo-package", 1, 1)
    assert m["studio"]["uid"] == ex.uids["A"] and m["counts"]["member"] == 6
    assert {f["name"] for f in m["files"]} == set(names) - {"manifest.json", "signature.ed25519"}
    assert m["signer"]["fingerprint"] == res.fingerprint
    first = json.loads(members[0])
    assert {"uid", "version", "deleted_at", "created_at", "updated_at", "studio",
            "skill_levels"} <= set(first)
    assert ExportLog.select().count() == 1
    assert export.export_studio(ex.studio, ex.uids["A"], ex.usb).sequence == 2


def _fault_test(ex, opener, match):
    ex.at_studio()
    before = snapshot(ex.studio)
    with pytest.raises(LaomoError, match=match) as info:
        export.export_studio(ex.studio, ex.uids["A"], ex.usb, opener=opener)
    assert "台账没有改动" in info.value.message or "回读" in info.value.message
    assert list(ex.usb.iterdir()) == []  # no package, not even a .partial
    tables, blobs, backups = snapshot(ex.studio)
    assert (tables, blobs, backups) == before  # nothing logged: the ledger is as it was
    [(kept, _)] = export.outbox_packages(ex.studio)
    package.read_package(kept)  # the outbox copy is intact and valid
    return kept


def test_a_stick_pulled_mid_write(ex):
    kept = _fault_test(ex, lambda p: Stick(p, 3000, errno.EIO), "U 盘可能已被拔出")
    res = export.rewrite(ex.studio, kept, ex.usb)  # a new stick: no second export needed
    assert res.path.read_bytes() == kept.read_bytes() and res.sequence == 1
    assert ExportLog.select().count() == 1


def test_a_full_stick(ex):
    _fault_test(ex, lambda p: Stick(p, 1000, errno.ENOSPC), "磁盘空间不足")


@pytest.mark.parametrize("err, match", [(errno.EROFS, "只读"), (errno.EACCES, "没有写入权限")])
def test_a_read_only_stick(ex, err, match):
    def opener(path):
        raise OSError(err, "simulated")
    _fault_test(ex, opener, match)


def test_a_stick_that_stores_something_else_fails_the_read_back(ex):
    _fault_test(ex, lambda p: Stick(p, 500, None, corrupt=True), "回读校验不一致")


def test_too_little_free_space_is_found_before_writing(ex, monkeypatch):
    class Usage:
        free = 100
    monkeypatch.setattr(export.shutil, "disk_usage", lambda p: Usage)
    _fault_test(ex, export.default_opener, "空间不足")


def test_a_missing_target_folder(ex):
    ex.at_studio()
    with pytest.raises(LaomoError, match="找不到目标文件夹"):
        export.export_studio(ex.studio, ex.uids["A"], ex.tmp / "gone")


def test_the_outbox_keeps_the_last_five_packages(ex):
    results = [ex.export() for _ in range(7)]
    kept = export.outbox_packages(ex.studio, ex.uids["A"])
    assert [p for p, _ in kept] == [r.outbox_path for r in reversed(results[2:])]
    assert [m["sequence"] for _, m in kept] == [7, 6, 5, 4, 3]


def test_an_imported_studio_cannot_be_exported_by_the_office(ex):
    from laomo_desktop.exchange import importer

    pkg = ex.export().path
    office = ex.at_office()
    importer.apply(office, pkg, trust_new_key=True)
    with pytest.raises(LaomoError, match="只能由该工作室自己导出"):
        export.export_studio(office, ex.uids["A"], ex.usb)


def test_cancelling_mid_write_leaves_nothing_at_the_target(ex):
    ex.at_studio()
    steps = export.export_steps(ex.studio, ex.uids["A"], ex.usb)
    while next(steps)[2] != "写入":
        pass
    assert [p.suffix for p in ex.usb.iterdir()] == [".partial"]
    steps.close()  # what the GUI's cancel button does
    assert list(ex.usb.iterdir()) == [] and ExportLog.select().count() == 0


def test_a_package_says_the_records_schema_it_carries(ex):
    """The ledger file's own schema step (3: its identity) changed no record and did not raise
    the packages' schema; step 4 added fields to records, so packages say 4 from it on; step 5
    (the audit log in English too) changed no record either; step 6 added the registers' kinds
    and a mentoring pair's fields, step 8 notices, records a package carries: packages say the
    records schema, at least 8."""
    from laomo_desktop.store import migrations

    result = ex.export()
    with zipfile.ZipFile(result.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["schema_version"] == migrations.RECORDS_SCHEMA >= 9  # 7: grants
