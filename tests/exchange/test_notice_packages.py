"""The office -> studio notice package (issue 16 §1): the union office writes a notice and sends
it on the stick as a signed package; the studio imports it (key confirmed on first use, pinned
after), a newer version updates the office's part and keeps the studio's ticks and own items;
hostile or misdirected packages are refused in Chinese with the ledger exactly as it was."""

from __future__ import annotations

import json
import zipfile

import pytest
from exchange_helpers import craft, members, snapshot, switch, write_zip

from helpers import new_ledger
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import keys, noticeimport
from laomo_desktop.exchange import noticepkg as NP
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import notices as N
from laomo_desktop.ledger import officenotices, offices
from laomo_desktop.ledger import records as R
from laomo_desktop.store.database import close_ledger
from laomo_desktop.work import result_of

NOTICE = {"issuer": "江城区总工会", "doc_no": "江工发〔2025〕12号",
          "title": "关于报送2025年度劳模创新工作室考核材料的通知",
          "received_on": "2025-05-06", "due_on": "2025-06-09", "note": "请按时报送",
          "items": [{"what": "年度工作总结", "source": "annual"},
                    {"what": "工作室考核表", "source": "union_form"},
                    {"what": "经费使用情况", "source": "other"}]}


@pytest.fixture
def sent(ex, migrated_template):
    """A 区县 office that wrote a notice (with the notice file attached) and exported it:
    (ex, the package, the office's ledger paths, the office's key, the office notice)."""
    close_ledger()
    office = new_ledger(ex.tmp / "county", migrated_template)
    offices.set_own_office("江城区总工会", "county", "JC-QX")
    doc = ex.tmp / "通知正文.pdf"
    doc.write_bytes(b"%PDF-1.4 notice body\n" * 50)
    on = officenotices.save(office, NOTICE, add_files=[doc])
    out = result_of(NP.export_notice_steps(office, on["uid"], ex.usb))
    key = keys.load_or_create(office)
    ex.county = office
    switch(ex.studio)
    yield ex, out.path, office, key, on
    close_ledger()


def _studio_notices(ex):
    return R.list_records("notice", ex.uids["A"])


def test_the_package_is_one_named_file_signed_by_the_office(sent):
    ex, path, _, key, on = sent
    assert path.name.startswith("江城区总工会_江工发〔2025〕12号-")
    assert path.name.endswith(".notice.laomo.zip")
    assert len(path.name.encode("utf-8")) < 255 and len(path.name.encode("utf-16-le")) // 2 < 255
    pkg = NP.read_notice(path)
    assert pkg.office_name == "江城区总工会" and pkg.level == "county"
    assert pkg.fingerprint == keys.fingerprint(keys.raw_public(key))
    assert pkg.notice["uid"] == on["uid"] and pkg.notice["revision"] == 1
    assert [i["what"] for i in pkg.notice["items"]] == ["年度工作总结", "工作室考核表", "经费使用情况"]
    assert [a["filename"] for a in pkg.attachments] == ["通知正文.pdf"]


def test_a_long_name_stays_within_fat32_and_windows_limits(ex, migrated_template):
    close_ledger()
    office = new_ledger(ex.tmp / "long", migrated_template)
    offices.set_own_office("很长的" * 19 + "总工会", "city")
    on = officenotices.save(office, {**NOTICE, "doc_no": None, "title": "关于" * 90 + "的通知"})
    out = result_of(NP.export_notice_steps(office, on["uid"], ex.usb))
    name = out.path.name
    assert len(name.encode("utf-8")) <= 240 and len(name.encode("utf-16-le")) // 2 <= 240
    assert name.startswith("很长的很长的") and "关于关于" in name
    close_ledger()


def test_a_large_form_that_compresses_well_is_sent_and_read_whole(ex, migrated_template):
    """A union's blank form of 3 MB (a template of mostly empty cells compresses 1000-fold) is
    carried as it is: never mistaken for a zip bomb by the writer's own read-back."""
    close_ledger()
    office = new_ledger(ex.tmp / "forms", migrated_template)
    offices.set_own_office("江城区总工会", "county", "JC-QX")
    form = ex.tmp / "考核登记表.xls"
    form.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * (3 << 20))
    on = officenotices.save(office, NOTICE, add_files=[form])
    out = result_of(NP.export_notice_steps(office, on["uid"], ex.usb))
    pkg = NP.read_notice(out.path)
    assert [a["filename"] for a in pkg.attachments] == ["考核登记表.xls"]
    close_ledger()


