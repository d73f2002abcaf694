"""The ledger and the store speak in messages (issue 12 §7): what they tell the user is declared
in both languages and worded in the one the user chose, so the English interface shows no
Chinese the user did not type. Chinese stays the default and stays word for word as it was."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from tests.cjk import CJK, SRC, chinese_in

from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import reminders as RM
from laomo_desktop.ledger import templates, union
from laomo_desktop.ledger.check import check_ledger
from laomo_desktop.store import backup, health, lock

SPEAKING = ("ledger/union.py", "ledger/assessment.py", "ledger/templates.py", "ledger/check.py",
            "ledger/reminders.py", "store/health.py", "store/backup.py", "store/database.py",
            "store/blobs.py", "store/lock.py", "store/dbguard.py", "store/readonly.py",
            "store/journal.py", "store/migrations.py")


@pytest.fixture
def english():
    texts.set_language("en")
    yield
    texts.set_language("zh_CN")


def _lines_of(path: Path, name: str) -> set[int]:
    """The lines of the module-level assignment to `name`."""
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name
                                                for t in node.targets):
            return set(range(node.lineno, node.end_lineno + 1))
    return set()


def test_no_chinese_outside_the_catalogue():
    found = chinese_in(*SPEAKING)
    # the evidence titles are SQL building a record's title as the documents print it (the
    # assessment's evidence list): data of the Chinese documents, not a sentence to the user
    titles = _lines_of(SRC / "ledger/assessment.py", "_TITLES")
    left = set(found.pop("ledger/assessment.py", [])) - titles
    assert found == {} and left == set()


@pytest.fixture
def studio(ledger):
    return R.create("studio", None, {"name": "提醒劳模创新工作室", "host_unit": "测试单位",
                                      "founded_on": "2020-01-01"})["uid"]


def test_a_reminder_in_english(studio, english):
    found = {r.kind: r for r in RM.reminders(studio, date(2026, 5, 20))}
    assert found[RM.PLAN].text == "The 2026 work plan has not been entered yet"
    assert found[RM.PACKAGE].text == ("No data package has been sent to the union this quarter "
                                      "(Q2 2026)")
    texts.set_language("zh_CN")  # the same reminder, worded when shown
    assert found[RM.PLAN].text == "2026 年度工作计划尚未录入"


def test_a_naming_due_for_review_names_its_level_in_the_language_shown(english):
    review = RM.REVIEW_DUE(named=RM.NAMING_BY(level=RM._level("city"), body="市总工会"),
                           when=RM.REVIEW_SOON)
    assert review.render("en") == ("The review of the City naming (市总工会) is due soon: please "
                                   "prepare the review documents")
    assert review.render("zh") == "市级命名（市总工会）的复审即将到期：请准备复审材料"


def test_a_criterion_detail_in_english(studio, english):
    R.create("plan", studio, {"year": 2025, "targets": [
        {"metric": "benefit_fen", "value": 50_000_000}]})
    R.create("benefit", studio, {"year": 2025, "amount_fen": 123_456_00, "kind": "saving",
                                 "basis": "节约"})
    f = A.facts(studio, 2025)
    _, detail = A.evaluate({"metric": "benefit_wan", "min": 20}, f)
    assert detail.render() == "Economic benefit 12.35 10k yuan (required: ≥ 20.00 10k yuan)"
    assert detail.render("zh") == "本年度经济效益 12.35 万元（要求 ≥ 20.00 万元）"
    _, detail = A.evaluate({"targets": "all"}, f)
    assert detail.render() == "0 of 1 targets met; not met: Economic benefit (target 50.00, done 12.35)"
    _, detail = A.evaluate({"leader_honour": [{"levels": ["national"]}]}, f)
    assert detail.render() == "No leader registered at the year's end"
    _, detail = A.evaluate({"metric": "level", "in": ["national", "provincial"]}, f)
    assert not CJK.search(detail.render())


def test_the_assessment_carries_each_detail_in_both_languages(studio, english):
    result = A.assess(studio, 2025, "union_100")
    for c in result["criteria"]:
        assert c["detail"] and c["detail_en"]
        if not any(m in c["detail"] for m in ("标志", "场所", "设施", "职工参与", "制度", "经费",
                                              "台账", "成效")):  # must-haves: stats.py's words
            assert not CJK.search(c["detail_en"]), c["detail_en"]


def test_a_check_finding_in_english(studio, english):
    from laomo_desktop.store.database import current

    problems = check_ledger(current().paths)
    assert "Studio “提醒劳模创新工作室” has no leader registered" in [p.message for p in problems]
    texts.set_language("zh_CN")
    assert "工作室“提醒劳模创新工作室”没有登记领衔人" in [p.message for p in problems]


def test_backup_and_restore_errors_in_english(ledger, tmp_path, english):
    with pytest.raises(LaomoError) as missing:
        backup.verify_backup(tmp_path / "nowhere.sqlite3")
    assert missing.value.message == (f"The backup file “{tmp_path / 'nowhere.sqlite3'}” cannot be "
                                     "found.")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(LaomoError) as bad:
        backup.restore_backup(ledger, junk)
    assert bad.value.message.startswith("The file “junk.sqlite3” is not a valid ledger database")
    texts.set_language("zh_CN")
    assert bad.value.message.startswith("文件“junk.sqlite3”不是有效的台账数据库")
    assert backup.BackupInfo(junk, None, 0, "pre-restore").reason_label == "恢复前备份"
    texts.set_language("en")
    assert backup.BackupInfo(junk, None, 0, "pre-restore").reason_label == "Before a restore"


def test_opening_problems_and_locks_in_english(ledger, english):
    problem = health.damaged(ledger, health.BAD_HEADER)
    assert problem.message.startswith(f"The ledger file “{ledger.db}” is damaged (the file's "
                                      "header is damaged).")
    busy = lock.LedgerBusy(lock.Holder("import", 42, "host", "now"))
    assert busy.message == ("The ledger is in use by the command laomo import (process 42): "
                            "please wait until it has finished, then try again.")


def test_template_and_target_errors_in_english(tmp_path, english):
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "title": "t", "criteria": [{"id": "a1", "area": "组织", '
                   '"item": "i", "points": -1, "rule": {"targets": "all"}}]}', "utf-8")
    with pytest.raises(LaomoError) as exc:
        templates.load_template(bad)
    assert exc.value.message == ("Assessment template bad.json: criterion a1: points should be "
                                 "a number not below 0 (it is -1).")
    texts.set_language("zh_CN")
    assert exc.value.message == "评分模板 bad.json：考核项 a1 的 points 应为不小于 0 的数（现为 -1）。"
    texts.set_language("en")
    with pytest.raises(LaomoError) as target:
        union.validate_targets({"patents": -3})
    assert target.value.message == ("The summary target “patents” (patents) must be a whole "
                                    "number not below 0; it is “-3”.")


def test_a_choice_is_worded_not_shown_as_its_code(english):
    from laomo_desktop.store import enums as E

    assert texts.worded(E.Level.CITY) == "City"
    assert texts.worded(E.Level.CITY, "zh") == "市级"
