"""Each number a document prints says what it counts, in the unit the user typed it in: patents
filed, granted and counted never contradict one another; money targets are 万元 with two
decimals and their completion is worked out from the amounts themselves."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import pdftotext, run_cli
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.reports.union import write_union_pdf, write_union_xlsx
from laomo_desktop.reports.wording import completion, wan, yuan
from laomo_desktop.store.database import close_ledger, open_ledger
from sample_ledger import build

LATER = date(2026, 12, 31)


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def flat(text: str) -> str:
    return "".join(text.split())


def add_patents_granted_in_2025_for_2024_results(u: dict) -> None:
    for title, granted in (("旧专利甲", "2025-03-01"), ("旧专利乙", "2025-06-01")):
        R.create("result", u["A"], {"title": title, "type": "patent", "date": "2024-05-01",
                                    "patent_kind": "utility", "patent_status": "granted",
                                    "patent_filed_on": "2024-05-01",
                                    "patent_granted_on": granted}, today=LATER)


def test_patent_counts_say_what_each_counts_and_never_contradict(ledger, sample, tmp_path):
    add_patents_granted_in_2025_for_2024_results(sample)
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    text = flat(pdftotext(pdf))
    # was: "其中专利 2 件（本年获授权 3 件）" — three granted out of two
    assert "本年获授权" not in text
    assert "本年度完成专利类成果2件（截至2025年底已授权1件）" in text
    assert "本年度提交专利申请1件（按申请日计）" in text
    assert "本年度获得授权的专利3件（按授权日计，含往年完成的专利类成果）" in text
    packet = tmp_path / "packet.pdf"
    write_packet(ledger, sample["A"], 2025, "eight_must_haves", [], packet)
    assert "本年度获得授权的专利3件（按授权日计" in flat(pdftotext(packet))


def test_the_union_summary_says_what_its_patent_column_counts(sample, tmp_path):
    import openpyxl

    pdf, xlsx = tmp_path / "union.pdf", tmp_path / "union.xlsx"
    write_union_pdf(2025, None, pdf)
    text = flat(pdftotext(pdf))
    assert "专利为本年度完成的专利类成果（按成果完成日期计，含尚未授权的）" in text
    write_union_xlsx(2025, None, xlsx)
    cells = [c.value for row in openpyxl.load_workbook(xlsx)["汇总表"].iter_rows() for c in row]
    assert any(isinstance(v, str) and "专利为本年度完成的专利类成果" in v for v in cells)


def test_a_money_target_of_50_wan_prints_50_00_and_its_completion(ledger, sample, tmp_path,
                                                                  capsys):
    R.update("plan", sample["plan"], {"targets": [
        {"metric": "training_sessions", "value": 4},
        {"metric": "benefit_fen", "value": 50_000_000}]})
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    row = "经济效益（万元）50.0012.3524.7%未完成"  # 12.3456 of 50 万元
    assert row in flat(pdftotext(pdf, layout=True))
    packet = tmp_path / "packet.pdf"
    write_packet(ledger, sample["A"], 2025, "eight_must_haves", [], packet)
    assert row in flat(pdftotext(packet, layout=True))
    close_ledger()
    code, out, _ = run_cli(capsys, "--data-dir", str(ledger.root), "stats", "--studio",
                           sample["A"], "--year", "2025")
    open_ledger(ledger)
    assert code == 0
    assert "✗ 经济效益（万元）：目标 50.00，完成 12.35（24.7%）" in out
    assert "✗ 培训场次：目标 4，完成 3（75%）" in out
    assert "成果 4 项（其中专利类成果 2 件，截至 2025 年底已授权 1 件）" in out


def test_amounts_and_percentages_round_as_a_person_would():
    assert wan(50_000_000) == "50.00" and wan(125_000) == "0.13" and wan(124_999) == "0.12"
    assert wan(-125_000) == "-0.13" and wan(123_456_789_000) == "123,456.79"
    assert yuan(1_234_567) == "12,345.67" and yuan(-5) == "-0.05" and yuan(0) == "0.00"
    assert completion(3, 4, met=False) == "75%"
    assert completion(123_456, 500_000, met=False) == "24.7%"
    assert completion(9_999, 10_000, met=False) == "99.9%"  # never "100%" for an unmet target
    assert completion(15, 1, met=True) == "1500%"  # far over: not capped at 999%
    assert completion(0, 0, met=True) == "100%"
