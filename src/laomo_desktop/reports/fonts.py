"""The bundled faces, one for each role of an official document's typography (GB/T 9704 as
unions print): 宋体 bold for titles, 黑体 for level-1 headings, 楷体 for level-2, 仿宋 for the
body and level-3 (drawn bold), 宋体 for tables. Registered once, embedded as subsets.

The serif, 仿宋 and 楷体 files hold GB 2312 and the symbols reports print (resources/fonts/
build_fonts.py); Zen Hei holds some 42,000 characters. A character a face lacks is drawn in the
first face of FALLBACK that has it (`runs`), so every glyph printed exists in the face that
prints it; one that no face has is replaced before it gets here (reports.text.printable)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import resources_dir
from laomo_desktop.texts import Text

HEI = "WQYZenHei"             # 黑体
SONG = "LaomoSerif"           # 宋体
SONG_BOLD = "LaomoSerif-Bold"  # 宋体 bold, for 小标宋
FANG = "LaomoFang"            # 仿宋
KAI = "LaomoKai"              # 楷体
FONT = HEI  # the face of plain strings drawn without a role (charts, listings)

FILES: dict[str, tuple[str, int]] = {  # face: (file in resources/fonts, subfont of a collection)
    HEI: ("wqy-zenhei.ttc", 0),
    SONG: ("laomo-serif-regular.ttf", 0),
    SONG_BOLD: ("laomo-serif-bold.ttf", 0),
    FANG: ("laomo-fang.ttf", 0),
    KAI: ("laomo-kai.ttf", 0),
}
FALLBACK = (HEI, SONG, FANG, KAI, SONG_BOLD)  # where a character a face lacks is looked for

NO_FONT = Text("找不到报表字体文件“{path}”，请重新安装程序。",
               'The report font file "{path}" cannot be found; please reinstall the program.')
_registered: list[str] = []


def font_path(face: str = HEI) -> Path:
    return resources_dir() / "fonts" / FILES[face][0]


def register() -> str:
    """Register every face with ReportLab (once); returns the default face's name."""
    if _registered:
        return _registered[0]
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, (_, index) in FILES.items():
        path = font_path(face)
        if not path.is_file():
            raise LaomoError(NO_FONT(path=path))
        pdfmetrics.registerFont(TTFont(face, str(path), subfontIndex=index))
    for face in FILES:
        bold = SONG_BOLD if face == SONG else face
        for italic in (0, 1):  # <b> and <i> in user text cannot break a build
            addMapping(face, 0, italic, face)
            addMapping(face, 1, italic, bold)
    rl_config.canvas_basefontname = FONT  # else every PDF names an unembedded Helvetica
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT  # chart labels default to it too
    _registered.append(FONT)
    return FONT


@cache
def covered(face: str = HEI) -> frozenset[str]:
    """Every character `face` has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    register()
    glyphs = pdfmetrics.getFont(face).face.charToGlyph
    return frozenset(chr(code) for code, glyph in glyphs.items() if glyph)


@cache
def any_covered() -> frozenset[str]:
    """Every character some face can draw: any other would print as nothing (an emoji, a rare
    symbol), so reports print a stand-in for it instead (reports.text)."""
    return frozenset().union(*(covered(face) for face in FILES))


def face_for(ch: str, face: str) -> str:
    """The face that draws `ch` where `face` was asked for: `face` itself when it has the
    glyph, else the first of FALLBACK that has it."""
    if ch in covered(face):
        return face
    return next((f for f in FALLBACK if ch in covered(f)), face)


def covers(face: str, text: str) -> bool:
    return covered(face).issuperset(text)


def runs(text: str, face: str) -> list[tuple[str, str]]:
    """`text` as (face, text) runs, each character in a face that has it."""
    if covers(face, text):
        return [(face, text)]
    out: list[tuple[str, str]] = []
    for ch in text:
        f = face_for(ch, face) if not ch.isspace() else face
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + ch)
        else:
            out.append((f, ch))
    return out
