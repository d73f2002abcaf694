"""`laomo fill`: a union's form filled from the command line, for one studio or all of them,
named by the pattern the window saved; `--fields` lists the placeholders."""

from __future__ import annotations

import json

import openpyxl
from docx import Document

from helpers import run_cli as run


def test_fill_one_studio_into_a_file(sample_dir, capsys, tmp_path):
    out = tmp_path / "推荐表.docx"
    code, stdout, err = run(capsys, "--data-dir", str(sample_dir), "fill", "劳模创新工作室推荐表",
                            "--studio", "李明", "--year", "2025", "--out", str(out))
    assert code == 0, err
    assert stdout.strip() == str(out)
    cells = [c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells]
    assert "李明劳模创新工作室" in cells and "一种绝缘操作杆" in cells


def test_fill_names_the_file_by_the_pattern_the_window_saved(sample_dir, capsys, tmp_path):
    (sample_dir / "settings.ini").write_text('[forms]\nfile_name="{年度}年{工作室名称}/统计"\n',
                                             "utf-8")
    code, stdout, err = run(capsys, "--data-dir", str(sample_dir), "fill",
                            "劳模创新工作室年度统计表", "--studio", "李明", "--year", "2025",
                            "--out", str(tmp_path))
    assert code == 0, err
    out = tmp_path / "2025年李明劳模创新工作室_统计.xlsx"  # "/" is not allowed on Windows
    assert stdout.strip() == str(out) and out.exists()
    assert openpyxl.load_workbook(out)["年度统计表"]["D7"].value == 40


def test_fill_all_studios_one_file_each(sample_dir, capsys, tmp_path):
    (sample_dir / "forms").mkdir()
    form = sample_dir / "forms" / "统计.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "{{ 工作室.名称 }}"
    wb.active["B1"] = "{{ 统计.培训场次 }}"
    wb.save(form)
    code, stdout, err = run(capsys, "--data-dir", str(sample_dir), "fill", "统计",
                            "--all-studios", "--year", "2025", "--out", str(tmp_path),
                            "--name-pattern", "{表单名称}-{工作室名称}")
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert names == ["统计-周红职工创新工作室.xlsx", "统计-李明劳模创新工作室.xlsx"]
    assert openpyxl.load_workbook(tmp_path / names[1]).active["B1"].value == 3
    assert len(stdout.splitlines()) == 2


def test_a_bad_form_exits_1_with_the_file_and_placeholder(sample_dir, capsys, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ 工作室.名字 }}")
    doc.save(str(tmp_path / "坏.docx"))
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "fill", str(tmp_path / "坏.docx"),
                       "--studio", "李明", "--year", "2025", "--out", str(tmp_path / "x.docx"))
    assert code == 1
    assert "坏.docx" in err and "工作室.名字" in err and err.count("\n") == 1
    assert not (tmp_path / "x.docx").exists()
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "fill", "没有这个表单",
                       "--studio", "李明", "--year", "2025")
    assert code == 1 and "劳模创新工作室推荐表" in err


def test_fields_lists_every_placeholder_with_the_studios_values(sample_dir, capsys):
    code, stdout, _ = run(capsys, "--data-dir", str(sample_dir), "fill", "--fields",
                          "--studio", "李明", "--year", "2025", "--json")
    assert code == 0
    rows = {r["placeholder"]: r for r in json.loads(stdout)}
    assert rows["{{ 工作室.名称 }}"]["example"] == "李明劳模创新工作室"
    assert rows["{{ 统计.培训人次 }}"]["meaning"] == "本年度培训（人次）"
    assert rows["{{ 统计.培训人次 }}"]["example"] == "40"
    assert rows["{%tr for x in 创新成果 %} … {%tr endfor %}"]["example"] == "共 4 项"
    code, stdout, _ = run(capsys, "--data-dir", str(sample_dir), "fill", "--fields")
    assert code == 0 and "{{ 统计.培训人次 }}  本年度培训（人次）" in stdout


def test_a_forms_name_may_be_shortened_while_it_names_one_form(sample_dir, capsys, tmp_path):
    out = tmp_path / "a.docx"
    code, stdout, err = run(capsys, "--data-dir", str(sample_dir), "fill", "推荐表",
                            "--studio", "李明", "--year", "2025", "--out", str(out))
    assert code == 0, err
    assert out.exists()
    code, _, err = run(capsys, "--data-dir", str(sample_dir), "fill", "劳模创新工作室",
                       "--studio", "李明", "--year", "2025", "--out", str(tmp_path / "b.docx"))
    assert code == 1  # both examples hold it: which one is meant cannot be told
    assert "劳模创新工作室推荐表" in err and "劳模创新工作室年度统计表" in err
    assert not (tmp_path / "b.docx").exists()
