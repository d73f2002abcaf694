"""The compiled Chinese translation: committed beside its .ts, so that every install has it (a
wheel, `pip install -e .`, the frozen build) without Qt's tools at build time; saying what the
.ts says; and, when it is missing, a start that says so instead of a window in English."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui import app as gui_app
from laomo_desktop.ui import i18n


def _ts_messages() -> list[tuple[str, str, str]]:
    """(context, English source, Chinese translation) of every entry of the .ts."""
    root = ET.parse(i18n.translations_dir() / "laomo_zh_CN.ts").getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
            for ctx in root.iter("context") for m in ctx.iter("message")]


def test_the_committed_qm_says_what_the_ts_says(qapp):
    # Compared message by message, not byte by byte: lrelease of another Qt version may lay the
    # same messages out differently, and what matters is the text the window shows.
    qm = QTranslator()
    assert qm.load("laomo_zh_CN", str(i18n.translations_dir())), "laomo_zh_CN.qm is missing"
    messages = _ts_messages()
    assert len(messages) > 500
    stale = [(context, source, wanted, qm.translate(context, source))
             for context, source, wanted in messages if qm.translate(context, source) != wanted]
    assert not stale, f"the .qm is older than the .ts (run make translations): {stale[:5]}"


@pytest.fixture
def no_qm(tmp_path, monkeypatch, qapp):
    """The translations folder of an install that lost its .qm; Chinese reinstalled after."""
    (tmp_path / "translations").mkdir()
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path / "translations")
    yield tmp_path / "translations" / "laomo_zh_CN.qm"
    monkeypatch.undo()
    i18n.install(qapp, "zh_CN")


def test_without_the_qm_chinese_cannot_be_installed_but_english_can(qapp, no_qm):
    with pytest.raises(i18n.TranslationMissing) as raised:
        i18n.install(qapp, "zh_CN")
    assert str(no_qm) in str(raised.value) and "安装不完整" in str(raised.value)
    assert i18n.install(qapp, "en") == "en"


def test_a_start_without_the_qm_tells_the_user_and_logs_it(tmp_path, qapp, no_qm, monkeypatch):
    told = []
    monkeypatch.setattr(gui_app, "fail", lambda _parent, _title, text: told.append(text))
    paths = LedgerPaths(tmp_path / "data")
    assert gui_app.run_gui(paths) == 1
    assert len(told) == 1
    assert "找不到界面的中文翻译文件" in told[0] and "installation is incomplete" in told[0]
    logs = sorted(paths.logs.glob("laomo-error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in told[0]
    assert "TranslationMissing" in logs[0].read_text("utf-8")
