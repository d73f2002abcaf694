"""A studio's category names it in its documents (issue 16 §4): a 技能大师工作室's annual
summary and review packet never call it a 劳模创新工作室; the summary's self-check follows the
union's must-have set."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import pdftotext
from laomo_desktop.ledger import musthaves
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.documents import Job, document
from laomo_desktop.reports.packet import write_packet

GENERATED = date(2026, 1, 15)
YEAR = 2025


@pytest.fixture
def master(ledger):
    s = R.create("studio", None, {"name": "王强工作室", "host_unit": "江城机械厂",
                                  "founded_on": "2020-01-01", "category": "skill_master",
                                  "room_address": "三号楼 105 室", "room_area": 40,
                                  "has_plaque": True})["uid"]
    lead = R.create("member", s, {"name": "王强", "role": "leader"})["uid"]
    R.create("activity", s, {"date": "2025-04-01", "type": "training", "topic": "数控编程",
                             "attendees": [{"member": lead}]})
    R.create("plan", s, {"year": YEAR, "targets": [{"metric": "results", "value": 1}]})
    return s


def flat(pdf) -> str:
    return "".join(pdftotext(pdf).split())


def test_a_skill_master_studios_annual_summary_is_titled_as_one(master, tmp_path):
    pdf = tmp_path / "annual.pdf"
    write_annual(master, YEAR, pdf, generated=GENERATED)
    cover = "".join(pdftotext(pdf).split("\f")[0].split())
    assert "技能大师工作室" in cover and "2025年度工作总结" in cover
    text = flat(pdf)
    assert "工作室类别技能大师工作室" in text
    assert "劳模创新工作室" not in text


def test_a_skill_master_studios_packet_names_its_own_kind(master, ledger, tmp_path):
    pdf = tmp_path / "packet.pdf"
    write_packet(ledger, master, YEAR, "eight_must_haves", [], pdf, generated=GENERATED)
    text = flat(pdf)
    assert "技能大师工作室“八个必有”自查表" in text
    assert "劳模创新工作室" not in text


def test_switching_the_set_changes_the_annual_summarys_self_check(master, ledger, tmp_path):
    job = Job(ledger, YEAR, master)
    eight, six = tmp_path / "eight.pdf", tmp_path / "six.pdf"
    document("annual").write(job, eight)
    musthaves.choose(ledger, "six_haves")
    document("annual").write(job, six)
    before, after = flat(eight), flat(six)
    assert "“八个必有”自查" in before and "有职工参与" in before and "六有" not in before
    assert "“六有”自查" in after and "有规划和课题" in after and "有职工参与" not in after
