"""Every section: add, edit, delete to the recycle bin, restore, undo — through real widgets."""

from __future__ import annotations

import pytest

from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import MODELS, AuditEntry
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

NEW = {
    "member": lambda u: {"name": "新来的徒弟", "role": "member"},
    "mentorship": lambda u: {"master": u["liming"], "apprentice_name": "外单位学员",
                             "agreement_date": "2025-09-01"},
    "rule": lambda u: {"title": "安全管理制度", "category": "management"},
    "equipment": lambda u: {"name": "示波器", "quantity": 1, "value_fen": 123456},
    "plan": lambda u: {"year": 2024, "targets": [{"metric": "results", "value": 5}]},
    "project": lambda u: {"title": "变压器降噪", "type": "renovation",
                          "start_date": "2025-02-01", "status": "approved",
                          "participants": [{"member": u["wangfang"]}]},
    "activity": lambda u: {"date": "2025-08-08", "type": "training", "topic": "新员工培训",
                           "outside_count": 4, "attendees": [{"member": u["liuyang"]}]},
    "result": lambda u: {"title": "快速接线钳", "type": "five_small", "date": "2025-07-07",
                         "contributors": [{"member": u["zhangwei"], "name": None},
                                          {"member": None, "name": "外单位专家"}]},
    "benefit": lambda u: {"year": 2025, "amount_fen": 500000, "kind": "saving",
                          "basis": "节约材料费 5000 元"},
    "fund": lambda u: {"date": "2025-09-09", "direction": "income", "source": "award",
                       "amount_fen": 880000},
    "honour": lambda u: {"name": "工人先锋号", "level": "city", "year": 2025},
    "proposal": lambda u: {"title": "巡检路线优化", "date": "2025-03-03", "status": "proposed",
                           "proposers": [{"member": u["wangfang"]}]},
    "qc_group": lambda u: {"year": 2025, "name": "降损QC小组", "topic": "降低线损率",
                           "stage": "plan", "members": [{"member": u["wangfang"]}]},
    "firm_service": lambda u: {"date": "2025-04-04", "firm": "江城机械厂", "problem": "电机过热",
                               "servers": [{"member": u["wangfang"]}]},
    "notice": lambda u: {"issuer": "市总工会", "title": "关于报送成果的通知", "due_on": "2025-06-09",
                         "items": [{"what": "创新成果登记表", "source": "book_results"}]},
    "grant": lambda u: {"name": "市级示范补助", "body": "市总工会", "amount_fen": 1_000_000,
                        "received_on": "2025-04-01", "categories": "equipment,training"},
    "alliance": lambda u: {"name": "市装备制造工作室联盟", "role": "member",
                           "members": [{"studio_name": "王强工作室", "role": "leader"}]},
}
EDIT = {"member": ("post", "检修班长"), "mentorship": ("goal", "取得技师证书"),
        "rule": ("revision", "V2"), "equipment": ("note", "放在二楼"),
        "plan": ("measures", "每月一次培训"), "project": ("partners", "某大学"),
        "activity": ("place", "二楼会议室"), "result": ("applied_where", "全市供电所"),
        "benefit": ("certified_by", "财务部"), "fund": ("voucher_no", "PZ-001"),
        "honour": ("body", "市总工会"), "proposal": ("department", "运检部"),
        "qc_group": ("registration_no", "QC-2025-01"), "firm_service": ("solution", "更换轴承"),
        "notice": ("doc_no", "市工发〔2025〕9号"), "grant": ("doc_no", "市工发〔2025〕3号"),
        "alliance": ("lead_studio", "王强工作室")}
KINDS = [s.key for s in SECTIONS if s.kind and s.kind != "attachment"]


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    return open_window(u["A"], 0), u  # all years


def fill_and_save(values: dict):
    def fill(dlg):
        for name, value in values.items():
            dlg.editors[name].set(value)
        dlg.accept()
    return fill


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    page = win.pages[key]
    assert page.isVisible()
    return page


@pytest.mark.parametrize("key", KINDS)
def test_add_edit_delete_restore_undo(window, driver, qtbot, key):
    win, u = window
    ctx = win.ctx
    page = open_section(win, key)
    before = page.model.total_count()

    driver.fill = fill_and_save(NEW[key](u))
    page.new_button.click()
    created = driver.opened[-1].saved
    assert created is not None, driver.opened[-1].errors
    assert page.model.total_count() == before + 1
    assert page.current_uid() == created["uid"], "the new record is selected"
    assert page.count.text() == f"{before + 1} 条记录"

    field, value = EDIT[key]
    driver.fill = fill_and_save({field: value})
    page.edit_current()
    assert R.get(key, created["uid"])[field] == value

    page.delete_current()
    assert R.get(key, created["uid"])["deleted_at"] is not None
    assert page.model.total_count() == before
    recycle = open_section(win, "recycle")
    assert recycle.model.row_of_uid(created["uid"]) >= 0
    recycle.table.selectRow(recycle.model.row_of_uid(created["uid"]))
    recycle.restore_button.click()
    assert R.get(key, created["uid"])["deleted_at"] is None
    page = open_section(win, key)
    assert page.model.total_count() == before + 1

    ctx.undo_stack.undo()  # the restore
    assert R.get(key, created["uid"])["deleted_at"] is not None
    ctx.undo_stack.undo()  # the delete
    assert R.get(key, created["uid"])["deleted_at"] is None
    ctx.undo_stack.undo()  # the edit
    assert R.get(key, created["uid"])[field] != value
    ctx.undo_stack.undo()  # the creation: into the recycle bin, never lost
    assert R.get(key, created["uid"])["deleted_at"] is not None
    ctx.undo_stack.redo()
    assert R.get(key, created["uid"])["deleted_at"] is None


