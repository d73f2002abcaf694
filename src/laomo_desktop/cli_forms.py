"""`laomo fill`: a union's own Word or Excel form filled from the ledger (reports/forms.py),
for one studio or, at the union office, for every studio; `--fields` lists the placeholders.

The file name follows the union's pattern, the setting the window keeps in the data folder's
settings.ini (settings.FORM_FILE_NAME), unless --name-pattern gives another."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text
from laomo_desktop.visible import json_text, visible

NO_FORM = Text("找不到表单“{name}”。可用的表单：{names}。或给出 .docx / .xlsx 文件的路径。",
               'There is no form "{name}". The forms: {names}. Or give the path of a .docx or '
               ".xlsx file.")
NEEDS = Text("请给出 --studio（或 --all-studios）和 --year。",
             "Give --studio (or --all-studios) and --year.")
NOT_A_FOLDER = Text("--all-studios 的 --out 应为一个已有的文件夹：“{folder}”。",
                    '--out of --all-studios must be an existing folder: "{folder}".')
NO_FOLDER = Text("文件夹“{folder}”不存在。", 'The folder "{folder}" does not exist.')


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    f = sub.add_parser("fill", parents=[common],
                       help="用台账数据填写工会下发的 Word / Excel 表单（--fields 列出可用字段）")
    f.add_argument("form", nargs="?", metavar="FORM",
                   help="表单文件（.docx / .xlsx），或数据文件夹 forms 中、内置示例中表单的名称")
    f.add_argument("--studio", help="工作室名称或 uid")
    f.add_argument("--all-studios", action="store_true",
                   help="为台账中每个工作室各填一份，按文件名格式保存到 --out 文件夹")
    f.add_argument("--year", type=int, help="统计年度")
    f.add_argument("--out", type=Path,
                   help="保存为此文件；是文件夹时（或不给时为当前文件夹）按文件名格式命名")
    f.add_argument("--name-pattern", help="文件名格式，如 {工作室名称}{年度}考核材料"
                   "（默认：界面“设置”中保存的格式）")
    f.add_argument("--fields", action="store_true",
                   help="列出表单可用的全部字段、含义和示例（给出 --studio 和 --year 时示例取自该工作室）")
    f.add_argument("--json", action="store_true", help="与 --fields 一起：以 JSON 输出")


def _form(paths: LedgerPaths, name: str) -> Path:
    from laomo_desktop.reports import forms

    p = Path(name)
    if p.suffix.lower() in (*forms.SUFFIXES, ".doc", ".xls") or p.exists():
        return p
    found = forms.list_forms(paths)
    for f in found:
        if f.name == name:
            return f.path
    partly = [f for f in found if name and name in f.name]  # 推荐表 for 劳模创新工作室推荐表
    if len(partly) == 1:
        return partly[0].path
    raise LaomoError(NO_FORM(name=name, names="、".join(f.name for f in found) or "（无）"))


def _fields(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import formfields
    from laomo_desktop.ledger.studios import find_studio

    ctx = None
    if args.studio and args.year:
        ctx = formfields.context(find_studio(args.studio)["uid"], args.year)
    entries = formfields.describe(ctx)
    if args.json:
        print(json_text([e.__dict__ for e in entries]))
        return 0
    group = None
    for e in entries:
        if e.group != group:
            group = e.group
            print(f"【{group}】")
        example = f"  例：{visible(e.example)}" if e.example else ""
        print(f"  {e.placeholder}  {e.meaning}{example}")
    print("Word 表单：表格中一行写 {%tr for x in 创新成果 %}，下一行写 {{ x.成果名称 }} 等，再一行写 "
          "{%tr endfor %}，中间的行按每项重复；Excel 表单同样用这样的三行。")
    return 0


def cmd_fill(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger.studios import find_studio
    from laomo_desktop.reports import forms
    from laomo_desktop.work import run_in_terminal, single_step

    if args.fields:
        return _fields(args, paths)
    if not args.form or args.year is None or not (args.studio or args.all_studios):
        raise LaomoError(NEEDS)
    form = _form(paths, args.form)
    pattern = args.name_pattern or declared.stored(paths.settings_file, declared.FORM_FILE_NAME)
    if args.all_studios:
        folder = args.out or Path.cwd()
        if not folder.is_dir():
            raise LaomoError(NOT_A_FOLDER(folder=folder))
        done = run_in_terminal(forms.fill_all_steps(form, args.year, folder, pattern))
        for p in done.written:
            print(visible(str(p)))
        for name, why in done.skipped:
            print(f"未填写 {visible(name)}：{visible(why)}", file=sys.stderr)
        return 0
    studio = find_studio(args.studio)
    checked = forms.read_form(form)
    out = args.out or Path.cwd()
    named = out.is_dir()
    if not named:
        if not out.parent.is_dir():
            raise LaomoError(NO_FOLDER(folder=out.parent))
        if out.suffix.lower() != checked.suffix:
            out = out.with_name(out.name + checked.suffix)
    written = run_in_terminal(single_step(lambda: forms.fill_form(
        checked, studio["uid"], args.year, out, pattern if named else None)))
    print(visible(str(written)))
    return 0


COMMANDS = {"fill": cmd_fill}
