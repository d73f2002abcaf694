"""`laomo records|attach|search|log`: what the GUI does to records, scriptable.

Every command goes through the services the GUI uses (ledger.records, ledger.attachments,
ledger.queries), so the same validation, audit entries and recycle bin apply. Records travel in
the ledger's terms: field names of store/schema.py, ISO dates, money in integer fen, choices by
code, references by uid, child lists as lists (exactly what `show --json` prints, so a record
shown can be edited and given back with `edit --from`). `--set field=value` reads one value the
way the forms read typing (ledger/typed.py: 2026/4/20, full-width digits, 1,200), money still in
fen as the field name says.

Exit codes as for every `laomo` command: 1 when the services refuse (each field's message on its
own line, nothing written), 2 for an unknown kind, field, record or studio.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from laomo_desktop.clirun import ERROR
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text, worded
from laomo_desktop.visible import json_text, visible

META = ("uid", "studio", "created_at", "updated_at", "version", "deleted_at")


class UsageError(Exception):
    """A kind, field, record or studio the ledger does not have: exit 2, one line."""

    def __init__(self, message: Any):
        super().__init__(message)
        self.said = message  # a texts.Message, or a str

    @property
    def message(self) -> str:
        """The message in the language LAOMO_LANG chose."""
        return worded(self.said)


NO_SUCH_KIND = Text("没有“{name}”这种记录。可用的类型：{kinds}。",
                    'There is no record kind "{name}". The kinds: {kinds}.')
NO_SUCH_RECORD = Text("没有 uid 为“{uid}”的{kind}记录。", 'There is no record ({kind}) with uid "{uid}".')
LIST_FIELD = Text("“{name}”是列表字段，只能用 --from 的 JSON 给出。",
                  '"{name}" is a list field; give it only in the JSON of --from.')
NO_SUCH_FIELD = Text("{kind}没有“{name}”这个字段。可用的字段：{names}。",
                     'A record ({kind}) has no field "{name}". The fields: {names}.')
CANNOT_READ = Text("无法读取“{file}”：{why}", 'Cannot read "{file}": {why}')
NOT_UTF8 = Text("“{file}”不是 UTF-8 编码的 JSON 文件。", '"{file}" is not a JSON file encoded in UTF-8.')
NOT_JSON = Text("“{file}”不是有效的 JSON：第 {line} 行第 {column} 列（{why}）。",
                '"{file}" is not valid JSON: line {line}, column {column} ({why}).')
NOT_AN_OBJECT = Text("“{file}”应为一个 JSON 对象（字段名 → 值）。",
                     '"{file}" should be a JSON object (field name → value).')
NO_FILE = Text("找不到文件“{file}”。", 'The file "{file}" cannot be found.')


def _v(value: object) -> str:
    return visible(str(value))


# --- arguments -------------------------------------------------------------------------------

def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this module, on `laomo`'s sub-parsers. The ones that change the
    ledger set `writes`, so clirun takes the ledger's lock for them."""
    rec = sub.add_parser("records", parents=[common],
                         help="记录：列出、查看、新建、修改、移入回收站、恢复（JSON 输入输出）")
    rsub = rec.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = rsub.add_parser("list", parents=[common], help="列出某类记录")
    ls.add_argument("kind", metavar="KIND", help=_kinds_help())
    ls.add_argument("--studio", help="工作室名称或 uid（默认：所有工作室）")
    ls.add_argument("--year", type=int, help="只列出属于该统计年度的记录（同界面的年度筛选）")
    ls.add_argument("--deleted", action="store_true", help="列出回收站中的记录")
    ls.add_argument("--json", action="store_true")

    sh = rsub.add_parser("show", parents=[common], help="查看一条记录的全部字段")
    sh.add_argument("kind", metavar="KIND")
    sh.add_argument("uid", metavar="UID")
    sh.add_argument("--json", action="store_true")

    values_help = ("字段=值，字段名见 store/schema.py；按界面的输入方式读取（日期如 2026-4-20，"
                   "金额以“分”为单位的整数，选项用代码或中文，是/否）；列表字段只能用 --from")
    add = rsub.add_parser("add", parents=[common], help="新建一条记录（经与界面相同的校验）")
    add.add_argument("kind", metavar="KIND")
    add.add_argument("--studio", help="所属工作室名称或 uid（新建工作室时不用）")
    edit = rsub.add_parser("edit", parents=[common], help="修改一条记录（只改给出的字段）")
    edit.add_argument("kind", metavar="KIND")
    edit.add_argument("uid", metavar="UID")
    for p in (add, edit):
        p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                       help=values_help)
        p.add_argument("--from", dest="from_file", type=Path, metavar="FILE.json",
                       help="JSON 对象：字段名 → 值（与 show --json 的输出相同；- 为标准输入）")
        p.add_argument("--json", action="store_true", help="输出保存后的记录（JSON）")
        p.set_defaults(writes=True)
    for action, text in (("trash", "移入回收站"), ("restore", "从回收站恢复")):
        p = rsub.add_parser(action, parents=[common], help=f"把一条记录{text}")
        p.add_argument("kind", metavar="KIND")
        p.add_argument("uid", metavar="UID")
        p.set_defaults(writes=True)

    att = sub.add_parser("attach", parents=[common], help="给一条记录添加附件（文件复制进台账）")
    att.add_argument("kind", metavar="KIND")
    att.add_argument("uid", metavar="UID")
    att.add_argument("files", nargs="+", type=Path, metavar="FILE")
    att.add_argument("--title", help="附件说明（用于每个文件）")
    att.set_defaults(writes=True)

    se = sub.add_parser("search", parents=[common], help="在台账的文字中查找记录（同界面的全局查找）")
    se.add_argument("text", metavar="TEXT")
    se.add_argument("--studio", help="工作室名称或 uid（默认：所有工作室）")
    se.add_argument("--json", action="store_true")

    lg = sub.add_parser("log", parents=[common], help="操作日志：谁在何时改了什么，最新的在前")
    lg.add_argument("--studio", help="工作室名称或 uid（默认：整个台账）")
    lg.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")
    lg.add_argument("--json", action="store_true")


