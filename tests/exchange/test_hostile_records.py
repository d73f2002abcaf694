"""Validly signed packages with records a form would refuse: each refused whole, by the
services' own rules, naming kind, record, field and reason; the office ledger untouched."""

from __future__ import annotations

import json
import os
import re
import threading
import uuid

import pytest
from exchange_helpers import craft, edit_records, members, snapshot, write_zip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, package
from laomo_desktop.ledger import records as R
from laomo_desktop.store import backup
from laomo_desktop.store.models import ImportLog, database


def refused(ex, path, *patterns: str) -> str:
    """Both preview and apply refuse with a LaomoError matching every pattern; nothing in the
    office ledger (tables, attachment files, backups) changes."""
    before = snapshot(ex.office)
    message = ""
    for call in (lambda: importer.apply(ex.office, path, trust_new_key=True),
                 lambda: importer.preview(ex.office, path)):
        with pytest.raises(LaomoError) as info:
            call()
        message = info.value.message
        for p in (*patterns, "未导入任何数据"):
            assert re.search(p, message), message
    assert snapshot(ex.office) == before
    return message


def bad_package(ex, pkg, key, edit, name="bad") -> object:
    def with_new_uid(manifest, data):
        manifest["package_uid"] = str(uuid.uuid4())
        edit(manifest, data)
    return craft(pkg, ex.tmp / f"{name}.laomo.zip", sign_with=key, edit=with_new_uid)


def _set(index: int, **values):
    def change(recs):
        recs[index].update(values)
    return change


# --- the services' cross-record rules --------------------------------------------------------

def test_ten_active_leaders_are_refused_as_a_form_refuses_a_second_one(setup):
    ex, pkg, key = setup

    def change(recs):
        for r in recs:
            r.update(role="leader", left_on=None)
        for i in range(4):
            recs.append({**recs[-1], "uid": str(uuid.uuid4()), "name": f"领衔人{i}",
                         "skill_levels": []})

    bad = bad_package(ex, pkg, key, edit_records("member", change))
    refused(ex, bad, r"成员记录“[^”]+”", "“工作室角色”", "领衔人")


def test_two_plans_for_one_year(setup):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records(
        "plan", lambda recs: recs.append({**recs[0], "uid": str(uuid.uuid4())})))
    refused(ex, bad, "年度计划记录“2025”", "2025 年的“年度”计划已存在")


def test_the_rule_covers_the_package_together_with_what_the_ledger_holds(setup):
    ex, pkg, key = setup
    assert importer.apply(ex.office, pkg, trust_new_key=True).applied
    # the office's copy of 赵强 (not in the next package) is an active leader beside 李明
    database.execute_sql("UPDATE member SET role = 'leader', left_on = NULL WHERE uid = ?",
                         (ex.uids["zhaoqiang"],))

    def drop(recs):
        recs[:] = [r for r in recs if r["uid"] != ex.uids["zhaoqiang"]]

    bad = bad_package(ex, pkg, key, edit_records("member", drop))
    refused(ex, bad, "领衔人")


def test_a_valid_package_still_imports_next_to_the_studios_earlier_records(setup):
    ex, pkg, key = setup
    assert importer.apply(ex.office, pkg, trust_new_key=True).applied
    ex.at_studio()
    R.update("member", ex.uids["liming"], {"left_on": "2025-12-31"})
    R.update("member", ex.uids["wangfang"], {"role": "leader"})
    second = ex.export().path
    ex.at_office()
    result = importer.apply(ex.office, second)
    assert result.applied and result.preview.counts["member"].updated == 2


# --- bookkeeping fields ----------------------------------------------------------------------

BAD_META = [
    ("uid", "", "记录编号"),
    ("uid", "x" * 9001, "记录编号"),
    ("uid", "{7E57F00D-0000-4000-8000-000000000000}", "记录编号"),
    ("created_at", "<b>not a date</b>", "创建时间"),
    ("created_at", "1066-10-14T09:00:00+00:00", "创建时间"),
    ("updated_at", 20250101, "修改时间"),
    ("deleted_at", "yesterday", "移入回收站的时间"),
    ("version", 0, "版本号"),
    ("version", True, "版本号"),
    ("version", 2**31 + 1, "版本号"),
    ("version", 10**30, "版本号"),
]


