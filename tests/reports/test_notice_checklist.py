"""The checklist of a notice as it prints: its facts, each required item with what produces it
and a filled or empty box; from the reports page every notice due in the year, one a page."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import page_count, pdftotext
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import notices as N
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.documents import BY_KEY, Job
from laomo_desktop.reports.notices import write_checklist

TITLE = "关于开展2026年度劳模创新工作室考核工作的通知"


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def studio(ledger):
    return R.create("studio", None, {"name": "清单劳模创新工作室", "host_unit": "测试单位",
                                     "founded_on": "2020-01-01"})["uid"]


def _notice(studio: str, title: str = TITLE, due: str = "2026-06-09") -> dict:
    return R.create("notice", studio, {
        "issuer": "市总工会", "doc_no": "市工发〔2026〕12号", "title": title,
        "received_on": "2026-05-20", "due_on": due, "note": "纸质材料加盖单位公章，一式两份。",
        "items": [{"what": "年度工作总结", "source": "annual"},
                  {"what": "考核申报表（附件1）", "source": "union_form"},
                  {"what": "成果照片<原件>", "source": "other"}]})


def test_the_checklist_prints_the_notice_and_a_box_for_each_item(studio, tmp_path):
    rec = _notice(studio)
    N.set_item_done(rec["uid"], 0, True, today=date(2026, 6, 2))
    out = tmp_path / "清单.pdf"
    write_checklist(studio, 2026, out, rec["uid"], generated=date(2026, 6, 4))
    text = flat(pdftotext(out))
    for seen in (TITLE, "市总工会", "市工发〔2026〕12号", "2026年5月20日", "2026年6月9日",
                 "还有5天", "报送材料3项，已完成1项", "■已完成（2026年6月2日）",
                 "年度工作总结", "考核申报表（附件1）", "工会表单（填写单位表单）", "□未完成",
                 "成果照片<原件>", "一式两份", "经办人"):
        assert seen in text, seen
    assert text.count("□未完成") == 2 and text.count("■已完成") == 1


def test_an_overdue_notice_says_so_on_paper(studio, tmp_path):
    rec = _notice(studio, due="2026-06-01")
    out = tmp_path / "逾期.pdf"
    write_checklist(studio, 2026, out, rec["uid"], generated=date(2026, 6, 4))
    assert "已逾期3天" in flat(pdftotext(out))


def test_the_registered_document_prints_every_notice_of_the_year_one_a_page(studio, ledger,
                                                                              tmp_path):
    _notice(studio, "关于报送年度计划的通知", "2026-03-01")
    _notice(studio, TITLE, "2026-06-09")
    _notice(studio, "关于明年的通知", "2027-01-10")
    doc = BY_KEY["notice_checklist"]
    out = tmp_path / "年度.pdf"
    doc.write(Job(ledger, 2026, studio), out)
    text = flat(pdftotext(out))
    assert "关于报送年度计划的通知" in text and TITLE in text and "关于明年的通知" not in text
    assert page_count(out) == 2
    word = tmp_path / "年度.docx"
    doc.write(Job(ledger, 2026, studio), word)
    assert word.stat().st_size > 0


def test_a_notice_of_another_studio_is_refused_and_no_file_is_left(studio, ledger, tmp_path):
    other = R.create("studio", None, {"name": "别的工作室", "host_unit": "测试单位",
                                      "founded_on": "2020-01-01"})["uid"]
    rec = _notice(other)
    out = tmp_path / "x.pdf"
    with pytest.raises(LaomoError) as exc:
        BY_KEY["notice_checklist"].write(Job(ledger, 2026, studio, record_uid=rec["uid"]), out)
    assert "没有这份通知" in str(exc.value)
    assert list(tmp_path.glob("x.pdf*")) == []


def test_every_document_an_item_can_name_is_one_the_registry_writes():
    """An item's 生成方式 names a document of the registry (its key), a union form or 其他; an
    entry the registry lost would leave an item that opens nothing."""
    from laomo_desktop.store import enums as E

    named = {c.value for c in E.NoticeSource} - {"union_form", "other"}
    assert named <= set(BY_KEY)
    assert all(BY_KEY[k].formats and BY_KEY[k].needs_studio for k in named)
    assert {c.zh for c in E.NoticeSource if c in named} == {BY_KEY[k].label for k in named}
