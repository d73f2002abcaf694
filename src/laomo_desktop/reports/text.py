"""Text that goes into a PDF: escaped (ReportLab's Paragraph parses markup), wrapped the Chinese
way (no line ends with an opening bracket or quote, none starts with closing punctuation, no
number is cut from its unit), and each character in a face that has it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _paragraph
from reportlab.rl_config import _FUZZ

from laomo_desktop.reports import fonts
from laomo_desktop.visible import mark

# ReportLab's CJK wrapping keeps 。、 off the start of a line but not the full-width ，；：？！
# and closing brackets, and it has no rule for the end of a line: "深化“" could end one, the
# quote cut from what it opens. Both its wrapping paths (simple paragraphs through
# lib.textsplit.wordSplit, mixed-style ones through platypus.paragraph.cjkFragSplit) are
# replaced below by line_ranges, which table cells broken into fixed lines use too.
NO_LINE_START = "，；：？！）》」』】〕〉”’·…%℃"
NO_LINE_END = "“‘（《〈【〔「『(["
for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START = _module.ALL_CANNOT_START + "".join(
        c for c in NO_LINE_START if c not in _module.ALL_CANNOT_START)
_NO_START = frozenset(_textsplit.ALL_CANNOT_START + " ")  # a space hangs too (it is not seen)
_NO_END = frozenset(NO_LINE_END + _textsplit.CANNOT_END_LINE[0])
# a number with its unit (156,100.00 元, 0.10 万元, 42.08%, ≥ 8, 8–12), or a Latin word, is
# not broken across lines
UNBROKEN = re.compile(r"(?:[≥≤]\s?)?[0-9A-Za-z]+(?:[.,:/_\-–][0-9A-Za-z]+)*"
                      r"(?:%|\s?(?:万元|元|人次|场次|项|件|次|人|对|分|页)(?![\u4e00-\u9fff]))?")


def line_ranges(text: str, widths: Sequence[float], max_widths: Sequence[float], *,
                hang: bool = True, forced: frozenset[int] = frozenset()
                ) -> list[tuple[int, int, bool]]:
    """`text` (one character a width) broken into lines as (start, stop, ended by a forced
    break): as many characters as fit, then back to the nearest place where the line neither
    ends with an opening mark, nor the next starts with closing punctuation, nor a number or
    word is cut (none in the line: cut where it overflows). With `hang`, one closing mark
    that overflows stays on its line, over the edge. `forced`: positions after which a line
    ends (a <br/>). Trailing characters of no width make no line of their own."""
    glued = {b for m in UNBROKEN.finditer(text) for b in range(m.start() + 1, m.end())}

    def breakable(b: int) -> bool:
        return text[b - 1] not in _NO_END and text[b] not in _NO_START and b not in glued

    n, out = len(text), []
    start = i = 0
    used, limit = 0.0, max_widths[0]
    while i < n:
        if used + widths[i] > limit + _FUZZ and i > start:
            if hang and text[i] in _NO_START and text[i - 1] not in _NO_END and (
                    i + 1 == n or breakable(i + 1)):
                stop = i + 1
            else:
                stop = i
                while stop > start and not breakable(stop):
                    stop -= 1
                stop = stop if stop > start else i
            out.append((start, stop, False))
        elif i in forced:
            out.append((start, i + 1, True))
        else:
            used += widths[i]
            i += 1
            continue
        start = i = out[-1][1]
        used, limit = 0.0, max_widths[min(len(out), len(max_widths) - 1)]
    if start < n and sum(widths[start:]) > 0:
        out.append((start, n, False))
    return out


def wrap_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """`text` broken into lines that fit `width` by line_ranges, nothing over the edge: for a
    cell given as lines (its Paragraph then breaks nowhere else). Each line of `text` starts
    a new one."""
    lines: list[str] = []
    for para in text.split("\n"):
        widths = [stringWidth(c, font, size) for c in para]
        lines += [para[a:b] for a, b, _ in line_ranges(para, widths, [width], hang=False)] or [""]
    return lines


def _word_split(word: str, maxWidths, fontName: str, fontSize: float, encoding="utf8") -> list:
    """lib.textsplit.wordSplit's result — [room left, text] a line — by line_ranges."""
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    widths = [stringWidth(c, fontName, fontSize) for c in word]
    out = []
    for k, (a, b, _) in enumerate(line_ranges(word, widths, maxWidths)):
        line = word[a:b].strip()
        out.append([maxWidths[min(k, len(maxWidths) - 1)] - stringWidth(line, fontName, fontSize),
                    line])
    return out


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """platypus.paragraph.cjkFragSplit by line_ranges: a paragraph of several fragments."""
    glyphs = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        glyphs += [_paragraph.cjkU(t, f, encoding) for t in text] if text else [
            _paragraph.cjkU(text, f, encoding)]
    widths = []
    for u in glyphs:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    forced = frozenset(k for k, u in enumerate(glyphs) if hasattr(u.frag, "lineBreak"))
    lines = []
    for k, (a, b, brk) in enumerate(line_ranges("".join(u or "\0" for u in glyphs), widths,
                                                maxWidths, forced=forced)):
        room, used = maxWidths[min(k, len(maxWidths) - 1)], sum(widths[a:b])
        lines.append(_paragraph.makeCJKParaLine(glyphs[a:b], room, used, room - used, brk,
                                                calcBounds))
    return _paragraph.ParaLines(kind=1, lines=lines)


