"""A grant's use report as the union reads it: the grant's facts, each expense drawn on it with
the running total, the balance, and the expenses against its terms in words — in the PDF, the
Word document and the workbook alike, written by `laomo report grant` from the registry."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest

from helpers import pdftotext, run_cli
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.documents import BY_KEY, Job, report_commands

TODAY = date(2025, 6, 15)


@pytest.fixture
def grant(ledger) -> dict:
    studio = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某重型机械厂",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    g = R.create("grant", studio["uid"], {
        "name": "2025年省级示范工作室补助", "body": "江苏省总工会", "doc_no": "苏工发〔2025〕12号",
        "amount_fen": 5_000_000, "received_on": "2025-03-10", "categories": "equipment,training",
        "period_from": "2025-03-01", "period_to": "2025-12-31",
        "conditions": "专款专用，不得用于发放人员补贴。"}, today=TODAY)
    for day, cat, amount, note in (("2025-04-12", "equipment", 1_860_000, "购置数控铣床刀具一套"),
                                   ("2025-06-03", "material", 85_000, "办公耗材"),
                                   ("2026-01-08", "training", 120_000, "年后培训场地费")):
        R.create("fund", studio["uid"], {"date": day, "direction": "expense", "category": cat,
                                         "amount_fen": amount, "note": note,
                                         "grant": g["uid"]}, today=TODAY)
    return {"studio": studio, "grant": g, "paths": ledger}


FACTS = ("2025年省级示范工作室补助使用情况报告", "江苏省总工会", "苏工发〔2025〕12号", "50,000.00",
         "2025年3月10日", "设备、培训", "2025年3月1日 至 2025年12月31日", "专款专用")
BALANCE = "补助金额 50,000.00 元，已列支 3 笔共 20,650.00 元，结余 29,350.00 元。"
OUTSIDE = "2025年6月3日支出 850.00 元（办公耗材）：支出类别“材料”不在其可列支类别（设备、培训）内。"
AFTER = "2026年1月8日支出 1,200.00 元（年后培训场地费）：晚于使用期限（至 2025年12月31日）。"


def _write(g: dict, suffix: str, tmp_path):
    out = tmp_path / f"grant{suffix}"
    BY_KEY["grant"].write(Job(g["paths"], 2025, g["studio"]["uid"],
                              record_uid=g["grant"]["uid"]), out)
    return out


def test_the_pdf_states_the_grant_each_expense_the_balance_and_the_flags(grant, tmp_path):
    text = pdftotext(_write(grant, ".pdf", tmp_path)).replace("\n", "")
    for fact in FACTS + (BALANCE, OUTSIDE, AFTER, "购置数控铣床刀具一套", "18,600.00", "超出可列支类别"):
        assert fact in text, fact
    assert "以下 2 笔支出与补助资金的使用规定不符" in text


def test_the_word_document_says_the_same(grant, tmp_path):
    d = docx.Document(str(_write(grant, ".docx", tmp_path)))
    text = "\n".join(p.text for p in d.paragraphs) + "\n".join(
        c.text for t in d.tables for r in t.rows for c in r.cells)
    for fact in FACTS + (BALANCE, OUTSIDE, AFTER, "超过使用期限"):
        assert fact in text, fact


def test_the_workbook_has_numbers_a_sum_and_the_flags(grant, tmp_path):
    ws = openpyxl.load_workbook(_write(grant, ".xlsx", tmp_path)).active
    rows = [r for r in ws.iter_rows(values_only=True)]
    expenses = [r for r in rows if isinstance(r[0], int)]
    assert [(r[3], r[5], r[6], r[7]) for r in expenses] == [
        ("购置数控铣床刀具一套", 18_600, 18_600, None), ("办公耗材", 850, 19_450, "超出可列支类别"),
        ("年后培训场地费", 1_200, 20_650, "超过使用期限")]
    total = next(r for r in rows if r[0] == "合计")
    assert total[5].startswith("=SUM(F")
    assert next(r[:2] for r in rows if r[0] == "结余（元）") == ("结余（元）", 29_350)
    assert OUTSIDE in [r[0] for r in rows]


def test_the_registry_offers_it_to_laomo_report_with_the_grant_by_name(grant, tmp_path, capsys):
    assert [d.key for d in report_commands()["grant"]] == ["grant"]
    out = tmp_path / "报告.pdf"
    code, said, _ = run_cli(capsys, "--data-dir", str(grant["paths"].root), "report", "grant",
                            "--studio", "李明", "--grant", "省级示范", "--out", str(out))
    assert code == 0 and out.exists()
    assert BALANCE in pdftotext(out).replace("\n", "")
    code, _, err = run_cli(capsys, "--data-dir", str(grant["paths"].root), "report", "grant",
                           "--studio", "李明", "--grant", "市级", "--out", str(out))
    assert code != 0 and "本工作室没有补助资金“市级”" in err


def test_laomo_check_lists_the_flagged_expenses_as_advice(grant, capsys):
    code, said, _ = run_cli(capsys, "--data-dir", str(grant["paths"].root), "check")
    assert code == 0
    assert "列支补助资金“2025年省级示范工作室补助”，但支出类别“材料”不在其可列支类别（设备、培训）内" in said
    assert "，但晚于使用期限（至 2025年12月31日）" in said
