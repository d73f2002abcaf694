"""A change of leader keeps its history: ledger.studios.change_leader records the former leader
in 领衔人沿革 when the list is empty, appends the new one and swaps the two roles, in one
transaction through the ordinary services; every refusal leaves the ledger as it was."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import pdftotext
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import studios
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.store.models import MODELS, AuditEntry, ImportedStudio
from sample_ledger import build

TODAY = date(2026, 6, 1)


@pytest.fixture
def u(ledger, tmp_path):
    return build(ledger, tmp_path)


def snapshot() -> dict:
    """Everything a change of leader could touch, and the audit log's length."""
    return {"studios": R.list_records("studio"), "members": R.list_records("member"),
            "binned": R.list_records("member", deleted=True),
            "audit": AuditEntry.select().count()}


def roles(studio_uid: str) -> dict[str, str]:
    return {m["name"]: m["role"] for m in R.list_records("member", studio_uid)}


def test_the_2025_summary_still_names_the_former_leader_after_a_change_in_2026(u, tmp_path):
    assert annual_data(u["A"], 2025)["leader"] == "李明"
    studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)

    assert annual_data(u["A"], 2025)["leader"] == "李明"
    assert annual_data(u["A"], 2026)["leader"] == "王芳"
    assert R.get("studio", u["A"])["leaders"] == [{"name": "李明", "since": "2019-03-01"},
                                                  {"name": "王芳", "since": "2026-03-01"}]
    assert roles(u["A"])["李明"] == "core" and roles(u["A"])["王芳"] == "leader"
    assert {s["uid"]: s["leader"] for s in studios.list_studios(TODAY)}[u["A"]] == "王芳"
    for year, name in ((2025, "李明"), (2026, "王芳")):
        pdf = tmp_path / f"{year}.pdf"
        write_annual(u["A"], year, pdf, generated=TODAY)
        cover = "".join(pdftotext(pdf).split())
        assert f"领衔人：{name}" in cover
        assert f"领衔人：{'王芳' if name == '李明' else '李明'}" not in cover


def test_changing_roles_by_hand_is_what_loses_the_history(u):
    """The trap the service avoids: the same change made in the member form rewrites 2025."""
    R.update("member", u["liming"], {"role": "core"})
    R.update("member", u["wangfang"], {"role": "leader"})
    assert annual_data(u["A"], 2025)["leader"] == "王芳"


def test_the_change_goes_through_the_services_with_versions_and_audit_entries(u):
    studio_v = R.get("studio", u["A"])["version"]
    audit = AuditEntry.select().count()
    changes = studios.change_leader(u["A"], u["wangfang"], "2026-03-01", actor="秘书",
                                    today=TODAY)

    assert [(c.kind, c.uid) for c in changes] == [
        ("studio", u["A"]), ("member", u["liming"]), ("member", u["wangfang"])]
    assert changes[0].before["leaders"] == [] and changes[0].after["version"] == studio_v + 1
    assert changes[1].before["role"] == "leader" and changes[1].after["role"] == "core"
    assert changes[2].before["role"] == "core" and changes[2].after["role"] == "leader"
    entries = list(AuditEntry.select().order_by(AuditEntry.id))[audit:]
    assert [(e.action, e.record_uid, e.actor) for e in entries] == [
        ("update", c.uid, "秘书") for c in changes]


def test_restoring_every_before_in_reverse_order_undoes_the_change(u):
    start = snapshot()
    changes = studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    for c in reversed(changes):
        R.update(c.kind, c.uid, {k: v for k, v in c.before.items() if k not in R.META})
    after_undo = snapshot()
    for key in ("studios", "members"):
        assert [R._content(r) for r in after_undo[key]] == [R._content(r) for r in start[key]]
    assert annual_data(u["A"], 2026)["leader"] == "李明"