def test_a_validation_error_shows_by_the_field_and_nothing_is_saved(window, driver,
                                                                    monkeypatch):
    win, u = window
    page = open_section(win, "member")
    rows, audits = MODELS["member"].select().count(), AuditEntry.select().count()

    def fill(dlg):
        dlg.editors["name"].set("")
        dlg.editors["role"].set("leader")
        dlg.editors["joined_on"].set("2020-05-01")
        dlg.editors["left_on"].set("2019-01-01")
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    dlg = driver.opened[-1]
    assert dlg.result() == 0 and dlg.saved is None
    assert not dlg.errors["name"].isHidden()
    assert "姓名" in dlg.errors["name"].text()
    assert "退出日期" in dlg.errors["left_on"].text()
    assert dlg.errors["sex"].isHidden()
    assert dlg.editors["joined_on"].get() == "2020-05-01", "what was typed stays"
    assert MODELS["member"].select().count() == rows
    assert AuditEntry.select().count() == audits

    def second_leader(dlg):
        dlg.editors["name"].set("又一个领衔人")
        dlg.editors["role"].set("leader")
        dlg.accept()

    # a second leader is a change of leader, which asks for its date: declined here
    from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog

    monkeypatch.setattr(ChangeLeaderDialog, "exec", lambda self: 0)
    driver.fill = second_leader
    page.new_button.click()
    assert "领衔人" in driver.opened[-1].errors["role"].text()
    assert MODELS["member"].select().count() == rows


def test_search_box_filters_as_you_type_and_counts(window, qtbot):
    win, u = window
    page = open_section(win, "activity")
    total = page.model.total_count()
    for ch in "培训":  # typed one character at a time (QTest cannot type CJK offscreen)
        page.search.insert(ch)
    shown = page.model.rowCount()
    assert 0 < shown < total
    assert page.count.text() == f"显示 {shown} / 共 {total} 条"
    page.search.clear()
    assert page.model.rowCount() == total


def test_sorting_by_a_column_orders_the_rows(window):
    win, u = window
    page = open_section(win, "fund")
    col = list(page.section.columns).index("amount_fen")
    from PySide6.QtCore import Qt
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    from laomo_desktop.ui.widgets.tablemodel import RAW_ROLE
    amounts = [page.model.data(page.model.index(r, col), RAW_ROLE)
               for r in range(page.model.rowCount())]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] == 3_000_000


def test_the_year_selector_filters_dated_sections(window):
    win, u = window
    page = open_section(win, "result")
    all_years = page.model.total_count()
    win.year_box.setCurrentIndex(win.year_box.findData(2025))
    assert page.model.total_count() == 4 < all_years


def test_global_search_opens_the_record(window, driver, qtbot):
    win, u = window
    from laomo_desktop.ui.window.search import SearchDialog
    dlg = SearchDialog(win.ctx, win)
    qtbot.addWidget(dlg)
    dlg.query.setText("绝缘操作杆")
    assert dlg.results.count() == 1
    driver.fill = lambda d: None
    dlg.open_current()
    assert win.stack.currentWidget() is win.pages["result"]
    assert driver.opened[-1].record["uid"] == u["r1"]


def test_editing_keeps_attendees_who_are_in_the_recycle_bin(window, driver):
    win, u = window
    R.trash("member", u["liuyang"])
    page = open_section(win, "activity")
    page.select_uid(u["t1"])
    driver.fill = fill_and_save({"place": "二楼会议室"})
    page.edit_current()
    after = R.get("activity", u["t1"])
    assert after["place"] == "二楼会议室"
    assert {"member": u["liuyang"]} in after["attendees"] and len(after["attendees"]) == 3


def test_decimals_survive_an_edit_exactly(window, driver):
    win, u = window
    R.update("studio", u["A"], {"room_area": 12345.25})
    driver.fill = fill_and_save({"contact_phone": "12345678"})
    win.edit_studio()
    assert R.get("studio", u["A"])["room_area"] == 12345.25


def test_a_missing_attachment_file_stops_the_save(window, driver, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    win, u = window
    page = open_section(win, "rule")
    before = page.model.total_count()
    gone = tmp_path / "gone.pdf"
    gone.write_text("x")

    def fill(dlg):
        dlg.editors["title"].set("考勤制度")
        dlg.editors["category"].set("management")
        dlg.attachments.add_paths([gone])
        gone.unlink()
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    assert driver.opened[-1].result() == 0 and driver.opened[-1].saved is None
    assert page.model.total_count() == before and "找不到文件" in warnings[-1]


def test_an_attachment_failing_after_the_save_closes_as_saved(window, driver, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    win, u = window
    page = open_section(win, "rule")
    before = page.model.total_count()
    f = tmp_path / "scan.pdf"
    f.write_text("scan")
    import shutil
    shutil.rmtree(win.ctx.paths.attachments)
    win.ctx.paths.attachments.write_text("not a folder")  # the blob store cannot take it

    def fill(dlg):
        dlg.editors["title"].set("考勤制度")
        dlg.editors["category"].set("management")
        dlg.attachments.add_paths([f])
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    dlg = driver.opened[-1]
    assert dlg.result() == 1 and dlg.saved is not None, "the record is saved once"
    assert page.model.total_count() == before + 1
    assert "已保存" in warnings[-1] or "saved" in warnings[-1]
    win.ctx.undo_stack.undo()
    assert R.get("rule", dlg.saved["uid"])["deleted_at"] is not None
