"""The arguments of `laomo` (cli.py runs them)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from laomo_desktop import __version__
from laomo_desktop.cli_excel import add_parsers as add_excel_parsers
from laomo_desktop.cli_forms import add_parsers as add_form_parsers
from laomo_desktop.cli_musthaves import add_parsers as add_must_have_parsers
from laomo_desktop.cli_notices import add_parsers as add_notice_parsers
from laomo_desktop.cli_offices import add_parsers as add_office_parsers
from laomo_desktop.cli_records import add_parsers as add_record_parsers
from laomo_desktop.reports.documents import document, report_commands
from laomo_desktop.store import schema as S


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command of `laomo` with its arguments and Chinese help."""
    p = argparse.ArgumentParser(
        prog="laomo", description="劳模创新工作室台账 Laomo Desktop — 命令行")
    p.add_argument("--version", action="version", version=f"laomo-desktop {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="台账数据文件夹（默认：用户数据目录，或环境变量 LAOMO_DATA_DIR）")
    p.add_argument("--data-dir", type=Path, default=None, help=common._actions[0].help)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", parents=[common], help="载入示例数据（仅限空台账）")
    d.add_argument("--studios", type=int, default=3, help="工作室数量（默认 3）")
    d.add_argument("--years", type=int, default=3, help="覆盖截至今年的年数（默认 3）")
    d.add_argument("--seed", type=int, default=2024, help="随机种子，相同种子生成相同数据")
    d.add_argument("--heavy", action="store_true", help="大台账：42 个工作室 × 10 年")

    s = sub.add_parser("studios", parents=[common], help="列出工作室")
    s.add_argument("--json", action="store_true")

    st = sub.add_parser("stats", parents=[common], help="某工作室某年度的统计数据")
    st.add_argument("--studio", required=True, help="工作室名称或 uid")
    st.add_argument("--year", required=True, type=int)
    st.add_argument("--json", action="store_true")

    ys = sub.add_parser("year-start", parents=[common],
                        help="统计年度起始月：不带参数时查看，带月份时设置（如 10：10-01 至次年 09-30）")
    ys.add_argument("month", nargs="?", type=int, help="1 到 12；1 即按自然年统计")

    sub.add_parser("backup", parents=[common], help="立即备份台账")
    b = sub.add_parser("backups", parents=[common], help="列出备份")
    b.add_argument("--json", action="store_true")
    r = sub.add_parser("restore", parents=[common], help="从备份恢复（先自动备份当前台账）")
    r.add_argument("file", help="备份文件路径，或 backups 中的文件名")
    sub.add_parser("check", parents=[common], help="检查台账（完整性、附件、业务规则）")
    sub.add_parser("gui", parents=[common], help="打开图形界面（不带子命令时的默认动作）")

    a = sub.add_parser("assess", parents=[common], help=document("assessment").cli_help)
    a.add_argument("--studio", required=True, help="工作室名称或 uid")
    a.add_argument("--year", required=True, type=int)
    a.add_argument("--template", required=True, help="模板名称（见 laomo templates）或文件路径")
    a.add_argument("--json", action="store_true")
    rep = sub.add_parser("report", parents=[common], help="生成报表（PDF / XLSX）")
    rsub = rep.add_subparsers(dest="report", metavar="DOCUMENT", required=True)
    for name, docs in report_commands().items():
        _add_report(rsub, common, name, docs)
    t = sub.add_parser("templates", parents=[common], help="列出可用的评分模板")
    t.add_argument("--json", action="store_true")

    ex = sub.add_parser("export", parents=[common],
                        help="导出工作室的数据包（如写入 U 盘）；--office：转报给上级工会")
    ex.add_argument("--studio", help="工作室名称或 uid")
    ex.add_argument("--office", action="store_true",
                    help="转报：把本工会导入的各工作室数据包（原样）和本工会签名的工会数据包写入 --to")
    ex.add_argument("--year", type=int, default=None, help="与 --office 同用：统计年度（默认本年度）")
    ex.add_argument("--to", required=True, type=Path, help="目标文件夹（如 U 盘）")
    ex.add_argument("--include", default="", metavar="FIELD,...",
                    help=_include_help())
    ve = sub.add_parser("verify", parents=[common], help="校验数据包（不导入）")
    ve.add_argument("file", type=Path)
    im = sub.add_parser("import", parents=[common],
                        help="导入工作室的数据包或下级工会转报的工会数据包（先自动备份）")
    im.add_argument("files", nargs="+", type=Path, metavar="FILE")
    im.add_argument("--yes", action="store_true",
                    help="信任首次出现的工作室签名密钥（请先与工作室核对指纹）")
    im.add_argument("--replace-key", action="store_true",
                    help="工作室的签名密钥已更换且已核对：改用数据包中的新密钥")
    im.add_argument("--studio", help="通知数据包导入到哪个工作室（名称或 uid；台账只有一个工作室时可省略）")
    sub.add_parser("keys", parents=[common], help="本机签名密钥指纹和已登记的工作室密钥")
    co = sub.add_parser("conflicts", parents=[common],
                        help="导入时的冲突：列出待处理的冲突及不同之处，或处理一条")
    co.add_argument("--json", action="store_true")
    co.add_argument("--resolve", type=int, metavar="ID", help="处理编号为 ID 的冲突")
    co.add_argument("--keep", choices=("local", "incoming"),
                    help="与 --resolve 同用：local 保留本地，incoming 采用数据包（先自动备份）")
    sub.add_parser("self-test", parents=[common],
                   help="自检本程序（无界面，输出 JSON；只用临时文件夹，不读写台账）")
    add_record_parsers(sub, common)
    add_form_parsers(sub, common)
    add_excel_parsers(sub, common)
    add_notice_parsers(sub, common)
    add_office_parsers(sub, common)
    add_must_have_parsers(sub, common)
    return p


def _add_report(rsub, common: argparse.ArgumentParser, name: str, docs: list) -> None:
    """`laomo report NAME`: its arguments follow what its documents need (reports.documents)."""
    doc = docs[0]
    suffixes = list(dict.fromkeys(s for d in docs for s in d.formats))  # each once, in order
    r = rsub.add_parser(name, parents=[common], help=doc.cli_help)
    kinds = [d.command[2] for d in docs if len(d.command) > 2]
    if kinds:  # `laomo report book KIND`: one document per kind
        r.add_argument("kind", choices=kinds, metavar="KIND", help=doc.cli_help)
    if doc.needs_studio:
        r.add_argument("--studio", required=True, help="工作室名称或 uid")
    if doc.picks:  # the record it is about, e.g. --grant
        r.add_argument(f"--{doc.picks}", required=True, dest="record",
                       help=f"{S.kind(doc.picks).label}名称或 uid")
    r.add_argument("--year", required=not doc.picks, type=int,
                   default=None if not doc.picks else date.today().year)
    r.add_argument("--out", required=True, type=Path, help=(
        f"输出的 {suffixes[0][1:].upper()} 文件" if len(suffixes) == 1
        else "输出文件：" + " 或 ".join(suffixes)))
    if len(suffixes) > 1:
        r.add_argument("--format", choices=[x[1:] for x in suffixes], default=None,
                       help="输出格式（默认按 --out 的扩展名；--out 没有扩展名时补上）")
    if doc.uses_template:
        r.add_argument("--template", required=True,
                       help="评分模板名称（见 laomo templates）或文件路径")
    if doc.takes_attachments:
        r.add_argument("--attach", nargs="*", default=[], metavar="UID", help="放入的附件 uid")
    if doc.one_record:
        r.add_argument("--notice", default=None, metavar="UID",
                       help="只打印这一份通知（uid，见 laomo notices --all）")
    if doc.uses_union_targets:
        r.add_argument("--targets", type=Path, default=None,
                       help="年度目标设置（JSON）；默认使用数据文件夹中的 union_targets.json")


def _include_help() -> str:
    from laomo_desktop.exchange import privacy

    return ("也放入数据包的个人信息，逗号分隔（默认都不放入：工会的统计和考核用不到）： "
            f"{privacy.choices_text(' ').render('zh')} ；all 表示全部")
