"""A union's own forms filled from the ledger (issue 14 §2): the shipped examples filled for the
sample studio and read back, the file-name pattern, and every kind of bad form refused with
the file and the placeholder named."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import formfields as FF
from laomo_desktop.ledger import metrics
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.reports import forms
from laomo_desktop.reports.formcheck import FormError
from laomo_desktop.work import Cancelled, drive
from sample_ledger import build

DOCX, XLSX = (forms.shipped_forms() / "劳模创新工作室推荐表.docx",
              forms.shipped_forms() / "劳模创新工作室年度统计表.xlsx")


@pytest.fixture
def sample(ledger, tmp_path):
    build(ledger, tmp_path)
    return find_studio("李明劳模创新工作室")["uid"]


def _docx_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    doc = Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return "\n".join(p.text for p in doc.paragraphs), tables


def test_the_recommendation_form_is_filled_for_the_sample_studio(sample, tmp_path):
    out = forms.fill_form(DOCX, sample, 2025, tmp_path / "filled.docx")
    text, tables = _docx_text(out)
    assert "（2025 年度）" in text
    basic, results, honours = tables[0], tables[1], tables[2]
    flat = [c for row in basic for c in row]
    for value in ("李明劳模创新工作室", "江城供电公司", "国有企业", "李明", "省级",
                  "2019年3月1日", "技术创新、服务创新", "120", "劳模党小组", "5 人", "2 人"):
        assert value in flat, value
    summary = basic[-1][1]
    assert "培训 3 场次、40 人次" in summary and "经济效益 12.35 万元" in summary
    assert "其中专利 2 件" in summary
    # one row per result of 2025, in date order, the loop's marker rows gone
    assert [r[1] for r in results[1:]] == ["一种绝缘操作杆", "带电作业方法", "李明操作法",
                                           "关于巡检路线的建议"]
    assert [r[0] for r in results[1:]] == ["1", "2", "3", "4"]
    assert results[1][4] == "李明" and results[1][5] == "ZL2025 2 0012345.6"
    assert results[3][5] == "市职工技术创新成果二等奖"
    assert [r[1] for r in honours[1:]] == ["省级示范性劳模创新工作室"]
    everything = text + "".join(c for t in tables for row in t for c in row)
    assert "{{" not in everything and "{%" not in everything


def test_the_statistics_workbook_is_filled_with_numbers_and_repeated_rows(sample, tmp_path):
    out = forms.fill_form(XLSX, sample, 2025, tmp_path / "filled.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["年度统计表"]
    assert ws["A1"].value == "2025年度劳模创新工作室统计表"
    by_label = {ws.cell(r, 2).value: ws.cell(r, 4).value for r in range(5, ws.max_row + 1)}
    assert by_label["培训人次"] == 40 and by_label["培训场次"] == 3
    assert by_label["经济效益"] == pytest.approx(12.3456)  # a number Excel can add up
    assert by_label["培训学时"] == pytest.approx(9.5)
    d = wb["创新成果明细"]
    rows = [[c.value for c in row] for row in d.iter_rows(min_row=3, max_row=7)]
    assert [r[1] for r in rows[:4]] == ["一种绝缘操作杆", "带电作业方法", "李明操作法",
                                        "关于巡检路线的建议"]
    assert [r[0] for r in rows[:4]] == ["1", "2", "3", "4"]
    assert rows[4][0] == "合计" and rows[4][5] == 4  # the total row moved below the records
    assert "A7:E7" in {str(m) for m in d.merged_cells.ranges}
    assert d.cell(3, 2).border.left.style == "thin"  # each repeated row keeps its style
    assert not any(isinstance(c.value, str) and "{" in c.value
                   for s in wb.worksheets for row in s.iter_rows() for c in row)


def test_a_studio_with_nothing_of_a_list_gets_no_rows(sample, tmp_path):
    zhou = find_studio("周红")["uid"]
    out = forms.fill_form(XLSX, zhou, 2025, tmp_path / "zhou.xlsx")
    d = openpyxl.load_workbook(out)["创新成果明细"]
    assert d["A3"].value == "合计" and d["F3"].value == 0


def test_file_names_follow_the_pattern_and_are_safe_on_windows():
    studio = {"name": "李明劳模创新工作室", "leader": "李明", "host_unit": "江城供电公司"}
    pattern = declared.FORM_FILE_NAME.default
    assert forms.file_name(pattern, DOCX, studio, 2025) == "李明劳模创新工作室2025考核材料.docx"
    assert forms.file_name("{所在单位}-{表单名称}-{领衔人}", XLSX, studio, 2025) == \
        "江城供电公司-劳模创新工作室年度统计表-李明.xlsx"
    odd = {"name": 'A/B:C*D?"E"<F>|G. ', "leader": "", "host_unit": ""}
    assert forms.file_name("{工作室名称}", DOCX, odd, 2025) == "A_B_C_D_E_F_G.docx"
    assert forms.windows_safe("CON") == "_CON" and forms.windows_safe("...") == "表单"
    with pytest.raises(LaomoError, match="{工作室}"):
        forms.file_name("{工作室}{年度}", DOCX, studio, 2025)


def _docx_form(tmp_path: Path, *paragraphs: str, name: str = "坏表单.docx") -> Path:
    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    path = tmp_path / name
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("lines", "said"), [
    (["单位：{{ 工作室.名字 }}"], ["“{{ 工作室.名字 }}”", "没有“工作室.名字”这个字段"]),
    (["{{ 不存在 }}"], ["没有“不存在”这个字段"]),
    (["名称：{{ 工作室.名称 }"], ["标记写错了", "名称："]),
    (["{%p for x in 统计 %}", "{{ x }}", "{%p endfor %}"], ["“统计”不是列表", "创新成果"]),
    (["{%p for x in 工作室.名称 %}", "{{ x }}", "{%p endfor %}"], ["“工作室.名称”不是列表"]),
    (["{%p for x in 创新成果 %}", "{{ x.成果名称 }}"], ["没有与之配对的 {% endfor %}",
                                                        "for x in 创新成果 %}"]),
    (["{{ 创新成果.成果名称 }}"], ["“创新成果”是列表"]),
    (["{% include '/etc/passwd' %}"], ["不能使用"]),
    (["{{ range(10) }}"], ["函数调用"]),
])
def test_a_bad_form_is_refused_naming_the_file_and_the_placeholder(sample, tmp_path, lines,
                                                                   said):
    form = _docx_form(tmp_path, *lines)
    with pytest.raises(FormError) as exc:
        forms.fill_form(form, sample, 2025, tmp_path / "out.docx")
    assert "坏表单.docx" in exc.value.message
    for words in said:
        assert words in exc.value.message
    assert not (tmp_path / "out.docx").exists()
    assert not list(tmp_path.glob(".*.partial"))


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__ }}", "{{ 工作室.__class__ }}", "{{ 工作室.名称.__class__.__mro__ }}",
    "{{ 工作室['__class__'] }}", "{{ _secret }}", "{{ 工作室|attr('__class__') }}",
    "{{ 'x' * 1000000000 }}", "{{ ''.join }}",
])
def test_the_sandbox_refuses_python_internals_with_a_message(sample, tmp_path, attack):
    form = _docx_form(tmp_path, "正文 " + attack)
    with pytest.raises(FormError) as exc:
        forms.fill_form(form, sample, 2025, tmp_path / "out.docx")
    assert "坏表单.docx" in exc.value.message
    assert any(w in exc.value.message for w in ("程序内部", "不能使用", "没有“"))


def test_a_bad_cell_of_a_workbook_is_named_by_sheet_and_cell(sample, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "统计"
    wb.active["B3"] = "{{ 统计.培训人数 }}"
    wb.save(tmp_path / "坏.xlsx")
    with pytest.raises(FormError) as exc:
        forms.fill_form(tmp_path / "坏.xlsx", sample, 2025, tmp_path / "out.xlsx")
    assert "坏.xlsx" in exc.value.message and "统计.培训人数" in exc.value.message
    assert "工作表“统计”的 B3 单元格" in exc.value.message
    wb.active["B3"] = None
    wb.active["A5"] = "{%tr for x in 创新成果 %}"
    wb.save(tmp_path / "坏.xlsx")
    with pytest.raises(FormError, match="endfor"):
        forms.read_form(tmp_path / "坏.xlsx")


def test_files_that_are_not_forms_are_said_so(tmp_path):
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(FormError, match="另存为 .docx"):
        forms.read_form(tmp_path / "旧.doc")
    (tmp_path / "坏.docx").write_bytes(b"not a zip")
    with pytest.raises(FormError, match="“坏.docx”不是可以填写的表单"):
        forms.read_form(tmp_path / "坏.docx")
    (tmp_path / "坏.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FormError, match="Excel"):
        forms.read_form(tmp_path / "坏.xlsx")


def test_cancelling_all_studios_leaves_the_folder_empty(sample, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    seen = []
    with pytest.raises(Cancelled):
        drive(forms.fill_all_steps(XLSX, 2025, folder, "{工作室名称}{年度}统计"),
              seen.append, cancelled=lambda: len(seen) == 2)
    assert list(folder.iterdir()) == []
    done = drive(forms.fill_all_steps(XLSX, 2025, folder, "{工作室名称}{年度}统计"))
    assert sorted(p.name for p in folder.iterdir()) == [
        "周红职工创新工作室2025统计.xlsx", "李明劳模创新工作室2025统计.xlsx"]
    assert len(done.written) == 2 and not done.skipped
    done = drive(forms.fill_all_steps(XLSX, 2024, folder, "{工作室名称}{年度}统计"))
    assert [s for s, _ in done.skipped] == []  # both founded by 2024's end
    done = drive(forms.fill_all_steps(XLSX, 2020, folder, "{工作室名称}{年度}"))
    assert [s for s, _ in done.skipped] == ["周红职工创新工作室"]


def test_the_vocabulary_follows_the_registries():
    v = FF.vocabulary().fields
    for name, node in v.items():
        assert name.isidentifier(), name
        if isinstance(node, FF.Fields):
            assert all(n.isidentifier() for n in node.fields), name
        if isinstance(node, FF.Many):
            assert all(n.isidentifier() for n in node.item.fields), name
    figures = v[FF.FIGURES].fields
    for m in metrics.METRICS.values():  # every figure a template may name has a placeholder
        if m.in_templates:
            assert any(FF.metric_names()[n].label == m.label and FF.metric_names()[n].unit
                       == m.unit for n in figures), m.key
    assert {"培训场次", "培训人次", "培训学时", "经济效益"} <= set(figures)
    assert "名称" in v[FF.STUDIO].fields and "成果名称" in v["创新成果"].item.fields
    assert "累计创新成果" in v and "累计成员" not in v


def test_the_command_line_reads_the_pattern_the_window_saved(tmp_path):
    ini = tmp_path / "settings.ini"
    assert declared.stored(ini, declared.FORM_FILE_NAME) == declared.FORM_FILE_NAME.default
    ini.write_text('[General]\nlanguage=zh_CN\n\n[forms]\nfile_name="{年度}-{工作室名称}, 表"\n',
                   "utf-8")
    assert declared.stored(ini, declared.FORM_FILE_NAME) == "{年度}-{工作室名称}, 表"


def test_numbers_add_up_and_compare_as_numbers(sample, tmp_path):
    form = _docx_form(tmp_path, "合计 {{ 统计.培训场次 + 统计.技术交流 }} 次",
                      "{% if 统计.培训人次 > 30 %}超过三十人次{% endif %}",
                      "{% if 统计.培训人次 == 40 %}正好四十{% endif %}",
                      "效益合计 {{ 经济效益|sum(attribute='效益金额') }} 元",
                      "{{ 创新成果|selectattr('成果类型', 'equalto', '专利')|list|length }} 件专利",
                      name="算术.docx")
    out = forms.fill_form(form, sample, 2025, tmp_path / "算术结果.docx")
    text, _ = _docx_text(out)
    assert "合计 4 次" in text and "超过三十人次" in text and "正好四十" in text
    assert "效益合计 123456.0 元" in text and "2 件专利" in text


def test_a_mistake_only_the_data_shows_is_said_with_the_file(sample, tmp_path):
    form = _docx_form(tmp_path, "{{ 统计.培训人次 / 0 }}", name="除零.docx")
    with pytest.raises(FormError) as exc:
        forms.fill_form(form, sample, 2025, tmp_path / "out.docx")
    assert "除零.docx" in exc.value.message and "division by zero" in exc.value.message
    assert not (tmp_path / "out.docx").exists()


def test_the_team_lists_the_leader_first_and_loops_know_their_place(sample, tmp_path):
    form = _docx_form(tmp_path, "{%p for x in 成员 %}", "{{ loop.index }}/{{ loop.length }} "
                      "{{ x.姓名 }} {{ x.技能等级 }}", "{%p endfor %}", name="名册.docx")
    text, _ = _docx_text(forms.fill_form(form, sample, 2025, tmp_path / "名册结果.docx"))
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines[0].startswith("1/5 李明")
    assert "赵强" not in text  # left in 2024: not in the team at 2025's end
    assert any(ln.endswith("张伟 技师") for ln in lines)  # promoted 2025-09-01
    entries = {e.placeholder for e in FF.describe()}
    assert "{{ loop.index }}" in entries


def test_a_form_gathers_only_the_lists_it_reads(sample):
    form = forms.read_form(XLSX)
    assert form.uses == {"年度", "工作室", "统计", "创新成果"}
    ctx = FF.context(sample, 2025, only=form.uses)
    assert len(ctx["创新成果"]) == 4 and ctx["活动"] == [] and ctx["累计创新成果"] == []
    assert len(FF.context(sample, 2025)["活动"]) == 5


@pytest.mark.parametrize(("lines", "said"), [
    (["{{ 工作室.名称 * 1000000000 }}"], ["结果过大"]),
    (["{{ [0] * 1000000000 }}"], ["结果过大"]),
    (["{{ 工作室.名称|center(1000000000)|length }}"], None),  # padded only up to a cap
    ([*(f"{{%p for {v} in [1,2] %}}" for v in "abcd"), "x", *["{%p endfor %}"] * 4],
     ["层的循环嵌套"]),
    (["{% set a = 工作室.名称 %}{% set a = a ~ a %}{{ a }}"], ["用变量自身给它赋值"]),
])
def test_a_form_cannot_fill_the_memory(sample, tmp_path, lines, said):
    """A form that would make gigabytes of text or loop forever is refused with its file named,
    and nothing is written (the check, or the fill's own limits)."""
    form = _docx_form(tmp_path, *lines)
    out = tmp_path / "out.docx"
    if said is None:
        forms.fill_form(form, sample, 2025, out)
        assert int(_docx_text(out)[0].split()[0]) <= 100_000
        return
    with pytest.raises(FormError) as exc:
        forms.fill_form(form, sample, 2025, out)
    assert "坏表单.docx" in exc.value.message
    for words in said:
        assert words in exc.value.message
    assert not out.exists() and not list(tmp_path.glob(".*.partial"))


def test_a_documents_properties_are_checked_as_its_text_is(sample, tmp_path):
    """docxtpl fills the title, subject … of a Word form too: what stands there is checked, and
    the lists it reads are gathered (they printed as empty before)."""
    form = _docx_form(tmp_path, "正文")
    doc = Document(str(form))
    doc.core_properties.title = "{{ 工作室.名称.upper }}"
    doc.save(str(form))
    with pytest.raises(FormError) as exc:
        forms.fill_form(form, sample, 2025, tmp_path / "out.docx")
    assert "文档属性“title”" in exc.value.message
    doc.core_properties.title = "制度 {{ 制度|length }} 项"
    doc.save(str(form))
    out = forms.fill_form(form, sample, 2025, tmp_path / "out.docx")
    assert Document(str(out)).core_properties.title != "制度 0 项"


def test_a_file_that_cannot_be_written_leaves_no_half_written_files(sample, tmp_path,
                                                                  monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    replace = Path.replace

    def refused(self, target):  # as Windows refuses a name a program holds open
        if Path(target).name.startswith("周红"):
            raise PermissionError(13, "Permission denied")
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", refused)
    with pytest.raises(LaomoError) as exc:
        drive(forms.fill_all_steps(XLSX, 2025, folder, "{工作室名称}{年度}统计"))
    assert "无法写入" in exc.value.message
    assert not list(folder.glob(".*.partial"))


def test_an_interrupt_on_a_terminal_leaves_no_hidden_files(sample, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    seen = []

    def interrupt(p):
        seen.append(p)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        drive(forms.fill_all_steps(XLSX, 2025, folder, "{工作室名称}{年度}统计"), interrupt)
    assert list(folder.iterdir()) == []


def test_filling_for_every_studio_never_replaces_a_file_already_there(sample, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    mine = folder / "李明劳模创新工作室2025统计.xlsx"
    mine.write_bytes(b"the secretary's own final version")
    done = drive(forms.fill_all_steps(XLSX, 2025, folder, "{工作室名称}{年度}统计"))
    assert mine.read_bytes() == b"the secretary's own final version"
    assert folder / "李明劳模创新工作室2025统计 (2).xlsx" in done.written
    assert (folder / "李明劳模创新工作室2025统计 (2).xlsx").exists()
