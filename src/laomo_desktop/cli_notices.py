"""`laomo notices`: the open notices (通知) of each studio with the days left, soonest first;
`--all` lists the closed ones too. The same words as the overview's countdown."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text
from laomo_desktop.visible import json_text, visible

LINE = Text("{uid}  {said}  {issuer}{doc_no}  报送材料已完成 {done}/{items}",
            "{uid}  {said}  {issuer}{doc_no}  items done {done}/{items}")
NONE_OPEN = Text("没有未办结的通知。", "No open notices.")
NONE_AT_ALL = Text("台账中还没有通知。", "The ledger has no notices yet.")
STUDIO = Text("【{name}】", "[{name}]")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    n = sub.add_parser("notices", parents=[common],
                       help="未办结的通知及剩余天数（--all 含已办结的）")
    n.add_argument("--studio", help="工作室名称或 uid（默认：每个工作室）")
    n.add_argument("--all", action="store_true", help="也列出已办结的通知")
    n.add_argument("--json", action="store_true")


def cmd_notices(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import notices as N
    from laomo_desktop.ledger.studios import find_studio, list_studios

    studios = [find_studio(args.studio)] if args.studio else list_studios()
    today = date.today()
    found = [(s, N.notices(s["uid"], today, closed=args.all)) for s in studios]
    if args.json:
        print(json_text([{"studio": s["name"], "studio_uid": s["uid"], "uid": n.uid,
                          "title": n.title, "issuer": n.issuer, "doc_no": n.doc_no,
                          "due_on": n.due_on, "days_left": n.days, "overdue": n.overdue,
                          "closed": n.closed, "items": n.items, "items_done": n.done,
                          "countdown": str(n.said)}
                         for s, ns in found for n in ns]))
        return 0
    if not any(ns for _, ns in found):
        print(NONE_AT_ALL if args.all else NONE_OPEN)
        return 0
    for s, ns in found:
        if not ns:
            continue
        if len(studios) > 1:
            print(STUDIO(name=visible(s["name"])))
        for n in ns:
            print(LINE(uid=n.uid, said=visible(str(n.said)), issuer=visible(n.issuer),
                       doc_no=f" {visible(n.doc_no)}" if n.doc_no else "", done=n.done,
                       items=n.items))
    return 0


COMMANDS = {"notices": cmd_notices}
