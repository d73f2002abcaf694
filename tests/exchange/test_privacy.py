"""Personal data in data packages: left out unless the studio includes it, recorded in the signed
manifest, never shown or kept as an empty value at the union office."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import all_records, craft

from helpers import run_cli as run
from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, importlog, keys, privacy
from laomo_desktop.exchange.package import read_package
from laomo_desktop.ledger import assessment, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.store.database import close_ledger
from laomo_desktop.store.models import Conflict, database
from sample_ledger import EXPECTED_2025

DEFAULT_OMITTED = {"member": ["sex", "birth_date", "education", "phone"],
                   "studio": ["contact_phone"]}
PERSONAL = {"sex": "female", "birth_date": "1985-04-02", "education": "bachelor",
            "phone": "13800000001"}
TEMPLATES = ("eight_must_haves", "union_100", "demonstration", "party_building")


def add_personal_data(ex) -> None:
    """Studio A's member 王芳 and the studio itself get the personal data a form asks for."""
    ex.at_studio()
    R.update("member", ex.uids["wangfang"], PERSONAL)
    R.update("studio", ex.uids["A"], {"contact_person": "王芳", "contact_phone": "0710-1234567"})


def member(records: dict, uid: str) -> dict:
    return next(r for r in records["member"] if r["uid"] == uid)


def import_(ex, path, **kw):
    office = ex.at_office()
    return importer.apply(office, path, trust_new_key=True, **kw)


def test_by_default_no_personal_field_travels_and_the_manifest_says_so(ex):
    add_personal_data(ex)
    pkg = read_package(ex.export().path)
    wang = member(pkg.records, ex.uids["wangfang"])
    assert {k: wang[k] for k in PERSONAL} == dict.fromkeys(PERSONAL)
    assert pkg.records["studio"][0]["contact_phone"] is None
    assert pkg.manifest["omitted_fields"] == DEFAULT_OMITTED
    # what the union's statistics and review read still travels
    assert wang["party_member"] is True and wang["name"] == "王芳" and wang["role"] == "core"
    assert [s["level"] for s in wang["skill_levels"]] == ["grade3", "grade2"]
    assert pkg.records["studio"][0]["contact_person"] == "王芳"
    assert pkg.records["studio"][0]["party_members"] == 2


def test_the_studio_chooses_which_personal_fields_travel(ex):
    add_personal_data(ex)
    pkg = read_package(ex.export(include=["phone", "contact_phone"]).path)
    wang = member(pkg.records, ex.uids["wangfang"])
    assert wang["phone"] == "13800000001" and pkg.records["studio"][0]["contact_phone"]
    assert wang["birth_date"] is None and wang["sex"] is None and wang["education"] is None
    assert pkg.manifest["omitted_fields"] == {"member": ["sex", "birth_date", "education"]}
    everything = read_package(ex.export(include="all").path)
    assert everything.manifest["omitted_fields"] == {}
    assert {k: member(everything.records, ex.uids["wangfang"])[k] for k in PERSONAL} == PERSONAL
    # the studio's own ledger keeps every field whatever it sends
    ex.at_studio()
    assert {k: R.get("member", ex.uids["wangfang"])[k] for k in PERSONAL} == PERSONAL


def test_an_unknown_field_name_is_refused_with_the_names_to_choose_from(ex):
    with pytest.raises(LaomoError) as err:
        ex.export(include=["phone", "salary"])
    assert "salary" in err.value.message and "birth_date（成员出生日期）" in err.value.message
    assert not list(ex.usb.iterdir())


