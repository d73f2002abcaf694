"""Damaged and hostile packages: each refused with a clear message, the office ledger untouched."""

from __future__ import annotations

import json
import stat
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from exchange_helpers import craft, members, snapshot, write_zip

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, package
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import MODELS

SHA = "ab" * 32




def _refused(ex, path, match, **kw):
    before = snapshot(ex.office)
    with pytest.raises(LaomoError, match=match):
        importer.apply(ex.office, path, trust_new_key=True, **kw)
    with pytest.raises(LaomoError, match=match):
        importer.preview(ex.office, path)
    assert snapshot(ex.office) == before


def _flip_record(manifest, data):
    b = bytearray(data["records/member.jsonl"])
    b[len(b) // 2] ^= 0x01
    data["records/member.jsonl"] = bytes(b)


def _set(key, value):
    def edit(manifest, data):
        manifest[key] = value
    return edit


def test_the_valid_package_itself_is_accepted(setup):
    ex, pkg, key = setup
    copy = craft(pkg, ex.tmp / "copy.laomo.zip", sign_with=key)
    assert importer.apply(ex.office, copy, trust_new_key=True).applied


def test_one_flipped_byte_in_a_record_file(setup):
    ex, pkg, _ = setup
    bad = craft(pkg, ex.tmp / "bad.laomo.zip", edit=_flip_record, relist=False)
    _refused(ex, bad, "内容与清单不符")


def test_one_flipped_byte_in_the_raw_file(setup):
    ex, pkg, _ = setup
    with zipfile.ZipFile(pkg) as zf:
        info = zf.getinfo("records/activity.jsonl")
    raw = bytearray(pkg.read_bytes())
    raw[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0xFF
    bad = ex.tmp / "raw.laomo.zip"
    bad.write_bytes(bytes(raw))
    _refused(ex, bad, "已损坏")


def test_an_edited_manifest(setup):
    ex, pkg, _ = setup
    bad = craft(pkg, ex.tmp / "bad.laomo.zip",
                edit=lambda m, d: m["studio"].update(name="冒名的工作室"), relist=False)
    _refused(ex, bad, "签名无效")


def test_a_signature_by_another_key(setup):
    ex, pkg, _ = setup
    items = members(pkg)
    manifest = next(b for i, b in items if i.filename == package.MANIFEST)
    forged = Ed25519PrivateKey.generate().sign(manifest)
    bad = write_zip(ex.tmp / "bad.laomo.zip", [
        (i, forged if i.filename == package.SIGNATURE else b) for i, b in items])
    _refused(ex, bad, "签名无效")


def test_a_package_signed_by_another_key_is_refused_once_the_studios_key_is_pinned(setup):
    ex, pkg, _ = setup
    importer.apply(ex.office, pkg, trust_new_key=True)
    evil = Ed25519PrivateKey.generate()
    bad = craft(pkg, ex.tmp / "evil.laomo.zip", sign_with=evil, edit=_set(
        "package_uid", "00000000-0000-4000-8000-000000000000"))
    before = snapshot(ex.office)
    with pytest.raises(importer.KeyChanged, match="密钥变了"):
        importer.apply(ex.office, bad, trust_new_key=True)
    assert importer.preview(ex.office, bad).key_status == "changed"
    assert snapshot(ex.office) == before


@pytest.mark.parametrize("name", ["../x", "/abs", "records/../../x", "attachments\\..\\x"])
def test_zip_slip_names(setup, name):
    ex, pkg, _ = setup
    bad = write_zip(ex.tmp / "bad.laomo.zip", [*members(pkg), (name, b"evil")])
    _refused(ex, bad, "不安全的路径")


def test_a_name_outside_the_allowed_pattern(setup):
    ex, pkg, _ = setup
    bad = write_zip(ex.tmp / "bad.laomo.zip", [*members(pkg), ("ledger.sqlite3", b"x")])
    _refused(ex, bad, "不允许的文件")


def test_a_symlink_entry(setup):
    ex, pkg, _ = setup
    link = zipfile.ZipInfo(f"attachments/{SHA}")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = write_zip(ex.tmp / "bad.laomo.zip", [*members(pkg), (link, b"/etc/passwd")])
    _refused(ex, bad, "符号链接")


def test_an_encrypted_entry(setup):
    ex, pkg, _ = setup
    bad = ex.tmp / "bad.laomo.zip"
    write_zip(bad, [*members(pkg), (f"attachments/{SHA}", b"secret")])
    with zipfile.ZipFile(bad) as zf:
        offset = zf.getinfo(f"attachments/{SHA}").header_offset
        cd = zf.start_dir
    raw = bytearray(bad.read_bytes())
    raw[offset + 6] |= 0x01  # the flag in the local header...
    at = raw.rfind(b"PK\x01\x02")  # ...and in the (last) central directory entry
    assert at > cd
    raw[at + 8] |= 0x01
    bad.write_bytes(bytes(raw))
    _refused(ex, bad, "加密")


def test_a_zip_bomb(setup):
    ex, pkg, key = setup
    bad = craft(pkg, ex.tmp / "bomb.laomo.zip", sign_with=key,
                edit=lambda m, d: d.update({"records/rule.jsonl": b"\n" * (8 << 20)}))
    _refused(ex, bad, "压缩炸弹")


@pytest.mark.parametrize("twin", ["records/member.jsonl", "RECORDS/member.jsonl",
                                  "records/Member.jsonl"])
def test_duplicate_names_also_by_case(setup, twin):
    ex, pkg, _ = setup
    bad = write_zip(ex.tmp / "bad.laomo.zip", [*members(pkg), (twin, b"")])
    _refused(ex, bad, "重复的文件")


def test_a_truncated_file(setup):
    ex, pkg, _ = setup
    bad = ex.tmp / "cut.laomo.zip"
    bad.write_bytes(pkg.read_bytes()[: pkg.stat().st_size * 2 // 3])
    _refused(ex, bad, "已损坏或不完整")


def test_format_version_99_asks_for_an_update(setup):
    ex, pkg, key = setup
    bad = craft(pkg, ex.tmp / "v99.laomo.zip", sign_with=key, edit=_set("format_version", 99))
    _refused(ex, bad, "请升级程序")


def test_a_newer_schema_version_asks_for_an_update(setup):
    ex, pkg, key = setup
    bad = craft(pkg, ex.tmp / "s99.laomo.zip", sign_with=key, edit=_set("schema_version", 99))
    _refused(ex, bad, "请升级程序")


def test_a_record_claiming_another_studio(setup):
    ex, pkg, key = setup

    def edit(manifest, data):
        lines = data["records/member.jsonl"].decode().splitlines()
        r = json.loads(lines[0])
        r["studio"] = ex.uids["B"]
        lines[0] = json.dumps(r, ensure_ascii=False)
        data["records/member.jsonl"] = ("\n".join(lines) + "\n").encode()

    bad = craft(pkg, ex.tmp / "other.laomo.zip", sign_with=key, edit=edit)
    _refused(ex, bad, "属于其他工作室")


def test_a_record_uid_owned_by_another_studio_here(setup):
    ex, pkg, _ = setup
    local = R.create("studio", None, {"name": "本地工作室", "host_unit": "单位",
                                      "founded_on": "2020-01-01"})
    member = R.create("member", local["uid"], {"name": "本地人", "role": "leader"})
    MODELS["member"].update(uid=ex.uids["liming"]).where(
        MODELS["member"].uid == member["uid"]).execute()
    _refused(ex, pkg, "编号相同")


def test_an_unlisted_member(setup):
    ex, pkg, _ = setup
    bad = write_zip(ex.tmp / "bad.laomo.zip", [*members(pkg), (f"attachments/{SHA}", b"x")])
    _refused(ex, bad, "清单未列出")


def test_a_missing_member(setup):
    ex, pkg, _ = setup
    bad = write_zip(ex.tmp / "bad.laomo.zip", [
        (i, b) for i, b in members(pkg) if i.filename != "records/fund.jsonl"])
    _refused(ex, bad, "缺少文件")


def test_an_invalid_field_value_is_refused(setup):
    ex, pkg, key = setup

    def edit(manifest, data):
        lines = data["records/fund.jsonl"].decode().splitlines()
        r = json.loads(lines[0])
        r["amount_fen"] = -5
        lines[0] = json.dumps(r, ensure_ascii=False)
        data["records/fund.jsonl"] = ("\n".join(lines) + "\n").encode()

    bad = craft(pkg, ex.tmp / "neg.laomo.zip", sign_with=key, edit=edit)
    _refused(ex, bad, "经费记录.*无效.*金额")


def test_too_many_members_and_too_large_a_file(setup, monkeypatch):
    ex, pkg, _ = setup
    monkeypatch.setattr(package, "MAX_MEMBERS", 5)
    _refused(ex, pkg, "文件过多")
    monkeypatch.undo()
    monkeypatch.setattr(package, "MAX_PACKAGE_BYTES", 1000)
    _refused(ex, pkg, "过大")


def test_not_a_zip_at_all(setup):
    ex, _, _ = setup
    bad = ex.tmp / "x.laomo.zip"
    bad.write_bytes(b"not a zip file" * 100)
    _refused(ex, bad, "已损坏或不完整")
