"""`laomo notices`: the open notices (通知) of each studio with the days left, soonest first;
`--all` lists the closed ones too. The same words as the overview's countdown."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from laomo_desktop.clirun import Sets
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text
from laomo_desktop.visible import json_text, visible

LINE = Text("{uid}  {said}  {issuer}{doc_no}  报送材料已完成 {done}/{items}",
            "{uid}  {said}  {issuer}{doc_no}  items done {done}/{items}")
NONE_OPEN = Text("没有未办结的通知。", "No open notices.")
NONE_AT_ALL = Text("台账中还没有通知。", "The ledger has no notices yet.")
STUDIO = Text("【{name}】", "[{name}]")
WRITTEN = Text("已保存通知“{title}”（第 {revision} 版）。用 --export 导出给各工作室。",
               "Saved the notice “{title}” (version {revision}). Send it with --export.")
NOT_JSON = Text("读不了通知文件 {file}：{why}", "Cannot read the notice file {file}: {why}")
AN_OBJECT = Text("应为一个 JSON 对象（字段名 → 值）", "it must be one JSON object (field → value)")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    n = sub.add_parser("notices", parents=[common],
                       help="未办结的通知及剩余天数（--all 含已办结的）")
    n.add_argument("--studio", help="工作室名称或 uid（默认：每个工作室）")
    n.add_argument("--all", action="store_true", help="也列出已办结的通知")
    n.add_argument("--json", action="store_true")
    n.add_argument("--office", action="store_true", help="工会：列出本工会写给各工作室的通知")
    n.add_argument("--export", metavar="UID", action=Sets,
                   help="工会：把这份通知签名后导出为通知数据包")
    n.add_argument("--to", type=Path, metavar="DIR", help="导出到的文件夹（U 盘）")
    n.add_argument("--write", type=Path, metavar="FILE.json", action=Sets,
                   help="工会：写一份给各工作室的通知（JSON：issuer、doc_no、title、received_on、"
                        "due_on、note 和 items：[{what, source}]）；与 --notice 同用时修改那一份（新版本）")
    n.add_argument("--notice", metavar="UID", help="与 --write 同用：要修改的通知")
    n.add_argument("--attach", type=Path, action="append", default=[], metavar="FILE",
                   help="与 --write 同用：附上通知正文或工会表单（可多次）")


def cmd_notices(args, paths: LedgerPaths) -> int:
    if args.export or args.office or args.write:
        return office_notices(args, paths)
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


# --- notices the union office sends down (exchange/noticepkg.py, noticeimport.py) --------------
TO_NEEDED = Text("请用 --to 指定导出到的文件夹（U 盘）。", "Name the folder (the USB stick) with --to.")
OFFICE_LINE = Text("{uid}  第 {revision} 版  {state}  {due}截止  {doc_no}{title}",
                   "{uid}  version {revision}  {state}  due {due}  {doc_no}{title}")
NOT_SENT = Text("未发送", "not sent")
SENT = Text("已发送第 {revision} 版", "version {revision} sent")
NO_OFFICE_NOTICES = Text("本工会还没有写给工作室的通知。", "This office has written no notices yet.")
EXPORTED = Text("已写入并回读校验：通知“{title}”第 {revision} 版（{size} 字节）",
                'Written and read back: the notice "{title}", version {revision} ({size} bytes)')
NOTICE_NOT_TRUSTED = Text("未导入。这是工会“{office}”的第一个通知数据包，其签名密钥指纹为 {fingerprint}。"
                          "请与该工会核对指纹，一致后加 --yes 重新运行。",
                          'Not imported. This is the first notice package from office "{office}"; '
                          "its signing-key fingerprint is {fingerprint}. Compare it with the office "
                          "and, if it matches, run again with --yes.")


def office_notices(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import noticepkg
    from laomo_desktop.ledger import officenotices, offices
    from laomo_desktop.work import run_in_terminal

    offices.require_own_office()
    if args.write:
        n = officenotices.save(paths, _read_json(args.write), uid=args.notice,
                               add_files=list(args.attach))
        print(WRITTEN(title=visible(n["fields"]["title"]), revision=n["revision"]),
              file=sys.stderr)
        print(n["uid"])
        return 0
    if args.export:
        if not args.to:
            print(TO_NEEDED, file=sys.stderr)
            return 1
        r = run_in_terminal(noticepkg.export_notice_steps(paths, args.export, args.to))
        print(EXPORTED(title=visible(r.notice["title"]), revision=r.revision, size=r.size),
              file=sys.stderr)
        print(r.path)
        return 0
    found = officenotices.list_notices()
    if not found:
        print(NO_OFFICE_NOTICES)
    for n in found:
        f = n["fields"]
        state = SENT(revision=n["sent_revision"]) if n["sent_revision"] else NOT_SENT()
        print(OFFICE_LINE(uid=n["uid"], revision=n["revision"], state=state, due=f["due_on"],
                          doc_no=f"{visible(f['doc_no'])} " if f["doc_no"] else "",
                          title=visible(f["title"])))
    return 0


def _read_json(f: Path) -> dict:
    import json

    from laomo_desktop.errors import LaomoError

    try:
        data = json.loads((sys.stdin.read() if str(f) == "-" else f.read_text("utf-8"))[:1_000_000])
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LaomoError(NOT_JSON(file=visible(str(f)), why=visible(str(exc)))) from exc
    if not isinstance(data, dict):
        raise LaomoError(NOT_JSON(file=visible(str(f)), why=AN_OBJECT))
    return data


def import_notice(args, paths: LedgerPaths, f: Path, session) -> bool:
    """Import one notice package into the studio named by --studio (or the only one)."""
    from laomo_desktop.errors import LaomoError
    from laomo_desktop.exchange import noticeimport
    from laomo_desktop.ledger.studios import find_studio
    from laomo_desktop.work import Cancelled, run_in_terminal

    about = Text("{file}：{message}", "{file}: {message}")
    try:
        studio = find_studio(args.studio)["uid"] if args.studio else None
        r = run_in_terminal(noticeimport.apply_steps(
            paths, f, studio, trust_new_key=args.yes, replace_key=args.replace_key,
            take_backup=session.needs_backup()))
    except noticeimport.NoticeKeyNotTrusted as exc:
        office = noticeimport.NP.read_notice(f).office_name
        print(about(file=visible(f.name), message=NOTICE_NOT_TRUSTED(
            office=visible(office), fingerprint=exc.fingerprint)), file=sys.stderr)
        return False
    except Cancelled:
        raise
    except LaomoError as exc:
        print(about(file=visible(f.name), message=visible(exc.message)), file=sys.stderr)
        return False
    session.imported(r.backup)
    print(visible(str(r.message)))
    return True


COMMANDS = {"notices": cmd_notices}
