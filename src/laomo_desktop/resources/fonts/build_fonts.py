"""Rebuild the report fonts bundled here from their Debian sources, reproducibly.

ReportLab embeds TrueType outlines only, and the free 宋体 and 仿宋 faces ship as CFF OpenType:
each source below is subset to the characters the reports print (GB 2312 and the symbols in
EXTRA), its cubic outlines converted to quadratic ones (fontTools.cu2qu), hinting, layout and
vertical tables dropped, and renamed (a modified Noto font may not keep its name under the OFL;
the others are renamed too, so no one mistakes a subset for the original).

    python src/laomo_desktop/resources/fonts/build_fonts.py            # fetch the .deb files with apt-get
    python src/laomo_desktop/resources/fonts/build_fonts.py --from DIR # or use a folder they were unpacked in

Needs fontTools (`pip install -e .[fonts]`) and, without --from, apt-get and dpkg-deb. Each
source file is checked against its SHA-256; the output is the same bytes on every run with the
same fontTools version (timestamps come from the sources, nothing else varies).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_ERR = 1.0  # the largest distance, in font units (1/1000 em), of a quadratic from its cubic


@dataclass(frozen=True)
class Source:
    out: str          # the file written here
    package: str      # the Debian package (bookworm) holding the source
    version: str
    member: str       # the source's path inside the package
    sha256: str       # of that file
    face: str         # which face of a collection (its family name), "" for a single font
    family: str       # the new family name
    style: str        # Regular or Bold
    notice: str       # what was changed, written into the font's name table


CHANGED = ("Modified for Laomo Desktop by resources/fonts/build_fonts.py: subset to GB 2312 and "
           "the symbols reports print, {how}hinting and layout tables removed, renamed. ")

SOURCES = (
    Source("laomo-serif-regular.ttf", "fonts-noto-cjk", "1:20220127+repack1-1",
           "usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
           "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481",
           "Noto Serif CJK SC", "Laomo Serif", "Regular",
           CHANGED.format(how="outlines converted from CFF to TrueType, ")
           + "Based on Noto Serif CJK SC 2.001."),
    Source("laomo-serif-bold.ttf", "fonts-noto-cjk", "1:20220127+repack1-1",
           "usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
           "a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac", "Noto Serif CJK SC", "Laomo Serif", "Bold",
           CHANGED.format(how="outlines converted from CFF to TrueType, ")
           + "Based on Noto Serif CJK SC Bold 2.001."),
    Source("laomo-fang.ttf", "texlive-lang-chinese", "2022.20230122-1",
           "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf",
           "d838ad32ce2244d8144f408c37fe71065aba6fbbc80759a4d2aa2033948d5bc9", "", "Laomo Fang", "Regular",
           CHANGED.format(how="outlines converted from CFF to TrueType, ")
           + "Based on FandolFang 1.300."),
    Source("laomo-kai.ttf", "fonts-arphic-ukai", "0.2.20080216.2-5",
           "usr/share/fonts/truetype/arphic/ukai.ttc",
           "cfc758e69386a21bade8cb3b373fda20d7f2fac6e8904ced2ded98588b63e274", "AR PL UKai CN", "Laomo Kai", "Regular",
           CHANGED.format(how="embedded bitmaps, ")
           + "Based on AR PL UKai CN 0.2.20080216. Changed on 2008-02-16 (source date) "
             "by this build."),
)

# Beyond GB 2312: what secretaries type and the reports print that GB 2312 lacks or encodes
# as another code point (· U+00B7 and — U+2014 as input methods give them, ¥, ㎡, ◐ …). Not
# here: the characters reports/text.py replaces (• ‑ ⁄ …), which no bundled face may have.
EXTRA = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100))) + (
    "‐–—―‖‘’‚“”„†‡‥…‰′″‹›※‼"
    "℃℉№™Ω℮ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ←↑→↓↔"
    "∈∏∑∕√∝∞∠∥∧∨∩∪∫∮∴∵∶∷∽≈≌≒≠≡≤≥≦≧≮≯⊙⊥⌒"
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑"
    "─━│┃┄┅┆┇┈┉┊┋┌┐└┘├┤┬┴┼■□▲△▼▽◆◇○◎●◐◑★☆♀♂"
    "、。〃々〆〇〈〉《》「」『』【】〒〓〔〕〖〗〝〞〡〢〣〤〥〦〧〨〩"
    "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩㎎㎏㎜㎝㎞㎡㏄㏎㏑㏒㏕︰︱︳︴︵︶︹︺︻︼︽︾︿﹀﹁﹂﹃﹄﹏"
    "﹐﹑﹒﹔﹕﹖﹗﹙﹚﹛﹜﹝﹞﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫！＂＃＄％＆＇（）＊＋，－．／"
    "０１２３４５６７８９：；＜＝＞？＠［＼］＾＿｀｛｜｝～￠￡￢￣￤￥")


def charset() -> set[int]:
    """GB 2312 (6,763 hanzi and 682 symbols) and EXTRA, as code points."""
    pairs = (bytes((hi, lo)) for hi in range(0xA1, 0xF8) for lo in range(0xA1, 0xFF))
    gb = "".join(p.decode("gb2312", errors="ignore") for p in pairs)
    return {ord(c) for c in gb + EXTRA}


def fetch(packages: dict[str, str], into: Path) -> Path:
    """Download the source packages with apt-get and unpack them under `into`."""
    root = into / "root"
    root.mkdir(parents=True, exist_ok=True)
    for name, version in packages.items():
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=into, check=True)
    for deb in sorted(into.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def load(src: Source, root: Path):
    from fontTools.ttLib import TTCollection, TTFont

    path = root / src.member
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != src.sha256:
        sys.exit(f"{path}: SHA-256 {digest}, expected {src.sha256}")
    if not src.face:
        return TTFont(path, recalcTimestamp=False)
    names = [f["name"].getDebugName(1) for f in TTCollection(path, lazy=True).fonts]
    return TTFont(path, fontNumber=names.index(src.face), recalcTimestamp=False)


def subset(font, codes: set[int]) -> None:
    from fontTools import subset as ft_subset

    opts = ft_subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx",
                         "DSIG", "FFTM", "gasp", "EBDT", "EBLC", "EBSC", "hdmx", "LTSH",
                         "VDMX", "PCLT", "kern"]
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes=sorted(codes))
    sub.subset(font)


def to_truetype(font) -> None:
    """Replace the CFF table by glyf/loca with quadratic outlines (reversed: TrueType's outer
    contours run clockwise, CFF's counter-clockwise)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    out = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        out[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, out
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, src: Source) -> None:
    """The new family name in every record that names the font; copyright, licence, vendor and
    designer records kept; a description of what was changed added."""
    name = font["name"]
    ps = src.family.replace(" ", "") + "-" + src.style
    keep = {0, 7, 8, 9, 11, 12, 13, 14}
    name.names = [r for r in name.names if r.nameID in keep and r.platformID == 3]
    version = font["head"].fontRevision
    for nid, text in ((1, src.family), (2, src.style), (3, f"{ps};{version:.3f};laomo"),
                      (4, f"{src.family} {src.style}" if src.style != "Regular" else src.family),
                      (5, f"Version {version:.3f}; laomo subset"), (6, ps),
                      (10, src.notice)):
        name.setName(text, nid, 3, 1, 0x409)
    font["post"].formatType = 3.0
    font["post"].extraNames, font["post"].mapping = [], {}


def build(src: Source, root: Path, codes: set[int]) -> tuple[Path, int, set[int]]:
    font = load(src, root)
    font.recalcTimestamp = False
    have = set(font.getBestCmap())
    subset(font, codes)
    if "CFF " in font:
        to_truetype(font)
    rename(font, src)
    out = HERE / src.out
    font.save(out, reorderTables=True)
    return out, out.stat().st_size, codes - have


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="root", type=Path,
                    help="a folder where the source packages were unpacked (dpkg-deb -x)")
    args = ap.parse_args(argv)
    codes = charset()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.root or fetch({s.package: s.version for s in SOURCES}, Path(tmp))
        for src in SOURCES:
            out, size, lacking = build(src, root, codes)
            print(f"{out.name}: {size:,} bytes, {len(codes) - len(lacking):,} of {len(codes):,} "
                  f"characters ({len(lacking)} not in the source: "
                  f"{''.join(sorted(chr(c) for c in lacking))[:80]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