def test_the_studio_confirms_the_office_key_then_the_notice_is_added(sent):
    ex, path, _, key, on = sent
    before = snapshot(ex.studio)
    with pytest.raises(noticeimport.NoticeKeyNotTrusted, match="第一个") as info:
        noticeimport.apply(ex.studio, path, ex.uids["A"])
    assert info.value.fingerprint == keys.fingerprint(keys.raw_public(key))
    assert snapshot(ex.studio) == before
    pv = noticeimport.preview(ex.studio, path, ex.uids["A"])
    assert pv.action == "new" and pv.key_status == "first"
    assert "报送材料 3 项" in str(pv.summary) and "附件 1 个" in str(pv.summary)
    res = noticeimport.apply(ex.studio, path, ex.uids["A"], trust_new_key=True)
    assert res.applied and "江城区总工会" in str(res.message)
    (rec,) = [n for n in _studio_notices(ex) if n["title"] == NOTICE["title"]]
    assert rec["doc_no"] == "江工发〔2025〕12号" and rec["due_on"] == "2025-06-09"
    assert [(i["what"], i["done"]) for i in rec["items"]] == [
        ("年度工作总结", False), ("工作室考核表", False), ("经费使用情况", False)]
    (att,) = A.attachments_of(rec["uid"])
    assert att["filename"] == "通知正文.pdf"
    assert A.open_path(ex.studio, att).read_bytes().startswith(b"%PDF-1.4 notice body")
    origin = noticeimport.origin_of(rec["uid"])
    assert origin["office_name"] == "江城区总工会" and origin["revision"] == 1
    assert keys.pinned(NP.read_notice(path).office_uid) is not None
    # the same package again: nothing changes, and it says so
    mid = snapshot(ex.studio)
    again = noticeimport.apply(ex.studio, path, ex.uids["A"])
    assert not again.applied and "没有改动" in str(again.message)
    assert snapshot(ex.studio) == mid


def test_a_newer_version_updates_the_office_part_and_keeps_the_studios_own(sent):
    ex, path, office, _, on = sent
    noticeimport.apply(ex.studio, path, ex.uids["A"], trust_new_key=True)
    (rec,) = [n for n in _studio_notices(ex) if n["title"] == NOTICE["title"]]
    N.set_item_done(rec["uid"], 0, True)
    rec = R.get("notice", rec["uid"])
    items = [*rec["items"], {"what": "本工作室补充的照片", "source": "other", "done": True,
                             "done_on": "2025-05-20"}]
    R.update("notice", rec["uid"], {"items": items, "closed_on": None})
    switch(office)
    changed = {**NOTICE, "due_on": "2025-06-12",
               "items": [{"what": "年度工作总结", "source": "annual"},
                         {"what": "工作室考核表（新版）", "source": "union_form"},
                         {"what": "职工技术创新成果统计", "source": "other"}]}
    officenotices.save(office, changed, uid=on["uid"])
    newer = result_of(NP.export_notice_steps(office, on["uid"], ex.usb)).path
    switch(ex.studio)
    pv = noticeimport.preview(ex.studio, newer, ex.uids["A"])
    assert pv.action == "update" and pv.key_status == "match"
    said = " ".join(str(c) for c in pv.changes)
    assert "截止日期" in said and "2025-06-12" in said
    res = noticeimport.apply(ex.studio, newer, ex.uids["A"])
    assert res.applied
    rec = R.get("notice", rec["uid"])
    assert rec["due_on"] == "2025-06-12"
    got = [(i["what"], bool(i["done"])) for i in rec["items"]]
    assert got[0] == ("年度工作总结", True)                    # the studio's tick kept
    assert ("工作室考核表（新版）", False) in got                # renamed by the office
    assert ("职工技术创新成果统计", False) in got                # added by the office
    assert ("经费使用情况", False) not in got                   # dropped by the office (not done)
    assert ("本工作室补充的照片", True) in got                  # the studio's own item kept
    assert noticeimport.origin_of(rec["uid"])["revision"] == 2
    # the older version after the newer one: refused, nothing changed
    before = snapshot(ex.studio)
    with pytest.raises(LaomoError, match="较旧"):
        noticeimport.apply(ex.studio, path, ex.uids["A"])
    assert snapshot(ex.studio) == before


def _refused(paths, path, match, studio=None):
    before = snapshot(paths)
    with pytest.raises(LaomoError, match=match):
        noticeimport.apply(paths, path, studio, trust_new_key=True)
    assert snapshot(paths) == before


