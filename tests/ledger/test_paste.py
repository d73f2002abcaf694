"""Rows pasted from Excel/WPS: read, matched by header, checked with the rules of one record,
nothing written until they are added, then added together (issue 11 §3)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import clipboard
from laomo_desktop.ledger import paste as P
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, AuditEntry, ImportedStudio
from sample_ledger import build


@pytest.fixture
def u(ledger, tmp_path):
    return build(ledger, tmp_path)


def tsv(*rows: str) -> str:
    """Lines as Excel puts them on the clipboard: CRLF after each, one at the end."""
    return "".join(r + "\r\n" for r in rows)


def snapshot() -> tuple[int, ...]:
    return (AuditEntry.select().count(),
            *(MODELS[k.name].select().count() for k in S.KINDS))


# --- the clipboard's text -----------------------------------------------------------------

cell_text = st.text(alphabet=st.sampled_from(list('ab 中文\t\n\r"，,') + ["\u3000"]), max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=5))
def test_copied_rows_read_back_cell_for_cell(rows):
    rows = [r for r in rows if any(c.strip() for c in r)]  # a sheet drops blank rows
    assert clipboard.parse_tsv(clipboard.to_tsv(rows)) == rows


def test_cells_with_tabs_line_breaks_and_quotes_are_quoted_as_excel_does():
    text = clipboard.to_tsv([["名称", "说明"], ['他说"好"', "第一行\n第二行"], ["a\tb", "plain"]])
    assert text == ('名称\t说明\r\n"他说""好"""\t"第一行\n第二行"\r\n"a\tb"\tplain\r\n')


def test_excel_text_with_a_quoted_multi_line_cell_is_one_row():
    text = '课题名称\t课题内容\r\n降噪\t"第一段\r\n第二段"\r\n\r\n'
    assert clipboard.parse_tsv(text) == [["课题名称", "课题内容"], ["降噪", "第一段\r\n第二段"]]


def test_the_html_table_escapes_every_cell():
    out = clipboard.to_html([["名称"], ["<b>粗体</b>&amp;"]])
    assert "<th>名称</th>" in out
    assert "<td>&lt;b&gt;粗体&lt;/b&gt;&amp;amp;</td>" in out


# --- headers ------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "header", "field"), [
    ("member", "姓名", "name"), ("member", "名字", "name"), ("member", " 姓 名 ", "name"),
    ("member", "出生日期", "birth_date"), ("member", "出生时间", "birth_date"),
    ("fund", "金额", "amount_fen"), ("fund", "金额（元）", "amount_fen"),
    ("fund", "金额(元)", "amount_fen"), ("fund", "金额 （元）", "amount_fen"),
    ("fund", "日期", "date"), ("fund", "时间", "date"), ("fund", "Amount", "amount_fen"),
    ("activity", "日期", "date"), ("activity", "活动时间", "date"),
    ("benefit", "金额（元）", "amount_fen"), ("equipment", "名称", "name"),
    ("mentorship", "徒弟（本工作室成员）", "apprentice"), ("mentorship", "徒弟", "apprentice"),
    ("mentorship", "带徒期限(月)", "period_months"), ("honour", "获得者", "holder"),
])
def test_a_header_finds_its_field_in_the_usual_variants(kind, header, field):
    [col] = P.match_headers(S.kind(kind), [header])
    assert col.field is not None and col.field.name == field


def test_unknown_and_repeated_columns_are_not_imported_and_say_why():
    cols = P.match_headers(S.kind("member"), ["姓名", "备注", "名字", ""])
    assert [c.field.name if c.field else None for c in cols] == ["name", None, None, None]
    assert str(cols[1].reason) == "“成员”没有名为“备注”的项目"
    assert str(cols[2].reason) == "前面已有一列对应“姓名”"
    assert str(cols[3].reason) == "这一列没有列名"


def test_text_without_a_header_line_is_refused_and_writes_nothing(u):
    before = snapshot()
    with pytest.raises(LaomoError) as exc:
        P.preview("member", u["A"], tsv("王五\t男\t1985-03-12", "赵六\t女\t1990-01-01"))
    assert "第一行没有可识别的列名" in exc.value.message
    assert "姓名" in exc.value.message
    assert snapshot() == before


@pytest.mark.parametrize(("text", "message"), [("", P.NO_DATA), ("\r\n \t \r\n", P.NO_DATA),
                                               (tsv("姓名\t性别"), P.ONLY_HEADER)])
def test_nothing_to_paste_says_so(u, text, message):
    with pytest.raises(LaomoError) as exc:
        P.preview("member", u["A"], text)
    assert exc.value.message == str(message)


