"""Which attachment names are programs, and the safe name a copy is opened under."""

from __future__ import annotations

import pytest

from laomo_desktop.ledger.filetypes import program_type, real_extension, safe_name

PROGRAMS = [
    "报告.pdf.desktop", "setup.exe", "运行.bat", "运行.cmd", "捷径.lnk", "脚本.js", "脚本.vbs",
    "install.sh", "启动器.desktop", "脚本.ps1", "安装.msi", "屏保.scr", "旧程序.com", "工具.jar",
    "应用.AppImage", "页面.hta", "注册.reg", "脚本.py",
    # double extensions, case, and what Windows ignores at the end of a name
    "照片.jpg.exe", "通知.DOC.JS", "名单.xlsx.exe.", "名单.xlsx.exe  ", "a.b.c.lnk",
    # a right-to-left override makes `照片\u202egnp.exe` show as 照片exe.png
    "照片\u202egnp.exe", "\u202e报告fdp.bat",
]
DOCUMENTS = [
    "报告.pdf", "照片.JPG", "台账.xlsx", "资料.zip", "说明.exe.txt", "说明.txt", "没有扩展名",
    ".bashrc", "", "..", "exe", "程序.exe.pdf",
]


@pytest.mark.parametrize("name", PROGRAMS)
def test_programs_and_scripts_are_recognised_by_their_real_extension(name):
    kind = program_type(name)
    assert kind is not None, name
    assert kind.label and kind.en


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_are_not_programs(name):
    assert program_type(name) is None, name


def test_the_real_extension_is_the_last_one_as_the_system_sees_it():
    assert real_extension("报告.pdf.desktop") == "desktop"
    assert real_extension("照片\u202egnp.exe") == "exe"
    assert real_extension("名单.xlsx.EXE. ") == "exe"
    assert real_extension("..") == ""


@pytest.mark.parametrize("name,safe", [
    ("报告.pdf", "报告.pdf"), ("", "附件"), ("..", "附件"), (".", "附件"), ("   ", "附件"),
    ("报告\x00.pdf", "报告_.pdf"), ("../../etc/passwd", "passwd"), ("C:\\temp\\x.doc", "x.doc"),
    ("a<b>c:d\"e|f?g*.txt", "a_b_c_d_e_f_g_.txt"), ("照片\u202egnp.exe", "照片_gnp.exe"),
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("LPT1.pdf", "_LPT1.pdf"), ("报告.pdf...", "报告.pdf"),
    ("👨\u200d👩\u200d👧.png", "👨\u200d👩\u200d👧.png"), ("\ud800.pdf", "_.pdf"),
])
def test_safe_name(name, safe):
    assert safe_name(name) == safe


def test_a_very_long_name_is_shortened_keeping_its_extension():
    name = safe_name("长" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode("utf-8")) <= 200
    assert safe_name("x" * 1000).startswith("x") and len(safe_name("x" * 1000)) == 200


def test_a_file_whose_name_cannot_be_stored_is_refused_before_it_is_copied(ledger, tmp_path):
    from laomo_desktop.ledger import attachments as A
    from laomo_desktop.ledger import records as R
    from laomo_desktop.ledger.errors import ValidationError

    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "某厂",
                                       "founded_on": "2018-04-20"})
    odd = tmp_path / "第一行\n第二行.pdf"
    odd.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError) as exc:
        A.attach(ledger, "studio", studio["uid"], odd)
    assert "“文件名”" in exc.value.errors["filename"]
    assert not any(p.is_file() for p in ledger.attachments.rglob("*"))  # no bytes copied
