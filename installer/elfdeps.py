"""Read what an ELF shared object needs (DT_NEEDED), its soname and the glibc/libstdc++ symbol
versions it asks for, in plain Python (no binutils). Used by laomo.spec to leave out libraries
nothing in the build loads, and by build.py to check the .deb's Depends against the build.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1
DT_SONAME = 14
_VERSION = re.compile(rb"(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)+)")


@dataclass
class ElfInfo:
    needed: list[str] = field(default_factory=list)
    soname: str | None = None
    versions: dict[str, tuple[int, ...]] = field(default_factory=dict)  # highest per family


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def read(path: Path) -> ElfInfo | None:
    """DT_NEEDED, DT_SONAME and the highest GLIBC_/GLIBCXX_/CXXABI_ version named in the
    dynamic string table; None for anything that is not a readable ELF file."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return None
    wide = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        sh_fmt, dyn_fmt = end + "IIQQQQIIQQ", end + "qQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sh_fmt, dyn_fmt = end + "IIIIIIIIII", end + "iI"
    sections = []
    for i in range(shnum):
        off = shoff + i * shentsize
        if off + struct.calcsize(sh_fmt) > len(data):
            return None
        _name, typ, _flags, _addr, offset, size, link, _info, _align, _entsize = \
            struct.unpack_from(sh_fmt, data, off)
        sections.append((typ, offset, size, link))
    info = ElfInfo()
    for typ, offset, size, link in sections:
        if typ != SHT_DYNAMIC or link >= len(sections):
            continue
        _t, str_off, str_size, _l = sections[link]
        strtab = data[str_off:str_off + str_size]

        def string(pos: int, strtab: bytes = strtab) -> str:
            return strtab[pos:strtab.index(b"\0", pos)].decode("utf-8", "replace")

        step = struct.calcsize(dyn_fmt)
        for pos in range(offset, offset + size, step):
            tag, val = struct.unpack_from(dyn_fmt, data, pos)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                info.needed.append(string(val))
            elif tag == DT_SONAME:
                info.soname = string(val)
        for m in _VERSION.finditer(strtab):
            family = m.group(1).decode()
            version = tuple(int(x) for x in m.group(2).split(b"."))
            if version > info.versions.get(family, ()):
                info.versions[family] = version
    return info
