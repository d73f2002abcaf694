"""`laomo check` and check_ledger: a broken rule of the forms is a failure, not a hint."""

from __future__ import annotations

import uuid

from helpers import run_cli as run
from laomo_desktop.ledger.check import check_ledger, failed
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database


def _break(sample_dir, *sql: tuple[str, tuple]) -> None:
    open_ledger(LedgerPaths(sample_dir))
    for statement, params in sql:
        database.execute_sql(statement, params)
    close_ledger()


def test_a_second_active_leader_fails_the_check_naming_studio_and_rule(sample_dir, capsys):
    _break(sample_dir, ("UPDATE member SET role = 'leader' WHERE name = '王芳'", ()))
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 1, out
    line = next(x for x in out.splitlines() if "领衔人" in x)
    assert "李明劳模创新工作室" in line and "李明" in line and "王芳" in line
    assert not line.startswith("提示")
    assert "Traceback" not in err


def test_two_plans_for_one_year_fail_the_check(sample_dir, capsys):
    _break(sample_dir, ("""INSERT INTO plan (uid, studio_id, created_at, updated_at, version,
                                             year, measures)
                           SELECT ?, studio_id, created_at, updated_at, 1, year, '又一份'
                           FROM plan""", (str(uuid.uuid4()),)))
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 1
    assert any("李明劳模创新工作室" in x and "2025" in x and "年度计划" in x
               for x in out.splitlines())


def test_a_mentorship_pairing_a_member_with_himself_fails_the_check(sample_dir, capsys):
    _break(sample_dir, ("UPDATE mentorship SET apprentice_id = master_id "
                        "WHERE apprentice_id IS NOT NULL", ()))
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 1 and "师傅" in out


def test_a_studio_without_a_leader_is_only_a_hint(sample_dir, capsys):
    _break(sample_dir, ("UPDATE member SET role = 'core' WHERE role = 'leader'", ()))
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 0 and "提示" in out and "没有登记领衔人" in out


def test_binned_and_departed_leaders_do_not_count(sample_dir):
    _break(sample_dir, ("UPDATE member SET role = 'leader', left_on = '2024-01-01' "
                        "WHERE name = '王芳'", ()),
           ("UPDATE member SET role = 'leader', deleted_at = '2025-01-01T00:00:00+00:00' "
            "WHERE name = '张伟'", ()))
    paths = open_ledger(LedgerPaths(sample_dir))
    try:
        assert check_ledger(paths) == []
    finally:
        close_ledger()


def test_check_lists_text_an_earlier_version_let_in_that_the_forms_now_refuse(ledger):
    """Such a record would make its studio's package refused: check names it, to be fixed."""
    from laomo_desktop.ledger import records as R
    from laomo_desktop.store.models import database

    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "单位",
                                       "founded_on": "2020-01-01"})
    act = R.create("activity", studio["uid"], {"date": "2025-05-01", "type": "training",
                                               "topic": "安全培训", "hours": 2})
    assert not failed(check_ledger(ledger))
    database.execute_sql("UPDATE activity SET topic = ? WHERE uid = ?",
                         ("安全\x1b[31m培训", act["uid"]))
    problems = check_ledger(ledger)
    assert failed(problems)
    hit = [p.message for p in problems if "[U+001B]" in p.message]
    assert len(hit) == 1 and "活动" in hit[0] and "“主题”" in hit[0]
    assert "\x1b" not in hit[0]


def _leader_history_warnings(sample_dir) -> list[str]:
    paths = open_ledger(LedgerPaths(sample_dir))
    try:
        return [p.message for p in check_ledger(paths)
                if p.severity == "warning" and "领衔人沿革" in p.message]
    finally:
        close_ledger()


def test_a_leader_history_naming_someone_else_than_the_leader_is_a_warning(sample_dir, capsys):
    """The list wins over the role in every document: when they disagree (the role changed
    in the member form, or the list edited by hand), check says so and what to do."""
    _break(sample_dir, ("""INSERT INTO studio_leader (parent_id, position, name, since)
                           SELECT id, 0, '李明', '2019-03-01' FROM studio
                           WHERE name = '李明劳模创新工作室'""", ()),
           ("UPDATE member SET role = 'core' WHERE name = '李明'", ()),
           ("UPDATE member SET role = 'leader' WHERE name = '王芳'", ()))
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "check")
    assert code == 0, "advice, not a broken rule"
    line = next(x for x in out.splitlines() if "领衔人沿革" in x)
    assert line.startswith("提示")
    assert "李明劳模创新工作室" in line and "“李明”" in line and "“王芳”" in line
    assert "更换领衔人" in line


def test_a_leader_history_without_a_leader_in_the_team_is_one_warning(sample_dir):
    _break(sample_dir, ("""INSERT INTO studio_leader (parent_id, position, name, since)
                           SELECT id, 0, '李明', '2019-03-01' FROM studio
                           WHERE name = '李明劳模创新工作室'""", ()),
           ("UPDATE member SET left_on = '2025-12-31' WHERE name = '李明'", ()))
    paths = open_ledger(LedgerPaths(sample_dir))
    try:
        warnings = [p.message for p in check_ledger(paths) if "李明劳模" in p.message]
    finally:
        close_ledger()
    assert len(warnings) == 1 and "领衔人沿革" in warnings[0] and "没有" in warnings[0]


def test_a_change_of_leader_leaves_nothing_to_warn_about(sample_dir):
    from datetime import date

    from laomo_desktop.ledger import records as R
    from laomo_desktop.ledger import studios

    open_ledger(LedgerPaths(sample_dir))
    try:
        a = next(s["uid"] for s in studios.list_studios() if s["name"] == "李明劳模创新工作室")
        wang = next(m["uid"] for m in R.list_records("member", a) if m["name"] == "王芳")
        studios.change_leader(a, wang, "2026-03-01", today=date(2026, 6, 1))
    finally:
        close_ledger()
    assert _leader_history_warnings(sample_dir) == []