def _kinds_help() -> str:
    from laomo_desktop.store import schema as S

    return "记录类型：" + "、".join(f"{k.name}（{k.label}）" for k in S.KINDS)


# --- looking things up -----------------------------------------------------------------------

def _kind(name: str):
    from laomo_desktop.store import schema as S

    if name not in S.BY_NAME:
        raise UsageError(NO_SUCH_KIND(name=name, kinds=list(S.BY_NAME)))
    return S.kind(name)


def _studio_uid(text: str | None) -> str | None:
    from laomo_desktop.ledger.studios import find_studio

    if text is None:
        return None
    try:
        return find_studio(text)["uid"]
    except LaomoError as exc:
        raise UsageError(exc.said) from exc


def _record(kind, uid: str) -> dict:
    from laomo_desktop.ledger import records as R

    try:
        return R.get(kind.name, uid)
    except LaomoError as exc:
        raise UsageError(NO_SUCH_RECORD(uid=uid, kind=kind)) from exc


def _field(kind, name: str):
    for f in kind.fields:
        if f.name == name:
            return f
    if any(c.name == name for c in kind.children):
        raise UsageError(LIST_FIELD(name=name))
    raise UsageError(NO_SUCH_FIELD(kind=kind, name=name, names=[f.name for f in kind.fields]))


# --- reading values --------------------------------------------------------------------------

_YES = {"是", "true", "yes", "y", "1", "√", "✓"}
_NO = {"否", "false", "no", "n", "0", ""}


def _choice_code(f, text: str) -> str:
    """A choice typed as its code, its Chinese or its English label."""
    for c in f.choices:
        if text in (c.value, c.zh) or text.lower() == c.en.lower():
            return c.value
    return text  # the services say it is not one of the choices


def typed_value(f, text: str) -> Any:
    """One `--set` value for field `f`, read the way the forms read typing; text that cannot
    be read is passed on as it is, for the services to refuse with their message."""
    from laomo_desktop.ledger import typed
    from laomo_desktop.ledger.errors import ValidationError
    from laomo_desktop.store import schema as S

    t = f.type
    if t in (S.TEXT, S.LONGTEXT, S.REF):
        return text if text.strip() or t != S.REF else None
    if t == S.DATE:
        return typed.date_text(text) or None
    if t == S.BOOL:
        low = text.strip().lower()
        return True if low in _YES else False if low in _NO else text
    if t == S.CHOICE:
        return _choice_code(f, text.strip()) if text.strip() else None
    if t == S.MULTI:
        return [_choice_code(f, s.strip()) for s in typed.half_width(text).split(",") if s.strip()]
    if t == S.MONEY:
        n = typed.number_text(text)
        if n and not n.lstrip("-").isdigit():
            raise ValidationError({f.name: f"“{f.label}”以“分”为单位，应为整数"
                                           f"（如 120050 即 1,200.50 元），现为“{visible(text)}”"})
        return int(n) if n else None
    return typed.number_value(text, t)


