"""Opening an attachment: any stored name opens under a safe name or is explained, never
raises; a program or script is opened only after a warning that names its real type."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import MODELS
from laomo_desktop.ui.widgets import attachpanel
from laomo_desktop.ui.widgets.attachpanel import AttachmentsPanel, ProgramWarning, open_attachment

CONTENT = b"%PDF-1.4 the attachment's bytes"


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """Stands in for the system opener: records the files it was asked to open."""
    calls: list[Path] = []

    def open_url(url):
        calls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return calls


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    return shown


class Answer:
    """Stands in for the user at the program warning: records it, clicks `choice`
    (None: closes it without a click, as Esc does)."""

    def __init__(self, choice: str | None):
        self.choice = choice
        self.dialogs: list[ProgramWarning] = []

    def exec(self, dlg: ProgramWarning) -> int:
        self.dialogs.append(dlg)
        if self.choice is not None:
            getattr(dlg, self.choice).click()
        return 0


def answering(monkeypatch, choice: str | None) -> Answer:
    a = Answer(choice)
    monkeypatch.setattr(ProgramWarning, "exec", lambda dlg: a.exec(dlg))
    return a


@pytest.fixture
def studio(ctx):
    return R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某厂",
                                     "founded_on": "2018-04-20"})


def attachment_named(ctx, studio, tmp_path, name: str) -> dict:
    """An attachment whose stored name is `name`, as a package or an old ledger may hold it
    (written past validation, which refuses some of these names today)."""
    f = tmp_path / "source.pdf"
    f.write_bytes(CONTENT)
    rec = A.attach(ctx.paths, "studio", studio["uid"], f)
    model = MODELS["attachment"]
    model.update(filename=name).where(model.uid == rec["uid"]).execute()
    return {**rec, "filename": name}


@pytest.mark.parametrize("name,safe", [
    ("", "附件"), ("..", "附件"), (".", "附件"), ("报告\x00.pdf", "报告_.pdf"),
    ("../../逃逸.pdf", "逃逸.pdf"), ("a/b\\c.pdf", "c.pdf"), ("CON.pdf", "_CON.pdf"),
    ("报告.pdf. . ", "报告.pdf"), ("说明\u202e.pdf", "说明_.pdf"),
])
def test_any_stored_name_opens_under_a_safe_name(ctx, studio, tmp_path, opened, warnings,
                                                 name, safe):
    rec = attachment_named(ctx, studio, tmp_path, name)
    open_attachment(ctx.paths, rec)  # the reported names raised here
    assert warnings == []
    [path] = opened
    assert path.name == safe
    assert path.read_bytes() == CONTENT
    assert path.parent.parent == Path(attachpanel.tempfile.gettempdir())


def test_a_missing_file_is_explained_not_raised(ctx, studio, tmp_path, opened, warnings):
    rec = attachment_named(ctx, studio, tmp_path, "报告.pdf")
    A.open_path(ctx.paths, rec).unlink()
    open_attachment(ctx.paths, rec)
    assert opened == [] and "文件丢失" in warnings[0]
    open_attachment(ctx.paths, {**rec, "sha256": "../../etc/passwd"})
    assert opened == [] and "内容摘要无效" in warnings[1]


def test_when_no_program_opens_it_the_user_is_told(ctx, studio, tmp_path, warnings,
                                                   monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    open_attachment(ctx.paths, attachment_named(ctx, studio, tmp_path, "数据.xyz"))
    assert warnings and "数据.xyz" in warnings[0] and "没有" in warnings[0]


@pytest.mark.parametrize("name,kind,ext", [
    ("报告.pdf.desktop", "Linux 桌面启动器", "desktop"),
    ("照片\u202egnp.exe", "Windows 程序", "exe"),
    ("通知.doc.js", "Windows 脚本", "js"),
    ("安装.msi", "安装包", "msi"),
    ("快捷.lnk", "快捷方式", "lnk"),
    ("run.sh", "Shell 脚本", "sh"),
])
def test_a_program_is_not_opened_unless_the_user_confirms(ctx, studio, tmp_path, opened,
                                                          monkeypatch, name, kind, ext):
    rec = attachment_named(ctx, studio, tmp_path, name)
    closed = answering(monkeypatch, None)  # Esc, or Enter on the default button
    open_attachment(ctx.paths, rec)
    [dlg] = closed.dialogs
    assert opened == []
    assert dlg.defaultButton() is dlg.cancel_button and dlg.escapeButton() is dlg.cancel_button
    assert kind in dlg.text() and f".{ext}" in dlg.text()
    assert "\u202e" not in dlg.text()  # the override is shown, not obeyed
    if "\u202e" in name:
        assert "照片[U+202E]gnp.exe" in dlg.text() and "反转" in dlg.text()

    answering(monkeypatch, "cancel_button")
    open_attachment(ctx.paths, rec)
    assert opened == []

    answering(monkeypatch, "open_button")
    open_attachment(ctx.paths, rec)
    [path] = opened
    assert path.read_bytes() == CONTENT and path.suffix == f".{ext}"


def test_documents_open_without_a_question(ctx, studio, tmp_path, opened, monkeypatch):
    asked = answering(monkeypatch, None)
    for name in ("报告.pdf", "照片.JPG", "台账.xlsx", "资料.zip", "说明.exe.txt"):
        open_attachment(ctx.paths, attachment_named(ctx, studio, tmp_path, name))
    assert asked.dialogs == [] and len(opened) == 5


def test_the_list_shows_bidi_overrides_and_warns_for_a_file_not_yet_attached(
        ctx, studio, tmp_path, opened, qtbot, monkeypatch):
    attachment_named(ctx, studio, tmp_path, "照片\u202egnp.exe")
    panel = AttachmentsPanel(ctx.paths, "studio", studio["uid"])
    qtbot.addWidget(panel)
    assert panel.list.item(0).text().startswith("照片[U+202E]gnp.exe")
    setup = tmp_path / "安装\u202eexe.bat"
    setup.write_bytes(b"@echo off")
    panel.add_paths([setup])
    assert panel.list.item(1).text().startswith("安装[U+202E]exe.bat")

    asked = answering(monkeypatch, None)
    panel.list.setCurrentRow(1)
    panel.open_current()
    assert opened == [] and "Windows 脚本" in asked.dialogs[0].text()
    answering(monkeypatch, "open_button")
    panel.open_current()
    assert opened == [setup]


def test_the_warning_is_in_english_when_english_is_chosen(ctx, studio, tmp_path, opened,
                                                         qapp, monkeypatch):
    from laomo_desktop.ui import i18n

    i18n.install(qapp, "en")
    try:
        asked = answering(monkeypatch, None)
        open_attachment(ctx.paths, attachment_named(ctx, studio, tmp_path, "报告.pdf.exe"))
        text = asked.dialogs[0].text()
        assert "Windows program" in text and ".exe" in text and "不是" not in text
    finally:
        i18n.install(qapp, "zh_CN")
