"""Chinese drawn as glyphs on any desk: when the system has no font for Simplified Chinese (a
minimal Linux install, a bare X server), every label would show boxes. The program then loads
the report font it ships with (WenQuanYi Zen Hei) for the window too. A system that has Chinese
fonts keeps its own: nothing is loaded."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from laomo_desktop.reports.fonts import font_path


def ensure_chinese_font() -> str | None:
    """Make sure some font draws Simplified Chinese; returns the family loaded for it, or None
    when the system had one (or the bundled file is missing: the window then shows what the
    system can, and the reports say the font is missing when they are made)."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    path = font_path()
    if not path.is_file():
        return None
    loaded = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    return families[0] if families else None
