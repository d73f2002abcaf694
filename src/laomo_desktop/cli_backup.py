"""`laomo backup`, `laomo backups` and `laomo restore` (cli.py's commands): a backup now, the
backups kept, and a restore, over a damaged or lost ledger too (the RECOVER commands run when
the ledger cannot be opened)."""

from __future__ import annotations

import sys
from pathlib import Path

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.visible import json_text, visible
from laomo_desktop.work import run_in_terminal


def _v(value: object) -> str:
    return visible(str(value))  # a file name as the terminal shows it: nothing in it acts


def cmd_backup(args, paths: LedgerPaths) -> int:
    from laomo_desktop.store import backup

    info = run_in_terminal(backup.take_backup_steps(paths, "manual"))
    backup.rotate(paths)
    print(f"已备份到 {_v(info.path)}（{info.size / 1024:.0f} KB）")
    return 0


def cmd_backups(args, paths: LedgerPaths) -> int:
    from laomo_desktop.store import backup

    rows = backup.list_backups(paths)
    if args.json:
        print(json_text([{"file": str(b.path), "created": b.created.isoformat(),
                      "size": b.size, "reason": b.reason} for b in rows]))
        return 0
    if not rows:
        print("还没有备份。")
    for b in rows:
        local = b.created.astimezone()
        print(f"{local:%Y-%m-%d %H:%M:%S}  {b.size / 1024:>8.0f} KB  {_v(b.reason_label)}  "
              f"{_v(b.path.name)}")
    return 0


def _backup_file(paths: LedgerPaths, name: str) -> Path:
    f = Path(name)
    if not f.exists() and (paths.backups / name).exists():
        f = paths.backups / name
    return f


def cmd_restore(args, paths: LedgerPaths) -> int:
    from laomo_desktop.store import backup
    from laomo_desktop.store.database import close_ledger
    from laomo_desktop.store.health import LedgerProblem

    f = _backup_file(paths, args.file)
    try:
        before = run_in_terminal(backup.restore_backup_steps(paths, f))
    except LedgerProblem as problem:  # damaged although it opened: restore over it
        close_ledger()
        return recover_restore(args, paths, problem)
    print(f"已从 {_v(f.name)} 恢复台账。恢复前的台账已备份为 {_v(before.path.name)}。")
    return 0


def recover_restore(args, paths: LedgerPaths, problem) -> int:
    """Restore over a damaged or lost ledger: the file is moved aside as it is, not backed up."""
    from laomo_desktop.store import backup
    from laomo_desktop.store.database import open_ledger

    f = _backup_file(paths, args.file)
    moved = backup.restore_over(paths, f, problem.kind)
    open_ledger(paths, program=args.command)
    print(f"已从 {_v(f.name)} 恢复台账。")
    for m in moved:
        print(f"原来的文件已原样移到 {_v(m)}（没有删除）。")
    return 0


def recover_backups(args, paths: LedgerPaths, problem) -> int:
    print(f"注意：{problem.message}", file=sys.stderr)
    return cmd_backups(args, paths)


COMMANDS = {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore}
RECOVER = {"restore": recover_restore, "backups": recover_backups}