def test_the_office_gets_every_figure_of_the_statistics_and_the_review(ex):
    add_personal_data(ex)
    at_studio = {t: assessment.assess(ex.uids["A"], 2025, t) for t in TEMPLATES}
    year = stats.studio_year(ex.uids["A"], 2025)
    path = ex.export().path
    import_(ex, path)
    got = stats.studio_year(ex.uids["A"], 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025
    assert got == year
    for t in TEMPLATES:
        assert assessment.assess(ex.uids["A"], 2025, t) == at_studio[t], t


def test_the_office_knows_what_was_withheld_and_keeps_nothing_of_it(ex):
    add_personal_data(ex)
    import_(ex, ex.export().path)
    withheld = privacy.withheld(ex.uids["A"])
    assert withheld == {k: frozenset(v) for k, v in DEFAULT_OMITTED.items()}
    wang = R.get("member", ex.uids["wangfang"])
    assert {k: wang[k] for k in PERSONAL} == dict.fromkeys(PERSONAL)
    assert [str(x) for x in privacy.labels(withheld)] == [
        "成员性别", "成员出生日期", "成员学历", "成员联系电话", "工作室联系电话"]


def test_sharing_again_updates_and_withholding_later_clears_the_offices_copy(ex):
    add_personal_data(ex)
    wang = ex.uids["wangfang"]
    first = import_(ex, ex.export(include="all").path)
    assert first.applied and privacy.withheld(ex.uids["A"]) == {}
    assert {k: R.get("member", wang)[k] for k in PERSONAL} == PERSONAL

    # the next package withholds the phone numbers; nothing changed at the studio otherwise
    second = import_(ex, ex.export(include=["sex", "birth_date", "education"]).path)
    assert second.preview.total("conflicting") == 0 and Conflict.select().count() == 0
    assert R.get("member", wang)["phone"] is None
    assert R.get("studio", ex.uids["A"])["contact_phone"] is None
    assert R.get("member", wang)["birth_date"] == "1985-04-02"
    assert privacy.withheld(ex.uids["A"]) == {"member": {"phone"}, "studio": {"contact_phone"}}
    assert R.get("member", wang)["version"] == 2  # the office's copy of the studio's version

    # and a later one shares the phone again: taken as an update, not a conflict
    third = import_(ex, ex.export(include=["phone", "contact_phone"]).path)
    assert third.preview.total("conflicting") == 0 and third.preview.total("updated") == 2
    after = R.get("member", wang)
    assert after["phone"] == "13800000001" and after["birth_date"] is None
    assert R.get("studio", ex.uids["A"])["contact_phone"] == "0710-1234567"
    assert privacy.withheld(ex.uids["A"]) == {"member": {"sex", "birth_date", "education"}}
    log = importlog.import_history(ex.uids["A"])[0]["result"]
    assert log["omitted_fields"] == {"member": ["birth_date", "education", "sex"]}


def test_an_older_package_imported_late_does_not_bring_back_withheld_fields(ex):
    add_personal_data(ex)
    old = ex.export(include="all").path
    new = ex.export().path
    import_(ex, new)
    late = import_(ex, old)
    assert late.applied and late.preview.total("conflicting") == 0
    assert R.get("member", ex.uids["wangfang"])["phone"] is None
    assert privacy.withheld(ex.uids["A"])["member"] == {"sex", "birth_date", "education",
                                                        "phone"}


def test_a_package_without_omitted_fields_still_imports_with_everything(ex):
    """Packages written before the key existed (format 1 too) carried every field."""
    add_personal_data(ex)
    src = ex.export(include="all").path
    key = keys.load_or_create(ex.studio)
    old = craft(src, ex.tmp / "old.laomo.zip",
                edit=lambda m, _d: m.pop("omitted_fields"), sign_with=key)
    assert "omitted_fields" not in read_package(old).manifest
    assert import_(ex, old).applied
    assert privacy.withheld(ex.uids["A"]) == {}
    assert all_records(ex.uids["A"]) == ex.studio_records()


@pytest.mark.parametrize("bad", [
    ["phone"],                                    # not a {kind: [...]} object
    {"member": "phone"},                          # not a list
    {"member": ["salary"]},                       # no such field
    {"member": ["name"]},                         # a required field cannot be left out
    {"payroll": ["phone"]},                       # no such kind
    {"member": ["phone", "phone"]},               # twice
])
def test_a_malformed_omitted_fields_entry_is_refused(ex, bad):
    src = ex.export().path
    key = keys.load_or_create(ex.studio)

    def edit(m, _data):
        m["omitted_fields"] = bad

    crafted = craft(src, ex.tmp / "bad.laomo.zip", edit=edit, sign_with=key)
    with pytest.raises(LaomoError, match="清单格式无效"):
        read_package(crafted)


def test_a_value_in_a_withheld_field_is_not_kept_by_the_office(ex):
    """A package whose manifest says a field was left out but whose records carry it anyway
    (a buggy or edited studio installation): the office keeps nothing of it."""
    add_personal_data(ex)
    src = ex.export(include="all").path
    key = keys.load_or_create(ex.studio)

    def edit(m, _data):
        m["omitted_fields"] = {"member": ["phone"]}

    crafted = craft(src, ex.tmp / "mixed.laomo.zip", edit=edit, sign_with=key)
    import_(ex, crafted)
    assert R.get("member", ex.uids["wangfang"])["phone"] is None
    assert R.get("member", ex.uids["wangfang"])["birth_date"] == "1985-04-02"


def test_laomo_export_include_names_the_fields_that_travel(sample_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb), "--include", "phone, contact_phone")
    assert code == 0, err
    pkg = read_package(Path(out.strip()))
    assert pkg.manifest["omitted_fields"] == {"member": ["sex", "birth_date", "education"]}
    assert "未放入的个人信息：成员性别、成员出生日期、成员学历" in err

    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb))
    assert code == 0, err
    assert read_package(Path(out.strip())).manifest["omitted_fields"] == DEFAULT_OMITTED
    assert "成员联系电话、工作室联系电话" in err and "--include" in err

    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb), "--include", "phone,salary")
    assert code == 1 and "salary" in err and "contact_phone（工作室联系电话）" in err
    assert "Traceback" not in err and len(list(usb.iterdir())) == 2
    close_ledger()


def test_laomo_export_help_lists_the_optional_fields_with_their_labels(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "export", "--help")
    text = capsys.readouterr().out
    for o in privacy.OPTIONAL:
        assert f"{o.name}（{o.label}）" in text


def test_a_conflict_kept_at_the_office_keeps_no_withheld_field_either(ex):
    """A member in conflict (changed at the office behind the importer's back): its two copies
    in the conflict list lose the phone once the studio stops sharing it."""
    add_personal_data(ex)
    wang = ex.uids["wangfang"]
    import_(ex, ex.export(include="all").path)
    database.execute_sql("UPDATE member SET post = '办公室改的' WHERE uid = ?", (wang,))
    import_(ex, ex.export(include="all").path)  # same version, other content: a conflict
    [c] = importlog.open_conflicts()
    assert c["local"]["phone"] == c["incoming"]["phone"] == "13800000001"
    import_(ex, ex.export(include=["sex", "birth_date", "education", "contact_phone"]).path)
    found = importlog.open_conflicts()  # the one before, and the same again from this package
    assert len(found) == 2
    for c in found:
        assert c["local"]["phone"] is None and c["incoming"]["phone"] is None
        assert c["local"]["birth_date"] == "1985-04-02" and c["local"]["post"] == "办公室改的"