_paragraph.wordSplit = _word_split
_paragraph.cjkFragSplit = _cjk_frag_split

# Every Paragraph's fragments pass through ReportLab's textTransformFrags once, after its markup
# is parsed: extended here, a run of characters the fragment's face lacks (a Latin letter with
# an accent in 仿宋, a rare hanzi outside GB 2312) becomes a fragment in a face that has it.
_transform_frags = _paragraph.textTransformFrags


def _frags_in_faces(frags: list, style) -> None:
    _transform_frags(frags, style)
    if style.wordWrap == "CJK":
        for frag in frags:
            frag.cjk = True  # see _split_cjk_lines
    one = frags[0] if len(frags) == 1 else None
    if (one is not None and style.alignment == TA_JUSTIFY and style.wordWrap == "CJK"
            and len(getattr(one, "text", "")) > 1):  # wrapped as fragments: see below
        frags[:] = [one.clone(text=one.text[:1]), one.clone(text=one.text[1:])]
    i = 0
    while i < len(frags):
        frag = frags[i]
        text, face = getattr(frag, "text", ""), getattr(frag, "fontName", None)
        if text and face in fonts.FILES and not fonts.covers(face, text):
            pieces = [frag.clone(text=t, fontName=f) for f, t in fonts.runs(text, face)]
            frags[i:i + 1] = pieces
            i += len(pieces)
        else:
            i += 1


_paragraph.textTransformFrags = _frags_in_faces

# ReportLab justifies a line by widening its spaces, and a line of hanzi has none: left as is,
# a justified Chinese paragraph comes out ragged. A justified line of a CJK-wrapped paragraph
# spreads its extra room over the gaps between its characters instead (PDF character spacing);
# a line a closing mark hangs over the edge is drawn that much tighter. Such a paragraph is
# always wrapped as fragments (see _frags_in_faces): ReportLab's faster path for a paragraph of
# one fragment strips a line's end spaces without saying how wide they were.
_justify_frag_line = _paragraph._justifyDrawParaLineX


def _character_gap(tx, extra: float, text: str, font: str, size: float, last) -> float:
    """The spacing that makes the line `text` (ending in `font`) `extra` points wider, up to
    its last visible character; 0 when it is not to be spread (not CJK, the last line, already
    full, a lone long word)."""
    if getattr(tx, "direction", None) != "CJK" or last or abs(extra) <= 1e-8:
        return 0.0
    visible = text.rstrip(" ")
    if len(visible) < 2:
        return 0.0
    extra += stringWidth(text[len(visible):], font, size)  # a space at the end shows nothing
    gap = extra / (len(visible) - 1)
    return gap if -0.25 * size < gap < 0.5 * size else 0.0


