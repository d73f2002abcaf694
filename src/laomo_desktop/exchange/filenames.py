"""The file name of a data package: the studio's name first (so a clerk with forty packages on
one stick tells them apart), then its code, its uid's first 8 characters, the time and the
sequence number — within what FAT32, Windows and Linux file systems accept.

`<name>_<code>-<uid[:8]>-<yyyymmddTHHMMSSZ>-<sequence:04d>.laomo.zip`; the name part is left
out when nothing of it is safe, the code part when there is none. Nothing relies on the name:
the manifest inside is what counts."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from laomo_desktop.visible import BIDI

SUFFIX = ".laomo.zip"
FILE_NAME_RE = re.compile(r"^(?:(?P<name>.+)_)?(?P<prefix>[A-Za-z0-9-]+)-(?P<stamp>\d{8}T\d{6}Z)"
                          r"-(?P<seq>\d{4,})" + re.escape(SUFFIX) + "$")

# Characters Windows (and so FAT32 on any system) refuses in a name; "/" is every system's.
FORBIDDEN = frozenset('<>:"/\\|?*')
# Windows' device names: refused as the part before the first dot, whatever follows it
RESERVED = re.compile(r"(?i)(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])")
# The studio's name within the file name: what a clerk reads in a file list. Limits leave the
# whole name (about 62 ASCII characters more, ".partial" while it is written) far below 255
# bytes (ext4) and 255 UTF-16 units (FAT32 and NTFS long names), and a stick's path far below
# Windows' 260 characters.
NAME_MAX_UNITS = 40   # UTF-16 code units (a character outside the BMP counts 2)
NAME_MAX_BYTES = 120  # UTF-8 bytes (a Chinese character counts 3)


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _clean_char(ch: str) -> str:
    """"_" for what no file list shows as itself or a system refuses; a space for any other
    blank (tabs, ideographic spaces collapse into one later)."""
    if ch in FORBIDDEN or ch in BIDI:
        return "_"
    cat = unicodedata.category(ch)
    if cat in ("Zs",) or ch in "\t\n\r":
        return " "
    if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return "_"
    return ch


def name_part(name: str, max_units: int = NAME_MAX_UNITS, max_bytes: int = NAME_MAX_BYTES) -> str:
    """The studio's name as it can stand in a file name on a FAT32 stick read on Windows:
    NFC, forbidden and invisible characters as "_", blanks as one space, no leading or
    trailing dot, space or "_", no device name before its first dot, within NAME_MAX_UNITS
    and NAME_MAX_BYTES (cut at a character, never inside one). "" when nothing is left."""
    text = "".join(_clean_char(ch) for ch in unicodedata.normalize("NFC", name or ""))
    text = re.sub(r" +", " ", text)
    text = re.sub(r"_{2,}", "_", text)
    text = re.sub(r"\.{2,}", ".", text)
    out = ""
    for ch in text:
        if (_utf16_units(out + ch) > max_units
                or len((out + ch).encode("utf-8")) > max_bytes):
            break
        out += ch
    out = out.strip(" ._-")
    if not out.replace("_", ""):
        return ""
    if RESERVED.fullmatch(out.split(".", 1)[0].rstrip(" ")):
        out = "_" + out
    return out


def code_part(code: str | None) -> str:
    """The studio's code as ASCII letters, digits and "-" (at most 20)."""
    return re.sub(r"[^A-Za-z0-9-]", "", code or "")[:20].strip("-")


def package_name(studio: dict, created: datetime, sequence: int) -> str:
    """`<name>_<code>-<uid[:8]>-<yyyymmddTHHMMSSZ>-<sequence:04d>.laomo.zip`.

    The uid part keeps two studios that typed the same code (or have the same name) from
    overwriting each other's packages in one folder."""
    code = code_part(studio.get("code"))
    prefix = f"{code}-{studio['uid'][:8]}" if code else studio["uid"][:8]
    name = name_part(studio.get("name") or "")
    head = f"{name}_" if name else ""
    return f"{head}{prefix}-{created.astimezone(UTC):%Y%m%dT%H%M%SZ}-{sequence:04d}{SUFFIX}"
