"""A value nobody entered reads 未填写 in the documents and the command line, never a made-up 0
or a unit with no number ("（未填写），0 平方米"); a typed 0 still reads 0."""

from __future__ import annotations

import re

import pytest

from helpers import pdftotext, run_cli
from laomo_desktop.ledger import records as R
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.store.database import close_ledger

YEAR = 2025


@pytest.fixture
def bare(ledger):
    """A studio whose room area, contact, industry, equipment value and quantity, a rule's date
    and a training's participants and hours were all left empty."""
    u: dict[str, str] = {}
    u["studio"] = s = R.create("studio", None, {
        "name": "空白劳模创新工作室", "host_unit": "测试单位", "founded_on": "2020-01-01",
        "room_address": "三号楼 205 室"})["uid"]
    R.create("member", s, {"name": "赵强", "role": "leader"})
    R.create("equipment", s, {"name": "示波器", "acquired_on": None})
    R.create("rule", s, {"title": "学习培训制度", "category": "training"})
    u["training"] = R.create("activity", s, {"date": "2025-03-10", "type": "training",
                                              "topic": "无人数的培训"})["uid"]
    return u


def _annual(uid: str, tmp_path) -> str:
    pdf = tmp_path / "annual.pdf"
    write_annual(uid, YEAR, pdf)
    return pdftotext(pdf)


def _row(text: str, first: str) -> str:
    """A table row's cells from its first one on (pdftotext puts each cell on its own line)."""
    lines = _lines(text)
    i = lines.index(first)
    return " ".join(lines[i:i + 6])


def _table_row(tmp_path, first: str) -> str:
    """The annual summary's first table row holding the cell `first`, as laid out on the page
    (pdftotext -layout keeps a row on one line, whatever order it reads cells in otherwise)."""
    layout = pdftotext(tmp_path / "annual.pdf", layout=True)
    return " ".join(next(line for line in layout.splitlines() if first in line).split())


def _flat(text: str) -> str:
    """Without the spaces and line breaks wrapping puts anywhere in a sentence."""
    return "".join(text.split())


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_an_empty_area_reads_not_filled_and_never_zero_square_metres(bare, tmp_path):
    text = _annual(bare["studio"], tmp_path)
    assert "0 平方米" not in text and "（未填写）" not in text
    assert "三号楼 205 室，面积未填写" in text
    assert "所属行业" in text and "联系人" in text
    assert "平方米" not in text  # no unit without its number anywhere in the document


def test_empty_amounts_counts_and_dates_read_not_filled(bare, tmp_path):
    text = _annual(bare["studio"], tmp_path)
    equipment = _row(text, "示波器")
    assert equipment.count("未填写") >= 3, equipment  # quantity, value, acquired on
    assert "0.00" not in equipment
    training = _table_row(tmp_path, "无人数的培训")
    assert "未填写" in text[text.index("附表一"):]
    assert "未填写" in training and not re.search(r"(^| )0( |$)", training), training
    assert _flat("培训 1 场次、0 人次，共 0 学时（其中 1 场未填写参加人数、1 场未填写学时") in _flat(text)
    assert _table_row(tmp_path, "学习培训制度").split()[2] == "未填写"  # 制定日期


def test_a_typed_zero_stays_zero(bare, ledger, tmp_path):
    R.update("studio", bare["studio"], {"room_area": 0})
    R.update("activity", bare["training"], {"outside_count": 0, "hours": 0})
    text = _annual(bare["studio"], tmp_path)
    assert "三号楼 205 室，0 平方米" in text
    assert "培训 1 场次、0 人次，共 0 学时；" in text  # nothing left unfilled
    appendix = text[text.index("附表一"):]  # the activity and training tables
    assert "无人数的培训" in appendix and "未填写" not in appendix


def test_no_address_and_no_area_is_one_not_filled(bare, tmp_path):
    R.update("studio", bare["studio"], {"room_address": None})
    text = _annual(bare["studio"], tmp_path)
    lines = _lines(text)
    assert lines[lines.index("场所") + 1] == "未填写"
    for label in ("单位性质", "所属行业", "创新方向", "联系人"):
        assert lines[lines.index(label) + 1] == "未填写", label


def test_the_command_line_says_which_trainings_lack_figures(bare, ledger, capsys):
    close_ledger()
    code, out, _ = run_cli(capsys, "--data-dir", str(ledger.root), "stats",
                           "--studio", "空白劳模创新工作室", "--year", str(YEAR))
    assert code == 0, out
    assert "培训 1 场次、0 人次，共 0 学时（其中 1 场未填写参加人数、1 场未填写学时" in out


@pytest.mark.parametrize(("value", "shown"), [(None, "未填写"), ("", "未填写"), ("  ", "未填写"),
                                              (0, "0"), (12.5, "12.5"), ("甲", "甲")])
def test_filled(value, shown):
    assert W.filled(value) == shown


def test_place_words_each_missing_part():
    assert W.place("一号楼", 60.0) == "一号楼，60 平方米"
    assert W.place("一号楼", 0) == "一号楼，0 平方米"
    assert W.place("一号楼", None) == "一号楼，面积未填写"
    assert W.place(None, 60) == "未填写，60 平方米"
    assert W.place("", None) == "未填写"


def test_the_room_must_have_names_only_what_is_empty(bare):
    from laomo_desktop.ledger import stats

    def room() -> str:
        return str(stats.studio_year(bare["studio"], YEAR).must_have("room").detail)

    assert room() == "未填写场所面积"
    R.update("studio", bare["studio"], {"room_area": 0})
    assert room() == "场所面积为 0 平方米"


def test_a_section_table_leaves_an_unknown_head_count_empty(bare):
    from laomo_desktop.ledger import queries as Q

    def person_times() -> object:
        rows = Q.fetch_rows("activity", bare["studio"], ["person_times"])
        return next(r[-1] for r in rows if r[0] == bare["training"])

    assert person_times() is None
    R.update("activity", bare["training"], {"outside_count": 0})
    assert person_times() == 0