def _values(kind, args, *, editing: bool) -> tuple[dict, int | None]:
    """The record values from --from and --set (--set wins), and the version the --from file
    was shown at (an edit is refused if the record changed since)."""
    from laomo_desktop.ledger.errors import ValidationError

    values: dict = {}
    version = None
    if args.from_file is not None:
        data = _read_json(args.from_file)
        names = {f.name for f in kind.fields} | {c.name for c in kind.children}
        unknown = sorted(k for k in data if k not in names and k not in META)
        if unknown:
            raise UsageError(f"{kind.label}没有这些字段：{'、'.join(map(_v, unknown))}"
                             f"（文件 {_v(args.from_file)}）。")
        if editing and isinstance(data.get("version"), int):
            version = data["version"]
        values = {k: v for k, v in data.items() if k in names}
    if not args.set and args.from_file is None:
        raise UsageError("请用 --set 字段=值 或 --from 文件.json 给出记录的内容。")
    errors: dict[str, str] = {}
    for item in args.set:
        name, eq, text = item.partition("=")
        if not eq:
            raise UsageError(f"--set 的写法应为 字段=值，而不是“{_v(item)}”。")
        f = _field(kind, name.strip())
        try:
            values[f.name] = typed_value(f, text)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    return values, version


def _read_json(file: Path) -> dict:
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LaomoError(CANNOT_READ(file=file, why=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise LaomoError(NOT_UTF8(file=file)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LaomoError(NOT_JSON(file=file, line=exc.lineno, column=exc.colno,
                                  why=exc.msg)) from exc
    if not isinstance(data, dict):
        raise LaomoError(NOT_AN_OBJECT(file=file))
    return data


# --- showing records -------------------------------------------------------------------------

def _shown(f, value: Any) -> str:
    from laomo_desktop.store import schema as S

    if value is None or value == "":
        return ""
    if f.type == S.BOOL:
        return "是" if value else "否"
    if f.type == S.MONEY:
        return f"{value} 分（¥{value / 100:,.2f}）"
    if f.type == S.CHOICE:
        return f.choices.label(value)
    if f.type == S.MULTI:
        return "、".join(f.choices.label(c) for c in str(value).split(","))
    return visible(str(value), keep_newlines=f.type == S.LONGTEXT)


def _print_record(kind, record: dict) -> None:
    print(f"{kind.label} {_v(record['uid'])}"
          + ("（在回收站中）" if record["deleted_at"] else ""))
    for f in kind.fields:
        if record.get(f.name) not in (None, ""):
            print(f"  {f.label}（{f.name}）：{_shown(f, record[f.name])}")
    for c in kind.children:
        items = record.get(c.name) or []
        if items:
            print(f"  {c.label}（{c.name}）：")
        for i, item in enumerate(items, 1):
            parts = [f"{f.label} {_shown(f, item.get(f.name))}" for f in c.fields
                     if item.get(f.name) not in (None, "")]
            print(f"    {i}. " + "，".join(parts))
    print(f"  版本 {record['version']}，修改于 {_v(record['updated_at'])}")


def _title(kind, record: dict) -> str:
    return _v(record.get(kind.title) or "（无标题）")


# --- the commands ----------------------------------------------------------------------------

def _records_list(args) -> int:
    from laomo_desktop.ledger import queries as Q
    from laomo_desktop.ledger import records as R

    kind = _kind(args.kind)
    studio = _studio_uid(args.studio)
    rows = R.list_records(kind.name, studio, deleted=args.deleted)
    if args.year is not None:
        order = [r[0] for r in Q.fetch_rows(kind.name, studio, [], year=args.year,
                                            deleted=args.deleted)]
        by_uid = {r["uid"]: r for r in rows}
        rows = [by_uid[u] for u in order if u in by_uid]
    if args.json:
        print(json_text(rows))
        return 0
    for r in rows:
        date = f"  {r[kind.date_field]}" if kind.date_field and r.get(kind.date_field) else ""
        print(f"{_v(r['uid'])}  {_title(kind, r)}{date}")
    print(f"共 {len(rows)} 条{kind.label}记录。", file=sys.stderr)
    return 0


def _records_show(args) -> int:
    kind = _kind(args.kind)
    record = _record(kind, args.uid)
    if args.json:
        print(json_text(record))
    else:
        _print_record(kind, record)
    return 0


def _saved(kind, record: dict, as_json: bool, verb: str) -> int:
    if as_json:
        print(json_text(record))
    else:
        print(f"已{verb}{kind.label}“{_title(kind, record)}”：{_v(record['uid'])}")
    return 0


def _records_add(args) -> int:
    from laomo_desktop.ledger import kinds
    from laomo_desktop.ledger import records as R

    kind = _kind(args.kind)
    if kinds.rules(kind).is_file:
        raise UsageError("附件请用 laomo attach KIND UID FILE 添加。")
    studio = None
    if kind.per_studio:
        studio = _studio_uid(args.studio)
        if studio is None:
            raise UsageError(f"新建{kind.label}须用 --studio 指明所属工作室。")
    values, _ = _values(kind, args, editing=False)
    return _saved(kind, R.create(kind.name, studio, values), args.json, "新建")


def _records_edit(args) -> int:
    from laomo_desktop.ledger import kinds
    from laomo_desktop.ledger import records as R

    kind = _kind(args.kind)
    _record(kind, args.uid)
    values, version = _values(kind, args, editing=True)
    if kinds.rules(kind).is_file and set(values) & kinds.rules(kind).hidden_fields:
        raise UsageError("附件只能修改说明（title）；文件本身请重新用 laomo attach 添加。")
    record = R.update(kind.name, args.uid, values, expected_version=version)
    return _saved(kind, record, args.json, "保存")


def _records_bin(args) -> int:
    from laomo_desktop.ledger import records as R

    kind = _kind(args.kind)
    before = _record(kind, args.uid)
    trash = args.action == "trash"
    if bool(before["deleted_at"]) == trash:
        print(f"{kind.label}“{_title(kind, before)}”" + ("已在回收站中。" if trash else "不在回收站中。"))
        return 0
    after = (R.trash if trash else R.restore)(kind.name, args.uid)
    print(f"{kind.label}“{_title(kind, after)}”已" + ("移入回收站。" if trash else "从回收站恢复。"))
    return 0


ACTIONS: dict[str, Callable[[Any], int]] = {
    "list": _records_list, "show": _records_show, "add": _records_add, "edit": _records_edit,
    "trash": _records_bin, "restore": _records_bin,
}


def _answering(run: Callable[[Any, LedgerPaths], int]) -> Callable[[Any, LedgerPaths], int]:
    """A command that reports an unknown name as usage (exit 2) and a refused record as one
    line per field (exit 1); the services' transaction has then written nothing."""
    from functools import wraps

    @wraps(run)
    def command(args, paths: LedgerPaths) -> int:
        from laomo_desktop.ledger.errors import ValidationError

        try:
            return run(args, paths)
        except UsageError as exc:
            print(ERROR(message=_v(exc.message)), file=sys.stderr)
            return 2
        except ValidationError as exc:
            for message in exc.errors.values():
                print(ERROR(message=_v(message)), file=sys.stderr)
            return 1
    return command


@_answering
def cmd_records(args, paths: LedgerPaths) -> int:
    return ACTIONS[args.action](args)


@_answering
def cmd_attach(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import attachments
    from laomo_desktop.store.models import database

    kind = _kind(args.kind)
    _record(kind, args.uid)
    for f in args.files:  # every file checked before any is copied in
        if not f.is_file():
            raise LaomoError(NO_FILE(file=f))
    with database.atomic():  # all the files or none
        added = [attachments.attach(paths, kind.name, args.uid, f, args.title) for f in args.files]
    for a in added:
        print(f"已添加附件“{_v(a['filename'])}”：{_v(a['uid'])}")
    return 0


@_answering
def cmd_search(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import kinds
    from laomo_desktop.ledger import queries as Q
    from laomo_desktop.ledger.studios import list_studios
    from laomo_desktop.store import schema as S

    studio = _studio_uid(args.studio)
    studios = {s["uid"]: s["name"] for s in list_studios()}
    rows = []
    for uid in [studio] if studio else list(studios):
        rows += [{"kind": kind, "uid": rec, "title": title, "studio": uid}
                 for kind, rec, title in Q.search(uid, args.text) if not kinds.rules(kind).is_file]
    if args.json:
        print(json_text(rows))
        return 0
    for r in rows:
        where = "" if studio else f"  （{_v(studios.get(r['studio'], ''))}）"
        print(f"{S.kind(r['kind']).label}：{_v(r['title'] or '')}  {_v(r['uid'])}{where}")
    print(f"找到 {len(rows)} 条记录。", file=sys.stderr)
    return 0


@_answering
def cmd_log(args, paths: LedgerPaths) -> int:
    from datetime import datetime

    from laomo_desktop.ledger import queries as Q

    if args.limit < 1:
        raise UsageError("--limit 应为 1 以上的整数。")
    rows = Q.audit_rows(_studio_uid(args.studio), args.limit)
    if args.json:
        keys = ("at", "actor", "action", "kind", "summary", "record_uid")
        print(json_text([dict(zip(keys, r, strict=True)) for r in rows]))
        return 0
    for at, actor, _action, _kind_name, summary, _uid in rows:
        when = datetime.fromisoformat(at).astimezone()
        print(f"{when:%Y-%m-%d %H:%M:%S}  {_v(actor)}  {_v(summary)}")
    return 0


COMMANDS: dict[str, Callable[[Any, LedgerPaths], int]] = {
    "records": cmd_records, "attach": cmd_attach, "search": cmd_search, "log": cmd_log,
}
