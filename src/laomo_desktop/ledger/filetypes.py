"""What an attachment's file name really is, before the system is asked to open it.

An attachment comes from a package or a colleague's USB stick as often as from the user's own
disk. Handed to the system opener as it is, `报告.pdf.desktop` or `照片\u202egnp.exe` (which
shows as `照片exe.png`) runs a program on a click. So the name is classified by what decides
how the system opens it — its real last extension — and the user is warned before a program
or script is opened; and the copy that is opened gets a name that is safe to create on any
system (no folders, no control or bidi characters, no reserved device names).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from laomo_desktop.texts import Both, worded
from laomo_desktop.visible import BIDI


@dataclass(frozen=True)
class FileType:
    """A kind of file that runs something when opened, in both languages."""

    label: str
    en: str


_WIN_PROGRAM = FileType("Windows 程序", "Windows program")
_WIN_SCRIPT = FileType("Windows 脚本", "Windows script")
_INSTALLER = FileType("安装包", "installer package")
_SHORTCUT = FileType("快捷方式（可指向任意程序）", "shortcut (may point at any program)")
_LAUNCHER = FileType("Linux 桌面启动器（可运行任意命令）",
                     "Linux desktop launcher (may run any command)")
_SHELL = FileType("Shell 脚本", "shell script")
_LINUX_PROGRAM = FileType("Linux 程序", "Linux program")
_JAVA = FileType("Java 程序", "Java program")
_PYTHON = FileType("Python 脚本", "Python script")
_OTHER_SCRIPT = FileType("脚本程序", "script")
_MAC = FileType("macOS 程序", "macOS program")
_SETTINGS = FileType("系统设置文件（可更改系统配置）", "system settings file (may change the system)")

# The real last extension (lower case, without the dot) → what opening it does.
PROGRAMS: dict[str, FileType] = {
    **dict.fromkeys(("exe", "com", "scr", "pif", "cpl", "msc", "gadget", "application",
                     "appref-ms", "hta", "chm", "dll", "sys", "drv", "ocx"), _WIN_PROGRAM),
    **dict.fromkeys(("bat", "cmd", "js", "jse", "vbs", "vbe", "vb", "wsf", "wsh", "ws", "wsc",
                     "sct", "ps1", "ps1xml", "psm1", "psd1", "psc1", "msh", "msh1", "msh2",
                     "mshxml", "scf"), _WIN_SCRIPT),
    **dict.fromkeys(("msi", "msp", "mst", "appx", "appxbundle", "msix", "msixbundle", "deb",
                     "rpm", "pkg", "mpkg", "dmg", "apk", "snap", "flatpakref"), _INSTALLER),
    **dict.fromkeys(("lnk", "url", "website", "settingcontent-ms", "library-ms", "search-ms",
                     "webloc", "inetloc"), _SHORTCUT),
    "desktop": _LAUNCHER,
    **dict.fromkeys(("sh", "bash", "zsh", "csh", "ksh", "fish", "command", "tool"), _SHELL),
    **dict.fromkeys(("appimage", "run", "bin", "elf", "out", "x86_64"), _LINUX_PROGRAM),
    **dict.fromkeys(("jar", "jnlp", "class"), _JAVA),
    **dict.fromkeys(("py", "pyw", "pyc", "pyz", "pyzw"), _PYTHON),
    **dict.fromkeys(("pl", "rb", "php", "lua", "tcl", "applescript", "scpt", "ahk", "au3"),
                    _OTHER_SCRIPT),
    "app": _MAC,
    **dict.fromkeys(("reg", "inf", "ins", "isp", "xbap", "xll"), _SETTINGS),
}

# Pictures the attachment lists show as thumbnails (by the real last extension); whether the
# content really is one is decided when it is decoded (a bad one shows its file-type icon).
IMAGES = frozenset({"png", "jpg", "jpeg", "jpe", "jfif", "bmp", "dib", "gif", "webp", "tif",
                    "tiff", "ico", "ppm", "pgm", "pbm", "xbm", "xpm", "svg"})

# Characters no file system accepts in a name (Windows' set covers the others').
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?")
NAME_MAX_BYTES = 200  # well under every system's 255, leaving room for the folder's copy
FALLBACK = Both("附件", "attachment")  # the name of a copy whose own name is nothing but unsafe


def _clean_char(ch: str) -> str:
    if ch in _FORBIDDEN or ch in BIDI:
        return "_"
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cs", "Zl", "Zp") or (cat == "Cf" and ch not in "\u200d\ufe0e\ufe0f"):
        return "_"
    return ch


def real_extension(filename: str) -> str:
    """The extension that decides how the system opens the file, lower case, no dot.

    Windows ignores trailing dots and spaces (`报告.exe.` is a program); bidi controls only
    change how the name looks, never which extension it has."""
    name = "".join(ch for ch in filename if ch not in BIDI)
    name = re.split(r"[/\\]", name)[-1].rstrip(". \t")
    stem, dot, ext = name.rpartition(".")
    return ext.strip().lower() if dot and stem.strip(". ") else ""


def program_type(filename: str) -> FileType | None:
    """What the file would run if opened, or None for a document, picture or archive."""
    return PROGRAMS.get(real_extension(filename))


def is_image(filename: str) -> bool:
    """Whether the name says it is a picture (one the attachment lists show as a thumbnail)."""
    return real_extension(filename) in IMAGES


def safe_name(filename: str) -> str:
    """A name under which a copy of the attachment can be created and opened anywhere.

    Only the last part of a path is kept; control, bidi and reserved characters become `_`;
    trailing dots and spaces go; an empty, `.`/`..` or device name (CON, NUL…) is replaced or
    prefixed; a very long name is shortened, keeping its real extension."""
    name = re.split(r"[/\\]", str(filename))[-1]
    name = "".join(_clean_char(ch) for ch in name).strip().rstrip(". ")
    if not name.strip("._ "):
        name = worded(FALLBACK) + (f".{real_extension(filename)}" if real_extension(filename) else "")
    if _RESERVED.fullmatch(name):
        name = "_" + name
    if len(name.encode("utf-8")) > NAME_MAX_BYTES:
        stem, dot, ext = name.rpartition(".")
        ext = ext[:20] if dot else ""
        stem = stem if dot else name
        room = NAME_MAX_BYTES - (len(ext.encode("utf-8")) + 1 if ext else 0)
        while len(stem.encode("utf-8")) > room:
            stem = stem[:-1]
        name = f"{stem}.{ext}" if ext else stem
    return name
