"""Where a data package can be written: the mounted drives, removable ones (USB sticks) first.

Qt's QStorageInfo lists the volumes with their free space; whether a volume is removable comes
from the OS (Linux: /sys/block/<disk>/removable or a USB bus, or a mount under /media or
/run/media; Windows: GetDriveTypeW; macOS: a volume under /Volumes). `list_targets()` reads the
system; `targets_from()` is the pure part (filtering, sorting, labelling) the tests drive with
fake volumes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from laomo_desktop.ui.i18n import tr

# File systems that are never a place to put a package (memory, images, kernel views).
PSEUDO_FS = {"tmpfs", "devtmpfs", "ramfs", "squashfs", "overlay", "proc", "sysfs", "efivarfs",
             "cgroup", "cgroup2", "autofs", "devpts", "debugfs", "tracefs", "securityfs",
             "fusectl", "configfs", "pstore", "bpf", "mqueue", "hugetlbfs", "nsfs", "iso9660",
             "udf", "fuse.snapfuse", "fuse.portal", "binfmt_misc"}
SYSTEM_PREFIXES = ("/boot", "/snap", "/proc", "/sys", "/dev", "/var/lib", "/etc", "/usr")
REMOVABLE_MOUNTS = ("/media/", "/run/media/", "/mnt/usb", "/Volumes/")
DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Volume:
    """What we need to know of a mounted volume (a QStorageInfo, or a fake one in tests)."""

    root: str
    name: str = ""            # the volume label, often empty
    device: str = ""          # /dev/sdb1, \\?\Volume{…}\, …
    fs_type: str = ""
    free: int = 0             # bytes available to this user
    total: int = 0
    ready: bool = True
    read_only: bool = False


@dataclass(frozen=True)
class Target:
    """A drive a package can be written to."""

    root: Path
    name: str
    free: int
    total: int
    removable: bool

    @property
    def label(self) -> str:
        """"U 盘 KINGSTON (E:\\)" / "Local disk (/)"."""
        kind = tr("USB stick / removable") if self.removable else tr("Local disk")
        name = self.name or (self.root.name or str(self.root))
        where = str(self.root)
        return f"{kind} · {name}" if name == where else f"{kind} · {name} ({where})"


def size_text(n: int) -> str:
    """Free space as people read it: "3.7 GB", "512 MB", "900 KB"."""
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.0f} MB"
    return f"{max(n, 0) / 1024:.0f} KB"


def free_text(t: Target) -> str:
    return tr("%1 free").replace("%1", size_text(t.free))


# -- the removable flag from the OS ---------------------------------------------------------
def _linux_removable(device: str, root: str, sys_root: Path = Path("/sys")) -> bool:
    if root.startswith(REMOVABLE_MOUNTS):
        return True
    if not device.startswith("/dev/"):
        return False
    name = Path(os.path.realpath(device)).name  # /dev/disk/by-label/X → sdb1
    node = sys_root / "class" / "block" / name
    try:
        real = node.resolve()
        disk = real.parent if (real / "partition").exists() else real
        flag = (disk / "removable").read_text().strip()
    except OSError:
        return False
    return flag == "1" or "/usb" in str(disk)


def _windows_removable(root: str) -> bool:
    try:
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(root.replace("/", "\\")) == DRIVE_REMOVABLE
    except (AttributeError, OSError, ValueError):
        return False


def is_removable(volume: Volume, platform: str = sys.platform) -> bool:
    if platform.startswith("win"):
        return _windows_removable(volume.root)
    if platform == "darwin":
        return volume.root.startswith("/Volumes/")
    return _linux_removable(volume.device, volume.root)


# -- the pure part --------------------------------------------------------------------------
def usable(v: Volume, platform: str = sys.platform) -> bool:
    if not v.ready or v.read_only or not v.root or v.total <= 0:
        return False
    if v.fs_type.lower() in PSEUDO_FS:
        return False
    if platform.startswith("win"):
        return True
    return not (v.root != "/" and v.root.startswith(SYSTEM_PREFIXES))


def targets_from(volumes: Iterable[Volume], removable: Callable[[Volume], bool],
                 platform: str = sys.platform) -> list[Target]:
    """The usable volumes as targets: removable first, then by name; no root twice."""
    seen: set[str] = set()
    out = []
    for v in volumes:
        if v.root in seen or not usable(v, platform):
            continue
        seen.add(v.root)
        out.append(Target(Path(v.root), v.name, v.free, v.total, bool(removable(v))))
    return sorted(out, key=lambda t: (not t.removable, str(t.root).lower()))


def _qt_volumes() -> list[Volume]:
    from PySide6.QtCore import QStorageInfo

    out = []
    for s in QStorageInfo.mountedVolumes():
        if not s.isValid():
            continue
        out.append(Volume(root=s.rootPath(), name=s.displayName() if s.name() else "",
                          device=bytes(s.device()).decode(errors="replace"),
                          fs_type=bytes(s.fileSystemType()).decode(errors="replace"),
                          free=s.bytesAvailable(), total=s.bytesTotal(), ready=s.isReady(),
                          read_only=s.isReadOnly()))
    return out


def list_targets() -> list[Target]:
    """The drives a package can be written to now: ready, writable, removable first."""
    return targets_from(_qt_volumes(), is_removable)