def test_revert_and_reapply_undo_and_redo_the_whole_change(u):
    start = snapshot()
    changes = studios.save_member_as_leader(
        u["A"], None, {"name": "钱新", "role": "leader", "joined_on": "2026-02-01"},
        "2026-03-01", today=TODAY)
    done = snapshot()
    studios.revert(changes)
    undone = snapshot()
    for key in ("studios", "members"):
        assert [R._content(r) for r in undone[key]] == [R._content(r) for r in start[key]]
    assert [m["name"] for m in undone["binned"]] == ["钱新"], "the new member is binned"
    assert annual_data(u["A"], 2026)["leader"] == "李明"
    studios.reapply(changes)
    redone = snapshot()
    for key in ("studios", "members"):
        assert [R._content(r) for r in redone[key]] == [R._content(r) for r in done[key]]
    assert annual_data(u["A"], 2026)["leader"] == "钱新"


def test_an_undo_that_cannot_be_done_whole_is_not_done_at_all(u):
    changes = studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    R.create("member", u["A"], {"name": "钱新", "role": "member"})
    R.update("member", u["wangfang"], {"role": "core"})
    R.update("member", R.list_records("member", u["A"])[-1]["uid"], {"role": "leader"})
    done = snapshot()
    with pytest.raises(ValidationError):  # 李明 back as leader beside 钱新: refused
        studios.revert(changes)
    assert snapshot() == done


def test_the_picker_offers_the_team_without_the_leader(u):
    assert studios.leader_today(u["A"], TODAY) == "李明"
    names = [m["name"] for m in studios.leader_candidates(u["A"], TODAY)]
    assert names == ["王芳", "张伟", "刘洋", "陈静"], "not the leader, not 赵强 who left"
    studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    assert studios.leader_today(u["A"], TODAY) == "王芳"
    assert "李明" in [m["name"] for m in studios.leader_candidates(u["A"], TODAY)]


def test_a_list_already_kept_gets_only_the_new_entry(u):
    R.update("studio", u["A"], {"leaders": [{"name": "老周", "since": "2019-03-01"},
                                            {"name": "李明", "since": "2021-01-01"}]})
    studios.change_leader(u["A"], u["zhangwei"], date(2025, 10, 1), today=TODAY)
    assert [ld["name"] for ld in R.get("studio", u["A"])["leaders"]] == ["老周", "李明", "张伟"]
    assert annual_data(u["A"], 2025)["leader"] == "张伟"
    assert annual_data(u["A"], 2024)["leader"] == "李明"
    assert roles(u["A"])["李明"] == "core" and roles(u["A"])["张伟"] == "leader"


def test_a_former_leader_without_a_joining_date_leads_from_the_founding(u):
    R.create("member", u["B"], {"name": "吴刚", "role": "member", "joined_on": "2024-05-01"})
    wu = R.list_records("member", u["B"])[-1]["uid"]
    studios.change_leader(u["B"], wu, "2025-07-01", today=TODAY)
    assert R.get("studio", u["B"])["leaders"] == [{"name": "周红", "since": "2024-01-01"},
                                                  {"name": "吴刚", "since": "2025-07-01"}]
    assert annual_data(u["B"], 2024)["leader"] == "周红"
    assert annual_data(u["B"], 2025)["leader"] == "吴刚"


def test_a_leader_who_left_before_the_change_is_still_recorded(u):
    """The founding leader retired at the end of 2025 and the new one took over later: the
    2025 summary must still name him, though he is no longer in the team on the day."""
    R.update("member", u["liming"], {"left_on": "2025-12-31"})
    studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    assert [ld["name"] for ld in R.get("studio", u["A"])["leaders"]] == ["李明", "王芳"]
    assert annual_data(u["A"], 2025)["leader"] == "李明"
    assert roles(u["A"])["李明"] == "leader", "a departed leader's record stays as it was"


def test_a_studio_without_a_leader_gets_its_first_entry(u):
    R.update("member", u["liming"], {"role": "core"})
    studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    assert R.get("studio", u["A"])["leaders"] == [{"name": "王芳", "since": "2026-03-01"}]


def _new_member(u, **values) -> str:
    return R.create("member", u["A"], {"name": "钱新", "role": "member", **values})["uid"]


