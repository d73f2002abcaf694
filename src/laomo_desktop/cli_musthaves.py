"""`laomo must-haves`: the union's must-have set (八个必有, 六有…, ledger/musthaves.py): list the
sets there are and which one is in force, or choose one (`--use NAME`, checked first: a file
that cannot serve is refused and the set chosen before stays). The choice is the setting the
window keeps in the data folder's settings.ini (settings.MUST_HAVE_SET); `laomo stats` and the
documents check every studio-year against it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text
from laomo_desktop.visible import json_text, visible

CHOSEN = Text("已选用必有项标准“{short}”：{title}（{name}）。概况、年度工作总结和考核材料按它自查。",
              "The must-have set “{short}” is now in use: {title} ({name}). The overview, the "
              "annual summary and the review packet check against it.")
UNUSABLE = Text("（必有项标准无法使用：{why}）", "(the must-have set cannot be used: {why})")
MARKS = {"met": "✓", "partly": "◐", "missing": "✗"}


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    m = sub.add_parser("must-haves", parents=[common],
                       help="必有项标准（八个必有、六有……）：列出可选的标准和正在使用的标准，或用 --use 选用一个")
    m.add_argument("--use", metavar="NAME",
                   help="选用的标准：模板名称（见列表）或 JSON 文件路径；有误时不改变原来的选择")
    m.add_argument("--json", action="store_true")


def cmd_must_haves(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import musthaves

    if args.use:
        t = musthaves.choose(paths, args.use)  # refused: LaomoError, the old choice kept
        print(CHOSEN(short=t.must_haves, title=t.title, name=t.name).render("zh"))
        return 0
    chosen = musthaves.chosen_name(paths)
    rows = musthaves.list_sets(paths.templates)
    if args.json:
        print(json_text({"chosen": chosen, "sets": rows}))
        return 0
    for r in rows:
        mark = "*" if chosen in (r["name"], r["path"]) else " "
        where = "内置" if r["source"] == "shipped" else "自定义"
        if "error" in r:
            print(f"{mark} {visible(r['name'])}  （{where}，模板有误）{visible(r['error'])}")
        else:
            print(f"{mark} {visible(r['name'])}  “{visible(r['must_have_set'])}” "
                  f"{visible(r['title'])}  {r['criteria']} 项  （{where}）")
    if not any(chosen in (r["name"], r["path"]) for r in rows):
        print(f"* {visible(chosen)}（文件）")
    print("* 为正在使用的标准。自定义标准放在 "
          f"{visible(str(paths.templates))} 文件夹（模板中写 \"must_haves\": \"简称\"）。")
    return 0


def checklist_lines(paths: LedgerPaths, studio_uid: str, year: int) -> list[str]:
    """`laomo stats`'s lines of the union's must-have set (or why it cannot be used)."""
    from laomo_desktop.errors import LaomoError
    from laomo_desktop.ledger import musthaves

    try:
        c = musthaves.checklist(studio_uid, year, musthaves.current(paths))
    except LaomoError as exc:
        print(UNUSABLE(why=exc.message).render("zh"), file=sys.stderr)
        return []
    lines = [f"  {visible(c.short)}（{c.met}/{len(c.items)}）："]
    lines += [f"    {MARKS[i.status]} {visible(i.label.zh)}：{visible(str(i.detail))}"
              for i in c.items]
    return lines


def checklist_json(paths: LedgerPaths, studio_uid: str, year: int) -> dict | None:
    from laomo_desktop.errors import LaomoError
    from laomo_desktop.ledger import musthaves

    try:
        return musthaves.as_json(musthaves.checklist(studio_uid, year,
                                                     musthaves.current(paths)))
    except LaomoError as exc:
        print(UNUSABLE(why=exc.message).render("zh"), file=sys.stderr)
        return None


COMMANDS = {"must-haves": cmd_must_haves}
