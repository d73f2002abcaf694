"""`laomo office` (this office's name, level and key), `laomo export --office` (forward to the
office above) and the office packages `laomo import` takes (exchange/officeimport.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from laomo_desktop.clirun import ABOUT_FILE, NOTICE, Sets
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import enums as E
from laomo_desktop.texts import Text, worded
from laomo_desktop.visible import visible
from laomo_desktop.work import Cancelled, run_in_terminal

OFFICE_NOT_TRUSTED = Text("未导入。这是该工会的第一个数据包，签名密钥指纹：\n  {fingerprint}\n"
                          "请通过电话或纸面与该工会核对指纹，确认一致后加 --yes 重新运行。",
                          "Not imported. This is the first package from this office; its "
                          "signing-key fingerprint:\n  {fingerprint}\nCompare the fingerprint with "
                          "the office (by phone or on paper) and, if it matches, run again with "
                          "--yes.")
STUDIO_NEEDED = Text("请用 --studio 指定要导出的工作室，或用 --office 转报给上级工会。",
                     "Name the studio to export with --studio, or forward to the office above "
                     "with --office.")
LEVELS = "、".join(f"{lv.value}（{lv.zh}）" for lv in E.OfficeLevel)


def _v(value: object) -> str:
    return visible(str(value))


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    o = sub.add_parser("office", parents=[common],
                       help="本工会的名称、级别（区县/市/省）和签名密钥指纹：不带参数时查看，带参数时设置")
    o.add_argument("--name", action=Sets, help="工会名称，如 江城市总工会")
    o.add_argument("--level", action=Sets, choices=[lv.value for lv in E.OfficeLevel], help=f"级别：{LEVELS}")
    o.add_argument("--code", action=Sets, help="工会代码（字母、数字和 -，可不填）")
    add_column_parsers(sub, common)


def cmd_office(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import keys
    from laomo_desktop.ledger import offices

    if args.name is not None or args.level is not None or args.code is not None:
        old = offices.own_office()
        offices.set_own_office(args.name if args.name is not None else (old.name if old else ""),
                               args.level or (old.level if old else ""),
                               args.code if args.code is not None else (old.code if old else None))
    own = offices.own_office()
    if own is None:
        print("本台账还没有设置工会。设置：laomo office --name 名称 --level city")
    else:
        code = f"，代码 {_v(own.code)}" if own.code else ""
        print(f"本工会：{_v(own.name)}（{own.level_choice.zh}级{code}）")
    print(f"签名密钥指纹：{_v(keys.installation_fingerprint(paths))}"
          "（上级工会首次导入时核对）")
    below = offices.offices_below()
    for b in below:
        print(f"  下级工会：{_v(b['name'])}（{E.OfficeLevel(b['level']).zh}级），"
              f"已导入到第 {b['last_sequence']} 号")
    return 0


def export_office(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import forward

    if not args.office:
        raise LaomoError(STUDIO_NEEDED)
    r = run_in_terminal(forward.export_office_steps(paths, args.to, args.year))
    print(_v(r.path))
    print(f"已写入并回读校验：{_v(r.office['name'])} 第 {r.sequence} 号工会数据包（{r.year} 年度），"
          f"含工作室数据包 {len(r.studios)} 个，{r.size / 1024:.0f} KB，签名密钥指纹 "
          f"{r.fingerprint}。现在可以安全拔出 U 盘。", file=sys.stderr)
    if r.missing:
        print(f"注意：以下工作室的数据包在本机没有保存，未能转报（请重新导入它们的数据包）："
              f"{'、'.join(_v(n) for n in r.missing)}", file=sys.stderr)
    return 0


def import_office(args, paths: LedgerPaths, f: Path, session) -> bool:
    """Import one office package; True when it was imported (what happened is printed)."""
    from laomo_desktop.exchange import officeimport

    try:
        r = run_in_terminal(officeimport.apply_steps(paths, f, trust_new_key=args.yes,
                                                     replace_key=args.replace_key,
                                                     take_backup=session.needs_backup()))
    except officeimport.OfficeKeyNotTrusted as exc:
        print(ABOUT_FILE(file=_v(f.name),
                         message=OFFICE_NOT_TRUSTED(fingerprint=_v(exc.fingerprint))),
              file=sys.stderr)
        return False
    except Cancelled:
        raise
    except LaomoError as exc:
        print(ABOUT_FILE(file=_v(f.name), message=_v(exc.message)), file=sys.stderr)
        return False
    session.imported(r.backup)
    print(_v(r.message))
    for res in r.results:
        print(f"  {_v(worded(res.message))}")
        for w in res.preview.warnings:
            print(f"    {NOTICE(message=_v(w))}")
    return True


# ---- the union summary's columns (ledger/unioncolumns.py) ---------------------------------
def add_column_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    c = sub.add_parser("union-columns", parents=[common],
                       help="单位汇总（页面、PDF、XLSX）显示哪些指标列及其顺序：不带参数时查看")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--list", action="store_true", help="列出可选的指标（按类分组），已选的标 ✓")
    g.add_argument("--set", action=Sets, metavar="A,B,C", help="按此顺序显示这些指标（逗号分隔）")
    g.add_argument("--reset", action=Sets, nargs=0, help="恢复默认的列")


def cmd_union_columns(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import unioncolumns as UC

    if args.set is not None:
        UC.choose(args.set.replace("，", ",").split(","))
    elif args.reset is not None:
        UC.reset()
    cols = UC.chosen()
    if cols.notice() is not None:
        print(cols.notice().render("zh"), file=sys.stderr)
    if args.list:
        for group, keys in UC.grouped():
            print(f"{group.zh}：")
            for k in keys:
                mark = "✓" if k in cols.keys else " "
                print(f"  {mark} {k:<28} {UC.head(k)}")
        return 0
    print("单位汇总的列（本工会选定）：" if cols.chosen else "单位汇总的列（默认）：")
    for i, k in enumerate(cols.keys, 1):
        print(f"  {i:>2}. {k:<28} {UC.head(k)}")
    return 0


COMMANDS = {"office": cmd_office, "union-columns": cmd_union_columns}
