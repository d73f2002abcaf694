"""How a `laomo` command gets the ledger: commands that change it take its lock (waiting for
another command, never for the window); the others read beside a running window on one
consistent snapshot; a few still work when the ledger is damaged or lost (store.health)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text

# How the command line frames what the core says, in the language LAOMO_LANG chose (cli.main).
ERROR = Text("错误：{message}", "Error: {message}")
NOTICE = Text("注意：{message}", "Note: {message}")
ABOUT_FILE = Text("{file}：{message}", "{file}: {message}")
INTERRUPTED = Text("已中断。已完成的部分已保存，未完成的部分没有写入。",
                   "Interrupted. What was finished is saved; what was not is not written.")
WAITING = Text("{who}正在使用台账，等待它完成……", "{who} is using the ledger; waiting for it to finish…")
ANOTHER_COMMAND = Text("另一个命令", "Another command")

Command = Callable[..., int]
Recovery = Callable[..., int]

# Commands that change the ledger take its lock (waiting for another command, never for the
# window); the others read beside a running window on one consistent snapshot.
WRITING = frozenset({"demo", "restore", "import", "backup", "export"})
LOCK_WAIT_SECONDS = 600


class Sets(argparse.Action):
    """An option whose value changes the ledger: the command then takes the ledger's lock."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)
        namespace.writes = True


def _writes(args) -> bool:
    return (args.command in WRITING
            or (args.command == "conflicts" and args.resolve is not None)
            or (args.command == "year-start" and args.month is not None)
            or getattr(args, "writes", False))  # cli_records: add, edit, trash, restore, attach


def _waiting(holder) -> None:
    who = holder.describe() if holder is not None else ANOTHER_COMMAND
    print(WAITING(who=who), file=sys.stderr)


def run_command(args, paths: LedgerPaths, commands: dict[str, Command],
                recover: dict[str, Recovery]) -> int:
    """Run `commands[args.command]` on the ledger opened the way the command needs."""
    from laomo_desktop.store import health, lock
    from laomo_desktop.store.database import create_folders, open_ledger, open_snapshot
    from laomo_desktop.store.models import database

    took = False
    if paths.root.exists() and health.folder_read_only(paths):
        if _writes(args):
            raise LaomoError(health.read_only_message(paths))
    elif _writes(args):
        create_folders(paths)
        lock.acquire(paths, args.command, wait_for_commands=LOCK_WAIT_SECONDS, on_wait=_waiting)
        took = True
    elif paths.root.exists():
        took = lock.try_acquire(paths, args.command)
        if not took:  # the window or a command is changing the ledger: read a snapshot
            open_snapshot(paths)
            with database.atomic():  # read-only: one read transaction, one snapshot
                return commands[args.command](args, paths)
    try:
        try:
            open_ledger(paths, program=args.command)
        except health.LedgerProblem as exc:
            if args.command not in recover:  # it still works on a damaged or lost ledger
                raise
            return recover[args.command](args, paths, exc)
        for note in _notices():
            print(NOTICE(message=note), file=sys.stderr)
        return commands[args.command](args, paths)
    finally:
        if took:
            lock.release(paths)


def _notices() -> list[str]:
    from laomo_desktop.store.database import current

    state = current()
    return state.notices if state is not None else []