def _spread_frag_line(tx, offset, line, last=0):
    words = [w for w in line.words if not hasattr(w, "cbDefn")]
    if line.lineBreak or not words:
        return _justify_frag_line(tx, offset, line, last)
    gap = _character_gap(tx, line.extraSpace, "".join(w.text for w in words),
                         words[-1].fontName, words[-1].fontSize, last)
    if not gap:
        return _justify_frag_line(tx, offset, line, last)
    tx.setCharSpace(gap)
    _justify_frag_line(tx, offset, line, True)  # as a last line: no word spacing on top
    tx.setCharSpace(0)


_paragraph._justifyDrawParaLineX = _spread_frag_line

# A paragraph split at a page's end goes on as a new paragraph of the rest of its fragments,
# which ReportLab joins line to line with a space: right between words, wrong between hanzi
# (the rest of the page would show a stray space per line). A CJK-wrapped one is joined as is.
_split_lines = _paragraph._split_blParaHard


def _split_cjk_lines(blPara, start: int, stop: int) -> list:
    words = [w for line in blPara.lines[start:stop] for w in line.words]
    if all(getattr(w, "cjk", False) for w in words if not hasattr(w, "cbDefn")):
        return words
    return _split_lines(blPara, start, stop)


_paragraph._split_blParaHard = _split_cjk_lines


# Characters users type that no bundled face has a glyph for, each with one they have that
# reads the same: the minus of "3700 元 − 1500 元" must not become a stand-in
# in a calculation, nor a tick a code. Checked against the font's own character map (tests).
SUBSTITUTES: dict[str, str] = {
    "\u2212": "－",  # − minus sign
    "\u2713": "√", "\u2714": "√", "\u2705": "√", "\u2611": "√",  # ✓ ✔ ✅ ☑
    "\u2717": "×", "\u2718": "×", "\u2715": "×", "\u2716": "×",  # ✗ ✘ ✕ ✖
    "\u274c": "×", "\u274e": "×", "\u2612": "×",  # ❌ ❎ ☒
    "\u2610": "□",  # ☐
    "\u2a7d": "≤", "\u2a7e": "≥",  # ⩽ ⩾ (the slanted forms some input methods give)
    "\u2022": "·", "\u2027": "·", "\u2219": "·", "\u22c5": "·",  # • ‧ ∙ ⋅
    "\u2011": "-", "\u2012": "–",  # non-breaking hyphen, figure dash
    "\u2e3a": "——", "\u2e3b": "———",  # ⸺ ⸻ (the Chinese dash typed as one character)
    "\u2b50": "★", "\u271a": "＋", "\u2217": "*", "\u2044": "/", "\u2205": "Ø",
    **{chr(c): " " for c in (*range(0x2002, 0x200B), 0x202F, 0x205F)},  # typographic spaces
    **{chr(0x2776 + i): chr(0x2460 + i) for i in range(10)},  # ❶…❿ → ①…⑩
    **{chr(0x2780 + i): chr(0x2460 + i) for i in range(10)},  # ➀…➉
    **{chr(0x278A + i): chr(0x2460 + i) for i in range(10)},  # ➊…➓
    "\ufe0e": "", "\ufe0f": "",  # text/emoji presentation selectors: nothing to print
}
_SUBSTITUTE = str.maketrans(SUBSTITUTES)


def printable(text: str) -> str:
    """`text` as the faces can print it: a character none has becomes the one in SUBSTITUTES that
    reads the same (− → －, ✓ → √), any other is shown as `[U+1F600]`.

    The bundled faces have no emoji: without this, what a secretary typed would vanish from
    the page without a trace. The notation is the one used for hidden characters on screen."""
    have = fonts.any_covered()
    if have.issuperset(text):
        return text
    text = text.translate(_SUBSTITUTE)
    return "".join(ch if ch in have or ch in "\n\r\t" else mark(ch) for ch in text)


def esc(value) -> str:
    """A user's text as Paragraph markup that prints literally; line breaks kept."""
    if value is None:
        return ""
    return escape(printable(str(value))).replace("\r\n", "\n").replace("\n", "<br/>")