REFUSALS = {
    "before the founding": (lambda u: (u["wangfang"], "2019-01-01"), "since", "成立日期"),
    "on the former leader's first day": (lambda u: (u["wangfang"], "2019-03-01"), "since",
                                         "李明"),
    "after today": (lambda u: (u["wangfang"], "2026-06-02"), "since", "晚于今天"),
    "not a date": (lambda u: (u["wangfang"], "2026-02-30"), "since", "日期"),
    "no date": (lambda u: (u["wangfang"], ""), "since", "更换日期"),
    "joined later": (lambda u: (_new_member(u, joined_on="2026-04-01"), "2026-03-01"),
                     "member", "2026-04-01"),
    "left": (lambda u: (u["zhaoqiang"], "2025-01-01"), "member", "退出"),
    "already the leader": (lambda u: (u["liming"], "2026-03-01"), "member", "已是"),
    "another studio's member": (lambda u: (u["zhouhong"], "2026-03-01"), "member", "不是"),
    "binned member": (lambda u: (R.trash("member", _new_member(u))["uid"], "2026-03-01"),
                      "member", "回收站"),
    "no member": (lambda u: (None, "2026-03-01"), "member", "请选择"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_a_refused_change_says_why_in_chinese_and_changes_nothing(u, case):
    make, field, words = REFUSALS[case]
    member, since = make(u)
    start = snapshot()
    with pytest.raises(ValidationError) as exc:
        studios.change_leader(u["A"], member, since, today=TODAY)
    assert field in exc.value.errors and words in exc.value.errors[field], exc.value.errors
    assert snapshot() == start


def test_a_change_not_after_the_latest_entry_is_refused(u):
    R.update("studio", u["A"], {"leaders": [{"name": "李明", "since": "2019-03-01"},
                                            {"name": "王芳", "since": "2025-01-01"}]})
    R.update("member", u["liming"], {"role": "core"})
    R.update("member", u["wangfang"], {"role": "leader"})
    start = snapshot()
    for day in ("2024-12-31", "2025-01-01"):
        with pytest.raises(ValidationError) as exc:
            studios.change_leader(u["A"], u["zhangwei"], day, today=TODAY)
        assert "晚于" in exc.value.errors["since"] and "2025-01-01" in exc.value.errors["since"]
    assert snapshot() == start


def test_a_former_leader_may_lead_again(u):
    R.update("studio", u["A"], {"leaders": [{"name": "李明", "since": "2019-03-01"},
                                            {"name": "王芳", "since": "2025-01-01"}]})
    R.update("member", u["liming"], {"role": "core"})
    R.update("member", u["wangfang"], {"role": "leader"})
    studios.change_leader(u["A"], u["liming"], "2026-01-05", today=TODAY)
    assert [ld["name"] for ld in R.get("studio", u["A"])["leaders"]] == ["李明", "王芳", "李明"]
    assert annual_data(u["A"], 2025)["leader"] == "王芳"
    assert roles(u["A"])["王芳"] == "core" and roles(u["A"])["李明"] == "leader"


def test_a_change_before_the_present_leader_began_is_refused(u):
    """No list kept: the present leader joined in 2021, so a change in 2020 cannot be right."""
    R.update("member", u["liming"], {"joined_on": "2021-01-01"})
    start = snapshot()
    with pytest.raises(ValidationError) as exc:
        studios.change_leader(u["A"], u["wangfang"], "2020-06-01", today=TODAY)
    assert "李明" in exc.value.errors["since"] and "2021-01-01" in exc.value.errors["since"]
    assert snapshot() == start


def test_an_imported_studio_is_refused(u):
    ImportedStudio.insert(studio=MODELS["studio"].get(MODELS["studio"].uid == u["A"]).id,
                          fingerprint="x", last_sequence=1, last_package_at="2026-01-01").execute()
    start = snapshot()
    with pytest.raises(LaomoError) as exc:
        studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    assert exc.value.message == str(R.READ_ONLY)
    assert snapshot() == start


def test_a_failure_half_way_leaves_nothing_written(u, monkeypatch):
    """One transaction: the studio's list is not kept when a later step fails."""
    start = snapshot()
    real = R.update
    calls = []

    def failing(kind, uid, values, **kw):
        calls.append(kind)
        if len(calls) == 3:
            raise LaomoError("磁盘已满")
        return real(kind, uid, values, **kw)

    monkeypatch.setattr(R, "update", failing)
    with pytest.raises(LaomoError):
        studios.change_leader(u["A"], u["wangfang"], "2026-03-01", today=TODAY)
    assert calls == ["studio", "member", "member"]
    assert snapshot() == start


# ---- the member form: what a role of 领衔人 would mean ----------------------------------------

def test_the_form_knows_a_role_of_leader_is_a_change_of_leader(u):
    effect = studios.leader_role_effect
    wang = R.get("member", u["wangfang"])
    assert effect(u["A"], u["wangfang"], {**wang, "role": "leader"}) == studios.BECOMES_LEADER
    assert effect(u["A"], None, {"name": "新人", "role": "leader"}) == studios.BECOMES_LEADER
    assert effect(u["A"], u["wangfang"], {**wang, "post": "班长"}) is None
    li = R.get("member", u["liming"])
    assert effect(u["A"], u["liming"], {**li, "role": "core"}) == studios.STOPS_LEADING
    assert effect(u["A"], u["liming"], {**li, "phone": "123"}) is None
    # no leader at all yet: setting one is only registering it
    R.update("member", u["liming"], {"role": "core"})
    assert effect(u["A"], u["wangfang"], {**wang, "role": "leader"}) is None
    # but a kept list that names someone else would silently win over the role
    R.update("studio", u["A"], {"leaders": [{"name": "李明", "since": "2019-03-01"}]})
    assert effect(u["A"], u["wangfang"], {**wang, "role": "leader"}) == studios.BECOMES_LEADER
    assert effect(u["A"], u["liming"], {**li, "role": "leader"}) is None, "the list names him"


def test_a_departed_leader_makes_the_next_one_a_change(u):
    R.update("member", u["liming"], {"left_on": "2025-12-31"})
    wang = R.get("member", u["wangfang"])
    assert studios.leader_role_effect(u["A"], u["wangfang"],
                                      {**wang, "role": "leader"}) == studios.BECOMES_LEADER


def test_the_form_saves_its_edits_and_the_change_in_one_transaction(u):
    wang = R.get("member", u["wangfang"])
    changes = studios.save_member_as_leader(
        u["A"], u["wangfang"], {**R._content(wang), "role": "leader", "post": "班长"},
        "2026-03-01", expected_version=wang["version"], today=TODAY)
    after = R.get("member", u["wangfang"])
    assert after["post"] == "班长" and after["role"] == "leader"
    assert changes[0].kind == "member" and changes[0].before == wang
    assert annual_data(u["A"], 2025)["leader"] == "李明"


def test_a_new_member_can_come_in_as_the_new_leader(u):
    changes = studios.save_member_as_leader(
        u["A"], None, {"name": "钱新", "role": "leader", "joined_on": "2026-02-01"},
        "2026-03-01", today=TODAY)
    assert changes[0].before is None and changes[0].after["name"] == "钱新"
    assert roles(u["A"])["钱新"] == "leader" and roles(u["A"])["李明"] == "core"
    assert annual_data(u["A"], 2026)["leader"] == "钱新"


def test_a_form_error_or_a_refused_change_leaves_the_form_unsaved(u):
    wang = R.get("member", u["wangfang"])
    start = snapshot()
    with pytest.raises(ValidationError) as exc:
        studios.save_member_as_leader(u["A"], u["wangfang"],
                                      {**R._content(wang), "role": "leader", "name": ""},
                                      "2026-03-01", today=TODAY)
    assert "name" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        studios.save_member_as_leader(u["A"], u["wangfang"],
                                      {**R._content(wang), "role": "leader", "post": "班长"},
                                      "2018-01-01", today=TODAY)
    assert "since" in exc.value.errors
    with pytest.raises(ValidationError):
        studios.save_member_as_leader(u["A"], None, {"name": "钱新", "role": "leader",
                                                     "joined_on": "2026-05-01"},
                                      "2026-03-01", today=TODAY)
    assert snapshot() == start


def test_the_form_values_are_checked_before_the_date_is_asked_and_nothing_is_kept(u):
    start = snapshot()
    with pytest.raises(ValidationError) as exc:
        studios.check_member_values(u["A"], None, {"name": "", "role": "leader"})
    assert "name" in exc.value.errors
    wang = R.get("member", u["wangfang"])
    studios.check_member_values(u["A"], u["wangfang"],
                                {**R._content(wang), "role": "leader", "post": "班长"},
                                expected_version=wang["version"])
    studios.check_member_values(u["A"], None, {"name": "钱新", "role": "leader"})
    assert snapshot() == start