def test_tampered_manifest_payload_or_signature_is_refused(sent):
    ex, path, _, key, _ = sent

    def edit(m, data):
        m["notice"]["due_on"] = "2025-12-31"
    bad = craft(path, ex.tmp / "t1.notice.laomo.zip", edit=edit, relist=False)
    _refused(ex.studio, bad, "签名无效")

    def payload(m, data):
        name = next(n for n in data if n.startswith("attachments/"))
        b = bytearray(data[name])
        b[5] ^= 1
        data[name] = bytes(b)
    bad = craft(path, ex.tmp / "t2.notice.laomo.zip", edit=payload, relist=False)
    _refused(ex.studio, bad, "不符")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    bad = craft(path, ex.tmp / "t3.notice.laomo.zip", relist=False,
                sign_with=Ed25519PrivateKey.generate(), edit=lambda m, d: None)
    # signed by another key: a valid signature, but not the office's pinned key
    noticeimport.apply(ex.studio, path, ex.uids["A"], trust_new_key=True)
    _refused(ex.studio, bad, "签名密钥变了", studio=ex.uids["A"])


def test_path_traversal_bomb_oversize_and_unlisted_members_are_refused(sent):
    ex, path, _, key, _ = sent
    items = members(path)
    bad = write_zip(ex.tmp / "trav.notice.laomo.zip", [*items, ("../../evil.txt", b"x")])
    _refused(ex.studio, bad, "不安全的路径")

    def name(m, data):
        m["attachments"][0]["filename"] = "../../../etc/evil.pdf"
    bad = craft(path, ex.tmp / "name.notice.laomo.zip", edit=name, relist=False, sign_with=key)
    _refused(ex.studio, bad, "文件名")
    bomb = zipfile.ZipInfo("attachments/" + "cd" * 32)
    bomb.compress_type = zipfile.ZIP_DEFLATED
    bad = write_zip(ex.tmp / "bomb.notice.laomo.zip", [*items, (bomb, b"\0" * (300 << 20))])
    _refused(ex.studio, bad, "压缩炸弹")

    def huge(m, data):
        m["attachments"][0]["size"] = A.MAX_BYTES + 1
    bad = craft(path, ex.tmp / "huge.notice.laomo.zip", edit=huge, relist=False, sign_with=key)
    _refused(ex.studio, bad, "附件")


def test_misdirected_packages_are_refused(sent, ex):
    ex, path, office, key, _ = sent
    from laomo_desktop.exchange import export, importer, officeimport
    from laomo_desktop.exchange import package as P

    studio_pkg = export.export_studio(ex.studio, ex.uids["A"], ex.tmp).path
    with pytest.raises(LaomoError, match="工作室的数据包，不是工会下发的通知"):
        NP.read_notice(studio_pkg)
    with pytest.raises(LaomoError, match="不是"):
        P.read_package(path)
    # a notice package in a union office's ledger
    switch(office)
    _refused(office, path, "工会的台账")
    with pytest.raises(LaomoError):
        officeimport.apply(office, path, trust_new_key=True)
    switch(ex.studio)
    # the notice's format word changed to a studio package's, signed again by the office
    def studio_word(m, data):
        m["format"] = P.FORMAT
    relabelled = craft(path, ex.tmp / "relabelled.laomo.zip", edit=studio_word, sign_with=key)
    assert not NP.looks_like_notice(ex.tmp / "nothing.zip")
    assert NP.looks_like_notice(path)
    before = snapshot(ex.studio)
    for given in (path, relabelled):  # as it is, and passed off as a studio's package
        with pytest.raises(LaomoError):
            importer.apply(ex.studio, given, trust_new_key=True)
        assert snapshot(ex.studio) == before
    with pytest.raises(LaomoError):
        NP.read_notice(relabelled)
    with pytest.raises(LaomoError):
        noticeimport.apply(ex.studio, relabelled, ex.uids["A"], trust_new_key=True)
    assert snapshot(ex.studio) == before


def test_a_ledger_with_two_studios_must_name_one(sent):
    ex, path, _, _, _ = sent
    with pytest.raises(LaomoError, match="--studio"):
        noticeimport.preview(ex.studio, path, None)
    assert noticeimport.preview(ex.studio, path, ex.uids["A"]).studio_name


def test_the_office_notice_is_checked_like_a_notice(ex, migrated_template):
    from laomo_desktop.ledger.errors import ValidationError

    close_ledger()
    office = new_ledger(ex.tmp / "county", migrated_template)
    offices.set_own_office("江城区总工会", "county")
    with pytest.raises(ValidationError):
        officenotices.save(office, {**NOTICE, "title": ""})
    on = officenotices.save(office, NOTICE)
    assert officenotices.list_notices()[0]["uid"] == on["uid"]
    again = officenotices.save(office, {**NOTICE, "note": "改"}, uid=on["uid"])
    assert again["revision"] == 2
    assert [i["key"] for i in again["items"]] == [i["key"] for i in on["items"]]
    assert json.loads(json.dumps(again))  # plain data
    close_ledger()