@pytest.mark.parametrize(("field", "value", "label"), BAD_META)
def test_bookkeeping_fields_have_declared_types_and_ranges(setup, field, value, label):
    ex, pkg, key = setup  # 赵强 (the last member) is referred to by no other record
    bad = bad_package(ex, pkg, key, edit_records("member", _set(-1, **{field: value})))
    refused(ex, bad, "成员记录“赵强”", f"“{label}", "无效")


def test_a_lone_surrogate_in_a_text_is_refused_not_a_traceback(setup):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records("member", _set(-1, post="钳工\ud800")))
    refused(ex, bad, "成员记录“赵强”")


def test_an_attachment_whose_declared_size_disagrees_with_its_file(setup):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records(
        "attachment", lambda recs: recs[0].update(size=recs[0]["size"] + 1)))
    refused(ex, bad, "附件记录“证书.png”", "“大小（字节）”")


def test_an_attachment_that_is_its_own_owner(setup):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records(
        "attachment", lambda recs: recs[0].update(owner_kind="attachment",
                                                  owner_uid=recs[0]["uid"])))
    refused(ex, bad, "附件记录“证书.png”", "所属记录")


def test_a_file_name_with_a_right_to_left_override(setup):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records("attachment",
                                                 _set(0, filename="照片\u202egnp.exe")))
    message = refused(ex, bad, r"附件记录“照片\[U\+202E\]gnp\.exe”", "“文件名”")
    assert "\u202e" not in message


@pytest.mark.parametrize(("value", "label"), [(["ab"] * 32, "内容摘要"), ("AB" * 32, "内容摘要"),
                                              (10**30, "内容摘要")])
def test_an_attachment_sha256_of_the_wrong_type(setup, value, label):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records("attachment", _set(0, sha256=value)))
    refused(ex, bad, "附件记录“证书.png”", f"“{label}”")


@pytest.mark.parametrize("size", [10**30, -1, "35", 2**63])
def test_an_attachment_size_out_of_range(setup, size):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, edit_records("attachment", _set(0, size=size)))
    refused(ex, bad, "附件记录“证书.png”", "“大小（字节）”")


# --- the manifest ----------------------------------------------------------------------------

def _manifest(**values):
    def edit(manifest, data):
        for path, value in values.items():
            *parents, last = path.split("__")
            target = manifest
            for p in parents:
                target = target[p]
            target[last] = value
    return edit


@pytest.mark.parametrize(("values", "label"), [
    ({"studio__name": "工" * 100_000}, "工作室名称"),
    ({"studio__name": "李明劳模创新工作室\ud800"}, "工作室名称"),
    ({"studio__name": "另一个名字"}, "工作室名称"),
    ({"studio__code": "<b>x</b>"}, "工作室编号"),
    ({"sequence": 10**30}, "序号"),
    ({"sequence": True}, "序号"),
    ({"created_at": "<b>not a date</b>"}, "生成时间"),
    ({"app_version": "\x1b[31m1.0"}, "程序版本"),
    ({"counts": {"member": -1}}, "记录条数"),
    ({"signer__algorithm": "rsa"}, "签名算法"),
    ({"surprise": "x" * 100}, "surprise"),
])
def test_every_manifest_field_is_declared_and_checked(setup, values, label):
    ex, pkg, key = setup
    bad = bad_package(ex, pkg, key, _manifest(**values))
    refused(ex, bad, "清单", label)


def test_a_manifest_sha256_given_as_a_list(setup):
    ex, pkg, key = setup

    def edit(manifest, data):
        manifest["files"][0]["sha256"] = ["ab"] * 32

    bad = craft(pkg, ex.tmp / "bad.laomo.zip", sign_with=key, edit=edit, relist=False)
    refused(ex, bad, "清单")


