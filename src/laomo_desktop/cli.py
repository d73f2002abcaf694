"""`laomo`: the command-line front door. Every ledger operation is reachable from here.

Exit codes: 0 success, 1 a user error (one line on stderr), 2 bad usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from laomo_desktop import texts
from laomo_desktop.clirun import ABOUT_FILE, ERROR, INTERRUPTED, NOTICE
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths, default_data_dir
from laomo_desktop.texts import Text, worded
from laomo_desktop.visible import json_text, visible
from laomo_desktop.work import Cancelled, run_in_terminal, single_step

AT_LEAST_ONE = Text("工作室数量和年数都必须至少为 1。",
                    "The number of studios and of years must each be at least 1.")
NO_FOLDER = Text("文件夹“{folder}”不存在。", 'The folder "{folder}" does not exist.')
NOT_TRUSTED = Text("未导入。这是该工作室的第一个数据包，签名密钥指纹：\n  {fingerprint}\n"
                   "请通过电话或纸面与该工作室核对指纹，确认一致后加 --yes 重新运行。",
                   "Not imported. This is the first package from this studio; its signing-key "
                   "fingerprint:\n  {fingerprint}\nCompare the fingerprint with the studio (by "
                   "phone or on paper) and, if it matches, run again with --yes.")
RESOLVE_WITH_KEEP = Text("--resolve 和 --keep 须一起使用，例如 --resolve 3 --keep local。",
                         "--resolve and --keep go together, for example --resolve 3 --keep local.")


def _v(value: object) -> str:
    """A ledger or package value for the terminal: its escape codes, line breaks and bidi
    controls shown by code point ([U+001B]), so it can neither act on the terminal nor forge a line."""
    return visible(str(value))


def _yuan(fen: int) -> str:
    return f"¥{fen / 100:,.2f}"


def cmd_demo(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import demo

    studios, years = demo.HEAVY if args.heavy else (args.studios, args.years)
    if studios < 1 or years < 1:
        raise LaomoError(AT_LEAST_ONE)
    run_in_terminal(demo.generate(studios, years, args.seed))
    print(f"已载入 {studios} 个工作室、{years} 个年度的示例数据。")
    return 0


def cmd_studios(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger.studios import list_studios

    rows = list_studios()
    if args.json:
        print(json_text([{k: r[k] for k in ("uid", "name", "leader", "level", "category")}
                         for r in rows]))
        return 0
    if not rows:
        print("台账中还没有工作室。可用 laomo demo 载入示例数据。")
    for r in rows:
        print(f"{_v(r['uid'])}  {_v(r['name'])}  领衔人：{_v(r['leader'] or '（未登记）')}  "
              f"级别：{r['level_label']}  类别：{r['category_label']}")
    return 0


def cmd_stats(args, paths: LedgerPaths) -> int:
    from laomo_desktop.cli_musthaves import checklist_json, checklist_lines
    from laomo_desktop.ledger import stats
    from laomo_desktop.ledger.figures import as_json
    from laomo_desktop.ledger.metrics import WAN, target_metric
    from laomo_desktop.ledger.period import period
    from laomo_desktop.ledger.studios import find_studio
    from laomo_desktop.reports import wording as W

    studio = find_studio(args.studio)
    data = stats.studio_year(studio["uid"], args.year)
    if args.json:
        print(json_text({**as_json(data),
                         "checklist": checklist_json(paths, studio["uid"], args.year)}))
        return 0
    per = period(args.year)
    print(f"{_v(studio['name'])}  {per.label}")
    print(f"  活动 {data.activities_total} 次；{W.trainings(data)}")
    print(f"  课题 {data.projects_total} 项（本年立项 {data.projects_started} 项）；"
          + W.results_line(data, per))
    print(f"  经济效益 {W.wan(data.benefit_fen)} 万元（累计 "
          f"{W.wan(data.benefit_cumulative_fen)} 万元）")
    print(f"  经费 收入 {_yuan(data.fund_income_fen)}，支出 {_yuan(data.fund_expense_fen)}，"
          f"累计结余 {_yuan(data.fund_balance_fen)}")
    print(f"  成员 {data.members_total} 人；技能晋级 {data.promotions} 人；"
          f"师徒结对 {data.mentoring_pairs} 对，徒弟 {data.apprentices} 人")
    if data.proposals_total or data.qc_groups or data.firm_services:  # issue 16 §3's registers
        print(f"  合理化建议 {data.proposals_total} 条（已采纳 {data.proposals_adopted} 条）；"
              f"QC小组 {data.qc_groups} 个；助企服务 {data.firm_services} 次，服务企业 "
              f"{data.firms_served} 家，解决难题 {data.firm_problems_solved} 个，培训职工 "
              f"{data.firm_workers_trained} 人次")
    if data.targets:
        print("  年度目标：")
        for t in data.targets:
            target, actual = t.target, t.actual
            if target_metric(t.metric).kind == WAN:  # money: shown in 万元
                target, actual = W.wan(target), W.wan(actual)
            done = W.completion(t.actual, t.target, met=t.met)
            print(f"    {'✓' if t.met else '✗'} {_v(t.label)}：目标 {target}，"
                  f"完成 {actual}（{done}）")
    for line in checklist_lines(paths, studio["uid"], args.year):  # the union's must-have set
        print(line)
    return 0


def recover_check(args, paths: LedgerPaths, problem) -> int:
    print(f"错误：{problem.message}")
    print("共 1 个错误。", file=sys.stderr)
    return 1


def cmd_check(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger.check import SEVERITIES, check_steps, failed

    problems = run_in_terminal(check_steps(paths))
    if not problems:
        print("台账检查通过：数据库完整，附件齐全，业务规则无问题。")
        return 0
    heads = {"error": "错误", "rule": "违反规则"}
    for p in problems:
        print(f"{heads.get(p.severity, '提示')}：{_v(p.message)}")
    n = {s: sum(p.severity == s for p in problems) for s in SEVERITIES}
    print(f"共 {n['error']} 个错误，{n['rule']} 处违反规则，{n['warning']} 个提示。", file=sys.stderr)
    return 1 if failed(problems) else 0


MARKS = {"met": "✓", "partly": "◐", "missing": "✗"}


def cmd_assess(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger import assessment
    from laomo_desktop.ledger.studios import find_studio
    from laomo_desktop.reports.documents import Job, document

    template = assessment.load_template(args.template, paths.templates)  # a bad name: said first
    studio = find_studio(args.studio)
    data = document("assessment").write(Job(paths, args.year, studio["uid"], template), None)
    if args.json:
        print(json_text(data))
        return 0
    print(f"{_v(data['template']['title'])}\n{_v(studio['name'])}  {data['period_label']}")
    for c in data["criteria"]:
        print(f"  {MARKS[c['status']]} {c['score']:g}/{c['points']:g} 分  "
              f"{_v(c['id'])} {_v(c['area'])}｜{_v(c['item'])}\n      {_v(c['detail'])}")
        if c["note"]:
            print(f"      说明：{_v(c['note'])}")
        if c["evidence"]:
            more = "…" if len(c["evidence"]) > 3 else ""
            titles = "、".join(_v(e["title"]) for e in c["evidence"][:3])
            print(f"      佐证 {len(c['evidence'])} 条：{titles}{more}")
    print(f"合计 {data['score']:g} / {data['points']:g} 分（✓ 达标 {data['met']} 项，"
          f"◐ 部分达标 {data['partly']} 项，✗ 未达标 {data['missing']} 项）")
    if "grade" in data:
        print(f"评定等级：{_v(data['grade'] or '未达到评星分数')}")
    if "eligible" in data:
        print("结论：各项均达标，符合条件。" if data["eligible"] else
              "结论：尚有未达标项，暂不符合条件。")
    return 0


def cmd_report(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger.queries import find_record
    from laomo_desktop.ledger.studios import find_studio
    from laomo_desktop.reports.documents import Job, by_suffix, report_commands, with_format

    docs = report_commands()[args.report]
    kind = getattr(args, "kind", None)
    out = with_format(args.out, getattr(args, "format", None))
    doc = by_suffix([d for d in docs if kind is None or d.command[2:] == (kind,)], out)
    if not out.parent.is_dir():
        raise LaomoError(NO_FOLDER(folder=out.parent))
    uid = find_studio(args.studio)["uid"] if doc.needs_studio else None
    record = find_record(doc.picks, uid, args.record) if doc.picks and uid else None
    job = Job(paths, args.year, uid, getattr(args, "template", None),
              getattr(args, "attach", ()), getattr(args, "targets", None),
              record or getattr(args, "notice", None))
    run_in_terminal(single_step(lambda: doc.write(job, out)))
    print(_v(out))
    return 0


def cmd_templates(args, paths: LedgerPaths) -> int:
    from laomo_desktop.ledger.assessment import list_templates

    rows = list_templates(paths.templates)
    if args.json:
        print(json_text(rows))
        return 0
    for r in rows:
        where = "内置" if r["source"] == "shipped" else "自定义"
        if "error" in r:
            print(f"{_v(r['name'])}  （{where}，模板有误）{_v(r['error'])}")
        else:
            print(f"{_v(r['name'])}  {_v(r['title'])}  {r['criteria']} 项，满分 {r['total_points']:g}"
                  f"  （{where}）")
    print(f"自定义模板放在 {_v(paths.templates)} 文件夹（格式见内置模板的 README.md）。")
    return 0


def cmd_export(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import export, privacy
    from laomo_desktop.ledger.studios import find_studio

    if args.office or not args.studio:  # forward to the office above (cli_offices)
        from laomo_desktop.cli_offices import export_office
        return export_office(args, paths)
    privacy.parse_include(args.include)  # a wrong name: said before anything is looked up
    studio = find_studio(args.studio)
    result = run_in_terminal(export.export_steps(paths, studio["uid"], args.to,
                                                 include=args.include))
    print(_v(result.path))
    print(f"已写入并回读校验：第 {result.sequence} 号数据包，{result.size / 1024:.0f} KB，"
          f"签名密钥指纹 {result.fingerprint}。现在可以安全拔出 U 盘。", file=sys.stderr)
    left_out = [worded(x, "zh") for x in privacy.labels(result.omitted_fields)]
    print(f"未放入的个人信息：{'、'.join(left_out)}（需要时用 --include 放入）。" if left_out
          else "个人信息：全部放入。", file=sys.stderr)
    return 0


def cmd_verify(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import keys
    from laomo_desktop.exchange.package import read_package
    from laomo_desktop.store.schema import kind

    pkg = read_package(args.file)
    status = keys.key_status(pkg.studio_uid, pkg.public_key)
    print(f"数据包校验通过：{_v(args.file.name)}")
    print(f"  工作室：{_v(pkg.studio_name)}（{_v(pkg.studio_uid)}）")
    print(f"  第 {_v(pkg.sequence)} 号，生成于 {_v(pkg.created_at)}，格式版本 "
          f"{_v(pkg.manifest['format_version'])}，数据版本 {_v(pkg.manifest['schema_version'])}")
    counts = "、".join(f"{kind(k).label} {_v(n)}" for k, n in pkg.counts.items() if n)
    print(f"  记录：{counts}；附件文件 {len(pkg.attachments)} 个")
    print(f"  签名密钥指纹：{_v(pkg.fingerprint)}")
    if status == "match":
        print("  与本台账登记的该工作室密钥一致。")
    elif status == "first":
        print("  本台账尚未登记该工作室的密钥：导入前请与工作室核对上面的指纹。")
    else:
        pin = keys.pinned(pkg.studio_uid)
        print(f"  警告：与本台账登记的密钥（指纹 {_v(pin.fingerprint)}）不同！", file=sys.stderr)
        return 1
    return 0


def cmd_import(args, paths: LedgerPaths) -> int:
    from laomo_desktop.cli_notices import import_notice
    from laomo_desktop.cli_offices import import_office
    from laomo_desktop.exchange import importer, office
    from laomo_desktop.exchange.noticepkg import looks_like_notice
    from laomo_desktop.exchange.session import ImportSession
    from laomo_desktop.store.schema import kind

    failed = 0
    session = ImportSession()  # one backup before this call's first import
    for f in args.files:
        if office.looks_like_office(f):  # forwarded by an office below (cli_offices)
            failed += not import_office(args, paths, f, session)
            continue
        if looks_like_notice(f):  # a notice sent down by the union office (cli_notices)
            failed += not import_notice(args, paths, f, session)
            continue
        try:
            r = run_in_terminal(importer.apply_steps(paths, f, trust_new_key=args.yes,
                                                     replace_key=args.replace_key,
                                                     take_backup=session.needs_backup()))
        except importer.KeyNotTrusted as exc:
            failed += 1
            print(ABOUT_FILE(file=_v(f.name), message=NOT_TRUSTED(fingerprint=_v(exc.fingerprint))),
                  file=sys.stderr)
            continue
        except Cancelled:  # Ctrl-C: this package is rolled back and the others are not started
            raise
        except LaomoError as exc:
            failed += 1
            print(ABOUT_FILE(file=_v(f.name), message=_v(exc.message)), file=sys.stderr)
            continue
        session.imported(r.backup)
        print(_v(r.message))
        for k, c in r.preview.counts.items():
            if any(c.as_dict().values()):
                print(f"  {kind(k).label}：" + "，".join(
                    f"{worded(label, 'zh')} {getattr(c, name)}"
                    for name, label in importer.COUNT_LABELS.items()))
        for w in r.preview.warnings:
            print(f"  {NOTICE(message=_v(w))}")
    if failed:
        print(f"共 {len(args.files)} 个数据包，{failed} 个未导入。", file=sys.stderr)
    return 1 if failed else 0


def cmd_keys(args, paths: LedgerPaths) -> int:
    from laomo_desktop.exchange import keys

    print(f"本机签名密钥指纹：{_v(keys.installation_fingerprint(paths))}")
    pins = keys.list_pinned()
    if not pins:
        print("尚未登记任何工作室的签名密钥。")
    for k in pins:
        print(f"  {_v(k.fingerprint)}  {_v(k.studio_name)}（{_v(k.studio_uid)}）"
              f"登记于 {_v(k.trusted_at[:10])}")
    return 0


def _indented(label: str, text: str) -> str:
    text = visible(text, keep_newlines=True)
    return f"      {label}：" + text.replace("\n", "\n" + " " * (8 + len(label) * 2))


def cmd_conflicts(args, paths: LedgerPaths) -> int:
    from datetime import datetime

    from laomo_desktop.exchange import conflicts

    if (args.resolve is None) != (args.keep is None):
        print(ERROR(message=RESOLVE_WITH_KEEP), file=sys.stderr)
        return 2
    if args.resolve is not None:
        r = conflicts.resolve(paths, args.resolve, args.keep)
        print(_v(r["message"]))
        if r["backup"]:
            print(f"处理前已自动备份为 {_v(r['backup'].name)}。", file=sys.stderr)
        return 0
    rows = conflicts.list_conflicts()
    if args.json:
        print(json_text([{**c, "differences": [
            {"field": worded(f, "zh"), "local": worded(a, "zh"), "incoming": worded(b, "zh")}
            for f, a, b in conflicts.differences(c)]}
            for c in rows]))
        return 0
    if not rows:
        print("没有待处理的冲突。")
        return 0
    for c in rows:
        what = f"{c['kind_label']}“{_v(c['title'])}”" if c["title"] else c["kind_label"]
        pkg = f"第 {c['sequence']} 号数据包" if c["sequence"] else "数据包"
        when = datetime.fromisoformat(c["created_at"]).astimezone()
        print(f"#{c['id']}  {_v(c['studio'])} · {what} · {pkg}，导入于 {when:%Y-%m-%d %H:%M}")
        for field, local, incoming in conflicts.differences(c):
            print(f"    {_v(worded(field, 'zh'))}")
            print(_indented("本地", worded(local, "zh")))
            print(_indented("数据包", worded(incoming, "zh")))
    print(f"共 {len(rows)} 条待处理的冲突。处理：laomo conflicts --resolve 编号 "
          "--keep local（保留本地）或 --keep incoming（采用数据包）。")
    return 0


def cmd_year_start(args, paths: LedgerPaths) -> int:
    from datetime import date

    from laomo_desktop.ledger import period as P

    if args.month is not None:
        P.set_start_month(args.month)
    month = P.start_month()
    now = P.period(P.current_year(date.today()))
    kind = "自然年（1 月 1 日至 12 月 31 日）" if month == 1 else f"每年 {month} 月 1 日起"
    verb = "已设置" if args.month is not None else "当前"
    print(f"{verb}统计年度起始月：{month} 月，即{kind}。本统计年度为 {now.label}。")
    return 0


COMMANDS = {
    "year-start": cmd_year_start,
    "demo": cmd_demo, "studios": cmd_studios, "stats": cmd_stats, "check": cmd_check,
    "assess": cmd_assess, "templates": cmd_templates, "report": cmd_report,
    "export": cmd_export, "verify": cmd_verify, "import": cmd_import, "keys": cmd_keys,
    "conflicts": cmd_conflicts,
}
RECOVER = {"check": recover_check}



def gui_main() -> int:
    """Entry point of the `laomo-desktop` gui script: the window, with the same options.

    The window's one option (`--data-dir`) is read here without building the command parser
    (every sub-command of `laomo`, a noticeable part of a start); anything else (--help,
    --version, a mistake) goes through the parser, which answers exactly as `laomo gui` does."""
    data_dir = _gui_data_dir(sys.argv[1:])
    if data_dir is None:
        return main(["gui", *sys.argv[1:]])
    from laomo_desktop.ui.app import run_gui

    return run_gui(LedgerPaths(data_dir or default_data_dir()))


def _gui_data_dir(argv: list[str]) -> Path | str | None:
    """The folder `--data-dir` names ("" when the option is absent); None when `argv` is more
    than that one option, for the parser to handle."""
    if not argv:
        return ""
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return Path(argv[0].partition("=")[2])
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return Path(argv[1])
    return None


def main(argv: list[str] | None = None) -> int:
    from laomo_desktop.cli_backup import COMMANDS as BACKUP_COMMANDS
    from laomo_desktop.cli_backup import RECOVER as BACKUP_RECOVER
    from laomo_desktop.cli_excel import COMMANDS as EXCEL_COMMANDS
    from laomo_desktop.cli_forms import COMMANDS as FORM_COMMANDS
    from laomo_desktop.cli_musthaves import COMMANDS as MUST_HAVE_COMMANDS
    from laomo_desktop.cli_notices import COMMANDS as NOTICE_COMMANDS
    from laomo_desktop.cli_offices import COMMANDS as OFFICE_COMMANDS
    from laomo_desktop.cli_records import COMMANDS as RECORD_COMMANDS
    from laomo_desktop.cliargs import build_parser
    from laomo_desktop.clirun import run_command

    texts.set_language(os.environ.get("LAOMO_LANG", ""))  # the core's messages: Chinese unless asked
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "self-test":  # temporary ledgers only: the data dir is not even looked up
        from laomo_desktop import selftest

        return selftest.main()
    paths = LedgerPaths(args.data_dir or default_data_dir())
    if args.command in (None, "gui"):
        from laomo_desktop.ui.app import run_gui

        return run_gui(paths)
    from laomo_desktop.store.database import close_ledger

    try:
        commands = {**COMMANDS, **RECORD_COMMANDS, **FORM_COMMANDS, **EXCEL_COMMANDS,
                    **NOTICE_COMMANDS, **OFFICE_COMMANDS, **MUST_HAVE_COMMANDS,
                    **BACKUP_COMMANDS}
        return run_command(args, paths, commands, {**RECOVER, **BACKUP_RECOVER})
    except Cancelled:  # Ctrl-C during a job (work.run_in_terminal): the job rolled back
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except LaomoError as exc:
        print(ERROR(message=_v(exc.message)), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    finally:
        close_ledger()
