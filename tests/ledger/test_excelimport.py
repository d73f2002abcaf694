"""An old Excel ledger brought in (issue 14 §3): the messy sheet read as people keep it, rows
checked as a paste's are, nothing written before the import, the same rows twice adding
nothing, a changed row shown as a difference, bad files refused with a clear message."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import excelimport as I
from laomo_desktop.ledger import excelread as X
from laomo_desktop.ledger import paste
from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, AuditEntry
from laomo_desktop.work import Cancelled, drive
from sample_ledger import build

OLD = Path(__file__).parents[1] / "fixtures" / "old_ledger.xlsx"


@pytest.fixture
def u(ledger, tmp_path):
    return build(ledger, tmp_path)


def snapshot() -> tuple[int, ...]:
    return (AuditEntry.select().count(),
            *(MODELS[k.name].select().count() for k in S.KINDS))


def sheet(name: str) -> X.SheetInfo:
    return X.pick(X.inspect(OLD), name)


def live(kind: str, studio: str) -> list[dict]:
    return R.list_records(kind, studio)


# --- reading the workbook -------------------------------------------------------------------

def test_each_sheet_is_suggested_its_kind_and_its_header_found_under_the_title():
    infos = {i.name: i for i in X.inspect(OLD)}
    assert {n: i.kind for n, i in infos.items()} == {
        "成员名单": "member", "活动及培训记录": "activity", "创新成果": "result",
        "经济效益": "benefit", "经费收支": "fund", "设备设施": "equipment", "管理制度": "rule",
        "荣誉": "honour", "师徒结对": "mentorship"}
    assert {i.header_line for i in infos.values()} == {3}  # merged title, a line, the header
    assert infos["经费收支"].headers[:2] == ("序号", "日期")


def test_a_sheet_named_otherwise_is_suggested_by_its_headers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2023 年"])
    ws.append(["序号", "成果名称", "成果类型", "完成日期"])
    ws.append([1, "新工具", "技术革新", "2023.5.6"])
    wb.save(tmp_path / "a.xlsx")
    (info,) = X.inspect(tmp_path / "a.xlsx")
    assert (info.kind, info.header_line) == ("result", 2)


@pytest.mark.parametrize("cell", ["合计", "合  计", "小计：", "本月合计", "3月小计", "三季度小计",
                                  "2023年度总计", "累计合计"])
def test_totals_rows_are_known_by_their_words(cell):
    assert X.is_total((None, cell, 1200))


@pytest.mark.parametrize("cell", ["合计划", "材料费", "年度计划合计完成情况"])
def test_rows_that_only_mention_a_total_are_kept(cell):
    assert not X.is_total((None, cell, 1200))


def test_a_sheet_that_states_a_wrong_size_is_read_whole(tmp_path):
    """Some programs write a sheet's size (its dimension) wrong; openpyxl's read-only mode
    would believe it and stop there."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "荣誉名称", "荣誉级别", "获得年度"])
    for i in range(50):
        ws.append([i, f"荣誉{i}", "市级", 2020])
    wb.save(tmp_path / "d.xlsx")
    with zipfile.ZipFile(tmp_path / "d.xlsx") as zin, \
            zipfile.ZipFile(tmp_path / "lying.xlsx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(b'ref="A1:D51"', b'ref="A1:B10"')
            zout.writestr(item, data)
    info = X.inspect(tmp_path / "lying.xlsx")[0]
    assert info.headers == ("序号", "荣誉名称", "荣誉级别", "获得年度") and info.size == 10
    assert len(drive(X.read_steps(tmp_path / "lying.xlsx", info)).values) == 50


def test_blank_lines_and_totals_rows_are_skipped_and_counted():
    s = drive(X.read_steps(OLD, sheet("经费收支")))
    assert len(s.values) == 108  # 12 months × 9 entries
    assert s.totals == 12 and s.blank >= 11
    assert not any(X.is_total(v) for v in s.values)


def test_serial_columns_are_not_imported_and_headers_with_spaces_match():
    cols = I.columns_for("member", sheet("成员名单"))
    by_header = {c.header: c for c in cols}
    assert by_header["序号"].field is None and "序号" in str(by_header["序号"].reason)
    assert by_header["姓  名"].field.name == "name"
    assert by_header["加入时间"].field.name == "joined_on"
    assert by_header["是否党员"].field is None  # not a name the ledger knows: mapped by hand


@pytest.mark.parametrize(("value", "ftype", "wan", "text"), [
    ("2023.5.6", S.DATE, False, "2023.5.6"),          # the paste reads it (ledger.typed)
    (45052, S.DATE, False, "2023-05-06"),             # an Excel serial number
    (45052.0, S.DATE, False, "2023-05-06"),
    (date(2023, 5, 6), S.DATE, False, "2023-05-06"),
    ("1.5万元", S.MONEY, False, "15000"),
    ("0.25万", S.MONEY, False, "2500"),
    (8.83, S.MONEY, True, "88300"),                   # a column in 万元
    ("¥1,200元", S.MONEY, False, "¥1,200元"),           # the paste reads it
    (1200.0, S.MONEY, False, "1200"),
    (0.1 + 0.2, S.FLOAT, False, "0.3"),
    ("李  明", S.TEXT, False, "李明"),
    ("张 小 明", S.TEXT, False, "张小明"),
    ("QC 方法培训", S.TEXT, False, "QC 方法培训"),
])
def test_cells_are_read_as_people_mean_them(value, ftype, wan, text):
    f = S.Field("x", "x", "x", ftype)
    assert X.cell_text(value, f, wan) == text


# --- the preview -----------------------------------------------------------------------------

def test_the_preview_writes_nothing_and_reads_every_date_form_and_formula(u):
    before = snapshot()
    ip = I.preview(OLD, sheet("活动及培训记录"), "activity", u["A"], today=date(2026, 6, 1))
    assert snapshot() == before
    assert ip.count(I.NEW) == 144 and ip.count(I.ERROR) == 0
    dates = [r.values["date"] for r in ip.preview.rows]
    # 2023年1月4日, a date cell, the serial number 44937 (Excel: 2023-01-11), 2023/1/13, 2023.1.15
    assert dates[:5] == ["2023-01-04", "2023-01-10", "2023-01-11", "2023-01-13", "2023-01-15"]
    assert all(len(d) == 10 for d in dates)
    assert ip.totals == 12 and ip.lines[0] == 4


def test_money_in_wan_and_formulas_take_their_values(u):
    ip = I.preview(OLD, sheet("经济效益"), "benefit", u["A"], today=date(2026, 6, 1))
    assert ip.count(I.ERROR) == 0 and ip.totals == 1
    amounts = [r.values["amount_fen"] for r in ip.preview.rows]
    assert amounts[2] == 9 * 10000 * 100  # =4.5*2 万元, the formula's cached value
    eq = I.preview(OLD, sheet("设备设施"), "equipment", u["A"], today=date(2026, 6, 1))
    assert eq.preview.rows[0].values["value_fen"] == 1200 * 100  # =C4*D4


def test_names_with_spaces_find_the_members(u):
    ip = I.preview(OLD, sheet("师徒结对"), "mentorship", u["A"], today=date(2026, 6, 1))
    assert ip.count(I.ERROR) == 0
    assert {r.values["master"] for r in ip.preview.rows} == {u["liming"], u["wangfang"],
                                                             u["zhangwei"]}


def test_a_cell_the_ledger_refuses_is_an_error_of_that_cell(u, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "荣誉"
    ws.append(["序号", "荣誉名称", "荣誉级别", "获得年度"])
    ws.append([1, "工人先锋号", "宇宙级", 2020])
    ws.append([2, "五一劳动奖状", "省级", 2021])
    wb.save(tmp_path / "h.xlsx")
    ip = I.preview(tmp_path / "h.xlsx", X.inspect(tmp_path / "h.xlsx")[0], "honour", u["A"])
    assert ip.status == [I.ERROR, I.NEW]
    assert "level" in ip.preview.rows[0].errors


def test_mapping_by_header_or_letter_overrides_the_match(u):
    info = sheet("成员名单")
    cols = I.columns_for("member", info, {"是否党员": "中共党员", "J": "-"})
    by_header = {c.header: c.field.name if c.field else None for c in cols}
    assert by_header["是否党员"] == "party_member" and by_header["联系电话"] is None
    with pytest.raises(LaomoError, match="没有“工号”这一列"):
        I.columns_for("member", info, {"工号": "name"})
    with pytest.raises(LaomoError, match="没有“薪酬”这一项"):
        I.columns_for("member", info, {"岗位": "薪酬"})


# --- importing ---------------------------------------------------------------------------------

def test_importing_adds_the_rows_once_with_audit_and_again_adds_nothing(u):
    info = sheet("经费收支")
    ip = I.preview(OLD, info, "fund", u["A"])
    before = len(live("fund", u["A"]))
    audits = AuditEntry.select().count()
    uids = drive(I.import_steps(ip))
    assert len(uids) == 108 == len(live("fund", u["A"])) - before
    assert AuditEntry.select().count() == audits + 108
    amounts = sorted(R.get("fund", x)["amount_fen"] for x in uids)
    assert all(a % 5000 == 0 and a > 0 for a in amounts)  # 元, 万元, ¥, 1,200元, formulas
    again = I.preview(OLD, info, "fund", u["A"])
    assert again.count(I.KNOWN) == 108 and again.count(I.NEW) == 0
    assert drive(I.import_steps(again)) == []
    assert len(live("fund", u["A"])) == before + 108


def test_a_changed_row_is_shown_as_a_difference_not_added(u):
    ip = I.preview(OLD, sheet("成员名单"), "member", u["A"])
    liming = ip.lines.index(4)  # 李  明, already a member, with a post the ledger lacks
    assert ip.status[liming] == I.DIFFERENT
    assert "post" in ip.diffs[liming] and "空" in ip.diffs[liming]["post"]
    before = len(live("member", u["A"]))
    drive(I.import_steps(ip))
    names = [m["name"] for m in live("member", u["A"])]
    assert names.count("李明") == 1 and len(names) == before + ip.count(I.NEW)


def test_a_row_repeated_in_the_sheet_is_imported_once(u, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "荣誉"
    ws.append(["荣誉名称", "荣誉级别", "获得年度", "授予单位"])
    ws.append(["工人先锋号", "市级", 2020, "市总工会"])
    ws.append(["工人先锋号", "市级", 2020, "市总工会"])     # copied twice
    ws.append(["工人先锋号", "市级", 2020, "省总工会"])     # the same honour, another body
    wb.save(tmp_path / "h.xlsx")
    ip = I.preview(tmp_path / "h.xlsx", X.inspect(tmp_path / "h.xlsx")[0], "honour", u["A"])
    assert ip.status == [I.NEW, I.REPEAT, I.ERROR]
    assert ip.notes[1] == "与第 2 行相同，不重复导入"
    assert ip.preview.rows[2].errors[paste.ROW_KEY] == "与第 2 行是同一条记录，但内容不同"
    assert "表中重复的行 1 行" in ip.summary()
    assert len(drive(I.import_steps(ip))) == 1


def test_undo_of_an_import_is_the_paste_undo(u):
    ip = I.preview(OLD, sheet("荣誉"), "honour", u["A"])
    uids = drive(I.import_steps(ip))
    paste.trash_added("honour", uids)
    assert I.preview(OLD, sheet("荣誉"), "honour", u["A"]).count(I.NEW) == 10
    paste.restore_added("honour", uids)
    assert I.preview(OLD, sheet("荣誉"), "honour", u["A"]).count(I.KNOWN) == 10


# --- bad input -----------------------------------------------------------------------------

def test_a_file_that_is_not_a_workbook_is_named_in_the_message(tmp_path):
    (tmp_path / "笔记.xlsx").write_text("不是表格", encoding="utf-8")
    with pytest.raises(LaomoError, match="“笔记.xlsx”不是 Excel 工作簿"):
        X.inspect(tmp_path / "笔记.xlsx")
    with zipfile.ZipFile(tmp_path / "文档.xlsx", "w") as z:  # a zip, but not a workbook
        z.writestr("word/document.xml", "<w/>")
    with pytest.raises(LaomoError, match="不是 Excel 工作簿"):
        X.inspect(tmp_path / "文档.xlsx")
    with pytest.raises(LaomoError, match="找不到文件"):
        X.inspect(tmp_path / "没有.xlsx")


def _compound_file(path: Path, stream: str) -> None:
    """The start of an OLE compound file whose directory names `stream` (what an encrypted
    .xlsx or an .xls holds): the signature, then the directory entry's UTF-16 name."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                     + stream.encode("utf-16-le") + bytes(64))


def test_a_password_protected_workbook_is_said_to_be_encrypted(tmp_path):
    _compound_file(tmp_path / "加密.xlsx", "EncryptionInfo")
    with pytest.raises(LaomoError, match="设有打开密码"):
        X.inspect(tmp_path / "加密.xlsx")


def test_an_old_xls_says_how_to_convert_it(tmp_path):
    _compound_file(tmp_path / "旧台账.xls", "Workbook")
    with pytest.raises(LaomoError, match=r"另存为.*\*\.xlsx"):
        X.inspect(tmp_path / "旧台账.xls")


def test_a_long_sheet_is_read_in_steps_and_cancel_writes_nothing(u, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "收支", "支出类别", "金额", "摘要"])
    for i in range(12_000):
        ws.append([f"2023.{1 + i % 12}.{1 + i % 28}", "支出", "材料", 100 + i, f"第{i}笔"])
    wb.save(tmp_path / "long.xlsx")
    info = X.inspect(tmp_path / "long.xlsx")[0]
    steps = []
    before = snapshot()
    job = I.preview_steps(tmp_path / "long.xlsx", info, "fund", u["A"])
    with pytest.raises(Cancelled):
        drive(job, steps.append, lambda: len(steps) >= 3)
    assert len(steps) == 3 and steps[1].total >= 12_000 and steps[1].done < 12_000
    assert snapshot() == before
    ip = I.preview(tmp_path / "long.xlsx", info, "fund", u["A"])
    assert ip.count(I.NEW) == 12_000
    with pytest.raises(Cancelled):
        drive(I.import_steps(ip), cancelled=lambda: True)
    assert snapshot() == before


def test_formulas_without_a_saved_result_are_pointed_out(u, tmp_path):
    """openpyxl (and other programs that do not calculate) save formulas without results."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "设备"
    ws.append(["设备名称", "单价", "数量", "价值"])
    ws.append(["测试仪", 500, 2, "=B2*C2"])
    ws.append(["工具柜", 800, 1, 800])
    wb.save(tmp_path / "f.xlsx")
    ip = I.preview(tmp_path / "f.xlsx", X.inspect(tmp_path / "f.xlsx")[0], "equipment", u["A"])
    assert ip.preview.rows[0].values.get("value_fen") is None
    assert ip.warnings() == ["工作表“设备”中有 1 个公式没有保存计算结果（文件由其他程序生成，未在 Excel 或 "
                             "WPS 中保存过），这些单元格读作空白。请用 Excel 或 WPS 打开并保存该文件后再导入。"]
    fixture = I.preview(OLD, sheet("设备设施"), "equipment", u["A"])  # saved with results
    assert fixture.unsaved == 0 and fixture.warnings() == []


def test_a_sheet_without_rows_under_its_header_says_so(u, tmp_path):
    shutil.copy(OLD, tmp_path / "x.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["成果名称", "成果类型"])
    wb.save(tmp_path / "empty.xlsx")
    info = X.inspect(tmp_path / "empty.xlsx")[0]
    with pytest.raises(LaomoError, match="没有数据行"):
        I.preview(tmp_path / "empty.xlsx", info, "result", u["A"])