# --- malformed content and what is not a file ------------------------------------------------

def test_deeply_nested_json_in_a_record_is_malformed_content_not_an_interrupted_copy(setup):
    ex, pkg, key = setup

    def edit(manifest, data):
        depth = 200_000
        data["records/rule.jsonl"] = (b'{"uid":"' + str(uuid.uuid4()).encode() + b'","x":'
                                      + b"[" * depth + b"]" * depth + b"}\n")

    message = refused(ex, bad_package(ex, pkg, key, edit), "不是本程序生成")
    assert "复制时中断" not in message


def test_deeply_nested_json_in_the_manifest(setup):
    ex, pkg, key = setup
    items = members(pkg)
    depth = 200_000
    mbytes = b'{"format":"laomo-package","x":' + b"[" * depth + b"]" * depth + b"}"
    bad = write_zip(ex.tmp / "deep.laomo.zip", [
        (package.MANIFEST, mbytes), (package.SIGNATURE, key.sign(mbytes)),
        *[(i, b) for i, b in items if i.filename not in (package.MANIFEST, package.SIGNATURE)]])
    message = refused(ex, bad, "不是本程序生成")
    assert "复制时中断" not in message


def test_a_fifo_is_refused_at_once_not_read_forever(setup):
    ex, _, _ = setup
    fifo = ex.tmp / "named-pipe.laomo.zip"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt():
        try:
            importer.preview(ex.office, fifo)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        worker.join(10)
        pytest.fail("reading a FIFO as a package did not return")
    assert isinstance(outcome[0], LaomoError) and "不是普通文件" in outcome[0].message


# --- two imports of one package --------------------------------------------------------------

def test_a_second_import_that_overtakes_the_first_says_already_imported(setup, monkeypatch):
    ex, pkg, _ = setup
    take = backup.take_backup

    def racing(paths, reason):
        # another program imports the same package between our checks and our transaction
        importer.apply(ex.office, pkg, trust_new_key=True, take_backup=False)
        return take(paths, reason)

    monkeypatch.setattr(backup, "take_backup", racing)
    result = importer.apply(ex.office, pkg, trust_new_key=True)
    assert not result.applied and "导入过" in str(result.message)
    assert ImportLog.select().count() == 1


# --- any record field: imported exactly, or refused whole ------------------------------------

WEIRD = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["\ud800", "\x00", "a\u202eb", "9999-99-99", "x" * 100_000, "", "leader"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2))
KINDS = ["studio", "member", "mentorship", "plan", "activity", "result", "fund", "attachment"]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_value_in_any_field_is_imported_or_refused_never_a_crash(setup, data):
    ex, pkg, key = setup
    kind = data.draw(st.sampled_from(KINDS))
    recs = json.loads(json.dumps(package.read_package(pkg).records[kind]))
    index = data.draw(st.integers(0, len(recs) - 1))
    field = data.draw(st.sampled_from(sorted(recs[index])))
    value = data.draw(WEIRD)
    bad = bad_package(ex, pkg, key, edit_records(kind, _set(index, **{field: value})))
    before = snapshot(ex.office)
    try:
        importer.apply(ex.office, bad, trust_new_key=True)
    except LaomoError:
        assert snapshot(ex.office) == before


@pytest.mark.parametrize("where", ["records", "package"])
def test_an_unforeseen_error_while_checking_is_still_a_message_and_nothing_changes(
        setup, monkeypatch, where):
    """The last line of defence: should a check itself fail, the user reads a message, and
    neither the attachment files nor a backup nor a row were written."""
    ex, pkg, _ = setup

    def boom(*args, **kwargs):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    if where == "records":
        monkeypatch.setattr(importer.V, "clean_record", boom)
    else:
        monkeypatch.setattr(package.H, "check_record", boom)
    refused(ex, pkg, "OverflowError", "无法")
