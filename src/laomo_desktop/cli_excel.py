"""`laomo import-excel`: an old Excel ledger brought in from the command line, as the GUI's
文件 ▸ 从 Excel 导入… does it (ledger.excelimport): the sheet suggested for the kind (or named),
its columns matched by header (`--map COL=FIELD` over that, COL by header or letter), every
row checked, then the new valid rows added together, audited. `--dry-run` shows what would be
done and writes nothing (it reads beside a running window; an import takes the ledger's lock).

Exit codes: 0 when it ran (rows with errors or differences are listed, not imported), 1 when
the file or a mapping cannot be used, 2 for an unknown kind or studio.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from laomo_desktop.clirun import ERROR
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Text, worded
from laomo_desktop.visible import json_text, visible

NO_KIND = Text("不能从 Excel 导入“{name}”。可导入的类型：{kinds}。",
               'Records "{name}" cannot be imported from Excel. The kinds: {kinds}.')
BAD_MAP = Text("--map 的写法应为 列=字段（列为列名或列字母，字段为字段名或中文名，- 为不导入），"
               "而不是“{item}”。",
               "--map is written COLUMN=FIELD (the column by header or letter, the field by name "
               'or label, - for none), not "{item}".')
SHEET_LINE = Text("工作表“{sheet}”（表头在第 {line} 行）→ {kind}",
                  'Sheet "{sheet}" (header in row {line}) → {kind}')
NOT_IMPORTED = Text("不导入", "not imported")
ROW_LINE = Text("第 {line} 行：{text}", "Row {line}: {text}")
IMPORTED = Text("已导入 {n} 条记录（操作日志中可查）。", "{n} records imported (see the log).")
DRY_RUN = Text("试运行：台账没有改动。", "Dry run: the ledger was not changed.")


class _DryRun(argparse.Action):
    """--dry-run: nothing is written, so the ledger's lock is not taken."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        namespace.dry_run = True
        namespace.writes = False


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import-excel", parents=[common],
                       help="从旧的 Excel 台账（.xlsx）导入记录：按列名对应，逐行核对，同样的行不重复导入")
    p.add_argument("file", type=Path, metavar="FILE", help="Excel 工作簿（.xlsx）")
    p.add_argument("--studio", required=True, help="工作室名称或 uid")
    p.add_argument("--kind", required=True,
                   help="记录类型（如 member、activity、fund，或 成员、活动、经费）")
    p.add_argument("--sheet", help="工作表名称（默认：按名称和列名判断为该类型的第一个工作表）")
    p.add_argument("--map", action="append", default=[], metavar="COL=FIELD",
                   help="列与字段的对应，覆盖自动对应：列为列名或列字母（如 C），字段为字段名或中文名，- 为不导入")
    p.add_argument("--dry-run", nargs=0, action=_DryRun, default=False,
                   help="只核对并列出结果，不写入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(writes=True)


def _kind(name: str) -> str:
    from laomo_desktop.cli_records import UsageError
    from laomo_desktop.ledger.excelimport import KINDS
    from laomo_desktop.store import schema as S

    for k in KINDS:
        if name.strip() in (k, S.kind(k).label, S.kind(k).en):
            return k
    raise UsageError(NO_KIND(name=name, kinds=[f"{k}（{S.kind(k).label}）" for k in KINDS]))


def _mapping(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        column, sep, name = item.partition("=")
        if not sep or not column.strip():
            raise LaomoError(BAD_MAP(item=visible(item)))
        out[column.strip()] = name.strip()
    return out


def _report(ip, imported: list[str] | None) -> dict[str, Any]:
    from laomo_desktop.ledger import excelimport as I
    from laomo_desktop.ledger.excelread import letter

    p = ip.preview
    rows = []
    for i, (row, status) in enumerate(zip(p.rows, ip.status, strict=True)):
        if status == I.NEW:
            continue
        rows.append({"line": ip.lines[i], "status": status, "errors": dict(row.errors),
                     "note": ip.notes.get(i, ""), "differences": ip.diffs.get(i, {})})
    return {
        "sheet": ip.sheet.name, "header_line": ip.sheet.header_line, "kind": p.kind.name,
        "columns": [{"column": letter(i), "header": c.header,
                     "field": c.field.name if c.field else None,
                     "reason": worded(c.reason) if c.reason else ""}
                    for i, c in enumerate(p.columns)],
        "counts": {s: ip.count(s) for s in I.STATUSES}
        | {"blank": ip.blank, "totals": ip.totals},
        "rows": rows, "warnings": ip.warnings(), "imported": imported,
    }


def _print(ip, report: dict[str, Any], imported: list[str] | None) -> None:
    p = ip.preview
    print(SHEET_LINE(sheet=visible(ip.sheet.name), line=ip.sheet.header_line, kind=p.kind))
    for c in report["columns"]:
        target = (p.kind.field(c["field"]).label if c["field"]
                  else f"{worded(NOT_IMPORTED)}（{c['reason']}）")
        print(f"  {c['column']} {visible(c['header'].strip()) or '—'} → {target}")
    print(ip.summary())
    for warning in ip.warnings():
        print(warning)
    for row in report["rows"]:
        text = "；".join(visible(m) for m in row["errors"].values()) or visible(row["note"])
        if row["differences"]:
            text += "：" + "；".join(f"{p.kind.field(n).label}{visible(d)}"
                                    for n, d in row["differences"].items())
        print(ROW_LINE(line=row["line"], text=text))
    print(DRY_RUN if imported is None else IMPORTED(n=len(imported)))


def cmd_import_excel(args, paths: LedgerPaths) -> int:
    from laomo_desktop.cli_records import UsageError, _studio_uid
    from laomo_desktop.ledger import excelimport as I
    from laomo_desktop.ledger import excelread as X
    from laomo_desktop.work import run_in_terminal

    try:
        kind = _kind(args.kind)
        studio = _studio_uid(args.studio)
    except UsageError as exc:
        print(ERROR(message=visible(exc.message)), file=sys.stderr)
        return 2
    mapping = _mapping(args.map)
    info = X.pick(X.inspect(args.file), args.sheet, kind)
    ip = run_in_terminal(I.preview_steps(args.file, info, kind, studio, mapping=mapping))
    imported = None if args.dry_run else run_in_terminal(I.import_steps(ip))
    report = _report(ip, imported)
    if args.json:
        print(json_text(report))
    else:
        _print(ip, report, imported)
    return 0


COMMANDS: dict[str, Callable[[Any, LedgerPaths], int]] = {"import-excel": cmd_import_excel}
