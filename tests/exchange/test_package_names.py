"""Package file names: the studio's name and code, within what FAT32 and Windows accept."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from laomo_desktop.exchange import filenames as F

WHEN = datetime(2025, 3, 5, 8, 15, tzinfo=UTC)
UID = "3f2a9c01-1111-4222-8333-444455556666"
TAIL = "-20250305T081500Z-0007.laomo.zip"


def name_of(name: str, code: str | None = "LM-0001") -> str:
    return F.package_name({"uid": UID, "name": name, "code": code}, WHEN, 7)


def acceptable(file_name: str) -> None:
    """What FAT32 long names and Windows accept, and what ext4 accepts."""
    assert not set(file_name) & F.FORBIDDEN
    assert all(ord(ch) >= 32 for ch in file_name)
    assert file_name == file_name.strip(" .")
    assert len(file_name.encode("utf-8")) + len(".partial") <= 255
    assert len(file_name.encode("utf-16-le")) // 2 <= 255
    assert not F.RESERVED.fullmatch(file_name.split(".", 1)[0].rstrip(" "))
    assert F.FILE_NAME_RE.match(file_name)


def test_the_name_comes_first_and_chinese_is_kept():
    got = name_of("李明劳模创新工作室")
    assert got == "李明劳模创新工作室_LM-0001-3f2a9c01" + TAIL
    m = F.FILE_NAME_RE.match(got)
    assert m["name"] == "李明劳模创新工作室" and m["prefix"] == "LM-0001-3f2a9c01"
    assert m["seq"] == "0007"
    acceptable(got)


def test_without_a_code_the_uid_part_stays():
    assert name_of("焊接工作室", None) == "焊接工作室_3f2a9c01" + TAIL


def test_the_old_names_still_match():
    assert F.FILE_NAME_RE.match("LM-0001-3f2a9c01" + TAIL)["prefix"] == "LM-0001-3f2a9c01"
    assert F.FILE_NAME_RE.match("3f2a9c01" + TAIL)


@pytest.mark.parametrize("hostile", [
    'a<b>c:d"e/f\\g|h?i*j', "CON", "con.txt", "NUL ", "LPT1.工作室", "COM¹", "...", "   ",
    "工作室.", "工作室 . .", ".hidden", "\u202egpj.exe", "tab\there\nnew", "\x00\x1f\x7f",
    "零宽\u200b字符", "全角　空格", "../../etc/passwd", "C:\\Windows\\x", "名" * 300,
    "𠀀" * 100, "a" * 300, "劳模" + "😀" * 50, "_", "-", "___---...", "e\u0301t\u00e9",
    "\ud800bad",
])
def test_hostile_names_give_acceptable_file_names(hostile):
    acceptable(name_of(hostile))


def test_reserved_device_names_are_prefixed():
    assert name_of("CON").startswith("_CON_")
    assert name_of("aux.工作室").startswith("_aux.工作室_")
    assert name_of("CONSOLE").startswith("CONSOLE_")


def test_nothing_safe_leaves_the_name_out():
    assert name_of("///") == "LM-0001-3f2a9c01" + TAIL
    assert name_of("") == "LM-0001-3f2a9c01" + TAIL


def test_long_names_are_cut_at_a_character():
    got = F.name_part("数控机床装调维修" * 20)
    assert len(got) == F.NAME_MAX_UNITS and "数控机床装调维修".startswith(got[:8])
    emoji = F.name_part("劳" + "😀" * 50)  # 2 UTF-16 units each: never half of one
    assert emoji == "劳" + "😀" * ((F.NAME_MAX_UNITS - 1) // 2)
    assert len(F.name_part("é" * 200).encode()) <= F.NAME_MAX_BYTES


def test_forty_studios_on_one_stick_are_told_apart():
    names = [f"第{i:02d}号{'电力检修' if i % 2 else '数控'}劳模创新工作室" for i in range(40)]
    files = [F.package_name({"uid": f"{i:08x}-x", "name": n, "code": "GX"}, WHEN, 1)
             for i, n in enumerate(names)]
    assert len(set(files)) == 40
    assert all(f.startswith(n + "_") for f, n in zip(files, names, strict=True))


def test_same_name_and_code_differ_by_uid():
    a = F.package_name({"uid": "aaaaaaaa-1", "name": "同名", "code": "X"}, WHEN, 1)
    b = F.package_name({"uid": "bbbbbbbb-2", "name": "同名", "code": "X"}, WHEN, 1)
    assert a != b and re.sub("[ab]{8}", "", a) == re.sub("[ab]{8}", "", b)


@pytest.mark.parametrize("hostile", [
    'a<b>c:d"e/f\\g|h?i*j', "CON", "NUL ", "...", "../../etc/passwd", "tab\there\nnew",
    "\u202egpj.exe", "名" * 300, "劳模" + "😀" * 50, "\ud800bad", ""])
def test_an_office_package_s_name_is_as_safe_as_a_studio_s(hostile):
    """The office's name and code as the office typed them, made safe the same way: FAT32 and
    Windows accept the file, and the name still says which office sent it."""
    from laomo_desktop.exchange.office import office_package_name

    got = office_package_name({"uid": UID, "name": hostile, "code": "JC/QX:01"}, WHEN, 7)
    assert got.endswith("-20250305T081500Z-0007.office.laomo.zip")
    acceptable(got.removesuffix(".office.laomo.zip") + ".laomo.zip")
    assert not set(got) & F.FORBIDDEN and len(got.encode("utf-8")) + len(".partial") <= 255
    if hostile == "CON":
        assert got.startswith("_CON_")
