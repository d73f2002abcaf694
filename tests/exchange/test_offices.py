"""Offices above offices: a 区县 office forwards the studio packages it imported, with its own
signed office package, to the 市 office; hostile office packages are refused, the ledger as it
was."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from exchange_helpers import craft, edit_records, members, snapshot, switch, write_zip

from helpers import new_ledger
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import export, forward, importer, keys, officeimport
from laomo_desktop.exchange import office as O
from laomo_desktop.ledger import offices, union
from laomo_desktop.store.database import close_ledger
from laomo_desktop.work import result_of

YEAR = 2025


@pytest.fixture
def chain(ex, migrated_template):
    """Studios A and B exported, imported by a 区县 office which forwarded them: (ex, the
    office package, the city ledger's paths, the county's key). The city ledger is open."""
    a = ex.export().path
    b = export.export_studio(ex.studio, ex.uids["B"], ex.usb).path
    ex.at_office()
    offices.set_own_office("江城区总工会", "county", "JC-QX")
    for p in (a, b):
        importer.apply(ex.office, p, trust_new_key=True)
    up = ex.tmp / "up"
    up.mkdir()
    sent = result_of(forward.export_office_steps(ex.office, up, YEAR))
    county_key = keys.load_or_create(ex.office)
    close_ledger()
    city = new_ledger(ex.tmp / "city", migrated_template)
    offices.set_own_office("江城市总工会", "city")
    ex.city = city
    yield ex, sent.path, city, county_key
    close_ledger()


def test_the_forward_is_one_named_file_holding_the_studio_packages_unchanged(chain, ex):
    _, sent, _, _ = chain
    assert sent.name.startswith("江城区总工会_JC-QX-") and sent.name.endswith(".office.laomo.zip")
    opkg = O.read_office(sent)
    assert opkg.level == "county" and opkg.year == YEAR
    assert sorted(s["name"] for s in opkg.studios) == ["周红职工创新工作室", "李明劳模创新工作室"]
    studio_files = {p.name: p.read_bytes() for p in ex.usb.iterdir()}
    with zipfile.ZipFile(sent) as zf:
        for s in opkg.studios:  # the very bytes the studio wrote, its signature intact
            assert zf.read(O.studio_member(s["sha256"])) == studio_files[s["file_name"]]
    assert opkg.manifest["targets"] == {}  # the county set none: no default passes for its own


def test_the_upper_office_confirms_the_office_key_then_imports_every_studio(chain):
    ex, sent, city, county_key = chain
    before = snapshot(city)
    with pytest.raises(officeimport.OfficeKeyNotTrusted, match="第一个数据包") as info:
        officeimport.apply(city, sent)
    assert info.value.fingerprint == keys.fingerprint(keys.raw_public(county_key))
    assert snapshot(city) == before
    result = officeimport.apply(city, sent, trust_new_key=True)
    assert "江城区总工会" in str(result.message) and "工作室 2 个" in str(result.message)
    data = union.union_year(YEAR)
    assert sorted(r["name"] for r in data["studios"]) == ["周红职工创新工作室", "李明劳模创新工作室"]
    assert offices.office_of(YEAR) == {ex.uids["A"]: ["江城区总工会"], ex.uids["B"]: ["江城区总工会"]}
    assert keys.pinned(O.read_office(sent).office_uid).fingerprint == result.preview.fingerprint
    assert keys.pinned(ex.uids["A"]) is not None  # the studios' own keys, vouched by the office


def _refused(paths, path, match):
    before = snapshot(paths)
    with pytest.raises(LaomoError, match=match):
        officeimport.apply(paths, path, trust_new_key=True)
    assert snapshot(paths) == before


def test_a_tampered_office_manifest_is_refused(chain):
    ex, sent, city, _ = chain

    def edit(m, data):
        m["office"]["level"] = "county"
        m["targets"]["training_person_times"] = 1
    bad = craft(sent, ex.tmp / "bad.office.laomo.zip", edit=edit, relist=False)
    _refused(city, bad, "签名无效")


def test_a_studio_package_swapped_or_altered_inside_is_refused(chain):
    ex, sent, city, county_key = chain
    opkg = O.read_office(sent)
    first, second = opkg.studios

    def altered(m, data):
        b = bytearray(data[O.studio_member(first["sha256"])])
        b[len(b) // 2] ^= 1
        data[O.studio_member(first["sha256"])] = bytes(b)
    bad = craft(sent, ex.tmp / "alt.office.laomo.zip", edit=altered, relist=False)
    _refused(city, bad, f"工作室“{first['name']}”的数据包与清单不符")

    def swapped(m, data):  # the office re-signs, but the package is another studio's
        m["studios"][0]["sha256"] = second["sha256"]
        m["studios"][0]["size"] = second["size"]
        del m["studios"][1]
        del data[O.studio_member(first["sha256"])]
    bad = craft(sent, ex.tmp / "swap.office.laomo.zip", edit=swapped, relist=False,
                sign_with=county_key)
    _refused(city, bad, "不是清单所说的工作室")


def test_an_office_claiming_a_studio_whose_package_is_not_there(chain):
    ex, sent, city, county_key = chain
    first = O.read_office(sent).studios[0]

    def drop(m, data):
        del data[O.studio_member(first["sha256"])]
    bad = craft(sent, ex.tmp / "missing.office.laomo.zip", edit=drop, relist=False,
                sign_with=county_key)
    _refused(city, bad, f"声称包含工作室“{first['name']}”的数据包，但其中没有")


def test_path_traversal_in_a_member_or_a_file_name(chain):
    ex, sent, city, county_key = chain
    items = members(sent)
    bad = write_zip(ex.tmp / "trav.office.laomo.zip",
                    [(i, b) for i, b in items] + [("../../evil.laomo.zip", b"x")])
    _refused(city, bad, "不安全的路径")

    def name(m, data):
        m["studios"][0]["file_name"] = "../../../etc/evil.laomo.zip"
    bad = craft(sent, ex.tmp / "name.office.laomo.zip", edit=name, relist=False,
                sign_with=county_key)
    _refused(city, bad, "文件名")


def test_a_studio_file_name_too_long_for_the_disk_is_refused_in_words(chain):
    """200 Chinese characters pass the character limit but not the disk's 255 bytes: said in
    Chinese before anything is written, not an error of the system."""
    ex, sent, city, county_key = chain

    def long_name(m, data):
        m["studios"][0]["file_name"] = "工" * 120 + ".laomo.zip"
    bad = craft(sent, ex.tmp / "long.office.laomo.zip", edit=long_name, relist=False,
                sign_with=county_key)
    _refused(city, bad, "文件名过长")


def test_a_zip_bomb_member_is_refused(chain):
    ex, sent, city, _ = chain
    items = members(sent)
    bomb = zipfile.ZipInfo(O.studio_member("cd" * 32))
    bomb.compress_type = zipfile.ZIP_DEFLATED
    bad = write_zip(ex.tmp / "bomb.office.laomo.zip", [*items, (bomb, b"\0" * (300 << 20))])
    _refused(city, bad, "压缩炸弹")


def test_wrong_level_and_its_own_package_are_refused(chain, migrated_template):
    ex, sent, city, _ = chain
    close_ledger()
    other = new_ledger(ex.tmp / "county2", migrated_template)
    offices.set_own_office("滨海区总工会", "county")
    _refused(other, sent, "不是本工会（区县级）的下级")
    close_ledger()
    switch(ex.office)  # the county itself
    _refused(ex.office, sent, "本工会（江城区总工会）自己转报的")
    switch(city)


def test_a_replayed_or_older_office_package_is_refused(chain):
    ex, sent, city, _ = chain
    officeimport.apply(city, sent, trust_new_key=True)
    _refused(city, sent, "已于 .* 导入过，不能重复导入")
    switch(ex.office)  # the county forwards again: No. 2; the city takes it, then No. 1 is old
    up2 = ex.tmp / "up2"
    up2.mkdir()
    second = result_of(forward.export_office_steps(ex.office, up2, YEAR)).path
    switch(city)
    officeimport.apply(city, second, trust_new_key=True)
    _refused(city, sent, "已于")


def test_an_office_not_set_cannot_import_or_forward(ex, tmp_path):
    ex.at_office()
    with pytest.raises(LaomoError, match="还没有设置工会的名称和级别"):
        result_of(forward.export_office_steps(ex.office, tmp_path, YEAR))


def test_office_settings_are_checked(ledger):
    with pytest.raises(LaomoError, match="级别"):
        offices.set_own_office("某工会", "village")
    with pytest.raises(LaomoError, match="名称"):
        offices.set_own_office("  ", "city")
    o = offices.set_own_office("江城市总工会", "city", "JC")
    assert offices.set_own_office("江城市总工会", "province").uid == o.uid


def test_a_studio_by_two_paths_is_counted_once_and_a_disagreement_is_said(chain,
                                                                        migrated_template):
    ex, sent, city, _ = chain
    officeimport.apply(city, sent, trust_new_key=True)
    # studio A also comes through another county, with a newer package (other content)
    close_ledger()
    from laomo_desktop.ledger import records as R

    switch(ex.studio)
    R.create("activity", ex.uids["A"], {"type": "training", "date": f"{YEAR}-06-01",
                                       "topic": "新一期培训", "outside_count": 7})
    newer = export.export_studio(ex.studio, ex.uids["A"], ex.usb).path
    other = new_ledger(ex.tmp / "county3", migrated_template)
    offices.set_own_office("滨海区总工会", "county")
    importer.apply(other, newer, trust_new_key=True)
    up3 = ex.tmp / "up3"
    up3.mkdir()
    sent2 = result_of(forward.export_office_steps(other, up3, YEAR)).path
    switch(city)
    officeimport.apply(city, sent2, trust_new_key=True)
    data = union.union_year(YEAR)
    assert len(data["studios"]) == 2
    grouped = offices.by_office(data["studios"], YEAR, ("training_person_times",))
    assert grouped["studios"] == 2
    assert [t["name"] for t in grouped["twice"]] == ["李明劳模创新工作室"]
    assert [t["name"] for t in grouped["disagreeing"]] == ["李明劳模创新工作室"]
    names = {g["name"]: len(g["studios"]) for g in grouped["groups"]}
    assert names == {"江城区总工会": 2, "滨海区总工会": 1}
    assert grouped["total"]["training_person_times"] == data["totals"]["training_person_times"]


def test_the_office_manifest_lists_the_year_targets_of_the_sub_units(chain):
    ex, sent, city, _ = chain
    officeimport.apply(city, sent, trust_new_key=True)
    opkg = O.read_office(sent)
    assert offices.office_targets(YEAR)[opkg.office_uid] == opkg.manifest["targets"] == {}


def test_an_office_forwards_the_targets_it_set_for_the_year_and_only_those(ex, tmp_path):
    """Its file's targets for any year, the year's own over them; the defaults it never set
    stay out (a county that set nothing showed the city "目标 2000" for it)."""
    a = ex.export().path
    ex.at_office()
    offices.set_own_office("江城区总工会", "county", "JC-QX")
    importer.apply(ex.office, a, trust_new_key=True)
    union.write_targets_file(ex.office.union_targets, {
        "patents": 5, "years": {str(YEAR): {"training_person_times": 300,
                                            "studios_by_level": {"city": 4}},
                                str(YEAR + 1): {"patents": 9}}})
    up = tmp_path / "up"
    up.mkdir()
    sent = result_of(forward.export_office_steps(ex.office, up, YEAR))
    assert O.read_office(sent.path).manifest["targets"] == {
        "patents": 5, "training_person_times": 300, "studios_by_level": {"city": 4}}


def test_studio_packages_sharing_a_record_are_checked_again_one_after_the_other(chain):
    """The studio packages of an office package are checked before its transaction and those
    checks serve the transaction; but where two packages share a record, the second is checked
    again after the first is written, and refused as if imported on its own."""
    ex, sent, city, county_key = chain
    a, b = O.read_office(sent).studios
    with zipfile.ZipFile(sent) as zf:
        inner = {s["uid"]: zf.read(O.studio_member(s["sha256"])) for s in (a, b)}
    with zipfile.ZipFile(io.BytesIO(inner[a["uid"]])) as zf:
        taken = json.loads(zf.read("records/activity.jsonl").splitlines()[0])["uid"]
    (ex.tmp / "b-src.laomo.zip").write_bytes(inner[b["uid"]])
    changed = craft(ex.tmp / "b-src.laomo.zip", ex.tmp / "b.laomo.zip",
                    edit=edit_records("activity", lambda recs: recs[0].update(uid=taken)),
                    sign_with=keys.load_or_create(ex.studio)).read_bytes()
    with zipfile.ZipFile(io.BytesIO(changed)) as zf:
        content = O.content_digest(json.loads(zf.read("manifest.json")))
    sha = hashlib.sha256(changed).hexdigest()

    def shared(m, data):
        del data[O.studio_member(b["sha256"])]
        data[O.studio_member(sha)] = changed
        entry = next(s for s in m["studios"] if s["uid"] == b["uid"])
        entry.update(sha256=sha, size=len(changed), content=content)
    bad = craft(sent, ex.tmp / "shared.office.laomo.zip", edit=shared, relist=False,
                sign_with=county_key)
    before = snapshot(city)
    with pytest.raises(LaomoError, match="与本台账中另一个工作室的记录编号相同"):
        officeimport.apply(city, bad, trust_new_key=True)
    assert snapshot(city)[0] == before[0]  # refused in the transaction (after the backup)
