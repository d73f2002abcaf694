"""A desk without Chinese fonts still shows Chinese: the program's own font is loaded for the
window when the system has none for Simplified Chinese, and only then."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from laomo_desktop.ui.system import cjkfont


def _spy(monkeypatch) -> list[str]:
    loaded: list[str] = []
    real = QFontDatabase.addApplicationFont
    monkeypatch.setattr(QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: loaded.append(path) or real(path)))
    return loaded


def test_without_a_chinese_system_font_the_bundled_one_draws_chinese(qapp, monkeypatch):
    loaded = _spy(monkeypatch)
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    family = cjkfont.ensure_chinese_font()
    assert [Path(p).name for p in loaded] == ["wqy-zenhei.ttc"]
    assert family == "WenQuanYi Zen Hei"
    assert QFontMetrics(QFont(family)).inFontUcs4(ord("台"))  # drawn as a glyph, not a box


def test_a_system_with_chinese_fonts_keeps_its_own(qapp, monkeypatch):
    loaded = _spy(monkeypatch)
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: ["Noto Sans CJK SC"]))
    assert cjkfont.ensure_chinese_font() is None
    assert loaded == []


def test_the_program_makes_sure_of_it_when_it_starts(qapp, monkeypatch):
    from laomo_desktop.ui.app import make_app

    asked: list[bool] = []
    monkeypatch.setattr(cjkfont, "ensure_chinese_font", lambda: asked.append(True))
    make_app()
    assert asked == [True]