# --- each row checked ---------------------------------------------------------------------

def test_rows_are_read_as_typed_and_checked_with_the_forms_rules(u):
    before = snapshot()
    p = P.preview("member", u["A"], tsv(
        "名字\t性别\t出生日期\t工作室角色\t中共党员\t备注",
        "王五\t男\t1985/3/12\t骨干\t是\t不导入的备注",
        "赵六\t未知\t1985-02-30\t成员\t否\t",
        '"两\n行"\t女\t２０００年１月２日\t\t\t'))
    assert snapshot() == before, "a preview writes nothing"
    assert p.summary() == "可添加 1 行，2 行有错误"
    good, bad, multi = p.rows
    assert good.values == {"name": "王五", "sex": "male", "birth_date": "1985-03-12",
                           "role": "core", "party_member": True}
    assert bad.errors == {"sex": "“性别”的取值“未知”不在可选范围内",
                          "birth_date": "“出生日期”不是有效的日期：1985 年 2 月只有 28 天"}
    assert multi.errors == {"name": "“姓名”只能填一行"}
    assert multi.values["birth_date"] == "2000-01-02"
    assert multi.values["role"] == "member", "an empty role is the form's preset, 成员"
    assert p.notes() == ["未填写“工作室角色”的行按“成员”添加"]
    # the same messages as saving that one record through the services
    with pytest.raises(ValidationError) as exc:
        R.create("member", u["A"], bad.values)
    assert exc.value.errors == bad.errors


def test_money_and_numbers_as_a_sheet_shows_them(u):
    p = P.preview("fund", u["A"], tsv(
        "日期\t收支\t经费来源\t支出类别\t金额（元）\t摘要",
        "2025-3-5\t收入\t工会拨款\t\t¥1,200.50\t上级拨款",
        "2025/3/6 0:00\t支出\t\t材料\t１２００\t买材料",
        "2025-3-7\t支出\t\t材料\t-5\t退款",
        "2025-3-8\t支出\t\t\t12.345\t"))
    a, b, c, d = p.rows
    assert a.ok and a.values["amount_fen"] == 120050 and a.values["source"] == "union"
    assert b.ok and b.values["amount_fen"] == 120000 and b.values["date"] == "2025-03-06"
    assert c.errors == {"amount_fen": "“金额”不能为负数"}
    assert d.errors["amount_fen"].startswith("“金额”不是有效的金额")
    assert d.errors["category"] == "支出必须选择“支出类别”"
    assert p.row_problems(d) == [], "both are shown in their cells"


def test_a_required_field_without_a_column_is_a_problem_of_the_row(u):
    p = P.preview("fund", u["A"], tsv("日期\t金额", "2025-03-05\t100"))
    [row] = p.rows
    assert set(row.errors) == {"direction"}
    assert p.row_problems(row) == ["“收支”不能为空"]


def test_cells_beyond_the_header_are_not_dropped_silently(u):
    p = P.preview("member", u["A"], tsv("姓名\t性别", "王五\t男\t多出来的"))
    assert p.rows[0].errors == {P.ROW_KEY: "这一行有 1 个单元格在表头之外，无法对应到任何一列"}


def test_references_by_name_where_unique(u):
    R.create("member", u["A"], {"name": "王芳", "role": "member"})  # a second 王芳
    p = P.preview("mentorship", u["A"], tsv(
        "师傅\t徒弟（本工作室成员）\t徒弟姓名\t协议签订日期",
        "李明\t刘洋\t\t2025-09-01",
        "王芳\t\t外单位学员\t2025-09-02",
        "不存在的人\t\t学员\t2025-09-03"))
    ok, twin, missing = p.rows
    assert ok.ok and ok.values["master"] == u["liming"] and ok.values["apprentice"] == u["liuyang"]
    assert twin.errors == {"master": "本工作室有 2 条名为“王芳”的成员，无法确定是哪一条，"
                                     "请添加后在表单中选择"}
    assert missing.errors == {"master": "本工作室没有名为“不存在的人”的成员"}


def test_a_second_leader_is_refused_as_the_form_refuses_it(u):
    p = P.preview("member", u["A"], tsv("姓名\t工作室角色", "新领衔人\t领衔人"))
    assert p.rows[0].errors == {"role": "本工作室已有领衔人“李明”，每个工作室只能有一位"
                                        "“工作室角色”为领衔人的在职成员"}


