"""The bundled CJK font, registered once and embedded as a subset in every PDF."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import resources_dir
from laomo_desktop.texts import Text

FONT = "WQYZenHei"
NO_FONT = Text("找不到报表字体文件“{path}”，请重新安装程序。",
               'The report font file "{path}" cannot be found; please reinstall the program.')
_registered: list[str] = []


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-zenhei.ttc"


def register() -> str:
    """Register the font with ReportLab (once); returns its name."""
    if _registered:
        return _registered[0]
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_path()
    if not path.is_file():
        raise LaomoError(NO_FONT(path=path))
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)  # <b> and <i> in user text cannot break a build
    rl_config.canvas_basefontname = FONT  # else every PDF names an unembedded Helvetica
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT  # chart labels default to it too
    _registered.append(FONT)
    return FONT


@cache
def covered() -> frozenset[str]:
    """Every character the bundled font has a glyph for: any other would print as nothing
    (an emoji, a rare symbol), so reports print a stand-in for it instead (reports.text)."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(register()).face
    return frozenset(chr(code) for code, glyph in face.charToGlyph.items() if glyph)
