"""One writer per ledger: the window and every command that changes the ledger take this lock.

The lock is the operating system's own lock on `ledger.lock` (flock on POSIX, a locked byte
on Windows), so it goes away with the process that held it: a crash never leaves it behind.
The file also says who holds it ("图形界面" or "命令行 laomo import", the process id), so the
program refused can tell the user what to close. Within one process the lock is shared: the
window and the ledger it opens, or a test and the command it runs, do not lock each other out.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Message, Text
from laomo_desktop.visible import visible

GUI = "gui"
THE_WINDOW = Text("图形界面", "the program's window")
A_COMMAND = Text("命令行 laomo {program}（进程 {pid}）", "the command laomo {program} (process {pid})")
OPEN_IN_WINDOW = Text("台账正在图形界面中打开：请在窗口中操作，或先关闭窗口。",
                      "The ledger is open in the program's window: please work there, or close "
                      "the window first.")
IN_USE_BY = Text("台账正在被{who}使用：请等它完成后再试。",
                 "The ledger is in use by {who}: please wait until it has finished, then try "
                 "again.")
IN_USE = Text("台账正在被另一个程序使用：请等它完成后再试。",
              "The ledger is in use by another program: please wait until it has finished, "
              "then try again.")
NO_LOCK_FILE = Text("无法在数据文件夹“{root}”中建立锁文件：{why}",
                    "Cannot make the lock file in the data folder “{root}”: {why}")
_WIN_OFFSET = 1 << 30  # the byte locked on Windows, far beyond the holder text


@dataclass(frozen=True)
class Holder:
    program: str  # GUI, or the command's name ("import", "restore", ...)
    pid: int
    host: str
    since: str

    @property
    def is_gui(self) -> bool:
        return self.program == GUI

    def describe(self) -> Message:
        """Who holds the ledger, worded when shown (texts.worded)."""
        if self.is_gui:
            return THE_WINDOW()
        return A_COMMAND(program=self.program, pid=self.pid)


class LedgerBusy(LaomoError):
    """Another program holds the ledger."""

    def __init__(self, holder: Holder | None):
        self.holder = holder
        if holder is not None and holder.is_gui:
            msg = OPEN_IN_WINDOW()
        elif holder is not None:
            msg = IN_USE_BY(who=holder.describe())
        else:
            msg = IN_USE()
        super().__init__(msg)


def lock_path(paths: LedgerPaths) -> Path:
    return paths.lock


def read_holder(paths: LedgerPaths) -> Holder | None:
    """Who holds (or last held) the lock, as written in the lock file."""
    try:
        data = json.loads(lock_path(paths).read_text("utf-8")[:4096])
        return Holder(visible(str(data["program"]))[:40], int(data["pid"]),
                      visible(str(data["host"]))[:100], str(data["since"])[:40])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_os_lock(fd: int) -> bool | None:
    """True: locked; False: another process holds it; None: this file system has no locks."""
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # e.g. a network share without lock support
        return None
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, _WIN_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)  # on POSIX, closing releases the flock


class _Held:
    def __init__(self, fd: int, holder: Holder, os_locked: bool):
        self.fd = fd
        self.holder = holder
        self.os_locked = os_locked
        self.count = 0


_held: dict[str, _Held] = {}


def _key(paths: LedgerPaths) -> str:
    return os.path.normcase(str(paths.root.resolve()))


def holds(paths: LedgerPaths) -> Holder | None:
    """As whom this process holds the ledger's lock, if it does."""
    h = _held.get(_key(paths))
    return h.holder if h is not None else None


def try_acquire(paths: LedgerPaths, program: str) -> bool:
    """Take the lock if nobody else has it. Raises LaomoError if the file cannot be made."""
    key = _key(paths)
    if key in _held:
        _held[key].count += 1
        return True
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(lock_path(paths), flags, 0o644)
    except OSError as exc:
        raise LaomoError(NO_LOCK_FILE(root=paths.root, why=exc.strerror or exc)) from exc
    locked = _try_os_lock(fd)
    if locked is False:
        os.close(fd)
        return False
    holder = Holder(program, os.getpid(), socket.gethostname(),
                    datetime.now().astimezone().isoformat(timespec="seconds"))
    text = json.dumps(holder.__dict__, ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
        os.ftruncate(fd, len(text))
    _held[key] = h = _Held(fd, holder, os_locked=locked is True)
    h.count = 1
    return True


def acquire(paths: LedgerPaths, program: str, *, wait_for_commands: float = 0.0,
            on_wait: Callable[[Holder | None], None] | None = None) -> None:
    """Take the lock or raise LedgerBusy naming the holder. A command holding it may be waited
    for (`wait_for_commands` seconds); the window never is: it may stay open for hours."""
    deadline = time.monotonic() + wait_for_commands
    told = False
    while not try_acquire(paths, program):
        holder = read_holder(paths)
        if (holder is not None and holder.is_gui) or time.monotonic() >= deadline:
            raise LedgerBusy(holder)
        if on_wait is not None and not told:
            on_wait(holder)
            told = True
        time.sleep(0.1)


def release(paths: LedgerPaths) -> None:
    key = _key(paths)
    h = _held.get(key)
    if h is None:
        return
    h.count -= 1
    if h.count > 0:
        return
    del _held[key]
    with contextlib.suppress(OSError):
        _unlock(h.fd)


def without_os_lock(paths: LedgerPaths) -> bool:
    """Whether this process holds the ledger only in name: its file system has no locks."""
    h = _held.get(_key(paths))
    return h is not None and not h.os_locked