def test_two_plans_for_one_year_in_one_paste(u):
    p = P.preview("plan", u["A"], tsv("年度\t主要措施", "2030年\t甲", "2030 年度\t乙"))
    first, second = p.rows
    assert first.ok and first.values["year"] == 2030
    assert second.errors == {"year": "2030 年的“年度”计划已存在，请直接编辑它"}


def test_an_imported_studio_is_read_only(u):
    ImportedStudio.insert(studio=MODELS["studio"].get(MODELS["studio"].uid == u["A"]).id,
                          fingerprint="x", last_sequence=1,
                          last_package_at="2026-01-01").execute()
    with pytest.raises(LaomoError) as exc:
        P.preview("member", u["A"], tsv("姓名", "王五"))
    assert exc.value.message == str(R.READ_ONLY)


# --- adding -------------------------------------------------------------------------------

def test_only_the_valid_rows_are_added_each_with_its_audit_entry(u):
    before = len(R.list_records("honour", u["A"]))
    p = P.preview("honour", u["A"], tsv(
        "荣誉名称\t荣誉级别\t获得年度\t获得者", "工人先锋号\t市级\t2024\t王芳",
        "坏的\t不知道\t2024\t", "五一劳动奖章\t省级\t2025年\t"))
    uids = P.add(p)
    assert len(uids) == 2
    added = {r["name"]: r for r in R.list_records("honour", u["A"])}
    assert len(added) == before + 2
    assert added["工人先锋号"]["holder"] == u["wangfang"] and added["五一劳动奖章"]["year"] == 2025
    assert "坏的" not in added
    assert AuditEntry.select().where(AuditEntry.record_uid.in_(uids),
                                     AuditEntry.action == "create").count() == 2


def test_adding_is_all_or_nothing(u, monkeypatch):
    p = P.preview("rule", u["A"], tsv("制度名称\t制度类别", "甲\t管理", "乙\t管理"))
    before = snapshot()

    def full_disk(*_args, **_kwargs):
        raise LaomoError("磁盘已满")

    monkeypatch.setattr(P, "_audit", full_disk)  # after the rows are inserted
    with pytest.raises(LaomoError):
        P.add(p)
    assert snapshot() == before


def test_adding_checks_the_rules_again(u):
    """A leader added between the preview and the adding: the pasted leader is refused."""
    R.update("member", u["liming"], {"left_on": "2025-12-31"})
    p = P.preview("member", u["A"], tsv("姓名\t工作室角色", "新领衔人\t领衔人"))
    assert p.rows[0].ok
    R.create("member", u["A"], {"name": "另一位领衔人", "role": "leader"})
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        P.add(p)
    assert "另一位领衔人" in exc.value.message
    assert snapshot() == before


def test_the_added_rows_go_to_the_bin_and_come_back_together(u):
    p = P.preview("rule", u["A"], tsv("制度名称\t制度类别", "甲\t管理", "乙\t管理"))
    uids = P.add(p)
    P.trash_added("rule", uids)
    assert all(R.get("rule", x)["deleted_at"] for x in uids)
    P.restore_added("rule", uids)
    assert not any(R.get("rule", x)["deleted_at"] for x in uids)
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.record_uid == uids[0])
               .order_by(AuditEntry.id)]
    assert actions == ["create", "trash", "restore"]
    assert R.get("rule", uids[0])["version"] == 3


def test_the_added_records_are_stored_as_the_form_stores_them(u):
    """The same record and audit entry as records.create gives for the same values."""
    text = tsv("制度名称\t制度类别\t制定日期\t已上墙", "甲\t管理\t2024/5/1\t是")
    [uid] = P.add(P.preview("rule", u["A"], text))
    pasted = R.get("rule", uid)
    typed = R.create("rule", u["A"], {"title": "甲", "category": "management",
                                      "adopted_on": "2024-05-01", "on_wall": True})
    skip = ("uid", "created_at", "updated_at")
    assert {k: v for k, v in pasted.items() if k not in skip} == \
        {k: v for k, v in typed.items() if k not in skip}
    entry = AuditEntry.get(AuditEntry.record_uid == uid)
    assert (entry.action, entry.summary, entry.studio_uid) == ("create", "新建制度“甲”", u["A"])
    assert json.loads(entry.after) == pasted


def test_redo_is_refused_when_a_rule_would_break_and_changes_nothing(u):
    [uid] = P.add(P.preview("plan", u["A"], tsv("年度", "2030")))
    P.trash_added("plan", [uid])
    R.create("plan", u["A"], {"year": 2030})
    before = snapshot()
    with pytest.raises(ValidationError):
        P.restore_added("plan", [uid])
    assert snapshot() == before
