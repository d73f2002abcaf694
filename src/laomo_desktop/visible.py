"""Text from a package or the ledger, made safe to show: nothing in it can hide or fake output.

Control characters (terminal escape codes, newlines in a one-line field), bidi overrides that
turn `照片\u202egnp.exe` into what looks like `照片exe.png`, zero-width and other invisible
format characters, and lone surrogates are shown by code point, e.g. `[U+202E]`. Ordinary text,
CJK, emoji and their joiners are left as they are.
"""

from __future__ import annotations

import unicodedata

# Bidi embedding/override/isolate controls and marks: they reorder what follows them.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Format characters that belong inside emoji sequences and are harmless there.
_EMOJI_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


def _hidden(ch: str) -> bool:
    if ch in BIDI:
        return True
    if ch in _EMOJI_JOINERS:
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Cs", "Zl", "Zp") or (cat == "Co")


def mark(ch: str) -> str:
    return f"[U+{ord(ch):04X}]"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every invisible or reordering character shown by code point (`[U+202E]`).

    keep_newlines: multi-line text (a summary, minutes) keeps its line breaks and tabs."""
    if text.isprintable():  # every BIDI character is a format character: not printable
        return text
    if keep_newlines and text.replace("\n", "").replace("\t", "").isprintable():
        return text  # lines of printable text (a tooltip, a list of warnings)
    out = []
    for ch in text:
        if keep_newlines and ch in "\n\t":
            out.append(ch)
        elif _hidden(ch):
            out.append(mark(ch))
        else:
            out.append(ch)
    return "".join(out)


def has_bidi(text: str) -> bool:
    """Whether the text holds a character that reorders what is shown after it."""
    return not BIDI.isdisjoint(text)


def json_text(data: object) -> str:
    """JSON with the exact values, but every invisible or reordering character (which JSON
    leaves raw) written as its \\u202e escape: the same value, nothing a terminal acts on."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=1)
    if visible(text, keep_newlines=True) == text:
        return text
    out = []
    for ch in text:
        if visible(ch, keep_newlines=True) == ch:
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            hi, lo = divmod(ord(ch) - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + hi:04x}\\u{0xDC00 + lo:04x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)
